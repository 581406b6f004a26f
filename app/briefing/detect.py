"""What kind of statement a sentence is, told by its form, not by the topic it is about.

- requirement: an obligation or a floor -- modal verbs (must, shall, should, is required to,
  needs to), "in principle", "no less than", "at least", prohibitions; Chinese 应/须/不得/不低于;
- figure: a quantity -- a percentage, an amount of money, a capacity ("500P"), a bandwidth
  ("10.5Tbps"), a count ("29 tasks", "five major measures"); years and dates are not figures;
- date: a deadline or a time -- a month and year, "before the end of 2023", "by 2025", a
  span "2025-2027", an ISO date, a recurrence ("each month", "quarterly");
- responsibility: who does what -- a "Responsible units:" style label, an organisation named
  with an act (issued, organized, jointly with, in collaboration with, responsible for);
- procedure: how to comply -- submission, review, approval, application materials, procedures.

Each detector returns the spans it matched, so a long sentence can be cut to the clause that
carries them and a quiz can blank out exactly the figure or date.
"""

from __future__ import annotations

import re
from typing import Literal

from app.numerals import NUMBER_WORDS
from app.text import MEASURE_LABEL

Kind = Literal["requirement", "figure", "date", "responsibility", "procedure"]
KINDS: tuple[Kind, ...] = ("requirement", "figure", "date", "responsibility", "procedure")

_I = re.IGNORECASE
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_YEAR = r"(?:19|20)\d\d"
# "one" sizes nothing ("one of the …"); the plural scales count ("hundreds of firms").
_NUMBER_WORD = "(?:" + "|".join(
    [w for w, v in NUMBER_WORDS.items() if v >= 2] + ["dozens", "hundreds", "thousands"]) + ")"
QUALIFIER = (r"(?:no less than|not less than|no more than|not more than|at least|at most"
              r"|more than|less than|over|under|up to|nearly|about|around|approximately)\s+")

REQUIREMENT = re.compile(
    r"\b(?:must|shall|should|ought to|(?:is|are|be|been) (?:required|obliged|expected) to"
    r"|required to|requires?|needs? to|has to|have to|(?:is|are) to be|in principle"
    r"|no less than|not less than|no-less-than|at least|no more than|not exceed\w*"
    r"|(?:is|are|strictly) (?:prohibited|forbidden)|mandatory)\b"
    r"|应当|应该|必须|须|不得|严禁|原则上|不低于|不少于|不超过",
    _I,
)

DATE = re.compile(
    rf"\b(?:(?:before|by|until|from|in|at) the (?:end|beginning|start|middle) of {_YEAR}"
    rf"|{_YEAR}-\d\d-\d\d"
    rf"|{_YEAR}\s*(?:-|–|—|to)\s*{_YEAR}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*{_YEAR})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_YEAR}"
    rf"|(?:before|by|until|since|in|from|after) {_YEAR}"
    rf"|(?:on )?the \d{{1,2}}(?:st|nd|rd|th) of (?:each|every) month"
    rf"|(?:on an? )?(?:annual|quarterly|monthly|yearly) basis|each year|every year|annually"
    rf"|quarterly)\b"
    rf"|\d{{4}}年(?:底|末|前)?|\d{{1,2}}月(?:\d{{1,2}}日)?",
    _I,
)

_UNIT = (r"(?:%|\s*percent\b|\s*per cent\b|\s*(?:(?:hundred|thousand|million|billion|trillion)\s+)*"
         r"(?:yuan|RMB|CNY|dollars)\b|\s*(?:P|E)FLOPS\b|P\b(?:-level)?|\s*[TGMK]bps\b"
         r"|\s*(?:million|billion|trillion)\b|\s*(?:亿元|万元|元|个百分点))")
FIGURE = re.compile(
    rf"(?:{QUALIFIER})?(?<![\w.])(?:\d[\d,]*(?:\.\d+)?{_UNIT}"
    rf"|(?!{_YEAR}\b)\d[\d,]*(?:\.\d+)?(?=\s+(?!of\b|to\b|and\b)\d*[A-Za-z]|[个项家座])"
    rf"|\b(?:(?:one|a) )?{_NUMBER_WORD}\b(?=\s+(?!of\b|years?\b|and\b|to\b)[a-z]))",
    _I,
)
# A telephone number or a year heading sizes nothing.
_NOT_FIGURE = re.compile(r"\d{3,4}\s*-\s*\d{6,8}")

_ORG_WORD = (r"(?:Bureau|Commission|Administration|Office|Department|Government|Committee"
             r"|Council|Agency|Association|Alliance|Center|Centre|Institute|Ministry|Group"
             r"|departments|units|bureaus|commissions|offices|agencies)")
ORGANISATION = re.compile(
    rf"(?:\b(?:[A-Z][\w’'-]*|and|of|for|the|,)\s+){{1,10}}{_ORG_WORD}\b"
    rf"|\b(?:relevant|responsible|project|development|finance|local) (?:\w+ ){{0,3}}"
    rf"{_ORG_WORD}\b|[\u4e00-\u9fff]{{2,12}}(?:局|委员会|委|办公室|办|政府|部门)",
)
_ASSIGNS = re.compile(
    r"\b(?:responsib\w+|(?:jointly|together) with|in (?:collaboration|cooperation|conjunction)"
    r" with|led by|under the (?:leadership|guidance) of|(?:is|are) in charge|issued|organi[sz]ed"
    r"|released|formulated|compiled|supported by|jointly built|jointly issu\w+)\b"
    r"|\b[A-Z][a-z]+(?: [a-z]+)? (?:units?|agency|agencies|department|departments|bureau)s?:"
    r"|负责|牵头|配合|联合",
    _I,
)
# "(Responsible units: A, B, etc.)": the label, and the list it introduces.
UNITS_LABEL = re.compile(
    r"(?:Responsible|Lead|Leading|Implementing|Interpretation|Participating)\s+"
    r"(?:units?|agency|agencies|departments?|bureaus?)\s*[:：]\s*"
    r"(?P<units>[^)）]+?)(?:,?\s*etc\.?)?\s*[)）]?$",
    _I,
)

PROCEDURE = re.compile(
    r"\b(?:submi(?:t|ts|tted|tting|ssion|ssions)|review(?:s|ed|ing)?|approv(?:al|als|e|ed|ing)"
    r"|appl(?:y|ies|ied) for|application (?:materials?|forms?|proposals?|process|procedures?)"
    r"|procedures?|materials|feasibility stud(?:y|ies)|filing|regist(?:er|ered|ration)"
    r"|declar(?:e|ation))\b|申报|报送|审核|审查|审批|备案|申请",
    _I,
)


def figures_in(text: str) -> list[re.Match[str]]:
    """Figures of ``text``; a number inside a date ("May 31") or a telephone number is none."""
    dates = [m.span() for m in DATE.finditer(text)]
    return [m for m in FIGURE.finditer(text)
            if not _NOT_FIGURE.search(text, max(0, m.start() - 10), m.end() + 10)
            and not any(a < m.end() and m.start() < b for a, b in dates)]


def spans_of(kind: Kind, text: str) -> list[tuple[int, int]]:
    """Where in ``text`` the form of ``kind`` shows; empty when the sentence is not of it."""
    if kind == "requirement":
        return [m.span() for m in REQUIREMENT.finditer(text)]
    if kind == "figure":
        return [m.span() for m in figures_in(text)]
    if kind == "date":
        return [m.span() for m in DATE.finditer(text)]
    if kind == "procedure":
        return [m.span() for m in PROCEDURE.finditer(text)]
    label = UNITS_LABEL.search(text)
    if label:
        return [label.span()]
    orgs = [m.span() for m in ORGANISATION.finditer(text)]
    acts = [m.span() for m in _ASSIGNS.finditer(text)]
    return sorted(orgs + acts) if orgs and acts else []


def kinds_of(text: str) -> list[Kind]:
    return [kind for kind in KINDS if spans_of(kind, text)]


_CLAUSE_END = re.compile(r"[,;:，；：]\s+|[，；：]")
LONG_SENTENCE = 320


def clause_span(text: str, kinds: list[Kind]) -> tuple[int, int]:
    """The part of a long sentence that carries its kinds (see ``clause_around``)."""
    return clause_around(text, [span for kind in kinds for span in spans_of(kind, text)])


def clause_around(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """From the start of the clause holding the first span to the end of the clause holding
    the last. Sentences up to LONG_SENTENCE characters are kept whole."""
    if len(text) <= LONG_SENTENCE or not spans:
        return 0, len(text)
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    cuts = [0, *(m.end() for m in _CLAUSE_END.finditer(text)), len(text)]
    start = max(c for c in cuts if c <= first)
    end = min(c for c in cuts if c >= last)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:，；："):
        end -= 1
    return start, end


HEADING_WORDS = 10


def is_heading(text: str, section: str = "") -> bool:
    """A measure's or part's own label ("(16) Strengthen financial guarantee."): a name, not an
    item. ``section`` is the section path of the text's chunk, whose last part is the label."""
    label = section.rsplit(" > ", 1)[-1].strip()
    if label and text.rstrip(" .。") == label.rstrip(" .。"):
        return True
    return bool(MEASURE_LABEL.match(text)) and len(text.split()) <= HEADING_WORDS

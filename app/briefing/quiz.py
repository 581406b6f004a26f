"""Quiz questions built from brief items, each verified by asking the knowledge base.

A question blanks out what an item states -- a figure, a date or period, a name a requirement
quotes -- or asks which units a measure names as responsible. Every candidate is put to the
answering path of ``/api/ask`` (``Services.ask``, in extractive mode: the verdict must not hang
on a model's mood, and a model call per candidate would make a brief take minutes); it is kept
only when that answer is not a refusal, cites the item's document, and contains the expected
answer. So every kept question is one a participant could check against the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import zip_longest

from app.briefing.detect import DATE, UNITS_LABEL, figures_in
from app.briefing.detect import QUALIFIER as QUALIFIER_PATTERN
from app.briefing.models import BriefItem, QuizQuestion
from app.models import Answer, AskRequest, DocumentInfo

Ask = Callable[[AskRequest], Answer]
MOST_QUESTIONS = 15
FEWEST_QUESTIONS = 5
MOST_TRIES = 30  # candidates asked at most, which bounds the time a brief takes
BLANK = "____"
WINDOW = 200  # characters of context kept on each side of the blank
_QUOTED = re.compile(r"[\"“]([^\"”]{6,120})[\"”]")
_MINIMUM = re.compile(r"^(?:no less than|not less than|at least)\b", re.IGNORECASE)
_MEASURE = re.compile(r"([(（]\d{1,3}[)）])\s*(.+)")
_QUALIFIER = re.compile(rf"^{QUALIFIER_PATTERN}", re.IGNORECASE)
_RECURRENCE = re.compile(r"annual|quarterly|monthly|yearly|each|every", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    group: str  # what is asked for: share, amount, date, ... (questions are spread over these)
    hint: str  # "a minimum share", shown beside the question
    item: BriefItem
    question: str
    answer: str


def _stem_of_figure(figure: str) -> tuple[str, str]:
    lowered = figure.lower()
    if "%" in lowered or "percent" in lowered or "per cent" in lowered:
        return "share", "a minimum share" if _MINIMUM.match(figure) else "a share"
    if re.search(r"yuan|rmb|cny|dollar|元", lowered):
        return "amount", "an amount"
    if re.search(r"\dp\b|flops|bps", lowered):
        return "capacity", "a capacity"
    return "count", "a number"


def _question(info: DocumentInfo, cloze: str) -> str:
    """A fill-in-the-blank question. Its words are the clause's own: words the clause lacks
    ("What minimum share of …", even a hint "a share") count against it when the knowledge
    base ranks the sentences that could answer, so the hint is shown beside the question."""
    return f"Fill in the blank ({_place(info)}): “{cloze}”"


def _cloze(quote: str, start: int, end: int) -> str:
    """The quote with [start:end] blanked, cut to a window around the blank at word breaks."""
    before, after = quote[:start], quote[end:]
    if len(before) > WINDOW:
        before = "…" + before[-WINDOW:].split(" ", 1)[-1]
    if len(after) > WINDOW:
        after = after[:WINDOW].rsplit(" ", 1)[0] + "…"
    return f"{before}{BLANK}{after}"


def _place(info: DocumentInfo) -> str:
    return info.district or info.city or "this"


def candidates(info: DocumentInfo, items: list[BriefItem]) -> Iterator[Candidate]:
    for item in items:
        quote = item.citation.quote
        if "figure" in item.kinds:
            for m in figures_in(quote):
                if not any(ch.isdigit() for ch in m.group(0)):
                    continue  # "three elements": too easy to hit by chance to verify anything
                group, hint = _stem_of_figure(m.group(0))
                answer = m.group(0).strip().rstrip(",")
                cloze = _cloze(quote, m.start(), m.start() + len(answer))
                yield Candidate(group, hint, item, _question(info, cloze), answer)
        if "date" in item.kinds:
            for m in DATE.finditer(quote):
                if _RECURRENCE.search(m.group(0)) or item.citation.start == 0:
                    continue  # a recurrence or the dateline of the text asks nothing worth asking
                yield Candidate("date", "a date or period", item,
                                _question(info, _cloze(quote, *m.span())), m.group(0))
        for m in _QUOTED.finditer(quote):
            name = m.group(1).rstrip(",.;，。； ")
            blank = _cloze(quote, m.start(1), m.start(1) + len(name))
            yield Candidate("name", "a name", item, _question(info, blank), name)
        units = UNITS_LABEL.search(quote)
        measure = _MEASURE.match(item.citation.section.rsplit(" > ", 1)[-1])
        if "responsibility" in item.kinds and units and measure:
            yield Candidate("units", "responsible units", item,
                            f"Which units are responsible for measure {measure.group(1)} "
                            f"{measure.group(2)} in {_place(info)}?",
                            units.group("units").strip().rstrip(","))


def _spread(found: Iterator[Candidate]) -> list[Candidate]:
    """Candidates taken in turn from each group, each group in document order."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in found:
        groups.setdefault(candidate.group, []).append(candidate)
    return [c for row in zip_longest(*groups.values()) for c in row if c is not None]


def _normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    return " ".join(text.lower().split())


def _core(answer: str) -> str:
    """The answer without its qualifier: "no less than 5%" and "5%" ask the same thing."""
    return _QUALIFIER.sub("", _normal(answer))


def verified(candidate: Candidate, ask: Ask) -> Answer | None:
    answer = ask(AskRequest(question=candidate.question, mode="extractive"))
    doc_id = candidate.item.citation.doc_id
    if answer.refused or not any(c.doc_id == doc_id for c in answer.citations):
        return None
    # A whole-word match: the answer "2" is not found in "2023".
    expected = re.compile(rf"(?<!\w){re.escape(_normal(candidate.answer))}(?!\w)")
    return answer if expected.search(_normal(answer.answer)) else None


def make_quiz(info: DocumentInfo, items: list[BriefItem],
              ask: Ask) -> tuple[list[QuizQuestion], str | None]:
    quiz: list[QuizQuestion] = []
    used: set[str] = set()
    tried = 0
    for candidate in _spread(candidates(info, items)):
        if len(quiz) == MOST_QUESTIONS or tried == MOST_TRIES:
            break
        if _core(candidate.answer) in used:
            continue
        tried += 1
        answer = verified(candidate, ask)
        if answer is None:
            continue
        used.add(_core(candidate.answer))
        quiz.append(QuizQuestion(n=len(quiz) + 1, question=candidate.question, hint=candidate.hint,
                                 answer=candidate.answer, item=candidate.item.n,
                                 citation=candidate.item.citation, checked_answer=answer.answer))
    note = None
    if len(quiz) < FEWEST_QUESTIONS:
        note = (f"Only {len(quiz)} question(s) could be verified against the knowledge base "
                f"({tried} tried); the document states few figures, dates or names to ask about.")
    return quiz, note

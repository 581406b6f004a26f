"""What a web page saved as a document says of itself, not of its subject: its masthead stamp
and a news item's dateline. Both tell when (and where from) the page was published, never
when anything it tells of happens. So does a reporter's frame opening a sentence ("据介绍，"):
who told or where it was heard, not what. And whether a sentence goes on with the one before
it: one opening a statement of its own does not (``opens_statement``); one naming back a noun of
it says what that noun is (``names_back``)."""

from __future__ import annotations

import re
from functools import lru_cache

from app.numerals import CLOCK_TIME, MEASURE_WORDS, NAMES_A_DAY, ZH_NUMERAL
from app.text import CJK_CHARS, CJK_RUN

# Most words of a stamp line ("发布时间：2023-05-06 来源：市发改委 浏览次数：12") and of a dateline.
STAMP_WORDS = 8
STAMP_CHARS = 80  # nor longer (a dateline's length too)
DATELINE_WORDS = 6
# Beside a stamp's date: a time of day (CLOCK_TIME), or a field after it ("…click:0", " 来源：…").
_FIELD_AFTER = re.compile(r"\w[:：]")
# Words of issue labelling a date ("Release time:", 发布时间：, "Published:"); a label's length.
_ISSUE_LABEL = re.compile(r"releas|publish|post|issu|发布|发表|印发|更新", re.I)
LABEL_CHARS = 20
# A clause (a transcript's "11:06 梁远：首先，…") is no stamp.
_CLAUSE = re.compile(r"[，；;。]|\.\s*$")
# A news dateline: a source and a date, no clause (no preposition opens it: "On May 31, …" is the
# lead's own date), then the lead ("Wedoany.com Report-Dec.29, ", "BEIJING, Dec. 29 (Xinhua) --
# ", "新华社北京12月29日电 ").
_BRACKETED = r"(?:\s*[(（][^()（）]{1,24}[)）])?"
_DATELINE = re.compile(
    rf"^\s*(?!(?:on|in|by|at|as|from|since|before|after|until|during|for|of)\b)(?:[A-Z][\w.]*, )?"
    rf"[^\n,;!?\u3000-\u9fff\uff00-\uffef]{{0,40}}?(?:{NAMES_A_DAY.pattern}){_BRACKETED}"
    rf"(?:\s*(?:,|--|—|[-:：])\s*|\s+)(?=(?-i:[A-Z]))"
    rf"|^\s*[\u4e00-\u9fff]{{2,12}}\d{{1,2}}月\d{{1,2}}日[电讯]{_BRACKETED}\s*", re.I)


def is_stamp(line: str) -> bool:
    """A masthead stamp ("Release time:2024-08-15click:0", "2025-12-29 15:05"): a short line, no
    clause, holding a date that opens it, or that a word of issue labels, or with other fields
    ("Deadline: 2024-12-31" alone is a document's field, not its page's stamp)."""
    if len(line) > STAMP_CHARS or len(line.split()) > STAMP_WORDS or _CLAUSE.search(line) or not (
            date := NAMES_A_DAY.search(line)):
        return False
    label = line[: date.start()]  # a label, or a signature's name; no remark before it
    return len(label) <= LABEL_CHARS and (not label.strip() or bool(
        CLOCK_TIME.search(line) or _FIELD_AFTER.search(line, date.end())
        or _ISSUE_LABEL.search(label)))


def masthead_end(text: str) -> int:
    """Where the page's own words give way to its text: after a news dateline opening ``text``,
    at its end when it is all a stamp, else 0."""
    if is_stamp(text):
        return len(text)
    found = _DATELINE.match(text, 0, STAMP_CHARS)
    return found.end() if found and len(found.group(0).split()) <= DATELINE_WORDS else 0


_LAYOUT_GAP = re.compile(rf"(?<=[^\x00-\x7f])\s+(?=[{CJK_CHARS}“《（【])")


@lru_cache(maxsize=4096)  # a retrieved chunk's sentences come back with each question finding it
def laid_out(text: str) -> tuple[tuple[int, int], ...]:
    """The pieces of ``text`` cut where white space outside brackets ("（记者 栗雅婷）") separates
    Chinese text (a flat page's headline, dateline and body), each without its news dateline."""
    inside = [m.span() for m in re.finditer(r"[（(][^（）()]*[）)]", text)]
    cuts = [0, *(i for gap in _LAYOUT_GAP.finditer(text) for i in gap.span() if not any(
        a < gap.start() < b for a, b in inside)), len(text)]
    return tuple((a + masthead_end(text[a:b]), b) for a, b in zip(
        cuts[::2], cuts[1::2], strict=True) if masthead_end(text[a:b]) < b - a)


# A reporter's frame: a clause ending in a verb of saying or of learning ("市交通局表示，",
# "据介绍，", "记者2月10日从省人社厅获悉，", "记者在投放点看到，"): what was said or seen follows.
_TELLING = re.compile(r"说|表示|介绍|获悉|指出|强调|透露|了解到|看到")
_REPORTING = re.compile(rf"(?:{_TELLING.pattern})\s*[，：:,]?\s*$")


def reports(clause: str) -> bool:
    """Whether ``clause`` (a Chinese sentence's clause, its mark included) is a reporter's frame."""
    return bool(_REPORTING.search(clause))


def in_frame(text: str, start: int, end: int, question: str) -> bool:
    """Whether ``text[start:end]`` (an entity) stands in a Chinese reporter's frame ("记者26日从工商
    银行获悉，", "…副处长陈红燕介绍，"): when it was told and by whom, not what; unless the question
    asks who told it, saying a verb of telling itself."""
    opening = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)), default=0)
    close = _CLAUSE_MARK.search(text, end)
    return close is not None and reports(text[opening:close.end()]) and not _TELLING.search(
        question)


_CLAUSE_MARK = re.compile(r"[，。；：！？]")


# A sentence opening on another matter or on what comes next ("此外，", "下一步，", "届时，",
# "据悉，") adds a statement of its own to what was told before it ("目前，" may tell how the
# matter told stands: it goes on with it).
_NEW_STATEMENT = re.compile(r"\s*(?:至此|下一步|此外|另外|届时|据悉|近日|日前)")


def opens_statement(sentence: str, before: str) -> bool:
    """Whether a Chinese ``sentence`` after ``before`` starts a statement of its own rather than
    going on with it: a reporter's frame in its first clause (another speaker: "陆林表示，", "会议
    强调，"; not one naming who said the quote before it, "“…。”丛亮表示，"), an opener of that
    kind, or a question (a page of questions and answers)."""
    first = re.split(r"(?<=[，：:,])", sentence, maxsplit=1)[0]
    attributes = before.rstrip().endswith("”")
    return bool((reports(first) and not attributes) or _NEW_STATEMENT.match(sentence)) or (
        sentence.rstrip().endswith("？"))


# A demonstrative with a measure word or a number ("这六家医院", "上述场所", "该产品").
_POINTING = re.compile(rf"\s*(?:这|此|该|上述)(?:[{ZH_NUMERAL}]*[{MEASURE_WORDS}些])?")


def names_back(sentence: str, before: str, question: str) -> bool:
    """Whether ``sentence`` opens on a demonstrative pointing at a noun of the sentence ``before``
    it that ``question`` names ("…由本市六家医院组成的医疗队…。这六家医院是…"): it says what that
    noun is, so a question restating ``before`` asks what ``sentence`` goes on to say."""
    pointing = _POINTING.match(sentence)
    noun = sentence[pointing.end():pointing.end() + 2] if pointing else ""
    return bool(CJK_RUN.fullmatch(noun)) and len(noun) == 2 and noun in before and noun in question


FRAMING_CLAUSES = 3  # a frame with when and where it was told ("2月3日，在…发布会上，…介绍，")


def frame_end(sentence: str) -> int:
    """Where the reporter's frame opening a Chinese ``sentence`` ends ("…副关长蒋原介绍，在…",
    "在12日的…发布会上，…余洪伟介绍，…": who told it, when and where, not what): 0 when none
    does, among its first clauses and before its last."""
    clauses = re.split(r"(?<=[，：:,])", sentence.rstrip("，：:, "))[:-1][:FRAMING_CLAUSES]
    return max((sum(map(len, clauses[:i + 1])) for i, c in enumerate(clauses) if reports(c)),
               default=0)

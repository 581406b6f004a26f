"""The phrases of a tagged question that resolution carries or replaces (``edits`` edits them).

What a question is about is read from the taggers' words (``words``) and its places
(``places``):

* its *attribute asked*: the noun a copula links to the question word ("联系电话是多少",
  "What is the contact number?"), whose value the answer gives. It says what kind of answer
  was wanted, not what the conversation is about, so it is never carried to a follow-up;
* its *subject* (``subject_span``): the longest other noun phrase, which a follow-up that
  points back or drops its subject stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.conversation.words import Word
from app.text import QUESTION_CLAUSES, has_cjk

Span = tuple[int, int]


@dataclass(frozen=True)
class Copular:
    """A question that asks what a noun phrase is or how large ("X是多少", "What is X?", "How
    large is X …?"): any other noun phrase can take X's place and the question still fits."""

    span: Span
    value: bool  # what X is (its value: X is what was asked), not how large X is
    linked: bool = True  # by a copula; False: by another verb ("X 不低于 多少")


def inside(word: Word, spans: Sequence[Span]) -> bool:
    return any(s <= word.start and word.end <= e for s, e in spans)


def copular(found: Sequence[Word], places: Sequence[Span]) -> Copular | None:
    """The noun phrase a copula links to the question word, when nothing else is said of it:
    Chinese "联系电话是多少？", "牵头单位有哪些？" (the phrase, the copula, the question word and
    its measure word, then the end); English "What is the contact number?", "How large is the AI
    fund group Shenzhen will form?" (the question word, a degree word, the copula, then the
    phrase, not followed by a verb: "Which model is the platform built on?" is no copula)."""
    content = [n for n, w in enumerate(found) if w.content or w.interrogative or w.copula]
    if not content:
        return None
    if has_cjk("".join(w.text for w in found)):
        for n, word in enumerate(found):
            if not ((word.copula or word.predicate) and n + 1 < len(found)
                    and found[n + 1].interrogative) or (found[n + 1].selective
                                                        and not word.copula):
                continue  # 覆盖哪几年: which of a kind (years), no measure of the subject
            rest = found[n + 2:]
            if any(w.content and not w.quantity for w in rest):
                if word.copula:
                    return None  # 是哪天挂牌成立的: a cleft, the verb after says what is asked
                continue
            # Any verb whose object is the question word measures its subject ("投资比例原则上
            # 不低于多少"), as a copula does; adverbs may stand between them ("责任单位都有谁"),
            # not 的, which closes a relative clause ("印发的是谁": no noun is asked).
            at = n
            while at > 0 and not found[at - 1].noun and not found[at - 1].content \
                    and not found[at - 1].pointing and found[at - 1].text != "的":
                at -= 1
            run = _run_before(found, at, places)
            return Copular(run, True, word.copula) if run else None
        return None
    first = content[0]
    if not found[first].interrogative:
        return None
    at, degree = first + 1, False
    if at < len(found) and found[at].noun and not found[at].thing:  # "how large"
        at, degree = at + 1, True
    if at >= len(found) or not found[at].copula:
        return None
    at += 1
    while at < len(found) and not found[at].noun and not found[at].content:
        at += 1  # the, a
    run = _run_after(found, at, places)
    if run is None:
        return None
    after = next((w for w in found if w.start >= run[1]), None)
    if after is not None and after.predicate and not after.copula and not degree:
        return None
    return Copular(run, not degree)


def counted(found: Sequence[Word], places: Sequence[Span]) -> Span | None:
    """The noun phrase a question counts: after a question word and a measure word ("多少项重点
    任务", "几个领域") or "how" and a quantity adjective before a noun ("how many key tasks").
    A follow-up naming another thing asks the same count of it; a "which" question (哪个单位)
    asks one of a kind, which another thing does not fit."""
    for n, word in enumerate(found[:-1]):
        following = found[n + 1]
        if word.selective or (n and found[n - 1].selective):
            continue  # 哪几家企业 asks which firms, not how many
        if word.interrogative and word.quantity and not word.thing:  # 几个: the numeral itself
            at = n + 1
        elif word.interrogative and (following.quantity or (
                following.noun and not following.thing and not following.content)):
            # 多少 项 (a measure word); how many (a quantifier, a function word: not 专项)
            at = n + 2
        else:
            continue
        run = _run_after(found, at, places) if at < len(found) else None
        if run is not None:
            return run
    return None


def uncounted(found: Sequence[Word]) -> int | None:
    """Where a Chinese count leaves its noun out ("其中第二部分有几项？", "有几个入选省级"): the
    end of its question word's measure word when no noun follows it. Chinese drops a counted
    noun the conversation gave; the count then counts what the last question counted."""
    for n, word in enumerate(found):
        measure = word if word.interrogative and word.quantity else found[n + 1] if (
            word.interrogative and n + 1 < len(found) and found[n + 1].quantity) else None
        if measure is None or not has_cjk(word.text) or word.selective \
                or (n and found[n - 1].selective):
            continue  # 哪几年, 哪天: which ones, not how many
        after = next((w for w in found if w.start >= measure.end), None)
        return None if after is not None and after.noun else measure.end
    return None


def _selected(found: Sequence[Word], places: Sequence[Span]) -> list[Span]:
    """The bare noun a "which" question asks one of ("由哪几家企业建设", "which platform"): the
    kind of the answer, not the topic. A modified noun ("which AI joint laboratories") says
    what the question is about itself."""
    spans = []
    for n, word in enumerate(found):
        if not word.selective:
            continue
        at = n + 1
        while at < len(found) and found[at].quantity:
            at += 1
        run = _run_after(found, at, places) if at < len(found) else None
        if run is not None and sum(w.thing for w in found
                                   if run[0] <= w.start and w.end <= run[1]) < 2:
            spans.append(run)
    return spans


def _run_before(found: Sequence[Word], end: int, places: Sequence[Span]) -> Span | None:
    at = end
    while at > 0 and found[at - 1].noun and not found[at - 1].pointing \
            and not inside(found[at - 1], places):
        at -= 1
    return (found[at].start, found[end - 1].end) if at < end else None


def _run_after(found: Sequence[Word], start: int, places: Sequence[Span]) -> Span | None:
    at = start
    while at < len(found) and found[at].noun and not found[at].pointing \
            and not inside(found[at], places):
        at += 1
    while at > start and not found[at - 1].thing:
        at -= 1
    return (found[start].start, found[at - 1].end) if at > start else None


def subject_span(text: str, found: Sequence[Word], places: Sequence[Span]) -> Span | None:
    """The longest noun phrase of ``text`` that is not a place nor the attribute asked: a run
    of nouns (English: adjectives may open it), ending on a noun."""
    asked = copular(found, places)
    skip = [*places, *_selected(found, places)]
    if asked is not None and asked.value:
        skip.append(asked.span)
        owner = _possessor(found, places, asked.span) if asked.linked else None
        if owner is not None:  # not "…的企业奖励多少": 的 there closes a relative clause
            return owner
    spans = noun_spans(found, [*skip, *_modifying(found)], ending=lambda word: word.content)
    spans = _associated(found, spans)
    return max(spans, key=lambda span: span[1] - span[0]) if spans else None  # first longest


def _associated(found: Sequence[Word], spans: list[Span]) -> list[Span]:
    """"X的Y" opening a question is one phrase (试点的实施方案); not 多大规模的Y, nor 基于X的Y."""
    joined: list[Span] = []
    for span in spans:
        between = [w for w in found if joined and joined[-1][1] <= w.start and w.end <= span[0]]
        before = [w for w in found if joined and w.end <= joined[-1][0]][-1:]
        if len(between) == 1 and between[0].text == "的" and all(
                w.may_name_place for w in before) and any(
                w.thing and w.start == joined[-1][0] for w in found):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _modifying(found: Sequence[Word]) -> list[Span]:
    """Chinese noun runs inside a relative clause, a verb's object before 的 and the noun it
    modifies ("支持AI终端集聚发展的措施": AI终端): a noun in a modifier is none of the question's
    subjects, the noun after 的 is."""
    spans = []
    for n, word in enumerate(found[1:], start=1):
        if not (word.noun and found[n - 1].predicate and not found[n - 1].noun):
            continue
        at = n
        while at < len(found) and (found[at].noun or found[at].predicate) \
                and not found[at].copula:
            at += 1
        if at + 1 < len(found) and found[at].text == "的" and found[at + 1].thing \
                and any(w.predicate for w in found[n:at]):
            spans.append((word.start, found[at - 1].end))
    return spans


def _possessor(found: Sequence[Word], places: Sequence[Span], asked: Span) -> Span | None:
    """Chinese "X的Y是多少": X, whose Y is asked, whole, its verbs too ("加快建设人工智能
    全域渗透城市行动计划的期限": a title the tagger cuts at each verb is still one noun
    phrase before 的)."""
    before = [w for w in found if w.end <= asked[0]]
    if len(before) < 2 or before[-1].text != "的" or not before[-2].thing:
        return None
    at = len(before) - 1
    while at > 0 and (before[at - 1].content or before[at - 1].noun) \
            and not (before[at - 1].interrogative or before[at - 1].pointing
                     or inside(before[at - 1], places)):
        at -= 1
    return (before[at].start, before[-2].end)


def names_own_thing(found: Sequence[Word], places: Sequence[Span]) -> bool:
    """Whether a clause-less follow-up ("X呢？", "What about X?") names a thing of its own, not
    an attribute of the last subject ("期限呢？", "牵头单位呢？"): X holds a name the place index
    does not know (鹏城云脑三期, "the AI Lecturer Group": the taggers' proper or place names) or
    a possessor of its own (人工智能基金群的规模). An attribute belongs to what the conversation
    is about; a named or possessed thing is its own topic, and only the place carries over."""
    for n, word in enumerate(found):
        if word.may_name_place and not word.interrogative and not inside(word, places):
            return True
        if word.text == "的" and 0 < n < len(found) - 1 and found[n - 1].thing \
                and found[n + 1].thing:
            return True
    return False


def opening_frame(text: str, found: Sequence[Word]) -> Span | None:
    """The phrase before a question's first clause mark when it is no clause (no verb nor
    question word): where the question looks ("In Zhangzhou's plan, what …", "深圳人工智能行动
    方案里，…"), which the document carried over already says, not what it asks about."""
    mark = QUESTION_CLAUSES.search(text)
    if mark is None:
        return None
    opening = [w for w in found if w.end <= mark.start()]
    if not any(w.thing for w in opening) or any(w.predicate or w.interrogative for w in opening):
        return None
    return 0, mark.start()


def subject(text: str, found: Sequence[Word], places: Sequence[Span]) -> str:
    span = subject_span(text, found, places)
    return text[span[0]:span[1]] if span else ""


def noun_spans(found: Sequence[Word], skip: Sequence[Span],
               ending: Callable[[Word], bool] = lambda word: word.thing) -> list[Span]:
    """Every run of nouns outside ``skip`` (places, and what else the caller leaves out) that
    ends on a word ``ending`` accepts (by default a noun proper)."""
    spans, run = [], []
    for word in [*found, None]:
        if word is not None and word.noun and not word.pointing and not inside(word, skip):
            run.append(word)
            continue
        while run and not ending(run[-1]):
            run.pop()
        while run and not run[0].content:  # "many", "much": a quantifier, no part of the name
            run.pop(0)
        if run:
            spans.append((run[0].start, run[-1].end))
        run = []
    return spans


def head(found: Sequence[Word], span: Span) -> str:
    """The last noun proper inside ``span`` (a phrase's head, in both languages), lower case,
    without an English plural's s."""
    things = [w for w in found if w.thing and span[0] <= w.start and w.end <= span[1]]
    return things[-1].text.lower().removesuffix("s") if things else ""

"""A follow-up naming a place and a thing, no clause ("What about Zhangzhou's action plan?",
"那广州的试点方案呢？"): the last question asked of that thing, where the thing fits its frame,
else what the thing is (``resolve`` decides which and keeps the other as its fallback)."""

from __future__ import annotations

from collections.abc import Sequence

from app.answering.question_kinds import Kind, asked_kinds
from app.conversation.edits import edited
from app.conversation.phrases import (
    Span,
    copular,
    counted,
    head,
    inside,
    noun_spans,
    subject_span,
)
from app.conversation.places import place_spans
from app.conversation.referents import about_the_last, definite_phrases, figure_topic, titled, topic
from app.conversation.turns import Resolution, Turn
from app.conversation.words import Word, words
from app.numerals import ordinals
from app.retrieval.dictionary import english_terms
from app.retrieval.places import PlaceIndex
from app.text import has_cjk


def fitting(found: Sequence[Word], places: list[Span], thing_head: str) -> Span | None:
    """The noun phrase of the last question that a follow-up's thing can take the place of:
    one of the same kind (the same head noun, or a Chinese synonym: 试点方案 takes the place of
    新基建行动计划 whole, none of the old title's words kept), else the one a copula asks about
    ("X是多少", "How large is X") or the one it counts ("多少项X", "how many X"): the follow-up
    asks the same of its thing. None when the thing fits nowhere."""
    for span in noun_spans(found, places):
        if thing_head and same_kind(head(found, span), thing_head):
            return span
    asked = copular(found, places)
    return asked.span if asked is not None else counted(found, places)


def framed(question: str, spans: list[Span], thing: Span, last_question: str) -> str | None:
    """The last question asked of a follow-up's thing, when that question was a frame alone:
    it named no topic of its own but pointed at the conversation's ("Who issued that
    notification?", "该措施由哪些单位负责？"), so another thing fills the same frame ("And
    Guangzhou's pilot plan?": "Who issued Guangzhou's pilot plan?"). A question with a topic
    of its own ("深圳每月几号举办创投日？") frames only that topic. None when it is no frame."""
    asked = words(last_question)
    pointed = definite_phrases(asked)
    if not pointed or not about_the_last(asked, None):
        return None
    start, end = pointed[0].span
    named = question[min(spans[0][0], thing[0]):thing[1]]
    return edited(last_question, [(start, end, named)])


def what_is(question: str, own: tuple[Word, ...], spans: list[Span]) -> str:
    """A place and a thing asked alone: what the thing is ("湛江的数智化投资比例是什么？",
    "What is Haizhu's annual special fund?"), the follow-up's own words from its first place or
    content word to its last content word."""
    named = [w for w in own if w.content or inside(w, spans)]
    core = question[named[0].start:max(named[-1].end, max(e for _, e in spans))]
    return f"{core}是什么？" if has_cjk(question) else f"What is {core}?"


def same_kind(one: str, other: str) -> bool:
    """Whether two head nouns name the same kind of thing: the same word, or Chinese words the
    dictionary renders alike (计划 and 方案 are both a "plan": one document kind, not two)."""
    if one == other:
        return True
    if not (has_cjk(one) and has_cjk(other)):
        return False
    senses = {sense for term in english_terms(one) for sense in term.english}
    return any(sense in senses for term in english_terms(other) for sense in term.english)


def in_parallel(question: str, own: tuple[Word, ...], last: Turn, index: PlaceIndex) -> str | None:
    """The last question asked of a clause-less follow-up's thing, when the thing has the
    head of one of its noun phrases (not a place): an ellipsis contrasts one thing with
    another of its kind ("What about master's graduates?" after "How much do doctoral
    graduates get …?"), the rest of the question stays. None when none fits."""
    named = [w for w in own if w.content]
    if not named or named[0].quantity or not any(w.thing for w in named):
        return None  # a numbered part (第五部分呢？) is one of a series: ``resolve._one_of``
    thing = question[named[0].start:named[-1].end]
    before = last.resolved
    found = words(before)
    kind = head(own, (named[0].start, named[-1].end))
    places = place_spans(before, found, index)
    target = next((span for span in noun_spans(found, places)
                   if same_kind(head(found, span), kind)), None)
    if target is None or before[target[0]:target[1]].lower() == thing.lower():
        return None
    if len(named) > 1 and not has_cjk(before):  # a modified thing contrasts with the modifiers
        target = (_premodified(found, places, target[0]), target[1])
    return edited(before, [(*target, thing)])


def _premodified(found: Sequence[Word], places: Sequence[Span], start: int) -> int:
    """Where the English noun phrase whose run of nouns begins at ``start`` begins with its
    premodifiers: "third-level hospital" replaces "first-level designated hospital" whole, not
    its head alone (a past participle modifies like an adjective; any other verb, "firms that
    hire", "do", begins a clause of its own; a place says whose the phrase is and stays)."""
    before = [w for w in found if w.end <= start]
    while before and not before[-1].interrogative and not before[-1].pointing \
            and not inside(before[-1], places) and (before[-1].noun or before[-1].participle):
        start = before.pop().start
    return start


def of_its_kind(text: str, index: PlaceIndex, title: str | None) -> Resolution | None:
    """``text`` with its subject, when it names the last cited document (its head is a kind
    the ``title`` names), cut to that head ("漳州城市全面数字化转型试点实施方案提出了多少项重点
    任务？" → "漳州方案提出了…"): asked of another place, the last place's title names nothing
    there, only its kind carries. None otherwise."""
    found = words(text)
    span = subject_span(text, found, place_spans(text, found, index))
    kind = [w for w in found if span and w.thing and span[0] <= w.start and w.end <= span[1]]
    if span is None or not kind or (kind[-1].start, kind[-1].end) == span or not title \
            or not titled(kind[-1].text.lower().removesuffix("s"), title, has_cjk(text)):
        return None
    return Resolution(edited(text, [(*span, kind[-1].text)]), rewritten=True)


def on_topic(question: str, place: str, last: Turn) -> Resolution | None:
    """The other place's figure of what the last answer stated a figure of ("What about the
    special fund in Shenzhen?"), for when the last question's own frame finds nothing there:
    the place may fund, count or build it otherwise."""
    figured = figure_topic(last.answer)
    chinese = has_cjk(question)
    if not figured or has_cjk(figured) != chinese:
        return None
    text = f"{place}的{figured}是多少？" if chinese else f"What about the {figured} in {place}?"
    return Resolution(text, rewritten=True)


def of_members(question: str, own: tuple[Word, ...], before: str, found: Sequence[Word],
               places: list[Span]) -> str:
    """The things the last question ``before`` counted ("多少项重点任务", "how many safeguard
    measures"), when a follow-up asks which of them, how they fall or the nth one ("具体是哪些？",
    "分布在几个领域？", "What is the first of them?"): the count's answer made them what the
    conversation is about, not the document that holds them. "" otherwise: a date, a body or a
    figure asked is the document's ("由哪些单位负责？" after a count)."""
    set_of = counted(found, places)
    kinds = asked_kinds(question)
    # 哪些 asks which ones of a set, 几 how many (几大领域); English tags "what" as "which" ("what
    # bandwidth") and asks a figure with "what": a tally or an ordinal says it there
    asks = Kind.TALLY in kinds or ordinals(question, picking=True) or (has_cjk(question) and any(
        w.selective or (w.interrogative and w.quantity) for w in own))
    asking = next((n for n, w in enumerate(own) if w.interrogative), len(own))
    if set_of is None or not asks or kinds - {Kind.TALLY, Kind.COUNT, Kind.ITEMS} or topic(own) \
            or any(w.thing for w in own[:asking]):
        return ""  # a topic of its own ("保障措施一共有几条？") is what it asks of
    again = counted(own, [])
    if again is not None and head(own, again) == head(found, set_of):
        return ""  # the same count again ("有几项任务？"), of another part or the whole
    return before[set_of[0]:set_of[1]]

"""A follow-up question completed from the conversation before retrieval, by a general rule.

What a follow-up leaves out is read from what it *has*, by the taggers (``words``) and the
place index, never from its wording:

* it names a place and says nothing else ("那海珠区呢？", "What about Haizhu?"): the last
  question, asked of that place instead;
* it names no place and points back (a third-person or demonstrative pronoun: "who is
  responsible for that?", "它的期限是什么？") or is no clause at all ("期限呢？"): the pronoun
  stands for the last question's subject and place (never the attribute it asked: after
  "联系电话是多少？", the phone number is an answer, not a topic), and the answer is sought in
  the document the last answer cited; with neither to carry, it is asked as written, in that
  document;
* it names a place and a thing, and is no clause ("What about Zhangzhou's action plan?"):
  the last question, of that place and that thing, when the thing can take the place of one
  of its noun phrases (the same kind of thing, the phrase a copula asks about: "X是多少",
  "How large is X", or the one it counts: "多少项X"); otherwise it asks what the thing is
  ("那湛江的数智化投资比例呢？" after "深圳每月几号举办创投日？" is "湛江的数智化投资比例是什么？",
  not the old frame with a new object);
* it is a complete clause that names no place: it reads on in the document the last answer
  cited when that document answers its words about as well as any other (``continuity``),
  and is asked there, of the last question's place; otherwise it opens a new topic;
* anything else is a complete question, answered as asked: a new topic is never forced into
  the old one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from app.conversation.edits import (
    edited,
    fill,
    joined,
    named_place,
    replace,
    with_counted_noun,
    with_place_pointed,
)
from app.conversation.frames import fitting, in_parallel, of_its_kind, of_members, on_topic, what_is
from app.conversation.frames import framed as frame_of
from app.conversation.phrases import (
    Span,
    head,
    inside,
    names_own_thing,
    opening_frame,
    subject,
    subject_span,
)
from app.conversation.places import place_spans
from app.conversation.referents import (
    about_the_last,
    agent_of,
    definite_phrases,
    given,
    referent,
    topic,
)
from app.conversation.turns import Resolution, Turn, last_cited
from app.conversation.words import Word, words
from app.retrieval.places import PlaceIndex
from app.text import has_cjk


class Resolver:
    def __init__(self, places: Callable[[], PlaceIndex],
                 reads_on: Callable[[str, str], bool] | None = None,
                 title: Callable[[str], str | None] | None = None) -> None:
        self.places = places  # read per question: the index changes when an ingest lands
        self.title = title  # a stored document's title, by its id
        # Whether a question reads on in a document (continuity.Continuity); None: a complete
        # question naming no place is always answered as asked.
        self.reads_on = reads_on

    def _title(self, doc_id: str | None) -> str | None:
        """The title of ``doc_id`` (None: no document, or no titles to read)."""
        return self.title(doc_id) if doc_id is not None and self.title is not None else None

    def resolve(self, question: str, earlier: Sequence[Turn]) -> Resolution:
        if not earlier:
            return Resolution.as_asked(question)
        index = self.places()
        last = last_cited(earlier, index)
        own = words(question)
        filled = with_counted_noun(question, own, last.resolved, index)
        if (placed := with_place_pointed(filled, words(filled), last.resolved, index)) != filled:
            return Resolution(placed, doc_id=last.doc_id,
                              rewritten=True)  # "the city": the last place, in its document
        found = self._resolve(filled, last, index)
        found = dataclasses.replace(found, rewritten=found.rewritten or filled != question)
        title = self._title(found.doc_id)
        narrows = any(w.partitive for w in own)  # 其中, among them: a part of the last answer
        if found.doc_id is None or not (narrows or about_the_last(own, title)):
            return found
        # The clause the answer rests on: its first quote in the document (a runner-up quoted
        # beside it may be another measure's)
        return dataclasses.replace(found, near=tuple(c for c in last.cited
                                                     if c.doc_id == found.doc_id)[:1],
                                   wide=narrows, asked=filled)

    def _resolve(self, question: str, last: Turn, index: PlaceIndex) -> Resolution:
        named = index.infer(question)
        own = words(question)
        spans = place_spans(question, own, index)
        content = [w for w in own if w.content and not inside(w, spans)]
        clause = any(w.predicate for w in own)
        if named.held or named.missing:
            if content and spans and not clause:
                return self._ask_of_place_and_thing(question, own, spans, last, index)
            if content or not spans:
                return Resolution.as_asked(question)  # a place and a question of its own
            return self._ask_of_place(question, spans, last, index)
        referred = self._refer(question, own, last, index)
        if referred is not None:
            return referred
        pointing = [w for w in own if w.pointing]
        if not pointing and clause and topic(own):
            return self._read_on(question, own, last, index)
        said = [w for w in own if w.content]
        if not pointing and not clause and said and all(w.quantity for w in said) \
                and has_cjk(question):  # a Chinese numeral and its measure word name a part
            return _one_of(question[said[0].start:said[-1].end], last, index)
        if not clause and not pointing and (parallel := in_parallel(question, own, last, index)):
            return Resolution(parallel, doc_id=last.doc_id,
                              rewritten=True)  # "What about master's graduates?"
        nominal = [w for w in own if w.content or w.may_name_place]  # LAC: 鹏城云脑 a LOC
        if not clause and nominal and names_own_thing(own, spans) \
                and all(w.end <= nominal[0].start for w in pointing):  # 那 opens "what about"
            return self._named(question, last)
        return self._carry_over(question, own, pointing, last, index)

    # "X呢？" naming a thing of its own: neither the last subject nor its place is X's ----------
    def _named(self, question: str, last: Turn) -> Resolution:
        """Asked as written, in the last document when it reads on there: a name ("鹏城云脑三期
        呢？") or a possessed thing ("人工智能基金群的规模呢？") says what it is about, and the
        last subject joined to it ("深圳公共数据开放管理办法鹏城云脑三期呢？") names nothing."""
        doc_id = last.doc_id
        if doc_id is not None and (self.reads_on is None or self.reads_on(question, doc_id)):
            return Resolution(question, doc_id=doc_id)
        return Resolution.as_asked(question)

    # A definite phrase: the thing the last answer, question or document named -----------------
    def _refer(self, question: str, own: tuple[Word, ...], last: Turn,
               index: PlaceIndex) -> Resolution | None:
        doc_id = last.doc_id
        title = self._title(doc_id)
        for definite in definite_phrases(own):
            found = referent(definite, question, last.answer, last.resolved, title)
            if found is None:
                continue
            if not found.phrase:  # in the document: asked there, of the last place
                if locative := [w for w in own if w.locative]:
                    # 其中…那部分: a part of what 其 points at, the last question's subject
                    return self._carry_over(question, own, locative, last, index)
                return _of_last_place(question, own, last, index, doc_id)
            start, end = definite.span
            before = last.resolved
            place = joined([before[s:e] for s, e in place_spans(before, words(before), index)
                            if before[s:e] not in found.phrase], question)
            if has_cjk(question):
                named = place + found.phrase
            else:
                named = f"the {found.phrase}" + (f" in {place}" if place else "")
            return Resolution(f"{question[:start]}{named}{question[end:]}", doc_id=doc_id,
                              rewritten=True)
        return None

    # A place alone: the last question, of that place ---------------------------------------
    def _ask_of_place(self, question: str, spans: list[Span], last: Turn,
                      index: PlaceIndex) -> Resolution:
        place = "".join(question[s:e] for s, e in spans[:1]) if len(spans) == 1 else \
            joined([question[s:e] for s, e in spans], question)
        before = last.resolved
        old = place_spans(before, words(before), index)
        if old:
            text = replace(before, old, place)
        elif has_cjk(before):
            text = place + before
        else:
            text = f"{before.rstrip(' ?？')} in {place}?"
        title = self._title(last.doc_id)
        return Resolution(text, rewritten=True, fallback=lambda: on_topic(question, place, last)
                          or of_its_kind(text, index, title))

    # A place and a thing, no clause: the last question, of both, where the thing fits --------
    def _ask_of_place_and_thing(self, question: str, own: tuple[Word, ...], spans: list[Span],
                                last: Turn, index: PlaceIndex) -> Resolution:
        thing = subject_span(question, own, spans)
        if thing is None:
            return Resolution.as_asked(question)
        before = last.resolved
        before_words = words(before)
        old_places = place_spans(before, before_words, index)
        target = fitting(before_words, old_places, head(own, thing))
        what = Resolution(what_is(question, own, spans), rewritten=True)
        if target is None:
            # An ellipsis keeps the last question's frame and replaces what it pointed at; a
            # frame the documents answer with nothing for the new thing: what the thing is.
            framed = frame_of(question, spans, thing, last.question)
            return what if framed is None else Resolution(framed, rewritten=True,
                                                          fallback=lambda: what)
        if not old_places:
            return what
        place = joined([question[s:e] for s, e in spans], question)
        edits = [(s, e, place if n == 0 else "") for n, (s, e) in enumerate(old_places)]
        text = edited(before, [*edits, (*target, question[thing[0]:thing[1]])])
        return Resolution(text, rewritten=True)

    # A complete clause naming no place: on in the last document, or a new topic ---------------
    def _read_on(self, question: str, own: tuple[Word, ...], last: Turn,
                 index: PlaceIndex) -> Resolution:
        doc_id = last.doc_id
        if doc_id is None:  # no document yet to say whether it reads on: the place still does
            return _of_last_place(question, own, last, index, None)
        if self.reads_on is None or not (given(question, own, last.answer, last.resolved)
                                         or self.reads_on(question, doc_id)):
            return Resolution.as_asked(question)
        return _of_last_place(question, own, last, index, doc_id)

    # Points back, or no clause: the last subject, place and document --------------------------
    def _carry_over(self, question: str, own: tuple[Word, ...], pointing: list[Word],
                    last: Turn, index: PlaceIndex) -> Resolution:
        before = last.resolved
        doc_id = last.doc_id
        chinese = has_cjk(question)
        title = self._title(doc_id)
        if pointing and (agent := agent_of(question, last.resolved, last.answer, title)):
            return Resolution(fill(question, own, pointing, agent, chinese), doc_id=doc_id,
                              rewritten=True)
        before_words = words(before)
        old_spans = place_spans(before, before_words, index)
        # A clause pointing back ("How many tasks is that?") points at what the last question
        # asked of inside its opening frame ("In Zhangzhou's plan, …"), which the document says;
        # "What about X?" and "the first of them" stay in the frame (X for that subject).
        clause = any(w.predicate for w in own) and not of_members(
            question, own, before, before_words, old_spans)
        frame = opening_frame(before, before_words) if doc_id and clause else None
        carried = (frame and subject(before, before_words, [*old_spans, frame])) \
            or subject(before, before_words, old_spans)
        if carried and pointing:  # a body beside the subject ("…发展局同一天宣布开工的智算中心")
            # acts on it, it is not where it is: a pronoun stands for the subject alone (with
            # no pronoun, "一共有几条？", the body still says whose subject it is)
            old_spans = [s for s in old_spans if not any(
                w.body and w.start == s[0] and w.end == s[1] for w in before_words)]
        old_places = [before[s:e] for s, e in old_spans]
        members = of_members(question, own, before, before_words, old_spans) if carried else ""
        if members and members not in carried and carried not in members:
            carried = f"{carried}的{members}" if chinese else f"{members} of the {carried}"
        if not carried and not old_places:
            # nothing to say it with: asked as written, in the conversation's document
            return Resolution(question, doc_id=doc_id)
        place = joined(old_places, question)
        if chinese:
            phrase = place + carried
        else:
            phrase = " ".join(p for p in (f"the {carried}" if carried else "",
                                          f"in {place}" if place else "") if p)
        text = fill(question, own, pointing, phrase, chinese)
        return Resolution(text, doc_id=doc_id, rewritten=True)


def _one_of(numbered: str, last: Turn, index: PlaceIndex) -> Resolution:
    """A number alone ("一期呢？", "第二批呢？"): which one of the last question's subject (or
    place, when the place index names the thing itself), asked the same of it:
    "琶洲空间智算中心一期的总算力规模是多少？"."""
    before = last.resolved
    found = words(before)
    places = place_spans(before, found, index)
    span = subject_span(before, found, places) or (places[-1] if places else None)
    doc_id = last.doc_id
    if span is None:
        return Resolution(f"{numbered}{before}", doc_id=doc_id, rewritten=True)
    return Resolution(before[:span[1]] + numbered + before[span[1]:], doc_id=doc_id,
                      rewritten=True)


def _of_last_place(question: str, own: tuple[Word, ...], last: Turn, index: PlaceIndex,
                   doc_id: str | None) -> Resolution:
    """``question`` asked in ``doc_id``, of the last question's place (its subject is not
    carried: the question has one of its own): the place's own name, not the name it opens
    ("广州城市全域数字化转型试点方案" is Guangzhou's plan, the last subject, whose summary lists
    every part and so matches the new question's words best)."""
    before = last.resolved
    place = joined([named_place(before[s:e], index)
                    for s, e in place_spans(before, words(before), index)], question)
    if not place:
        return Resolution(question, doc_id=doc_id)
    chinese = has_cjk(question)
    text = fill(question, own, [], place if chinese else f"in {place}", chinese)
    return Resolution(text, doc_id=doc_id, rewritten=True)

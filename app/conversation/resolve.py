"""A follow-up question completed from the conversation before retrieval, by a general rule.

What a follow-up leaves out is read from what it *has*, by the taggers (``words``) and the
place index, never from its wording:

* it names a place and says nothing else ("那海珠区呢？", "What about Haizhu?"): the last
  question, asked of that place instead;
* it names no place and points back (a third-person or demonstrative pronoun: "who is
  responsible for that?", "它的期限是什么？") or is no clause at all ("期限呢？"): the pronoun
  stands for the last question's subject and place, and the answer is sought in the document
  the last answer cited;
* it names a place and a thing, and is no clause ("What about Zhangzhou's action plan?"):
  the last question, of that place and that thing;
* it is a complete clause that names no place: it reads on in the document the last answer
  cited when that document answers its words about as well as any other (``continuity``),
  and is asked there, of the last question's place; otherwise it opens a new topic;
* anything else is a complete question, answered as asked: a new topic is never forced into
  the old one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.conversation.words import Word, words
from app.retrieval.places import PlaceIndex
from app.text import has_cjk


@dataclass(frozen=True)
class Turn:
    """What resolution reads of an earlier turn."""

    question: str  # as asked
    resolved: str  # as answered (the question itself when it needed nothing)
    doc_ids: tuple[str, ...] = ()  # documents its answer cited, first cited first


@dataclass(frozen=True)
class Resolution:
    question: str  # what retrieval and the answerer read
    doc_id: str | None = None  # the document the answer is sought in, carried over
    rewritten: bool = False

    @classmethod
    def as_asked(cls, question: str) -> Resolution:
        return cls(question)


Span = tuple[int, int]
# English words that follow a place's name as part of it, as 区/县/市 do in Chinese (where the
# tagger keeps them in the name's word).
_DESIGNATORS = frozenset({"district", "city", "county", "province", "municipality", "town"})


class Resolver:
    def __init__(self, places: Callable[[], PlaceIndex],
                 reads_on: Callable[[str, str], bool] | None = None) -> None:
        self.places = places  # read per question: the index changes when an ingest lands
        # Whether a question reads on in a document (continuity.Continuity); None: a complete
        # question naming no place is always answered as asked.
        self.reads_on = reads_on

    def resolve(self, question: str, earlier: Sequence[Turn]) -> Resolution:
        if not earlier:
            return Resolution.as_asked(question)
        last = earlier[-1]
        index = self.places()
        named = index.infer(question)
        own = words(question)
        place_spans = self._place_spans(question, own, index)
        content = [w for w in own if w.content and not _inside(w, place_spans)]
        clause = any(w.predicate for w in own)
        if named.held or named.missing:
            if content and place_spans and not clause:
                return self._ask_of_place_and_thing(question, own, place_spans, last, index)
            if content or not place_spans:
                return Resolution.as_asked(question)  # a place and a question of its own
            return self._ask_of_place(question, place_spans, last, index)
        pointing = [w for w in own if w.pointing]
        if not pointing and clause and _topic(own):
            return self._read_on(question, own, last, index)
        return self._carry_over(question, own, pointing, last, index)

    # A place alone: the last question, of that place ---------------------------------------
    def _ask_of_place(self, question: str, spans: list[Span], last: Turn,
                      index: PlaceIndex) -> Resolution:
        place = "".join(question[s:e] for s, e in spans[:1]) if len(spans) == 1 else \
            _joined([question[s:e] for s, e in spans], question)
        before = last.resolved
        old = self._place_spans(before, words(before), index)
        if old:
            text = _replace(before, old, place)
        elif has_cjk(before):
            text = place + before
        else:
            text = f"{before.rstrip(' ?？')} in {place}?"
        return Resolution(text, rewritten=True)

    # A place and a thing, no clause: the last question, of both ------------------------------
    def _ask_of_place_and_thing(self, question: str, own: tuple[Word, ...], spans: list[Span],
                                last: Turn, index: PlaceIndex) -> Resolution:
        before = last.resolved
        before_words = words(before)
        old_places = self._place_spans(before, before_words, index)
        old_subject = _subject_span(before, before_words, old_places)
        thing = _subject(question, own, spans)
        if not old_places or old_subject is None or not thing:
            return Resolution.as_asked(question)  # nothing to put them in
        place = _joined([question[s:e] for s, e in spans], question)
        edits = [(s, e, place if n == 0 else "") for n, (s, e) in enumerate(old_places)]
        text = _edited(before, [*edits, (*old_subject, thing)])
        return Resolution(text, rewritten=True)

    # A complete clause naming no place: on in the last document, or a new topic ---------------
    def _read_on(self, question: str, own: tuple[Word, ...], last: Turn,
                 index: PlaceIndex) -> Resolution:
        doc_id = last.doc_ids[0] if last.doc_ids else None
        if doc_id is None or self.reads_on is None or not self.reads_on(question, doc_id):
            return Resolution.as_asked(question)
        before = last.resolved
        place = _joined([before[s:e] for s, e in self._place_spans(before, words(before), index)],
                        question)
        if not place:
            return Resolution(question, doc_id=doc_id)
        chinese = has_cjk(question)
        text = _fill(question, own, [], place if chinese else f"in {place}", chinese)
        return Resolution(text, doc_id=doc_id, rewritten=True)

    # Points back, or no clause: the last subject, place and document --------------------------
    def _carry_over(self, question: str, own: tuple[Word, ...], pointing: list[Word],
                    last: Turn, index: PlaceIndex) -> Resolution:
        before = last.resolved
        before_words = words(before)
        old_places = [before[s:e] for s, e in self._place_spans(before, before_words, index)]
        subject = _subject(before, before_words, self._place_spans(before, before_words, index))
        if not subject and not old_places:
            return Resolution.as_asked(question)
        chinese = has_cjk(question)
        place = _joined(old_places, question)
        if chinese:
            phrase = place + subject
        else:
            phrase = " ".join(p for p in (f"the {subject}" if subject else "",
                                          f"in {place}" if place else "") if p)
        text = _fill(question, own, pointing, phrase, chinese)
        doc_id = last.doc_ids[0] if last.doc_ids else None
        return Resolution(text, doc_id=doc_id, rewritten=True)

    @staticmethod
    def _place_spans(text: str, found: Sequence[Word], index: PlaceIndex) -> list[Span]:
        """Spans of ``text`` that name places: in a run of words a tagger takes for names, the
        shortest start the place index knows, with the designator after it (Haizhu District);
        the rest of the run names something else (Pazhou | Space Computing Center)."""
        spans: list[Span] = []
        run: list[Word] = []
        for word in [*found, None]:
            if word is not None and word.may_name_place:
                run.append(word)
                continue
            while run:
                end = next((end for end in range(1, len(run) + 1)
                            if _names_place(text[run[0].start:run[end - 1].end], index)), 0)
                if not end:
                    break
                while end < len(run) and run[end].text.lower() in _DESIGNATORS:
                    end += 1
                spans.append((run[0].start, run[end - 1].end))
                run = run[end:]
            run = []
        return spans


def _names_place(text: str, index: PlaceIndex) -> bool:
    seen = index.infer(text)
    return bool(seen.held or seen.missing)


def _topic(own: Sequence[Word]) -> list[Word]:
    """The nouns a question is about, beside a bare noun it asks for: in "which units are
    responsible for the fund?" the fund, not the units; "由哪些单位负责？" has none (Chinese drops
    the subject a conversation already gave). A modified noun asked for ("how many AI joint
    laboratories") says what it is about itself."""
    asked: set[int] = set()
    for n, word in enumerate(own):
        if word.interrogative:  # the noun phrase right after a wh-word is what is asked
            run = []
            at = n + 1
            while at < len(own) and own[at].quantity:  # 哪几家企业: the noun after 几家
                at += 1
            while at < len(own) and own[at].noun and not own[at].interrogative:
                run.append(at)
                at += 1
            if sum(own[i].thing for i in run) < 2:
                asked.update(run)
    return [w for n, w in enumerate(own) if w.thing and n not in asked]


def _inside(word: Word, spans: list[Span]) -> bool:
    return any(s <= word.start and word.end <= e for s, e in spans)


def _joined(parts: list[str], question: str) -> str:
    return ("、" if has_cjk(question) else " and ").join(dict.fromkeys(parts))


def _replace(text: str, spans: list[Span], place: str) -> str:
    """``text`` with its first place span made ``place`` and any other dropped."""
    return _edited(text, [(s, e, place if n == 0 else "") for n, (s, e) in enumerate(spans)])


def _edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end) span, none overlapping another, made its replacement."""
    out, at = [], 0
    for start, end, replacement in sorted(edits):
        out += [text[at:start], replacement]
        at = end
    out.append(text[at:])
    return " ".join("".join(out).split()) if not has_cjk(text) else "".join(out)


def _subject(text: str, found: Sequence[Word], places: list[Span]) -> str:
    span = _subject_span(text, found, places)
    return text[span[0]:span[1]] if span else ""


def _subject_span(text: str, found: Sequence[Word], places: list[Span]) -> Span | None:
    """The longest noun phrase of ``text`` that is not a place: a run of nouns (English:
    adjectives may open it), ending on a noun."""
    best: Span | None = None
    run: list[Word] = []
    for word in [*found, None]:
        if word is not None and word.noun and not word.pointing and not _inside(word, places):
            run.append(word)
            continue
        while run and not run[-1].content:
            run.pop()
        if run:
            span = (run[0].start, run[-1].end)
            if best is None or span[1] - span[0] > best[1] - best[0]:
                best = span
        run = []
    return best


def _fill(question: str, own: tuple[Word, ...], pointing: list[Word], phrase: str,
          chinese: bool) -> str:
    """``question`` with its pointing words standing for ``phrase``; with none, ``phrase`` is
    added where the language puts what a question is about."""
    if pointing:
        out, at, determined = [], 0, False
        for word in pointing:
            out.append(question[at:word.start])
            at = word.end
            after = next((w for w in own if w.start >= at), None)
            if after is not None and after.quantity and not after.interrogative:
                at = after.end  # 这项措施: a demonstrative takes a measure word before its noun
                after = next((w for w in own if w.start >= at), None)
            named = _noun_run(question, own, at)
            if named and not word.possessive and _heads(named, phrase):
                # "that fund group", 该基金群: the phrase names that very thing
                out.append(phrase)
                at += len(named)
            elif after is not None and after.noun and not word.possessive:
                # "that measure", 该措施: the noun stays, the phrase says whose it is
                out.append("" if chinese else "the")
                determined = True
            else:
                out.append(phrase + ("'s" if word.possessive and not chinese else ""))
        out.append(question[at:])
        text = "".join(out).replace("the the ", "the ")
        if not determined:
            return text
        return f"{phrase}的{text}" if chinese else f"{text.rstrip(' ?')} ({phrase})?"
    start = own[0].end if own and own[0].leading_link else 0
    rest = question[start:].strip()
    if chinese:  # 的 joins the phrase to a noun (…的期限呢), not to a verb (…由谁负责)
        first = next((w for w in own if w.start >= start), None)
        return f"{phrase}{'的' if first is not None and first.thing else ''}{rest}"
    return f"{rest.rstrip(' ?')} ({phrase})?"


def _noun_run(question: str, own: tuple[Word, ...], start: int) -> str:
    """The nouns right after ``start`` (white space kept), as the text writes them."""
    run = []
    for word in own:
        if word.end <= start:
            continue
        if not word.noun or word.pointing:
            break
        run.append(word)
    return question[start:run[-1].end] if run else ""


def _heads(named: str, phrase: str) -> bool:
    """Whether ``named`` ("fund group", 基金群) is the head of ``phrase``'s noun phrase ("the AI
    fund group in Shenzhen", 深圳人工智能基金群): the phrase ends with it, before any place."""
    head = phrase.split(" in ")[0] if " in " in phrase else phrase
    return bool(named.strip()) and head.lower().endswith(named.strip().lower())

"""Where the last answer stood: the passages it cited, and the ones around them.

A follow-up that points back ("who is responsible for that?", "Who must review it?", 这项工作)
asks about the clause just cited, and what it wants usually stands beside that clause: a plan
names each measure's responsible units right after it, a notice says who reviews a report in the
sentence after the one requiring it. Retrieval over the whole document ranks every measure's
"Responsible units" line alike and picked another measure's. So such a follow-up is answered
first from the cited passage's neighbourhood, and from the store only when that says nothing.

* ``located``: where an answer's quotes stand in the documents it cited. A conversation the
  server keeps has the citations' offsets; a client sends the answer's text (chat front ends
  keep nothing else), and a quote is verbatim, so it is found in the document's text. Every
  place the document states the quote counts: a plan's summary restating a measure stands far
  from the measure and its units.
* ``Neighbourhood``: the chunks around those places: the rest of the cited chunk's section
  (a plan's measure, a notice's numbered item) within ``SECTION_REACH`` chunks, or, in a
  document without sections, the chunk before and the chunk after.
* ``without``: those chunks without the clause just cited. A follow-up asks something new, and
  the question it is resolved to restates the cited clause's subject ("Which units are
  responsible for the AI service area?"), which the cited clause then matches best: read
  without it, the neighbourhood answers with what stands beside it.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from app.store.records import Chunk
from app.text import sentence_spans


@dataclass(frozen=True)
class Cited:
    """A span of a stored document an answer quoted."""

    doc_id: str
    start: int
    end: int


# How far (in chunks) the neighbourhood reaches inside the cited chunk's section, and outside
# any section: a measure is a few chunks; a long section's far end is another matter.
SECTION_REACH = 3
UNSECTIONED_REACH = 1
# Documents whose chunk lists are kept (a conversation returns to few documents).
DOCUMENTS_KEPT = 32
# A quote shorter than this is not sought in a text (a figure alone is found anywhere).
SHORTEST_QUOTE = 12
# A marker after a quote (" [1]"), which separates an extractive answer's quotes.
_MARKER = re.compile(r"\s*\[\d+\]\s*")
# A bracketed aside at a quote's end, after its sentence's last stop: (Responsible units: …)
_ASIDE = re.compile(r"(?<=[.。;；])\s*[(（][^()（）]+[)）]\s*$")


def located(answer: str, doc_ids: Sequence[str],
            text: Callable[[str], str | None]) -> tuple[Cited, ...]:
    """Where the quotes of ``answer`` (an answer's text, as a client kept it) stand in the
    documents it cited; a quote may follow a note ("Note: … expired on …"), so each is sought
    from each of its sentences on. A generated answer, which quotes nothing, stands nowhere."""
    pieces = [p for p in _MARKER.split(answer) if len(p.strip()) >= SHORTEST_QUOTE]
    found: list[Cited] = []
    for doc_id in doc_ids:
        body = text(doc_id)
        if not body:
            continue
        for piece in pieces:
            for start, _ in sentence_spans(piece):
                quote = piece[start:].strip()
                if len(quote) < SHORTEST_QUOTE:
                    break
                places = _occurrences(body, quote)
                if places:
                    found += [Cited(doc_id, at, at + len(quote)) for at in places]
                    break
    return tuple(dict.fromkeys(found))


def restated(cited: Sequence[Cited], text: Callable[[str], str | None]) -> tuple[Cited, ...]:
    """``cited`` without a closing aside, with every other place its documents state the same
    quote."""
    found: list[Cited] = []
    for span in cited:
        body = text(span.doc_id) or ""
        span = _before_aside(body, span)
        found.append(span)
        quote = body[span.start:span.end]
        if len(quote.strip()) >= SHORTEST_QUOTE:
            found += [Cited(span.doc_id, at, at + len(quote)) for at in _occurrences(body, quote)]
    return tuple(dict.fromkeys(found))


def _before_aside(body: str, span: Cited) -> Cited:
    """``span`` without the bracketed aside that closes it: "… before the end of 2023.
    (Responsible units: …)" is one sentence to the splitter, but the aside is a statement of its
    own (who does it, not what is done), which a follow-up may ask for ("Which units are
    responsible for it?"); an answer quoting it says more than the clause the last answer
    stood on."""
    aside = _ASIDE.search(body, span.start, span.end)
    return replace(span, end=aside.start()) if aside and aside.start() > span.start else span


def _occurrences(body: str, quote: str) -> list[int]:
    places, at = [], body.find(quote)
    while at >= 0:
        places.append(at)
        at = body.find(quote, at + 1)
    return places


def without(chunks: Sequence[Chunk], spans: Sequence[Cited]) -> list[Chunk]:
    """``chunks`` with ``spans`` cut out: the text before and after a span stay, as pieces at
    their own offsets in the document."""
    pieces: list[Chunk] = []
    for chunk in chunks:
        cuts = sorted((max(s.start, chunk.start), min(s.end, chunk.end)) for s in spans
                      if s.doc_id == chunk.doc_id and s.start < chunk.end
                      and chunk.start < s.end)
        at = chunk.start
        for start, end in [*cuts, (chunk.end, chunk.end)]:
            text = chunk.text[at - chunk.start:start - chunk.start]
            if text.strip():
                pieces.append(replace(chunk, text=text, start=at, end=start))
            at = max(at, end)
    return pieces


class Neighbourhood:
    """The chunks around cited spans, from each document's chunk list (kept per version)."""

    def __init__(self, chunks_of: Callable[[str], list[Chunk]],
                 version: Callable[[str], str | None]) -> None:
        self.chunks_of = chunks_of  # a document's chunks in reading order
        self.version = version  # a stored document's hash: a new version lists anew
        self._kept: OrderedDict[tuple[str, str | None], list[Chunk]] = OrderedDict()

    def around(self, cited: Sequence[Cited]) -> list[Chunk]:
        """The cited chunks first (in the order cited), then their neighbours in reading order."""
        first: list[Chunk] = []
        others: list[Chunk] = []
        for span in cited:
            chunks = self._chunks(span.doc_id)
            for n, chunk in enumerate(chunks):
                if chunk.start < span.end and span.start < chunk.end:
                    first.append(chunk)
                    others += _beside(chunks, n)
        ordered = list({c.chunk_id: c for c in [*first, *others]}.values())
        return ordered

    def _chunks(self, doc_id: str) -> list[Chunk]:
        key = (doc_id, self.version(doc_id))
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        chunks = sorted(self.chunks_of(doc_id), key=lambda c: c.start)
        self._kept[key] = chunks
        while len(self._kept) > DOCUMENTS_KEPT:
            self._kept.popitem(last=False)
        return chunks


def _beside(chunks: Sequence[Chunk], at: int) -> list[Chunk]:
    """The chunks beside ``chunks[at]``: of its section, or the next and previous ones."""
    section = chunks[at].section
    reach = SECTION_REACH if section else UNSECTIONED_REACH
    near = chunks[max(0, at - reach):at + reach + 1]
    return [c for c in near if c.section == section and c is not chunks[at]]

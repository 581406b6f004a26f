"""The brief of one document, and one topic compared across documents.

Items are the document's own sentences (or, for a long sentence, the clause carrying the form
that made it an item), cut with ``app.text`` like every quote, and cited with
``app.answering.citations`` like every answer: ``document_text[start:end] == quote``. Without a
model the brief depends on the stored chunks alone, so the same store gives the same brief.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.answering.citations import Sentence, citation, sentences_of
from app.briefing.detect import KINDS, Kind, clause_around, clause_span, is_heading, kinds_of
from app.briefing.models import (
    SECTION_LABELS,
    Brief,
    BriefItem,
    BriefSection,
    Overview,
    TopicComparison,
    TopicRow,
)
from app.briefing.quiz import make_quiz
from app.models import Answer, AskRequest, DocumentInfo, Filters
from app.retrieval.glossary import expand_query
from app.retrieval.hybrid import Hit
from app.store.records import Chunk
from app.text import content_tokens, has_cjk, sentence_spans, stem, stem_words

Ask = Callable[[AskRequest], Answer]
MIN_WORDS = 3  # "Three tasks;" is a fragment of a list, not an item
NO_MODEL = "No model is configured, so the brief is fully extractive."
# One question (the answer is one summary): a noun list, no second interrogative clause to split.
OVERVIEW_QUESTION = ("What does “{title}” set out: its main requirements, figures and targets, "
                     "deadlines and responsible bodies?")


@dataclass(frozen=True)
class Found:
    sentence: Sentence
    kinds: list[Kind]


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def find_items(chunks: list[Chunk]) -> list[Found]:
    """The document's requirement-like sentences, each once, in document order. A sentence the
    text repeats (Shenzhen's preamble repeats measure (16)) is kept where its section is most
    specific."""
    best: dict[str, Found] = {}
    for chunk in chunks:
        for start, end in sentence_spans(chunk.text):
            text = chunk.text[start:end]
            short = len(text.split()) < MIN_WORDS and not has_cjk(text)
            if short or is_heading(text, chunk.section):
                continue
            kinds = kinds_of(text)
            if not kinds:
                continue
            a, b = clause_span(text, kinds)
            clause = text[a:b]
            found = Found(Sentence(chunk, chunk.start + start + a, chunk.start + start + b,
                                   clause, 0), kinds_of(clause) or kinds)
            old = best.get(_key(clause))
            if old is None or len(chunk.section) > len(old.sentence.chunk.section):
                best[_key(clause)] = found
    return sorted(best.values(), key=lambda f: f.sentence.start)


def _items(found: list[Found], first: int = 1) -> list[BriefItem]:
    return [BriefItem(n=n, kinds=f.kinds, citation=citation(n, f.sentence, 1.0))
            for n, f in enumerate(found, start=first)]


def build_brief(info: DocumentInfo, chunks: list[Chunk], ask: Ask, with_model: bool) -> Brief:
    items = _items(find_items(chunks))
    sections = [BriefSection(kind=kind, label=SECTION_LABELS[kind],
                             items=[i for i in items if kind in i.kinds]) for kind in KINDS]
    quiz, quiz_note = make_quiz(info, items, ask)
    overview, overview_note = _overview(info, ask) if with_model else (None, NO_MODEL)
    return Brief(document=info, model=with_model, overview=overview, overview_note=overview_note,
                 sections=sections, empty_sections=[s.kind for s in sections if not s.items],
                 quiz=quiz, quiz_note=quiz_note)


def _overview(info: DocumentInfo, ask: Ask) -> tuple[Overview | None, str | None]:
    """The model's summary through the answering path of /api/ask in mode ``generate``, so the
    same citation check decides what is kept; any fallback means no overview."""
    answer = ask(AskRequest(question=OVERVIEW_QUESTION.format(title=info.title or info.doc_id),
                            filters=Filters(doc_id=info.doc_id), mode="generate"))
    if answer.refused or answer.fallback or answer.mode != "generate" or not answer.citations:
        why = answer.fallback or ("refused" if answer.refused else "no cited sentence")
        return None, f"The model's overview was not used ({why}); the items below are quoted."
    return Overview(text=answer.answer, citations=answer.citations), None


# Topics ---------------------------------------------------------------------------------------
# A word as a topic names it: letters, or letters with digits ("5G"); a hyphen joins two words
# ("low-altitude" holds "altitude"), as the topic's own words are read (``content_tokens``).
WORD = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9]*")


def topic_terms(topic: str) -> set[str]:
    """Stems of the topic's English words (a Chinese topic through the glossary)."""
    words = [w for w in content_tokens(expand_query(topic)) if w.isascii()]
    return set(stem_words(words))


def _topic_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)
            if stem(m.group(0)) in terms]


def compare_topic(topic: str, hits: list[Hit], documents: list[DocumentInfo],
                  expired: bool = False) -> TopicComparison:
    """Per document, the sentences of the retrieved passages that hold every word of the topic,
    in document order; documents ordered by city. Documents not in force are left out (and
    listed) unless ``expired``."""
    left_out = [] if expired else [d.doc_id for d in documents if d.validity.status != "in_force"]
    documents = [d for d in documents if d.doc_id not in left_out]
    hits = [h for h in hits if h.chunk.doc_id not in left_out]
    terms = topic_terms(topic)
    per_doc: dict[str, dict[str, Found]] = {}
    for sentence in sentences_of(hits) if terms else []:
        spans = _topic_spans(sentence.text, terms)
        if {stem(sentence.text[a:b]) for a, b in spans} != terms \
                or is_heading(sentence.text, sentence.chunk.section):
            continue
        a, b = clause_around(sentence.text, spans)
        clause = sentence.text[a:b]
        clipped = Sentence(sentence.chunk, sentence.start + a, sentence.start + b, clause, 0)
        per_doc.setdefault(sentence.chunk.doc_id, {}).setdefault(
            _key(clause), Found(clipped, kinds_of(clause)))
    by_id = {d.doc_id: d for d in documents}
    order = sorted(per_doc, key=lambda d: (by_id[d].city or "", by_id[d].district or "",
                                           by_id[d].title or d) if d in by_id else ("", "", d))
    rows: list[TopicRow] = []
    n = 1
    for doc_id in order:
        found = sorted(per_doc[doc_id].values(), key=lambda f: f.sentence.start)
        info = by_id.get(doc_id) or DocumentInfo(doc_id=doc_id)
        rows.append(TopicRow(city=info.city, district=info.district, doc_id=doc_id,
                             title=info.title or doc_id, items=_items(found, n)))
        n += len(found)
    return TopicComparison(topic=topic, rows=rows, without=sorted(set(by_id) - set(per_doc)),
                           not_in_force=left_out)

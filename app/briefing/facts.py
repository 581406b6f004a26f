"""Questions about a document itself: its number (文号), who issued it (印发, 发文机关), when it
was issued (印发日期), whom it is sent to (主送) and its title, answered from the facts ingest
read from its text (``ingest.document_facts``: the head, the 落款) and stored as metadata.

The answer quotes the line of the document the fact was read from, with its offsets, so it is
checked and shown like any other citation. The document asked about is the first one retrieved
(the question's place and topic chose it). Which fact a question asks, if any, the table of
question words decides (``app.retrieval.document_questions.fact_asked``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import cn2an

from app.answering.answerability import refusal_before_ranking
from app.answering.question_kinds import Kind, asked_kinds
from app.models import Answer, Citation
from app.numerals import EN_MONTHS
from app.retrieval.continuation import IN_FORCE
from app.retrieval.document_questions import ISSUING, Fact, fact_asked
from app.retrieval.hybrid import RetrievalResult
from app.store.records import Chunk
from app.text import bigram_units, sentence_spans

# The longest line quoted whole; in a longer one (a paragraph, a web copy on one line) the
# sentence holding the fact is, unless longer than a quote may be: then the fact alone.
LINE_MAX = 160
SENTENCE_MAX = 600
# How near the end a closing signature stands (as ingest.signature reads it).
TAIL_CHARS = 300
# Facts that are days its text writes: issued, in force from, until (a term, 有效期3年, is none).
_DATED = (Fact.ISSUED, Fact.IN_FORCE, Fact.ENDS)
# Another document a text cites by its title and number (《关于…的通知》（鲁政办字〔2020〕17号）).
_CITED = re.compile(r"《([^《》]{6,80})》\s*[（(][^）)《》]{0,8}?[〔\[［【]\s*(?:19|20)\d\d"
                    r"\s*[〕\]］】]\s*第?\s*\d{1,4}\s*号")
# The share of a cited title's character pairs a question says to name that document.
CITED_SAID = 0.5


@dataclass(frozen=True)
class Source:
    """Where a fact stands in its document's text: the whole line that states it."""

    start: int
    end: int


def _names_cited(question: str, text: str) -> bool:
    """Whether ``question`` names (most of the title of) a document ``text`` cites by number."""
    asked = bigram_units(question)
    return any(len(units & asked) >= CITED_SAID * len(units)
               for units in (bigram_units(m[1]) for m in _CITED.finditer(text)))


def source_line(fact: Fact, value: str, text: str) -> Source | None:
    """The line of ``text`` the fact ``value`` was read from, where ingest reads it: an issuer or
    a date in the closing signature (落款) when the end holds one, else the first line holding
    it (the head's number, title, "Issued by …" line or dateline)."""
    patterns = [_date_pattern(value)] if fact in _DATED else [
        _spaced(value), _spaced(value.split(";")[0])]  # "A; B": two organs signing apart
    found = next((f for p in patterns if p is not None and (f := list(p.finditer(text)))), [])
    if not found:
        return None
    if fact in (Fact.ISSUER, Fact.ISSUED) and len(text) - found[-1].end() <= TAIL_CHARS:
        return _quoted(text, found[-1])  # the closing signature
    quoted = [_quoted(text, match) for match in found]
    if fact in _DATED:  # the day it is said to come into force or end, not another of that day
        quoted = [q for q in quoted if IN_FORCE.search(text, q.start, q.end)] or quoted
    # An issuer the text names more than once: where it is said to issue ("… issued a notice").
    return next((q for q in quoted if fact is Fact.ISSUER
                 and ISSUING.search(text, q.start, q.end)), quoted[0])


def _quoted(text: str, match: re.Match[str]) -> Source:
    """The line holding ``match``; in a long one, its sentence; in a long sentence, the match."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > LINE_MAX:  # a paragraph, or a text flattened onto one line: its sentence
        start, end = next(((s, e) for s, e in sentence_spans(text, start, end)
                           if s <= match.start() and match.end() <= e), match.span())
        if end - start > SENTENCE_MAX:
            start, end = match.span()
    return Source(start, end)


def _spaced(value: str) -> re.Pattern[str] | None:
    """``value`` as a text may write it: spaced ("财 政 部"), wrapped over lines (a title, or
    organs stored joined by a space that sign on lines of their own)."""
    letters = [re.escape(c) for c in value if not c.isspace()]
    return re.compile(r"\s*".join(letters)) if letters else None


def _date_pattern(iso: str) -> re.Pattern[str] | None:
    """The ways a text writes the date ``iso`` ("2024-06-10", "2024-06", "2024"): 2024年6月10日,
    二〇二四年六月十日, 10 June 2024, June 10, 2024, 2024-06-10, 2024.6.10."""
    parts = [int(p) for p in re.findall(r"\d+", iso)]
    if not parts:
        return None
    year, month, day = [*parts, 0, 0][:3]
    numerals = "".join("〇一二三四五六七八九"[int(d)] for d in str(year))
    forms = []
    if month and day:
        month_name = EN_MONTHS[month - 1]
        forms += [rf"{year}\s*年\s*0?{month}\s*月\s*0?{day}\s*[日号]",
                  rf"{numerals}\s*年\s*{cn2an.an2cn(month)}\s*月\s*{cn2an.an2cn(day)}\s*日",
                  rf"\b0?{day}\s+{month_name}\s*,?\s*{year}",
                  rf"\b{month_name}\s+0?{day},?\s*{year}",
                  # "…2024-08-15click:0": a web page's stamp runs its fields together
                  rf"(?<!\d){year}\s*[-./]\s*0?{month}\s*[-./]\s*0?{day}(?!\d)"]
    elif month:
        forms += [rf"{year}\s*年\s*0?{month}\s*月", rf"\b{EN_MONTHS[month - 1]}\s+{year}\b",
                  rf"\b{year}-0?{month}\b"]
    else:
        forms += [rf"\b{year}\b"]
    return re.compile("|".join(forms), re.I)


def fact_answer(question: str, retrieval: RetrievalResult,
                metadata_of: Callable[[str], Mapping[str, Any]], text_of: Callable[[str], str],
                chunks_of: Callable[[str], list[Chunk]],
                refuse: Callable[[RetrievalResult], Answer]) -> Answer | None:
    """The answer to a question about the first retrieved document's own facts, quoting the line
    the fact was read from; ``refuse``d when that document states none; None for any other
    question, nothing retrieved, or a value no line of the text holds."""
    fact = fact_asked(question)
    if fact is None or not retrieval.hits or refusal_before_ranking(question, retrieval):
        return None  # refused as any question is: a place no document is about
    doc_id = retrieval.hits[0].chunk.doc_id
    meta = metadata_of(doc_id)
    value = str(meta.get(fact.value) or "")
    text = text_of(doc_id)
    if not value and ((fact is Fact.NUMBER and _names_cited(question, text)) or fact in _DATED[1:]):
        return None  # a cited document's number as its text writes it, a term (有效期3年): read
    if not value or (fact is Fact.ISSUED and Kind.DAY in asked_kinds(question)
                     and value.count("-") < 2):  # a month or a year tells no day
        return refuse(retrieval)
    source = source_line(fact, value, text)
    if source is None:  # a manifest's value the text does not write: the text is read instead
        return None
    chunk = next((c for c in chunks_of(doc_id) if c.start <= source.start < c.end), None)
    cited = Citation(n=1, doc_id=doc_id, title=str(meta.get("title") or doc_id),
                     city=meta.get("city"), section=chunk.section if chunk else "",
                     page=chunk.page if chunk else None, quote=text[source.start:source.end],
                     start=source.start, end=source.end, score=1.0)
    return Answer(answer=f"{cited.quote} [1]", citations=[cited],
                  city_inferred=retrieval.places.label)

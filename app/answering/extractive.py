"""Extractive answers: the sentences of the retrieved passages that answer the question.

Each candidate sentence gets a support score in 0..1: cosine similarity of sentence and
question (all-MiniLM-L6-v2) blended with the share of the question's content words it
contains. A question that asks for a figure or a date only counts sentences that hold one.
The best sentence answers; a second joins when it is nearly as good. Below
``answer.refusal_threshold`` nothing answers: the response says so and lists the nearest
passages instead, never an invented answer. Sentences are quoted verbatim, so figures, dates
and names stay exactly as in the source.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import Stemmer

from app.answering.citations import Sentence, citation, passage, sentences_of
from app.answering.instructions import addresses_reader
from app.models import Answer, Conflict
from app.retrieval.glossary import expand_query
from app.retrieval.hybrid import RetrievalResult
from app.settings import AnswerSettings
from app.store.metadata import is_official
from app.text import content_tokens

NO_ANSWER = "The knowledge base has no passage that answers this question."
SEMANTIC_WEIGHT = 0.6
SECOND_SENTENCE_RATIO = 0.9
WRONG_TYPE_PENALTY = 0.5

_ASKS_QUANTITY = re.compile(
    r"\b(how (much|many|large|big)|what (share|percentage|percent|proportion|ratio|scale|amount"
    r"|number|size|minimum|maximum)|minimum|at least|no less than)\b|多少|几个|几座|比例|占比|规模",
    re.IGNORECASE,
)
_ASKS_DATE = re.compile(
    r"\b(when|what (date|year|day|month)s?|which (date|year|day|month)s?|by what (date|year))\b"
    r"|何时|什么时候|哪一年|哪天|日期",
    re.IGNORECASE,
)
# A quantity is a number that is not merely a year ("2025-2027" sizes nothing).
_HAS_NUMBER = re.compile(
    r"(?<![\d-])(?!(?:19|20)\d\d\b)\d|\b(one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|hundred|thousand|million|billion)\b(?!-)",  # not "Three-Year"
    re.IGNORECASE,
)
# "29 tasks", "11 key evaluation indicators": a figure counting what the question asks about.
_COUNTED = re.compile(
    r"(?:(?<![\w.])\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b)"
    r"((?:\s+[A-Za-z0-9][A-Za-z0-9-]*){1,3})",
    re.IGNORECASE,
)
COUNTED_BONUS = 0.1
# "How many staff positions …": what is counted; when no sentence counts it, none answers.
_HOW_MANY = re.compile(r"\bhow many ((?:[A-Za-z0-9-]+\s+){0,3}?[A-Za-z0-9-]+?)\s+"
                       r"(?:does|do|did|will|would|are|is|was|were|has|have|had|can|in|of|per|"
                       r"for|to|at|on)\b", re.IGNORECASE)
# A heading quoted alone ("(18) Strengthen safety supervision.") names a topic, answers nothing.
_MEASURE_LABEL = re.compile(r"^[(（]\d{1,3}[)）]")
# An official sentence within this share of the best one answers instead of an unofficial one it
# disagrees with (the manifest's documents are the authority; a stray file is not).
CONFLICT_RATIO = 0.6
_FIGURE = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\s*%?")
HEADING_WORDS = 8
HEADING_PENALTY = 0.7
_HAS_DATE = re.compile(
    r"\b(1[89]|20)\d{2}\b|\b\d{1,2}(st|nd|rd|th)\b|\b(January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b|"
    r"\d+[年月日]",
    re.IGNORECASE,
)


def _is_heading(sentence: Sentence) -> bool:
    """A measure's label or a document's title line: short, or a first line with no stop."""
    text = sentence.text
    if _MEASURE_LABEL.match(text) and len(text.split()) <= HEADING_WORDS:
        return True
    return sentence.start == 0 and not text.rstrip().endswith((".", "。", "!", "?", "！", "？"))


def _figures(text: str) -> list[str]:
    return [re.sub(r"[\s,]", "", m.group(0)) for m in _FIGURE.finditer(text)]


def _conflict(sentence: Sentence, followed: str) -> Conflict:
    chunk = sentence.chunk
    return Conflict(doc_id=chunk.doc_id, title=str(chunk.metadata.get("title") or chunk.doc_id),
                    quote=sentence.text, start=sentence.start, end=sentence.end,
                    followed=followed)


class TextEmbedder(Protocol):
    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]: ...


class Answerer(Protocol):
    def answer(self, question: str, retrieval: RetrievalResult) -> Answer: ...


@dataclass
class Scored:
    sentence: Sentence
    support: float


class ExtractiveAnswerer:
    def __init__(self, embedder: TextEmbedder, settings: AnswerSettings,
                 max_chars: int | None = None) -> None:
        self.embedder = embedder
        self.settings = settings
        self.max_chars = max_chars  # longest quote: the chunk cap
        self._stemmer = Stemmer.Stemmer("english")
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.cache_limit = 8192  # sentence vectors kept: those of the hottest passages

    def answer(self, question: str, retrieval: RetrievalResult) -> Answer:
        places = retrieval.places
        if places.missing and not places.held:
            return self.refusal(
                retrieval,
                f"The knowledge base holds no documents for {', '.join(places.missing)}, "
                "so it cannot answer this.",
            )
        ranked = self.rank_sentences(question, retrieval)
        if not ranked or ranked[0].support < self.settings.refusal_threshold:
            return self.refusal(retrieval, NO_ANSWER)
        ranked, conflicts = self._prefer_official(ranked)
        chosen = self._choose(ranked, places.by_place)
        citations = [citation(n, s.sentence, s.support) for n, s in enumerate(chosen, start=1)]
        text = " ".join(f"{c.quote} [{c.n}]" for c in citations)
        for conflict in conflicts:
            text += (f" (Note: “{conflict.title}”, a document not marked official, says "
                     f"otherwise: “{conflict.quote}”; this answer follows the official document.)")
        return Answer(answer=text, citations=citations, city_inferred=places.label,
                      conflicts=conflicts)

    def _prefer_official(self, ranked: list[Scored]) -> tuple[list[Scored], list[Conflict]]:
        """When a sentence of an official document and nearly as good ones of unofficial
        documents disagree (figures one has and the other lacks), the official one answers and
        the others are reported, not quoted."""
        floor = max(self.settings.refusal_threshold, CONFLICT_RATIO * ranked[0].support)
        near = [s for s in ranked if s.support >= floor]
        official = next((s for s in near if is_official(s.sentence.chunk.metadata)), None)
        if official is None:
            return ranked, []
        figures = set(_figures(official.sentence.text))
        rivals = [
            s for s in near
            if not is_official(s.sentence.chunk.metadata)
            and set(_figures(s.sentence.text)) - figures and figures
        ]
        if not rivals:
            return ranked, []
        kept = [official] + [s for s in ranked if s is not official and s not in rivals]
        return kept, [_conflict(s.sentence, official.sentence.chunk.doc_id) for s in rivals[:2]]

    def _choose(self, ranked: list[Scored], places: dict[str, set[str]]) -> list[Scored]:
        """The best sentence, then: for a question naming several places, the best of each
        other place (a comparison needs both sides); otherwise a runner-up nearly as good."""
        chosen = [ranked[0]]
        floor = self.settings.refusal_threshold
        if len(places) >= 2:
            for docs in places.values():
                if any(c.sentence.chunk.doc_id in docs for c in chosen):
                    continue
                best = next((c for c in ranked if c.sentence.chunk.doc_id in docs), None)
                if best is not None and best.support >= floor:
                    chosen.append(best)
            return chosen
        for candidate in ranked[1 : self.settings.max_sentences]:
            if candidate.support >= max(floor, SECOND_SENTENCE_RATIO * ranked[0].support):
                chosen.append(candidate)
        return chosen

    def refusal(self, retrieval: RetrievalResult, message: str) -> Answer:
        related = [passage(h) for h in retrieval.hits[: self.settings.related]]
        return Answer(
            answer=message, refused=True, related=related, city_inferred=retrieval.places.label
        )

    def rank_sentences(self, question: str, retrieval: RetrievalResult) -> list[Scored]:
        """Candidate sentences of the retrieved passages, best supported first."""
        sentences = [s for s in sentences_of(retrieval.hits, self.max_chars)
                     if not addresses_reader(s.text)]  # orders to the reader answer nothing
        if not sentences:
            return []
        query = np.asarray(retrieval.query_embedding, dtype=np.float32)
        query /= np.linalg.norm(query) or 1.0
        vectors = self._embed([s.text for s in sentences])
        words = [set(self._stems(s.text)) for s in sentences]
        weights = self._term_weights(question, words)
        total = sum(weights.values())
        needs_number = bool(_ASKS_QUANTITY.search(question))
        how_many = _HOW_MANY.search(question)
        counted = dict.fromkeys(self._stems(how_many.group(1)), 1.0) if how_many else {}
        needs_date = bool(_ASKS_DATE.search(question))
        scored: list[Scored] = []
        for sentence, vector, found in zip(sentences, vectors, words, strict=True):
            semantic = max(0.0, float(np.dot(query, vector)))
            overlap = sum(w for t, w in weights.items() if t in found) / total if total else 0.0
            support = SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * overlap
            if (needs_number and not _HAS_NUMBER.search(sentence.text)) or (
                needs_date and not _HAS_DATE.search(sentence.text)
            ):
                support *= WRONG_TYPE_PENALTY
            if _is_heading(sentence):
                support *= HEADING_PENALTY
            if needs_number and self._counts_asked_thing(sentence.text, counted or weights):
                support = min(1.0, support + COUNTED_BONUS)
            elif counted:
                support *= WRONG_TYPE_PENALTY
            scored.append(Scored(sentence, support))
        return sorted(scored, key=lambda s: (-s.support, s.sentence.rank, s.sentence.start))

    def _counts_asked_thing(self, text: str, asked: dict[str, float]) -> bool:
        nouns = [w.lower() for m in _COUNTED.finditer(text) for w in m.group(1).split()]
        return any(stem in asked for stem in self._stemmer.stemWords(nouns))

    def _term_weights(self, question: str, sentence_words: list[set[str]]) -> dict[str, float]:
        """Inverse sentence frequency of each question word among the candidates: words every
        passage shares (the city, the plan's name) say little about which sentence answers,
        and a word no candidate holds (a detail the texts lack) weighs most of all."""
        wanted = set(self._stems(expand_query(question)))
        n = len(sentence_words)
        return {
            term: math.log(1 + n / (1 + sum(term in found for found in sentence_words)))
            for term in wanted
        }

    def _stems(self, text: str) -> list[str]:
        return list(self._stemmer.stemWords(content_tokens(text)))

    def _embed(self, texts: list[str]) -> list[np.ndarray]:
        # Requests run on the server's threads and share this cache: the vectors this call needs
        # are kept in a local dict, so another request evicting them cannot break it.
        found: dict[str, np.ndarray] = {}
        with self._cache_lock:
            for text in dict.fromkeys(texts):
                if text in self._cache:
                    self._cache.move_to_end(text)  # least recently used goes first
                    found[text] = self._cache[text]
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            vectors = self.embedder.get_text_embedding_batch(missing)
            for text, vector in zip(missing, vectors, strict=True):
                v = np.asarray(vector, dtype=np.float32)
                found[text] = v / (np.linalg.norm(v) or 1.0)
            with self._cache_lock:
                self._cache.update((t, found[t]) for t in missing)
                while len(self._cache) > self.cache_limit:
                    self._cache.popitem(last=False)
        return [found[t] for t in texts]

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
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import Stemmer

from app.answering.asked import Asks, asks, supplies
from app.answering.citations import Sentence, citation, passage, sentences_of
from app.models import Answer
from app.retrieval.glossary import expand_query
from app.retrieval.hybrid import RetrievalResult
from app.settings import AnswerSettings
from app.text import content_tokens, has_cjk

NO_ANSWER = "The knowledge base has no passage that answers this question."
SEMANTIC_WEIGHT = 0.6
SECOND_SENTENCE_RATIO = 0.9
WRONG_TYPE_PENALTY = 0.5

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
HEADING_WORDS = 8
HEADING_PENALTY = 0.7


def _is_heading(sentence: Sentence) -> bool:
    """A measure's label or a document's title line: short, or a first line with no stop."""
    text = sentence.text
    if _MEASURE_LABEL.match(text) and len(text.split()) <= HEADING_WORDS:
        return True
    return sentence.start == 0 and not text.rstrip().endswith((".", "。", "!", "?", "！", "？"))


class TextEmbedder(Protocol):
    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]: ...


class Answerer(Protocol):
    def answer(self, question: str, retrieval: RetrievalResult) -> Answer: ...


@dataclass
class Scored:
    sentence: Sentence
    support: float


class ExtractiveAnswerer:
    def __init__(
        self, embedder: TextEmbedder, settings: AnswerSettings, semantic_floor: float = 0.0
    ) -> None:
        self.embedder = embedder
        self.settings = settings
        # The model's cosine between unrelated texts: rescaled to 0, so that one support
        # threshold serves every model (e5's cosines crowd above 0.7, MiniLM's do not).
        self.semantic_floor = semantic_floor
        self._stemmer = Stemmer.Stemmer("english")
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

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
        chosen = self._choose(ranked, places.by_place)
        citations = [citation(n, s.sentence, s.support) for n, s in enumerate(chosen, start=1)]
        text = " ".join(f"{c.quote} [{c.n}]" for c in citations)
        return Answer(answer=text, citations=citations, city_inferred=places.label)

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
        sentences = sentences_of(retrieval.hits)
        if not sentences:
            return []
        query = np.asarray(retrieval.query_embedding, dtype=np.float32)
        query /= np.linalg.norm(query) or 1.0
        vectors = self._embed([s.text for s in sentences])
        words = [set(self._stems(s.text)) for s in sentences]
        weights = self._term_weights(question, words)
        # Words match only within one language: a Chinese question against English sentences
        # is scored by meaning alone.
        lexical = not has_cjk(question) or any(has_cjk(s.text) for s in sentences)
        total = sum(weights.values()) if lexical else 0.0
        kinds = asks(question)
        needs_number = Asks.QUANTITY in kinds
        how_many = _HOW_MANY.search(question)
        counted = dict.fromkeys(self._stems(how_many.group(1)), 1.0) if how_many else {}
        scored: list[Scored] = []
        for sentence, vector, found in zip(sentences, vectors, words, strict=True):
            cosine = float(np.dot(query, vector))
            semantic = max(0.0, (cosine - self.semantic_floor) / (1 - self.semantic_floor))
            if lexical:
                overlap = sum(w for t, w in weights.items() if t in found) / total if total else 0
                support = SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * overlap
            else:
                support = semantic
            if not supplies(kinds, sentence.text):
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
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vector in zip(
                missing, self.embedder.get_text_embedding_batch(missing), strict=True
            ):
                v = np.asarray(vector, dtype=np.float32)
                self._cache[text] = v / (np.linalg.norm(v) or 1.0)
        while len(self._cache) > 8192:  # bounded: sentences of the hottest passages
            self._cache.popitem(last=False)
        return [self._cache[t] for t in texts]

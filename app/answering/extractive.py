"""Extractive answers: the sentences of the retrieved passages that answer the question.

Each candidate sentence gets a support score in 0..1 (``ranking``); a Chinese question over
Chinese passages is read by ``chinese_reader``. The best sentence answers; a second joins when
it is nearly as good. Below ``answer.refusal_threshold`` nothing answers: the response says so
and lists the nearest passages instead, never an invented answer. Sentences are quoted
verbatim, so figures, dates and names stay exactly as in the source.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.answering.answerability import at_level, refusal_before_ranking
from app.answering.chinese_reader import REACH, REFUSAL_SUPPORT, ChineseReading, read_chinese
from app.answering.chinese_span import PUNCTUATED
from app.answering.citations import Scored, citation, passage
from app.answering.clauses import answering_clauses
from app.answering.conflicts import prefer_official
from app.answering.question_kinds import FIGURED, asked_kinds
from app.answering.ranking import STRICT_PENALTY, SentenceRanker
from app.models import Answer, RefusalCode, refusal_message
from app.retrieval.antecedents import of_another_part
from app.retrieval.content_words import says_every_word, states_what_is_asked
from app.retrieval.crosslingual import reads_chinese
from app.retrieval.hybrid import RetrievalResult
from app.retrieval.shortened import by_meaning, leads_by_clause, nearest_in_meaning
from app.retrieval.whether import whether_asked
from app.retrieval.years import of_asked_year
from app.settings import AnswerSettings
from app.store.vectors import QueryTextEmbedder, TextEmbedder
from app.text import has_cjk

SECOND_SENTENCE_RATIO = 0.9


class Answerer(Protocol):
    def answer(self, question: str, retrieval: RetrievalResult) -> Answer: ...


class ExtractiveAnswerer:
    def __init__(self, embedder: TextEmbedder, settings: AnswerSettings, semantic_floor: float,
                 max_chars: int | None, crosslingual: QueryTextEmbedder | None) -> None:
        self.settings = settings
        self.ranker = SentenceRanker(embedder, semantic_floor, max_chars, crosslingual)
        self.rank_sentences = self.ranker.rank_sentences
        self.sentence_vectors = self.ranker.crosslingual_vectors or self.ranker.vectors

    def answer(self, question: str, retrieval: RetrievalResult) -> Answer:
        places = retrieval.places
        if found := refusal_before_ranking(question, retrieval):
            return self.refusal(retrieval, *found)
        if reads_chinese(question, retrieval.hits):
            return self._answer_chinese(question, retrieval)
        ranked = [s for s in self.rank_sentences(question, retrieval)  # another part's sentence
                  if not of_another_part(s.sentence.text)]  # is no answer to this one's
        if places.narrower:  # the place is at fault only where no sentence names it
            ranked, off_level = at_level(ranked, places)
            if off_level and not ranked:
                return self._refused(retrieval, off_level=True)
        if not ranked or ranked[0].support < self.settings.refusal_threshold:
            # On topic but lacking the kind asked: a sentence would answer but for that.
            return self._refused(retrieval, lacking=any(
                s.lacking and s.support / STRICT_PENALTY >= self.settings.refusal_threshold
                for s in ranked[:3]))
        if (years := of_asked_year(question, ranked))[1]:  # another year's figure only
            return self.refusal(retrieval, "year_not_stated", years[1])
        ranked, conflicts = prefer_official(years[0], self.settings.refusal_threshold)
        chosen = [answering_clauses(s, question) for s in self._choose(ranked, places.by_place)]
        # A title restating the question is followed by its next sentence: maybe the runner-up.
        chosen = list({(s.sentence.chunk.doc_id, s.sentence.start): s for s in chosen}.values())
        citations = [citation(n, s.sentence, s.support) for n, s in enumerate(chosen, start=1)]
        text = " ".join(f"{c.quote} [{c.n}]" for c in citations)
        for conflict in conflicts:
            text += (f" (Note: “{conflict.title}”, a document not marked official, says "
                     f"otherwise: “{conflict.quote}”; this answer follows the official document.)")
        return Answer(answer=text, citations=citations, city_inferred=places.label,
                      conflicts=conflicts)

    def _answer_chinese(self, question: str, retrieval: RetrievalResult) -> Answer:
        """A Chinese question over Chinese passages: the span ``chinese_reader`` reads."""
        sentences = self.ranker.candidates(retrieval)
        off_level = False
        if retrieval.places.narrower:
            # A street's question is not answered by its district's sentence (as in English).
            kept, off_level = at_level([Scored(s, 0.0) for s in sentences], retrieval.places)
            sentences = [k.sentence for k in kept]
        text = retrieval.document  # a document's text: an answer reads on past its passage
        fit = retrieval.place_fit  # which notice answers: the place asked's, saying as much
        reading = read_chinese(question, sentences, document=text, place_fit=fit) \
            if sentences else None
        if reading and reading.answer.support < REFUSAL_SUPPORT:  # maybe in everyday words
            vectors = self.ranker.crosslingual_vectors
            reading = read_chinese(question, sentences, by_meaning(vectors, question),
                                   nearest_in_meaning(self.ranker.crosslingual, vectors, question),
                                   text, fit)
        years = of_asked_year(question, reading.ranked) if reading else ([], [])
        if years[1]:
            return self.refusal(retrieval, "year_not_stated", years[1])  # as in English
        # The best states only other years than the one asked, which others state: not of it.
        if reading is None or years[0][:1] != reading.ranked[:1] or self._said_otherwise(
                question, reading, retrieval.document):
            return self._refused(retrieval, off_level and not sentences,  # none names the place?
                                 lacking=reading is not None and reading.answer.lacking)
        cited = citation(1, reading.answer.sentence, reading.answer.support)
        return Answer(answer=f"{cited.quote} [1]", citations=[cited],
                      city_inferred=retrieval.places.label)

    def _said_otherwise(self, question: str, reading: ChineseReading,
                        document: Callable[[str], str] | None) -> bool:
        """Whether the best reading answers something other than ``question`` asks: under the
        support threshold, lacking the kind asked or leaving a content word unsaid; above it, not
        stating what is asked: another group's figure, another event's time."""
        best, vectors = reading.ranked[0].sentence, self.ranker.crosslingual_vectors
        if reading.answer.support < REFUSAL_SUPPORT:
            return bool(reading.answer.lacking) or not says_every_word(
                question, best.text, best.chunk, best.start, vectors, document, lambda left: (
                    bool(PUNCTUATED.search(best.text)) and leads_by_clause(  # a layout line (a
                        self.ranker.crosslingual, vectors, question, [s.sentence.text for s in (
                            reading.ranked) if PUNCTUATED.search(s.sentence.text)], best.text,
                        left)))  # title) restates the topic and answers nothing
        kinds = {w for w in whether_asked(question) if asked_kinds(w)}  # 电话: found as a phone
        return not states_what_is_asked(question, best.text, best.chunk, best.start, vectors,
                                        bool(asked_kinds(question) & FIGURED), frozenset(kinds),
                                        bool(asked_kinds(question) & REACH), document)

    def _choose(self, ranked: list[Scored], places: dict[str, set[str]]) -> list[Scored]:
        """The best sentence, then a runner-up nearly as good; for a question naming several
        places the best alone (services.composite answers each place from its own documents)."""
        floor = max(self.settings.refusal_threshold, SECOND_SENTENCE_RATIO * ranked[0].support)
        return ranked[:1] + [s for s in ranked[1 : self.settings.max_sentences]
                             if s.support >= floor and len(places) < 2]

    def _refused(self, retrieval: RetrievalResult, off_level: bool = False,
                 lacking: bool = False) -> Answer:
        """Refused: the place asked is not stated, else the kind asked, else no passage."""
        if off_level:
            return self.refusal(retrieval, "place_not_stated",
                                [n.name for n in retrieval.places.narrower])
        return self.refusal(retrieval, "kind_not_stated" if lacking else "no_passage")

    def refusal(self, retrieval: RetrievalResult, code: RefusalCode,
                names: list[str] | None = None) -> Answer:
        """A refusal in the question's language, with both languages' messages (naming the
        places or acronyms at fault) and its code."""
        related = [passage(h) for h in retrieval.hits[: self.settings.related]]
        message = refusal_message(code, names)
        return Answer(answer=message.zh if has_cjk(retrieval.query) else message.en, refused=True,
                      refusal_code=code, message=message, related=related,
                      city_inferred=retrieval.places.label)

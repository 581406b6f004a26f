"""Generated answers on top of the extractive path, never without it.

The extractive answer comes first; a generated answer is followed by it (compose.carried). A
refusal for a city the store lacks or a term no passage mentions stands; one for want of a
sentence scoring high enough lets the model read the best ``rescue_sentences`` (the same check;
none passing, it stands). A model saying the passages do not answer refuses; one stating none of
the kind asked says nothing. An unreachable model (``fallback: "llm_unavailable"``) or nothing
passing the check (``fallback: "ungrounded"``, removed ones in ``unsupported``): the quote alone.

The model reads the sentences the extractive answer quotes (five whole passages, ~800 tokens,
kept the 1.5B's first token ~30 s away on 2 cores) and up to ``excerpt_sentences`` next best
(with three, the 1.5B often answered from the wrong one: fact 0.58 against 0.83 on 17 dev
questions); the citation check reads whole passages.

``stream`` yields events as the reply arrives: ``Quoted`` (the extractive answer, before the
model is asked; not for a refusal), ``Token`` (answer text, thinking removed), ``Reasoning``,
``Checked`` (sentences that passed the check, for clients that cannot replace text) and, last,
``Done`` with the final Answer, which replaces whatever was streamed.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from app.answering.citations import Scored, Sentence
from app.answering.compose import carried
from app.answering.extractive import Answerer, ExtractiveAnswerer
from app.answering.generation.grounding import Grounded, Grounder, ground
from app.answering.generation.prompt import Excerpt, PromptBudget, build_messages
from app.llm.client import LLMClient, LLMUnavailable
from app.llm.reasoning import Piece, ThinkSplitter
from app.models import Answer
from app.retrieval.hybrid import Hit, RetrievalResult

log = logging.getLogger(__name__)
# Of the refusal threshold, the support a refused question's best sentence needs for the model
# to be asked all the same: below it the passages are about something else.
RESCUE_SHARE = 0.6
# Sentences the model reads, the quoted ones first: one of these policy texts is ~60 tokens,
# ~2 s of prompt evaluation for the 1.5B on 2 cores.
EXCERPT_SENTENCES = 1
# A sentence scoring below this share of the best one is not worth its prompt tokens.
RELATIVE_FLOOR = 0.5
GAP = " … "


@dataclass(frozen=True)
class Token:
    text: str


@dataclass(frozen=True)
class Reasoning:
    text: str


@dataclass(frozen=True)
class Checked:
    text: str


@dataclass(frozen=True)
class Quoted:
    answer: Answer  # the extractive answer, shown while the model writes


@dataclass(frozen=True)
class Done:
    answer: Answer


Event = Quoted | Token | Reasoning | Checked | Done


class GenerativeAnswerer:
    def __init__(self, client: LLMClient, extractive: ExtractiveAnswerer,
                 budget: PromptBudget | None = None,
                 excerpt_sentences: int = EXCERPT_SENTENCES, rescue_sentences: int = 0) -> None:
        self.client = client
        self.extractive = extractive
        self.budget = budget  # None: every retrieved passage is sent (a caller that knows)
        self.excerpt_sentences = excerpt_sentences
        self.rescue_sentences = rescue_sentences  # 0: an extractive refusal is final
        # Whether this server's chat template opens <think> in the prompt: learned from each
        # reply, so that streaming knows what a reply's first words are (see reasoning.py).
        self.opens_in_prompt: bool | None = None

    def answer(self, question: str, retrieval: RetrievalResult) -> Answer:
        return next(e.answer for e in self.stream(question, retrieval) if isinstance(e, Done))

    def stream(self, question: str, retrieval: RetrievalResult) -> Iterator[Event]:
        extractive = self.extractive.answer(question, retrieval)
        extractive.mode = "generate"
        # The model reads each sentence with its subject: another's figure is the check's to
        # catch in its claim, not the ranking's to withhold (a rescue is given the nearest).
        ranked = self.extractive.rank_sentences(question, retrieval, narrowing=False)
        rescue = extractive.refused and self._rescues(extractive, ranked)
        if rescue:  # a model cannot supply a kind its passages lack (a sum for "how much")
            ranked = [s for s in ranked if not s.lacking]
        if extractive.refused and not rescue:
            yield from (Token(extractive.answer), Done(extractive))
            return
        if not rescue:
            yield Quoted(extractive.model_copy(deep=True, update={"mode": "extractive"}))
        streamed: list[str] = []  # answer text handed to the grounder
        passages = excerpts(ranked, retrieval.hits, extractive,
                            self.rescue_sentences if rescue else self.excerpt_sentences)
        try:
            passages, splitter, pieces = self.write(question, passages)
            hits = [p.hit for p in passages]  # the prompt numbers these 1..k: the check holds it
            grounder = Grounder(hits, question, rescue)
            for piece in pieces:
                if piece.kind == "reasoning":
                    yield Reasoning(piece.text)
                    continue
                yield Token(piece.text)
                streamed.append(piece.text)
                yield from (Checked(text) for text in grounder.feed(piece.text))
        except LLMUnavailable as exc:
            log.warning("generate: %s; answering extractively", exc)
            if not extractive.refused:  # a refusal stands as it is
                extractive.fallback = "llm_unavailable"
            yield Done(extractive)
            return
        if "".join(streamed).strip() == splitter.answer:
            last, grounded = grounder.finish()
            yield from (Checked(text) for text in last)
        else:  # a late lone </think> turned streamed answer into thinking: check the rest anew
            grounded = ground(splitter.answer, hits, question, rescue)
        yield Done(self._final(grounded, extractive, retrieval, splitter.reasoning))

    def _rescues(self, refusal: Answer, ranked: list[Scored]) -> bool:
        """Whether the model may answer what the extractive answerer refused: only a refusal
        for want of a sentence scoring high enough (not a place the store lacks, nor a term
        the passages never mention), and only when a sentence holding the kind asked comes
        near (given "25 key tasks" for a "total budget", the 1.5B wrote "the total budget is
        25 key tasks", and the check passed it)."""
        threshold = self.extractive.settings.refusal_threshold
        near = max((s.support for s in ranked[:3] if not s.lacking), default=0.0)
        return (self.rescue_sentences > 0 and near >= RESCUE_SHARE * threshold
                and refusal.refusal_code in {"no_passage", "kind_not_stated"})

    def write(self, question: str, passages: list[Excerpt]
              ) -> tuple[list[Excerpt], ThinkSplitter, Iterator[Piece]]:
        """The one step writing over ``passages``: those the prompt holds (fitted to the budget,
        numbered 1..k), the splitter whose ``answer`` and ``reasoning`` hold the reply once the
        pieces (answer and thinking, as they arrive) are read. Raises LLMUnavailable."""
        deadline, max_tokens = time.monotonic() + self.client.timeout_s, None  # counting included
        if self.budget is not None:
            fitted = self.budget.fit(question, passages, deadline)
            passages, max_tokens = fitted.excerpts, fitted.max_tokens
        splitter = ThinkSplitter(self.opens_in_prompt)

        def pieces() -> Iterator[Piece]:
            finish = ""
            with contextlib.closing(self.client.stream(build_messages(question, passages),
                                                       max_tokens, deadline)) as deltas:
                for delta in deltas:
                    if delta.kind == "finish":
                        finish = delta.text
                    else:
                        yield from (splitter.feed if delta.kind == "content"
                                    else splitter.feed_reasoning)(delta.text)
            yield from splitter.finish()
            self.opens_in_prompt = splitter.style(truncated=finish == "length")
        return passages, splitter, pieces()

    def _final(self, grounded: Grounded, extractive: Answer, retrieval: RetrievalResult,
               reasoning: str | None) -> Answer:
        if grounded.answer:
            written = Answer(answer=grounded.answer, citations=grounded.citations, mode="generate",
                             city_inferred=retrieval.places.label,
                             unsupported=grounded.unsupported, reasoning=reasoning)
            return written if extractive.refused else carried(extractive, written)
        if grounded.not_covered:  # the model found no answer: a refusal, as extractive gives
            refusal = self.extractive.refusal(retrieval, "no_passage")
            refusal.mode, refusal.reasoning = "generate", reasoning
            return refusal
        log.info("generate: no sentence passed the citation check (%d rejected)",
                 len(grounded.unsupported))
        if not extractive.refused:  # a refusal stands: the model found nothing backed
            extractive.fallback = "ungrounded"
        extractive.unsupported, extractive.reasoning = grounded.unsupported, reasoning
        return extractive


def excerpts(ranked: list[Scored], hits: list[Hit], quoted: Answer,
             limit: int = EXCERPT_SENTENCES) -> list[Excerpt]:
    """The passages holding the best ``limit`` sentences of ``ranked`` (plus any the extractive
    answer ``quoted``), passage of the best sentence first, each cut to its chosen sentences in
    document order (``GAP`` where sentences between were left out)."""
    if not ranked:
        return []
    by_chunk = {hit.chunk.chunk_id: hit for hit in hits}
    cited = {(c.doc_id, c.start) for c in quoted.citations}
    floor = RELATIVE_FLOOR * ranked[0].support

    def is_quoted(s: Scored) -> bool:
        return (s.sentence.chunk.doc_id, s.sentence.start) in cited

    first = [s for s in ranked if is_quoted(s)]
    rest = [s for s in ranked if not is_quoted(s) and s.support >= floor]
    chosen = [s.sentence for s in (first + rest)[:max(limit, len(first))]
              if s.sentence.chunk.chunk_id in by_chunk]
    position = {id(s.sentence): i for i, s in enumerate(ranked)}
    groups: dict[str, list[Sentence]] = {}
    for sentence in sorted(chosen, key=lambda s: position[id(s)]):  # best first
        groups.setdefault(sentence.chunk.chunk_id, []).append(sentence)
    return [Excerpt(by_chunk[chunk_id], _join(sentences)) for chunk_id, sentences in
            groups.items()]


def _join(sentences: list[Sentence]) -> str:
    """The sentences in document order; a gap where the passage has text between them."""
    ordered = sorted(sentences, key=lambda s: s.start)
    text = ordered[0].text.strip()
    for previous, sentence in pairwise(ordered):
        chunk = sentence.chunk
        between = chunk.text[previous.end - chunk.start:sentence.start - chunk.start]
        text += (" " if not between.strip() else GAP) + sentence.text.strip()
    return text


def without_model(answer: Answer) -> Answer:
    """Mode ``generate`` asked of a deployment with no model server configured."""
    answer.mode = "generate"
    if not answer.refused:  # a refusal would not have asked the model anyway
        answer.fallback = "llm_unavailable"
    return answer


def answer_events(answerer: Answerer, question: str, retrieval: RetrievalResult) -> Iterator[Event]:
    """Stream events of any answerer: an extractive answer is one Token, then Done."""
    if isinstance(answerer, GenerativeAnswerer):
        yield from answerer.stream(question, retrieval)
        return
    answer = answerer.answer(question, retrieval)
    yield Token(answer.answer)
    yield Done(answer)

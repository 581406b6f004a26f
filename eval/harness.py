"""Runs the question set through ``Services.ask`` (the code path of ``POST /api/ask``).

``Services.ask_with_retrieval`` answers exactly as ``ask`` does and also hands back the ranking
it used, DEPTH passages deep, so retrieval and answers are scored from one and the same call.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tqdm import tqdm

from app.answering.generation.answerer import GenerativeAnswerer
from app.answering.generation.markers import strip_markers
from app.background import wait_warms
from app.errors import InputError, PolicyKBError
from app.figure_forms import figures_supported
from app.models import Answer, AskRequest, Mode
from app.retrieval.hybrid import RetrievalMode
from app.services import Services
from app.settings import Settings
from app.text import sentence_spans
from eval.metrics import (
    DEPTH,
    Cited,
    Generated,
    Outcome,
    Retrieved,
    compute_metrics,
    selection_score,
    without_status,
)
from eval.questions import Question, QuestionFileError

RETRIEVAL_MODES: tuple[RetrievalMode, ...] = ("dense", "bm25", "hybrid")


class EvalError(PolicyKBError):
    """The evaluation cannot run against this store (e.g. it lacks the documents asked about)."""

    code = "eval_failed"


@dataclass
class Run:
    """One configuration scored on the question set."""

    name: str
    config: dict[str, Any]
    outcomes: list[Outcome]
    metrics: dict[str, float | None]


def progress(items: Sequence[Question], label: str) -> Iterable[Question]:
    """A progress bar on a terminal only: logs and captured test output stay clean."""
    return tqdm(items, desc=label, unit="q", leave=False, disable=not sys.stderr.isatty())


def check_store(services: Services, questions: Sequence[Question]) -> None:
    """Every expected source must be stored, or its questions would silently score zero."""
    services.catalog.refresh()
    held = set(services.catalog.doc_ids)
    if not held:
        raise EvalError(f"the store in {services.settings.data_dir} holds no documents; run "
                        "`policykb ingest` first (POLICYKB_DATA_DIR chooses the store)")
    for q in questions:
        missing = [s for s in q.sources if s not in held]
        if missing:
            raise QuestionFileError(
                f"{q.where}: field 'sources': {missing[0]!r} is not in the store in "
                f"{services.settings.data_dir} (it holds {', '.join(sorted(held))})")


def run_pipeline(services: Services, questions: Sequence[Question], *,
                 mode: Mode | None = None, retrieval: RetrievalMode | None = None,
                 top_k: int | None = None, name: str | None = None) -> Run:
    """Ask every question as a client of ``POST /api/ask`` would, and score the answers."""
    if not questions:
        raise EvalError("no questions to ask")
    check_store(services, questions)
    top_k = services.check_top_k(top_k)
    retrieval = retrieval or services.settings.retrieval.mode
    asked_mode = services.mode_for(mode)
    # One untimed question first: the first call pays one-off costs (lazy model and index
    # loading) that would otherwise pose as the latency of whichever question came first.
    services.ask(AskRequest(question=questions[0].question, top_k=top_k, mode=asked_mode),
                 retrieval)
    wait_warms()  # timed as a running service answers: warm (app.services.warm)
    outcomes: list[Outcome] = []
    first_token = FirstToken(services.answerers.get(asked_mode))
    for q in progress(questions, name or retrieval):
        began = time.perf_counter()
        first_token.began = began
        try:
            answer, result = services.ask_with_retrieval(_request(q, asked_mode, top_k),
                                                         retrieval, depth=DEPTH)
        except InputError as exc:  # e.g. a filter naming an unknown city: the question's fault
            raise QuestionFileError(f"{q.where}: question {q.id!r}: {exc.message}") from exc
        latency = (time.perf_counter() - began) * 1000
        outcomes.append(Outcome(
            question=q,
            retrieved=[Retrieved(h.chunk.doc_id, h.chunk.text, h.chunk.chunk_id, h.score)
                       for h in result.hits[:DEPTH]],
            latency_ms=latency,
            answer=answer.answer,
            refused=answer.refused,
            citations=[Cited(c.doc_id, c.quote, c.score) for c in answer.citations],
            generate=generated(answer, [h.chunk.text for h in result.hits[:top_k]],
                               first_token.take()) if first_token.active else None,
        ))
    settings = services.settings
    config = {
        "pipeline": "policykb",
        "mode": asked_mode,
        # Services falls back to the extractive answerer when the asked one is not configured.
        "answerer": asked_mode if asked_mode in services.answerers else "extractive",
        "retrieval": retrieval,
        "top_k": top_k,
        "depth": DEPTH,
        "refusal_threshold": settings.answer.refusal_threshold,
        "candidates": settings.retrieval.candidates,
        "rrf_k": settings.retrieval.rrf_k,
        "city_aware": settings.retrieval.city_aware,
        "chunk_max_chars": settings.ingest.chunk_max_chars,
        "data_dir": str(settings.data_dir),
        "embedding_model": settings.embedding.model,
        "documents": len(services.catalog.doc_ids),
        "chunks": services.store.chunk_count(),
        "llm": settings.llm.base_url,
    }
    return Run(name or retrieval, config, outcomes, compute_metrics(outcomes))


class FirstToken:
    """Times the model's first streamed token, by wrapping the generate answerer's client (the
    answer path itself is not changed): question asked to first token, retrieval included."""

    def __init__(self, answerer: object) -> None:
        self.active = isinstance(answerer, GenerativeAnswerer)
        self.began = 0.0
        self._at: float | None = None
        if isinstance(answerer, GenerativeAnswerer):
            client = answerer.client
            real = client.stream

            def timed(*args: Any, **kwargs: Any) -> Any:
                for delta in real(*args, **kwargs):
                    if self._at is None and delta.kind != "finish" and delta.text:
                        self._at = time.perf_counter()
                    yield delta

            client.stream = timed  # type: ignore[method-assign]

    def take(self) -> float | None:
        at, self._at = self._at, None
        return None if at is None else (at - self.began) * 1000


def generated(answer: Answer, passages: list[str], first_token_ms: float | None) -> Generated:
    """The model's part of a generate-mode answer (an extractive fallback shows none of it)."""
    shown = answer.fallback is None and not answer.refused
    kept = len(sentence_spans(answer.answer)) if shown else 0
    # The status sentence before an answer ("Note: “…” expired on 2025-12-31.") is the
    # catalogue's, not the model's: its date is in no passage and is no figure the model stated.
    leaks = int(shown and not figures_supported(without_status(strip_markers(answer.answer)),
                                                passages))
    return Generated(answer.fallback, kept, len(answer.unsupported), first_token_ms, leaks)


def _request(q: Question, mode: Mode, top_k: int) -> AskRequest:
    return AskRequest(question=q.question, filters=q.filters, top_k=top_k, mode=mode)


def sweep_thresholds(settings: Settings, questions: Sequence[Question],
                     thresholds: Sequence[float], *, mode: Mode | None = None,
                     retrieval: RetrievalMode | None = None,
                     top_k: int | None = None) -> list[dict[str, float | None]]:
    """The answer metrics at each refusal threshold, each from a freshly built Services so
    that the threshold is set exactly as POLICYKB_ANSWER_REFUSAL_THRESHOLD would set it."""
    rows: list[dict[str, float | None]] = []
    for threshold in thresholds:
        answer = settings.answer.model_copy(update={"refusal_threshold": threshold})
        services = Services.build(settings.model_copy(update={"answer": answer}))
        run = run_pipeline(services, questions, mode=mode, retrieval=retrieval, top_k=top_k,
                           name=f"threshold {threshold:.2f}")
        rows.append({
            "refusal_threshold": threshold,
            **{k: run.metrics[k] for k in ("fact_accuracy", "citation_precision",
                                           "refusal_accuracy", "false_refusal_rate")},
            "score": selection_score(run.metrics),
        })
    return rows


def best_threshold(rows: Sequence[dict[str, float | None]]) -> float | None:
    """The threshold of the highest score; ties go to the lowest threshold (fewer refusals)."""
    scored = [r for r in rows if r["score"] is not None]
    if not scored:
        return None
    best = max(scored, key=lambda r: (r["score"], -(r["refusal_threshold"] or 0.0)))
    return best["refusal_threshold"]

"""What the benchmark measures: answer latency in process (policykb and the plain LlamaIndex
recipe, side by side on the same store and questions) and answers per second over HTTP."""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.settings import Settings
from eval.bench.server import running_server


@dataclass
class Latency:
    p50_ms: float
    p95_ms: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Latency:
        ordered = sorted(seconds)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return cls(round(statistics.median(ordered) * 1000, 1), round(p95 * 1000, 1))


@dataclass
class SizeResult:
    chunks: int
    ingest_chunks_per_s: float
    policykb_ask: Latency
    recipe_retrieve: Latency
    # The recipe as usually written (float MiniLM on torch): a reference, not the target's.
    recipe_torch: Latency = field(default_factory=lambda: Latency(0.0, 0.0))
    ready_s: float = 0.0
    rss_idle_mb: float = 0.0
    rss_loaded_mb: float = 0.0
    answers_per_s: dict[int, float] = field(default_factory=dict)  # by concurrent clients

    @property
    def ratio(self) -> float:
        """policykb's ask p50 over the recipe's retrieval p50 (target: <= 0.8)."""
        return round(self.policykb_ask.p50_ms / (self.recipe_retrieve.p50_ms or 1.0), 2)


def _seconds(call: Callable[[str], object], question: str) -> float:
    began = time.perf_counter()
    call(question)
    return time.perf_counter() - began


def in_process(settings: Settings, questions: Sequence[str]) -> tuple[Latency, Latency, Latency]:
    """(policykb's ask, the recipe's retrieval, the recipe as usually written) over the same
    store and questions.

    The recipe is LlamaIndex's plain one: ``VectorStoreIndex`` over the Chroma collection
    policykb's ingest wrote (so no second embedding of the corpus), dense top-k. It runs with
    the configured model as policykb loads it (the strict comparison, which the target
    reads), and as usually written: ``HuggingFaceEmbedding`` of the float MiniLM on torch."""
    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from app.background import wait_warms
    from app.models import AskRequest
    from app.services import Services
    from app.store.embedding import MINILM, load_embedding

    services = Services.build(settings)

    def recipe(model_name: str | None) -> Callable[[str], object]:
        index = VectorStoreIndex.from_vector_store(
            ChromaVectorStore(chroma_collection=services.store.chunks),
            embed_model=load_embedding(settings, model_name),
        ).as_retriever(similarity_top_k=settings.retrieval.top_k)
        return index.retrieve

    strict, as_written = recipe(None), recipe(MINILM)

    def ask(question: str) -> object:
        return services.ask(AskRequest(question=question))

    # An untimed pass first: lazy loads, and the answerer's sentence cache warm as in a
    # server that has seen these questions' passages before (every side gets the pass).
    for question in questions:
        ask(question)
        strict(question)
        as_written(question)
    wait_warms()  # timed as a running server answers, its warms done (as eval/harness.py)
    asked: list[float] = []
    plain: list[float] = []
    written: list[float] = []
    # Alternated, so a noisy neighbour on a shared machine slows all alike.
    for question in questions:
        asked.append(_seconds(ask, question))
        plain.append(_seconds(strict, question))
        written.append(_seconds(as_written, question))
    services.store.client.close()  # type: ignore[attr-defined]  # Client has it
    gc.collect()
    return Latency.of(asked), Latency.of(plain), Latency.of(written)


async def _load(url: str, questions: Sequence[str], clients: int, seconds: float) -> float:
    """Answers per second with ``clients`` concurrent clients asking for ``seconds``."""
    done = 0
    deadline = time.perf_counter() + seconds

    async def client(offset: int) -> None:
        nonlocal done
        async with httpx.AsyncClient(base_url=url, timeout=120) as http:
            i = offset
            while time.perf_counter() < deadline:
                response = await http.post("/api/ask", json={
                    "question": questions[i % len(questions)]})
                response.raise_for_status()
                done += 1
                i += clients

    began = time.perf_counter()
    await asyncio.gather(*(client(c) for c in range(clients)))
    return round(done / (time.perf_counter() - began), 1)


def over_http(settings: Settings, questions: Sequence[str], port: int, levels: Sequence[int],
              seconds: float, result: SizeResult, log: Path) -> None:
    env = {"POLICYKB_DATA_DIR": str(settings.data_dir),
           "POLICYKB_INGEST_CHUNK_MAX_CHARS": str(settings.ingest.chunk_max_chars)}
    with running_server(env, port, log) as server:
        result.ready_s = round(server.ready_s, 1)
        result.rss_idle_mb = round(server.rss_mb())
        asyncio.run(_load(server.url, questions, 2, 1.0))  # warm-up
        for clients in levels:
            result.answers_per_s[clients] = asyncio.run(
                _load(server.url, questions, clients, seconds))
        result.rss_loaded_mb = round(server.rss_mb())

"""The benchmark's table (terminal and markdown) and its latency-against-size chart."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from eval.bench.languages import LanguageResult, language_table
from eval.bench.measure import SizeResult

TARGETS = ("targets (issue 12): ask p50 <= 0.8x the recipe's retrieval p50, <= 20 ms on the "
           "real corpus, <= 40 ms at 100k chunks; >= 50 answers/s at 8 clients; RSS <= 1.5 GB "
           "at 100k; ready <= 10 s")


def rows(results: Sequence[SizeResult], levels: Sequence[int]) -> list[tuple[str, list[str]]]:
    """(figure, one value per corpus size): every figure the benchmark prints."""
    table: list[tuple[str, list[str]]] = [
        ("ingest chunks/s", [f"{r.ingest_chunks_per_s:.1f}" for r in results]),
        ("policykb ask p50 ms", [f"{r.policykb_ask.p50_ms:.1f}" for r in results]),
        ("policykb ask p95 ms", [f"{r.policykb_ask.p95_ms:.1f}" for r in results]),
        ("recipe retrieve p50 ms", [f"{r.recipe_retrieve.p50_ms:.1f}" for r in results]),
        ("recipe retrieve p95 ms", [f"{r.recipe_retrieve.p95_ms:.1f}" for r in results]),
        ("ratio ask/recipe p50", [f"{r.ratio:.2f}" for r in results]),
        ("recipe as written (torch) p50 ms", [f"{r.recipe_torch.p50_ms:.1f}" for r in results]),
        ("ratio ask/recipe as written p50",
         [f"{r.policykb_ask.p50_ms / (r.recipe_torch.p50_ms or 1.0):.2f}" for r in results]),
    ]
    for clients in levels:
        table.append((f"HTTP answers/s, {clients} clients",
                      [f"{r.answers_per_s.get(clients, 0.0):.1f}" for r in results]))
    table += [
        ("time to ready s", [f"{r.ready_s:.1f}" for r in results]),
        ("server RSS idle MB", [f"{r.rss_idle_mb:.0f}" for r in results]),
        ("server RSS after load MB", [f"{r.rss_loaded_mb:.0f}" for r in results]),
    ]
    return table


def text_table(results: Sequence[SizeResult], levels: Sequence[int]) -> str:
    header = ["figure", *(f"{r.chunks} chunks" for r in results)]
    body = [[name, *values] for name, values in rows(results, levels)]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i])
                       for i, cell in enumerate(line)) for line in [header, *body]]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def markdown_table(results: Sequence[SizeResult], levels: Sequence[int]) -> str:
    header = ["figure", *(f"{r.chunks} chunks" for r in results)]
    body = [[name, *values] for name, values in rows(results, levels)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(line) + " |" for line in body]
    return "\n".join(lines)


def chart(results: Sequence[SizeResult], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only; no display on a server
    import matplotlib.pyplot as plt

    sizes = [r.chunks for r in results]
    figure, axes = plt.subplots(figsize=(6, 4))
    for label, values in (
        ("policykb ask p50", [r.policykb_ask.p50_ms for r in results]),
        ("policykb ask p95", [r.policykb_ask.p95_ms for r in results]),
        ("plain recipe retrieve p50", [r.recipe_retrieve.p50_ms for r in results]),
        ("plain recipe retrieve p95", [r.recipe_retrieve.p95_ms for r in results]),
    ):
        axes.plot(sizes, values, marker="o", label=label)
    axes.set_xscale("log")
    axes.set_xlabel("corpus size (chunks)")
    axes.set_ylabel("latency (ms)")
    axes.set_title("policykb ask vs plain LlamaIndex retrieval")
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    plt.close(figure)


def write_markdown(path: Path, results: Sequence[SizeResult], levels: Sequence[int],
                   command: str, note: str, languages: Sequence[LanguageResult] = ()) -> Path:
    png = path.with_suffix(".png")
    chart(results, png)
    path.write_text(
        "# policykb benchmark\n\n"
        f"Produced by `{command}` ({note}). Synthetic policy-like corpora "
        "(eval/bench/corpus.py): one article per chunk of at most 240 characters, ingested by "
        "the real pipeline; questions name a city, so they take the city-scoped path. The "
        "plain recipe is LlamaIndex's `VectorStoreIndex` over the same Chroma collection with "
        "the same embedding model as policykb loads it, dense top-5 (retrieval only: it has no "
        "answerer); 'as written' is the same recipe with `HuggingFaceEmbedding` of the float "
        "all-MiniLM-L6-v2 on torch, as it is usually set up. Every side has an untimed pass "
        "over the questions first, so caches are warm. "
        "Latencies are in process; answers/s are over HTTP to a real `policykb serve` "
        "(uvicorn, one worker) from httpx clients on the same machine.\n\n"
        f"{markdown_table(results, levels)}\n\n{TARGETS}.\n\n"
        f"![latency against corpus size]({png.name})\n"
        + ("\n## Ingest and ask by language\n\nSynthetic Chinese and English notices without a "
           "manifest (eval/bench/languages.py), each language in a fresh store at the default "
           "settings (700-character chunks, NER, document facts and places from the text); "
           "'embed + write' times chunking, NER, embedding and writing (issue 22's figure), "
           "'overall' the whole run; CPU is this process's (parsing runs in a worker). Ask CPU "
           "is the process's CPU per ask (every thread; a loaded machine blurs it far less than "
           "wall clock), from the timed pass. The stage table is a second pass under cProfile "
           "with the asking thread's CPU clock (eval/bench/stages.py): each function's own time "
           "goes to its stage's module, or up its callers to the nearest one (so spaCy, LAC "
           "and ONNX count where they are called); the stages and the other threads (BM25 "
           "scores in its pool) sum to at most the pass's process CPU, and the profiler's "
           "overhead inflates Python-heavy stages: compare a stage between commits, not with "
           "the unprofiled p50.\n\n"
           + "\n".join(language_table(languages)) + "\n" if languages else ""))
    return png

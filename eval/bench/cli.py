"""`policykb bench`: corpus sizes side by side, policykb against the plain LlamaIndex recipe.

Registered from ``eval.cli.register`` (no new entry point). Heavy modules load in the handler.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from app.settings import Settings

Subparsers = Any

FULL_SIZES = (10_000, 100_000)
SMALL_SIZES = (2_000,)
LEVELS = (1, 8, 32)
DEFAULT_PORT = 8140
FULL_LANGUAGE_DOCS = 60  # about 1,000 Chinese chunks and 400 English ones
SMALL_LANGUAGE_DOCS = 12


def register_bench(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "bench",
        help="benchmark ingest, answer latency and HTTP throughput on synthetic corpora",
        description="Build synthetic policy corpora (cached under POLICYKB_DATA_DIR/bench), then "
        "print side by side per size: ingest chunks/s, policykb ask p50/p95 against the plain "
        "LlamaIndex recipe's retrieval, HTTP answers/s at 1, 8 and 32 clients, time to ready "
        "and server RSS. The full run takes about an hour on 2 cores the first time (building "
        "100k chunks), about 10 minutes once built.",
    )
    parser.add_argument("--small", action="store_true",
                        help="one corpus of about 2k chunks and short load runs (CI)")
    parser.add_argument("--sizes", type=lambda v: tuple(int(p) for p in v.split(",")),
                        help="corpus sizes in chunks, e.g. 10000,100000")
    parser.add_argument("--questions", type=int, default=60, help="questions per measurement")
    parser.add_argument("--seconds", type=float, help="seconds per HTTP load level")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port of the benchmarked server (default {DEFAULT_PORT})")
    parser.add_argument("--markdown", type=Path,
                        help="write the table and a PNG chart here (default: eval/bench.md "
                        "for a full run, none with --small)")
    parser.add_argument("--ingest", type=Path, metavar="DIR",
                        help="only time ingest of the documents in DIR (e.g. a Chinese corpus) "
                        "into a fresh store under POLICYKB_DATA_DIR/bench-ingest: chunks/s for "
                        "embed + write, and overall")
    parser.add_argument("--languages", type=int, metavar="DOCS",
                        help="synthetic Chinese and English notices (no manifest) per language "
                        "ingested into fresh stores and asked in their language: ingest "
                        f"chunks/s, CPU, peak RSS, ask p50/p95 (default {FULL_LANGUAGE_DOCS}, "
                        f"{SMALL_LANGUAGE_DOCS} with --small; 0 skips)")
    parser.add_argument("--audit", type=int, metavar="ENTRIES",
                        help="only time exporting ENTRIES audit entries as CSV and JSON lines "
                        "from a fresh SQLite store (target: 1,000 in under a second)")
    parser.add_argument("--languages-only", action="store_true",
                        help="only the per-language ingest and ask figures")
    parser.set_defaults(handler=_run_bench)


def _run_bench(args: argparse.Namespace, settings: Settings) -> int:
    if args.ingest is not None:
        return _bench_ingest(args.ingest, settings)
    if args.audit is not None:
        from eval.bench.audit import audit_table

        print("\n".join(audit_table(args.audit)))
        return 0
    from eval.bench.corpus import bench_settings, build, questions
    from eval.bench.languages import by_language, language_table
    from eval.bench.measure import SizeResult, in_process, over_http
    from eval.bench.report import TARGETS, text_table, write_markdown

    documents = args.languages
    if documents is None:
        documents = SMALL_LANGUAGE_DOCS if args.small else FULL_LANGUAGE_DOCS
    languages = by_language(settings, documents, args.questions) if documents else []
    if languages:
        print("\n".join(language_table(languages)))
    if args.languages_only:
        return 0
    sizes = args.sizes or (SMALL_SIZES if args.small else FULL_SIZES)
    seconds = args.seconds or (2.0 if args.small else 10.0)
    markdown = args.markdown or (None if args.small else Path("eval/bench.md"))
    asked = questions(args.questions)
    began = time.perf_counter()
    results: list[SizeResult] = []
    for size in sizes:
        sized = bench_settings(settings, size)
        sized.data_dir.parent.mkdir(parents=True, exist_ok=True)
        log = sized.data_dir.parent / "bench.log"
        print(f"corpus of {size} chunks: building or reusing {sized.data_dir}", file=sys.stderr)
        built = build(sized, size, log)
        print(f"  {built.chunks} chunks; measuring", file=sys.stderr)
        ask, plain, written = in_process(sized, asked)
        result = SizeResult(built.chunks, round(built.chunks_per_s, 1), ask, plain, written)
        over_http(sized, asked, args.port, LEVELS, seconds, result,
                  sized.data_dir.parent / f"server-{size}.log")
        results.append(result)
    print(text_table(results, LEVELS))
    print(TARGETS)
    minutes = (time.perf_counter() - began) / 60
    if markdown is not None:
        command = _command_line(args)
        png = write_markdown(markdown, results, LEVELS, command,
                             f"{time.strftime('%Y-%m-%d')}, {minutes:.0f} min", languages)
        print(f"wrote {markdown} and {png}")
    print(f"bench: {minutes:.1f} min")
    return 0


def _bench_ingest(corpus: Path, settings: Settings) -> int:
    """Ingest ``corpus`` into a fresh store and print how fast its chunks were embedded and
    written (``embed_seconds``: chunking, NER, embedding and writing) and the whole run's rate."""
    from eval.bench.languages import ingest_rate

    if not corpus.is_dir():
        raise SystemExit(f"policykb: error: --ingest {corpus}: not a directory")
    fresh = settings.model_copy(update={"data_dir": settings.data_dir / "bench-ingest"})
    r = ingest_rate(corpus, fresh)
    print(f"{r.documents} documents, {r.chunks} chunks from {corpus}: "
          f"{r.embed_chunks_per_s:.1f} chunks/s embed + write, "
          f"{r.overall_chunks_per_s:.1f} chunks/s overall; {r.cpu_ms_per_chunk:.1f} CPU ms a "
          f"chunk in this process; peak RSS {r.peak_rss_mb:.0f} MB; {r.failed} failed")
    return 0


def _command_line(args: argparse.Namespace) -> str:
    parts = ["policykb", "bench"]
    if args.small:
        parts.append("--small")
    if args.sizes:
        parts += ["--sizes", ",".join(str(s) for s in args.sizes)]
    for flag, value, default in (("--questions", args.questions, 60),
                                 ("--seconds", args.seconds, None),
                                 ("--languages", args.languages, None)):
        if value != default:
            parts += [flag, f"{value:g}"]
    return shlex.join(parts)

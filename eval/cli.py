"""`policykb eval` (registered via entry points): score policykb on the evaluators' questions.

Heavy modules (torch, chromadb, llama-index) are imported inside the handler, so that
`policykb --help` stays quick.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import Any

from app.settings import Settings

Subparsers = Any  # argparse's _SubParsersAction is private

DEFAULT_QUESTIONS = Path("eval/questions.jsonl")
DEFAULT_REPORT = Path("eval/reports/latest.json")  # git-ignored: reports are per machine


def _thresholds(value: str) -> list[float]:
    """"0.30,0.35" or a range "0.30:0.60:0.05" (both ends included)."""
    try:
        if ":" in value:
            low, high, step = (float(p) for p in value.split(":"))
            if step <= 0 or low > high:
                raise ValueError
            count = round((high - low) / step)
            found = [round(low + i * step, 4) for i in range(count + 1)]
        else:
            found = [float(p) for p in value.split(",") if p.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected thresholds like 0.30,0.40 or 0.30:0.60:0.05, got {value!r}") from None
    if not found or not all(0.0 <= t <= 1.0 for t in found):
        raise argparse.ArgumentTypeError(f"thresholds must lie in 0..1, got {value!r}")
    return found


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "eval",
        help="score answers and retrieval on the evaluators' question set",
        description="Ask every question of the set through the same code path as POST /api/ask, "
        "against the configured store (POLICYKB_DATA_DIR), print a table and write a JSON "
        "report. eval/README.md explains the metrics.",
    )
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS,
                        help=f"JSON-lines question set (default: {DEFAULT_QUESTIONS})")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT,
                        help=f"where the JSON report goes (default: {DEFAULT_REPORT})")
    parser.add_argument("--mode", choices=["extractive", "generate"],
                        help="answer mode (default: as the service: 'generate' when a model is "
                        "set)")
    parser.add_argument("--retrieval", choices=["dense", "bm25", "hybrid"],
                        help="retrieval mode (default: POLICYKB_RETRIEVAL_MODE)")
    parser.add_argument("--top-k", type=int,
                        help="passages the answer reads (default: POLICYKB_RETRIEVAL_TOP_K); "
                        "retrieval metrics always read 10")
    parser.add_argument("--compare", action="store_true",
                        help="also run the other retrieval modes and the plain LlamaIndex "
                        "baseline, in one table")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"),
                        help="the .txt files the baseline indexes (default: corpus)")
    parser.add_argument("--thresholds", type=_thresholds, metavar="LIST|LOW:HIGH:STEP",
                        help="also sweep the refusal threshold, e.g. 0.30:0.60:0.05")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all",
                        help="score only the questions of one split (default: all); tune on "
                        "dev, never on test")
    parser.add_argument("--lookalikes", type=int, metavar="N",
                        help="score against a store of --corpus plus N look-alike copies of "
                        "each document for other cities (built once under "
                        "POLICYKB_DATA_DIR/lookalikes-N)")
    parser.add_argument("--markdown", type=Path, metavar="FILE",
                        help="rewrite the marked sections of FILE (e.g. eval/README.md) that "
                        "this run fills: the split-by-language table, the --compare table, "
                        "the --thresholds sweep")
    parser.add_argument("--spans", type=Path, metavar="DIR",
                        help="score span questions instead: DIR holds questions.jsonl ({id, "
                        "question, docid, answer}) and docs/<docid>.txt, ingested into the "
                        "store; scored beside plain jieba + BM25 over DIR/docs (eval/spans.py)")
    parser.set_defaults(handler=_run_eval, parser=parser)
    # `policykb bench` rides on this entry point: a new one would need a reinstall.
    from eval.bench.cli import register_bench

    register_bench(sub)


def _run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from app.services import Services
    from eval.harness import RETRIEVAL_MODES, best_threshold, run_pipeline, sweep_thresholds
    from eval.questions import load_questions
    from eval.report import (
        failures,
        metrics_table,
        report_json,
        slice_table,
        sweep_table,
        update_markdown,
        write_report,
    )

    if args.spans is not None:
        return _run_spans(args, settings)
    questions = load_questions(args.questions)  # a broken file fails before models load
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
        if not questions:
            args.parser.error(f"{args.questions} holds no {args.split} questions")
    if args.lookalikes is not None:
        settings = _lookalike_store(args, settings)
    services = Services.build(settings)
    services.check_top_k(args.top_k)
    primary_mode = args.retrieval or settings.retrieval.mode
    primary = run_pipeline(services, questions, mode=args.mode, retrieval=primary_mode,
                           top_k=args.top_k)
    runs = [primary]
    if args.compare:
        from eval.baseline import run_baseline

        others = {m: run_pipeline(services, questions, mode=args.mode, retrieval=m,
                                  top_k=args.top_k) for m in RETRIEVAL_MODES if m != primary_mode}
        # Reference first, the configured pipeline last: the table reads as the gain.
        runs = [run_baseline(settings, args.corpus, questions), *others.values(), primary]
    sweep = sweep_thresholds(settings, questions, args.thresholds, mode=args.mode,
                             retrieval=primary_mode, top_k=args.top_k) if args.thresholds else []

    print(f"{len(questions)} questions from {args.questions}; store {settings.data_dir} "
          f"({primary.config['documents']} documents, {primary.config['chunks']} chunks); "
          f"answers: {primary.config['answerer']}, top_k {primary.config['top_k']}, refusal "
          f"threshold {primary.config['refusal_threshold']:.2f}")
    print(metrics_table(runs))
    print(f"\nby split and language ({primary.name}):")
    print(slice_table(primary))
    wrong = failures(primary, split="dev")
    if wrong:
        print(f"\n{len(wrong)} dev questions wrong ({primary.name}):")
        print("\n".join(f"  {line}" for line in wrong))
    unread = len(failures(primary, split="test"))
    if unread:
        print(f"\n{unread} test questions wrong ({primary.name}); not listed: the test split is "
              "scored, never read to fix it (the report has every answer)")
    if sweep:
        best = best_threshold(sweep)
        print(f"\nrefusal threshold sweep ({primary.name}; score = fact_accuracy + "
              "refusal_accuracy - false_refusal_rate):")
        print(sweep_table(sweep))
        if best is not None:
            print(f"best: {best:.2f} (current: {settings.answer.refusal_threshold:.2f})")

    report = report_json(primary, questions=args.questions, runs=runs if args.compare else (),
                         thresholds=sweep)
    report["config"]["split"] = args.split
    write_report(args.report, report)
    print(f"\nreport: {args.report}")
    if args.markdown:
        command = _command_line(args)
        which = "" if args.split == "all" else f" ({args.split} split)"
        note = (f"{len(questions)} questions{which}; answers: {primary.config['answerer']}, "
                f"retrieval {primary.name}, top_k {primary.config['top_k']}, refusal threshold "
                f"{primary.config['refusal_threshold']:.2f}. Produced by `{command}`.")
        update_markdown(args.markdown, "splits", f"{slice_table(primary, markdown=True)}\n\n{note}")
        if args.compare:
            update_markdown(args.markdown, "compare",
                            f"{metrics_table(runs, markdown=True)}\n\n{note}")
        if sweep:
            update_markdown(args.markdown, "thresholds",
                            f"{sweep_table(sweep, markdown=True)}\n\nProduced by `{command}`.")
        print(f"updated: {args.markdown}", file=sys.stderr)
    return 0


def _run_spans(args: argparse.Namespace, settings: Settings) -> int:
    from app.services import Services
    from eval.report import write_report
    from eval.spans import (
        answers,
        load_span_questions,
        run_plain_bm25,
        run_policykb,
        span_table,
        summary,
    )

    questions = load_span_questions(args.spans / "questions.jsonl")
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    if not questions:
        args.parser.error(f"{args.spans} holds no {args.split} questions")
    services = Services.build(settings)
    ours = run_policykb(services, questions)
    rows = {"plain jieba + BM25 (document; its best sentence)":
            summary(run_plain_bm25(args.spans / "docs", questions)),
            "policykb": summary(ours)}
    print(f"{len(questions)} span questions ({args.split}) from {args.spans}; store "
          f"{settings.data_dir}")
    print(span_table(rows))
    write_report(args.report, {"spans": str(args.spans), "split": args.split, "runs": rows,
                               "answers": answers(ours)})
    print(f"\nreport: {args.report}")
    return 0


def _lookalike_store(args: argparse.Namespace, settings: Settings) -> Settings:
    """Settings of a store holding ``--corpus`` and its look-alikes, ingested if need be."""
    from eval.lookalikes import write_corpus
    from ingest.pipeline import ingest

    if not 1 <= args.lookalikes <= 20:
        args.parser.error(f"--lookalikes must be 1..20, got {args.lookalikes}")
    settings = settings.model_copy(
        update={"data_dir": settings.data_dir / f"lookalikes-{args.lookalikes}"})
    corpus = settings.data_dir / "corpus"
    written = write_corpus(args.corpus, corpus, args.lookalikes)
    report = ingest([corpus], settings)
    if report.failed:
        raise SystemExit(f"policykb: error: look-alike ingest failed: {report.failed[0][1]}")
    print(f"look-alike store: {written} documents ({args.lookalikes} copies each), "
          f"{report.chunks} chunks in {settings.data_dir}", file=sys.stderr)
    return settings


def _command_line(args: argparse.Namespace) -> str:
    """The command that reproduces this run, for the generated markdown to name."""
    parts = ["policykb", "eval"]
    if args.questions != DEFAULT_QUESTIONS:
        parts += ["--questions", str(args.questions)]
    for flag, value in (("--mode", args.mode), ("--retrieval", args.retrieval),
                        ("--top-k", args.top_k),
                        ("--split", None if args.split == "all" else args.split),
                        ("--lookalikes", args.lookalikes)):
        if value is not None:
            parts += [flag, str(value)]
    if args.compare:
        parts.append("--compare")
    if args.thresholds:
        parts += ["--thresholds", ",".join(f"{t:.2f}" for t in args.thresholds)]
    parts += ["--markdown", str(args.markdown)]
    return shlex.join(parts)

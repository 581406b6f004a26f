"""The run's outputs: the JSON report (stable keys), the terminal table, the README tables.

Stable report keys, read by other tools: ``n``, ``config``, ``metrics`` (see
eval.metrics.METRICS) and ``per_question`` (``id``, ``answer``, ``refused``, ``citations``,
``retrieved``, ``hit``, ``facts_matched``, ``latency_ms``). Further keys may be added, never
renamed. ``hit`` is the rank (1..10) of the first passage from an expected source, or null.
``by_split``, ``by_language`` and ``by_split_language`` hold the same metrics for each slice
of the set that has questions, each as ``{"n", "metrics"}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.harness import Run
from eval.metrics import (
    LATENCY_METRICS,
    METRICS,
    Outcome,
    answer_correct,
    citation_supports,
    compute_metrics,
    facts_matched,
    first_hit,
    has_evidence,
)
from eval.questions import LANGS, SPLITS

SWEEP_COLUMNS = ("refusal_threshold", "fact_accuracy", "citation_precision", "refusal_accuracy",
                 "false_refusal_rate", "score")


def per_question(outcome: Outcome) -> dict[str, Any]:
    q = outcome.question
    answered = outcome.answer is not None
    return {
        "id": q.id,
        "answerable": q.answerable,
        "answer": outcome.answer,
        "refused": outcome.refused if answered else None,
        "citations": [{"doc_id": c.doc_id, "quote": c.quote, "score": c.score,
                       "supports": citation_supports(q, c)} for c in outcome.citations],
        "retrieved": [{"rank": rank, "doc_id": p.doc_id, "chunk_id": p.chunk_id,
                       "score": round(p.score, 4)}
                      for rank, p in enumerate(outcome.retrieved, start=1)],
        "hit": first_hit(q, outcome.retrieved) if q.answerable else None,
        "evidence": has_evidence(q, outcome.retrieved) if q.answerable else None,
        "facts_matched": facts_matched(q, outcome.answer or "") if answered else None,
        "correct": answer_correct(outcome) if answered else None,
        "latency_ms": round(outcome.latency_ms, 1),
        **({"fallback": outcome.generate.fallback, "sentences_kept": outcome.generate.kept,
            "sentences_removed": outcome.generate.removed,
            "first_token_ms": outcome.generate.first_token_ms} if outcome.generate else {}),
        "split": q.split,
        "lang": q.lang,
    }


def _slice(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    return {"n": len(outcomes), "metrics": _rounded(compute_metrics(outcomes))}


def slices_json(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The metrics per split, per language and per split and language (empty slices left
    out), so that dev and test, English and Chinese are read apart."""
    def pick(split: str | None, lang: str | None) -> list[Outcome]:
        return [o for o in outcomes if split in (None, o.question.split)
                and lang in (None, o.question.lang)]

    by_split = {s: _slice(pick(s, None)) for s in SPLITS if pick(s, None)}
    by_language = {lang: _slice(pick(None, lang)) for lang in LANGS if pick(None, lang)}
    by_split_language = {s: {lang: _slice(pick(s, lang)) for lang in LANGS if pick(s, lang)}
                         for s in by_split}
    return {"by_split": by_split, "by_language": by_language,
            "by_split_language": by_split_language}


def run_json(run: Run) -> dict[str, Any]:
    return {"n": len(run.outcomes), "config": run.config, "metrics": _rounded(run.metrics),
            **slices_json(run.outcomes),
            "per_question": [per_question(o) for o in run.outcomes]}


def report_json(primary: Run, *, questions: Path, runs: Sequence[Run] = (),
                thresholds: Sequence[dict[str, float | None]] = ()) -> dict[str, Any]:
    """The report: the primary run at the top level; ``runs`` holds every run of --compare
    (the primary among them) and ``thresholds`` the refusal-threshold sweep, when made."""
    report = run_json(primary)
    report["config"] = {**report["config"], "questions": str(questions), "name": primary.name}
    if runs:
        report["runs"] = [{"name": r.name, **run_json(r)} for r in runs]
    if thresholds:
        report["thresholds"] = [_rounded(row) for row in thresholds]
    return report


def write_report(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _rounded(values: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in values.items()}


def _cell(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    if key in LATENCY_METRICS or key in {"passage_chars@5", "figures_unsupported"}:
        return f"{value:.0f}"
    return f"{value:.2f}" if key == "refusal_threshold" else f"{value:.3f}"


def _grid(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |",
                 "|" + "|".join(["---"] + ["--:"] * (len(header) - 1)) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = [row[0].ljust(widths[0]) + "  " + "  ".join(c.rjust(w) for c, w in
                                                       zip(row[1:], widths[1:], strict=True))
           for row in [header, *rows]]
    out.insert(1, "-" * len(out[0]))
    return "\n".join(out)


def metrics_table(runs: Sequence[Run], markdown: bool = False) -> str:
    """Metrics down, runs across: a handful of columns stays readable on any terminal."""
    keys = [*METRICS, "passage_chars@5"]
    rows = [[f"`{k}`" if markdown else k, *(_cell(k, r.metrics.get(k)) for r in runs)]
            for k in keys]
    return _grid(["metric", *(r.name for r in runs)], rows, markdown)


def slice_columns(outcomes: Sequence[Outcome]) -> list[tuple[str, list[Outcome]]]:
    """Dev and test side by side, each by language then whole, and the whole set last;
    slices without questions are left out."""
    columns: list[tuple[str, list[Outcome]]] = []
    for split in SPLITS:
        part = [o for o in outcomes if o.question.split == split]
        columns += [(f"{split} {lang}", [o for o in part if o.question.lang == lang])
                    for lang in LANGS]
        columns.append((split, part))
    columns += [(f"all {lang}", [o for o in outcomes if o.question.lang == lang])
                for lang in LANGS]
    columns.append(("all", list(outcomes)))
    return [(name, part) for name, part in columns if part]


def slice_table(run: Run, markdown: bool = False) -> str:
    """One run's metrics down, the slices of the set (split x language) across."""
    columns = slice_columns(run.outcomes)
    metrics = [compute_metrics(part) for _, part in columns]
    rows = [["questions", *(str(len(part)) for _, part in columns)]]
    rows += [[f"`{k}`" if markdown else k, *(_cell(k, m.get(k)) for m in metrics)]
             for k in METRICS]
    return _grid(["metric", *(name for name, _ in columns)], rows, markdown)


def sweep_table(rows: Sequence[dict[str, float | None]], markdown: bool = False) -> str:
    body = [[_cell(k, row.get(k)) for k in SWEEP_COLUMNS] for row in rows]
    return _grid(list(SWEEP_COLUMNS), body, markdown)


def failures(run: Run, split: str | None = None) -> list[str]:
    """One line per question the run got wrong, for whoever improves retrieval or answers;
    ``split`` keeps one split's (test questions are scored, never read to fix them)."""
    lines: list[str] = []
    for o in run.outcomes:
        q = o.question
        if o.answer is None or split not in (None, q.split):
            continue
        if not q.answerable:
            if not o.refused:
                lines.append(f"{q.id}: answered an unanswerable question: {o.answer[:100]}")
            continue
        rank = first_hit(q, o.retrieved)
        where = "no expected source in top 10" if rank is None else f"source at rank {rank}"
        evidence = "" if has_evidence(q, o.retrieved) else ", first fact not in top 5"
        if o.refused:
            lines.append(f"{q.id}: refused ({where}{evidence})")
        elif not answer_correct(o):
            missing = [g[0] for g, ok in zip(q.facts, facts_matched(q, o.answer), strict=True)
                       if not ok]
            lines.append(f"{q.id}: missing {missing} ({where}{evidence}): {o.answer[:100]}")
    return lines


def update_markdown(path: Path, section: str, content: str) -> None:
    """Replace the text between ``<!-- eval:SECTION -->`` and ``<!-- /eval:SECTION -->``
    (appended at the end when the markers are absent); the rest of the file is left alone."""
    start, end = f"<!-- eval:{section} -->", f"<!-- /eval:{section} -->"
    block = f"{start}\n{content.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = (text.rstrip() + "\n\n" if text.strip() else "") + block + "\n"
    path.write_text(text, encoding="utf-8")

"""`policykb eval` end to end: report with its stable keys, --compare, markdown, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.settings import Settings
from tests.conftest import CORPUS, ROOT

STABLE_METRICS = {"doc_hit@1", "doc_hit@5", "mrr@10", "evidence@5", "fact_accuracy",
                  "citation_precision", "refusal_accuracy", "false_refusal_rate",
                  "latency_ms_p50", "latency_ms_p95"}
STABLE_RECORD = {"id", "answer", "refused", "citations", "retrieved", "hit", "facts_matched",
                 "latency_ms"}
IDS = ("zj-01", "hz-02", "un-02", "zh-05")  # in file order


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    lines = (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    chosen = [ln for ln in lines if json.loads(ln)["id"] in IDS]
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store_env(corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(corpus_settings.data_dir))


@pytest.mark.usefixtures("store_env")
def test_eval_writes_a_report_with_the_stable_keys(
        questions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report_path = tmp_path / "reports" / "report.json"
    assert main(["eval", "--questions", str(questions), "--report", str(report_path)]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert {"n", "config", "metrics", "per_question"} <= set(report)
    assert report["n"] == len(IDS)
    assert set(report["metrics"]) >= STABLE_METRICS
    assert report["config"]["retrieval"] == "hybrid"
    assert report["config"]["questions"] == str(questions)
    assert [r["id"] for r in report["per_question"]] == list(IDS)
    for record in report["per_question"]:
        assert set(record) >= STABLE_RECORD
    assert report["metrics"]["refusal_accuracy"] == 1.0  # un-02 asks about Chengdu
    out = capsys.readouterr().out
    assert "doc_hit@5" in out and "hybrid" in out and str(report_path) in out


@pytest.mark.usefixtures("store_env")
def test_compare_runs_every_mode_and_the_baseline_and_fills_the_markdown(
        questions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Eval\n\nintro\n\n<!-- eval:compare -->\nold table\n"
                      "<!-- /eval:compare -->\n\noutro\n", encoding="utf-8")
    report_path = tmp_path / "report.json"
    code = main(["eval", "--questions", str(questions), "--report", str(report_path),
                 "--compare", "--corpus", str(CORPUS), "--thresholds", "0.4,0.95",
                 "--markdown", str(readme)])
    assert code == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert [r["name"] for r in report["runs"]] == ["baseline", "dense", "bm25", "hybrid"]
    for run in report["runs"]:
        assert set(run["metrics"]) >= STABLE_METRICS
    baseline = report["runs"][0]
    assert baseline["config"]["pipeline"] == "llamaindex-baseline"
    assert baseline["metrics"]["fact_accuracy"] is None
    assert [t["refusal_threshold"] for t in report["thresholds"]] == [0.4, 0.95]
    # At 0.95 almost nothing is supported well enough: every unanswerable question is refused.
    assert report["thresholds"][1]["refusal_accuracy"] == 1.0
    text = readme.read_text(encoding="utf-8")
    assert "old table" not in text
    assert text.startswith("# Eval\n\nintro\n")
    assert text.index("<!-- /eval:compare -->") < text.index("outro") \
        < text.index("<!-- eval:thresholds -->")
    assert "| `evidence@5` |" in text and "| baseline | dense | bm25 | hybrid |" in text
    assert "<!-- eval:thresholds -->" in text  # absent before: appended
    assert "Produced by `policykb eval --questions" in text
    assert "refusal threshold sweep" in capsys.readouterr().out


@pytest.mark.usefixtures("store_env")
def test_a_malformed_questions_file_fails_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "question": "Q?", "answerable": true, "sources": ["x"], '
                   '"facts": [["1"]], "split": "dev"}\n{"id": "b", "question": "Q?", '
                   '"answerable": "no", "sources": [], "facts": [], "split": "test"}\n',
                   encoding="utf-8")
    report_path = tmp_path / "report.json"
    assert main(["eval", "--questions", str(bad), "--report", str(report_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"policykb: error: {bad}:2: field 'answerable': expected true or false, "
                   'got string "no"')
    assert not report_path.exists()


@pytest.mark.parametrize(("argv", "expected"), [
    (["--thresholds", "0.3:0.1:0.05"], "expected thresholds like"),
    (["--thresholds", "0.3,1.5"], "thresholds must lie in 0..1"),
    (["--markdown", "x.md"], "--markdown needs --compare and/or --thresholds"),
])
def test_usage_errors(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["eval", *argv])
    assert caught.value.code == 2
    assert expected in capsys.readouterr().err

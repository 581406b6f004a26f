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
# In file order; dev and test each hold an English and a Chinese question.
IDS = ("zj-01", "hz-02", "un-02", "zh-01", "zh-05")
SPLIT_OF = {"zj-01": "test", "hz-02": "dev", "un-02": "dev", "zh-01": "dev", "zh-05": "test"}


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
    assert {r["id"]: r["split"] for r in report["per_question"]} == SPLIT_OF
    assert {s: v["n"] for s, v in report["by_split"].items()} == {"dev": 3, "test": 2}
    assert {lang: v["n"] for lang, v in report["by_language"].items()} == {"en": 3, "zh": 2}
    cells = {(s, lang): v["n"] for s, by_lang in report["by_split_language"].items()
             for lang, v in by_lang.items()}
    assert cells == {("dev", "en"): 2, ("dev", "zh"): 1, ("test", "en"): 1, ("test", "zh"): 1}
    # Only dev holds an unanswerable question, so only dev has a refusal accuracy.
    assert report["by_split"]["dev"]["metrics"]["refusal_accuracy"] == 1.0
    assert report["by_split"]["test"]["metrics"]["refusal_accuracy"] is None
    assert set(report["by_split_language"]["test"]["zh"]["metrics"]) >= STABLE_METRICS
    out = capsys.readouterr().out
    assert "doc_hit@5" in out and "hybrid" in out and str(report_path) in out
    assert "dev en" in out and "test zh" in out and "all zh" in out


@pytest.mark.usefixtures("store_env")
def test_split_scores_one_split_only_and_fills_the_splits_table(
        questions: Path, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Eval\n\n<!-- eval:splits -->\nstale figures\n<!-- /eval:splits -->\n",
                      encoding="utf-8")
    report_path = tmp_path / "report.json"
    assert main(["eval", "--questions", str(questions), "--report", str(report_path),
                 "--split", "test", "--markdown", str(readme)]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert [r["id"] for r in report["per_question"]] == ["zj-01", "zh-05"]
    assert set(report["by_split"]) == {"test"} and report["config"]["split"] == "test"
    text = readme.read_text(encoding="utf-8")
    assert "stale figures" not in text
    assert "| metric | test en | test zh | test | all en | all zh | all |" in text
    assert "| questions | 1 | 1 | 2 | 1 | 1 | 2 |" in text
    assert "2 questions (test split)" in text and "--split test" in text


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
    assert "| metric | dev en | dev zh | dev | test en | test zh | test | all en |" in text
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
    (["--split", "train"], "argument --split: invalid choice: 'train'"),
])
def test_usage_errors(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["eval", *argv])
    assert caught.value.code == 2
    assert expected in capsys.readouterr().err

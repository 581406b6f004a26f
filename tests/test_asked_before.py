"""An answer does not depend on the questions the process answered before it (issue 23, round
43). The bug: the multilingual model (USE, which scores a Chinese question against sentences)
encoded the sentences a question met in one batch, and a batch's matrix products, shaped by its
batch-mates, moved a vector's last bits; the vectors are cached, so a sentence's score depended
on which earlier question (or the start-up warm) had encoded it and with what. A near tie then
went one way in a fresh process and the other after other questions. Each text is now encoded
alone. The documents are the test's own, with no manifest."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.background import stop_warms
from app.models import AskRequest
from app.retrieval.found import Found
from app.services import Services
from app.store.embedding import USE_MULTILINGUAL, load_embedding
from app.store.scope_vectors import ScopeVectors
from app.store.vectors import TextVectors
from tests.conftest import make_settings
from tests.support.served import services_over

MEASURES = "\n".join([
    "Shuangyashan Measures for Rural Drinking Water Safety (2026)",
    "Issued by the Shuangyashan Municipal Water Resources Bureau",
    "Date of issue: 12 March 2026",
    "",
    "1. By the end of 2028, the rural tap water penetration rate of the city will reach 95%.",
    "2. A household newly connected to a centralized water supply network receives a one-time "
    "connection subsidy of 600 yuan.",
    "3. Pipeline bursts shall be repaired within 24 hours; where repair takes longer, water "
    "trucks shall arrive within 12 hours.",
    "4. The Municipal Health Commission is responsible for sanitary supervision of water "
    "quality, and the Municipal Finance Bureau guarantees the funds.",
    "5. Projects that pass acceptance receive an award of 15% of the audited investment, at "
    "most 2 million yuan per project.",
    "",
])

SENTENCES = [line.split(". ", 1)[1] for line in MEASURES.splitlines() if line[:2] in
             {"1.", "2.", "3.", "4.", "5."}]

QUESTION = "双鸭山农村自来水普及率到2028年底要达到多少？"
EARLIER = [
    "双鸭山农村家庭新接入集中供水管网能拿到多少补助？",
    "双鸭山的水管爆了多久要修好？",
    "双鸭山由哪个部门负责农村饮用水卫生监督？",
    "双鸭山验收合格的供水项目奖补多少？",
]


def test_a_sentence_vector_does_not_depend_on_its_batch_mates(tmp_path: Path) -> None:
    """The regression's cause: the same sentence, encoded alone and among others (in any
    position), gets the same vector to the last bit."""
    model = load_embedding(make_settings(tmp_path), USE_MULTILINGUAL, threads=1)
    alone = [TextVectors(model)([s])[0] for s in SENTENCES]
    together = TextVectors(model)(SENTENCES)
    backwards = TextVectors(model)(SENTENCES[::-1])[::-1]
    for one, mixed, reversed_ in zip(alone, together, backwards, strict=True):
        assert np.array_equal(one, mixed) and np.array_equal(one, reversed_)


def _answer(services: Services, question: str
            ) -> tuple[str, bool, list[tuple[str, int, int, float]]]:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    return answer.answer, answer.refused, [(c.doc_id, c.start, c.end, c.score)
                                           for c in answer.citations]


def test_a_question_is_answered_the_same_cold_and_after_others(tmp_path: Path) -> None:
    """One question asked first in a fresh service, and asked after others that met the same
    sentences: the same answer, citations and sentence vectors."""
    with services_over(tmp_path, {"shuangyashan-2026-rural-water": MEASURES}) as cold:
        stop_warms()  # the start-up warm encodes the sentences too: this test's questions do
        first = _answer(cold, QUESTION)
        assert not first[1] and first[2], first  # an answer, not a refusal, is compared
        cold_vectors = dict(cold.answerers["extractive"].ranker.crosslingual_vectors._cache)
    warm = Services.build(make_settings(tmp_path / "data"))
    stop_warms()
    for question in EARLIER:
        warm.ask(AskRequest(question=question, mode="extractive"))
    assert _answer(warm, QUESTION) == first
    warm_vectors = warm.answerers["extractive"].ranker.crosslingual_vectors._cache
    shared = cold_vectors.keys() & warm_vectors.keys()
    assert shared
    assert all(np.array_equal(cold_vectors[t], warm_vectors[t]) for t in shared)


def test_a_passage_cosine_does_not_depend_on_the_scope_it_was_read_with() -> None:
    """The second carrier: a scope's cosines were one matrix-vector product, whose rows' last
    bits moved with the rows beside them, so a city's scope read anew and the same scope carved
    from a wider one an earlier question had kept (or a passage's vector read alone) gave a
    passage different cosines. Each row's cosine is now its own."""
    rows = np.random.default_rng(43).standard_normal((1001, 384)).astype(np.float32)
    query = np.random.default_rng(44).standard_normal(384).astype(np.float32)
    ids = [f"doc{i // 7}::{i % 7}" for i in range(len(rows))]
    wider = ScopeVectors()
    wider.matrix(frozenset(i.split("::")[0] for i in ids), lambda _: (ids, rows))
    inner = {f"doc{n}" for n in range(3, 140, 5)}
    picked = [n for n, i in enumerate(ids) if i.split("::")[0] in inner]
    carved = wider.matrix(frozenset(inner), lambda _: pytest.fail("read again"))
    anew = ScopeVectors().matrix(frozenset(inner), lambda _: ([ids[n] for n in picked],
                                                                rows[picked]))
    assert ScopeVectors.nearest(carved, list(query), 50) == \
        ScopeVectors.nearest(anew, list(query), 50)
    found = Found(list(query))
    best = ScopeVectors.nearest(anew, list(query), 200)
    assert all(found.cosine(list(rows[ids.index(cid)])) == cosine for cid, cosine in best)

"""Fusion of the rankings of a mixed-language store (app.retrieval.fusion)."""

from __future__ import annotations

from app.retrieval.fusion import Ranking, reciprocal_rank_fusion


def _chinese(cid: str) -> bool:
    return cid.startswith("zh")


# A Chinese question over Chinese and English passages, as the retriever ranks them: the
# English-only dense model, BM25 of each language's passages, the cross-lingual model.
MIXED = [
    Ranking(1.0, ["en-a", "en-b", None], "not_chinese"),
    Ranking(1.0, ["zh-a", "zh-b"], "chinese"),
    Ranking(1.0, ["en-b", "en-a"], "not_chinese"),
    Ranking(2.0, ["en-b", "en-a"], "not_chinese"),
]


def test_a_ranking_that_cannot_read_a_language_does_not_count_against_it() -> None:
    """Regression: a Chinese question about 青山区 was answered from an English look-alike plan
    of another place: its passages were ranked by three rankings, the Chinese ones by one."""
    assert reciprocal_rank_fusion(MIXED, 60)[0] == "en-b"  # the bias, unweighed
    fused = reciprocal_rank_fusion(MIXED, 60, _chinese)
    assert fused[0] == "zh-a"
    # Within one language the order is the rankings' own.
    assert fused.index("en-b") < fused.index("en-a") and fused.index("zh-a") < fused.index("zh-b")


def test_one_language_keeps_plain_rank_fusion() -> None:
    english = [Ranking(1.0, ["en-a", "en-b", "en-c"], "not_chinese"),
               Ranking(1.0, ["en-c", "en-b"]), Ranking(1.0, [], "chinese")]
    assert reciprocal_rank_fusion(english, 60, _chinese) == reciprocal_rank_fusion(english, 60)

"""Fusing the rankings of one retrieval: weighted reciprocal rank fusion, fair to every passage.

Each ranking reads some passages only: the stored English-only model those not in Chinese,
the cross-lingual model those in the other language than the question's, a scoped ranking
the documents of the places asked about (or only the others). Summed as they are, a passage
read by three rankings outscores one read by one whatever their evidence: in a store of
Chinese notices beside a few English plans, a Chinese question's best Chinese passage (found
by BM25 alone) lost to English passages that the two models could only rank among themselves,
and realzh-dev's right-document-first fell from 0.81 to 0.54 once the English corpus was
stored too. A passage's score is therefore its reciprocal ranks averaged over the weight of
the rankings able to read it: a ranking that read a passage and left it out counts against
it; one that could not read it does not count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Ranking:
    weight: float
    # Best first; a None holds the place of a passage left out, so the passages kept keep the
    # rank they earned among all.
    ids: Sequence[str | None]
    # Whether the ranking could have placed a passage (by its id); None: every passage.
    reads: Callable[[str], bool] | None = None
    # Set when the ranking orders what holds the passages (documents): every passage takes
    # the rank of its holder, found by this function of its id.
    holder: Callable[[str], str] | None = None


def reciprocal_rank_fusion(rankings: Sequence[Ranking], k: int) -> list[str]:
    """The passages of the passage rankings, best first by weighted RRF, each averaged over
    the weight of the rankings that read it."""
    scores = fused_scores(rankings, k)
    return sorted(scores, key=lambda cid: (-scores[cid], cid))


def fused_scores(rankings: Sequence[Ranking], k: int) -> dict[str, float]:
    """Each passage of the passage rankings with its fused score (higher first)."""
    sums: dict[str, float] = {}
    for ranking in rankings:
        if ranking.holder is None:
            for rank, chunk_id in enumerate(ranking.ids, start=1):
                if chunk_id is not None:
                    sums[chunk_id] = sums.get(chunk_id, 0.0) + ranking.weight / (k + rank)
    for ranking in rankings:
        if ranking.holder is not None:
            place = {key: rank for rank, key in enumerate(ranking.ids, start=1) if key}
            for chunk_id in sums:
                held_at = place.get(ranking.holder(chunk_id))
                if held_at is not None:
                    sums[chunk_id] += ranking.weight / (k + held_at)
    return {cid: total / (sum(r.weight for r in rankings if r.reads is None or r.reads(cid))
                          or 1.0)
            for cid, total in sums.items()}


def preferring(rankings: Sequence[Ranking], k: int, weight: float,
               wanted: Callable[[str], bool]) -> Ranking:
    """One more ranking: the passages of ``rankings`` that ``wanted`` allows, best first by
    their fusion so far (the others left out, so it counts against them)."""
    scores = fused_scores(rankings, k)
    kept = [cid for cid in scores if wanted(cid)]
    kept.sort(key=lambda cid: (-scores[cid], cid))
    return Ranking(weight, kept)


def reading(ranking: Ranking, reads: Callable[[str], bool]) -> Ranking:
    """``ranking``, reading only the passages ``reads`` allows besides its own."""
    own = ranking.reads
    if own is None:
        return Ranking(ranking.weight, ranking.ids, reads, ranking.holder)
    return Ranking(ranking.weight, ranking.ids, lambda cid: own(cid) and reads(cid),
                   ranking.holder)

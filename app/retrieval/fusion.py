"""Reciprocal rank fusion of the rankings of a question's passages, fair between languages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, NamedTuple

Reads = Literal["both", "chinese", "not_chinese"]


class Ranking(NamedTuple):
    """A ranking with its weight in the fusion; a None holds the place of a passage left out.
    ``reads``: the passages it can rank at all, by language (Chinese or not); ``elsewhere``:
    it ranks the passages outside the question's places as another ranking does inside."""

    weight: float
    order: Sequence[str | None]
    reads: Reads = "both"
    elsewhere: bool = False


def reciprocal_rank_fusion(rankings: Sequence[Ranking], k: int,
                           is_chinese: Callable[[str], bool] | None = None) -> list[str]:
    """Weighted RRF; a passage left out (``None``) keeps its place, so the passages kept keep
    the rank they earned among all.

    A ranking that cannot rank a passage's language (the English-only dense model and a
    Chinese passage; the cross-lingual model, which ranks the other language only) does not
    count against it: with ``is_chinese``, a passage's score is scaled by the weight of all
    rankings over the weight of those that read its language. Otherwise, with both languages
    stored, the language read by more rankings won whatever the question: a Chinese question
    about 青山区 was answered from an English look-alike plan of another place, whose
    passages the dense, the cross-lingual and the rendered BM25 rankings all ranked, while
    the Chinese passages had BM25 alone."""
    scores: dict[str, float] = {}
    for weight, ranking, *_ in rankings:
        for rank, chunk_id in enumerate(ranking, start=1):
            if chunk_id is not None:
                scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (k + rank)
    if is_chinese is not None:
        counted = [r for r in rankings if not r.elsewhere]
        total = sum(r.weight for r in counted)
        reach = {chinese: sum(r.weight for r in counted
                              if r.reads == "both" or (r.reads == "chinese") == chinese)
                 for chinese in (True, False)}
        for cid in scores:
            scores[cid] *= total / (reach[is_chinese(cid)] or total)
    return sorted(scores, key=lambda cid: (-scores[cid], cid))

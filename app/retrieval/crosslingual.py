"""The cross-lingual ranking: passages in the other language than the question's, ranked by a
multilingual model's similarity to the question in its own words.

A dictionary's rendering of a Chinese question misses new coinages (数智化) and picks wrong
senses, and the stored English model cannot read Chinese passages; this model reads both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from app.retrieval.found import Found
from app.retrieval.fusion import Ranking, fused_scores
from app.store.records import Chunk
from app.store.vectors import KeptQueries, QueryTextEmbedder, TextVectors, unit
from app.text import CJK_RUN, has_cjk, mostly_chinese

if TYPE_CHECKING:  # hybrid ranks with this module
    from app.retrieval.hybrid import Hit


class CrosslingualRanking:
    def __init__(self, model: QueryTextEmbedder, weight: float) -> None:
        self.model = model
        self.vectors = TextVectors(model)
        self.query_vectors = KeptQueries(lambda text: self.model.get_query_embedding(text))
        # It reads the question itself, the other rankings only its dictionary rendering, so
        # it weighs more (double by default).
        self.weight = weight

    def rank(self, query: str, rankings: Sequence[Ranking], found: Found, cut: int, rrf_k: int
             ) -> tuple[Ranking, list[float]]:
        """The passages in the other language that the other rankings found (filtered and
        scoped as they are), ranked by the model; and the question's vector (empty when no
        passage needed it). Passages in the question's own language are left to the words
        they share with it (on realzh-dev's Chinese questions over Chinese notices the
        model's ranking lowered right-document-first, and encoding every long Chinese passage
        cost ~1 s a question). When none of them could enter the ``cut`` best of the fusion
        (``rrf_k``) even ranked first, the model is not run: its ranking is empty."""
        chinese_question = has_cjk(query)
        met = dict.fromkeys(c for ranking in rankings if ranking.holder is None
                            for c in ranking.ids if c is not None)
        pool = [cid for cid in met if is_chinese(found.chunks[cid]) != chinese_question]

        def reads(cid: str) -> bool:
            return is_chinese(found.chunks[cid]) != chinese_question

        if not pool or self._cannot_enter(rankings, pool, cut, rrf_k):
            return Ranking(self.weight, [], reads), []
        # An English question's own best passages hold their places among the Chinese ones
        # (as gaps: this ranking scores no passage of the question's language), so that a weak
        # Chinese passage (a notice of the same city on another matter) is not first only for
        # being the best of its language.
        own = [] if chinese_question else [cid for cid in met if not reads(cid)][:cut]
        query_vector = self.query_vectors(query)
        question = unit(query_vector)
        vectors = self.vectors([found.chunks[cid].text for cid in pool + own])
        similarity = {cid: float(np.dot(question, v))
                      for cid, v in zip(pool + own, vectors, strict=True)}
        ordered = [cid if reads(cid) else None
                   for cid in sorted(pool + own, key=lambda cid: -similarity[cid])]
        return Ranking(self.weight, ordered, reads), query_vector

    def _cannot_enter(self, rankings: Sequence[Ranking], pool: list[str], cut: int,
                      rrf_k: int) -> bool:
        """Whether ``cut`` passages outside ``pool`` outscore every pool passage's best fused
        score (ranked first by the model). This ranking does not read them, so their scores
        are final; a Chinese question over a mostly Chinese store is then answered without
        the model's ~25 ms encode (and its passages' encodes), and the fused ranking is the
        same as with it."""
        scores = fused_scores(rankings, rrf_k)
        first = self.weight / (rrf_k + 1)

        def best(cid: str) -> float:
            weight = sum(r.weight for r in rankings if r.reads is None or r.reads(cid))
            return (scores[cid] * (weight or 1.0) + first) / (weight + self.weight)

        bound = max(best(cid) for cid in pool) + _MARGIN
        outside = set(pool)
        return sum(1 for cid, score in scores.items()
                   if cid not in outside and score > bound) >= cut


# Above any difference the order of a sum's floating-point additions makes.
_MARGIN = 1e-9


def is_chinese(chunk: Chunk) -> bool:
    """A Chinese passage: by the language ingest recorded, else by its characters."""
    language = chunk.metadata.get("language")
    if isinstance(language, str) and language:
        return language.lower().startswith("zh")
    return mostly_chinese(chunk.text)


def holds_chinese(hit: Hit) -> bool:
    return hit.chunk.metadata.get("language") == "zh"


def reads_chinese(question: str, hits: list[Hit]) -> bool:
    """Whether the Chinese reader answers: a Chinese question, its best passage Chinese."""
    return bool(hits) and CJK_RUN.search(question) is not None and holds_chinese(hits[0])

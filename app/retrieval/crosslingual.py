"""The cross-lingual ranking: passages in the other language than the question's, ranked by a
multilingual model's similarity to the question in its own words.

A dictionary's rendering of a Chinese question misses new coinages (数智化) and picks wrong
senses, and the stored English model cannot read Chinese passages; this model reads both.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.retrieval.found import Found
from app.retrieval.fusion import Ranking
from app.store.records import Chunk
from app.store.vectors import QueryTextEmbedder, TextVectors, unit
from app.text import has_cjk, mostly_chinese


class CrosslingualRanking:
    def __init__(self, model: QueryTextEmbedder, weight: float) -> None:
        self.model = model
        self.vectors = TextVectors(model)
        # It reads the question itself, the other rankings only its dictionary rendering, so
        # it weighs more (double by default).
        self.weight = weight

    def rank(self, query: str, rankings: Sequence[Ranking], found: Found
             ) -> tuple[Ranking, list[float]]:
        """The passages in the other language that the other rankings found (filtered and
        scoped as they are), ranked by the model; and the question's vector (empty when no
        passage needed it). Passages in the question's own language are left to the words
        they share with it (on realzh-dev's Chinese questions over Chinese notices the
        model's ranking lowered right-document-first, and encoding every long Chinese passage
        cost ~1 s a question)."""
        chinese_question = has_cjk(query)
        met = dict.fromkeys(c for ranking in rankings if ranking.holder is None
                            for c in ranking.ids if c is not None)
        pool = [cid for cid in met if is_chinese(found.chunks[cid]) != chinese_question]

        def reads(cid: str) -> bool:
            return is_chinese(found.chunks[cid]) != chinese_question

        if not pool:
            return Ranking(self.weight, [], reads), []
        query_vector = self.model.get_query_embedding(query)
        question = unit(query_vector)
        vectors = self.vectors([found.chunks[cid].text for cid in pool])
        similarity = {cid: float(np.dot(question, v)) for cid, v in zip(pool, vectors, strict=True)}
        ordered: list[str] = sorted(pool, key=lambda cid: -similarity[cid])
        return Ranking(self.weight, ordered, reads), query_vector


def is_chinese(chunk: Chunk) -> bool:
    """A Chinese passage: by the language ingest recorded, else by its characters."""
    language = chunk.metadata.get("language")
    if isinstance(language, str) and language:
        return language.lower().startswith("zh")
    return mostly_chinese(chunk.text)

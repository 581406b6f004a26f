"""The BM25 index: llama-index's ``BM25Retriever`` (bm25s) over jieba-segmented text.

Ingest builds it (``app.store.bm25_build``) from the chunks in the store and saves it under
``DATA_DIR/bm25`` with a fingerprint of what it covers; the service loads it once and reloads
only when the fingerprint on disk changes (a later ingest), so no query ever rebuilds it.

bm25s tokenizes with a regular expression, which would keep a run of Chinese characters as one
token; segmenting Chinese with jieba first (``app.text.segment``) lets the same tokenizer serve
both languages. Each Chinese run is also indexed as its overlapping character pairs, the usual
unit of Chinese retrieval: jieba may cut the same phrase differently in a question and in a
notice, or keep a compound whole that the other text splits, and the pairs still match where
the words do not.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from llama_index.core.vector_stores.types import (
    FilterCondition,
    MetadataFilters,
)
from llama_index.core.vector_stores.utils import build_metadata_filter_fn
from llama_index.retrievers.bm25 import BM25Retriever

from app.chinese_words import simplified
from app.store.chroma_requests import allowed_doc_ids
from app.text import CJK_RUN, has_cjk, segment

TOKEN_PATTERN = r"(?u)\b\w+\b"
FINGERPRINT_FILE = "fingerprint.txt"
FILTER_KEYS = ("doc_id", "city", "year")
# Where under the index directory the whole documents' index is kept.
DOCUMENTS_DIR = "documents"
# The share of the indexed words that are Chinese above which the texts count as holding
# Chinese (English texts quote the odd Chinese term: 0.5% of the English corpus's words).
CHINESE_SHARE = 0.05
# Filter masks kept per index: a request's filters are one of few (a city, a document, years).
MASKS_KEPT = 256
# Every index stems as llama-index's retriever does by default (Snowball English), with this one
# stemmer: a query's tokens are then the same for the passages' and the documents' index.
_STEMMER = Stemmer.Stemmer("english")
# Queries whose tokens are kept: a question's few (its text, its rewrites, its parts).
QUERIES_KEPT = 256


def stored_fingerprint(directory: Path) -> str | None:
    try:
        return (directory / FINGERPRINT_FILE).read_text().strip()
    except OSError:
        return None


def lexical_terms(text: str) -> str:
    """What BM25 reads of ``text``: its words (Chinese cut by jieba), then each Chinese run's
    overlapping character pairs."""
    return joined_terms([lexical_piece(text)])


# A piece of text as BM25 reads it: the text, its words (Chinese runs cut by jieba) and its
# Chinese runs' overlapping character pairs, space-separated.
LexicalPiece = tuple[str, str, str]


def lexical_piece(text: str) -> LexicalPiece:
    text = simplified(text)  # a question's 以后 finds a notice's 以後
    pairs = [run[i:i + 2] for run in CJK_RUN.findall(text) for i in range(len(run) - 1)]
    return text, segment(text), " ".join(pairs)


def joined_terms(pieces: list[LexicalPiece]) -> str:
    """``lexical_terms`` of the pieces' texts joined by newlines, from pieces cut once: jieba
    cuts each Chinese run alone (``segment``) and no run crosses a newline, so the whole's words
    are its pieces' in order, and so are its pairs."""
    if not any(has_cjk(text) for text, _, _ in pieces):
        return "\n".join(text for text, _, _ in pieces)
    words = "\n".join(words for _, words, _ in pieces)
    return words + " " + " ".join(pairs for _, _, pairs in pieces if pairs)


@dataclass(frozen=True)
class QueryScores:
    base: BM25Retriever | None  # the index scored
    query: str
    scores: np.ndarray | None  # per corpus row; None: no word of the query is indexed


class LexicalIndex:
    """Loaded BM25 index; ``search`` returns (chunk_id, score) best first.

    Per query only the query's postings are scored: the rows a filter allows are found once
    per distinct filter and kept, not rebuilt on every request as llama-index's
    ``BM25Retriever(filters=...)`` does; the best are then picked among the allowed rows that
    score at all, not over the whole corpus (bm25s's pick over a corpus-long array of mostly
    masked-out zeros took ~6 ms at 100k chunks, where a city's 3,000 rows take 0.05 ms).
    """

    def __init__(self, directory: Path, documents: bool = True) -> None:
        self.directory = directory
        # The whole documents' index beside the passages' (None: not built, or this is it).
        self.documents = LexicalIndex(directory / DOCUMENTS_DIR, False) if documents else None
        self.loaded_fingerprint: str | None = None
        self._retriever: BM25Retriever | None = None
        self._rows: OrderedDict[str, np.ndarray] = OrderedDict()
        # Set here too: with no fingerprint on disk (an ingest stopped before the index was
        # written), refresh finds nothing new and sets nothing.
        self.holds_chinese = False
        self._doc_rows: dict[str, np.ndarray] | None = None
        self.refresh()

    def refresh(self, fingerprint_: str | None = None) -> None:
        """Reload when ingest has written a new index since we last loaded (``fingerprint_``:
        the enclosing index's, for the documents' index, which has none of its own)."""
        current = fingerprint_ or stored_fingerprint(self.directory)
        if current == self.loaded_fingerprint:
            return
        if self.documents is not None:
            self.documents.refresh(current)
        self.loaded_fingerprint = current
        retriever = None
        if current is not None and (self.directory / "params.index.json").exists():
            loaded = BM25Retriever.from_persist_dir(str(self.directory), show_progress=False)
            # Queries are tokenized as a fresh retriever over the loaded index would.
            retriever = BM25Retriever(existing_bm25=loaded.bm25, similarity_top_k=1,
                                      token_pattern=TOKEN_PATTERN, stemmer=_STEMMER)
        self._retriever, self._rows = retriever, OrderedDict()
        self.holds_chinese = retriever is not None and _chinese_share(retriever) >= CHINESE_SHARE
        self._doc_rows = None  # each document's corpus rows, found on first use

    @property
    def size(self) -> int:
        return len(self._retriever.corpus) if self._retriever else 0

    def _allowed_rows(self, base: BM25Retriever, filters: MetadataFilters) -> np.ndarray:
        """The corpus rows ``filters`` allows, in order."""
        key = filters.model_dump_json()
        rows = self._rows.get(key)
        if rows is None:
            rows = self._doc_id_rows(base, filters)
            if rows is None:
                rows = np.flatnonzero(self._mask(base, filters))
            self._rows[key] = rows
            while len(self._rows) > MASKS_KEPT:
                self._rows.popitem(last=False)
        return rows

    @staticmethod
    def _mask(base: BM25Retriever, filters: MetadataFilters) -> np.ndarray:
        """Each corpus row's 1 (kept) or 0, by llama-index's filter function: any filter."""
        by_id = {entry["node_id"]: entry for entry in base.corpus}
        keep = build_metadata_filter_fn(lambda node_id: by_id[node_id], filters)
        return np.array([int(keep(entry["node_id"])) for entry in base.corpus])

    def _doc_id_rows(self, base: BM25Retriever, filters: MetadataFilters) -> np.ndarray | None:
        """The rows of filters on doc_id alone (those retrieval builds), from each document's
        rows found once: the generic filter function took 0.5 s per new filter at 100k chunks,
        a lookup over the corpus 50 ms, a first question about each city paying it. None for
        filters of another form."""
        if filters.condition not in (None, FilterCondition.AND):
            return None
        allowed = allowed_doc_ids(filters.filters)
        if allowed is None:
            return None
        if self._doc_rows is None:
            self._doc_rows = _rows_by_doc(base)
        found = [self._doc_rows[d] for d in allowed if d in self._doc_rows]
        return np.sort(np.concatenate(found)) if found else np.array([], dtype=np.int64)

    def score(self, query: str) -> QueryScores:
        """Every row's score for ``query``: a retrieval computes it once for all its searches,
        and may compute it while the question is being encoded."""
        base = self._retriever
        if base is None or not query.strip():
            return QueryScores(base, query, None)
        token_ids = base.bm25.get_tokens_ids(list(query_tokens(query)))
        if not token_ids:
            return QueryScores(base, query, None)
        return QueryScores(base, query, np.asarray(base.bm25.get_scores_from_ids(token_ids)))

    def knows(self, words: str) -> bool:
        """Whether every indexed term of ``words`` occurs in some stored passage (words the
        index drops, such as stop words, count as known)."""
        base = self._retriever
        if base is None:
            return False
        vocabulary = base.bm25.vocab_dict
        return all(token in vocabulary for token in query_tokens(words))

    def search(
        self, query: str, k: int, filters: MetadataFilters | None,
        scored: QueryScores | None = None,
    ) -> list[tuple[str, float]]:
        """The best ``k`` rows ``filters`` allows; ``scored`` is ``score(query)`` when the
        caller has it (of this very index: one loaded since is scored anew)."""
        base = self._retriever
        if base is None or not query.strip():
            return []
        rows = (self._allowed_rows(base, filters)
                if filters is not None and filters.filters else None)
        if rows is not None and not len(rows):  # every chunk filtered out
            return []
        if scored is None or scored.base is not base or scored.query != query:
            scored = self.score(query)
        if scored.scores is None:
            return []
        return [(str(base.corpus[row]["node_id"]), score)
                for row, score in best_rows(scored.scores, rows, k)]


@lru_cache(maxsize=QUERIES_KEPT)
def query_tokens(query: str) -> tuple[str, ...]:
    """The stemmed tokens BM25 looks ``query`` up by, in any index (``_STEMMER``): jieba's cut
    and bm25s's tokenizing were ~5% of a question's CPU when each index and ``knows`` repeated
    them for the same text."""
    tokens = bm25s.tokenize(lexical_terms(query), stemmer=_STEMMER, token_pattern=TOKEN_PATTERN,
                            show_progress=False, return_ids=False)
    return tuple(tokens[0]) if tokens else ()


def _chinese_share(retriever: BM25Retriever) -> float:
    vocabulary = getattr(retriever.bm25, "vocab_dict", None) or {}
    return sum(map(has_cjk, vocabulary)) / (len(vocabulary) or 1)


def _rows_by_doc(base: BM25Retriever) -> dict[str, np.ndarray]:
    doc_ids = np.array([str(entry.get("doc_id", "")) for entry in base.corpus])
    order = np.argsort(doc_ids, kind="stable")
    names, starts = np.unique(doc_ids[order], return_index=True)
    return {str(name): rows for name, rows in zip(names, np.split(order, starts[1:]), strict=True)}


def best_rows(scores: np.ndarray, rows: np.ndarray | None, k: int) -> list[tuple[int, float]]:
    """The ``k`` best of ``rows`` (None: every row) that score above zero, as (row, score),
    best first; of equal scores the earlier row first, so a question's passages are the same
    on every run."""
    if k <= 0:
        return []
    if rows is None and len(scores) > k and np.count_nonzero(scores) * 2 > len(scores):
        # Most rows score (the question has a common word): one pick over the whole array is
        # cheapest. numpy's pick is slow only among many equal values, such as masked zeros.
        rows = np.flatnonzero(scores >= _kth_largest(scores, k))
    candidates = np.flatnonzero(scores > 0) if rows is None else rows[scores[rows] > 0]
    values = scores[candidates]
    if len(values) > k:
        kth = _kth_largest(values, k)
        above = np.flatnonzero(values > kth)
        level = np.flatnonzero(values == kth)[: k - len(above)]
        kept = np.sort(np.concatenate([above, level]))
        candidates, values = candidates[kept], values[kept]
    order = np.lexsort((candidates, -values))
    return [(int(candidates[i]), float(values[i])) for i in order]


def _kth_largest(values: np.ndarray, k: int) -> float:
    return float(np.partition(values, len(values) - k)[len(values) - k])

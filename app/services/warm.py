"""Work done in the background once the service is built; the thread limit of numpy."""

from __future__ import annotations

import logging

from threadpoolctl import ThreadpoolController

from app.answering.citations import sentences_of
from app.answering.extractive import ExtractiveAnswerer
from app.answering.sentence_forms import in_context
from app.background import start_warm
from app.retrieval.crosslingual import is_chinese
from app.retrieval.dictionary import chinese_terms, dictionary, one_sense
from app.retrieval.freshness import StoreWatch
from app.retrieval.gazetteer import gazetteer
from app.retrieval.hybrid import Hit, HybridRetriever
from app.retrieval.kindred import placeable_words
from app.retrieval.names import warm as warm_name_taggers
from app.retrieval.taggers import keep_parses
from app.store.query_encoder import OneAtATime
from app.store.records import Chunk
from app.store.vectors import TextVectors, semantic_texts
from app.text import has_cjk

log = logging.getLogger(__name__)

WARM_DELAY_S = 5.0
# A store of at most this many passages has the vectors of all its passages and sentences
# computed once the service is up (the five corpus texts: 91 passages, ~1,000 sentences, a few
# seconds); the caches hold 8,192 vectors each. A larger store caches what questions meet.
WARM_PASSAGES_MAX_CHUNKS = 500
# A store of at most this many passages has them all read into the chunk cache once the service
# is up (a second or two of Chroma reads for realzh-dev's 2,157), and its passages in its other
# language encoded for the cross-lingual ranking when they are few.
WARM_CHUNKS_MAX = 5_000
# Texts encoded at a time: a question's own encode waits for one batch at most.
WARM_BATCH = 16


def start_warming(crosslingual: OneAtATime | None, retriever: HybridRetriever,
                  watch: StoreWatch, extractive: ExtractiveAnswerer) -> None:
    """Warm the cross-lingual model (a few seconds after start), the places' scopes, and the
    vectors of a small store's passages and sentences."""
    if crosslingual is not None:
        # Loaded in the background (a few seconds), and only once the service is up: the
        # dictionary's parse holds the GIL, and run at once it delayed readiness by ~3 s
        # (bench). A Chinese question before then loads them itself.
        start_warm("policykb-warm", _warm_crosslingual, crosslingual, delay=WARM_DELAY_S)
    # After the models' warm: in a store of the five texts, a Chinese question met ~10 English
    # sentences its model had not encoded yet, and the first pass over the eval set's Chinese
    # questions took twice the time of the second (p50).
    start_warm("policykb-warm-passages", _warm_passages, retriever, watch, extractive,
               delay=WARM_DELAY_S if crosslingual is not None else 0.0)
    # Started at once: reading a place holds the GIL little (Chroma reads in Rust), and at
    # 100k chunks the first questions about each city otherwise paid ~0.3 s each.
    start_warm("policykb-warm-scopes", _warm_scopes, retriever, watch)
    # The taggers that read a name no gazetteer knows (about a second to load).
    start_warm("policykb-warm-names", warm_name_taggers, delay=WARM_DELAY_S)


def _warm_crosslingual(model: OneAtATime) -> None:
    try:
        dictionary()
        chinese_terms("warm")  # the dictionary read the other way, for English questions
        one_sense("warm", "heat")  # and by sense, for another subject's noun (~1 s)
        gazetteer()
        model.get_query_embedding("预热")
    except Exception:  # a warm that fails leaves the first Chinese question to load them
        # Seen once in CI: CPython 3.11.7's ast (numpy's .npy header parse) raised SystemError
        # "AST constructor recursion depth mismatch" with another thread parsing at once.
        log.warning("warming the cross-lingual model failed", exc_info=True)


def _warm_passages(retriever: HybridRetriever, watch: StoreWatch,
                   extractive: ExtractiveAnswerer) -> None:
    try:
        with watch.reading():
            total = retriever.store.chunk_count()
            if total > WARM_CHUNKS_MAX:
                return
            chunks = retriever.store.all_chunks()
            # A question's passages are read from the cache, not from Chroma (~5 ms a question
            # on realzh-dev's 2,157 passages, whose questions rarely meet the same ones twice).
            retriever.store.chunk_cache.keep(chunks)
        ranker = extractive.ranker
        # A passage longer than the chunk cap (stored whole by an older ingest) is left to the
        # questions that meet it: warming one of 2,000,000 characters kept a core busy for
        # minutes after startup and the process grew by ~8 GB (tests/test_answer_safety.py).
        chunks = [c for c in chunks if len(c.text) <= (ranker.max_chars or len(c.text))]
        if total > WARM_PASSAGES_MAX_CHUNKS:
            # The passages of the store's other language, when few (the five English texts
            # beside Chinese notices), are the ones each question's cross-lingual ranking
            # encodes: ~60 ms of a realzh-dev question that met three of them unencoded.
            few = min(_by_language(chunks).values(), key=len)
            if retriever.crosslingual is not None and len(few) <= WARM_PASSAGES_MAX_CHUNKS:
                _encode(retriever.crosslingual.vectors, [c.text for c in few])
            return
        read = sentences_of([Hit(c, 0.0, 0) for c in chunks], ranker.max_chars)
        sentences = [in_context(s) for s in read]
        if retriever.crosslingual is not None:
            _encode(retriever.crosslingual.vectors, [c.text for c in chunks])
        if ranker.crosslingual_vectors is not None:
            _encode(ranker.crosslingual_vectors, [t for s in sentences for t in semantic_texts(s)])
        _encode(ranker.vectors, [s for s in sentences if not has_cjk(s)])
        # The sentences' words an English question's word may be close to (app.retrieval.kindred):
        # ~1,100 in the five texts, which questions otherwise encoded a few dozen at a time.
        _encode(ranker.vectors, placeable_words(sentences))
        keep_parses([s.text for s in read if not has_cjk(s.text)])
    except Exception:  # a warm that fails leaves each question to encode what it meets
        log.warning("warming the passages' vectors failed", exc_info=True)


def _by_language(chunks: list[Chunk]) -> dict[bool, list[Chunk]]:
    """The passages by whether they are Chinese, as the cross-lingual ranking tells them."""
    found: dict[bool, list[Chunk]] = {True: [], False: []}
    for chunk in chunks:
        found[is_chinese(chunk)].append(chunk)
    return found


def _encode(vectors: TextVectors, texts: list[str]) -> None:
    for start in range(0, len(texts), WARM_BATCH):
        vectors(texts[start : start + WARM_BATCH])


def _warm_scopes(retriever: HybridRetriever, watch: StoreWatch) -> None:
    try:
        retriever.warm_scopes(watch.reading)
    except Exception:  # a warm that fails leaves each question to read its own place
        log.warning("warming the places' search scopes failed", exc_info=True)


def numpy_blas_single_threaded() -> None:
    """Run numpy's matrix products on the calling thread alone, for the rest of the process.

    Why: the products a request makes are small (a question against a city's 3,000 passage
    vectors, a few dozen sentences), and OpenBLAS's second thread, which keeps spinning after
    each one, competed on 2 cores with the question encoder and with other requests: at 100k
    chunks the scoped search took 7 ms instead of 0.9 and ask p50 was 34 ms instead of 15.
    Requests run in parallel on the server's threads instead."""
    ThreadpoolController().select(internal_api="openblas").limit(limits=1)

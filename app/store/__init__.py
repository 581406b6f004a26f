"""Store: what ingest writes and the service reads back.

- ``vector_store``: llama-index's ``ChromaVectorStore``, writing in slices Chroma accepts.
- ``chroma``: the Chroma collections (chunks with their vectors, whole document texts), embedded
  (PersistentClient under the data dir) or a Chroma server (HttpClient), through one code path.
- ``records``: what the store hands out: ``Chunk`` (a stored passage) and ``StoredDocument``.
- ``bm25``: the BM25 index over the stored chunks, its persistence under ``DATA_DIR/bm25`` and
  the fingerprint that tells the service when ingest has changed it.
- ``embedding``: the embedding models (the one whose vectors the store holds, and the
  cross-lingual one), and the identity the store records of the former.
- ``vectors``: vectors of texts under one model, kept for the hottest passages (LRU).

May import: the shared base (``app.settings``, ``app.errors``, ``app.models``, ``app.text``) and
itself. Never ``app.retrieval``, ``app.answering``, ``app.http`` or the composition root
(``tests/test_layout.py`` checks this).
"""

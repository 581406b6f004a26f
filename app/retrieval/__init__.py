"""Retrieval: from a question to ranked passages.

- ``catalog``: the stored documents as the service sees them (metadata, texts, places),
  reloaded only when ingest has changed the store.
- ``places``: which cities, districts and provinces a question names, and which documents
  cover them.
- ``glossary``: how a Chinese question is rendered in the texts' English words.
- ``hybrid``: the ``HybridRetriever`` (dense + BM25, fused by reciprocal rank) and its result
  types (``Hit``, ``RetrievalResult``).

May import: the shared base and ``app.store``. Never ``app.answering`` or ``app.http``.
"""

"""The whole documents' ranking of one question: which notices are about what it asks.

A second BM25 index holds each document whole, title and issuer included: a passage's own words
are few, and the question's other words are often elsewhere in its notice (its title, its
preamble, the clauses around it). Every passage takes its document's rank in fusion (on
realzh-dev's dev questions right-document-first rose by ~0.03).
"""

from __future__ import annotations

from llama_index.core.vector_stores.types import MetadataFilter

from app.retrieval.filters import all_of, scope_filter
from app.store.bm25 import LexicalIndex


def ranked_documents(documents: LexicalIndex, text: str, conditions: list[MetadataFilter],
                     depth: int, scope: set[str]) -> list[str]:
    """The first ``depth`` documents the conditions allow, best first; then the rest of the
    question's places' documents (``scope``) in the same order. Ranked among all alone, a
    place's own notice fell below the first 30 as other places' notices on its topic were
    stored (h12's Tongliao heating notice), and its passages, left unranked, lost to a national
    notice in scope; ranked among its place's alone (round 37), every scoped question's ranks
    changed, and realzh and the probes lost. Appended, the documents of the first ``depth``
    keep their ranks."""
    scored = documents.score(text)
    ranked = [doc_id for doc_id, _ in documents.search(text, depth, all_of(conditions), scored)]
    if scope:
        within = all_of([*conditions, scope_filter(scope)])
        ranked += [doc_id for doc_id, _ in documents.search(text, len(scope), within, scored)
                   if doc_id not in ranked]
    return ranked

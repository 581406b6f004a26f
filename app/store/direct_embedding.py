"""A llama-index embedding model encoding without llama-index's per-call instrumentation.

``BaseEmbedding.get_query_embedding`` and ``get_text_embedding_batch`` wrap every encode in a
span and two events (each a pydantic model with a dump of the model's settings and a uuid4 id)
that nothing in policykb listens to: ~0.3 ms a question's encode, ~1.5% of an English ask and
~4% of a realzh one (os.urandom alone). The vectors are the model's own ``_get_*`` methods',
in the same batches, so they are the same.

Overriding them is not enough: llama-index's ``DispatcherSpanMixin`` wraps, as each class is
made, every method a subclass defines that overrides an abstract or spanned one (this class's
own two, a model's ``_get_query_embedding``), so each question's encode still paid two spans
(an ``inspect.signature`` and a uuid4 each: 743 os.urandom calls, ~0.3 s of CPU over
realzh-dev's 305 asks). The spans are taken off again (``_unspanned``).
"""

from __future__ import annotations

from typing import Any

import wrapt
from llama_index.core.base.embeddings.base import BaseEmbedding


def _unspanned(cls: type) -> None:
    """Put back the methods ``cls`` defines that llama-index's mixin wrapped in a span (a
    ``wrapt`` wrapper: the method itself is its ``__wrapped__``)."""
    for name, member in list(vars(cls).items()):
        if isinstance(member, wrapt.FunctionWrapper):
            setattr(cls, name, member.__wrapped__)


class DirectEmbedding(BaseEmbedding):
    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)  # the mixin wraps here
        _unspanned(cls)

    def get_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def get_text_embedding_batch(self, texts: list[str], show_progress: bool = False,
                                 **kwargs: Any) -> list[list[float]]:
        if show_progress:  # ingest's bar is llama-index's
            return super().get_text_embedding_batch(texts, show_progress, **kwargs)
        size = self.embed_batch_size  # llama-index's batches: a batch-mate may move a vector
        return [vector for start in range(0, len(texts), size)
                for vector in self._get_text_embeddings(texts[start:start + size])]


_unspanned(DirectEmbedding)

"""A model's texts encoded one at a time, side by side on the cores.

USE's batch moved a vector's last bits with its batch-mates (OpenBLAS picks a matrix
product's kernel by its shape, so a text's rows were summed another way among others), and a
cached sentence vector then depended on the questions asked before; so each text is encoded
alone. Alone, a short text spends its time streaming the weights and in the tokenizer (pure
Python, ~40% of its CPU time): ~1.3-1.5x a batch's time on one core. The texts of one call are
spread over the cores instead, each still alone on one BLAS thread: the same computation, so
the same vector to the last bit, whichever thread ran it. The numpy products release the GIL,
so two threads encode ~1.5-1.8x as fast as one when the other core is free.

The threads are started for the call and joined before it returns: none is left running after
a request (a call of one text runs on the caller's thread alone).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import Any

from threadpoolctl import ThreadpoolController


class EachAlone:
    """``encode`` (a list of texts -> their vectors) called on one text at a time, by up to
    ``workers`` threads at once; the vectors in the texts' order."""

    def __init__(self, encode: Callable[[list[str]], Any], workers: int) -> None:
        self.encode = encode
        self.workers = max(1, workers)
        # numpy's BLAS, found once (a scan of the loaded libraries).
        self._blas = ThreadpoolController() if self.workers > 1 else None

    def __call__(self, texts: list[str]) -> list[Any]:
        workers = min(self.workers, len(texts))
        if workers <= 1 or self._blas is None:
            return [self.encode([text])[0] for text in texts]
        vectors: list[Any] = [None] * len(texts)
        failures: list[BaseException] = []
        left = iter(range(len(texts)))
        take = threading.Lock()

        def work() -> None:
            # The next text, whichever thread is free (a long text does not hold up the rest).
            while not failures:
                with take:
                    index = next(left, None)
                if index is None:
                    return
                try:
                    vectors[index] = self.encode([texts[index]])[0]
                except BaseException as exc:  # raised on the caller's thread, after the join
                    failures.append(exc)

        # One BLAS thread for the whole call, set once here: the model's encode sets its own
        # limit and puts the previous one back, and two threads doing that at once from
        # another limit could leave the process's BLAS at the wrong count.
        with self._blas.limit(limits=1, user_api="blas"):
            helpers = [threading.Thread(target=work, name="policykb-encode")
                       for _ in range(workers - 1)]
            for helper in helpers:
                helper.start()
            try:
                work()
            finally:
                for helper in helpers:
                    helper.join()
        if failures:
            raise failures[0]
        return vectors


def loaded_alone(encode: Callable[[list[str]], Any]) -> Callable[[list[str]], Any]:
    """``encode`` whose first call, which loads a lazily loaded model's weights, runs alone.

    Two threads loading at once (a question's encoders side by side, or one and the warm-up)
    each read the .npy headers with ``ast.literal_eval``, and CPython 3.11's AST state, shared
    by threads, raised "AST constructor recursion depth mismatch" (the suite, twice). The calls
    after the first run side by side as before."""
    lock, loaded = threading.Lock(), threading.Event()

    @wraps(encode)  # ``__wrapped__``: the model's own encode, as the caller gave it
    def call(texts: list[str]) -> Any:
        if loaded.is_set():
            return encode(texts)
        with lock:
            vectors = encode(texts)
            loaded.set()
            return vectors

    return call

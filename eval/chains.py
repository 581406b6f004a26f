"""Follow-up chains: conversations of two to four turns, scored turn by turn.

Each line of ``eval/chains.jsonl`` is one chain::

    {"id": "ch-01", "lang": "en", "split": "dev", "turns": [
        {"question": "...", "sources": [doc_id, ...], "facts": [[alternatives], ...]},
        {"question": "Who is responsible for that?", "follow_up": true, ...}]}

A turn with ``"answerable": false`` (no sources, no facts) must be refused: the documents do
not say what it asks. ``follow_up`` marks a turn that leaves out what the conversation gave (a
place, document, measure or subject); a later turn without it is a complete new question,
which must be answered as asked. Every turn is asked as a client that keeps its conversation asks
(``history``: the earlier questions, their answers and the documents they cited), through the same
code path as ``POST /api/ask``, and scored as eval/ scores a question (every fact stated).

    python -m eval.chains [--split dev|test|all] [--mode extractive|generate] [--report FILE]
                          [--condense]

``--condense`` measures the model's condensation alone (a model server must be set): each
later turn is condensed by the model, checked as the service checks it (the rule resolves it
when the check rejects the model's question), and the result answered extractively.

prints, per split and language: first turns answered right, follow-up turns answered right,
complete later turns answered right, how many were changed (their text rewritten, or asked in
a document carried over) and how many of those were then answered wrongly, and what resolving a
follow-up adds to ask latency (p50 of the resolution alone, and of asking with the
conversation against asking its resolved question alone).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.background import stop_warms
from app.models import Answer, AskRequest, HistoryTurn, Mode
from app.services import Services
from app.settings import Settings
from eval.metrics import Outcome, answer_correct, percentile
from eval.questions import Question

DEFAULT_CHAINS = Path("eval/chains.jsonl")  # over a store of corpus/
# Over the cities store (corpus/ and eval/probes/cities*/): chains on cities-heldout-t's texts
CITIES_CHAINS = Path("eval/chains-cities.jsonl")
DEFAULT_REPORT = Path("eval/reports/chains.json")  # git-ignored, as every report
TIMING_REPEATS = 5


@dataclass(frozen=True)
class Chain:
    id: str
    lang: str
    split: str
    turns: tuple[tuple[Question, bool], ...]  # each turn and whether it is a follow-up


@dataclass
class TurnResult:
    chain: str
    turn: int
    lang: str
    split: str
    follow_up: bool
    question: str
    resolved: str | None
    correct: bool
    answer: str
    ask_ms: float  # follow-ups: asked a second time, as the question alone is
    resolve_ms: float | None = None  # follow-ups: resolution alone
    alone_ms: float | None = None  # follow-ups: the resolved question asked alone
    cited: list[str] = field(default_factory=list)
    carried: str | None = None  # later turns (extractive): the document it was asked in
    condensed: str | None = None  # --condense: the model's question, when the check kept it


def load_chains(path: Path) -> list[Chain]:
    chains = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        obj = json.loads(line)
        turns = tuple(
            (Question(id=f"{obj['id']}.{i}", question=t["question"],
                      answerable=t.get("answerable", True),
                      sources=tuple(t["sources"]), facts=tuple(map(tuple, t["facts"])),
                      split=obj["split"], lang=obj["lang"], where=f"{path}:{n}"),
             bool(t.get("follow_up", False)))
            for i, t in enumerate(obj["turns"], start=1))
        if not 2 <= len(turns) <= 4 or turns[0][1]:
            raise ValueError(f"{path}:{n}: a chain has 2 to 4 turns, the first no follow-up")
        chains.append(Chain(obj["id"], obj["lang"], obj["split"], turns))
    return chains


def _timed_ms(began: float) -> float:
    return (time.perf_counter() - began) * 1000


def _condensed_answer(services: Services, request: AskRequest) -> tuple[Answer, str | None]:
    """The turn resolved by the model's condensation (or the rule, when the check rejects it),
    answered extractively."""
    conversations = services.conversations
    earlier = conversations.earlier(request, None)
    condensed = None
    if earlier and conversations.condenser is not None:
        condensed = conversations.condenser.condense(request.question, earlier)
    with services.watch.reading():
        resolution = conversations.resolution(request.question, earlier, condensed)
    answer = services.ask(AskRequest(question=resolution.question, mode="extractive",
                                     filters=conversations.filters(resolution, None)))
    answer.resolved_question = resolution.question if resolution.rewritten else None
    return answer, condensed


def run_chain(services: Services, chain: Chain, mode: Mode,
              condense: bool = False) -> list[TurnResult]:
    history: list[HistoryTurn] = []
    results = []
    for n, (question, follow_up) in enumerate(chain.turns, start=1):
        request = AskRequest(question=question.question, mode=mode,
                             history=list(history) or None)
        began = time.perf_counter()
        condensed = None
        if condense:
            answer, condensed = _condensed_answer(services, request)
        else:
            answer = services.ask(request)
        ask_ms = _timed_ms(began)
        result = TurnResult(
            chain.id, n, chain.lang, chain.split, follow_up, question.question,
            answer.resolved_question,
            answer_correct(Outcome(question, [], ask_ms, answer.answer, answer.refused)),
            answer.answer, ask_ms, cited=[c.doc_id for c in answer.citations],
            condensed=condensed)
        if n > 1 and mode == "extractive" and not condense:
            began = time.perf_counter()
            earlier = services.conversations.earlier(request, None)
            with services.watch.reading():
                resolution = services.conversations.resolve(question.question, earlier, mode)
            result.carried = resolution.doc_id
        if follow_up and mode == "extractive" and not condense:
            result.resolve_ms = _timed_ms(began)
            alone = AskRequest(question=resolution.question, mode=mode,
                               filters=services.conversations.filters(resolution, None))
            # Timed again, warm, in turns with the resolved question alone (median of
            # TIMING_REPEATS each): the first ask of a question pays for its passages'
            # sentence vectors, which later ones reuse, and a shared machine is noisy.
            with_history, by_itself = [], []
            for _ in range(TIMING_REPEATS):
                began = time.perf_counter()
                services.ask(request)
                with_history.append(_timed_ms(began))
                began = time.perf_counter()
                services.ask(alone)
                by_itself.append(_timed_ms(began))
            result.ask_ms = statistics.median(with_history)
            result.alone_ms = statistics.median(by_itself)
        results.append(result)
        history.append(HistoryTurn(question=question.question,
                                   doc_ids=list(dict.fromkeys(result.cited)),
                                   answer=answer.answer))
    return results


def _rate(values: Sequence[bool]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def _changed(result: TurnResult) -> bool:
    """Whether the turn was not asked as written: its text rewritten, or asked in a document
    carried over from the conversation."""
    return result.resolved is not None or result.carried is not None


def summarize(results: Sequence[TurnResult]) -> dict[str, Any]:
    first = [r.correct for r in results if r.turn == 1]
    follow = [r.correct for r in results if r.follow_up]
    complete = [r for r in results if r.turn > 1 and not r.follow_up]
    timed = [r for r in results if r.resolve_ms is not None]
    p50 = {name: percentile([v for r in timed if (v := getattr(r, name)) is not None], 50)
           for name in ("resolve_ms", "ask_ms", "alone_ms")}
    return {
        "chains": len({r.chain for r in results}),
        "first_turns": len(first), "first_right": _rate(first),
        "follow_ups": len(follow), "follow_up_right": _rate(follow),
        "complete_later": len(complete),
        "complete_right": _rate([r.correct for r in complete]),
        "complete_rewritten": _rate([_changed(r) for r in complete]),
        "complete_wrongly_rewritten": _rate([_changed(r) and not r.correct for r in complete]),
        "resolve_p50_ms": p50["resolve_ms"],
        "follow_up_ask_p50_ms": p50["ask_ms"],
        "resolved_alone_p50_ms": p50["alone_ms"],
    }


def table(results: Sequence[TurnResult]) -> str:
    groups: dict[str, list[TurnResult]] = {"all": list(results)}
    for r in results:
        groups.setdefault(f"{r.split} {r.lang}", []).append(r)
    columns = ["first_right", "follow_up_right", "follow_ups", "complete_rewritten",
               "complete_wrongly_rewritten", "complete_later", "resolve_p50_ms",
               "follow_up_ask_p50_ms", "resolved_alone_p50_ms"]
    lines = ["| slice | " + " | ".join(columns) + " |", "|" + "---|" * (len(columns) + 1)]
    for name in sorted(groups):
        row = summarize(groups[name])
        lines.append(f"| {name} | " + " | ".join(
            "–" if row[c] is None else f"{row[c]:.3g}" if isinstance(row[c], float)
            else str(row[c]) for c in columns) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.chains", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chains", type=Path, default=DEFAULT_CHAINS)
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--mode", choices=["extractive", "generate"])
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--condense", action="store_true",
                        help="resolve later turns by the model's condensation (checked), "
                        "answer extractively")
    args = parser.parse_args(argv)
    chains = [c for c in load_chains(args.chains) if args.split in ("all", c.split)]
    services = Services.build(Settings())
    mode = "extractive" if args.condense else services.mode_for(args.mode)
    if args.condense and services.conversations.condenser is None:
        parser.error("--condense needs a model server (POLICYKB_LLM_BASE_URL)")
    if args.condense and services.conversations.condenser is not None:
        # What the model writes is measured, not how fast a loaded machine writes it: the
        # model has the whole LLM timeout (POLICYKB_LLM_TIMEOUT_S), not a follow-up's 15 s.
        services.conversations.condenser.timeout_s = services.settings.llm.timeout_s
    services.ask(AskRequest(question=chains[0].turns[0][0].question, mode=mode))  # warm
    results = [r for chain in chains for r in run_chain(services, chain, mode, args.condense)]
    print(table(results))
    if args.condense:
        later = [r for r in results if r.turn > 1]
        kept = sum(r.condensed is not None for r in later)
        print(f"condensations kept by the check: {kept} of {len(later)} later turns")
    for r in results:
        if not r.correct:
            print(f"wrong: {r.chain}.{r.turn} {r.question!r} -> {r.resolved!r}: "
                  f"{r.answer[:120]!r}")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps({"mode": mode, "summary": summarize(results),
                                       "turns": [asdict(r) for r in results]},
                                      ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    finally:
        stop_warms()  # before the interpreter's exit handlers: see app.background

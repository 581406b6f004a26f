"""Generate mode beside extractive on probe batches: `python -m eval.probes.generate`.

Every question of the probe files is asked twice through ``POST /api/ask`` of the real app
(``mode: extractive``, then ``mode: generate`` against the model server the settings name,
``POLICYKB_LLM_BASE_URL``), and both answers are scored with the probes' one scorer
(``eval.probes.judged_right``). Per language and mode it reports:

* fact right: answerable questions whose answer holds every expected fact;
* unanswerable refused, and **false statements**: unanswerable questions given any answer;
* false refusals of answerable questions;
* for generate: answers written by the model (not a fallback), the extractive refusals the
  model rescued (``--rescue``), fallbacks, and the sentences the citation check removed;
* p50 time per question.

With ``--rescue N`` the model may answer what the extractive rules refused (reading N
sentences); the same run also gives generate mode without rescue, since then an extractive
refusal is final: both are reported. Each question's record -- both answers, the model's raw
reply and the passages it was checked against -- is appended to ``--out`` (JSON lines) as it
is scored, so a long run can be read while it goes. ``--recheck FILE`` runs the citation check
of this code again on a saved run's raw replies, without the model: a change to the check is
measured on the very same replies.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.answering.generation.answerer import GenerativeAnswerer
from app.answering.generation.grounding import ground
from app.answering.parts import split_parts
from app.background import stop_warms
from app.http.factory import create_app
from app.retrieval.hybrid import Hit
from app.settings import Settings
from app.store.records import Chunk
from app.text import has_cjk
from eval.probes import judged_right, read_probes

Record = dict[str, Any]


class Tap:
    """What the generate answerer sent and got, call by call (a question of several parts asks
    the model once a part): the passages each reply was checked against and the model's raw
    reply. The answer path itself is unchanged."""

    def __init__(self, answerer: GenerativeAnswerer) -> None:
        self.calls: list[dict[str, Any]] = []
        client, budget = answerer.client, answerer.budget
        real_stream = client.stream

        def stream(*args: Any, **kwargs: Any) -> Iterator[Any]:
            if not self.calls or "reply" in self.calls[-1]:  # no budget fitted the passages
                self.calls.append({"hits": []})
            call = self.calls[-1]
            call["reply"] = ""
            for delta in real_stream(*args, **kwargs):
                if delta.kind == "content":
                    call["reply"] += delta.text
                yield delta

        client.stream = stream  # type: ignore[method-assign, assignment]
        if budget is not None:
            real_fit = budget.fit

            def fit(*args: Any, **kwargs: Any) -> Any:
                fitted = real_fit(*args, **kwargs)
                self.calls.append({"hits": [asdict(e.hit) for e in fitted.excerpts]})
                return fitted

            budget.fit = fit  # type: ignore[method-assign]

    def take(self) -> list[dict[str, Any]]:
        calls, self.calls = [c for c in self.calls if "reply" in c], []
        return calls


def ask(client: TestClient, question: str, mode: str) -> tuple[dict[str, Any], float]:
    began = time.perf_counter()
    response = client.post("/api/ask", json={"question": question, "mode": mode})
    response.raise_for_status()
    return response.json(), (time.perf_counter() - began) * 1000


def shown(answer: dict[str, Any]) -> dict[str, Any]:
    return {k: answer.get(k) for k in ("answer", "refused", "refusal_code", "fallback",
                                       "unsupported")}


def run(paths: list[str], out: Path, settings: Settings, every: int) -> None:
    questions = [q for path in paths for q in read_probes(path)][::every]
    with TestClient(create_app(settings)) as client:
        answerer = client.app.state.services.answerers.get("generate")  # type: ignore[attr-defined]
        if not isinstance(answerer, GenerativeAnswerer):
            sys.exit("generate mode needs a model server: set POLICYKB_LLM_BASE_URL")
        tap = Tap(answerer)
        with out.open("a", encoding="utf-8") as sink:
            for i, (question, fact) in enumerate(questions, 1):
                extractive, extractive_ms = ask(client, question, "extractive")
                generated, generate_ms = ask(client, question, "generate")
                record = {"question": question, "fact": fact, "extractive": shown(extractive),
                          "extractive_ms": extractive_ms, "generate": shown(generated),
                          "generate_ms": generate_ms, "calls": tap.take()}
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                sink.flush()
                print(f"{i}/{len(questions)} {generate_ms / 1000:.1f}s {question}", flush=True)


def calls(record: Record) -> list[dict[str, Any]]:
    if "calls" in record:
        return list(record["calls"])
    return [] if record.get("reply") is None else [record]  # a run before calls were kept


def recheck(record: Record) -> Record:
    """The record with its generate answer as this code's citation check makes it (a question
    the model answered in several calls, one a part, is kept as it was answered; the same call
    made again, as the app asks a refused question anew, is one)."""
    distinct = list({json.dumps(c, sort_keys=True): c for c in calls(record)}.values())
    if len(distinct) != 1 or split_parts(record["question"])[1:]:
        return record
    call = distinct[0]
    hits = [Hit(Chunk(**h["chunk"]), h["score"], h["rank"]) for h in call["hits"]]
    extractive = record["extractive"]
    # A rescue (the extractive answer refused) is checked against the question's terms too.
    grounded = ground(call["reply"], hits, record["question"], extractive["refused"])
    if grounded.answer:  # followed by the quote it rests on, as the answerer gives it
        quote = "" if extractive["refused"] else "\n\n" + extractive["answer"]
        answer = {"answer": grounded.answer + quote, "refused": False, "fallback": None}
    elif grounded.not_covered:
        answer = {"answer": "", "refused": True, "fallback": None}
    else:  # the extractive answer, as the answerer falls back to it
        answer = {**extractive, "fallback": None if extractive["refused"] else "ungrounded"}
    return {**record, "generate": {**answer, "unsupported": grounded.unsupported}}


def summary(records: list[Record]) -> str:
    rows: dict[str, dict[str, Counter[str]]] = {}
    times: dict[tuple[str, str], list[float]] = {}
    for r in records:
        lang = "zh" if has_cjk(r["question"]) else "en"
        ext, gen, fact = r["extractive"], r["generate"], r["fact"]
        # Without rescue an extractive refusal is final: the generate answer is the refusal.
        plain = ext if ext["refused"] else gen
        for mode, answer in (("extractive", ext), ("generate", plain), ("generate+rescue", gen)):
            c = rows.setdefault(lang, {}).setdefault(mode, Counter())
            right = judged_right(fact, answer["refused"], answer["answer"])
            if fact == "-":
                c.update(unanswerable=1, refused=int(right), false_statements=int(not right))
            else:
                c.update(answerable=1, facts=int(right), false_refusals=int(answer["refused"]))
            if mode != "extractive":
                written = (bool(calls(r)) and not answer["refused"]
                           and answer.get("fallback") is None)
                c.update(written=int(written), fallbacks=int(answer.get("fallback") is not None),
                         removed=len(answer.get("unsupported") or []),
                         rescued=int(written and ext["refused"]))
        times.setdefault((lang, "extractive"), []).append(r["extractive_ms"])
        times.setdefault((lang, "generate+rescue"), []).append(r["generate_ms"])
        times.setdefault((lang, "generate"), []).append(
            r["extractive_ms"] if ext["refused"] else r["generate_ms"])
    lines = ["| lang | mode | fact right | unanswerable refused | false statements | "
             "false refusals | model-written | rescued | fallbacks | sentences removed | p50 |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for lang, modes in sorted(rows.items()):
        for mode, c in modes.items():
            gen = mode != "extractive"
            p50 = statistics.median(times[(lang, mode)])
            lines.append(
                f"| {lang} | {mode} | {c['facts']}/{c['answerable']} | "
                f"{c['refused']}/{c['unanswerable']} | {c['false_statements']} | "
                f"{c['false_refusals']}/{c['answerable']} | "
                + (f"{c['written']} | {c['rescued']} | {c['fallbacks']} | {c['removed']} | "
                   if gen else "– | – | – | – | ")
                + (f"{p50 / 1000:.1f} s |" if p50 > 1000 else f"{p50:.0f} ms |"))
    return "\n".join(lines)


def detail(records: list[Record]) -> Iterator[str]:
    """One line per question where the modes differ or generate is wrong."""
    for r in records:
        ext, gen, fact = r["extractive"], r["generate"], r["fact"]
        e_ok = judged_right(fact, ext["refused"], ext["answer"])
        g_ok = judged_right(fact, gen["refused"], gen["answer"])
        if e_ok and g_ok and not gen.get("unsupported"):
            continue
        said = "REFUSED" if gen["refused"] else gen["answer"].replace("\n", " ")[:200]
        yield (f"{'+' if e_ok else '-'}{'+' if g_ok else '-'} [{gen.get('fallback') or ''}] "
               f"{r['question']} ({fact}) -> {said}")
        for removed in gen.get("unsupported") or []:
            yield f"      removed: {removed.strip()[:200]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("probes", nargs="*", help="probe files (eval/probes/mixed-*.txt)")
    parser.add_argument("--out", type=Path, help="JSON lines to append each question's record to")
    parser.add_argument("--every", type=int, default=1, help="ask every n-th question only")
    parser.add_argument("--rescue", type=int, default=None,
                        help="sentences the model reads for an extractive refusal "
                        "(default: POLICYKB_LLM_RESCUE_SENTENCES)")
    parser.add_argument("--recheck", type=Path, help="a saved run: check its replies anew")
    parser.add_argument("--show", type=Path, help="a saved run: print its table and misses")
    args = parser.parse_args(argv)
    if args.recheck or args.show:
        saved = Path(args.recheck or args.show).read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in saved if line.strip()]
        if args.recheck:
            records = [recheck(r) for r in records]
        print("\n".join(detail(records)))
        print(summary(records))
        return 0
    if not args.probes or args.out is None:
        parser.error("give probe files and --out, or --recheck/--show a saved run")
    settings = Settings(auth="off")
    if args.rescue is not None:
        llm = settings.llm.model_copy(update={"rescue_sentences": args.rescue})
        settings = settings.model_copy(update={"llm": llm})
    run(args.probes, args.out, settings, args.every)
    records = [json.loads(line) for line in args.out.read_text(encoding="utf-8").splitlines()]
    print(summary(records))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        stop_warms()  # before the interpreter's exit handlers: see app.background

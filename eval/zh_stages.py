"""Where a Chinese answerable question's answering passage is lost: `python -m eval.zh_stages
OUT.tsv FILE...` (probe files, or a probe run's .out files: their BAD lines).

For each Chinese question with an expected fact that the answer misses, the first fact missed
is looked up along the pipeline, stage by stage:

1. ``not retrieved``: no passage holding it among the fused ranking's first ``DEPTH``;
2. ``below the cut``: fused, but below the passages the reader reads (top_k and their
   continuations; the fused rank and BM25's own rank are reported);
3. ``refused``: read, and the question refused (the reader's support is reported);
4. ``outranked``: read, and another sentence quoted;
5. ``part missing``: a question of several parts, another part answered.

A fact stated by no stored document at all is ``not verbatim``. A short fact ("30%") may be
held by several documents' passages: the first in the ranking counts, so the stage is a
guide to read, not a score. Run against the store the probe file is meant for.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.answering.chinese_reader import read_chinese
from app.answering.extractive import ExtractiveAnswerer
from app.background import stop_warms
from app.models import AskRequest
from app.retrieval.hybrid import Hit
from app.services import Services
from app.settings import Settings
from app.text import has_cjk
from eval.probes import judged_right, read_probes

DEPTH = 50  # how deep the fused ranking is searched for the answering passage
_BAD = re.compile(r"^BAD (.*?)\|(.*?) -> ")


def asked(paths: Sequence[str]) -> Iterator[tuple[str, str, str]]:
    """(file, question, fact) of each Chinese answerable question: every one of a probe file,
    the BAD ones of a probe run's output."""
    for path in paths:
        if path.endswith(".out"):
            pairs = [(m.group(1), m.group(2)) for line in Path(path).read_text(
                encoding="utf-8").splitlines() if (m := _BAD.match(line))]
        else:
            pairs = list(read_probes(path))
        yield from ((Path(path).name, q, f) for q, f in pairs if f != "-" and has_cjk(q))


def rank_of(hits: Sequence[Hit], fact: str) -> int | None:
    """The rank of the first passage holding ``fact`` (None: none does)."""
    return next((n for n, h in enumerate(hits, start=1) if fact in h.chunk.text), None)


def stage(stated: bool, fused: int | None, read: bool, refused: bool, parts_left: int,
          parts: int) -> str:
    """The stage at which an answer missed its fact (see the module's docstring)."""
    if not stated:
        return "0 not verbatim"
    if not read:
        return "1 not retrieved" if fused is None else "2 below the cut"
    if refused:
        return "3 refused"
    return "5 part missing" if 0 < parts_left < parts else "4 outranked"


def main(out: Path, paths: Sequence[str]) -> Counter[str]:
    services = Services.build(Settings())
    extractive = services.answerers["extractive"]
    assert isinstance(extractive, ExtractiveAnswerer)
    rows, tally = [], Counter[str]()
    try:
        texts = [services.catalog.text(d) for d in services.catalog.doc_ids]
        for name, question, fact in asked(paths):
            request = AskRequest(question=question, mode="extractive")
            answer, full = services.ask_with_retrieval(request, depth=DEPTH)
            if judged_right(fact, answer.refused, answer.answer):
                tally["right"] += 1
                continue
            facts = fact.split(" && ")
            missing = [f for f in facts if f.lower() not in answer.answer.lower()] or facts
            # What the reader read: the passages in force, or (answering.validity) all of them.
            read = services._retrieve(request).retrieval
            if rank_of(read.hits, missing[0]) is None:
                read = services._retrieve(request, in_force=False).retrieval
            fused = rank_of(full.hits, missing[0])
            lexical = services.retriever.retrieve(question, None, DEPTH, mode="bm25",
                                                  in_force=False)
            found = stage(any(missing[0] in t for t in texts), fused,
                          rank_of(read.hits, missing[0]) is not None, answer.refused,
                          len(facts) - len(missing), len(facts))
            reading = read_chinese(question, extractive.ranker.candidates(read))
            support = f"{reading.answer.support:.3f}" if reading else "-"
            tally[found] += 1
            shown = "REFUSED" if answer.refused else answer.answer[:80].replace("\n", " ")
            rows.append(f"{found}\t{name}\t{question}\t{fact}\tfused={fused} bm25="
                        f"{rank_of(lexical.hits, missing[0])} support={support}\t{shown}")
    finally:
        stop_warms()
    summary = [f"{key}\t{count}" for key, count in sorted(tally.items())]
    out.write_text("\n".join([*rows, "", *summary]) + "\n", encoding="utf-8")
    return tally


if __name__ == "__main__":
    print(sorted(main(Path(sys.argv[1]), sys.argv[2:]).items()))

"""How often ``ingest.validity`` reads a document's validity as a person labelled it.

``realzh-dev-labels.jsonl`` holds hand labels of 64 realzh-dev documents (doc ids and normalised
values only: effective_from as a date or "on_issue", effective_until, and whether an open end is
stated), read by a person from the texts: 44 of a first batch, and 20 more marked ``"batch": 2``,
labelled later and scored once before the detection was tuned on them. Run:

    python -m eval.validity.detection [DOCS_DIR] [--batch N]

A document is right when all three values match; the score that counts is over the documents
that state a validity, with the others' false findings reported beside it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ingest.validity import detect

LABELS = Path(__file__).with_name("realzh-dev-labels.jsonl")
DOCS = Path("/work/shared/realzh-dev/docs")


def normalised(found: dict[str, Any]) -> dict[str, Any]:
    start = found.get("effective_from") or ("on_issue" if found.get("effective_on_issue") else None)
    return {"effective_from": start, "effective_until": found.get("effective_until"),
            "open_end": bool(found.get("valid_condition"))}


def measure(docs: Path, batch: int | None = None) -> dict[str, Any]:
    """Detection against the labels (of one ``batch`` only, when given)."""
    stating = right = silent = wrong_finds = 0
    misses: list[dict[str, Any]] = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        doc_id = label.pop("doc_id")
        if batch is not None and label.pop("batch", 1) != batch:
            continue
        label.pop("batch", None)
        text = (docs / f"{doc_id}.txt").read_text(encoding="utf-8")
        got = normalised(detect(text, text.split("\n", 1)[0][:120]))
        states = bool(label["effective_from"] or label["effective_until"] or label["open_end"])
        stating += states
        silent += not states
        if got == label:
            right += states
        else:
            wrong_finds += not states
            misses.append({"doc_id": doc_id, "label": label, "found": got})
    return {"stating": stating, "right": right, "accuracy": round(right / max(stating, 1), 3),
            "not_stating": silent, "false_findings": wrong_finds, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="?", type=Path, default=DOCS)
    parser.add_argument("--batch", type=int, help="score one batch of labels only (1 or 2)")
    args = parser.parse_args()
    print(json.dumps(measure(args.docs, args.batch), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

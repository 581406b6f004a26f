"""Give questions without a ``split`` one, by a rule that never looks at how the system does.

The rule (documented in eval/README.md): questions fall into strata by (lang, answerable,
first source); within a stratum they are taken in the order of the SHA-256 of their id, and
each goes to the split its stratum has fewer of, a tie settled by the parity of that hash. So
every language, the unanswerable questions and every document are spread over dev and test
alike, and no result of any run can move a question. A question that has a split keeps it:
adding questions later never moves an old one (a dev question seen while tuning stays dev).

``python -m eval.splits [FILE]`` rewrites FILE (default eval/questions.jsonl) in place,
changing only the lines that had no split.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SPLITS = ("dev", "test")
DEFAULT_FILE = Path("eval/questions.jsonl")


def _digest(qid: str) -> int:
    return int(hashlib.sha256(qid.encode("utf-8")).hexdigest(), 16)


def stratum(obj: dict[str, Any]) -> tuple[str, bool, str]:
    """The group a question is balanced within."""
    sources = obj.get("sources") or ["-"]
    return (str(obj.get("lang", "en")), bool(obj.get("answerable")), str(sources[0]))


def assign_splits(objs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``objs`` with a split added to each that lacked one (the others unchanged)."""
    counts: dict[tuple[str, bool, str], Counter[str]] = {}
    for obj in objs:
        if obj.get("split") in SPLITS:
            counts.setdefault(stratum(obj), Counter())[obj["split"]] += 1
    missing = sorted((i for i, obj in enumerate(objs) if "split" not in obj),
                     key=lambda i: (stratum(objs[i]), _digest(str(objs[i]["id"]))))
    out = [dict(obj) for obj in objs]
    for i in missing:
        seen = counts.setdefault(stratum(out[i]), Counter())
        if seen["dev"] != seen["test"]:
            split = "dev" if seen["dev"] < seen["test"] else "test"
        else:
            split = SPLITS[_digest(str(out[i]["id"])) % 2]
        out[i]["split"] = split
        seen[split] += 1
    return out


def fill_file(path: Path) -> int:
    """Add the missing splits to ``path``; returns how many questions got one."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, json.loads(line)) for n, line in enumerate(lines) if line.strip()]
    filled = assign_splits([obj for _, obj in numbered])
    changed = 0
    for (n, before), after in zip(numbered, filled, strict=True):
        if after != before:
            lines[n] = json.dumps(after, ensure_ascii=False)
            changed += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FILE
    print(f"{target}: {fill_file(target)} question(s) given a split")

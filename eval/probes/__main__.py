"""Score probe files in extractive mode: `python -m eval.probes FILE...`.

A probe file holds one `question|expected fact` a line (`question|-`: the texts do not say, so
the answer must be a refusal); `#` lines are comments. Several facts joined by ` && ` (a
question of two parts, or one asked across documents) must all be in the answer. An answer is
right when it is not refused and contains every fact (ignoring case). Prints each question,
then per language the refusal accuracy, the false refusal rate and the fact accuracy.
"""

from __future__ import annotations

import sys
from collections import Counter

from app.background import stop_warms
from app.models import AskRequest
from app.services import Services
from app.settings import Settings
from app.text import has_cjk
from eval.probes import judged_right, read_probes


def main(paths: list[str]) -> int:
    services = Services.build(Settings())
    tally: dict[str, Counter[str]] = {}
    for path in paths:
        for question, fact in read_probes(path):
            answer = services.ask(AskRequest(question=question, mode="extractive"))
            counts = tally.setdefault("zh" if has_cjk(question) else "en", Counter())
            right = judged_right(fact, answer.refused, answer.answer)
            if fact == "-":
                counts.update(unanswerable=1, refused=int(right))
            else:
                counts.update(answerable=1, false_refusals=int(answer.refused), facts=int(right))
            shown = "REFUSED" if answer.refused else answer.answer[:160].replace("\n", " ")
            print("OK " if right else "BAD", question, "->", shown)
    for lang, c in sorted(tally.items()):
        print(f"{lang}: refusal {c['refused']}/{c['unanswerable']}, false refusals "
              f"{c['false_refusals']}/{c['answerable']}, fact {c['facts']}/{c['answerable']}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    finally:
        stop_warms()  # before the interpreter's exit handlers: see app.background

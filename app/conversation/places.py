"""The places a question names, read from the taggers' words (``words``) and the place index:
what ``phrases`` leaves out of a question's subject and ``edits`` joins or replaces."""

from __future__ import annotations

from collections.abc import Sequence

from app.conversation.phrases import Span
from app.conversation.words import Word
from app.retrieval.places import PlaceIndex

# English words that follow a place's name as part of it, as 区/县/市 do in Chinese (where the
# tagger keeps them in the name's word).
DESIGNATORS = frozenset({"district", "city", "county", "province", "municipality", "town"})


def place_spans(text: str, found: Sequence[Word], index: PlaceIndex) -> list[Span]:
    """Spans of ``text`` that name places: in a run of words a tagger takes for names, the
    shortest start the place index knows, with the designator after it (Haizhu District);
    the rest of the run names something else (Pazhou | Space Computing Center)."""
    spans: list[Span] = []
    run: list[Word] = []
    for word in [*found, None]:
        if word is not None and word.may_name_place:
            run.append(word)
            continue
        while run:
            end = next((end for end in range(1, len(run) + 1)
                        if names_place(text[run[0].start:run[end - 1].end], index)), 0)
            if not end:
                break
            while end < len(run) and run[end].text.lower() in DESIGNATORS:
                end += 1
            spans.append((run[0].start, run[end - 1].end))
            run = run[end:]
        run = []
    return spans


def names_place(text: str, index: PlaceIndex) -> bool:
    seen = index.infer(text)
    return bool(seen.held or seen.missing)

"""An official document's sentence over unofficial ones that disagree with it.

The manifest's documents are the authority; a stray file dropped into the corpus is not. When
a sentence of an official document and nearly as good ones of unofficial documents disagree
(figures one states and the other lacks), the official one answers and the others are
reported as conflicts, never quoted as the answer.
"""

from __future__ import annotations

from app.answering.citations import Scored, Sentence
from app.models import Conflict
from app.numerals import figure_values
from app.store.metadata import is_official

# An official sentence within this share of the best one answers instead of an unofficial one it
# disagrees with.
CONFLICT_RATIO = 0.6


def prefer_official(ranked: list[Scored], threshold: float) -> tuple[list[Scored], list[Conflict]]:
    """The ranking with the official sentence first when unofficial ones near it disagree, and
    (at most two of) those as conflicts; the ranking unchanged when none do."""
    floor = max(threshold, CONFLICT_RATIO * ranked[0].support)
    near = [s for s in ranked if s.support >= floor]
    official = next((s for s in near if is_official(s.sentence.chunk.metadata)), None)
    if official is None:
        return ranked, []
    figures = set(figure_values(official.sentence.text))
    rivals = [s for s in near if not is_official(s.sentence.chunk.metadata)
              and set(figure_values(s.sentence.text)) - figures and figures]
    if not rivals:
        return ranked, []
    kept = [official] + [s for s in ranked if s is not official and s not in rivals]
    return kept, [_conflict(s.sentence, official.sentence.chunk.doc_id) for s in rivals[:2]]


def _conflict(sentence: Sentence, followed: str) -> Conflict:
    chunk = sentence.chunk
    return Conflict(doc_id=chunk.doc_id, title=str(chunk.metadata.get("title") or chunk.doc_id),
                    quote=sentence.text, start=sentence.start, end=sentence.end, followed=followed)

"""A question of several parts, or asked across documents, written by the model once over the
quotes that answer it (app.services.composite composes them extractively first).

Asked part by part, the model was called once a part (twice for a part read beside the one
before) and a part it said the passages did not answer was refused, its right quote lost with
it (round 42's h42: a two-part question kept one part). Here the model reads every quote of the
composed answer, each as a passage of its own, and its checked sentences (the citation check of
app.answering.generation.grounding, each against the quote it cites) stand before the composed
answer, whose parts all stay as quoted: the model saying the passages do not answer cannot tell
which part it means, and a sentence the check removes takes nothing with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.answering.compose import renumber
from app.answering.generation.answerer import GenerativeAnswerer
from app.answering.generation.grounding import ground
from app.answering.generation.prompt import Excerpt
from app.llm.client import LLMUnavailable
from app.models import Answer
from app.retrieval.hybrid import Hit
from app.store.records import Chunk

log = logging.getLogger(__name__)


def written_over(question: str, composed: Answer, writer: GenerativeAnswerer,
                 text_of: Callable[[str], str],
                 metadata_of: Callable[[str], dict[str, object]]) -> Answer:
    """``composed`` (an extractive answer of parts or places) with the model's checked answer
    to the whole ``question`` before it; ``composed`` as it is when the model is unreachable,
    writes nothing that passes, or says the passages do not answer."""
    composed.mode = "generate"
    if composed.refused or not composed.citations:  # a refusal stands: no model is asked
        return composed
    # Passage k is citation k's quote, exactly as the document writes it at its offsets.
    hits = [Hit(Chunk(f"{c.doc_id}@{c.start}", c.doc_id, text_of(c.doc_id)[c.start:c.end],
                      c.start, c.end, dict(metadata_of(c.doc_id))), c.score, c.n)
            for c in composed.citations]
    passages = [Excerpt(hit, hit.chunk.text) for hit in hits]
    try:  # the writing step of the streaming path, its pieces read whole (no events here)
        passages, splitter, pieces = writer.write(question, passages)
        hits = [p.hit for p in passages]
        for _ in pieces:
            pass
    except LLMUnavailable as exc:
        log.warning("generate: %s; answering extractively", exc)
        composed.fallback = "llm_unavailable"
        return composed
    grounded = ground(splitter.answer, hits, question)
    composed.unsupported, composed.reasoning = grounded.unsupported, splitter.reasoning
    if not grounded.answer:
        composed.fallback = None if grounded.not_covered else "ungrounded"
        return composed
    # Each checked sentence cites the quote it rests on: the composed answer's own number.
    numbers = {g.n: next(c.n for c in composed.citations if c.doc_id == g.doc_id
                         and c.start <= g.start and g.end <= c.end) for g in grounded.citations}
    composed.answer = f"{renumber(grounded.answer, numbers)}\n\n{composed.answer}"
    return composed

"""A follow-up condensed by the model into one standalone question, then checked.

The model may drop or change what the follow-up itself names; a condensed question that loses
one of the follow-up's places, proper names or numbers, or names a place the conversation never
did, is not used (the general rule resolves the follow-up instead). Nor is one that is not a
question of the follow-up's own: in another language, or keeping fewer than half of the words
that carry its content (a small model echoed an ellipsis, "…", which names nothing to lose).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence

from app.conversation.turns import Turn
from app.conversation.words import words
from app.llm.client import LLMClient, LLMUnavailable
from app.retrieval.places import PlaceIndex
from app.text import has_cjk

log = logging.getLogger(__name__)

CONDENSE_TOKENS = 120
CONDENSE_TIMEOUT_S = 15.0
_INSTRUCTION = (
    "You rewrite the user's last question so that it can be understood without the "
    "conversation: fill in from the earlier questions the place, document, measure or subject "
    "it leaves out. If it is already complete, or asks about something new, return it "
    "unchanged. Keep its language. Reply with the question alone."
)
# The conversation as one message (as llama-index's condense-question template has it): with
# the earlier questions as chat turns and a placeholder for each answer, a 1.5B model replied
# with the placeholder.
_PROMPT = "Earlier questions:\n{earlier}\n\nLast question: {question}\n\nStandalone question:"
# Least share of the follow-up's content words (nouns, verbs, adjectives, numbers) that its
# condensed question must keep.
KEPT_CONTENT = 0.5
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _named(text: str, index: PlaceIndex) -> tuple[set[str], set[str], set[str]]:
    """Places, proper names and numbers ``text`` names."""
    found = index.infer(text)
    names = {w.text.lower() for w in words(text) if w.may_name_place and not w.pointing}
    return set(found.held) | set(found.missing), names, set(_NUMBER.findall(text))


def keeps_named(question: str, condensed: str, earlier: Sequence[Turn],
                index: PlaceIndex) -> bool:
    """Whether ``condensed`` keeps every place, name and number ``question`` names, and names
    no place that neither it nor the conversation named."""
    places, names, numbers = _named(question, index)
    new_places, _, new_numbers = _named(condensed, index)
    said = set(places)
    for turn in earlier:
        seen = index.infer(f"{turn.question} {turn.resolved}")
        said |= set(seen.held) | set(seen.missing)
    lowered = condensed.lower()
    return (places <= new_places and numbers <= new_numbers and new_places <= said
            and all(name in lowered for name in names) and _its_own(question, condensed))


def _its_own(question: str, condensed: str) -> bool:
    """Whether ``condensed`` is a question of ``question``'s own: in its language, with content
    of its own, keeping at least ``KEPT_CONTENT`` of the follow-up's content words."""
    if has_cjk(question) != has_cjk(condensed):
        return False
    if not any(w.content for w in words(condensed)):
        return False
    content = {w.text.lower() for w in words(question) if w.content}
    lowered = condensed.lower()
    return not content or sum(c in lowered for c in content) >= KEPT_CONTENT * len(content)


class Condenser:
    def __init__(self, client: LLMClient, places: Callable[[], PlaceIndex]) -> None:
        self.client = client
        self.places = places
        # A follow-up waits this long at most for the model before the rule resolves it.
        self.timeout_s = CONDENSE_TIMEOUT_S

    def condense(self, question: str, earlier: Sequence[Turn]) -> str | None:
        """The model's standalone question, or None (no reply, or one that fails the check)."""
        listed = "\n".join(f"- {turn.resolved}" for turn in earlier)
        messages = [{"role": "system", "content": _INSTRUCTION},
                    {"role": "user", "content": _PROMPT.format(earlier=listed,
                                                              question=question)}]
        deadline = time.monotonic() + min(self.timeout_s, self.client.timeout_s)
        try:
            reply = "".join(d.text for d in self.client.stream(messages, CONDENSE_TOKENS,
                                                                deadline)
                            if d.kind == "content")
        except LLMUnavailable as exc:
            log.warning("condensing a follow-up failed (%s); the rule resolves it", exc)
            return None
        condensed = reply.strip().strip('"“”').splitlines()[0].strip() if reply.strip() else ""
        if not condensed or not keeps_named(question, condensed, earlier, self.places()):
            return None
        return condensed

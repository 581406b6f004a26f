"""The verb an English agent noun is made from (issue 23: a verb for a noun). A question asks
who the "co-builders" or the "organisers" are; the text says the thing was "jointly built by" or
"organised by" them: the sentence names the role by its verb, and states its holders as well.

The verb is the noun without its agent suffix (-er, -or: "builder", "operator"), with the spelling
the suffix changed restored ("organis-er": organise, "suppli-er": supply, "winn-er": win), when
spaCy's English lemmatizer knows it as a verb (its WordNet index): "office" of "officer" or
"numb" of "number" are no verbs' stems, so those nouns name no act.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.retrieval.taggers import english

_AGENT = re.compile(r"(?:[a-z]+-)?([a-z]{3,}?)(?:er|or)s?", re.I)  # "co-builders": build


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    index = english("tags").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(index["verb"])


@lru_cache(maxsize=1024)
def agent_verbs(noun: str) -> tuple[str, ...]:
    """The verbs ``noun`` may be the agent noun of ("co-builders": build), none if it is none."""
    if not (agent := _AGENT.fullmatch(noun)):
        return ()
    base = agent[1].lower()
    forms = (base, base + "e", re.sub("i$", "y", base), re.sub(r"(.)\1$", r"\1", base))
    return tuple(f for f in dict.fromkeys(forms) if f in _verbs())

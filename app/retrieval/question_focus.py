"""Which word of a Chinese question frames its answer: the content word just before the
question word (round 37, rzpick38). The reader weighs it more in telling which of a notice's
sentences answers; the support the refusal threshold reads is left as it is."""

from __future__ import annotations

import re

from app.chinese_words import tagged
from app.in_situ import ASKING_WORD, ZH_ASKS
from app.retrieval.content_words import CONTENT_TAGS
from app.retrieval.document_questions import ZH_WHEN
from app.text import QUESTION_CLAUSES, bigram_units

# How much more a focus word (``focus_units``) counts in telling which sentence of the notices
# answers: twice as much (realzh dev and rzrepo-tune, rzpick38; half or three times did worse).
FOCUS_GAIN = 1.0


def focus_units(question: str) -> set[str]:
    """The bigrams of the content word nearest before ``question``'s question word in its clause:
    the predicate governing it or the noun it asks the value of ("遵从什么原则": 遵从; "担保额度是
    多少": 额度; "提供了哪些帮助": 提供). Chinese leaves the question word where the answer stands,
    so a sentence saying that word frames the answer itself; one saying only the question's other
    words (its topic, its subject, a scene set in a clause before) tells what the notice is about.
    The words after it were tried too: the kind they name (条件, 政策) is seldom said again."""
    clause = next((c for c in QUESTION_CLAUSES.split(question) if ZH_ASKS.search(c)), "")
    asking = re.search(ZH_WHEN, clause) or ASKING_WORD.search(clause)  # 什么时候: one question word
    near = [w for w, t in tagged(clause[:asking.start()] if asking else "") if len(w) > 1 and (
        t[:1] in CONTENT_TAGS) and t != "ns" and not ZH_ASKS.search(w)]  # a place: the places' own
    return bigram_units(near[-1]) if near else set()


def focused(weights: dict[str, float], question: str) -> dict[str, float]:
    """``weights`` of ``question``'s bigrams, its focus word's (``focus_units``) counting more."""
    focus = focus_units(question)
    return {u: w * (1 + FOCUS_GAIN * (u in focus)) for u, w in weights.items()}

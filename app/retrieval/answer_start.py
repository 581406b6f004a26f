"""Where a Chinese answer to a kind of detail asked opens when its sentence holds no detail of
that kind the taggers know (a body named without an organisation's noun, "由当地街道社区负责"; a
limit said in words, "在疫情解除后3个月内补缴").

Chinese leaves its question word where the answer stands (``app.in_situ``): the clause saying
the question's words beside it ("反馈给谁" of "…，一并反馈商务部（外资司）") holds the answer, and
the clauses before it set a scene the question did not ask of. The reader
(``app.answering.chinese_span``) asks here where its quote of such a sentence opens.
"""

from __future__ import annotations

import re

from app.chinese_words import tagged
from app.in_situ import ASKING_WORD, DEICTIC, QUESTION_END
from app.text import alnum_only, bigram_units, clause_spans

# The question's characters read on each side of its question word: a verb and its object or a
# noun and its measure word ("报送给", "时候补"), not the whole question (which the scene says).
NEIGHBOUR_CHARS = 3


def asked_opening(text: str, start: int, question: str) -> int:
    """The offset in ``text`` (one sentence, its quote opening at ``start``) of the first clause
    saying most of the words ``question`` says beside its question word, after a comma or a
    semicolon (not a label's colon, nor one inside a web address); ``start`` when no later
    clause says more than the first, or the clause points back at what it asks of ("相关企业" of
    "哪些企业"), or is a noun phrase its next clause goes on with (a subject whose modifiers may
    open clauses before it: "对受…困难，确实无法…的企业和个体工商户，可提出申请")."""
    asking = ASKING_WORD.search(question)
    if asking is None:
        return start
    after = alnum_only(QUESTION_END.sub("", question[asking.end():]))
    near = bigram_units(alnum_only(question[:asking.start()])[-NEIGHBOUR_CHARS:]) | bigram_units(
        after[:NEIGHBOUR_CHARS])
    spans = [(a, b) for a, b in clause_spans(text) if a >= start]
    said = [len(bigram_units(text[a:b]) & near) for a, b in spans]
    n = said.index(max(said)) if said else 0
    clause = text[slice(*spans[n])] if said else ""
    opened = text[:spans[n][0]].rstrip()[-1:] in "，；,;"  # a clause's mark, not a colon
    if not n or not said[n] or not opened or (len(after) > 1 and re.search(
            f"(?:{DEICTIC.pattern}){re.escape(after[:2])}", clause)):
        return start
    words = tagged(clause.rstrip("，,、 "))  # (tagged only for the clause chosen: ~1 ms)
    ends_sentence = spans[n] == spans[-1] or not clause.rstrip().endswith(("，", ","))
    return start if words and words[-1][1].startswith("n") and not ends_sentence else spans[n][0]

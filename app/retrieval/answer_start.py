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

from app.chinese_words import MODAL, tagged
from app.in_situ import ASKING_WORD, DEICTIC, IN_SITU, QUESTION_END, after_frame, sets_frame
from app.retrieval.content_words import content_words, said
from app.text import alnum_only, bigram_units, clause_spans

# The modal verbs opening a clause that says what may or must be done in a case ("可…", "要…",
# "不得…"); a clause opening on another verb ("投入专用袋…") does it to the case: its object.
_MODALS = re.compile(rf"{MODAL}|不得|不能|须|必须")

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


def open_answer(text: str, start: int, question: str) -> int:
    """Where the answer of an open question opens in ``text`` (one sentence, its quote opening at
    ``start``): at the frame ``after_frame`` finds, or past the case that clause sets when the
    question says each of its content words ("对于确实需要到现场办理的纳税人，" of "对确实需要到
    现场办理的纳税人有什么承诺"): the asker stated the case, and what is done in it answers."""
    at = after_frame(text, start, question)
    spans = [(a, b) for a, b in clause_spans(text) if a >= at]
    cases = [text[slice(*span)] for span in spans[:2]]
    return spans[1][0] if len(spans) > 1 and _restated_case(cases[0], cases[1], question) else at


def _asked_of(question: str) -> set[str]:
    """The bigrams of what ``question`` says after its question word asking in situ ("什么原则",
    "哪部分受影响的企业经营收入"): what it asks of, which a clause naming the thing asked says."""
    asking = IN_SITU.search(question)
    return bigram_units(QUESTION_END.sub("", question[asking.end():])) if asking else set()


def _restated_case(case: str, then: str, question: str) -> bool:
    """Whether ``case`` (a clause setting a frame, ``sets_frame``) holds no content word the
    question does not say, ``then`` answering it. A case holding another is part of the answer's
    condition; one saying what the question word asks of ("按照“…”的原则，" of "按照什么原则")
    is the answer; one the next clause's verb acts on ("对…的废弃口罩，投入…专用袋") its object."""
    if not sets_frame(case) or sets_frame(then) or bigram_units(case) & _asked_of(question):
        return False
    head, words = tagged(then)[:1], content_words(case)
    acts_on = bool(head) and head[0][1] == "v" and not _MODALS.fullmatch(head[0][0])
    return bool(words) and not acts_on and all(said(word, question) for word in words)

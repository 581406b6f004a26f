"""What a Chinese question's quantity word measures: the money noun before it (``sum_asked``)
or, for a duration asked, the act whose time it is (``measured_after``). Read by
``content_words.states_what_is_asked``: a sentence must state that sum or that act's time."""

from __future__ import annotations

import re

from app.chinese_words import MAY, tagged
from app.in_situ import ZH_QUANTITY
from app.measures import MONEY_NOUN
from app.numerals import ZH_TIME_UNIT
from app.retrieval.document_questions import ZH_WHEN

# A quantity word (几天 too) measures the verb or noun before it.
QUANTITY = re.compile(rf"几|{ZH_QUANTITY}")
# A question word asking a duration (提前几天, 多久, 多少个工作日内): how long before or until an
# act, which the clause's closing verb names.
_DURATION = re.compile(rf"(多久|多长时间|(?:几|多少){ZH_TIME_UNIT})(?:以?内|之内)?")


def measured_after(question: str) -> str:
    """The verb closing the clause after Chinese ``question``'s duration word (预约 of 提前几天
    预约, 申请 of 多久之内要去申请): the act whose time is asked, which ``content_words`` leaves
    out as the word a question word asks of; "" if the clause closes on no verb (公示几天, 多久能
    到账), on what one may do (才能申请) or the word asks a date (几月)."""
    for asked in _DURATION.finditer(question):
        if not re.fullmatch(ZH_WHEN, asked[1]):
            rest = tagged(clause := re.split(r"[，,；;。？?！!]", question[asked.end():])[0])
            act = rest[-1][0] if rest and rest[-1][1][:1] == "v" else ""
            # After 能 or 可以 it is what one may do (满多久才能申请: a condition's, not its time).
            return "" if len(act) < 2 or re.search(rf"(?:{MAY})$", clause[:-len(act)]) else act
    return ""


def sum_asked(question: str) -> str:
    """The money noun (``MONEY_NOUN``) Chinese ``question``'s quantity word measures: the noun
    before it, past words of no content of their own (保额是多少, 差旅费补多少, 补贴一年最多给多少:
    a light verb, an adverb, a time); "" if it measures another noun or a verb (开发多少个)."""
    asking = QUANTITY.search(question)
    for word, tag in reversed(tagged(question[:asking.start()]) if asking else []):
        if tag == "x" or (tag[:1] == "v" and len(word) > 1):
            return ""
        if tag[:1] == "n" and tag != "ns" and len(word) > 1:
            # A noun ending in 额 names an amount (保额, 总额, 限额): not 保费, nor a part.
            return word if MONEY_NOUN.fullmatch(word) or word.endswith("额") else ""
    return ""

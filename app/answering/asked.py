"""What a question asks for, in English or Chinese, and whether a sentence can supply it.

A question asking *who* needs a sentence naming a person or an organization; *how much / how
many* a quantity; *when* a date; *which penalty* a sanction; *where* a place. A sentence on the
question's topic that lacks what was asked does not answer it (the extractive answerer scores
it down, so a question whose detail the texts lack is refused). The patterns are the two
languages' question words and general features of such sentences (an organization's head
noun, a figure, a month, a sanction's verb), never words of particular questions.
"""

from __future__ import annotations

import re
from enum import Enum


class Asks(Enum):
    WHO = "who"
    QUANTITY = "quantity"
    DATE = "date"
    PENALTY = "penalty"
    PLACE = "place"


_QUESTION = {
    Asks.WHO: re.compile(
        r"\b(who|whom|whose|which (department|agency|organi[sz]ation|unit|bureau|body|office"
        r"|institution|company|enterprise|authority|official|person)s?)\b"
        r"|谁|哪个部门|哪些部门|哪个单位|哪些单位|哪家|哪个机构|哪些机构|什么机构|什么部门"
        r"|负责人|姓名|名字|叫什么",
        re.IGNORECASE,
    ),
    Asks.QUANTITY: re.compile(
        r"\b(how (much|many|large|big|high|long)|what (share|percentage|percent|proportion"
        r"|ratio|scale|amount|number|size|minimum|maximum|rate|level|sum|budget)|minimum"
        r"|at least|no less than)\b"
        r"|多少|几个|几座|几家|几项|几成|百分之几|比例|占比|规模|多大|多高|多长|金额|数额|数量"
        r"|税率|费率|额度|标准是",
        re.IGNORECASE,
    ),
    Asks.DATE: re.compile(
        r"\b(when|what (date|year|day|month|deadline)s?|which (date|year|day|month)s?"
        r"|by what (date|year)|deadline)\b"
        r"|何时|什么时候|哪一年|哪年|哪天|哪一天|几月|几号|日期|截止|期限|时限",
        re.IGNORECASE,
    ),
    Asks.PENALTY: re.compile(
        r"\b(penalt(y|ies)|fines?|sanctions?|punish(ment|ed)?|liabilit(y|ies))\b"
        r"|处罚|罚款|惩罚|处分|罚则|追究",
        re.IGNORECASE,
    ),
    Asks.PLACE: re.compile(
        r"\b(where|what (location|site|address)|which (location|site|address|district|park"
        r"|street|building))\b|哪里|在哪|何处|什么地方|什么位置|地址|选址|位于",
        re.IGNORECASE,
    ),
}

# A figure that is not merely a year ("2025-2027" sizes nothing), or a number word.
_QUANTITY = re.compile(
    r"(?<![\d-])(?!(?:19|20)\d\d\b)\d|\b(one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|hundred|thousand|million|billion|half|double)\b(?!-)",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(1[89]|20)\d{2}\b|\b\d{1,2}(st|nd|rd|th)\b|\b(January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b|\d+[年月日]",
    re.IGNORECASE,
)
# An organization's head noun, a person's title, or a run of capitalized name words.
_WHO = re.compile(
    r"\b(bureau|committee|commission|department|office|government|council|cent(er|re)"
    r"|university|institute|academy|company|corporation|group|association|administration"
    r"|agency|authority|ministry|laboratory|lab|enterprise|firm|team|leader|director|mayor"
    r"|secretary|chairman|chair|president|minister|head|officials?|Mr|Ms|Dr)\b"
    r"|(?:\b[A-Z][a-z]+\s){2,}",
)
_PENALTY = re.compile(
    r"\b(penalt|fine[sd]?\b|sanction|punish|liab|accountab|revok|suspen|disciplin|criminal"
    r"|confiscat|blacklist|prosecut|warning)",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(district|park|zone|street|road|avenue|town|county|city|island|port|province|area"
    r"|building|campus|site|located|in [A-Z][a-z]+)",
    re.IGNORECASE,
)
_SUPPLIES = {
    Asks.WHO: _WHO,
    Asks.QUANTITY: _QUANTITY,
    Asks.DATE: _DATE,
    Asks.PENALTY: _PENALTY,
    Asks.PLACE: _PLACE,
}


def asks(question: str) -> set[Asks]:
    """What the question asks for (empty: nothing a sentence's form could tell)."""
    return {kind for kind, pattern in _QUESTION.items() if pattern.search(question)}


def supplies(kinds: set[Asks], sentence: str) -> bool:
    """Whether the sentence holds something of each kind asked."""
    return all(_SUPPLIES[kind].search(sentence) for kind in kinds)

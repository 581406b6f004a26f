"""What a question asks for, in English or Chinese, and whether a sentence can supply it.

A question asking *who* needs a sentence naming a person or an organization, and one asking
for an office holder (who heads, the director of) a title with a name; *how much / how many*
a quantity, one asking for money (a budget, a subsidy) a sum in a currency, one asking for a
share or a rate (what percentage, a tax rate) a percentage or fraction, one asking how long
a span of time; *when* a date;
*which penalty* a sanction; *where* a named place. A sentence on the
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
    DAY = "day"
    PERSON = "person"
    MONEY = "money"
    SHARE = "share"
    DURATION = "duration"


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
    # A day, not only a year: "on which day", "what date".
    Asks.DAY: re.compile(
        r"\b(what|which|on what) (date|day)s?\b|\bwhat day\b"
        r"|哪天|哪一天|几号|几月几日|几月几号|具体日期|哪日",
        re.IGNORECASE,
    ),
    Asks.PENALTY: re.compile(
        r"\b(penalt(y|ies)|fines?|sanctions?|punish(ment|ed)?|liabilit(y|ies))\b"
        r"|处罚|罚款|惩罚|处分|罚则|追究",
        re.IGNORECASE,
    ),
    # A person holding an office (not "who is responsible", which a unit answers).
    Asks.PERSON: re.compile(
        r"\bwho (heads|leads|chairs|directs|runs|manages)\b"
        r"|\b(director|head|chief|chair(man|woman|person)?|president|mayor|governor|minister"
        r"|secretary|leader|commissioner|manager|CEO)s? (of|at)\b"
        r"|主任|局长|处长|主席|市长|区长|书记|部长|院长|负责人|董事长|总经理|由谁|谁担任|谁领导",
        re.IGNORECASE,
    ),
    # A sum of money: a budget, a price, a subsidy or grant, an amount invested.
    Asks.MONEY: re.compile(
        r"\b(budget|cost|price|fee|subsid(y|ies)|grant|salary|bonus|reward|allowance"
        r"|how much (money|funding|did|does|will|is|was)"
        r"|(investment|funding|subsidy|grant) amount)s?\b"
        r"|预算|费用|成本|价格|补贴|补助|奖励|奖金|金额|投资额|拨款|多少钱",
        re.IGNORECASE,
    ),
    # A share of a whole: a percentage, a proportion.
    Asks.SHARE: re.compile(
        r"\b(what|which) (share|percentage|percent|proportion|fraction|ratio)\b|\bwhat per ?cent"
        r"|\bhow (big|large) (a|is the) (share|proportion|percentage)\b"
        r"|\b(tax|interest|subsidy|growth|coverage|utili[sz]ation|discount|loan) rates?\b"
        r"|百分之几|百分比|多大比例|什么比例|比例|占比|比重|几成|税率|利率|费率|贴息率|增长率|覆盖率",
        re.IGNORECASE,
    ),
    # A span of time: "within how many working days", "how long".
    Asks.DURATION: re.compile(
        r"\bhow (many|much) (working |business |calendar )?(days|weeks|months|years|time)\b"
        r"|\bhow long\b|\bwithin what (time|period)\b"
        r"|多少个?(工作)?(日|天|周)|多少个月|几个(工作)?(日|天|周|月)|几天|多长时间|多久|期限|时限",
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
_DAY = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?"
    r" (of )?(January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|\b\d{1,2}(st|nd|rd|th)\b|\d{4}-\d{2}-\d{2}|\d+月\d+日",
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
# A named place: "in Nansha", "Pazhou Park", "Haizhu District" (not "a site" or "the zone").
_PLACE = re.compile(
    r"\b(?:in|at|near) (?:the )?[A-Z][a-z]+"
    r"|\b[A-Z][a-z]+ (?:District|County|Park|Zone|Street|Road|Avenue|Town|Island|Port|Province"
    r"|Building|Campus|Area|Village|Bay|New Area)\b",
)
# An office holder: a title beside a name, or a name with an honorific.
_PERSON = re.compile(
    r"\b(?i:director|head|chief|chair(?:man|woman|person)?|president|mayor|governor|minister"
    r"|secretary|leader|commissioner|manager|CEO|Mr|Ms|Mrs|Dr)\b\.?,? (?:[A-Z][a-z]+ ){0,2}"
    r"[A-Z][a-z]+|(?:[A-Z][a-z]+ ){1,2}(?:,? )?(?:the )?(?i:director|head|chief|chairman"
    r"|president|mayor|secretary)\b",
)
# A sum of money: a figure with a currency or a currency's magnitude word.
_MONEY = re.compile(
    r"\d[\d,.]*\s*(?:hundred |thousand |million |billion |trillion )?(?:yuan|RMB|CNY|dollars?"
    r"|USD|euros?)\b|(?:RMB|CNY|USD|\$|¥|€)\s*\d|\d\s*[万亿]?元",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"\d\s*%|\bper ?cent\b|\b(half|one-third|two-thirds|one-quarter|a quarter|a third)\b"
    r"|百分之|\d+成|[一二三四五六七八九十]成|\d+\s*‰",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[A-Za-z]+")
_CAPITALIZED = re.compile(r"[A-Z][a-z]+")
_PLACE_WORDS = {"district", "county", "park", "zone", "street", "road", "avenue", "town",
                "island", "port", "province", "building", "campus", "area", "village", "bay",
                "new", "the"}
_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty)\s*(consecutive "
    r"|working |business |calendar )?(days?|weeks?|months?|years?)\b|\bwithin (one|two"
    r"|three|four|five|six|seven|ten|thirty|\d+) |\d+\s*个?(工作)?(日|天|周|月)"
    r"|\b(19|20)\d\d\s*[-–—至到]\s*(19|20)\d\d\b",
    re.IGNORECASE,
)
_SUPPLIES = {
    Asks.WHO: _WHO,
    Asks.QUANTITY: _QUANTITY,
    Asks.DATE: _DATE,
    Asks.PENALTY: _PENALTY,
    Asks.PLACE: _PLACE,
    Asks.DAY: _DAY,
    Asks.PERSON: _PERSON,
    Asks.MONEY: _MONEY,
    Asks.SHARE: _SHARE,
    Asks.DURATION: _DURATION,
}


def asks(question: str) -> set[Asks]:
    """What the question asks for (empty: nothing a sentence's form could tell)."""
    return {kind for kind, pattern in _QUESTION.items() if pattern.search(question)}


# Kinds a sentence either holds or cannot answer at all: no sentence without a date says when.
# (A quantity or an organization is looser: "how large" may be answered in words.)
STRICT = frozenset(
    {Asks.DATE, Asks.DAY, Asks.DURATION, Asks.PERSON, Asks.MONEY, Asks.SHARE, Asks.PLACE,
     Asks.PENALTY}
)


def lacks(kinds: set[Asks], sentence: str, question: str = "") -> set[Asks]:
    """The kinds asked that the sentence does not hold. A place the question names itself
    ("where in Zhanjiang") is no answer to where."""
    missing = {kind for kind in kinds if not _SUPPLIES[kind].search(sentence)}
    if Asks.PLACE in kinds and Asks.PLACE not in missing:
        known = {w.lower() for w in _NAME_WORD.findall(question)} | _PLACE_WORDS
        if not any(_names(m.group(0)) - known for m in _PLACE.finditer(sentence)):
            missing.add(Asks.PLACE)
    return missing


def _names(place: str) -> set[str]:
    return {w.lower() for w in _CAPITALIZED.findall(place)}


def supplies(kinds: set[Asks], sentence: str) -> bool:
    """Whether the sentence holds something of each kind asked."""
    return all(_SUPPLIES[kind].search(sentence) for kind in kinds)

"""What a question asks for, in English or Chinese, and whether a sentence can supply it.

A question asking *who* needs a sentence naming a person or an organization, and one asking
for an office holder (who heads, the director of) a title with a name; *how much / how many*
a quantity, one asking for money (a budget, a subsidy) a sum in a currency, one asking for a
share or a rate (what percentage, a tax rate) a percentage or fraction, one asking how long
a span of time; *when* a date;
*which penalty* a sanction; *where* a named place; a phone number or an e-mail address; *by
when* a time limit; *how often* a frequency; *how many square kilometres* an area. A sentence on the
question's topic that lacks what was asked does not answer it (the extractive answerer scores
it down, so a question whose detail the texts lack is refused). The patterns are the two
languages' question words and general features of such sentences (an organization's head
noun, a figure, a month, a sanction's verb), never words of particular questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.answering.question_forms import Asks, asks, counted_noun
from app.answering.where import NAMED_PLACE, QUOTED, says_where
from app.retrieval.glossary import english_part

__all__ = ["STRICT", "Asks", "asks", "counted_noun", "lacks", "supplies"]


# A figure that is not merely a year ("2025-2027" sizes nothing) nor a technology's name
# ("5G", "3D"), or a number word.
_QUANTITY = re.compile(
    r"(?<![\d-])(?!(?:19|20)\d\d\b)(?!\d[A-Z]\b)\d|\b(one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|hundred|thousand|million|billion|half|double)\b(?!-)",
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
    r"|(?:\b[A-Z][a-z]+\b\s?){2,}",
)
_PENALTY = re.compile(
    r"\b(penalt|fine[sd]?\b|sanction|punish|liab|accountab|revok|suspen|disciplin|criminal"
    r"|confiscat|blacklist|prosecut|warning)",
    re.IGNORECASE,
)
# An office holder: a title beside a name, or a name with an honorific.
_OFFICE_HOLDER = re.compile(
    r"\b(?i:director|head|chief|chair(?:man|woman|person)?|president|mayor|governor|minister"
    r"|secretary|leader|commissioner|manager|CEO|Mr|Ms|Mrs|Dr)\b\.?,? (?:[A-Z][a-z]+ ){0,2}"
    r"[A-Z][a-z]+|(?:[A-Z][a-z]+ ){1,2}(?:,? )?(?:the )?(?i:director|head|chief|chairman"
    r"|president|mayor|secretary)\b",
)
# A person in a document's field ("Interpreter: Guo Hongwei"): no answer to who holds an office.
_FIELD_PERSON = re.compile(
    r"\b(?i:interpreter|contact(?: person)?|spokes(?:man|woman|person)|author|reporter|editor"
    r"|liaison)s?\s*[:：]\s*[A-Z][a-z]+(?: [A-Z][a-z]+)+",
)
_PERSON = re.compile(f"{_OFFICE_HOLDER.pattern}|{_FIELD_PERSON.pattern}")
_OFFICE_ASKED = re.compile(
    r"\b(mayor|director|head|chief|chair(man|woman|person)?|president|governor|minister|secretary"
    r"|leader|commissioner|manager|CEO|heads|leads|chairs|directs|runs)\b"
    r"|主任|局长|处长|主席|市长|区长|书记|部长|院长|董事长|总经理|[组队会校所厅科社行]长|领导",
    re.IGNORECASE,
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
_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty)\s*(consecutive "
    r"|working |business |calendar )?(days?|weeks?|months?|years?)\b|\bwithin (one|two"
    r"|three|four|five|six|seven|ten|thirty|\d+) |\d+\s*个?(工作)?(日|天|周|月)"
    r"|\b(19|20)\d\d\s*[-–—至到]\s*(19|20)\d\d\b",
    re.IGNORECASE,
)
# A telephone number (an area code and a local number, or a mobile number).
_PHONE = re.compile(
    r"(?<![\d.,])(?:\(?0\d{2,3}\)?\s*[-–]?\s*)?\d{7,8}(?![\d.,])|(?<!\d)1[3-9]\d{9}(?!\d)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT = re.compile(f"{_PHONE.pattern}|{_EMAIL.pattern}|https?://|\\bwww\\.")
_EMAIL_ASKED = re.compile(r"\be-?mail|邮箱|电子邮件", re.IGNORECASE)
# A question about a document itself: its period is what its title's years give.
_DOCUMENT = re.compile(r"\b(plan|programme|program|notice|notification|regulations?|measures"
                       r"|policy|document)\b|方案|规划|计划|通知|办法|条例|文件|政策",
                       re.IGNORECASE)
# A limit in time: "by 2025", "before the end of 2023", "no later than June", "截至2025年".
_DEADLINE = re.compile(
    r"\b(?:by|before|until|till|no later than|not later than|prior to|deadline|due)\b"
    r"[^.;:]{0,25}?(?:\b(?:19|20)\d\d\b|\bend of\b|\b(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b)|(?:截至|截止|之前|以前|前)\s*\d"
    r"|\d+\s*年(?:\d+月)?(?:\d+日)?(?:之?前|底前|以前)",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(
    r"\b(?:annual(?:ly)?|quarterly|monthly|weekly|daily|yearly|biannual(?:ly)?|hourly"
    r"|(?:every|each|per|once a|twice a|times a) (?:\w+ )?(?:year|quarter|month|week|day|hour)s?)\b"
    r"|每(?:年|季度|月|周|天|日)|定期",
    re.IGNORECASE,
)
# An extent of land or floor: a figure with a unit of area.
_AREA = re.compile(
    r"\d[\d,.]*\s*(?:square (?:kilomet|met)(?:re|er)s?|sq\.? ?(?:km|m)\b|km2|km²|m2|m²"
    r"|hectares?|acres?|mu\b)|\d\s*[万千百]?\s*(?:平方公里|平方千米|平方米|亩|公顷)",
    re.IGNORECASE,
)
# A condition stated: what must be met ("must", "no less than", "须", "不低于"), not merely
# "qualified enterprises", which names no condition.
_CONDITION = re.compile(
    r"\b(must|shall|required|requires?|requirements?|eligib\w*|qualif(y|ies|ications?)"
    r"|conditions?|criteria|at least|no less than|not less than|meet(s|ing)?|satisf\w*"
    r"|registered)\b|须|应当|需要|要求|条件|资格|不低于|不少于|符合",
    re.IGNORECASE,
)
# A procedure stated: a submission, a review, an approval, steps to follow.
_PROCEDURE = re.compile(
    r"\b(submit\w*|approv\w*|review\w*|procedur\w*|steps?|apply (to|for|through|online)"
    r"|application (form|materials?|process)|register\w* (with|at|online)|fil(e|ed|ing) (with|to)"
    r"|(required|obliged) to (include|prepare|provide|compile|report))\b"
    r"|提交|审批|审核|审查|报送|备案|申报|程序|流程",
    re.IGNORECASE,
)
# A time of day: "9:00", "9 a.m.", "上午9点".
_HOURS = re.compile(r"\b\d{1,2}[:：]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b|o'clock|\d\s*[点时](?!\d)",
                    re.IGNORECASE)
# A street address: a named road or street, a house number.
_ADDRESS = re.compile(r"\b[A-Z][a-z]+ (Road|Street|Avenue|Boulevard|Lane|Rd|St|Ave)\b|\bNo\. ?\d"
                      r"|[\u4e00-\u9fff](路|街|大道)\d*号?|\d+号")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekdays?"
                      r"|weekends?)s?\b|星期[一二三四五六日天]|周[一二三四五六日]|礼拜[一二三四五六日天]",
                      re.IGNORECASE)
# An amount for each one: "per company", "each", "up to … apiece", "每家", "单个".
_PER_EACH = re.compile(r"\b(per|each|every|apiece|a single)\b|每|单(家|个|户|项|名)",
                       re.IGNORECASE)
_SUPPLIES = {
    Asks.WHO: _WHO,
    Asks.QUANTITY: _QUANTITY,
    Asks.DATE: _DATE,
    Asks.PENALTY: _PENALTY,
    Asks.PLACE: NAMED_PLACE,
    Asks.WHERE: NAMED_PLACE,  # and more: see app.answering.where
    Asks.DAY: _DAY,
    Asks.PERSON: _PERSON,
    Asks.MONEY: _MONEY,
    Asks.SHARE: _SHARE,
    Asks.DURATION: _DURATION,
    Asks.PHONE: _PHONE,
    Asks.CONTACT: _CONTACT,
    Asks.DEADLINE: _DEADLINE,
    Asks.FREQUENCY: _FREQUENCY,
    Asks.AREA: _AREA,
    Asks.CONDITION: _CONDITION,
    Asks.PROCEDURE: _PROCEDURE,
    Asks.PER_PERIOD: _FREQUENCY,  # "annually", "每年": the period the amount is for
    Asks.HOURS: _HOURS,
    Asks.ADDRESS: _ADDRESS,
    Asks.WEEKDAY: _WEEKDAY,
    Asks.PER_EACH: _PER_EACH,
}


# Kinds a sentence either holds or cannot answer at all: no sentence without a date says when.
# (A quantity or an organization is looser: "how large" may be answered in words.)
STRICT = frozenset(
    {Asks.DATE, Asks.DAY, Asks.DURATION, Asks.PERSON, Asks.MONEY, Asks.SHARE, Asks.PLACE,
     Asks.PENALTY, Asks.PHONE, Asks.CONTACT, Asks.DEADLINE, Asks.FREQUENCY, Asks.AREA,
     Asks.CONDITION, Asks.PROCEDURE, Asks.PER_PERIOD, Asks.HOURS, Asks.ADDRESS,
     Asks.WEEKDAY, Asks.PER_EACH}
)


def lacks(kinds: set[Asks], sentence: str, question: str = "",
          places: Iterable[str] = ()) -> set[Asks]:
    """The kinds asked that the sentence does not hold. A place the question names itself
    ("where in Zhanjiang") is no answer to where, nor one around the ``places`` it is about
    ("where in Haizhu": not "in Guangzhou"), nor a sum it states itself ("of the 3.1亿元
    fund, how much per company": not "310 million yuan"). A quoted title names a document:
    no one who does anything, no place, and no date but the document's own."""
    missing = {kind for kind in kinds if not _SUPPLIES[kind].search(sentence)}
    unquoted = QUOTED.sub(" ", sentence)
    if Asks.WHO in kinds and not _WHO.search(unquoted):
        missing.add(Asks.WHO)
    # A title's "(2025-2027)" dates the document, not what else the sentence reports.
    if Asks.DATE in kinds and not _DATE.search(unquoted) and not _DOCUMENT.search(question):
        missing.add(Asks.DATE)
    if Asks.CONTACT in kinds and _EMAIL_ASKED.search(question) and not _EMAIL.search(sentence):
        missing.add(Asks.CONTACT)  # a phone number is no e-mail address
    if Asks.MONEY in kinds and Asks.MONEY not in missing:
        stated = _amounts(question)
        if stated and _amounts(sentence) <= stated:
            missing.add(Asks.MONEY)
    if (Asks.PERSON in kinds and Asks.PERSON not in missing and _OFFICE_ASKED.search(question)
            and not _OFFICE_HOLDER.search(sentence)):
        missing.add(Asks.PERSON)
    if Asks.PERSON in kinds and Asks.PERSON not in missing and not _holds_role(sentence, question):
        missing.add(Asks.PERSON)
    for kind in {Asks.PLACE, Asks.WHERE} & kinds:
        if says_where(sentence, question, places, everyday=kind is Asks.WHERE):
            missing.discard(kind)
        else:
            missing.add(kind)
    return missing


_AMOUNT = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(hundred|thousand|million|billion|trillion|万|亿)?\s*"
    r"(?:yuan|RMB|CNY|dollars?|USD|euros?|元)",
    re.IGNORECASE,
)
_MAGNITUDE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
              "trillion": 1e12, "万": 1e4, "亿": 1e8}


def _amounts(text: str) -> set[int]:
    """The sums of money a text states, in units of their currency."""
    return {round(float(number.replace(",", "")) * _MAGNITUDE.get(scale.lower(), 1))
            for number, scale in _AMOUNT.findall(text)}


# The titles of offices, and what each is called in English: a question naming one (组长,
# "the spokesperson") is not answered by a person holding another ("General Secretary Xi").
_ROLES = {
    "局长": "director", "主任": "director", "处长": "director", "所长": "director",
    "厅长": "director", "科长": "head", "组长": "leader head", "队长": "leader head",
    "主席": "chair", "会长": "president chair", "院长": "president dean", "校长": "president",
    "社长": "president", "行长": "president governor", "董事长": "chair", "总经理": "manager",
    "市长": "mayor", "区长": "head", "书记": "secretary", "部长": "minister",
    "发言人": "spokes", "联系人": "contact", "解读人": "interpreter",
}
_ROLE_ASKED = re.compile(
    r"\b(director|head|chief|chair|president|mayor|governor|minister|secretary|leader"
    r"|commissioner|manager|CEO|spokes|contact|interpreter|dean)(?:man|woman|person)?\b",
    re.IGNORECASE,
)


def _holds_role(sentence: str, question: str) -> bool:
    """Whether a person the sentence names holds an office the question names (any, when it
    names none: "who heads", 负责人)."""
    asked = {m.group(1).lower() for m in _ROLE_ASKED.finditer(english_part(question))}
    asked |= {w for zh, en in _ROLES.items() if zh in question for w in en.split()}
    if not asked:
        return True
    held = " ".join(m.group(0).lower() for m in _PERSON.finditer(sentence))
    return any(role in held for role in asked)


def supplies(kinds: set[Asks], sentence: str) -> bool:
    """Whether the sentence holds something of each kind asked."""
    return all(_SUPPLIES[kind].search(sentence) for kind in kinds)

"""What a question asks for: the kind of detail (a date, a sum, a body, a place …), from a table
of each language's question words (who/谁 → a person or an organisation, when/何时 → a date, …),
and the thing it counts or asks the holder of. ``answerability`` decides whether it is stated.
The same table tells a question about a document itself (``retrieval.document_questions``).
"""
from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from app import numerals
from app.chinese_words import noun_phrase
from app.figure_wholes import RATE_OF
from app.in_situ import ZH_ASKS, asking_part
from app.measures import MONEY_EN, MONEY_NOUN, ZH_MONEY_ASKED
from app.numerals import COUNTED_ASKED, DISTRIBUTIVE, INDEFINITE_JI, MEASURE_WORDS
from app.retrieval import sanctions
from app.retrieval.counted import counted_or
from app.retrieval.document_questions import FACT_WORDS, O_CLOCK, ZH_WHEN, Fact
from app.retrieval.enumeration import listed_count
from app.retrieval.partitives import partitive, whole_zh
from app.retrieval.question_frame import sum_noun
from app.retrieval.said_of import named_role
from app.retrieval.taggers import modifies_another, qualifier, without_relatives
from app.text import ORG_NOUNS_EN, QUESTION_CLAUSES, ZH_ANY_BODY, has_cjk, segment


class Kind(Enum):
    """A kind of detail a question asks for, and the entity labels that supply it."""

    WHO = ("PERSON", "ORG")
    PERSON = ("PERSON",)
    ORG = ("ORG",)
    DATE = ("DATE",)
    DAY = ("DAY",)  # a day, not a month or a year; nor a deadline ("by what date", 哪天之前)
    DURATION = ("DATE", "TIME", "NUMBER")
    MONEY = ("MONEY",)
    PERCENT = ("PERCENT",)
    COUNT = ("NUMBER", "MONEY", "PERCENT")
    TALLY = ("NUMBER",)  # a count of things ("how many firms", 多少家, 多少亩): no sum nor share
    PLACE = ("PLACE",)  # an organisation's name says nothing of where a thing is (dev split)
    SITE = ("SITE",)  # a place below a city (a district, a street) or an address
    PHONE, EMAIL, WEB = ("PHONE",), ("EMAIL",), ("WEB",)  # told by their form (answerability)
    CONTACT = ("PHONE", "EMAIL", "WEB", "SITE")  # any way to reach one (联系方式)
    RATE = ("RATE",)  # each one or each period: "per firm", "每年", "twice a year", 每季度
    ITEMS = ("ITEMS",)  # which ones of a number it gives: their names (retrieval.enumeration)
    SANCTION = ("SANCTION",)  # what befalls one who breaks a rule (app.retrieval.sanctions)


# The interrogatives of each language, the one table every module reads (``parts`` splits a
# question where one opens a clause): English wh-words and the auxiliaries that open a yes/no
# question; Chinese interrogative pronouns and sentence-final question particles (``ZH_ASKS``,
# in app.in_situ, which retrieval reads too).
EN_WH = r"what|when|where|who|whom|whose|which|why|how"
EN_AUX = r"is|are|was|were|does|do|did|can|could|will|would|has|have|had|should|must|shall|may"
# A participle saying how one came to hold an office ("who was appointed director", "named as").
_MADE = r"[a-z]+ed (?!(?:to|by|in|for|with|on|at|from|of|into)\b)(?:as )?"
_ORG_ZH = rf"{ZH_ANY_BODY}|企业|公司|银行|医院|大学|学校|学院"
# Kinds of body of their own (a "… Center" is no firm), those named by it first (中国银行).
NAMED_BY_KIND = r"bank|hospital|universit|school|college|银行|医院|大学|学校|学院"
OWN_KIND = re.compile(rf"{NAMED_BY_KIND}|compan|firm|enterprise|公司|企业", re.I)
# The question words of each language. A "when" asks only as an interrogative: before an
# auxiliary verb or at the end ("When preparing …," is a conjunction).
QUESTION_WORDS: dict[Kind | Fact, re.Pattern[str]] = {
    Kind.WHO: re.compile(
        r"\bwho(?:m|se)?\b|\bwhich (?:[\w-]+ ){0,2}?(?:official|person)s?\b|谁"
        r"|(?:哪[个些家一]?|什么)平台", re.I),  # a platform is run by a body, or named as none is
    Kind.ORG: re.compile(
        rf"\b(?:which|what) (?:[\w-]+ ){{0,2}}?(?!cent)(?:{ORG_NOUNS_EN})\b"  # a centre: a site too
        rf"|哪(?:个|些|家|一|几家|几个)?(?:(?![的{numerals.CN_DIGITS}十])[\u4e00-\u9fff]){{0,2}}(?:{_ORG_ZH})"
        rf"|哪家|什么(?:{_ORG_ZH})", re.I),  # 哪家物业公司: a 公司 (a word before its kind's noun)
    # "Who is the director", "who was appointed director", 局长是谁: one in an office, not a body
    # ("who is the lead agency/operator", "who runs it") nor several ("who are the partners").
    Kind.PERSON: re.compile(
        rf"\bwho (?:is|was) (?:{_MADE})?(?:the |its |their |[A-Z][\w-]*'s |(?<=ed )|(?<=\bas ))"
        rf"(?!(?:[\w-]+ ){{0,2}}(?:one|ones|{ORG_NOUNS_EN}|(?:operat|contract|partner|suppl|provid"
        r"|develop|build|organi[sz])\w*)\b)|\bname of the person\b|\bwho (?:heads|chairs|directs)\b"
        r"|(?<!由)(?<!单位)(?<!部门)(?<!机构)是谁|姓名|哪位|谁担任"
        r"|[人者员长]叫什么",  # the name of one named by an agent noun (解读人, 负责人, 局长)
        re.I),
    Kind.DATE: re.compile(
        rf"\bwhen (?=(?:{EN_AUX})\b)|\bwhen\s*[?？]|\bdeadline\b"
        r"|\b(?:what|which) (?:year|month|time ?frame)s?\b|\bby (?:what (?:date|day)|when)\b"
        rf"|{ZH_WHEN}|截止(?:日期|时间)?(?:是|为)?(?:哪|什么|何)|日期", re.I),
    Kind.DAY: re.compile(r"(?<!by )\b(?:what|which) (?:exact |specific )?(?:day|date)\b"
                         r"|\bexact date\b|哪一?[天日](?!之?前|以前)|几号|几日(?!内)", re.I),
    Kind.DURATION: re.compile(
        r"\bhow (?:long|quickly|soon)\b|\bwhat periods?\b|多久"  # how soon: a span until it
        r"|\bhow many (?:[\w-]+ ){0,2}?(?:minutes|hours"
        r"|days|weeks|months|years)\b|\bwithin what time\b|多长(?![\u4e00-\u9fff]*(?:米|公里|距离))"
        r"|(?<!哪)(?:几|多少)(?:个(?:工作)?[月日]|个?(?:工作)?(?:分钟|小时|天|日(?=内)|周|年))|多少日"
        r"|(?:时限|期限|时长|工期|周期)(?:是|为|有)?(?:多少|多长|几)",  # a span's noun: 时限是多少
        re.I),  # but 几月, 几日: which month, which day; 哪几年: which years
    Kind.MONEY: re.compile(
        r"\bhow much (?:money|funding)\b|\bcost\b"  # but a share's whole: see asked_kinds
        rf"|{ZH_MONEY_ASKED}", re.I),
    Kind.PERCENT: re.compile(
        r"\bwhat (?:share|percentage|percent|proportion|ratio|fraction)\b|\bwhat (?:per ?cent\b|%)"
        r"|百分之(?:几|多少)|(?:多大|什么|多少)比例|比例是|占比|比重|几成"
        rf"|占(?![地道])[^，。？?]{{0,8}}(?:多少|几)(?![{MEASURE_WORDS}])"  # 占几项: a count
        r"|按[^，。？?]{1,16}的(?:多少|几成)"  # "按最低工资标准的多少发放": a share of it
        r"|(?:比例|比重|占比)[^，。？?]{0,6}(?:多少|几|多大|什么)"  # "比例不低于多少"
        r"|的(?:多少|几成)\s*[？?]?\s*$"  # "总投资的多少": a part of a whole
        # A rate asked (利率, 费率), with a bound or a direction of change between (不高于, 下调到).
        r"|(?<![效频概])率(?!先)(?:是|为)?(?:不[高低]于|不超过|最[高低]|[上下][调浮]|降低?|提高)?"
        r"(?:到|了|至)?(?:是|为)?(?:多少|几|多高|多大)",
        re.I),
    # How often: a frequency ("twice a year", 每季度), not a span of time nor a count.
    Kind.RATE: re.compile(
        r"\bhow (?:often|frequently)\b|\bhow many times (?:a|an|per|each|every)\b"
        r"|(?:多久|多长时间)[^，。？?]{0,6}一次|(?:每|一)(?:年|月|季度?|周|天)[^，。？?]{0,4}(?:几|多少)次"
        r"|频率|频次", re.I),
    Kind.SITE: re.compile(
        r"\b(?:which|what) (?-i:[A-Z][\w'-]* ){0,2}(?:district|county|town|township|street|road)s?"
        r"|\baddress\b|哪(?:个|条|一)?(?:区|县|镇|乡|街道|片区|条街|路)|地址|哪个?地段", re.I),
    Kind.SANCTION: sanctions.ASKS,
    # A line after its number ("the 12345 hotline", 12345热线) is named, its number not asked
    # unless 号码 asks it (12345热线的号码).
    Kind.PHONE: re.compile(r"(?<!by )(?<!via )(?<!\d )\b(?:phone|telephone|hotline|fax)"
                           r"(?: numbers?)?\b|\bwhat number\b"
                           rf".*\bcall\b|(?:(?<!\d)(?:电话|热线|手机号|传真)|(?:电话|热线)的?号码)"
                           rf"(?!.*{COUNTED_ASKED})",
                           re.I),
    Kind.EMAIL: re.compile(r"(?<!by )(?<!via )\be-?mails?\b|邮箱|邮件地址", re.I),  # not a way
    Kind.WEB: re.compile(r"\b(?:web ?(?:sites?|address)|urls?)\b|网[址站页]|网上\w{0,4}地址", re.I),
    Kind.CONTACT: re.compile(r"\bcontact (?:details|information)\b|联[系络]方式", re.I),
    # A measure's noun asks its figure ("what outbound capacity", "what size"); 哪几家: which ones.
    Kind.COUNT: re.compile(r"\bhow (?:many|much)\b|\bwhat (?:[\w-]+ ){0,3}?(?:capacity|capacities"
                           r"|bandwidth|size|scale|amount|quantity|volume|speed)\b"
                           rf"|多少|多大|(?<!哪)几(?=[\u4e00-\u9fff])(?!{O_CLOCK})", re.I),
    Kind.PLACE: re.compile(
        r"\bwhere\b|\bwhich (?:city|cities|district|county|province|place|location|site)s?\b"
        r"|哪里|哪儿"  # 向哪里: to a body, after a locative (answerability's _TOWARDS)
        r"|在哪(?![些几二两三四五六七八九十]|一?[天年月日]|个月)"  # 在哪几个领域: which
        r"|何地|(?<!如)何处|什么地方"  # 如何处理
        r"|哪(?:个|些|座)(?:城市|区|县|省|地方|地区)", re.I),
    **{fact: words for fact, words in FACT_WORDS.items()},  # the facts of a document
}
# A narrower kind says all its broader one does: "how much money" needs a sum, not any figure.
_ADDRESSES = {Kind.SITE, Kind.PLACE, Kind.CONTACT, Kind.COUNT, Kind.MONEY}  # 补贴的热线是多少
_NARROWER = {Kind.MONEY: {Kind.COUNT}, Kind.PERCENT: {Kind.COUNT}, Kind.DURATION: {Kind.COUNT},
             Kind.DATE: {Kind.COUNT}, Kind.PHONE: _ADDRESSES, Kind.PERSON: {Kind.WHO},
             Kind.ORG: {Kind.WHO}, Kind.RATE: {Kind.COUNT, Kind.DURATION}, Kind.SITE: {Kind.PLACE},
             Kind.EMAIL: _ADDRESSES, Kind.WEB: _ADDRESSES, Kind.CONTACT: {Kind.COUNT, Kind.MONEY}}
# Kinds whose absence refuses (no date tells no "when"): all but "who", a person or a body that
# NER often misses ("the municipal task force"), which only weighs a sentence down.
STRICT = frozenset(Kind) - {Kind.WHO}
FIGURED = frozenset({Kind.COUNT, Kind.TALLY, Kind.MONEY, Kind.PERCENT})  # only a figure states
# Money nouns (app.measures) and size words together ask a sum ("how large is the fund").
# Nouns of a part of a whole, whose size "what"/"how much" asks ("the floor on the share of …"),
# written once for both readers below.
_PART_NOUNS = r"share|percentage|proportion|fraction"
_SHARE_ASKED = re.compile(
    rf"\b(?:what|how (?:much|large|big|high))\b.*\b(?:{_PART_NOUNS}|ratio|rate)\b", re.I)
_SHARE_OF = re.compile(rf"\b(?:{_PART_NOUNS})\s+of\b", re.I)
# A sum heading what is asked ("what heating subsidy does it give", "the grant per apprentice";
# not "what subsidies": several kinds) asks its size; a budget too; a price may be a rate or share.
_SIZE_ASKED = re.compile(r"\bhow (?:much|large|big|high)\b|\bwhat (?:is|are|was|were) (?:[\w'-]+ )"
                         r"{0,3}?(?:budget|amount|cost|price|fee|fine|salar(?:y|ie)|wage)s?\b"
                         r"|多少|多大|规模|上限|金额|\bwhat (?:[\w'-]+ ){0,2}?budgets?\b|\bsize\b"
                         rf"|\bwhat(?:['’]s)? (?:[\w'-]+ ){{0,4}}?(?:{MONEY_EN})(?:(?<!s) (?:do"
                         r"|does|did|will|would|can|could|ha[sv]e?|for|of|to|in)| per| each)\b"
                         r"|\bthe (?:most|maximum|largest|highest|biggest)\b|\bmaximum\b", re.I)
# What is paid asks a sum, unless "how much more/less" asks a difference, a share as often as a sum.
_PAID = re.compile(r"^(?!.*\bhow much (?:more|less)\b).*\b(?:pa(?:y|ys|id)|charg(?:e|es|ed)"
                   r"|spen(?:d|ds|t|ding)|earn(?:s|ed)?)\b", re.I)
# "What does X pay/charge …", "what price may X charge": the thing paid (asked by "what", maybe
# with its noun) is a sum or a share of one ("pays 50% of the fee"): a figure either way, which a
# sentence stating none does not give (not "in charge": an office).
_WHAT_PAID = re.compile(rf"\bwhat (?:[\w'’-]+ ){{0,3}}?(?:{EN_AUX}) (?:[\w'’-]+ ){{1,6}}?(?<!\bin )"
                        r"(?:pay|charge|spend|earn)\b", re.I)
# Things counted in units (firms, 家, 亩), no sum nor share; a part of a whole, "how many of", is.
_TALLIED = re.compile(r"\bhow many (?!(?:yuan|dollars?|pounds?|euros?|percent|per cent|of)\b)"
                      rf"|(?<!哪)(?:多少|几)(?:[{MEASURE_WORDS}](?![万亿千百元])|人|户|亩|吨"
                      r"|(?:平方)?(?:公里|千米|米)|公顷|[千兆]瓦)", re.I)


def asked_kinds(question: str) -> set[Kind]:
    """The kinds of detail ``question`` asks; a set of the caller's own to change."""
    return set(_asked_kinds(question))


@lru_cache(maxsize=256)  # asked again by each reader of a question (~0.13 ms, 3 times in 4)
def _asked_kinds(question: str) -> frozenset[Kind]:
    # Everyday Chinese; a relative pronoun ("an apprentice who had …") asks nothing.
    question = without_relatives(re.sub(INDEFINITE_JI, "数", question.replace(
        "啥", "什么").replace("咋", "怎么")))  # 好几年, 几十万: no 几 asked (数十万)
    kinds = {kind for kind, words in QUESTION_WORDS.items()
             if isinstance(kind, Kind) and words.search(asking_part(question))}
    if (phone := QUESTION_WORDS[Kind.PHONE].search(asked := asking_part(question))) and \
            modifies_another(asked, *phone.span()):  # "hotline services": no number asked
        kinds.discard(Kind.PHONE)
    if ((MONEY_NOUN.search(question) or _PAID.search(question)) and _SIZE_ASKED.search(question)
            and not _TALLIED.search(question)  # nor 何时报送…金额; but "how much does it pay"
            and not kinds & {Kind.PERCENT, Kind.DURATION, Kind.DATE}):
        kinds.add(Kind.MONEY)
    if _SHARE_ASKED.search(question) and not kinds - {Kind.COUNT}:
        kinds.add(Kind.PERCENT)
    if Kind.PERCENT in kinds and _SHARE_OF.search(question):
        kinds.discard(Kind.MONEY)  # "what share of the construction cost": the sum is the whole
    kinds |= {Kind.PERSON} if named_role(question) else set()  # "the name of the director"
    kinds |= {Kind.COUNT} if not kinds and _WHAT_PAID.search(asking_part(question)) else set()
    kinds -= {broader for k in kinds for broader in _NARROWER.get(k, ())}
    if Kind.COUNT in kinds and _TALLIED.search(question):
        kinds ^= {Kind.COUNT, Kind.TALLY}
    if kinds & {Kind.COUNT, Kind.TALLY, Kind.MONEY} and DISTRIBUTIVE.search(question):
        kinds.add(Kind.RATE)
    return frozenset(kinds | ({Kind.ITEMS} if listed_count(question) else set()))


# What is counted ("how many staff positions", 多少名编制, reported: "… how many staff X's bureau
# has") or whose holder is asked ("who is the director of", 局长是谁): no answer if never named.
_THING_EN = re.compile(
    rf"\b(?:how many |who (?:is|was|are|were) (?:the |{_MADE}(?:the )?))((?:[\w-]+ ){{0,2}}?"
    rf"[\w-]+?)(?= (?:{EN_AUX}|in|of|per|for|to|at|on|by|[A-Z][\w-]*['’]s)\b|\s*[?？.]|$)", re.I)
_THING_ZH = re.compile(rf"(?<!哪)(?:多少|几)[{MEASURE_WORDS}]?([A-Za-z0-9]*[\u4e00-\u9fff]+)")
_HOLDER_ZH = re.compile(r"([\u4e00-\u9fff]+)(?:是谁|是哪[家个位])")


def asked_thing(question: str, kinds: set[Kind]) -> list[str]:
    """The words naming the sum or rate a question asks, what it counts or whose holder it asks
    for ([] if none): the noun of money or of what a rate is of; an English phrase's head noun;
    of a Chinese phrase, its first word and the last of the nouns it opens with (领域 of
    "几个重点领域推动…"), or, of a holder, the last word and its last two characters (局长)."""
    if Kind.MONEY in kinds and (noun := sum_noun(question)):
        return [noun]  # "what fine …", "罚款多少": a sum the fund's size is not
    if Kind.PERCENT in kinds and (rate := RATE_OF.search(question)):
        return [rate.group(1) or rate.group(2)]  # an interest rate is no share of a price
    if not kinds & {Kind.COUNT, Kind.TALLY, Kind.PERSON, Kind.WHO, Kind.ORG}:
        return []
    if match := _THING_EN.search(question):  # how many: the parse's noun ("people": any person)
        return counted_or(question, match[1].split()[-1], bool(kinds & {Kind.WHO, Kind.ORG}))
    if match := _THING_ZH.search(question):  # 多少平方公里 too: what is measured
        return [w for w in noun_phrase(match.group(1)) if len(w) > 1 or not has_cjk(w)]
    if match := _HOLDER_ZH.search(question):
        # The last word (joined to a one-character cut: 管理 人), its last two characters.
        tail = segment(match.group(1)).split()
        last = "".join(tail[-2:]) if len(tail[-1]) == 1 else tail[-1]
        return [w for w in dict.fromkeys([last, last[-2:]]) if len(w) > 1]
    return []


@lru_cache(maxsize=256)  # asked of every candidate sentence; spaCy tags it
def asked_sum(question: str) -> tuple[str, str]:
    """The money noun of the sum a question asks, in the clause that asks ("…分摊的加装电梯费用，
    每户最多补多少？" names none), and the noun saying which sum it is (住房 of 住房补贴)."""
    asking = next((c for c in QUESTION_CLAUSES.split(question) if ZH_ASKS.search(c)), question)
    if Kind.MONEY not in asked_kinds(question) or not (noun := sum_noun(asking)):
        return "", ""
    at = re.search(rf"\b{re.escape(noun)}\b|{re.escape(noun)}", asking)  # the one parsed
    return noun, qualifier(asking, *at.span()) if at else ""


@lru_cache(maxsize=256)  # asked of every candidate sentence
def asked_whole(question: str) -> str:
    """The whole a question asks a part of ("how many of the participants", "how much of the
    fund group": its size is given), after its last 的."""
    if (part := partitive(question))[0] == "much":
        return part[1]
    if (match := _THING_EN.search(question)) and (words := match.group(1).split())[0] == "of":
        return words[-1]
    return whole_zh(question)


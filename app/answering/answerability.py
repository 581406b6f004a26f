"""Whether the retrieved passages can answer a question, decided in one place.

A question is refused, with one ``code`` and its message in both languages, when:

- ``place_not_stored``: it names places and no stored document is about any of them (what
  retrieval reports);
- ``place_not_stated``: it names a place below the place of the documents about it (a street
  of a district) and the passages that would answer never name that place;
- ``acronym_unmentioned``: it uses an acronym the nearest passages never write nor spell out;
- ``kind_not_stated``: the passages on its topic never state the kind of detail it asks for (a
  "when" question over undated sentences);
- ``no_passage``: no sentence supports it well enough.

What a question asks for comes from a table of each language's question words (who/谁 → a
person or an organisation, when/何时 → a date, …): the grammar of the two languages, never the
wording of particular questions. What a sentence holds comes from the entities a trained NER
model (spaCy ``en_core_web_sm``, Baidu LAC) found in it at ingest, stored with its chunk.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from app.answering.acronyms import unmentioned
from app.answering.citations import Scored, Sentence
from app.answering.sentence_forms import in_context
from app.models import Message, RefusalCode
from app.retrieval.hybrid import RetrievalResult
from app.retrieval.places import PlaceInference
from app.text import QUOTED, has_cjk, segment, sentence_spans

__all__ = ["ENTITIES_KEY", "Kind", "Refusal", "asked_kinds", "asked_thing", "at_level", "lacks",
           "refusal_before_ranking", "sentence_labels"]

# Chunk metadata key of the entities ingest found: JSON [[start, end, label, value?], …], with
# offsets into the chunk's text (Chroma metadata is flat).
ENTITIES_KEY = "entities"



class Kind(Enum):
    """A kind of detail a question asks for, and the entity labels that supply it."""

    WHO = ("PERSON", "ORG")
    PERSON = ("PERSON",)
    ORG = ("ORG",)
    DATE = ("DATE",)
    DURATION = ("DATE", "TIME", "NUMBER")
    MONEY = ("MONEY",)
    PERCENT = ("PERCENT",)
    COUNT = ("NUMBER", "MONEY", "PERCENT")
    PLACE = ("PLACE",)  # an organisation's name says nothing of where a thing is (dev split)
    PHONE = ("PHONE",)


# The interrogatives of each language, the one table every module reads (``parts`` splits a
# question where one opens a clause): English wh-words and the auxiliaries that open a yes/no
# question; Chinese interrogative pronouns and sentence-final question particles.
EN_WH = r"what|when|where|who|whom|whose|which|why|how"
EN_AUX = (r"is|are|was|were|does|do|did|can|could|will|would|has|have|had|should|must|shall"
          r"|may")
ZH_ASKS = re.compile(r"什么|啥|多少|哪|谁|几|何时|何地|何种|如何|怎么|咋|怎样|为何|为什么|是否|多大"
                     r"|多久|多长|多高|有没有|是不是|吗|呢")
# Chinese measure words: "多少家企业" counts firms.
_MEASURE = "个名位项家座条台所批类种次件款只支套处间栋辆架张份篇部"
# Nouns naming an organisation, which a "which …" asks one of.
_ORG_EN = (r"departments?|agenc(?:y|ies)|organi[sz]ations?|units?|bureaus?|bod(?:y|ies)|offices?"
           r"|authorit(?:y|ies)|institutions?|compan(?:y|ies)|firms?|enterprises?|colleges?|schools?"
           r"|institutes?|banks?|hospitals?|universit(?:y|ies)")
_ORG_ZH = r"部门|单位|机构|组织|企业|公司|银行|平台"
# The question words of each language. A "when" asks only as an interrogative: before an
# auxiliary verb or at the end ("When preparing …," is a conjunction).
QUESTION_WORDS: dict[Kind, re.Pattern[str]] = {
    Kind.WHO: re.compile(
        r"\bwho(?:m|se)?\b(?! (?:is|are) (?:eligible|entitled))|\bwhich (?:[\w-]+ ){0,2}?(?:"
        r"official|person)s?\b|谁", re.I),
    Kind.ORG: re.compile(
        rf"\b(?:which|what) (?:[\w-]+ ){{0,2}}?(?:{_ORG_EN})\b"
        rf"|哪(?:个|些|家|一|几家|几个)?(?:{_ORG_ZH})|哪家|什么(?:{_ORG_ZH})", re.I),
    # "Who is the director", "局长是谁": who holds an office is a person ("who is responsible"
    # may be a body).
    Kind.PERSON: re.compile(
        r"\bwho (?:is|was|are|were) (?:the |its |their |[A-Z][\w-]*'s )(?!(?:one|ones|body"
        r"|bodies|unit|units|department|organi[sz]ation)\b)|\bname of the person\b"
        r"|\bwho (?:heads|leads|chairs|directs|runs)\b"
        r"|(?<!由)(?<!单位)(?<!部门)(?<!机构)是谁|姓名|哪位|谁担任"
        r"|[人者员长]叫什么",  # the name of one named by an agent noun (解读人, 负责人, 局长)
        re.I),
    Kind.DATE: re.compile(
        rf"\bwhen (?=(?:{EN_AUX})\b)|\bwhen\s*[?？]"
        r"|\b(?:what|which|by what) (?:date|year|day|month)s?\b|\bby when\b|\bdeadline\b"
        r"|何时|什么时候|什么时间|哪(?:一)?(?:年|天|日)|哪个月|几月|几号"
        r"|截止(?:日期|时间)?(?:是|为)?(?:哪|什么|何)|日期", re.I),
    Kind.DURATION: re.compile(
        r"\bhow long\b|\bhow many (?:working |calendar )?(?:days|weeks|months|years)\b"
        r"|\bwithin what (?:time|period)\b|多久|多长(?![\u4e00-\u9fff]*(?:米|公里|距离))"
        r"|几(?:个)?(?:工作)?(?:天|日|周|月|年)"
        r"|多少(?:个)?(?:工作)?(?:天|日|周|月|年)", re.I),
    Kind.MONEY: re.compile(
        r"\bhow much (?:money|funding)\b|\bcost\b|多少钱|(?:多少|几)[万亿千百]*元", re.I),
    Kind.PERCENT: re.compile(
        r"\bwhat (?:share|percentage|percent|proportion|ratio|fraction)\b|\bwhat per ?cent\b"
        r"|百分之(?:几|多少)|(?:多大|什么)比例|比例是|占比|比重|几成|占[^，。？?]{0,8}(?:多少|几)"
        r"|(?:比例|比重|占比)[^，。？?]{0,6}(?:多少|几|多大|什么)"  # "比例不低于多少"
        r"|的(?:多少|几成)\s*[？?]?\s*$",  # "总投资的多少": a part of a whole
        re.I),
    Kind.PHONE: re.compile(r"\b(?:phone|telephone|hotline|fax)\b|\bwhat number\b.*\bcall\b"
                           r"|电话|热线|手机号|传真", re.I),
    # 哪几家 asks which ones, not how many.
    Kind.COUNT: re.compile(r"\bhow (?:many|much)\b|多少|(?<!哪)几(?=[\u4e00-\u9fff])", re.I),
    Kind.PLACE: re.compile(
        r"\bwhere\b|\bwhich (?:city|cities|district|county|province|place|location|site)s?\b"
        r"|哪里|哪儿|在哪|何地|(?<!如)何处|什么地方"  # 如何处理 is "how to handle"
        r"|哪(?:个|些|座)(?:城市|区|县|省|地方|地区)", re.I),
}
# A narrower kind says all its broader one does: "how much money" needs a sum, not any figure.
_NARROWER = {Kind.MONEY: Kind.COUNT, Kind.PERCENT: Kind.COUNT, Kind.DURATION: Kind.COUNT,
             Kind.PERSON: Kind.WHO, Kind.ORG: Kind.WHO, Kind.DATE: Kind.COUNT,
             Kind.PHONE: Kind.COUNT}
# Kinds whose absence refuses (a sentence without a date tells no "when"); the others only
# weigh a sentence down (a "which company" may be answered by a firm's name no NER knows).
STRICT = frozenset({Kind.DATE, Kind.MONEY, Kind.PERCENT, Kind.COUNT, Kind.DURATION,
                    Kind.PERSON, Kind.PLACE, Kind.PHONE})
# Nouns that denote a sum of money, and the words asking a size: together they ask for a sum
# ("how large is the fund", "预算是多少"), unless things are counted ("多少家企业获得补贴").
_MONEY_NOUN = re.compile(
    r"\b(?:budget|invest(?:ment|ed|s)?|funding|funds?|subsid(?:y|ies)|grants?|costs?|prices?"
    r"|fees?|fines?|allowances?|rewards?|rent)\b|预算|投资|资金|基金|补贴|补助|费用|经费|罚款|奖励"
    r"|租金|价格|收费", re.I)
# Nouns that denote a part of a whole, which a "what"/"how much" question asks the size of
# ("what is the floor on the share of …").
_SHARE_NOUN = re.compile(r"\b(?:share|percentage|proportion|ratio|fraction|rate)\b", re.I)
_SIZE_ASKED = re.compile(r"\bhow (?:much|large|big|high)\b|\bwhat (?:is|are|was|were) (?:[\w'-]+ )"
                         r"{0,3}?(?:budget|amount|cost|price|fee|fine)s?\b|多少|多大|规模|上限|金额",
                         re.I)
_WHAT_ASKED = re.compile(r"\bwhat\b|\bhow (?:much|large|big|high)\b", re.I)
_COUNTED = re.compile(rf"\bhow many\b|(?<!哪)(?:多少|几)[{_MEASURE}]", re.I)


def asked_kinds(question: str) -> set[Kind]:
    question = question.replace("啥", "什么").replace("咋", "怎么")  # everyday Chinese
    kinds = {kind for kind, words in QUESTION_WORDS.items() if words.search(question)}
    if (_MONEY_NOUN.search(question) and _SIZE_ASKED.search(question)
            and not _COUNTED.search(question) and not kinds & {Kind.PERCENT, Kind.DURATION}):
        kinds.add(Kind.MONEY)
    if _SHARE_NOUN.search(question) and _WHAT_ASKED.search(question) and not kinds - {Kind.COUNT}:
        kinds.add(Kind.PERCENT)
    return kinds - {_NARROWER[k] for k in kinds if k in _NARROWER}


# What is counted ("how many staff positions", "多少名行政编制") or whose holder is asked ("who
# is the director of", "局长是谁"): a sentence that never names it answers something else.
_THING_EN = re.compile(
    r"\b(?:how many|who (?:is|was|are|were) the) ((?:[\w-]+ ){0,2}?[\w-]+?)"
    rf"(?= (?:{EN_AUX})\b| (?:in|of|per|for|to|at|on|by)\b|\s*[?？]|$)", re.I)
_THING_ZH = re.compile(rf"(?<!哪)(?:多少|几)[{_MEASURE}]?([A-Za-z0-9]*[\u4e00-\u9fff]+)")
_HOLDER_ZH = re.compile(r"([\u4e00-\u9fff]+)(?:是谁|是哪[家个位])")


def asked_thing(question: str, kinds: set[Kind]) -> list[str]:
    """The words naming what a question counts or whose holder it asks for ([] if neither):
    an English phrase's head noun; of a Chinese phrase, its first word and the last of the
    nouns it opens with (its head: 领域 of "几个重点领域推动…"), or, of a holder, the last
    word and its last two characters (发展局局长, 局长)."""
    if not kinds & {Kind.COUNT, Kind.PERSON, Kind.WHO, Kind.ORG}:
        return []
    if match := _THING_EN.search(question):
        return [match.group(1).split()[-1]]
    words: list[str] = []
    if match := _THING_ZH.search(question):
        words = _noun_phrase(match.group(1))
    elif match := _HOLDER_ZH.search(question):
        # The last word (joined to the one before when jieba cut off one character: 管理 人)
        # and its last two characters (局长 of 局局长).
        tail = segment(match.group(1)).split()
        last = "".join(tail[-2:]) if len(tail[-1]) == 1 else tail[-1]
        words = list(dict.fromkeys([last, last[-2:]]))
    return [w for w in words if len(w) > 1 or not has_cjk(w)]


def _noun_phrase(text: str) -> list[str]:
    """The first word of ``text`` and the last of the nouns it opens with (jieba's tags)."""
    import jieba.posseg

    tagged = list(jieba.posseg.cut(text))
    if not tagged:
        return []
    nouns = []
    for pair in tagged:
        if not pair.flag.startswith(("n", "vn", "eng")) or pair.flag == "nr":
            break
        nouns.append(pair.word)
    return list(dict.fromkeys([tagged[0].word, (nouns or [tagged[-1].word])[-1]]))


# Labels of what a title may name as its subject (a quoted platform, firm or place).
_NAMES = frozenset({"PERSON", "ORG", "PLACE"})


def sentence_labels(sentence: Sentence, question: str, stated: frozenset[float] = frozenset(),
                    places: tuple[str, ...] = (),
                    asked: Callable[[str], bool] = lambda _: False) -> set[str] | None:
    """Labels of the entities in ``sentence`` that the question does not state itself (a date
    the question gives is no answer to "when", nor "310 million yuan" to a question about "the
    3.1亿元 fund": ``stated`` holds the values of its figures; nor is a place it names, one of
    ``places``, an answer to "where", nor any name whose words it renders, by ``asked``: "the
    Shenzhen Venture Capital Day" is what "深圳风险投资日在哪…" asks about). A date or figure
    inside a quoted title names a document ("the Action Plan (2025-2027)"), and says nothing
    of when or how much. None when its chunk was stored without NER."""
    raw = sentence.chunk.metadata.get(ENTITIES_KEY)
    if not isinstance(raw, str):
        return None
    offset = sentence.start - sentence.chunk.start
    text = sentence.chunk.text
    titles = [m.span() for m in QUOTED.finditer(text, offset, offset + len(sentence.text))]
    labels = set()
    for start, end, label, *value in json.loads(raw):
        named = text[start:end].strip()
        if not (start >= offset and end <= offset + len(sentence.text)) or named in question \
                or set(value) & stated or (label in _NAMES and asked(named)):
            continue
        # A place the question names, in English or as the question writes it (漳州 of 漳州市).
        if label == "PLACE" and (any(place in named for place in places)
                                 or named.rstrip("市区县省") in question):
            continue
        if label not in _NAMES and any(a <= start and end <= b for a, b in titles):
            continue
        labels.add(label)
    return labels


def lacks(kinds: set[Kind], labels: set[str] | None) -> set[Kind]:
    """The kinds asked that the sentence holds no entity of (none when it is unknown)."""
    if labels is None:
        return set()
    return {kind for kind in kinds if not labels & set(kind.value)}


@dataclass(frozen=True)
class Refusal:
    code: RefusalCode
    message: Message


def _names(items: list[str], zh: bool) -> str:
    return ("、" if zh else ", ").join(items)


def refusal(code: RefusalCode, names: list[str] | None = None) -> Refusal:
    """The refusal of ``code`` in both languages, naming the places or acronyms at fault."""
    en_names, zh_names = _names(names or [], False), _names(names or [], True)
    messages = {
        "no_passage": ("The knowledge base has no passage that answers this question.",
                       "知识库中没有能回答这个问题的段落。"),
        "place_not_stored": (f"The knowledge base holds no documents for {en_names}, so it "
                             "cannot answer this.",
                             f"知识库中没有关于{zh_names}的文件，无法回答这个问题。"),
        "place_not_stated": (f"The documents that would answer this speak of a wider place and "
                             f"never mention {en_names}, so the knowledge base cannot answer it.",
                             f"相关文件说的是更大的地区，没有提到{zh_names}，知识库无法回答这个问题。"),
        "acronym_unmentioned": (f"The passages nearest this question never mention {en_names}, "
                                "so the knowledge base cannot answer it.",
                                f"与这个问题最相关的段落从未提到{zh_names}，知识库无法回答。"),
        "kind_not_stated": ("The passages on this topic do not state what the question asks for "
                            "(such as its date, figure or body), so the knowledge base cannot "
                            "answer it.", "相关段落没有写明问题所问的内容（如日期、数额或机构），"
                            "知识库无法回答。"),
    }
    en, zh = messages[code]
    return Refusal(code, Message(en=en, zh=zh))


def refusal_before_ranking(question: str, retrieval: RetrievalResult) -> Refusal | None:
    """A refusal the passages' sentences need not be read for: a place no stored document is
    about, an acronym the passages never mention."""
    places = retrieval.places
    if places.missing and not places.held:
        return refusal("place_not_stored", places.missing)
    if missing := unmentioned(question, (h.chunk.text for h in retrieval.hits)):
        return refusal("acronym_unmentioned", missing)
    return None


def at_level(ranked: list[Scored], places: PlaceInference) -> tuple[list[Scored], bool]:
    """The sentences that answer at the level of the places the question names (a street's
    question is not answered by its district's sentence), and whether any was left out."""
    kept = [s for s in ranked if places.at_level(
        s.sentence.chunk.doc_id, f"{s.sentence.chunk.section} {in_context(s.sentence)}",
        _before(s.sentence))]
    return kept, len(kept) < len(ranked)


# Sentences before a sentence, in its paragraph, whose places it may speak of ("the center").
CARRIED_SENTENCES = 2


def _before(sentence: Sentence) -> str:
    chunk = sentence.chunk
    head = chunk.text[:max(0, sentence.start - chunk.start)]
    paragraph = head[head.rfind("\n") + 1:]
    spans = sentence_spans(paragraph)[-CARRIED_SENTENCES:]
    return paragraph[spans[0][0]:] if spans else ""


def in_language_of(question: str, message: Message) -> str:
    return message.zh if has_cjk(question) else message.en

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
from dataclasses import dataclass
from enum import Enum

from app.answering.acronyms import unmentioned
from app.answering.citations import Scored, Sentence
from app.answering.sentence_forms import in_context
from app.models import Message, RefusalCode
from app.retrieval.hybrid import RetrievalResult
from app.retrieval.places import PlaceInference
from app.text import has_cjk, segment, sentence_spans

__all__ = ["ENTITIES_KEY", "Kind", "Refusal", "asked_kinds", "asked_thing", "at_level", "lacks",
           "refusal_before_ranking", "sentence_labels"]

# Chunk metadata key of the entities ingest found: JSON [[start, end, label, value?], …], with
# offsets into the chunk's text (Chroma metadata is flat).
ENTITIES_KEY = "entities"



class Kind(Enum):
    """A kind of detail a question asks for, and the entity labels that supply it."""

    WHO = ("PERSON", "ORG")
    PERSON = ("PERSON",)
    DATE = ("DATE",)
    DURATION = ("DATE", "TIME", "NUMBER")
    MONEY = ("MONEY",)
    PERCENT = ("PERCENT",)
    COUNT = ("NUMBER", "MONEY", "PERCENT")
    PLACE = ("PLACE", "ORG")
    PHONE = ("PHONE",)


# Chinese measure words: "多少家企业" counts firms.
_MEASURE = "个名位项家座条台所批类种次件款只支套处间栋辆架张份篇部"
# The question words of each language. A "when" asks only as an interrogative: before an
# auxiliary verb or at the end ("When preparing …," is a conjunction).
_AUX = r"(?:did|does|do|will|would|was|were|is|are|has|have|had|should|must|can|could|shall|may)"
QUESTION_WORDS: dict[Kind, re.Pattern[str]] = {
    Kind.WHO: re.compile(
        r"\bwho(?:m|se)?\b(?! (?:is|are) (?:eligible|entitled))|\bwhich (?:[\w-]+ ){0,2}?(?:"
        r"department|agency|organi[sz]ation|unit|bureau|body|office|authority|institution"
        r"|company|official|person|college|school|institute|bank|hospital)s?\b"
        r"|\bwhich (?:[\w-]+ ){0,2}?(?:companies|universit(?:y|ies))\b"
        r"|谁|哪(?:个|些|家|一)(?:部门|单位|机构|组织|企业)|哪家"
        r"|什么(?:部门|单位|机构)", re.I),
    # "Who is the director", "局长是谁": who holds an office is a person ("who is responsible"
    # may be a body).
    Kind.PERSON: re.compile(
        r"\bwho (?:is|was|are|were) (?:the |its |their |[A-Z][\w-]*'s )(?!(?:one|ones|body"
        r"|bodies|unit|units|department|organi[sz]ation)\b)|\bname of the person\b"
        r"|\bwho (?:heads|leads|chairs|directs|runs)\b"
        r"|(?<!由)(?<!单位)(?<!部门)(?<!机构)是谁|叫什么|姓名|哪位|谁担任", re.I),
    Kind.DATE: re.compile(
        rf"\bwhen (?={_AUX}\b)|\bwhen\s*[?？]|\b(?:what|which|by what) (?:date|year|day|month)s?"
        r"\b|\bby when\b|\bdeadline\b|何时|什么时候|什么时间|哪(?:一)?(?:年|天|日)|哪个月|几月|几号"
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
    Kind.COUNT: re.compile(r"\bhow (?:many|much)\b|多少|几(?=[\u4e00-\u9fff])", re.I),
    Kind.PLACE: re.compile(
        r"\bwhere\b|\bwhich (?:city|cities|district|county|province|place|location|site)s?\b"
        r"|哪里|哪儿|在哪|何地|何处|什么地方|哪(?:个|些|座)(?:城市|区|县|省|地方|地区)", re.I),
}
# A narrower kind says all its broader one does: "how much money" needs a sum, not any figure.
_NARROWER = {Kind.MONEY: Kind.COUNT, Kind.PERCENT: Kind.COUNT, Kind.DURATION: Kind.COUNT,
             Kind.PERSON: Kind.WHO, Kind.DATE: Kind.COUNT, Kind.PHONE: Kind.COUNT}
# Kinds whose absence refuses (a sentence without a date tells no "when"); the others only
# weigh a sentence down (a "where" may be answered by a platform no NER labels a place).
STRICT = frozenset({Kind.DATE, Kind.MONEY, Kind.PERCENT, Kind.COUNT, Kind.DURATION,
                    Kind.PERSON, Kind.PLACE, Kind.PHONE})
# Nouns that denote a sum of money, and the words asking a size: together they ask for a sum
# ("how large is the fund", "预算是多少"), unless things are counted ("多少家企业获得补贴").
_MONEY_NOUN = re.compile(
    r"\b(?:budget|invest(?:ment|ed|s)?|funding|funds?|subsid(?:y|ies)|grants?|costs?|prices?"
    r"|fees?|fines?|allowances?|rewards?|rent)\b|预算|投资|资金|基金|补贴|补助|费用|经费|罚款|奖励"
    r"|租金|价格|收费", re.I)
_SIZE_ASKED = re.compile(r"\bhow (?:much|large|big)\b|\bwhat is the (?:total |annual )?"
                         r"(?:budget|amount|cost|price|fee|fine)\b|多少|多大|规模|上限|金额", re.I)
_COUNTED = re.compile(rf"\bhow many\b|(?<!哪)(?:多少|几)[{_MEASURE}]", re.I)


def asked_kinds(question: str) -> set[Kind]:
    question = question.replace("啥", "什么").replace("咋", "怎么")  # everyday Chinese
    kinds = {kind for kind, words in QUESTION_WORDS.items() if words.search(question)}
    if (_MONEY_NOUN.search(question) and _SIZE_ASKED.search(question)
            and not _COUNTED.search(question) and not kinds & {Kind.PERCENT, Kind.DURATION}):
        kinds.add(Kind.MONEY)
    return kinds - {_NARROWER[k] for k in kinds if k in _NARROWER}


# What is counted ("how many staff positions", "多少名行政编制") or whose holder is asked ("who
# is the director of", "局长是谁"): a sentence that never names it answers something else.
_THING_EN = re.compile(
    r"\b(?:how many|who (?:is|was|are|were) the) ((?:[a-z-]+ ){0,2}?[a-z-]+?)"
    rf"(?= {_AUX}\b| (?:in|of|per|for|to|at|on|by)\b|\s*[?？]|$)", re.I)
_THING_ZH = re.compile(rf"(?<!哪)(?:多少|几)[{_MEASURE}]?([A-Za-z0-9]*[\u4e00-\u9fff]+)")
_HOLDER_ZH = re.compile(r"([\u4e00-\u9fff]+)(?:是谁|是哪[家个位])")


def asked_thing(question: str, kinds: set[Kind]) -> list[str]:
    """The words naming what a question counts or whose holder it asks for ([] if neither):
    an English phrase's head noun; a Chinese phrase's first and last words (it may run on
    into its clause) and the last two characters of a compound (its head: 发展局局长, 局长)."""
    if not kinds & {Kind.COUNT, Kind.PERSON, Kind.WHO}:
        return []
    if match := _THING_EN.search(question):
        return [match.group(1).split()[-1]]
    words: list[str] = []
    if match := _THING_ZH.search(question):
        words = segment(match.group(1)).split()
        words = list(dict.fromkeys([words[0], words[-1]])) if words else []
    elif match := _HOLDER_ZH.search(question):
        last = segment(match.group(1)).split()[-1]
        words = list(dict.fromkeys([last, last[-2:]]))
    return [w for w in words if len(w) > 1 or not has_cjk(w)]


def sentence_labels(sentence: Sentence, question: str,
                    stated: frozenset[float] = frozenset()) -> set[str] | None:
    """Labels of the entities in ``sentence`` that the question does not state itself (a date
    the question gives is no answer to "when", nor "310 million yuan" to a question about "the
    3.1亿元 fund": ``stated`` holds the values of its figures); None when its chunk was stored
    without NER."""
    raw = sentence.chunk.metadata.get(ENTITIES_KEY)
    if not isinstance(raw, str):
        return None
    offset = sentence.start - sentence.chunk.start
    text = sentence.chunk.text
    labels = set()
    for start, end, label, *value in json.loads(raw):
        inside = start >= offset and end <= offset + len(sentence.text)
        if inside and text[start:end].strip() not in question and not set(value) & stated:
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

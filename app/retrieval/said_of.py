"""Another subject's role (issue 23): an English question asking who holds a role ("who is the
*director* of the Alliance", "who was appointed director of …", "the name of the director of …")
asks that role of its subject. A sentence saying the role of another subject ("Chen Wei serves
as director of the *office*") states another's detail when the texts name the question's own
subject elsewhere; so does one not saying the role at all when another candidate says it. Where
no candidate says the word, the texts may say it otherwise ("headed by"), and nothing is judged.

The role is read from spaCy's parse of the question, not from its wording: the noun a "who" is
equated with by a copula or named to by its verb, reading through "the name of"; its subject is
the noun the role is "of" (or whose it is). Measured and not kept (round 29, decide30): the verb
a who/which/when question asks by ("which department *leads* …", "when is it to be
*completed*", its subject the verb's other argument) read the same way: 3 English probes better,
25 worse — answers say the event in other words ("by when will it *formulate* …": "study and
introduce … before"), and the verb and subject words recur in other sentences of the plan.
Round 30 (enrefuse31) reads a "when" question's subject alone, a common noun ("when did the city
tourism service *app* go online": the booking date of the scenic spots answers nothing), but not
one the documents' titles name ("the fare *concessions*", which the texts call "the measures");
and the holder of a phone number asked ("the phone number *of* the flood control headquarters").
Round 40 (zhrefuse41) reads a Chinese one's holder: the body LAC tags ORG before the way to reach
it (秦皇岛市财政局的咨询电话): a line its sentence gives with another body named and not this one
(车辆管理所，电话…) is the other body's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from app.numerals import ASKING_JI, CN_DIGITS, MEASURE_WORDS, ZH_BOUNDS
from app.retrieval.dictionary import chinese_terms
from app.retrieval.document_questions import ZH_WHEN
from app.retrieval.gazetteer import gazetteer
from app.retrieval.question_frame import question_frame
from app.retrieval.stems import content_stems
from app.retrieval.taggers import NOUNS, TAGGING, lac, parsed
from app.text import ORG_NOUNS_EN, ZH_BODY_NAME, ZH_ORG_END, has_cjk

_ROMAN = re.compile(r"[ivxlc]+", re.I)  # "Phase II", "Cloud Brain III": a number, no noun
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ASKING = frozenset({"WP", "WDT", "WRB", "WP$"})  # the first question word
_ZH_BODY = re.compile(ZH_BODY_NAME)  # 市财政局, 公安局交通警察支队车辆管理所
# The endings of Chinese agent nouns (解读人, 管理员, 局长, 主任, 律师): a role one person holds.
AGENT_ENDINGS = "人者员长任师官"


def said_of(question: str, candidates: Sequence[AbstractSet[str]], reached: bool = False,
            topic: AbstractSet[str] = frozenset()) -> list[frozenset[str]]:
    """The role an English ``question`` asks and its subject (stems), each that some of the
    ``candidates`` (their stems) says: a sentence lacking one states another's detail.
    ``reached``: it asks a way to reach one ("what is the phone number *of* the flood control
    headquarters"), which is its holder's only: another office's line answers nothing. An
    event's subject the documents' titles name (``topic``) is theirs: "the measures" say it."""
    if has_cjk(question):
        return []
    role, subject, _, when, rank = _asked(question, reached)
    return [words for words in (role, rank, subject) if words and not (when and words <= topic)
            and any(words <= other for other in candidates)]


def named_role(question: str) -> str:
    """The role whose holder's name an English ``question`` asks ("what is the name of the
    *deputy mayor* who chairs …", "of the *director* of …"), or "": one a person holds, as a
    Chinese rendering of it (CC-CEDICT) is an agent noun (副市长, 主任) — what 局长叫什么 asks by.
    A body's role (运营商, "operator") or a thing's name ("of the platform") is none."""
    if has_cjk(question) or "name" not in question.lower():
        return ""
    role = _asked(question)[2]
    return role if _title(role) else ""


def _title(role: str) -> bool:
    """Whether English ``role`` names a title one person holds: a Chinese rendering of it
    (CC-CEDICT) is an agent noun (副市长, 主任), and it is no body's (运营商, "operator")."""
    renderings = chinese_terms(role)
    return any(w[-1] in AGENT_ENDINGS for w in renderings) and not re.search(
        rf"\b{ORG_NOUNS_EN}$", role) and not any(w.endswith("商") for w in renderings)


@lru_cache(maxsize=256)
def _asked(question: str, reached: bool = False
           ) -> tuple[frozenset[str], frozenset[str], str, bool, frozenset[str]]:
    """The stems of the role ``question`` asks (none for a way to reach one, ``reached``: the
    number's form tells it), and of its subject's head noun; the role's words when read through
    "the name of"; whether it asks when; the stems of the role's own modifiers (its rank: a
    *deputy* head is another holder than the head a sentence names, when another says it)."""
    asking = question_frame(question).rest or question  # takes TAGGING itself: not inside it
    with TAGGING:
        doc = parsed(asking)
    wh = next((t for t in doc if t.tag_ in _ASKING), None)
    if wh is None or wh.lower_ in {"how", "why", "where"}:
        return frozenset(), frozenset(), "", False, frozenset()
    verb = wh.head
    while (verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"aux", "auxpass"}) \
            and verb.dep_ != "ROOT":  # "who has been appointed": "been" helps "appointed"
        verb = verb.head
    if wh.lower_ == "when":  # an event's date is its subject's: "when did the *app* go online",
        # or what it is for: "when can a station apply for its *subsidy*" asks the subsidy's
        # window, which the texts give without the applicant (an object, "take *effect*", is
        # often the event itself)
        subject = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                        for o in p.children if o.dep_ == "pobj"), None) or next(
            (c for c in verb.children if c.dep_ in _SUBJECTS), None)
        return frozenset(), _stems(_head_noun(subject) if subject is not None
                                   and subject.pos_ == "NOUN" else None), "", True, frozenset()
    if wh.tag_ not in {"WP", "WP$"} or (role := _role(verb, wh, reached)) is None:
        return frozenset(), frozenset(), "", False, frozenset()
    held = next((c for p in role.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"), None) or next(
        (c for c in role.children if c.dep_ == "poss"), None)
    named = role.head.head.lemma_ == "name"  # role <- of <- name
    words = " ".join(t.text for t in role.lefts if t.dep_ in {"compound", "amod"}) + " " + role.text
    # Its rank is an adjective ("*deputy* head"); a noun before it names its field ("contact");
    # a thing has none ("the *unified* data collection system" names which system).
    rank = _stems(*(t for t in role.lefts if t.dep_ == "amod" and t.pos_ == "ADJ")) if _title(
        role.text) else frozenset()
    return (frozenset() if reached else _stems(role)), _stems(_head_noun(held)), \
        words.strip() if named else "", False, frozenset() if reached else rank


def _role(verb: Any, asker: Any, reached: bool = False) -> Any:
    """The noun a "who"/"what" is equated with by a copula or named to by its verb ("appointed
    *director*"), read through "the name of": None when it asks none."""
    nouns = [c for c in verb.children if c != asker and c.pos_ == "NOUN"
             and (c.dep_ in {"attr", "oprd"} or (verb.lemma_ == "be" and c.dep_ in _SUBJECTS))]
    if not nouns or asker.pos_ == "NOUN":  # "which company is …": the body is asked, no role
        return None
    role = nouns[0]
    if asker.lower_ not in {"who", "whom"} and role.lemma_ != "name" and not reached:
        return None  # "what is the deadline" asks a date by its noun: no role
    if role.lemma_ == "name":
        role = next((c for p in role.children if p.lower_ == "of" for c in p.children
                     if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
    return role


def _head_noun(token: Any) -> Any:
    """The head noun of a name or phrase, a numeral after it skipped ("Phase *II*")."""
    if token is None:
        return None
    if token.pos_ == "PROPN" and _ROMAN.fullmatch(token.text):
        return next((c for c in reversed(list(token.lefts)) if c.dep_ == "compound"
                     and c.pos_ in NOUNS and not _ROMAN.fullmatch(c.text)), None)
    return token if token.pos_ in NOUNS else None


def _stems(*tokens: Any) -> frozenset[str]:
    return frozenset(s for t in tokens if t is not None for s in content_stems(t.text))


@lru_cache(maxsize=256)
def asked_body(question: str) -> str:
    """The body whose way to reach it a Chinese ``question`` asks (财政局 of
    秦皇岛市财政局的咨询电话), without its place and level: the last name LAC tags ORG (else a noun
    of three characters or more) ending in a body's word; "" if none."""
    with TAGGING:
        words = lac().run(question)
    named = [w for w, tag in words if tag == "ORG" and ZH_ORG_END.search(w)]
    body = (named or [w for w, tag in words if tag == "n" and len(w) > 2 and ZH_ORG_END.search(
        w)] or [""])[-1]  # a body LAC misses after 某市 (财政局, n)
    for start, end, _ in gazetteer().chinese_mentions(body):
        if start == 0:  # its place (秦皇岛) and level (市) say where, not which body
            body = body[end:]
    return body.lstrip("省市区县")


def another_body(question: str, text: str, said: Callable[[str, str], bool]) -> bool:
    """Whether ``text`` (a sentence with the lines before it in its paragraph) names another body
    than the one whose way to reach it Chinese ``question`` asks (``asked_body``) and does not
    ``said`` that one: the phone it gives is the other body's."""
    body = asked_body(question) if has_cjk(question) else ""
    return len(body) > 1 and not said(body, text) and any(
        not said(body, m.group()) for m in _ZH_BODY.finditer(text))



# A Chinese figure's owner (round 43): the verb phrase a time figure belongs to, by the clause
# structure and LAC's parts of speech. A time phrase closes on a locative of time (…内, 之前,
# 以后, 起: 10个工作日内完成审核) and governs the verb phrase after it in its clause (or the
# clauses after it, when it closes its own: 竣工验收后6个月内，申请人…申领); so does one a verb
# follows (期满前3个月提出申请). It opens on the event it counts from (演练结束后5个工作日内). A
# figure closing its clause is the object of the verb before it (公示5日).
_TIME_CLOSE = re.compile(r"(?:以|之)?[内前后]|起")
_OPENS_AFTER = re.compile(r"(?:以|之)?后|起")  # the event a span counts from closes on 后, 起
_CLAUSE = re.compile(r"[，；。：！？,;:!?、]")  # the marks closing a clause or a list item
_SENTENCE = re.compile(r"[；。！？;!?]")  # a clause run sharing its subject ends here
# Another figure ends the phrase: digits, or Chinese numerals counting (三年, 十五个; not 六盘水).
_FIGURE = re.compile(rf"\d|[{CN_DIGITS}十百千万]+(?=[{MEASURE_WORDS}年月日天周元万亿%])")
# A question word asking a time: a span (多少个工作日, 多长时间, 多久) or a day (何时, 哪天).
_UNIT = r"个?(?:工作)?(?:年|月|周|星期|天|日|小时|分钟)"  # of time, not of age (岁)
_ASKED_TIME = re.compile(rf"(?:多少|{ASKING_JI})(?:{_UNIT}|时间)|多久|多长时间|{ZH_WHEN}")
_TIME_FIGURE = re.compile(rf"[\d{CN_DIGITS}十]\s*{_UNIT}|\d日|月份?$")  # 3月31日
# Verbs that carry no event of their own (完成审核 is the 审核, 需要三天 the span): light verbs
# (进行, 给予), phase verbs (开始, 结束, 完成), modals and the copula.
_LIGHT = frozenset("进行 加以 给予 予以 作出 做出 开展 实施 实行 办理 开始 结束 完成 需要 "
                   "应当 必须 可以 能够 应该 需 须 要 应 能 可 是 为 有 在 于 到".split())


def owned_otherwise(question: str, text: str, start: int, end: int) -> bool:
    """Whether the time figure ``text[start:end]`` of a Chinese sentence belongs to another event
    than the one the Chinese ``question`` asks a time of: its verbs are none of the question's
    while the sentence says the asked event elsewhere (10个工作日内完成初审，报…复核 for 复核需要
    多少个工作日), or it counts from another event (演练结束后 for 培训结束后多少个工作日内)."""
    if not (asked := _ASKED_TIME.search(question)) or not _TIME_FIGURE.search(
            text[max(0, end - 6):end + 1]) or not has_cjk(text[start:end + 1]):
        return False
    wanted, owner = _asked_event(question, *asked.span()), _governed(text, start, end)
    # The cheap checks first: a phrase is tagged only when the question's verbs are not in it.
    if wanted and not any(w in owner for w in wanted) and any(w in text for w in wanted) and (
            own := _events(owner)) and not any(w in question for w in own):
        return True
    since, since_asked = _since(text, start), _events(_since(question, asked.start()))
    return bool(since_asked and since and not any(w in since for w in since_asked)
                and _events(since))


def _governed(text: str, start: int, end: int) -> str:
    """The words a figure at ``text[start:end]`` belongs to: the verb phrase after a time phrase,
    or the words before any other figure since the event it counts from, each within its clause
    and up to another figure."""
    closed = _TIME_CLOSE.match(text, end) or text[start:end].endswith(tuple("内前后起"))
    if closed or re.match(r"[\u4e00-\u9fff](?<!的)", text[end:end + 1]):
        after = text[closed.end() if isinstance(closed, re.Match) else end:][:100]
        run = _SENTENCE.split(after)[0]
        clause = _CLAUSE.split(run)[0]
        return _FIGURE.split(clause if clause.strip() or not closed else run)[0]
    before = _CLAUSE.split(text[max(0, start - 40):start])[-1]
    return _OPENS_AFTER.split(_FIGURE.split(before)[-1])[-1]


def _since(text: str, start: int) -> str:
    """The event a time figure at ``start`` counts from (演练结束 of 演练结束后5日内), if any."""
    before = _CLAUSE.split(text[max(0, start - 30):start])[-1]
    return _FIGURE.split(before)[-1] if re.search(rf"(?:{_OPENS_AFTER.pattern})$", before) else ""


@lru_cache(maxsize=256)
def _asked_event(question: str, start: int, end: int) -> frozenset[str]:
    """The verb whose time a Chinese ``question`` asks: of the phrase its question word governs
    (``_governed``), the verb nearest it (复核 of 复核需要多少个工作日, not 租房 of 租房补贴最多能领
    几年, whose 领 is one character: too short to tell, none)."""
    phrase = _governed(question, start, end)
    with TAGGING:
        words = [w for w, tag in lac().run(phrase) if tag in {"v", "vn"} and w not in _LIGHT]
    nearest = words[:1] if phrase and question.find(phrase, start) >= start else words[-1:]
    return frozenset(w for w in nearest if len(w) > 1)


@lru_cache(maxsize=4096)
def _events(phrase: str) -> frozenset[str]:
    """The verbs of a Chinese phrase (LAC: v, vn) of two characters or more, but the light ones."""
    if not phrase.strip():
        return frozenset()
    phrase = ZH_BOUNDS[0].sub("", ZH_BOUNDS[1].sub("", phrase))  # 不少于 bounds, no event
    with TAGGING:
        words = lac().run(phrase)
    return frozenset(w for w, tag in words if tag in {"v", "vn"} and len(w) > 1
                     and w not in _LIGHT)


# A time stated in a Chinese sentence: a date (2026年3月31日) or a span (10个工作日).
_STATED_TIME = re.compile(rf"(?:(?:19|20)\d\d年)?\d{{1,2}}月\d{{1,2}}[日号]"
                          rf"|[\d{CN_DIGITS}十]+\s*{_UNIT}")


def times_of_others(question: str, text: str) -> bool:
    """Whether every time a Chinese ``text`` states is another event's than the one ``question``
    asks a time of (``owned_otherwise``): it times none of it."""
    spans = [m.span() for m in _STATED_TIME.finditer(text)]
    return bool(spans) and all(owned_otherwise(question, text, *span) for span in spans)

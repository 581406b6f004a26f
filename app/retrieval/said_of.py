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

from app.retrieval.dictionary import chinese_terms
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


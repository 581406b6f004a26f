"""What a clause leaning on the one before it is about (issue 23: a question of several parts).

A later part of a question may lean on an earlier one in two ways, each a general fact of its
language, read by the taggers (``taggers``), never from wordings:

* English points back with a third-person or demonstrative pronoun ("…, and when does it end?",
  "which units are responsible for it?"), unless the clause has a subject of its own the pronoun
  may stand for ("when did Shenzhen issue its plan?");
* Chinese drops the subject a clause shares with the one before it (a pro-drop language): a
  clause opening on a verb, preposition, adverb or pronoun has none of its own
  ("…？由哪些单位负责？", "…，按什么比例？"); and it points back with 其, 它, 该, 这, 那 …

What it leans on is the earlier clause's topic: in English the subject by spaCy's dependency
parse, else its first object, whole ("Guangzhou's digital transformation pilot plan"), never the
phrase the question asks for ("how many participants"), and agreeing in number with the pronoun
pointing to it ("it": not "participants"); in Chinese, which puts its topic first, the nouns it
opens with, by LAC ("辽源犬只狂犬病疫苗的经费|由谁分担").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from app.in_situ import ZH_ASKS, asking_part
from app.numerals import MEASURE_WORDS
from app.retrieval.taggers import NOUNS, TAGGING, lac, parsed
from app.text import content_tokens, has_cjk, stem

# Chinese third-person and demonstrative pronouns begin with one of these morphemes (这个, 该项,
# 其, 它们, 上述); interrogative ones (什么, 谁, 哪, 多少) do not: the closed pronoun class.
ZH_POINTING = ("这", "那", "该", "此", "其", "它", "他", "她", "上述")
# LAC's tags (its tag.dic) of what may stand in a Chinese topic: nouns, names, places, bodies,
# numbers and measure words inside a noun phrase (第四部分), and the particle 的 joining them.
_ZH_NOUNS = frozenset({"n", "nz", "nw", "vn", "an", "ns", "nt", "nr", "s", "LOC", "ORG", "PER"})
_ZH_NOMINAL = _ZH_NOUNS | {"a", "m", "q", "u"}
_ZH_ASKING_NUMERAL = "几"  # LAC tags it a number (几年, 几项), yet it asks
_QUOTES = set("“”\"'‘’《》「」")
_ZH_OPENING_LINK = "c"  # a conjunction before the clause (以及, 还有): no part of it
_SUBJECTS = ("nsubj", "nsubjpass")
# Dependents that are noun phrases of their own: subjects, objects, a copula's attribute, a
# possessor ("Zhanjiang's cases").
_ARGUMENTS = {*_SUBJECTS, "dobj", "pobj", "attr", "poss", "appos"}
_WH_TAGS = {"WP", "WDT", "WRB", "WP$"}
_ZH_PLACES = frozenset({"ns", "LOC"})  # LAC's tags of a place's name
# A count asked by a measure word (几项, 多少个) and what it counts, or none (a clause's end).
_COUNT_OF = re.compile(rf"(?<!哪)(?:多少|几)([{MEASURE_WORDS}])([\u4e00-\u9fff]{{2,10}}?)"
                       r"(?=\s*[？?，,]|\s*$)")
_BARE_COUNT = re.compile(rf"(?<!哪)(?:多少|几)([{MEASURE_WORDS}])(?=\s*[？?，,]|\s*$)")


def leans_back(clause: str) -> bool:
    """Whether ``clause`` is about what an earlier clause named, by the rules above."""
    if has_cjk(clause):
        tags = [tag for _, tag in _chinese(clause)] + ["", "", ""]
        # A noun phrase opens on a noun, or an adjective or ordinal before one (总投资, 第五部分),
        # or joined to it by 的, the attributive particle (最后的保障措施).
        opens = tags[0] in _ZH_NOUNS or (tags[0] in {"a", "m"} and _ZH_NOUNS & {
            tags[1], tags[2] if tags[1] == "u" else ""})
        return not opens or any(_points_zh(word, tag) for word, tag in _chinese(clause))
    with TAGGING:
        doc = parsed(clause)
    # A possessive may stand for the clause's own subject ("Shenzhen … its plan"); a pronoun
    # the verb takes as its object or subject never does (it is the subject or not its own).
    own = any(t.dep_ in _SUBJECTS and _names_a_thing(t) for t in doc)
    return any(_points_en(t) and not (own and "Yes" in t.morph.get("Poss")) for t in doc)


def points_back(clause: str, possessive: bool = True) -> bool:
    """Whether ``clause`` leans back by a pronoun ("…build for it", 那场培训), not only by a
    subject left out: what it asks of is then its own words' thing, not the earlier topic.
    ``possessive=False``: an English possessive ("the interpreter of its plan") is not counted:
    the clause asks of a thing it names, only owned by the one before."""
    if has_cjk(clause):
        return any(_points_zh(word, tag) for word, tag in _chinese(clause))
    with TAGGING:
        return any(_points_en(t) and (possessive or "Yes" not in t.morph.get("Poss"))
                   for t in parsed(clause))


def elliptical(clause: str) -> bool:
    """Whether ``clause`` has no verb of its own ("按什么比例？", "and in which year?"): it asks
    what the clause before it asked, its predicate left out as well as its subject."""
    if has_cjk(clause):
        return not any(tag in {"v", "vd"} for _, tag in _chinese(clause))
    with TAGGING:
        return not any(t.pos_ in {"VERB", "AUX"} for t in parsed(clause))


def topic(clause: str, leaning: str = "") -> str:
    """The topic of ``clause`` that ``leaning`` (a later clause pointing back) may be about; ""
    when the taggers find none."""
    if has_cjk(clause):
        found = _chinese(re.split("[:：]", clause)[-1])  # not a lead-in's words ("请回答：")
        nominal = [(w, tag) for w, tag in found[:next((n for n, (w, tag) in enumerate(found) if (
            (tag not in _ZH_NOMINAL and w not in _QUOTES) or _points_zh(w, tag)
            or w.startswith(_ZH_ASKING_NUMERAL))), len(found))]]
        while nominal and nominal[-1][1] not in _ZH_NOUNS and nominal[-1][0] not in _QUOTES:
            nominal.pop()  # a phrase ends on its noun (not 湛江连续, 的)
        owner = next((n for n, (w, tag) in enumerate(nominal) if tag == "u"), 0)
        # A clause dropping its subject yet naming its own object ("…规模多大？要建几个实验室？")
        # has the place owning the topic (深圳 of 深圳的…规模) for its subject: a size builds none.
        if owner and leaning and all(tag in _ZH_PLACES for _, tag in nominal[:owner]) and (
                _own_object(leaning, clause)):
            nominal = nominal[:owner]
        opening = "".join(w for w, _ in nominal)
        # Chinese opens on who or where and asks of a thing later ("玉树挖虫草的生态保证金交
        # 多少？能退吗？", "鹤岗硕士毕业生…，每个月生活补贴多少？能领几年？"): a clause naming
        # no noun of its own (nor pointing to one) asks of that thing too, the phrase its
        # question word measures.
        asked = _asked_of(clause) if opening and leaning and not any(
            _points_zh(w, tag) or (tag in _ZH_NOUNS and len(w) > 1) for w, tag in _chinese(
                leaning)) else ""
        return f"{opening} {asked}".strip() if asked and asked not in opening else opening
    with TAGGING:
        doc, pointing = parsed(clause), parsed(leaning) if leaning else ()
    number = {n for t in pointing if _points_en(t) for n in t.morph.get("Number")}
    # The subject first, then each phrase holding a name, then the others, each in order (a
    # possessor after the phrase it opens): a pronoun stands for a thing named more than a kind.
    heads = sorted((t for t in doc if t.dep_ in _ARGUMENTS and _names_a_thing(t)), key=lambda t: (
        t.dep_ not in _SUBJECTS, all(w.pos_ != "PROPN" for w in t.subtree),
        t.head.i + 0.5 if t.dep_ == "poss" else t.i))
    for head in heads:
        if not number or number & set(head.morph.get("Number")):
            return _phrase(head)
    return ""


def _asked_of(clause: str) -> str:
    """The noun phrase a Chinese question asks of: the last one (holding a noun other than a
    place's name) before the question word of its asking clause (第二年房租 of "…进孵化园，第二年
    房租能减多少？"); "" when none stands before it."""
    words = _chinese(asking_part(clause))
    ask = next((n for n, (w, _) in enumerate(words) if ZH_ASKS.match(w)
                or w.startswith(_ZH_ASKING_NUMERAL)), len(words))
    runs: list[list[tuple[str, str]]] = [[]]
    for word, tag in words[:ask]:
        if tag in _ZH_NOMINAL and not _points_zh(word, tag) and (runs[-1] or tag != "u"):
            runs[-1].append((word, tag))  # (a phrase opens on no 的)
        elif runs[-1]:
            runs.append([])
    for run in reversed(runs):
        while run and run[-1][1] not in _ZH_NOUNS:
            run.pop()  # a phrase ends on its noun
        if any(tag in _ZH_NOUNS - _ZH_PLACES for _, tag in run):
            return "".join(w for w, _ in run)
    return ""


def _own_object(clause: str, before: str) -> bool:
    """Whether a Chinese clause pointing back with no pronoun names a noun of its own after its
    verb, one ``before`` does not (要建几个人工智能联合实验室: 实验室), not only what it asks
    (由哪些部门发布) or the thing before again (…一期算力多大？建成后为谁提供算力？)."""
    words = _chinese(clause)
    verb = next((n for n, (_, tag) in enumerate(words) if tag in {"v", "vd"}), len(words))
    nouns = [w for w, tag in words[verb + 1:] if tag in _ZH_NOUNS and len(w) > 1]
    return not any(_points_zh(w, tag) for w, tag in words) and bool(nouns) and (
        nouns[-1] not in before)


def counted_as_before(clause: str, before: str) -> str:
    """``clause`` with the noun the clause ``before`` counted after a bare measure word it asks
    by ("…有几项任务？…那部分又有几项？": 几项任务): Chinese leaves out a counted noun just said."""
    if not has_cjk(clause) or not (bare := _BARE_COUNT.search(clause)) or not (
            counted := _COUNT_OF.search(before)) or counted.group(1) != bare.group(1):
        return clause
    return f"{clause[:bare.end()]}{counted.group(2)}{clause[bare.end():]}"


def _chinese(clause: str) -> list[tuple[str, str]]:
    """LAC's words and tags of a Chinese clause, its question mark and opening link left off."""
    with TAGGING:
        found = [(w, t) for w, t in lac().run(clause.rstrip("？?。 ")) if w.strip()]
    return found[1:] if found and found[0][1] == _ZH_OPENING_LINK else found


def _points_zh(word: str, tag: str) -> bool:
    return tag in {"r", "f"} and word.startswith(ZH_POINTING)


def _points_en(token: Any) -> bool:
    """A third-person personal pronoun or a demonstrative: it, its, they, them, this, those."""
    kind = token.morph.get("PronType")
    return token.pos_ in {"PRON", "DET"} and ("Dem" in kind or (
        "Prs" in kind and "3" in token.morph.get("Person")))


def _names_a_thing(head: Any) -> bool:
    """A noun phrase naming something: a noun's, holding neither a wh-word (the phrase asked
    for) nor a pronoun."""
    return head.pos_ in NOUNS and not any(
        t.tag_ in _WH_TAGS or t.pos_ == "PRON" for t in head.subtree)


def _phrase(head: Any) -> str:
    """The noun phrase ``head`` heads, up to its head: its possessor and modifiers, not its
    article, nor a prepositional phrase or clause after it."""
    start = min(t.i for t in head.subtree)
    start += head.doc[start].lower_ in {"the", "a", "an"}
    return head.doc[start:head.i + 1].text


# The question's parts while one of them is answered: that part's text (with the words it
# borrowed), its own words and the other parts' (``answering.compose`` sets it around each part):
# the question's context, which the answerers' protocol (one question, its retrieval) lacks.
_PARTS_BESIDE: ContextVar[tuple[str, str, str] | None] = ContextVar("parts_beside", default=None)


@contextmanager
def answering_part(text: str, asked: str, others: list[str]) -> Iterator[None]:
    """Within it, ``of_another_part`` reads candidates for the part asking ``asked`` (``text``
    with what it borrowed) beside the parts ``others``."""
    token = _PARTS_BESIDE.set((text, asked, " ".join(others)))
    try:
        yield
    finally:
        _PARTS_BESIDE.reset(token)


def of_another_part(sentence: str) -> bool:
    """Whether ``sentence`` answers another part of the question than the one being answered: it
    says none of this part's words (less a lone character: 的, 按) and some of another part's
    that this one lacks. Only a part saying words of its own beyond a word (not "how many in the
    third?", "一个月补多少？", read by the words they borrowed), in the sentence's language (an
    English sentence says no Chinese part's words). Regressions (round 36): 辽源's "多久年检一次？
    …几日内办理注销？" (the first part's reader, asking a time, ran on from the restated
    "养犬登记证每年年检一次。" to the 15日内注销 sentence); Daqing's "…, and how many hours … if he
    becomes severely disabled?" (read beside the meal sentence, it quoted the next one on meals)."""
    if (parts := _PARTS_BESIDE.get()) is None or has_cjk(sentence) != has_cjk(parts[1]):
        return False
    said, text, asked, others = ({t for t in content_tokens(words) if len(t) > 1} for words in (
        sentence, *parts))
    return len(asked - others) > 1 and not any(_inflected(a, b) for a in said for b in text) \
        and bool(said & (others - text))


def _inflected(word: str, other: str) -> bool:
    """Whether two words are one, English ones by the project's stemmer ("cap", "capped";
    "year", "yearly"); Chinese words are not inflected (登记 is no 登记证)."""
    return word == other or (word.isascii() and other.isascii() and stem(word) == stem(other))

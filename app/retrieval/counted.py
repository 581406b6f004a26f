"""What a figure counts or measures, and what a question asks the count or size of (issue 23).

"How many experts are on the committee" is not answered by "nearly one hundred participants
attended", nor "how large is the zone's planned area" by "released eight measures": the
sentence holds a figure of the kind asked, but of another noun. The noun a figure is attached
to comes from spaCy's parse of an English sentence (the noun a number modifies, ``nummod``; a
unit's own noun in "a scale of 500P", "a fund of 310 million yuan") and, in Chinese, from the
language's own order (number, measure word, the noun counted: 600个基层服务岗位). Where the
attachment cannot be read (a bare "29", "计划完成加装电梯150部"), the figure is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from app.chinese_words import tagged
from app.numerals import CN_DIGITS, MEASURE_WORDS, NUMBER_WORD
from app.retrieval.agent_nouns import agent_verbs
from app.retrieval.dictionary import chinese_terms, naming, naming_ways
from app.retrieval.stems import content_stems
from app.retrieval.taggers import NOUNS, TAGGING, parsed
from app.text import has_cjk, sentence_spans

# A count in Chinese: a number, a measure word, the characters it counts (to a mark, 的, 和).
_COUNTED_ZH = re.compile(rf"(?:\d+(?:\.\d+)?|[{CN_DIGITS}十百千万]+)\s*多?余?[{MEASURE_WORDS}]"
                         r"([\u4e00-\u9fff]{1,10})")
# What a Chinese question counts (多少个5G基站, 几条支持AI终端的措施), to a break.
COUNT_OF_ZH = re.compile(rf"(?<!哪)(?:多少|几)([{MEASURE_WORDS}]?)([^，。？?！；;、\s]*)")
# jieba's tags a counted noun phrase is made of (an attribute verb too: 联合 of 联合实验室).
_PHRASE_ZH = ("n", "vn", "v", "eng", "m", "l", "t", "a", "b", "q")
# Nouns that count any person ("how many people", 多少人): which kind of person a sentence
# counts ("participants") the dictionary cannot tell, so such a count is not judged by its noun.
_ANY_PERSON = re.compile(r"^(?:people|person|persons|individuals?)$", re.I)
# ... but it counts persons: Chinese writes a noun of persons with an agent morpheme last (参与者,
# 居民, 人员, 专家, 学生), so an English noun whose renderings do is one ("participants"), and one
# whose renderings do not ("measures" 措施, "scale" 规模) counts no one.
PERSONS = "person"
_AGENT = re.compile("[者人员民家生]$")


def asked_nouns(question: str) -> tuple[str, ...]:
    """The nouns a question asks the count of: of an English "how many X", X's lemma by the
    parse; of a Chinese question, the head of the phrase 多少/几 counts (its last noun, after a
    的: 措施 of 几条支持AI终端的措施). () when none, or any person."""
    if not has_cjk(question):
        return tuple(w for w in _how_many(question) if not _ANY_PERSON.match(w))
    if count := COUNT_OF_ZH.search(question):
        if not count.group(1) and count.group(2).startswith("人"):
            return ()  # 多少人: any person (多少个人工智能…: a count of other things)
        if head := head_noun(count.group(2).split("的")[-1] or count.group(2)):
            return (head,)
    return ()


def asked_counts(question: str) -> tuple[str, ...]:
    """``asked_nouns``, with ``PERSONS`` for an English count of any person ("how many people")."""
    persons = not has_cjk(question) and any(map(_ANY_PERSON.match, _how_many(question)))
    return asked_nouns(question) + (PERSONS,) * persons


def counted_or(question: str, otherwise: str, by_act: bool = False) -> list[str]:
    """What an English "how many" counts by the parse, [] for any person ("roughly how many people
    took part": no sentence need say "people"), else ``otherwise`` (the parse reads no noun
    counted: "how many staff positions X has been given", its "positions" tagged a verb), and
    (``by_act``: a body acting is asked) the verb it is the agent noun of ("who are the
    co-builders": "built by" names them; not an office's: "director" is no "directed by")."""
    nouns = _how_many(question)
    return [otherwise, *agent_verbs(otherwise) * by_act] if not nouns else [] if _ANY_PERSON.match(
        nouns[-1]) else [nouns[-1]]


def head_noun(phrase: str) -> str:
    """The head of a Chinese noun phrase: its last noun, with a one-character word that ends
    the phrase (服务点 of 老年助餐服务点)."""
    head = ""
    words = tagged(phrase)
    for i, (word, flag) in enumerate(words):
        # A verb after the noun starts what is said of it (领域 of 重点领域统筹推进…落地): a verb
        # is an attribute only before its noun (联合实验室).
        if not flag.startswith(_PHRASE_ZH) or (head and flag.startswith("v") and flag != "vn"):
            break
        if flag.startswith("n") or flag == "vn":
            head = word
        elif head and len(word) == 1 and i == len(words) - 1:
            head = words[i - 1][0] + word
    return head if len(head) > 1 else ""


@lru_cache(maxsize=512)
def _how_many(question: str) -> tuple[str, ...]:
    with TAGGING:
        doc = parsed(question)
    return tuple(chunk.root.lemma_.lower() for chunk in _counted_phrases(doc))


def _counted_phrases(doc: Any) -> list[Any]:
    """The noun phrases "how many" opens ("how many new-energy refrigerated trucks")."""
    return [chunk for chunk in doc.noun_chunks
            if any(t.lower_ == "many" and t.nbor(-1).lower_ == "how" for t in chunk if t.i)]


def counts(text: str, start: int, end: int, asked: tuple[str, ...], read_back: bool = True
           ) -> bool:
    """Whether the figure at ``start:end`` of ``text`` may count or measure one of the ``asked``
    nouns: it does unless the noun it is attached to is read and is another. With ``read_back``,
    a text naming none of them (the question says "jobs", it says "tasks") or one before the
    figure in its sentence (a broader word refers back: "trucks … 30 vehicles") is not judged."""
    if (attached := attached_noun(text, start, end)) is None or any(same_noun(n, attached)
                                                                for n in asked):
        return True
    opening = max((s for s, _ in sentence_spans(text) if s <= start), default=0)
    return read_back and (not any(same_noun(n, text) for n in asked)
                          or any(same_noun(n, text[opening:start]) for n in asked))


def attached_noun(sentence: str, start: int, end: int) -> str | None:
    """The nouns the figure at ``start:end`` counts or measures, or None when unread."""
    if has_cjk(sentence):
        found = _COUNTED_ZH.match(sentence, start)
        found = found or next((m for m in _COUNTED_ZH.finditer(sentence, max(0, start - 2), end + 2)
                               if m.start() <= start < m.end()), None)
        return (head_noun(found.group(1)) or None) if found else None  # 50家以上: no noun after it
    with TAGGING:
        doc = parsed(sentence)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token, nouns = span.root, []
    if token.dep_ in {"nummod", "quantmod", "compound"} and token.head.pos_ in NOUNS:
        token = token.head  # "eight measures", "nearly one hundred participants"
    if token.pos_ in NOUNS and not token.like_num:
        nouns.append(token.lemma_)  # the noun counted, or a unit: "yuan"
    while token.dep_ in {"poss", "nmod", "compound", "conj"} and token.head.pos_ in NOUNS:
        token = token.head  # "500 master's and doctoral students"
        nouns.append(token.lemma_)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in NOUNS:
        nouns.append(token.head.head.lemma_)  # what it is the size of: "a scale of 500P"
    return " ".join(nouns).lower() or None


def same_noun(asked: str, attached: str) -> bool:
    """Whether ``attached`` names the ``asked`` noun: itself, or a rendering in the other
    language (the dictionary's: 专家 "expert", 研究生 "graduate student", "elevator" 电梯), by
    its head, the last word ("students" for "graduate student")."""
    if asked.lower() in attached.lower():
        return True
    if asked == PERSONS:  # unknown to the dictionary ("attendees"): not judged
        renderings = chinese_terms(attached.split()[-1])[:3]
        return not renderings or any(map(_AGENT.search, renderings))
    pattern = naming(asked)
    heads = {w.split()[-1] for w in naming_ways(asked) if " " in w}
    return bool(pattern and pattern.search(attached)) or any(
        re.search(rf"(?<![a-z]){re.escape(h)}", attached, re.I) for h in heads)


def names_persons(noun: str) -> bool:
    """Whether an English ``noun`` names persons: one of its Chinese renderings ends in an agent
    morpheme (学徒, 用户, 成员; not 炉子 nor 窗户)."""
    return any(map(_AGENT.search, chinese_terms(noun)[:3]))


def states_count_of(text: str, asked: tuple[str, ...], question: str) -> bool:
    """Whether English ``text`` counts an ``asked`` noun by a cardinal the parse attaches to it
    ("will train 800 … workers a year"), one the ``question`` does not state itself: the count a
    "how many" asks, though the small NER model tags no CARDINAL there (it missed "800" before
    "photovoltaic installation … workers")."""
    if has_cjk(text + question) or not any(c.isdigit() for c in text) or not any(
            same_noun(n, text) for n in asked):  # parsed only when it may: it names the noun
        return False
    with TAGGING:
        doc, asking = parsed(text), parsed(question)
    # The words narrowing the noun asked ("*energy storage* maintenance workers") must be said:
    # a count missed by NER is read only as the very thing asked, not a sibling kind of it.
    narrowing = {s for c in _counted_phrases(asking) for s in _kind_words(c.root)}
    return not narrowing - set(content_stems(text)) and any(
        t.tag_ == "CD" and t.dep_ == "nummod" and t.head.pos_ in NOUNS and any(
            same_noun(n, t.head.lemma_) for n in asked) and t.text not in question
        and any(c.isdigit() for c in t.text) for t in doc)  # in digits: "from one bus to another"


def may_count(text: str, asked: tuple[str, ...], read_back: bool = True) -> bool:
    """Whether some figure of ``text`` may count or measure an ``asked`` noun (``counts``), or
    none is asked, or it holds no figure: "Nearly one hundred participants" counts no projects."""
    if not asked:
        return True
    # A Chinese text's counts, and any other figure in digits ("500P": not judged).
    spans = [m.span() for m in (*_COUNTED_ZH.finditer(text), *re.finditer(r"\d+", text))
             ] if has_cjk(text) else cardinals(text)
    # A sentence with no cardinal ("a scale of 500P") counts no persons.
    return (not spans and PERSONS not in asked) or any(counts(text, start, end, asked, read_back)
                                                        for start, end in spans)


def cardinals(text: str) -> list[tuple[int, int]]:
    """The spans of an English text's cardinals, a figure's words together ("one hundred", "310
    million"; not an ordinal's "Second, …")."""
    with TAGGING:
        doc = parsed(text)
    runs: list[list[int]] = []
    for t in (t for t in doc if t.tag_ == "CD"):
        if runs and runs[-1][1] == t.idx - len(t.nbor(-1).whitespace_):
            runs[-1][1] = t.idx + len(t)
        else:
            runs.append([t.idx, t.idx + len(t)])
    return [(start, end) for start, end in runs]


# A figure in English: digits or a number word (NUMBER_WORDS), the cheap check before a parse.
_EN_FIGURE = re.compile(rf"\d|\b(?:{NUMBER_WORD})\b", re.I)


@lru_cache(maxsize=4096)  # per candidate sentence, and the same ones come back per question
def counted_nouns(text: str) -> tuple[str, ...]:
    """The nouns an English text's cardinals count, by the parse: "indicator" of "11 key evaluation
    indicators" (() for Chinese text, whose counts the dictionary reads, or one with no figure)."""
    if has_cjk(text) or not _EN_FIGURE.search(text):
        return ()
    return tuple(dict.fromkeys(n.split()[0] for s, e in cardinals(text)
                               if (n := attached_noun(text, s, e))))


# Words of a noun's left side that do not say which kind of it is counted: its determiner,
# possessor, count, "how many" itself.
_NOT_KIND = frozenset({"det", "poss", "nummod", "quantmod", "punct", "case", "predet"})


def _kind_words(noun: Any, relations: AbstractSet[str] = frozenset()) -> frozenset[str]:
    """The stems of the words before ``noun`` in its phrase that narrow which kind of it is
    meant (amod, compound and their own modifiers: "new", "rural", "fast-charging"), or only
    those in the given ``relations``."""
    return frozenset(s for c in noun.lefts if c.dep_ not in _NOT_KIND
                     and (not relations or c.dep_ in relations) for t in c.subtree
                     if t.is_alpha and t.pos_ not in {"PROPN", "DET", "PRON"}
                     and t.lower_ not in {"how", "many"} for s in content_stems(t.text))


@lru_cache(maxsize=256)
def _asked_kind(question: str) -> tuple[str, frozenset[str]] | None:
    """The noun an English "how many" counts and the stems of the adjectives narrowing it ("new",
    "existing", "rural"; a compound noun is rather the thing's name: "use cases"), or None."""
    if has_cjk(question):
        return None
    with TAGGING:
        doc = parsed(question)
    nouns = [c.root for c in _counted_phrases(doc)]
    return (nouns[-1].lemma_.lower(), _kind_words(nouns[-1], {"amod"})) if nouns else None


def counts_another_kind(question: str, sentence: str, texts_say: AbstractSet[str]) -> bool:
    """Whether English ``sentence`` counts the noun a "how many" question counts only as another
    kind of it: a modifier the question narrows the noun with ("*rural* clinics", "*existing*
    stations"), which other passages (``texts_say``, their stems) say, is said nowhere in the
    sentence, and each count of the noun there has a modifier of its own the question does not
    say ("12 *community* clinics", "6 *new* stations"). A modifier no passage says is the
    asker's own wording ("headline indicators"), and a count with no modifier of its own may be
    the whole the question asks a part of, or the part: neither is judged."""
    if has_cjk(sentence) or not (asked := _asked_kind(question)):
        return False
    if not (asked[1] - set(content_stems(sentence))) & texts_say:
        return False
    with TAGGING:
        doc = parsed(sentence)
    counted = [t.head for t in doc if t.dep_ == "nummod" and t.head.pos_ in NOUNS
               and same_noun(asked[0], t.head.lemma_)]
    said = set(content_stems(question))
    return bool(counted) and all(_kind_words(n) - said for n in counted)

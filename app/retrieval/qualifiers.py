"""The nouns a question narrows what it asks with (issue 23): "cases in the *education* field",
"*industrial internet* platform projects", 农村家庭, 数据券. A figure stated of the thing without
that qualifier, in a sentence that does not name it while another passage retrieved with it
does, is the figure of another subject ("eight of which in the healthcare field" for the
education field; "每平方米补贴15元" of 城镇集中供热家庭 for 农村家庭): the texts speak of the
qualified thing elsewhere, and not here. A qualifier no passage holds is not judged: a question's
own wording ("a project's budget") is no subject of the texts.

English qualifiers come from spaCy's parse of the question (a noun compounded with another, or
the object of a preposition attached to a noun); Chinese ones from jieba's tags (a noun directly
before another noun), the language's order of modifier before head.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any, TypeVar

from app.chinese_words import tagged, words_before
from app.in_situ import ZH_ASKS
from app.numerals import labels
from app.retrieval.counted import asked_nouns
from app.retrieval.dictionary import dictionary, one_sense
from app.retrieval.holders import noun_phrases, other_holder
from app.retrieval.modifiers_zh import other_modifier, other_purpose, siblings
from app.retrieval.question_frame import asked_parse
from app.retrieval.recipients import hyphened
from app.retrieval.stems import content_stems
from app.retrieval.taggers import COMMON_NOUNS_ZH, NOUNS, TAGGING, parsed
from app.text import STOPWORDS, content_tokens, has_cjk, stem

_ZH_NOUNS = ("n", "vn")  # jieba's common nouns and verbal nouns; not names of places or people
T = TypeVar("T")  # how a reading is held: its text, or its set of stems


@lru_cache(maxsize=256)
def qualifiers(question: str) -> tuple[str, ...]:
    """The common nouns that qualify another noun of ``question`` (not of the asker's frame:
    "a session for county officials")."""
    if has_cjk(question):
        words = tagged(question)
        # A word jieba keeps whole that the dictionary knows only as two (教育领域: 教育 + 领域)
        # is qualified by its first.
        return tuple(w for (w, f), (_, g) in zip(words, [*words[1:], ("", "")], strict=True)
                     if f in _ZH_NOUNS and len(w) > 1 and g in _ZH_NOUNS) + tuple(
            p for w, f in words if f in _ZH_NOUNS for p in _qualifying_pieces(w))
    return tuple(word for word, _ in _english_qualifiers(question))


@lru_cache(maxsize=256)
def _english_qualifiers(question: str) -> tuple[tuple[str, str], ...]:
    """Each qualifier of an English ``question`` with the noun it qualifies."""
    doc = asked_parse(question)
    # A noun compounded with another ("education field"), the object of a preposition attached
    # to a noun ("points for helicopters") or of "per" ("per household"), or the object of a
    # clause describing a noun ("measures supporting AI terminals"). A hyphenated word's nouns
    # are an adjective's parts ("city-level": "municipal"), not a thing of their own.
    return tuple((t.text, _qualified(t)) for t in doc if t.pos_ == "NOUN" and not hyphened(t) and (
        (t.dep_ == "compound" and _nominal(t.head) and not _circumstance(t))
        or (t.dep_ == "pobj" and t.head.dep_ == "prep" and (
            _nominal(t.head.head) or t.head.lower_ == "per"))
        or (t.dep_ == "dobj" and t.head.dep_ == "acl" and _nominal(t.head.head))))


def _qualified(token: Any) -> str:
    """The noun ``token`` qualifies: a compound's last noun, a preposition's or a describing
    clause's noun."""
    head = token.head.head if token.head.dep_ in {"prep", "acl"} else token.head
    while head.dep_ == "compound":
        head = head.head
    return str(head.text)


def _nominal(token: Any) -> bool:
    """Whether ``token`` is a noun used as one: a "noun" with a subject or an auxiliary of its
    own is a verb the tagger misread ("How does X's fund group *compare* in size?")."""
    return bool(token.pos_ in NOUNS
                and not any(c.dep_ in {"nsubj", "aux"} for c in token.children))


def _circumstance(token: Any) -> bool:
    """Whether ``token``'s noun phrase is a verb's circumstance ("made at the launch event",
    "keep in its city-level stockpile"): where or when, not which thing is asked of."""
    head = token.head
    while head.dep_ == "compound":
        head = head.head
    return bool(head.dep_ == "pobj" and head.head.head.pos_ in {"VERB", "AUX"})


def _qualifying_pieces(word: str) -> list[str]:
    """The words before the last of the dictionary words that make up ``word``, when it is no
    dictionary word itself (人工智能 is one; 教育领域 is 教育 + 领域)."""
    pieces = dictionary().pieces(word)
    return pieces[:-1] if len(pieces) > 1 and min(map(len, pieces)) > 1 else []


def said_elsewhere(question: str, readings: Sequence[T], holds: Callable[[str, T], bool],
                   topic: T) -> list[str]:
    """The qualifiers of ``question`` some of ``readings`` hold (``holds(word, reading)``), not
    words of the ``topic`` (a document's title, which names every passage's subject), nor of a
    noun the topic holds: they say which document ("Guangzhou's new infrastructure action
    *plan*", a follow-up's rewrite of another place's plan's name), not what of it."""
    heads = {} if has_cjk(question) else dict(_english_qualifiers(question))
    return [q for q in qualifiers(question) if not holds(q, topic)
            and not (q in heads and holds(heads[q], topic)) and any(holds(q, r) for r in readings)]


# Dependencies of a noun's modifiers before it ("fuel cell vehicles", "second-phase investment").
_MODIFIERS = frozenset({"compound", "amod", "nmod"})


@lru_cache(maxsize=256)
def _noun_phrases(question: str) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """Each noun phrase of an English ``question`` (``holders.noun_phrases``) as stems in order,
    each marked whether it is a common noun (not an adjective: "the *maximum* subsidy" is any
    subsidy's)."""
    doc = asked_parse(question)
    return tuple(tuple((s, pos == "NOUN") for _, stems, pos in phrase for s in stems
                       if s not in STOPWORDS) for phrase in noun_phrases(doc, skip_asked=False))


def contrasted(question: str, sentence: str, found: set[str], asked: set[str],
               topic: set[str]) -> bool:
    """Whether ``sentence`` (its stems ``found``) names what an English ``question`` asks of
    with another common noun in its modifier's place, and never the question's: "AI *unicorn*
    enterprises" for "AI *robot* enterprises", "*intelligence* joint laboratories" for "humanoid
    *robot* joint laboratories". ``asked``: the question's stems; ``topic``: its documents' titles'
    (which name every passage's subject)."""
    if has_cjk(question) or has_cjk(sentence):
        return False
    if other_holder(question, sentence, found):  # "full-time training" for part-time
        return True
    said = content_stems(sentence)
    for phrase in _noun_phrases(question):
        for k in range(1, len(phrase)):  # the longest part of the phrase the sentence says
            tail = [s for s, _ in phrase[k:]]
            at = next((j for j in range(1, len(said) - len(tail) + 1)
                       if list(said[j:j + len(tail)]) == tail), None)
            if at is None:
                continue
            # Its common noun nearest the tail, past adjectives ("*battery* electric vehicles").
            mine, noun = next((p for p in phrase[k - 1::-1] if p[1]), phrase[k - 1])
            other = said[at - 1]
            if noun and mine not in found | topic and other not in asked \
                    and other.isalpha() and (word := _modifier(sentence, other, tail[0])) \
                    and not any(one_sense(word, w) for w in content_tokens(question)):
                return True
            break
        if _other_head(question, sentence, phrase, found | topic, asked):
            return True
    return False


def relabelled(question: str, sentence: str) -> bool:
    """Whether ``sentence`` numbers a noun the English ``question`` numbers with other numbers
    only: grade 1 motors for "grade 2", level-one or level-two for "level-three", the first
    phase for "second-phase", first prize for "second prize" (``app.numerals.labels``)."""
    if not (asked := _noun_labels(question)):
        return False
    said = labels(sentence)
    return any((noun, value) not in said and any(n == noun for n, _ in said)
               for noun, value in asked)


@lru_cache(maxsize=256)
def _noun_labels(question: str) -> frozenset[tuple[str, int]]:
    """The labels of an English ``question``'s nouns (spaCy's tags: "aged 75" numbers no noun,
    "Can I" is no Phase I)."""
    if has_cjk(question) or not (found := labels(question)):
        return frozenset()
    with TAGGING:
        nouns = {stem(t.text) for t in parsed(question) if t.pos_ in NOUNS}
    return frozenset(label for label in found if label[0] in nouns)


def _other_head(question: str, sentence: str, phrase: tuple[tuple[str, bool], ...],
                found: set[str], asked: set[str]) -> bool:
    """Whether ``sentence`` says the modifiers of ``phrase`` with another noun at its head, and
    never the question's: "fuel cell heavy trucks" for "fuel cell buses", "bus company" for
    "taxi company". The modifiers (at least one a common noun: "new" classifies nothing) say
    which field; the head, what the detail is of."""
    head, counted = phrase[-1][0], {s for n in asked_nouns(question) for s in content_stems(n)}
    # "healthcare ones": a prop-word stands for a noun said before; "how many labs … research
    # bodies team up on" counts labs: the bodies hold no figure.
    if head in found | {"one"} or (counted and head not in counted):
        return False
    with TAGGING:
        doc = [t for t in parsed(sentence) if not t.is_punct or t.text == "-"]
        # Its words as themselves and as lemmas: "bodies" is "body", which "institution" means.
        words = {*content_tokens(question), *(t.lemma_ for t in parsed(question) if t.is_alpha)}
    for start in range(len(phrase) - 1):
        run = phrase[start:-1]
        if not any(noun for _, noun in run):
            continue
        stems = [s for s, _ in run]
        for i in range(len(doc) - len(stems)):
            if [content_stems(t.text)[:1] for t in doc[i:i + len(stems)]] != [(s,) for s in stems]:
                continue
            j = i + len(stems)  # past adjectives ("heavy") to the noun they and the run qualify
            while j < len(doc) - 1 and doc[j].pos_ == "ADJ":
                j += 1
            other, after = doc[j], doc[j + 1] if j + 1 < len(doc) else None
            if other.pos_ == "NOUN" and (after is None or after.pos_ not in NOUNS) \
                    and (stem := content_stems(other.text)[:1]) and stem[0] not in asked \
                    and other.text.isalpha() \
                    and not any(one_sense(other.lemma_, w) for w in words):
                return True
        return False  # the longest run the sentence says decides
    return False


def _modifier(sentence: str, stem: str, then: str) -> str:
    """The word of ``sentence`` whose stem is ``stem`` when it names a kind of the noun right
    after it (whose stem is ``then``): a common noun, or one the tagger reads as an adjective ("AI
    unicorn enterprises"); not a verb's participle ("newly built"), a name, nor a noun of another
    phrase ("10,000 people, Internet exit bandwidth"). "" if none."""
    with TAGGING:
        doc = parsed(sentence)
    return next((t.text for t, after in pairwise(doc) if t.pos_ in {"NOUN", "ADJ"}
                 and (t.dep_ in _MODIFIERS or (t.pos_ == "NOUN" and t.dep_ == "npadvmod"))
                 and content_stems(t.text) == (stem,)
                 and content_stems(after.text)[:1] == (then,)), "")


# jieba's tags of words that name no kind of a noun: prepositions, particles, pronouns, adverbs,
# conjunctions, measure words, punctuation; times (周末: when) and names (盘锦市: whose, not which
# kind). Figures in digits (a year, 60%) are left out apart.
_ZH_FUNCTION = re.compile(r"^(?:p|u\w*|r\w*|d|c|x|q|zg|y|e|o|t\w*|n[rst]\w*)$")


def sibling_named(question: str, sentence: str, reach: bool = False) -> bool:
    """Whether a Chinese ``sentence`` names what ``question`` asks of with a sibling kind's
    modifier in its place and never the question's: 直流充电桩 for 交流充电桩, 省级基地 for 国家级
    基地, 境外展会 for 境内展会. Kinds of one thing are told apart by a morpheme they share in one
    place (级 of levels, 类 of classes, 境 of where: its head or its first); a modifier sharing
    one so but no sense (CC-CEDICT) with the question's, nor said by it, is another kind's, not
    the question's said otherwise (老人 of 老年人, 户厕 of 厕所). Of a way to ``reach`` one, the
    label's purpose alone (``other_purpose``): 来信地址 and 收信地址 are one office's."""
    if not (has_cjk(question) and has_cjk(sentence)):
        return False
    if reach:
        return other_purpose(question, sentence)
    if other_modifier(question, sentence):  # 城镇居民 for 农村居民: no morpheme shared
        return True
    words = tagged(question)
    # The noun qualified may follow another modifier (市级冰雪赛事: 市级 of 赛事), not a verb (要).
    pairs = [(m, t, h) for i, (m, t) in enumerate(words) for h, _ in words[i + 1:i + 3]
             if h == words[i + 1][0] or not re.match(r"v(?!n)|d|p|c|u", words[i + 1][1])]
    for mine, tag, head in pairs:
        if len(mine) > 1 and len(head) > 1 and not _ZH_FUNCTION.match(tag) and mine in sentence \
                and head not in sentence and dict(words).get(head) in COMMON_NOUNS_ZH \
                and _other_head_zh(question, sentence, mine, head):
            return True  # 电动自行车 for 电动摩托车: its modifier, another kind at its head
        if len(mine) < 2 or len(head) < 2 or _ZH_FUNCTION.match(tag) or mine in sentence \
                or not mine.isalpha() or ZH_ASKS.search(mine) \
                or not _may_follow_sibling(sentence, head, mine):
            continue  # 多少床位 asks, names no kind; tagging every sentence cost ~100 ms a question
        # A quantity (三类, 一年) has only quantities for siblings (一类; not 一次性).
        if any(other != mine and len(other) > 1 and other.isalpha()
               and not _ZH_FUNCTION.match(kind) and (kind == "m") == (tag == "m")
               and other not in question and siblings(mine, other)
               for other, kind in words_before(sentence, head)):
            return True
    return False


def _may_follow_sibling(sentence: str, head: str, mine: str) -> bool:
    """Whether a word of 2 characters or more ending where ``head`` starts in ``sentence`` could
    share ``mine``'s first or last (``siblings``): when none can, nothing is tagged (~1 ms)."""
    at = sentence.find(head, 2)
    while at >= 0:
        if sentence[at - 1] == mine[-1] or mine[0] in sentence[:at - 1]:
            return True
        at = sentence.find(head, at + 1)
    return False


def _other_head_zh(question: str, sentence: str, mine: str, head: str) -> bool:
    """Whether ``sentence`` says ``mine`` followed by a sibling of ``head`` (a noun sharing its
    first or last morpheme) the question does not say: 电动自行车 for 电动摩托车, 村道 for 省道.
    Only the few characters after ``mine`` are tagged: tagging whole sentences cost too much."""
    for at in (m.start() for m in re.finditer(re.escape(mine), sentence)):
        after = sentence[at + len(mine):at + len(mine) + len(head) + 4]
        if after[:1] != head[0] and head[-1] not in after:
            continue  # no word after mine shares head's first or last character: none tagged
        words = tagged(sentence[at:at + len(mine) + len(head) + 4])
        if len(words) > 1 and words[0][0] == mine and (other := words[1])[1] in COMMON_NOUNS_ZH \
                and other[0] not in question and siblings(head, other[0]):
            return True
    return False

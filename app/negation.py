"""Negated qualifiers, in both languages: 非国有 is no 国有, "non-resident" no "resident".

A notice's clauses often differ by a negation alone ("市属国有农贸市场的经营户…" and
"非国有农贸市场…", "在公共停车场建设的…" and "在非公共停车场建设的…", "working from their own
home" and "from premises that are not their home"): a question about the one holds every word of
the other but the negator, so the words it qualifies, said in one text and negated in the
other, are no words the two share. A negator qualifies the word after it: in Chinese a prefix
(非/不/无/未) before a word of two or more characters, or that word's first character when the
remainder is itself a word (jieba: 非国有 -> 国有, 未成年人 -> 成年人, but not 非常, 未来, 无法,
whose remainder is one character); 半 (semi-) makes another kind of the word after it as 非 does
(半失能 is no 失能, 半成品 no 成品), but halves a unit of time (半小时, 半年度). In English "not",
"no", "non-", "never", "without" or "n't" before a word, past an article or a possessive ("not
their home").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from app.chinese_words import is_word, tagged, word_bounds
from app.numerals import ZH_TIME_UNIT
from app.text import CJK_RUN, bigram_units, stem

_ZH_NEGATORS = "非不无未"
_KIND_MAKERS = "非半"  # they make a kind of the word after them (非国有, 半失能): not an act
_ZH_NEGATOR = re.compile(f"[{_ZH_NEGATORS}半]")
_EN_NEGATED = re.compile(
    r"(?:\b(?:not|non|no|never|without)|n['’]t)(?:\s+|-)(?:(?:the|a|an|their|its|his|her|our"
    r"|your|my|any)\s+)?([A-Za-z][A-Za-z]*)", re.I)
_EN_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"[，,；;。？?！!：:]")

Span = tuple[int, int]

# Whether a sentence negates at all (the citation check's "the passages do not say"): a closed
# class of each language.
_NEGATION = re.compile(r"\b(?:not|no|none|cannot)\b|n't\b", re.IGNORECASE)


def negates(text: str) -> bool:  # 不得, 没有, 未满 but not a noun: 无人机 is a drone
    return bool(_NEGATION.search(text)) or any(
        w[0] in "没未无不" and not tag.startswith(("n", "l")) for w, tag in tagged(text))


@lru_cache(maxsize=4096)
def negated(text: str) -> tuple[Span, ...]:
    """Spans of the words of ``text`` a negator qualifies."""
    spans = [m.span(1) for m in _EN_NEGATED.finditer(text)]
    for run in CJK_RUN.finditer(text):
        if not _ZH_NEGATOR.search(run.group()):
            continue  # no negator, nothing to cut: jieba's cut of every sentence cost most
        spans += _halved(run.group(), run.start())
        cuts = sorted(word_bounds(run.group()))
        words = [(run.group()[a:b], a, b) for a, b in pairwise(cuts)]
        for (word, a, b), (after, c, d) in zip(words, [*words[1:], ("", 0, 0)], strict=True):
            if word in _ZH_NEGATORS and len(after) >= 2:
                spans.append((run.start() + c, run.start() + d))
            elif len(word) >= 3 and word[0] in _ZH_NEGATORS and is_word(word[1:]):
                spans.append((run.start() + a + 1, run.start() + b))
    return tuple(spans)


def _halved(run: str, at: int) -> list[Span]:
    """Spans of the words 半 makes a kind of in Chinese ``run`` (at ``at``), by jieba's cut: 失能
    of 半 失能, 成品 of 半成品; not a unit of time it halves (半小时, 半年度, 半个月)."""
    spans, start = [], at
    words = [w for w, _ in tagged(run)] if "半" in run else []
    for word, after in zip(words, [*words[1:], ""][:len(words)], strict=True):
        ahead = word == "半" or word.endswith("个半")  # 一个半失能老人: one semi-disabled elder
        rest = after if ahead else word[1:] if word[:1] == "半" and is_word(word[1:]) else ""
        if len(rest) >= 2 and not re.match(ZH_TIME_UNIT, rest):
            first = start + (len(word) if ahead else 1)  # past 半
            spans.append((first, first + len(rest)))
        start += len(word)
    return spans


def _held(text: str, word: str) -> tuple[bool, bool]:
    """Whether ``text`` holds ``word`` un-negated somewhere, and negated somewhere (an English
    word by its stem)."""
    spans = negated(text)
    if CJK_RUN.fullmatch(word):
        found = [(m.start(), m.start() + len(word)) for m in re.finditer(re.escape(word), text)]
    else:
        found = [m.span() for m in _EN_WORD.finditer(text) if stem(m.group()) == stem(word)]
    inside = [any(a <= s and e <= b for a, b in spans) for s, e in found]
    return not all(inside), any(inside)


def _opposed(question: str, text: str) -> list[tuple[str, Span]]:
    """The words held in one of the two texts only negated and in the other only un-negated,
    each with its text and its span there (a Chinese word's span widened by a character either
    side: the bigrams that join it to its neighbours say it too)."""
    found: list[tuple[str, Span]] = []
    for one, other in ((question, text), (text, question)):
        for a, b in negated(one):
            plain, negative = _held(other, one[a:b])
            if plain and not negative and not _held(one, one[a:b])[0]:
                wide = CJK_RUN.fullmatch(one[a:b]) is not None
                found.append((one, (max(0, a - wide), b + wide)))
    return found


def negation_dropped(question: str, text: str, kinds_only: bool = False) -> bool:
    """Whether ``text`` holds a group's word ``question`` negates un-negated only, the question
    never un-negated: it names the group the negator excludes (集中供热 for 非集中供热, 本市户籍
    for 非本市户籍, 经评估 for 未评估为失能的). 非 and 半 make a kind of what they qualify (失能
    for 半失能); 不, 未 and 无 a group in a 的-phrase only (not ``kinds_only``), else an act
    (不分类投放 is what is fined, no group), which may be a condition ("不批准…的隔离措施怎么办"
    is answered by "作出不予批准决定的": read for a figure only)."""
    return any(_held(text, question[a:b]) == (True, False) and not _held(question, question[a:b])[0]
               and (question[a - 1:a] in _KIND_MAKERS or (not kinds_only and "的" in (
                   _CLAUSE_END.split(question[b:])[0]))) for a, b in negated(question))


def opposed_units(question: str, text: str) -> set[str]:
    """The bigram units (``app.text.bigram_units``) ``question`` and ``text`` share only as
    words one negates and the other does not: no evidence that ``text`` answers."""
    return set[str]().union(*(bigram_units(one[a:b]) for one, (a, b) in _opposed(question, text)))

"""A part of a whole whose size is given (issue 23): "how many of the 25 key tasks belong to
digital government?" and "29项任务中，信息部分有几项？" ask the part's count, which the
whole's own figure ("25 key tasks in six major areas") does not give, while a sentence
counting the whole's noun by a figure of its own ("Includes 12 tasks in building …") or
its own partitive ("eight of which") does. English reads the partitive by the parse (the
object of "of" after a quantity word); Chinese by the language's locative of a set (a whole
named before 中/里/当中/之中, as in 其中) ahead of the count asked (多少项, 几个: a measure
word counts).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from app.chinese_words import word_bounds
from app.numerals import MEASURE_WORDS, ZH_NUMERAL
from app.retrieval.counted import COUNT_OF_ZH, attached_noun, cardinals, head_noun, same_noun
from app.retrieval.taggers import NOUNS, TAGGING, parsed
from app.text import has_cjk

# The whole a Chinese question asks a part of: a phrase before the locative 中/里 (among), with
# what it asks after it (多少, 几): 基金群里…多少 (its total is given), 29项任务中…有几项.
_WHOLE_ZH = re.compile(r"([\u4e00-\u9fff]{2,}?)(当中|之中|里面|里|中)(?=.*(?:多少|几))")


# Its size given (29项任务中, 20多个应用案例里: "of the N things"): a count whose noun runs to
# the locative; without one, 方案里 says where to look, no whole a part is asked of.
_SIZED_ZH = re.compile(rf"[{ZH_NUMERAL}]+多?余?[{MEASURE_WORDS}][\u4e00-\u9fff]{{0,8}}$")


def _whole_zh(question: str) -> re.Match[str] | None:
    # the 中 of a word (中心) closes no phrase
    return next((m for m in _WHOLE_ZH.finditer(question) if m.end(2) in word_bounds(question)),
                None)


def whole_zh(question: str) -> str:
    """The phrase naming the whole a Chinese ``question`` asks a part of, after its last 的
    (应用案例 of 湛江发布的应用案例里), or ""."""
    return whole.group(1).split("的")[-1] if (whole := _whole_zh(question)) else ""


@lru_cache(maxsize=256)  # asked of every candidate sentence
def partitive(question: str) -> tuple[str, str]:
    """The quantity word and the whole's noun of an English "how many/much of …", by the parse
    (the object of its "of": "how many of the 25 key tasks belong to …": many, task), or of a
    Chinese count of a part ("29项任务中…有几项": many, 任务), or ("", ""). A pronoun counted
    names no noun ("how many of them": the one it stands for is the conversation's); "how much
    of it" keeps its word, as the whole's sum is read by (``asked_whole``)."""
    if has_cjk(question):
        count, found = COUNT_OF_ZH.search(question), _whole_zh(question)
        whole = head_noun(whole_zh(question)) if count and count.group(1) and found and (
            _SIZED_ZH.search(question, 0, found.start(2))) else ""
        return ("many", whole) if whole else ("", "")
    if not re.search(r"(?i)\bhow (?:many|much) of\b", question):
        return "", ""  # (the partitive: "of" after a quantity word)
    with TAGGING:
        doc = parsed(question)
    # "how much of each meal": a share per one, no whole of a given size (a distributive).
    return next(((t.head.head.lower_, t.lemma_.lower() * (t.head.head.lower_ == "much" or (
        t.pos_ in NOUNS and not _misread(t)))) for t in doc if t.dep_ == "pobj"
                 and t.head.lower_ == "of" and t.head.head.lower_ in {"many", "much"}
                 and not any(c.lower_ in {"each", "every"} for c in t.children)), ("", ""))


def _misread(noun: Any) -> bool:
    """Whether a plural determiner before the singular ``noun`` breaks their agreement in number
    ("of *those* fall under …": "those" stands alone, "fall" is the verb the parse misread)."""
    return noun.morph.get("Number") == ["Sing"] and any(
        c.dep_ == "det" and c.morph.get("Number") == ["Plur"] for c in noun.children)


def counts_a_part(text: str, question: str) -> bool:
    """Whether English ``text`` gives the part a partitive ``question`` counts (or none is asked):
    a figure not the question's (the whole's "25 tasks") counting the whole's noun by the parse
    ("12 tasks in building …"; "six major areas" counts no task), or its own "eight of which"."""
    if (part := partitive(question))[0] != "many" or not part[1] or has_cjk(text):
        return True  # (a whole a pronoun stands for: its noun is unread, its part not judged)
    # The question's figures, words and digits (a Chinese question's 29 of 29项任务中).
    stated = {f.lower() for f in re.findall(r"[\w.,]+", question) + re.findall(r"\d+", question)}
    with TAGGING:
        doc = parsed(text)
    return any(text[start:end].lower() not in stated and (re.match(r"\s+of\b", text[end:]) or (
        (attached := attached_noun(text, start, end)) is not None and same_noun(part[1], attached)
    ) or (  # a figure standing for its noun as a subject ("Of the stations, 231 are in …")
            (span := doc.char_span(start, end, alignment_mode="expand")) is not None
            and span.root.dep_ in {"nsubj", "nsubjpass"}))
        for start, end in cardinals(text))

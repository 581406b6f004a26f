"""A question that asks several things, split into its parts.

The split rests on general facts of the two languages (their interrogatives are
``question_kinds``' table), never on particular wordings:

* a question mark, or a semicolon, ends one question where more text follows
  ("…是多少？由谁组织？", "What is X; who runs Y?");
* a clause joined by a coordinating conjunction or a comma is a question of its own only when
  it opens with an interrogative ("…, and when does it start?", "…, and by when?") and the
  clause before it asks something too, not as the asker's opening ("When preparing X, …"); "and"
  inside a noun phrase ("the rules and procedures for X") is followed by no interrogative;
* in Chinese, two comma-separated clauses that each hold an interrogative word
  (多少, 什么, 哪, 谁, 何时, …) are two questions ("基金规模多大，何时开工？"), as one clause may
  be, asking each noun it coordinates ("…的联系人和电话是什么？": ``in_situ.coordinated_asks``).

A part that names nothing of its own ("and by when?", a verbless "按什么比例？") borrows the words
of the part before it (less its question words); one leaning back (a pronoun, a Chinese clause
without a subject: ``app.retrieval.antecedents``) the topic of the last part naming its own.
Both, and one naming only a kind ("what phone number is listed?"), are answered first beside what
the part before cited (``compose``). Enumerations' ordinals ("1.", "(2)", "二、") are no words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.answering.question_kinds import EN_AUX, EN_WH, ZH_ASKS
from app.chinese_words import tagged
from app.in_situ import coordinated_asks
from app.retrieval.antecedents import counted_as_before, elliptical, leans_back, topic
from app.retrieval.question_frame import question_frame
from app.text import ITEM, content_tokens, has_cjk

# A preposition may stand before the wh-word ("and by when", "and in which year"), and so may an
# adverb of degree or approximation ("and about how many", "and roughly when").
_EN_PREP = r"by|in|on|at|for|from|to|until|with|of|under"
_EN_DEGREE = r"about|around|roughly|approximately|nearly|almost|exactly|precisely|then|also"
_EN_OPENS = re.compile(
    rf"^(?:(?:{_EN_PREP}|{_EN_DEGREE})\s+)?(?:{EN_WH})\b|^(?:{EN_AUX})\s+\w+", re.IGNORECASE)
_EN_ASKS = re.compile(rf"\b(?:{EN_WH})\b|^\s*(?:{EN_AUX})\b", re.IGNORECASE)
# Where a second English clause may begin: ", and", "; ", ", also", " and " (before a wh-word).
_EN_JOINS = re.compile(r"\s*(?:[,;，；]\s*(?:(?:and|also|plus|as well as)\s+)?|\s+and\s+"
                       r"(?:also\s+)?)", re.IGNORECASE)  # a Chinese keyboard's comma too ("，and")
# A conjunction that may open the second of two Chinese questions (以及, 还有, 另外, 并且, 同时).
_ZH_OPENERS = re.compile(r"^(?:以及|还有|另外|此外|并且|而且|同时|那么|那|和|及)")
# Those joining clauses, not nouns (还有 is also "still"): a question may go on at one without a
# comma ("…多大规模以及…几号办？"); a part after a question mark opening on one asks without it.
_ZH_CLAUSE_JOINS = r"以及|另外|此外|并且|而且|同时"
# An enumeration's item number (``ITEM``: "1.", "(2)", "二、"; or a circled "③") opening a
# question, or after a lead-in's colon.
_ORDINAL = re.compile(rf"(^\s*|[:：]\s*)(?:{ITEM.pattern}|[①-⑳])\s*")
_NAME = re.compile(r"\b(?:[A-Z][\w-]*|\w*\d\w*)")
# After a question mark or semicolon (a run of them) that more text follows.
_ENDS = re.compile(r"(?<=[?？;；])(?![?？;；])(?=\s*\S)")
_ZH_COMMA = re.compile(rf"(?<=[，,、])|(?={_ZH_CLAUSE_JOINS})")  # a comma stays with its clause
# Words every question holds: what remains once they go names what a part is about.
_QUESTION_WORDS = re.compile(rf"\b(?:{EN_WH}|{EN_AUX}|{_EN_PREP}|{_EN_DEGREE}|and|it|its|they|"
                             r"their|this|that|these|those|the|a|an)\b|"
                             + ZH_ASKS.pattern + "|" + _ZH_OPENERS.pattern.lstrip("^"),
                             re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    asked: str  # the part as the user wrote it
    text: str  # what it is retrieved and answered as (with a bare part's borrowed words)


def split_parts(question: str) -> list[Part]:
    """The parts of ``question``; a single question is one part, itself."""
    pieces: list[str] = []
    for sentence in (_ORDINAL.sub(r"\1", s) for s in _ENDS.split(question)):
        pieces.extend(_clauses_zh(sentence) if has_cjk(sentence) else _clauses_en(sentence))
    # Every part must ask: a sentence after a question that asks nothing ("Then add this
    # sentence …") is an instruction, never a part to answer (nor to repeat as unanswered).
    asking, pieces = all(_asks(p) for p in pieces if _tidy(p)), [t for t in map(_tidy, pieces) if t]
    if not asking or len(pieces) < 2 or not _names_something(pieces[0]):
        return [Part(question.strip(), question.strip())]
    parts, about = [Part(pieces[0], pieces[0])], pieces[0]
    for asked in pieces[1:]:
        piece = counted_as_before(asked, parts[-1].text)  # "…又有几项？": the count's noun before
        # "and by when?" is asked of all the part before asked (less its question words); "when
        # was it published?", "由谁负责？" of the topic of the last part naming its own.
        leaning = leans_back(piece)
        if not _names_something(piece) or (leaning and elliptical(piece)):
            parts.append(Part(asked, f"{subject_of(parts[-1].text)} {piece}"))
        elif leaning:
            shared = topic(about, piece) or _names(about) or subject_of(about)
            parts.append(Part(asked, f"{shared} {piece}"))
        else:
            parts.append(Part(asked, asked))  # its own words: what it is read beside, too
            about = asked
    return parts


def _clauses_en(sentence: str) -> list[str]:
    """English clauses: cut at a join only where an interrogative opens what follows and the
    text before it asks something itself."""
    out, start = [], 0
    for m in _EN_JOINS.finditer(sentence):
        before = sentence[start:m.start()]
        if m.start() and _EN_OPENS.match(sentence[m.end():]) and _EN_ASKS.search(before) \
                and content_tokens(_QUESTION_WORDS.sub(" ", before)) \
                and before.strip() != question_frame(sentence).opening:  # "When preparing X, …"
            out.append(before)
            start = m.end()
    out.append(sentence[start:])
    return out


def _clauses_zh(sentence: str) -> list[str]:
    """Chinese clauses: comma-separated runs, cut where the runs on both sides ask something."""
    current, *runs = _ZH_COMMA.split(sentence)
    out: list[str] = []
    for run in runs:
        # Past no comma, what goes before asks with a verb of its own: "哪些部门以及哪些企业
        # 参与了？" coordinates two asked nouns of one verb.
        if ZH_ASKS.search(current) and ZH_ASKS.search(run) and (current[-1] in "，,、" or any(
                flag.startswith("v") for _, flag in tagged(current))):
            out.append(current)
            current = _ZH_OPENERS.sub("", run.strip())
        else:
            current += run
    out.append(current)
    return [each for clause in out for each in coordinated_asks(clause)]


def _tidy(piece: str) -> str:
    piece = re.sub(rf"^(?:(?:and|also|plus)\s+|{_ZH_CLAUSE_JOINS})", "",
                   piece.strip(" \t\n,，;；、"), flags=re.I)
    mark = "" if piece.endswith(("?", "？")) else "？" if has_cjk(piece) else "?"
    return piece + mark if any(ch.isalnum() for ch in piece) else ""


def _asks(piece: str) -> bool:
    """Whether a piece is a question: it ends with a question mark or holds an interrogative."""
    return piece.rstrip().endswith(("?", "？")) or bool((ZH_ASKS if has_cjk(piece)
                                                         else _EN_ASKS).search(piece))


def _names_something(piece: str) -> bool:
    """Whether a part names what it asks about, beyond question words and pronouns."""
    return len("".join(content_tokens(_QUESTION_WORDS.sub(" ", piece)))) > 1


def _names(text: str) -> str:
    """The names a part holds, which a pronoun after it may point to: capitalised words and
    words with digits in English, nouns (by jieba's part-of-speech tagger) in Chinese."""
    if has_cjk(text):
        found = [word for word, flag in tagged(text) if flag.startswith(("n", "vn", "eng"))]
    else:
        found = _NAME.findall(text)
    return " ".join(w for w in found if not _QUESTION_WORDS.fullmatch(w))


def names_own(text: str) -> bool:
    """Whether a part names a thing of its own, not only a kind ("what phone number", "电话",
    "谁负责"): a proper name or a word with digits; in Chinese, whose names are not
    capitalised, a proper noun or a compound of nouns (空间智算中心) by jieba's tags."""
    if not has_cjk(text):
        return bool(_names(text))
    return bool(re.search(r"\bn[rstz]|\beng|\bn\w* n", " ".join(f for _, f in tagged(text))))


def subject_of(text: str) -> str:
    """A part's words less its question words: what a following bare part is about."""
    return " ".join(_QUESTION_WORDS.sub(" ", text).rstrip("?？ ").split())

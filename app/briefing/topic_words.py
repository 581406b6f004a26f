"""The words an across question is compared by (``app.briefing.across``): its nouns, their
English forms, and the anchor -- the word the retrieved documents use least."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from app.answering.citations import Sentence
from app.briefing.builder import WORD
from app.retrieval.content_words import content_words, said
from app.retrieval.dictionary import english_terms
from app.retrieval.document_questions import DOCUMENT
from app.retrieval.glossary import expand_query
from app.retrieval.question_frame import asked_head, asked_head_zh
from app.retrieval.taggers import TAGGING, english
from app.text import content_tokens, has_cjk, stem


def nouns(text: str) -> str:
    """A Chinese text's nouns (by jieba's tags): what is compared is named by a noun (智慧教育),
    never by the verb asking how it is done (推进)."""
    if not has_cjk(text):
        return text
    import jieba.posseg

    kept = " ".join(p.word for p in jieba.posseg.cut(text)
                    if p.flag.startswith(("n", "vn", "eng")) or not has_cjk(p.word))
    return re.sub(r"(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])", "", kept)  # "5G", cut as 5 and G


def words_of(text: str) -> list[str]:
    """The text's English content words (a Chinese text's through the glossary)."""
    return [w for w in content_tokens(expand_query(text)) if w.isascii() and WORD.fullmatch(w)]


def form(word: str) -> str:
    """A word as compared: its stem ("building" is "build", which every plan uses)."""
    return stem(word)


def forms_of(text: str) -> set[str]:
    return {form(w) for w in WORD.findall(text)}


def rarity(text: str, uses: Counter[str]) -> dict[str, int]:
    """How rare a Chinese word's renderings are: as rare as its most used sense (规划 renders
    "plan", "program" and "layout"; that "layout" is rare does not make 规划 a topic). A sense
    of several words counts by its rarest ("low altitude economy" by "altitude")."""
    rarity: dict[str, int] = {}
    for term in english_terms(text):
        senses = [[form(w) for w in content_tokens(e) if w.isascii() and WORD.fullmatch(w)]
                  for e in term.english]
        keys = [min(sense, key=lambda f: uses[f]) for sense in senses if sense]
        for key in keys:
            rarity[key] = max(rarity.get(key, 0), *(uses[k] for k in keys))
    return rarity


def anchor_of(forms: set[str], sentences: list[Sentence], uses: Counter[str],
            rarity: dict[str, int]) -> str | None:
    """Of the words some retrieved sentence holds, the one the documents use least (a Chinese
    word's renderings: by ``rarity``)."""
    in_sentences: Counter[str] = Counter()
    for sentence in sentences:
        in_sentences.update(forms_of(sentence.text) & forms)
    if not in_sentences:
        return None
    return min(in_sentences, key=lambda f: (rarity.get(f, uses[f]), uses[f], in_sentences[f], f))


def weights_of(forms: set[str], sentences: list[Sentence]) -> dict[str, float]:
    """Inverse sentence frequency of each question word: a rare word tells most."""
    held = [forms_of(s.text) for s in sentences]
    return {f: math.log(1 + len(held) / (1 + sum(f in h for h in held))) for f in forms}


def held_by(text: str, weights: dict[str, float]) -> float:
    held = forms_of(text)
    return sum(w for f, w in weights.items() if f in held)


def pairs_of(text: str) -> set[tuple[str, str]]:
    """The text's content words two by two as they follow each other ("Internet of Things
    platform": internet-thing, thing-platform): a clause saying the question's phrase, not
    only its words scattered ("an innovation platform system … the Internet of Things")."""
    forms = [form(w) for w in content_tokens(text) if WORD.fullmatch(w)]
    return set(pairwise(forms))


_FINITE = frozenset({"VB", "VBP", "VBZ", "VBD", "MD"})  # spaCy's tags of verbs not participles


def _tagged(text: str) -> Any:
    with TAGGING:
        return english()(text)


def holding(question: str, places: set[str]) -> Callable[[str], int]:
    """How many of ``question``'s topic words a sentence holds, ``places`` (the words of the
    places it names) aside: a place's name says where, not what (an opening "Guangzhou …"). An
    English sentence holds a word by its English form, a Chinese question's noun by any of its
    glossary senses (智能: "smart" or "intelligent", one word all the same); a Chinese sentence
    a Chinese question's word as the single answers read it (app.retrieval.content_words: as
    written, shortened, or by a word of the same sense)."""
    # A noun naming a document ("Shenzhen's action plan", 方案) says which text, not what it says:
    # an opening naming the plan holds it. A word asked twice is one word; a letter alone (the
    # possessive's "s") is none.
    head = {form(w) for w in words_of(asked_head_zh(question) if has_cjk(question)
                                      else asked_head(question)) if len(w) > 1}
    question = DOCUMENT.sub(" ", question)
    aside = {form(w) for p in places for w in words_of(p)}
    # What is compared is named by a noun in English too: a finite verb asking how ("how do they
    # *use* AI in healthcare") is said by a plan's opening as well, which held more of the
    # question. Participles stay: they name things ("computing infrastructure", "want built").
    senses = {frozenset(kept) for word in (nouns(question) if has_cjk(question) else "".join(
        " " if t.tag_ in _FINITE else t.text_with_ws for t in _tagged(question))).split()
              if (kept := {form(w) for w in words_of(word) if len(w) > 1} - aside)}
    chinese = set(content_words(question)) if has_cjk(question) else set()
    others = set().union(*(s for s in senses if not s & head)) if head else set()

    def held(sentence: str) -> int:
        if has_cjk(sentence):
            return sum(said(w, sentence) for w in chinese)
        forms = forms_of(sentence)
        # The noun asked heads its compound ("… public technology service *platforms*"): held
        # after another topic word it counts once more; a "service area" beside a platform
        # of another name holds the words, not the thing asked.
        headed = any(a in others and b in head for a, b in pairs_of(sentence))
        return sum(bool(s & forms) for s in senses) + headed
    return held

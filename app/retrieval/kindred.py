"""A question's words that the texts say otherwise, found by meaning (issue 23).

A question in the asker's own words ("drones", "key jobs") names what a text calls otherwise
("unmanned aerial vehicles", "key tasks"): no candidate sentence holds the word, so every
sentence's share of the question's words falls, and the one that answers is refused. The
embedding model that ranks the passages also places single words: a sentence word whose vector
lies close to such a question word's is taken as that word. Only a word no candidate holds is
looked for (a word some sentence holds is the texts' own), and only among the candidates'
words, so the model reads a few hundred short words at most, each kept once encoded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np

from app.retrieval.counted import asked_nouns, counted_nouns
from app.retrieval.dictionary import one_sense
from app.retrieval.stems import content_stems
from app.retrieval.taggers import TAGGING, parsed
from app.store.vectors import TextVectors
from app.text import CJK_RUN, STOPWORDS, content_tokens, has_cjk, stem_words

# Least cosine (rescaled above the model's floor) of two words taken as one: MiniLM puts
# "drones" at 0.74 from "unmanned", "jobs" 0.62 from "tasks", while "salary" is 0.54 from its
# nearest word of the five texts ("annually") and "head" 0.57 ("pointed"); tuning probes.
CLOSE = 0.6
# Least cosine of the multilingual model's vectors of the noun a "how many" counts and a noun a
# sentence counts, taken as one: "metric" .64 from "indicator", "section" .76 from "part",
# "declaration" .73 from "announcement", "lab" .81 from "laboratory", while "metric" is .37 from
# "task" and "lab" .36 from "enterprise". MiniLM's word vectors cannot tell these apart: it puts
# "metrics" .47 from "indicators" and "sections" .52 from "parts", below "actions" .65 from
# "tasks" and "projects" .63 (across47's measure of both models on 42 pairs).
COUNT_CLOSE = 0.6
SHORTEST = 3  # letters: shorter tokens ("s", "of", "ai") are no words to place by meaning


def kindred(vectors: TextVectors, floor: float, asked: dict[str, str],
            sentences: list[list[str]], close_at: float = CLOSE,
            kin: Callable[[str, str], bool] = lambda _, __: True) -> list[set[str]]:
    """Per sentence (its word tokens), the stems of ``asked`` (stem -> the question's word, held
    by no sentence) that one of its words is close to in meaning (``close_at``), unless ``kin``
    tells the two words apart. A Chinese word of two or more characters is placed too."""
    # Each distinct word is judged once (a question's candidates repeat their words ~20 times).
    words = sorted({w for tokens in sentences for w in tokens if _placeable(w) or (
        has_cjk(w) and len(w) > 1)}) if asked else []
    if not words:
        return [set() for _ in sentences]
    stems = list(asked)
    found = vectors([*asked.values(), *words])
    similarity = np.stack(found[:len(stems)]) @ np.stack(found[len(stems):]).T
    similarity = (similarity - floor) / (1 - floor)
    close: dict[str, set[str]] = {}
    for i, j in zip(*np.nonzero(similarity >= close_at), strict=True):
        if not kin(asked[stems[i]], words[j]):
            continue
        close.setdefault(words[j], set()).add(stems[i])
    return [set().union(*(close[w] for w in tokens if w in close)) for tokens in sentences]


def placeable_words(sentences: Iterable[str]) -> list[str]:
    """The words of ``sentences`` that ``kindred`` may encode (a small store's, warmed ahead)."""
    return sorted({w for s in sentences for w in content_tokens(s) if _placeable(w)})


def _placeable(word: str) -> bool:
    return len(word) >= SHORTEST and word.isascii() and word.isalpha() and word not in STOPWORDS


def credit(vectors: TextVectors, floor: float, question: str, terms: Iterable[frozenset[str]],
           held: list[set[str]], sentences: list[str], counting: TextVectors | None = None
           ) -> None:
    """Add to each sentence's ``held`` stems the English question's nouns (``terms``: each a
    stem) it says otherwise, and (``counting``: the multilingual model's vectors) the noun its
    "how many" counts where the sentence counts that thing by another noun."""
    if has_cjk(question):  # its words are their dictionary senses: "investment" of 总投资 is
        return  # no fund's size (dev zh-f-un-05)
    if counting is not None:
        credit_counts(counting, question, held, sentences)
    nouns = _nouns(question)
    placeable = [t for t in content_tokens(question) if _placeable(t) and t in nouns]
    said = {frozenset([s]): w for s, w in zip(stem_words(placeable), placeable, strict=True)}
    asked = {max(key): said[key] for key in terms
             if key in said and not any(key & found for found in held)}
    if not asked:  # every noun is held as written: no sentence's words need reading
        return
    added = kindred(vectors, floor, asked, [content_tokens(s) for s in sentences])
    for found, close in zip(held, added, strict=True):
        found |= close


def credit_counts(vectors: TextVectors, question: str, held: list[set[str]],
                  sentences: list[str]) -> None:
    """Add to each English sentence's ``held`` stems the noun an English "how many" counts (no
    candidate holding it) where a cardinal of the sentence counts a noun close to it in meaning
    (``COUNT_CLOSE``): "how many headline metrics" is counted by "11 key evaluation indicators".
    Only a noun a figure counts is read: the sentence then states the count of that thing."""
    asked = {stem: noun for noun in asked_nouns(question) for stem in content_stems(noun)
             if not any(stem in found for found in held)}
    if asked and any(counts := [counted_nouns(s) for s in sentences]):
        for found, close in zip(held, kindred(vectors, 0.0, asked, [list(c) for c in counts],
                                              COUNT_CLOSE), strict=True):
            found |= close


def said_across(vectors: TextVectors | None, words: list[str], question: str, text: str
                ) -> bool:
    """Whether ``text`` names one of ``words`` (the thing whose sum, count or holder the
    question asks) in the other language than the question's, by a word the multilingual model
    (``vectors``) places close to it (``COUNT_CLOSE``): 奖励 .77 from "award", 扑火队员 .64 from
    "firefighter", "subsidised" .65 from 补贴, while 民宿 is .16 from "award". The dictionary
    misses such pairs ("award" renders 授予, 大奖, 奖项; 公里 "kilometer") and a stem tells
    "subsidised" from "subsidy"; words in the question's language are left to them."""
    chinese = has_cjk(question)
    other = [t for t in content_tokens(text) if has_cjk(t) != chinese]
    return vectors is not None and bool(words) and bool(other) and bool(
        kindred(vectors, 0.0, {w: w for w in words}, [other], COUNT_CLOSE)[0])


@lru_cache(maxsize=1024)
def _nouns(question: str) -> frozenset[str]:
    """The common nouns of an English question (spaCy's tags): what a text may name otherwise.
    A verb or an adjective ("want", "big") is said of anything, and a name ("Pazhou") is no
    word to say otherwise. A stop word is none either: the tagger takes a question's last verb
    for a noun ("… working from home get?"), and "get" lies close to any sentence's "work".
    Verbs were tried (enfalse43: "subsidise" for "subsidy"): "put together", "split" and
    "investing" found other sentences, 3 answers lost for 1 gained.
    Read from the parse retrieval made (``question_frame``): the parser does not change the
    tagger's tags (1,347 English questions of eval/ compared), and a second pass of spaCy
    cost every English question ~6 ms."""
    with TAGGING:
        doc = parsed(question)
    return frozenset(t.lower_ for t in doc if t.tag_ in {"NN", "NNS"} and not t.is_stop)


def without_light(question: str, weights: dict[frozenset[str], float],
                  held: list[set[str]]) -> dict[frozenset[str], float]:
    """``weights`` of an English question's terms but the words of grammar and light verbs
    (spaCy's stop list: "she", "up", "get", "put", "without"; not a numeral, "first") that no
    candidate sentence (``held``) holds. Such a word names no detail a text could lack ("does she
    still have to pay", "put into fixing up"): weighed as one, it only lowered every sentence's
    share of the question's words, the answering one's below the refusal threshold."""
    if has_cjk(question):
        return weights
    with TAGGING:
        doc = parsed(question)
    light = set(stem_words([t.lower_ for t in doc if t.is_stop and not t.like_num]))
    return {t: w for t, w in weights.items()
            if not (t & light and not any(t & found for found in held))}


@lru_cache(maxsize=4096)  # per candidate sentence, and the same ones come back per question
def said_alike(word: str, text: str) -> bool:
    """Whether English ``text`` says English ``word`` by another word of one sense with it
    (``one_sense``): the "subsidy" an asker calls an "allowance", the "reward" they call an
    "award". Not Chinese text: its words are found by their renderings (``chinese_terms``)."""
    return not CJK_RUN.search(text) and any(
        t != word and one_sense(word, t) for t in content_tokens(text) if t.isalpha())

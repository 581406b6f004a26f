"""The check of one generated sentence against the passages it cites.

A cited sentence is kept only when it says nothing its passages do not:

* every figure in it -- numbers, percentages, years, dates, in digits or spelled out -- occurs
  in those passages, a percentage as a percentage and 2个月 as months (app.figure_forms, measures);
* each figure stands there among the words it stands among in the sentence: at least
  ``ATTACHED_SHARE`` of its near words that the passages hold stand near the same figure in a
  passage, and a subject named beside it (a place, a body) is named in the passage's sentence
  of the figure or none other is (Haizhu's fund is not Guangzhou's; ``figures_attached``), and
  the passage gives it to that holder, not to another (大专's 15000元 is not 本科's 20000元);
* a figure that counts something in Chinese (5项任务) counts the same there: "29 tasks", not
  the "five major parts" before them, or "eight of which" (``counts_held``);
* a recurrence it states (每年, "quarterly") is one its passages state;
* every name it states is in those passages or their documents' titles and places: a place
  the gazetteer knows (in either language; one the passages hold lies in it), a Latin-script
  name, acronym or code, a Chinese proper noun by jieba's tagger that the glossary renders;
* it shares a word or figure with those passages: a floor against noise with a stray marker.

A sentence saying the passages do not answer (``says_not_covered``), cited or not, is a
refusal, as is an answer stating none of the detail asked (``answers_nothing``). Words are
compared as the glossary renders them (comparable_words.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from app.answering.generation.comparable_words import (
    Place,
    Token,
    chinese_forms,
    forms_held,
    normal,
    places_in,
    terms,
    tokens_of,
)
from app.answering.generation.prompt import SOURCE_NAMES
from app.answering.question_kinds import FIGURED, Kind, asked_kinds
from app.chinese_words import tagged
from app.figure_forms import figure_spans, figures, figures_supported
from app.figure_subjects import given_to_another
from app.figure_wholes import REFERS_BACK
from app.measures import recurrences
from app.negation import negates
from app.numerals import CN_DIGITS, MEASURE_WORDS, chinese_number
from app.retrieval.acronyms import spelled_out
from app.retrieval.counted import asked_nouns, may_count
from app.retrieval.gazetteer import gazetteer
from app.retrieval.glossary import expand_query
from app.text import CJK_CHARS, CJK_RUN, sentence_spans

CLAIM_WINDOW = 6
PASSAGE_WINDOW = 12
ATTACHED_SHARE = 0.5
COUNT_WINDOW = 4  # passage words after a number: "11 key evaluation indicators"
COUNTED_WORDS = 3  # of the run after a measure word: 案例 of 案例入选了省级
# A count: a whole number (not the end of 0.5 or of a code like G9383), a measure word and what
# it counts, if named ("一共有六个。" counts the noun the question asked of).
_COUNTED = re.compile(rf"(?<![A-Za-z0-9.])(\d+|[{CN_DIGITS}十百千]+)多?[{MEASURE_WORDS}]"
                      rf"([{CJK_CHARS}]{{0,12}})")
_ENUMERATOR = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)、]|[(（]\d{1,2}[)）])\s+")
_ABSENT = re.compile(r"\b(?:without|free|exempt)\b|免", re.IGNORECASE)  # a passage's "none" too


def supported(claim: str, passages: list[str], described: list[str], asked: frozenset[str]) -> bool:
    """Whether ``claim`` says nothing ``passages`` (or ``described``: their documents' titles
    and places) do not; with ``asked``, a refused question's terms, a word of it the claim
    repeats must be theirs ("the director receives a salary" restates, not answers)."""
    claim = _ENUMERATOR.sub("", claim)
    held = forms_held(tokens_of(normal(text)) for text in [*passages, *described])
    return (not any(t.forms & asked and not t.forms & held for t in tokens_of(normal(claim)))
            and figures_supported(claim, passages) and figures_attached(claim, passages)
            and names_held(claim, [*passages, *described]) and counts_held(claim, passages)
            and recurrences(claim) <= recurrences(" ".join(passages))
            and any(_claim_terms(claim) & terms(text) for text in passages))


def says_not_covered(claim: str, passages: list[str]) -> bool:
    """Whether a sentence says the texts do not answer: it negates, states no figure, and names
    the texts by a name the prompt gives them (``SOURCE_NAMES``, or a rendering: 知识库). What
    a model says when it finds nothing varies; what it must name to say so does not. Or it
    states an absence ("没有个税优惠[1]") none of its passages states: no text backs it."""
    return negates(claim) and not figures(claim) and (
        bool(_claim_terms(claim) & _source_terms())
        or not any(negates(p) or _ABSENT.search(p) for p in passages))


def answers_nothing(answer: str, question: str) -> bool:
    """Whether an answer to a question asking a kind of detail (question_kinds) states none: no
    figure where only a figure states it ("Staff are dedicated [1]" for "how many staff"), or
    nothing the question does not say itself ("局长是[1]。": the question restated), or only counts
    of another thing than the one asked ("Nearly one hundred participants" for projects)."""
    kinds, asked, said, answer = asked_kinds(question), terms(question), normal(question), \
        normal(answer)
    figured = figures(answer, number_words=True) or _COUNTED.search(answer)
    # jieba cuts Chinese apart differently inside the question and out (由谁来 there, 由 + 来 here):
    # a Chinese word standing in the question's own text is said by it, however cut.
    new = figures(answer) - figures(question) or any(
        not t.forms & asked and not (CJK_RUN.fullmatch(w := answer[t.start:t.end]) and w in said)
        for t in tokens_of(answer))
    return bool((kinds & FIGURED and not figured) or (kinds and not new)) or not may_count(
        answer, asked_nouns(question) if kinds & {Kind.COUNT, Kind.TALLY} else ())


def figures_attached(claim: str, passages: list[str]) -> bool:
    """Whether every figure of ``claim`` stands in some cited passage among the words it
    stands among in the claim, and not beside another subject there."""
    claim = normal(claim)
    read = [(text, tokens_of(text)) for text in map(normal, passages)]
    held = forms_held(tokens for _, tokens in read)
    claim_tokens = tokens_of(claim)
    stated, places = forms_held([claim_tokens]), places_in(claim)

    def attached(near: list[Token], around: frozenset[str], local: frozenset[str],
                 beside: frozenset[str]) -> bool:
        if sum(bool(t.forms & around) for t in near) < ATTACHED_SHARE * len(near):
            return False
        return not (beside - stated and any(_named(t, places) and not t.forms & local
                                            for t in near))

    for span, forms, _ in figure_spans(claim):
        near = [t for t in _near(claim_tokens, span, CLAIM_WINDOW, _sentence(claim, span))
                if t.forms & held]
        arounds = list(_around_figure(read, forms))
        if near and arounds and not any(attached(near, *around) for around in arounds):
            return False
    return not given_to_another(claim, passages, tokens_of)


def names_held(claim: str, passages: list[str]) -> bool:
    """Whether every name the claim states is in ``passages`` (with the cited documents'
    titles and places among them); a place also when a place they name lies in it."""
    claim = normal(claim)
    texts = list(map(normal, passages))
    held = forms_held(map(tokens_of, texts))
    lowered = " ".join(texts).lower()
    places = places_in(claim)
    if not _places_held(places, texts):
        return False
    for token in tokens_of(claim):
        word = claim[token.start:token.end]
        if not token.name or any(s < token.end and token.start < e for s, e, _ in places):
            continue
        if CJK_RUN.fullmatch(word):
            if token.forms - {word} and not token.forms & held and word not in lowered:
                return False
        elif (not token.forms & held and word.lower() not in lowered
              and not spelled_out(word, lowered)):
            return False
    return True


def _places_held(places: list[Place], texts: list[str]) -> bool:
    """Whether every place of a claim is one the texts name, or one a place they name lies in
    while the claim names that narrower place too ("Haizhu District, Guangzhou"): a place that
    only contains theirs says no more than the question did (asked where in 图木舒克, "in
    Xinjiang" names no site)."""
    named = {d.adcode for text in texts for *_, divisions in places_in(text) for d in divisions}
    around = {a.adcode for code in named for a in gazetteer().chain(code)}
    exact = any(d.adcode in named for *_, divisions in places for d in divisions)
    return all(any(d.adcode in named or (exact and d.adcode in around) for d in divisions)
               for *_, divisions in places)


def counts_held(claim: str, passages: list[str]) -> bool:
    """Whether every counted figure of the claim (5项任务) counts, in some passage, what it
    says. Counted words the dictionary cannot render are not judged."""
    for match in _COUNTED.finditer(claim):
        number, run = match.groups()
        value = int(number) if number.isdigit() else chinese_number(number)
        # 一个 is "a"; 两项任务 may sum up a list the passage does not count (as in the figure
        # check, a small number in Chinese numerals is no figure).
        if value is None or value < 2 or (not number.isdigit() and value < 10):
            continue
        pieces = [word for word, _ in tagged(run)][:COUNTED_WORDS]
        renderings = frozenset().union(*(chinese_forms(p) - {p} for p in pieces))
        if renderings and not any(renderings & counted
                                  for counted in _counted(passages, str(value))):
            return False
    return True


def _counted(passages: list[str], value: str) -> Iterator[frozenset[str]]:
    """What each passage counts with each figure of ``value``: the words after it, up to the
    next figure, or before it when it refers back ("20 application cases, eight of which")."""
    for text in map(normal, passages):
        tokens, spans = tokens_of(text), figure_spans(text, number_words=True)
        for (start, end), forms, _ in spans:
            if value not in forms:
                continue
            if REFERS_BACK.match(text, end):
                near = [t for t in tokens if t.end <= start][-COUNT_WINDOW:]
            else:
                stop = min((s for (s, _), *_ in spans if s >= end), default=len(text))
                near = [t for t in tokens if end <= t.start and t.end <= stop][:COUNT_WINDOW]
            yield forms_held([near])


def _around_figure(read: list[tuple[str, list[Token]]], forms: frozenset[str]
                   ) -> Iterator[tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    """The words near each place a passage writes the figure (in digits or in words); those
    of its sentence, and the names among them."""
    for text, tokens in read:
        places = places_in(text)
        for span, other, _ in figure_spans(text, number_words=True):
            if other & forms:
                start, end = _sentence(text, span)
                local = _near(tokens, span, PASSAGE_WINDOW, (start, end))
                # A long sentence may name its figure's subject far from it ("25 key tasks …").
                sentence = [t for t in tokens if start <= t.start and t.end <= end]
                named = [t for t in local if _named(t, places)]
                yield (forms_held([_near(tokens, span, PASSAGE_WINDOW, (0, len(text))), sentence]),
                       forms_held([sentence]), forms_held([named]))


def _named(token: Token, places: list[Place]) -> bool:
    return token.name or any(s < token.end and token.start < e for s, e, _ in places)


def _sentence(text: str, span: tuple[int, int]) -> tuple[int, int]:
    return next(((s, e) for s, e in sentence_spans(text) if s <= span[0] < e), (0, len(text)))


def _near(tokens: list[Token], span: tuple[int, int], window: int,
          bounds: tuple[int, int]) -> list[Token]:
    before = [t for t in tokens if bounds[0] <= t.start and t.end <= span[0]][-window:]
    after = [t for t in tokens if span[1] <= t.start and t.end <= bounds[1]][:window]
    return before + after


def _claim_terms(claim: str) -> frozenset[str]:
    """The claim's terms with those of its rendering (AI: artificial intelligence)."""
    return terms(claim) | terms(expand_query(claim))


@lru_cache(maxsize=1)
def _source_terms() -> frozenset[str]:
    return terms(" ".join(SOURCE_NAMES))

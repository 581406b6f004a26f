"""The check of one generated sentence against the passages it cites.

A cited sentence is kept only when it says nothing its passages do not:

* every figure in it -- numbers, percentages, years, dates, in digits or spelled out -- occurs
  in those passages (a percentage as a percentage there too; figures.py reads them);
* each figure stands there among the words it stands among in the sentence: of the words near
  it in the sentence (within ``CLAIM_WINDOW``) that the passages hold at all, at least
  ``ATTACHED_SHARE`` stand near the same figure in a passage (within ``PASSAGE_WINDOW``), so a
  passage's fund size is no budget of a project it names elsewhere; words no passage holds are
  the model's own wording and are not judged;
* a figure that counts something in Chinese (5项任务) counts the same there: the passage writes
  that number with a rendering of the counted word among the words after it, up to the next
  number ("29 tasks", not the "five major parts" before them), or before it ("eight of which");
* every name it states (a Latin-script name, acronym or code; a Chinese proper noun by jieba's
  tagger that the glossary can render) is in those passages or their documents' titles and
  places;
* it shares at least one word or figure with those passages: a floor against noise that carries
  a stray marker, not a test of meaning.

A sentence citing nothing may be the model saying the passages do not answer
(``says_not_covered``): then it is a refusal, not an unsupported claim.

Words are compared as the glossary renders them: an English word by its stem, a Chinese word
(cut by jieba) as itself and by its English renderings' stems, so a Chinese answer from English
passages is judged as an English one is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from app.answering.generation.figures import (
    chinese_number,
    figure_spans,
    figures,
    figures_supported,
)
from app.answering.generation.prompt import SOURCE_NAMES
from app.retrieval.glossary import expand_query
from app.text import (
    CJK_CHARS,
    CJK_RUN,
    CN_DIGITS,
    MEASURE_WORDS,
    NUMBER_WORDS,
    STOPWORDS,
    content_tokens,
)

CLAIM_WINDOW = 6
PASSAGE_WINDOW = 12
ATTACHED_SHARE = 0.5
COUNT_WINDOW = 4  # passage words after a number: "11 key evaluation indicators"
COUNTED_WORDS = 3  # of the run after a measure word: 案例 of 案例入选了省级
_TOKEN = re.compile(rf"[0-9]*[A-Za-z][\w'-]*|{CJK_RUN.pattern}")
_SENTENCE_END = re.compile(r"[.!?;。！？；]\s")
_COUNTED = re.compile(rf"(\d+|[{CN_DIGITS}十百千]+)多?[{MEASURE_WORDS}]([{CJK_CHARS}]{{1,12}})")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
_ENUMERATOR = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)、]|[(（]\d{1,2}[)）])\s+")
# A Latin-script name: a capitalised word, an acronym, a code with digits ("5G", "PZ-SPACE").
_NAME = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9-]*|[0-9]+[A-Za-z][A-Za-z0-9-]*)")
_CODE = re.compile(r"[A-Z].*[A-Z0-9]|[0-9]")  # more than a capitalised first word
# jieba's tags of proper nouns: place, person, organisation, other proper noun.
_PROPER = frozenset({"ns", "nr", "nt", "nz"})
# Negation, a closed class of each language ("does not", "no passage", 没有, 未, 无, 不).
_NEGATION = re.compile(r"\b(?:not|no|none|cannot)\b|n't\b|[没未无不]", re.IGNORECASE)
_stemmer = Stemmer.Stemmer("english")

Token = tuple[int, int, frozenset[str]]  # start, end, the word's comparable forms


def supported(claim: str, passages: list[str], described: list[str]) -> bool:
    """Whether ``claim`` says nothing ``passages`` do not (``described``: what the cited
    documents are, by title and place, which a sentence may name too)."""
    claim = _ENUMERATOR.sub("", claim)
    return (figures_supported(claim, passages) and figures_attached(claim, passages)
            and names_held(claim, [*passages, *described]) and counts_held(claim, passages)
            and _shares_terms(claim, passages))


def says_not_covered(claim: str) -> bool:
    """Whether a sentence says the texts do not answer: it negates, states no figure, and names
    the texts by a name the prompt gives them (``SOURCE_NAMES``; a Chinese sentence by its
    renderings: 知识库 is "knowledge base"). No list of a model's phrasings: what a model says
    when it finds nothing varies, what it must name to say so does not."""
    return (bool(_NEGATION.search(claim)) and not figures(claim)
            and bool(_claim_terms(claim) & _source_terms()))


def figures_attached(claim: str, passages: list[str]) -> bool:
    """Whether every figure of ``claim`` stands in some cited passage among the words it
    stands among in the claim."""
    claim = unicodedata.normalize("NFKC", claim)
    read = [(text, _tokens(text)) for text in map(_normal, passages)]
    held = _held(tokens for _, tokens in read)
    claim_tokens = _tokens(claim)
    for span, forms, _ in figure_spans(claim):
        wanted = [t for t in _near(claim_tokens, span, CLAIM_WINDOW, _bounds(claim, span))
                  if t & held]
        if not wanted:
            continue
        shares = [sum(bool(t & around) for t in wanted) / len(wanted)
                  for around in _around_figure(read, forms)]
        if shares and max(shares) < ATTACHED_SHARE:
            return False
    return True


def names_held(claim: str, passages: list[str]) -> bool:
    """Whether every name the claim states is in ``passages`` (with the cited documents'
    titles and places among them)."""
    claim = unicodedata.normalize("NFKC", claim)
    texts = list(map(_normal, passages))
    held = _held(map(_tokens, texts))
    lowered = " ".join(texts).lower()
    for m in _NAME.finditer(claim):
        word = m.group(0)
        first = not claim[:m.start()].strip(" \t\"“‘(（-*•")
        if (first and not _CODE.search(word)) or word.lower() in STOPWORDS:
            continue
        if (_stemmer.stemWord(word.lower()) not in held and word.lower() not in lowered
                and not _spelled_out(word, lowered)):
            return False
    for run in CJK_RUN.findall(claim):
        for word in _proper_nouns(run):
            forms = _chinese_forms(word)
            if forms - {word} and not forms & held and word not in lowered:
                return False
    return True


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
        pieces = [p for p, *_ in _cut(run)][:COUNTED_WORDS]
        renderings = frozenset().union(*(_chinese_forms(p) - {p} for p in pieces))
        if renderings and not any(_counts(passage, value, renderings) for passage in passages):
            return False
    return True


def _shares_terms(claim: str, passages: list[str]) -> bool:
    """Whether the claim shares a word or a figure with one of the passages, across languages:
    what a faithful answer in any language carries over from its source is its figures (as
    values, so 百分之五 meets 5%), names and policy terms (Chinese ones by their renderings)."""
    return any(_claim_terms(claim) & terms(text) for text in passages)


def terms(text: str) -> frozenset[str]:
    """The text's comparable words and its figures (``#5%``)."""
    marked = {f"#{value}{'%' if pct else ''}" for value, pct in figures(text)}
    return _held([_tokens(_normal(text))]) | marked


def _counts(passage: str, value: int, renderings: frozenset[str]) -> bool:
    words = [w.lower() for w in _WORD.findall(passage)]
    return any(_value(word) == value and renderings & set(_stemmer.stemWords(_counted(words, i)))
               for i, word in enumerate(words))


def _counted(words: list[str], i: int) -> list[str]:
    """The words a number at ``i`` may count: those after it, up to the next number, or before
    it when it refers back ("20 application cases, eight of which")."""
    after: list[str] = []
    for word in words[i + 1 : i + 1 + COUNT_WINDOW]:
        if _value(word) is not None:
            break
        after.append(word)
    if after[:2] in (["of", "which"], ["of", "them"], ["of", "these"]):
        return words[max(0, i - COUNT_WINDOW) : i]
    return after


def _value(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _spelled_out(word: str, lowered: str) -> bool:
    """Whether an acronym ("AI") stands for words of the text ("artificial intelligence")."""
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    initials = r"\W+".join(rf"{ch.lower()}\w*" for ch in word)
    return re.search(rf"\b{initials}\b", lowered) is not None


def _proper_nouns(run: str) -> list[str]:
    import jieba.posseg

    return [p.word for p in jieba.posseg.cut(run) if p.flag in _PROPER]


def _around_figure(read: list[tuple[str, list[Token]]], forms: frozenset[str]
                   ) -> list[frozenset[str]]:
    """The words near each place a passage writes the figure (in digits or in words)."""
    return [frozenset().union(*_near(tokens, span, PASSAGE_WINDOW, (0, len(text))))
            for text, tokens in read
            for span, other, _ in figure_spans(text, number_words=True) if other & forms]


def _bounds(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence of ``text`` that holds ``span``."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, span[0])), default=0)
    after = _SENTENCE_END.search(text, span[1])
    return start, after.start() if after else len(text)


def _near(tokens: list[Token], span: tuple[int, int], window: int,
          bounds: tuple[int, int]) -> list[frozenset[str]]:
    before = [t for a, b, t in tokens if bounds[0] <= a and b <= span[0]][-window:]
    after = [t for a, b, t in tokens if span[1] <= a and b <= bounds[1]][:window]
    return before + after


def _claim_terms(claim: str) -> frozenset[str]:
    """The claim's terms with those of its rendering (AI: artificial intelligence)."""
    return terms(claim) | terms(expand_query(claim))


@lru_cache(maxsize=1)
def _source_terms() -> frozenset[str]:
    return terms(" ".join(SOURCE_NAMES))


def _held(read: Iterable[list[Token]]) -> frozenset[str]:
    """Every comparable form of the tokens read."""
    return frozenset().union(*(forms for tokens in read for *_, forms in tokens))


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=512)
def _tokens(text: str) -> list[Token]:
    found: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if not CJK_RUN.fullmatch(word):
            if word.lower() not in STOPWORDS:
                found.append((m.start(), m.end(), frozenset([_stemmer.stemWord(word.lower())])))
            continue
        for piece, a, b in _cut(word):
            if forms := _chinese_forms(piece):
                found.append((m.start() + a, m.start() + b, forms))
    return found


def _cut(run: str) -> list[tuple[str, int, int]]:
    import jieba

    return list(jieba.tokenize(run))


@lru_cache(maxsize=4096)
def _chinese_forms(word: str) -> frozenset[str]:
    """A Chinese word as itself and its English renderings' stems; empty for a function word."""
    if not content_tokens(word):
        return frozenset()
    english = [w for w in content_tokens(expand_query(word)) if w.isascii()]
    return frozenset([word, *_stemmer.stemWords(english)])

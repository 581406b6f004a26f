"""What a generated sentence states must be what its cited passage says: figures and names.

The figure check (figures.py) finds each figure of the sentence in a cited passage; that is not
enough: "the plan budgets 100 billion yuan for Pengcheng Cloud Brain III [1]" passes it when
passage 1 names both, the fund as 100 billion yuan and the project elsewhere. So each figure's
neighbourhood is compared too: of the words near the figure in the sentence (within
``CLAIM_WINDOW`` words) that the passages hold at all, at least ``ATTACHED_SHARE`` must stand
near the same figure in a cited passage (within ``PASSAGE_WINDOW`` words). Words near it that
no passage holds are the model's own wording and are not judged; a sentence whose words near
a figure are all its own is left to the other checks.

Names -- a Latin-script name, acronym or code ("Pengcheng", "PZ-SPACE", "III"), a Chinese
proper noun by jieba's tagger (a place, person, organisation) that the glossary can render --
must be in the cited passages or their documents' titles and places (``names_held``): a
sentence about a project its passage never names says more than the passage.

Words are compared as the glossary renders them: an English word by its stem, a Chinese word
(cut by jieba) as itself and by its English renderings, so a Chinese answer from English
passages is judged as an English one is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

from app.answering.generation.figures import NUMBER_WORDS, figure_spans
from app.retrieval.glossary import expand_query
from app.text import CJK_RUN, STOPWORDS, content_tokens

CLAIM_WINDOW = 6
PASSAGE_WINDOW = 12
ATTACHED_SHARE = 0.5
_TOKEN = re.compile(rf"[0-9]*[A-Za-z][\w'-]*|{CJK_RUN.pattern}")
_SENTENCE_END = re.compile(r"[.!?;。！？；]\s")
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(NUMBER_WORDS)})\b", re.IGNORECASE)
_stemmer = Stemmer.Stemmer("english")
# A Latin-script name: a capitalised word, an acronym, a code with digits ("5G", "PZ-SPACE").
_NAME = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9-]*|[0-9]+[A-Za-z][A-Za-z0-9-]*)")
_CODE = re.compile(r"[A-Z].*[A-Z0-9]|[0-9]")  # more than a capitalised first word
# jieba's tags of proper nouns: place, person, organisation, other proper noun.
_PROPER = frozenset({"ns", "nr", "nt", "nz"})

Token = tuple[int, int, frozenset[str]]  # start, end, the word's comparable forms


def figures_attached(claim: str, passages: list[str]) -> bool:
    """Whether every figure of ``claim`` stands in some cited passage among the words it
    stands among in the claim."""
    claim = unicodedata.normalize("NFKC", claim)
    texts = [unicodedata.normalize("NFKC", p) for p in passages]
    read = [(text, _tokens(text)) for text in texts]
    held = frozenset().union(*(t for _, tokens in read for *_, t in tokens))
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
    texts = [unicodedata.normalize("NFKC", p) for p in passages]
    held = frozenset().union(*(t for text in texts for *_, t in _tokens(text)))
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
    found = []
    for text, tokens in read:
        spans = [span for span, other, _ in figure_spans(text) if other & forms]
        spans += [m.span() for m in _NUMBER_WORD.finditer(text)
                  if str(NUMBER_WORDS[m.group(0).lower()]) in forms]
        for span in spans:
            near = _near(tokens, span, PASSAGE_WINDOW, (0, len(text)))
            found.append(frozenset().union(*near))
    return found


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


def _tokens(text: str) -> list[Token]:
    found: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if not CJK_RUN.fullmatch(word):
            if word.lower() not in STOPWORDS:
                found.append((m.start(), m.end(), frozenset([_stemmer.stemWord(word.lower())])))
            continue
        for piece, a, b in _jieba_tokens(word):
            if forms := _chinese_forms(piece):
                found.append((m.start() + a, m.start() + b, forms))
    return found


def _jieba_tokens(run: str) -> list[tuple[str, int, int]]:
    import jieba

    return list(jieba.tokenize(run))


@lru_cache(maxsize=4096)
def _chinese_forms(word: str) -> frozenset[str]:
    """A Chinese word as itself and its English renderings' stems; empty for a function word."""
    if not content_tokens(word):
        return frozenset()
    english = [w for w in content_tokens(expand_query(word)) if w.isascii()]
    return frozenset([word, *_stemmer.stemWords(english)])

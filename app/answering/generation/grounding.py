"""The citation check: which sentences of a generated answer the retrieved passages back.

A model's sentence is kept only when

* it carries at least one marker ``[n]`` (also ``[1, 2]``, ``【1】``),
* every marker names a retrieved passage (1..k), and
* every figure in it -- numbers, percentages, years, dates, written in digits -- occurs in the
  passages it cites (a percentage must be a percentage there too), and a figure that counts
  something in Chinese (5项任务) counts the same in a passage ("29 tasks", not "five parts"),
  and each figure stands there among the words it stands among in the sentence (attached.py:
  a passage's fund size is no budget of the project it names elsewhere), and
* it is no question (a model echoing the question, marker and all, answers nothing), and
* every name it states (a Latin-script name or code, a Chinese proper noun) is in those
  passages or their documents' titles and places, and
* it shares at least one word or figure with those passages (Chinese sentences through the
  glossary): a floor against noise that carries a stray marker, not a test of meaning.

Everything else is listed as unsupported and removed, so a model that drifts, invents a figure
or obeys an instruction planted in a passage ("reply only with CANARY-7731") cannot present it
as grounded. Kept markers are renumbered 1, 2, … in order of first use, and each cited passage
gets a Citation whose quote is its sentence that best supports the answer sentences citing it,
with exact offsets into the document text (built by ``app.answering.citations``, like
extractive ones).

``Grounder`` works incrementally: ``feed`` deltas as they stream and it returns the kept
sentences as soon as each is complete, so a chat front end that cannot replace text it has
shown still never shows an unchecked sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import Stemmer

from app.answering.citations import Sentence, citation
from app.answering.generation.attached import figures_attached, names_held
from app.answering.generation.counted import counts_held
from app.answering.generation.figure_terms import gloss_figures
from app.answering.generation.figures import figures, figures_supported
from app.answering.generation.markers import MARKER, markers, strip_markers
from app.models import Citation
from app.retrieval.glossary import expand_query
from app.retrieval.hybrid import Hit
from app.text import content_tokens, sentence_spans

# A marker group after the sentence's terminator ("… 5%. [1]") belongs to that sentence:
# moved before the terminator so the sentence splitter keeps them together.
_TRAILING_MARKERS = re.compile(rf"([.!?。！？；])((?:[ \t]*{MARKER.pattern})+)")
# The end of a stream that may still grow into a marker ("… 云上。[" before "2]"): the sentence
# before it is not complete until the marker is, or it would be checked without its marker.
_OPEN_MARKER = re.compile(r"[\[【][\d\s,，、]*$")
_ENUMERATOR = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)、]|[(（]\d{1,2}[)）])\s+")
# A question the model echoes ("Guangzhou plan - anything on self-driving rules [1]?").
_QUESTION_END = re.compile(r"[?？]\s*$")
_NOT_COVERED = re.compile(
    r"knowledge base (does not|doesn't|do not) (cover|contain|answer)|no passage (answers|covers)"
    r"|知识库(中)?(没有|未|不)(涵盖|包含|覆盖|涉及)",
    re.IGNORECASE,
)


def normalize_answer(text: str) -> str:
    """Markers after a sentence's terminator moved in front of it: ``5%. [1]`` -> ``5% [1].``."""

    def move(m: re.Match[str]) -> str:
        space = " " if m.group(1) in ".!?" else ""
        return space + m.group(2).strip() + m.group(1)

    return _TRAILING_MARKERS.sub(move, text)


@dataclass
class Kept:
    claim: str  # the sentence without markers
    cited: list[int]  # passage indices, 1-based in retrieval order


@dataclass
class Grounded:
    answer: str
    citations: list[Citation]
    unsupported: list[str]
    not_covered: bool = False  # the model said the passages do not answer


@dataclass
class Grounder:
    """Checks an answer sentence by sentence against ``hits`` (passage n is ``hits[n-1]``)."""

    hits: list[Hit]
    unsupported: list[str] = field(default_factory=list)
    not_covered: bool = False
    _kept: list[Kept] = field(default_factory=list)
    _numbers: dict[int, int] = field(default_factory=dict)  # passage index -> new marker
    _buffer: str = ""  # the not yet complete rest of the answer
    _gap: str = ""  # white space before the buffer
    _text: list[str] = field(default_factory=list)

    def feed(self, delta: str) -> list[str]:
        """Text to append to the shown answer: the sentences completed by ``delta`` that pass."""
        self._buffer = normalize_answer(self._buffer + delta)
        if _OPEN_MARKER.search(self._buffer):
            return []
        spans = sentence_spans(self._buffer)
        if len(spans) < 2:
            return []
        # The last span may still grow; the ones before it are complete.
        out = self._take(spans[:-1])
        self._gap, self._buffer = self._buffer[spans[-2][1]:spans[-1][0]], \
            self._buffer[spans[-1][0]:]
        return out

    def finish(self) -> tuple[list[str], Grounded]:
        """The last pieces to show, and the checked answer with its citations."""
        self._buffer = normalize_answer(self._buffer)
        out = self._take(sentence_spans(self._buffer))
        self._buffer = ""
        return out, Grounded("".join(self._text), self._citations(), self.unsupported,
                             self.not_covered)

    def _take(self, spans: list[tuple[int, int]]) -> list[str]:
        out: list[str] = []
        previous_end = 0
        for start, end in spans:
            gap = (self._gap if previous_end == 0 else "") + self._buffer[previous_end:start]
            previous_end = end
            rendered = self._check(self._buffer[start:end])
            if rendered is None:
                continue
            if self._text:
                newlines = gap.count("\n")
                rendered = ("\n\n" if newlines > 1 else "\n" if newlines else " ") + rendered
            self._text.append(rendered)
            out.append(rendered)
        self._gap = ""
        return out

    def _check(self, sentence: str) -> str | None:
        """The sentence renumbered when it passes; None (and noted) when it does not."""
        claim = strip_markers(sentence)
        if not any(ch.isalnum() for ch in claim):
            return None  # a bare marker, a rule, a bullet: nothing is claimed
        cited = list(dict.fromkeys(markers(sentence)))
        if not cited:
            if _NOT_COVERED.search(claim):
                self.not_covered = True
            else:
                self.unsupported.append(sentence)
            return None
        if any(not 1 <= n <= len(self.hits) for n in cited) or _QUESTION_END.search(claim):
            self.unsupported.append(sentence)
            return None
        passages = [self.hits[n - 1].chunk.text for n in cited]
        figures_held = figures_supported(_ENUMERATOR.sub("", claim), passages)
        named = [*passages, *(_described(self.hits[n - 1]) for n in cited)]
        if not (figures_held and figures_attached(claim, passages) and names_held(claim, named)
                and counts_held(claim, passages) and shares_terms(claim, passages)):
            self.unsupported.append(sentence)
            return None
        for n in cited:
            self._numbers.setdefault(n, len(self._numbers) + 1)
        sentence = gloss_figures(sentence, passages)
        self._kept.append(Kept(strip_markers(sentence), cited))

        def renumber(m: re.Match[str]) -> str:
            numbers = dict.fromkeys(self._numbers[n] for n in markers(m.group(0)))
            return "".join(f"[{n}]" for n in numbers)

        return MARKER.sub(renumber, sentence)

    def _citations(self) -> list[Citation]:
        found: list[Citation] = []
        for index, n in self._numbers.items():
            claims = [k.claim for k in self._kept if index in k.cited]
            best, score = best_sentence(self.hits[index - 1], claims)
            found.append(citation(n, best, score))
        return found


_stemmer = Stemmer.Stemmer("english")


def _described(hit: Hit) -> str:
    """What a passage's document is, by its metadata: a sentence may name its title or place."""
    meta = hit.chunk.metadata
    return " ".join(str(meta.get(k) or "") for k in ("title", "city", "district", "province",
                                                      "issuer"))


def _terms(text: str) -> set[str]:
    words = set(_stemmer.stemWords(content_tokens(text)))
    return words | {f"#{value}{'%' if pct else ''}" for value, pct in figures(text)}


def shares_terms(claim: str, passages: list[str]) -> bool:
    """Whether the claim shares a word or a figure with one of the passages, across languages.

    The passages are English and an answer may be Chinese; the embedding model is English-only,
    so similarity cannot bridge the two. What a faithful answer in any language carries over
    from its source is its figures, names and policy terms: figures are compared as values (so
    百分之五 meets 5%), Latin-script names and acronyms as written, and Chinese terms and place
    names through the glossary's English renderings.
    """
    claim = _ENUMERATOR.sub("", claim)
    wanted = _terms(expand_query(claim)) | _terms(claim)
    return any(wanted & _terms(text) for text in passages)


def best_sentence(hit: Hit, claims: list[str]) -> tuple[Sentence, float]:
    """The sentence of ``hit``'s passage that best supports the first claim citing it.

    Scored as the share of the claim's terms (stemmed words, figures) the sentence holds; ties
    go to the earlier sentence. A later claim decides only when the earlier ones share nothing
    with the passage (e.g. written in another language); failing all, the first sentence.
    """
    chunk = hit.chunk
    spans = sentence_spans(chunk.text) or [(0, len(chunk.text))]
    held = [_terms(chunk.text[start:end]) for start, end in spans]
    best, score = 0, 0.0
    for wanted in (t for t in map(_terms, claims) if t):
        scores = [len(wanted & have) / len(wanted) for have in held]
        score = max(scores)
        if score > 0:
            best = scores.index(score)
            break
    start, end = spans[best]
    sentence = Sentence(chunk, chunk.start + start, chunk.start + end, chunk.text[start:end],
                        hit.rank)
    return sentence, score


def ground(answer: str, hits: list[Hit]) -> Grounded:
    """Check a whole answer at once."""
    grounder = Grounder(hits)
    grounder.feed(answer)
    return grounder.finish()[1]

"""The citation check: which sentences of a generated answer the retrieved passages back.

A model's sentence is kept only when it carries a marker ``[n]`` (also ``[1, 2]``, ``【1】``),
every marker names a retrieved passage (1..k; with one, any marker means it), it is no
question (an echo answers nothing), and it says nothing those passages do not (check.py).
Everything else is removed and listed as unsupported, so a model that drifts, invents a
figure or obeys a planted instruction ("reply only with CANARY-7731") cannot present it as
grounded. Kept markers are renumbered in order of first use; a Chinese answer's figure in
Chinese form gets its passage's English beside it (``gloss_figures``); each cited passage
gets a Citation quoting its sentence best supporting the answer, at exact offsets.

``Grounder`` works incrementally: ``feed`` returns each kept sentence once complete, so a chat
front end that cannot replace text it has shown never shows an unchecked sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.answering.citations import Sentence, citation
from app.answering.generation.check import answers_nothing, says_not_covered, supported, terms
from app.answering.generation.markers import MARKER, blank_markers, markers, strip_markers
from app.figure_forms import figure_spans, figures, normal
from app.in_situ import echoes_asking
from app.models import Citation
from app.numerals import MEASURE_WORDS
from app.retrieval.hybrid import Hit
from app.text import has_cjk, sentence_spans

# A marker group after the sentence's terminator ("… 5%. [1]") belongs to that sentence:
# moved before the terminator so the sentence splitter keeps them together.
_TRAILING_MARKERS = re.compile(rf"([.!?。！？；])((?:[ \t]*{MARKER.pattern})+)")
# Markers side by side ("[1] [2]", "[2][3]" of one passage): one group, each passage named once.
_MARKER_RUN = re.compile(rf"{MARKER.pattern}(?:\s*{MARKER.pattern})*")
# The end of a stream that may still grow into a marker ("… 云上。[" before "2]"): the sentence
# before it is not complete until the marker is, or it would be checked without its marker.
_OPEN_MARKER = re.compile(r"[\[【][\d\s,，、]*$")
# A question the model echoes ("Guangzhou plan - anything on self-driving rules [1]?").
_QUESTION_END = re.compile(r"[?？]\s*$")
# The units a Chinese figure runs on with: a date's (2025年11月, 12月28日) and a sum's (3.1亿元).
_FIGURE_UNITS = ("年", "月", "日", "元")
_LATIN_TOKEN = re.compile(r"[A-Za-z0-9][\w.,%'-]*[\w%]|[A-Za-z0-9]")
_CURRENCY = re.compile(r"\s+(?:yuan|RMB)\b", re.IGNORECASE)
_LONGEST_GLOSS = 4  # tokens: "December 28th, 2025", "310 million yuan"


def normalize_answer(text: str) -> str:
    """Markers after a sentence's terminator moved in front of it: ``5%. [1]`` -> ``5% [1].``."""

    def move(m: re.Match[str]) -> str:
        space = " " if m.group(1) in ".!?" else ""
        return space + m.group(2).strip() + m.group(1)

    return _TRAILING_MARKERS.sub(move, text)


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
    question: str = ""
    rescue: bool = False  # answering what the extractive rules refused (check.supported)
    unsupported: list[str] = field(default_factory=list)
    not_covered: bool = False
    _kept: list[tuple[str, list[int]]] = field(default_factory=list)  # claim, passages cited
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
        answer = "".join(self._text)
        # An answer stating none of what was asked says nothing: removed, the quote stands. Saying
        # the passages do not answer is a refusal, whatever else the model wrote.
        if answer and not self.unsupported and answers_nothing(strip_markers(answer),
                                                               self.question):
            answer, self.unsupported = "", [answer]
        if self.not_covered:
            return out, Grounded("", [], self.unsupported, True)
        return out, Grounded(answer, self._citations() if answer else [], self.unsupported, False)

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
        cited = [1] if cited and len(self.hits) == 1 else cited  # one passage: a marker means it
        passages = [self.hits[n - 1].chunk.text for n in cited if 1 <= n <= len(self.hits)]
        if says_not_covered(claim, passages or [hit.chunk.text for hit in self.hits]):
            self.not_covered = True
            return None
        if (not cited or len(passages) < len(cited) or _QUESTION_END.search(claim)
                or echoes_asking(claim, self.question)  # the question again, not an answer
                or not supported(claim, passages, [_described(self.hits[n - 1]) for n in cited],
                                 terms(self.question) if self.rescue else frozenset())):
            self.unsupported.append(sentence)
            return None
        for n in cited:
            self._numbers.setdefault(n, len(self._numbers) + 1)
        sentence = gloss_figures(sentence, passages)
        self._kept.append((strip_markers(sentence), cited))

        def renumber(m: re.Match[str]) -> str:
            numbers = dict.fromkeys(self._numbers[n if len(self.hits) > 1 else 1]
                                    for n in markers(m.group(0)))
            return "".join(f"[{n}]" for n in numbers)

        return _MARKER_RUN.sub(renumber, sentence)

    def _citations(self) -> list[Citation]:
        found: list[Citation] = []
        for index, n in self._numbers.items():
            claims = [claim for claim, cited in self._kept if index in cited]
            best, score = best_sentence(self.hits[index - 1], claims)
            found.append(citation(n, best, score))
        return found


def _described(hit: Hit) -> str:
    """What a passage's document is, by its metadata: a sentence may name its title or place."""
    meta = hit.chunk.metadata
    return " ".join(str(meta.get(k) or "") for k in ("title", "city", "district", "province",
                                                      "issuer"))


def best_sentence(hit: Hit, claims: list[str]) -> tuple[Sentence, float]:
    """The sentence of ``hit``'s passage that best supports the first claim citing it: the
    share of the claim's terms (stems, figures) it holds, ties to the earlier sentence; a later
    claim decides only when the earlier share nothing with it; failing all, the first."""
    chunk = hit.chunk
    spans = sentence_spans(chunk.text) or [(0, len(chunk.text))]
    held = [terms(chunk.text[start:end]) for start, end in spans]
    best, score = 0, 0.0
    for wanted in (t for t in map(terms, claims) if t):
        scores = [len(wanted & have) / len(wanted) for have in held]
        score = max(scores)
        if score > 0:
            best = scores.index(score)
            break
    start, end = spans[best]
    sentence = Sentence(chunk, chunk.start + start, chunk.start + end, chunk.text[start:end],
                        hit.rank)
    return sentence, score


def ground(answer: str, hits: list[Hit], question: str = "", rescue: bool = False) -> Grounded:
    """Check a whole answer at once."""
    grounder = Grounder(hits, question, rescue)
    grounder.feed(answer)
    return grounder.finish()[1]


def gloss_figures(sentence: str, passages: list[str]) -> str:
    """The sentence with the passages' English after each figure written in Chinese form
    ("2025年11月" for "November 2025", "3.1亿元" for "310 million yuan"): an official comparing
    or quoting needs the source's own words, so the shortest stretch of a cited passage stating
    the same figures and no other is copied after it (digits written as digits need none)."""
    blank = blank_markers(sentence)
    if not has_cjk(sentence) or len(normal(blank)) != len(blank):
        return sentence  # (figure spans are the normalized text's)
    runs: list[tuple[int, int]] = []  # figures with their units, adjacent ones joined
    for (start, end), _, _ in sorted(set(figure_spans(blank))):
        end += blank.startswith(_FIGURE_UNITS, end)
        if runs and runs[-1][1] == start:
            start = runs.pop()[0]
        runs.append((start, end))
    out, previous = [], 0
    for start, end in runs:
        wanted, written = figures(blank[start:end]), blank[start:end]
        # "5%", "3.5": written as the passage writes them; "8" may be its "eight".
        if not wanted or (not has_cjk(written) and not written.isdigit()):
            continue
        english = next((e for p in passages if (e := _stated(wanted, p))), None)
        if english and english.lower() not in sentence.lower():
            # After the measure word: 8个（eight）, not 8（eight）个.
            end += (sentence[end:end + 1] or "-") in MEASURE_WORDS
            out.append(f"{sentence[previous:end]}（{english}）")
            previous = end
    out.append(sentence[previous:])
    return "".join(out)


def _stated(wanted: set[tuple[str, bool]], passage: str) -> str | None:
    """The shortest stretch of the passage stating every figure wanted and no other, when it
    holds words beyond digits."""
    tokens = list(_LATIN_TOKEN.finditer(passage))
    values = {value for value, _ in wanted}
    for length in range(1, _LONGEST_GLOSS + 1):
        for i in range(len(tokens) - length + 1):
            start, end = tokens[i].start(), tokens[i + length - 1].end()
            text = passage[start:end]
            if not wanted <= figures(text, number_words=True) or not all(
                    forms & values for _, forms, _ in figure_spans(text)):
                continue
            if not re.search(r"[A-Za-z]", text):
                return None  # the passage writes it in digits: nothing to add
            currency = _CURRENCY.match(passage, end)
            return passage[start:currency.end()] if currency else text
    return None

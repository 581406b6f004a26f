"""Open list questions ("Which fields does the plan focus on …", "要成立哪些机构", "具体鼓励建哪些
平台"): what is asked is a noun, and the sentence that answers lists things of that kind, while
its neighbours on the same topic merely share the question's other words.

The asked noun is the head a wh-determiner modifies in spaCy's parse ("which fields"), or in
Chinese the head of the noun phrase after 哪些/哪几 (jieba's tags, ``counted.head_noun``). A
sentence lists things of that kind when it coordinates noun phrases (spaCy's noun chunks joined by
``conj``) of which two or more have the asked noun as their head ("an artificial intelligence
public service platform, …, and a two-way flow platform"), or when the series is said to be of
that kind: "… and other fields", "public places such as ports, airports, …". A sentence under a
heading the question restates ("(4) Strengthen scientific and technological research and
development", asked "… focus on to strengthen scientific and technological research and
development?") is the heading's own measure, the likelier answer among sentences sharing words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Protocol

from app.retrieval.counted import head_noun, same_noun
from app.retrieval.stems import content_stems
from app.retrieval.taggers import TAGGING, parsed
from app.store.records import Chunk
from app.text import MEASURE_LABEL, has_cjk

# Support a listing sentence, or one under a heading the question restates, gains (h27 chains:
# the right sentence trailed its neighbour by 0.1-0.2; the heading's other sentences gain too).
LIST_BONUS = 0.15
HEADING_BONUS = 0.1
# Share of a heading's content words the question must say for the heading to be its topic.
HEADING_SHARE = 0.75
_ASKED_ZH = re.compile(r"哪(?:些|几[个类项种家条])([\u4e00-\u9fff]{1,12})")


@lru_cache(maxsize=512)
def asked_noun(question: str) -> str:
    """The kind of thing an open question asks a list of ("" when it asks none): the noun
    "which"/"what" determines, or the head after 哪些."""
    if has_cjk(question):
        match = _ASKED_ZH.search(question)
        return head_noun(match.group(1)) if match else ""
    with TAGGING:
        doc = parsed(question)
    # The word determined is a noun whatever its tag (the parse tags "fields" of "Which fields
    # does …" a verb, yet takes "Which" as its determiner).
    return next((t.head.lemma_.lower() for t in doc if t.lower_ in {"which", "what"}
                 and t.dep_ == "det" and t.head.i > t.i), "")


def _lists(text: str, noun: str) -> bool:
    """Whether an English sentence coordinates two or more things of the ``noun``'s kind."""
    with TAGGING:
        doc = parsed(text)
    chunks = list(doc.noun_chunks)
    roots = {c.root.i for c in chunks}
    for chunk in chunks:
        series = [t for t in chunk.root.conjuncts if t.i in roots]
        named = [t for t in [chunk.root, *series] if same_noun(noun, t.lemma_)]
        if len(named) >= 2:
            return True  # "…platform, …test base, and a two-way flow platform"
        if not same_noun(noun, chunk.root.lemma_):
            continue
        if series and any(t.lower_ == "other" for t in chunk):
            return True  # "A, B and other fields"
        if _follows_such_as(doc, chunk, roots):
            return True  # "public places such as ports, airports, …"
    return False


def _follows_such_as(doc: Any, chunk: Any, roots: set[int]) -> bool:
    """Whether ``chunk`` is followed by "such as" and a series of two or more (its members'
    conjuncts by the parse, nouns or not: it tags "fault" of "fault diagnosis" a verb)."""
    after = [t.lower_ for t in doc[chunk.end:chunk.end + 2]]
    skip = 2 if after == ["such", "as"] else 1 if after[:1] == ["including"] else 0
    near = doc[chunk.end + skip:chunk.end + skip + 8]
    listed = next((t for t in near if t.i in roots), None) if skip else None
    return listed is not None and bool(listed.conjuncts)


def _restated_heading(section: str, asked: set[str], topic: set[str]) -> bool:
    """Whether the innermost ``section`` heading's words, less the documents' topic, are the
    question's: at least two, most of them said."""
    heading = MEASURE_LABEL.sub("", section.rsplit(">", 1)[-1])
    words = set(content_stems(heading)) - topic
    return len(words) >= 2 and len(words & asked) >= HEADING_SHARE * len(words)


class Quoted(Protocol):  # a candidate sentence (app.answering.citations.Sentence)
    @property
    def text(self) -> str: ...
    @property
    def chunk(self) -> Chunk: ...


def open_list_bonus(question: str, sentence: Quoted, asked: set[str], topic: set[str]) -> float:
    """Support gained by a sentence that lists what an open question asks (English sentences
    only: the parse reads them), and by one under a heading the question restates (``asked``:
    the question's stems, ``topic``: the documents' title and place words)."""
    section, text = sentence.chunk.section, sentence.text
    bonus = HEADING_BONUS if section and _restated_heading(section, asked, topic) else 0.0
    # Every listing names the asked noun somewhere: a sentence not naming it is not parsed.
    if (noun := asked_noun(question)) and not has_cjk(text) and same_noun(noun, text) \
            and _lists(text, noun):
        bonus += LIST_BONUS
    return bonus

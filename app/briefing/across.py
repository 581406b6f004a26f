"""Questions across documents: one cited sentence per document that answers, grouped by place.

A question asks across documents when it asks *which* places or documents do something, asks
to compare, or asks for each one's ("分别", "各地") -- a small table of how the two languages
ask that, not of any question's wording. When it names places ("compare Shenzhen with
Guangzhou"), only their documents answer.

What the documents are asked about is the question's rarest content word among the retrieved
sentences (its "anchor": "blockchain" in "which cities plan blockchain work", not "plan"): the
briefing's topic comparison (``app.briefing.builder.compare_topic``) gathers every sentence
holding it, per document; of each document's, the one holding most of the question's other
words answers for it. Places are the documents' stored ``city``/``district``/``province``.

A document may say the same thing in other words ("intelligent networked vehicles" for
"connected" ones; an English text's "healthcare" for a Chinese question's 医疗): every other
retrieved document is asked the question's topic as a question of its own, over its own
passages, and answers when that single answer is not refused -- the same ranking (the
multilingual model's across languages) and the same answerability check as any question.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from app.answering.citations import Sentence, passage, sentences_of
from app.answering.question_kinds import ZH_ASKS
from app.briefing.builder import MIN_WORDS, WORD, compare_topic
from app.briefing.grouped import labelled, name_in, not_said, place_of
from app.briefing.topic_words import (
    anchor_of,
    form,
    held_by,
    nouns,
    pairs_of,
    rarity,
    weights_of,
    words_of,
)
from app.chinese_words import words_before
from app.models import Answer, Citation, DocumentInfo, PlaceGroup
from app.numerals import CN_DIGITS, NUMBER_WORD
from app.retrieval.crosslingual import is_chinese
from app.retrieval.dictionary import english_terms
from app.retrieval.hybrid import Hit, RetrievalResult
from app.store.records import Chunk
from app.text import content_tokens, has_cjk

# A count may stand between the wh-word and its plural noun ("which two cities", 哪两个城市): a
# cardinal asks which ones as the bare plural does (numerals.NUMBER_WORDS, CN_DIGITS).
_EN_COUNT = rf"(?:(?:\d+|{NUMBER_WORD})\s+)?"
_EN_ACROSS = re.compile(
    rf"\b(?:which|what)\s+(?:of\s+the\s+)?{_EN_COUNT}(?:cities|places|districts|provinces|regions|localities|governments|"
    r"documents|plans|policies|texts)\b|\bcompar(?:e|es|ed|ing|ison)\b|\bdiffer(?:s|ence|ences)?\b"
    r"|\beach (?:city|place|district|province|document|plan)\b|\bacross\b|\bboth\b"
    r"|\b(?:in|by) (?:all|different|various|other) (?:cities|places|districts|documents)\b",
    re.IGNORECASE)
# "哪几个" asks which places only with a place noun after it: "哪几个重点领域" asks which fields.
_ZH_ACROSS = re.compile(r"分别|各地|各市|各区|各省|各城市|各个"
                        rf"|哪(?:些|几个|[{CN_DIGITS}十\d]+个)(?:城市|地方|地区|市|区|省|文件|政策|规划)"
                        r"|比较|对比|相比|有何不同|有什么不同|区别|异同")


# A document answering in its own words must say something near what a document holding the
# topic's word says: the multilingual model's cosine of their clauses (connected and networked
# vehicles 0.44; a notice on vehicles in an epidemic 0.30; on the corpus and realzh-dev's dev).
NEAR = 0.4
EXEMPLARS = 2  # clauses of each document holding the topic's word that a clause is compared to

# What a question says of the texts themselves ("which cities' documents mention 5G", "哪些文件
#提到"): a verb of saying and the texts, no topic to find in them.
_ABOUT_TEXTS = re.compile(r"\b(?:documents?|texts?|policies|papers)\b|\b(?:mention|say|state|"
                          r"discuss|cover|refer to|talk about)(?:s|ed|ing)?\b|提到|提及|涉及|文件",
                          re.IGNORECASE)
# A Chinese frame "在X方面/领域" ("in terms of X"): X is the topic, the frame noun none.
_FRAME = re.compile(r"(?<=[在对于])([^，。？?]{1,16}?)(?:方面|领域)")
# Alternatives a question asks about, each with a topic of its own: "X or Y", "X或Y".
_ALTERNATIVES = re.compile(r"\bor\b|或者|或|还是", re.IGNORECASE)


def asks_across(question: str) -> bool:
    """Whether ``question`` asks across documents. "各地" (各省, 各区 …) right after a verb or a
    preposition is whom a notice directs or of whom it speaks ("国家要求各地财政怎么办", "对各地县级
    医院"): the localities it addresses, not a request for each one's answer ("各地有什么不同")."""
    return bool(_EN_ACROSS.search(question) or any(
        not (m.group().startswith("各") and any(tag[:1] in "vp" for _, tag in words_before(
            question, m.group()))) for m in _ZH_ACROSS.finditer(question)))


def topic_of(question: str) -> str:
    """What an across question asks each document about: the question less its asking across
    ("which cities", "比较") and its words about the texts ("documents mention")."""
    topic = _ABOUT_TEXTS.sub(" ", _EN_ACROSS.sub(" ", _ZH_ACROSS.sub(" ", _FRAME.sub(r"\1",
                                                                                question))))
    return " ".join(topic.replace("'", " ").split())


def answer_across(question: str, retrieval: RetrievalResult, documents: list[DocumentInfo],
                  text_of: Callable[[str], str],
                  answer_one: Callable[[str, RetrievalResult], Answer] | None = None,
                  vectors: Callable[[list[str]], list[np.ndarray]] | None = None,
                  chunks_of: Callable[[str], list[Chunk]] | None = None,
                  ) -> Answer | None:
    """The grouped answer, or None when no document answers (the caller then answers as for
    any question). ``text_of`` gives a stored document's text: how often the retrieved
    documents use a word as a whole tells a topic ("blockchain") from the words every plan
    uses ("work", "plan"). ``answer_one`` answers a single question from given passages;
    ``vectors`` gives the multilingual model's unit vectors of texts; ``chunks_of`` a stored
    document's passages: a retrieved document is asked whole, as the anchor is found in its
    passages retrieval did not rank (漳州's "smart agricultural projects" beside 湛江's
    "agriculture", where retrieval ranked other passages of 漳州 for 农业)."""
    # Interrogatives ("怎样" renders "what kind") ask, and name no topic.
    asked = nouns(ZH_ASKS.sub(" ", topic_of(question)))
    place_words = {w for d in documents for w in content_tokens(
        " ".join(filter(None, (d.city, d.district, d.province))))}
    for term in english_terms(asked):  # a place's other renderings (广州: "Canton")
        senses = {w for sense in term.english for w in content_tokens(sense)}
        place_words |= senses if senses & place_words else set()
    words = {form(w): w for w in words_of(asked) if w not in place_words}
    hits = retrieval.hits
    if retrieval.places.by_place:  # compare the places named, and only those
        wanted = set().union(*retrieval.places.by_place.values())
        hits = [h for h in hits if h.chunk.doc_id in wanted]
    sentences = sentences_of(hits)
    uses = Counter(form(w) for d in dict.fromkeys(h.chunk.doc_id for h in hits)
                   for w in WORD.findall(text_of(d)))
    read = hits + [Hit(c, 0.0, len(hits) + n) for n, c in enumerate(
        c for d in dict.fromkeys(h.chunk.doc_id for h in hits) if chunks_of is not None
        for c in chunks_of(d) if c.chunk_id not in {h.chunk.chunk_id for h in hits})]
    found = _per_document(asked, words, hits, documents, sentences, uses)
    found |= _per_document(asked, words, [h for h in read if h.chunk.doc_id not in found],
                           documents, sentences, uses)  # what retrieval ranked comes first
    if answer_one is not None and vectors is not None:
        found |= _in_other_words(topic_of(question), retrieval, hits, found, answer_one, vectors)
    found |= _own_word(asked, retrieval.places.by_place, read, found, words, anchor_of(
        set(words), sentences, uses, rarity(asked, uses)), documents)
    if not found or _only_translated(question, found, hits):
        return None
    weights = weights_of(set(words), sentences)
    said = {p for alternative in _alternatives(asked) for p in pairs_of(alternative)}
    by_id = {d.doc_id: d for d in documents}
    chinese = has_cjk(question)
    citations: list[Citation] = []
    groups: dict[str, PlaceGroup] = {}
    for doc_id, items in found.items():
        best = max(items, key=lambda c: (len(pairs_of(c.quote) & said), held_by(c.quote, weights),
                                         -c.start))
        cited = best.model_copy(update={"n": len(citations) + 1})
        citations.append(cited)
        info = by_id.get(doc_id) or DocumentInfo(doc_id=doc_id)
        place = place_of(info, chinese)
        group = groups.setdefault(place, PlaceGroup(
            place=place, city=info.city, district=info.district, province=info.province))
        group.doc_ids.append(doc_id)
        group.citations.append(cited.n)
    lines = [labelled(g.place, " ".join(f"{citations[n - 1].quote} [{n}]" for n in g.citations),
                      chinese) for g in groups.values()]
    answered = {d for g in groups.values() for d in g.doc_ids}
    for name, docs in retrieval.places.by_place.items():
        if not docs & answered:
            lines.append(not_said(name_in(name, docs, documents, chinese), chinese))
    return Answer(answer="\n".join(lines), citations=citations, groups=list(groups.values()),
                  city_inferred=retrieval.places.label,
                  related=[passage(h) for h in hits[:3]])


def _per_document(asked: str, words: dict[str, str], hits: list[Hit],
                  documents: list[DocumentInfo], sentences: list[Sentence],
                  uses: Counter[str]) -> dict[str, list[Citation]]:
    """Per document (in the topic comparison's order: by place), the clauses of ``hits``
    holding the anchor (found in ``sentences``) of some alternative the question asks about
    ("drones or the low-altitude economy": each has its own)."""
    found: dict[str, list[Citation]] = {}
    for alternative in _alternatives(asked):
        forms = {form(w) for w in words_of(alternative)} & set(words)
        anchor = anchor_of(forms, sentences, uses, rarity(alternative, uses))
        if anchor is None:
            continue
        # Retrieval decided which documents count (the day asked, or all): none is left out.
        for row in compare_topic(words[anchor], hits, documents, expired=True).rows:
            # A clause of a list ("education") is no quote: the document's own answer is.
            found.setdefault(row.doc_id, []).extend(
                i.citation for i in row.items
                if has_cjk(i.citation.quote) or len(i.citation.quote.split()) >= MIN_WORDS)
    return {d: items for d, items in found.items() if items}


def _alternatives(asked: str) -> list[str]:
    """The alternatives of ``asked``; a bare noun shares the words before the head it is
    coordinated with ("an Internet of Things system or platform": an Internet of Things
    platform), as English coordinates heads under one modifier."""
    parts = _ALTERNATIVES.split(asked)
    for n in range(1, len(parts)):
        before = parts[n - 1].split()
        if len(words_of(parts[n])) == 1 and len(before) > 1:
            parts[n] = " ".join([*before[:-1], parts[n].strip()])
    return parts


def _in_other_words(topic: str, retrieval: RetrievalResult, hits: list[Hit],
                    found: dict[str, list[Citation]],
                    answer_one: Callable[[str, RetrievalResult], Answer],
                    vectors: Callable[[list[str]], list[np.ndarray]],
                    ) -> dict[str, list[Citation]]:
    """Per retrieved document not ``found`` by the anchor, the clause its own answer to the
    topic cites, when it answers. A place the question names answers by that alone, unless one
    of its documents already does (Haizhu's fund does not answer for Guangzhou's health care).
    Asked which places, a document's clause must also be near one the anchor found: a notice
    on vehicles in an epidemic answers "车辆" but says nothing of connected vehicles."""
    answered: dict[str, list[Citation]] = {}
    named = list(retrieval.places.by_place.values())
    exemplars = [vectors([c.quote for c in items[:EXEMPLARS]]) for items in found.values()]
    for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits):
        if doc_id in found or any(doc_id in docs and docs & (set(found) | set(answered))
                                  for docs in named):
            continue
        own = answer_one(topic, replace(retrieval, hits=[h for h in hits
                                                         if h.chunk.doc_id == doc_id]))
        if own.refused or not own.citations or own.citations[0].doc_id != doc_id:
            continue
        if not named:
            [vector] = vectors([own.citations[0].quote])
            if not any(float(np.dot(vector, e)) >= NEAR for vs in exemplars for e in vs):
                continue
        answered[doc_id] = own.citations[:1]
    return answered


def _own_word(asked: str, named: dict[str, set[str]], read: list[Hit],
              found: dict[str, list[Citation]], words: dict[str, str], anchor: str | None,
              documents: list[DocumentInfo]) -> dict[str, list[Citation]]:
    """Per place an English question names that nothing answers yet, the clauses of its
    documents holding the rest of the anchor's compound: Shenzhen's plan says "large-scale
    models", never the "language" of "large language models" -- a large language model is a
    large model, as English compounds name a kind of their head."""
    run = re.findall(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]", asked)
    at = next((n for n, w in enumerate(run) if form(w) == anchor), None)
    if at is None or has_cjk(asked):
        return {}
    start, end = at, at + 1
    while start > 0 and form(run[start - 1]) in words:
        start -= 1
    while end < len(run) and form(run[end]) in words:
        end += 1
    rest = " ".join(w for w in run[start:end] if form(w) != anchor)
    answered: dict[str, list[Citation]] = {}
    for docs in named.values():
        if rest and not docs & set(found):
            own = [h for h in read if h.chunk.doc_id in docs]
            answered |= {row.doc_id: [i.citation for i in row.items] for row in compare_topic(
                rest, own, documents, expired=True).rows if row.items}
    return answered


def _only_translated(question: str, found: dict[str, list[Citation]], hits: list[Hit]) -> bool:
    """Whether one document alone answers, in the other language than the question's, while
    passages in the question's language were retrieved. Documents are compared through English
    words (``_words``), which a Chinese notice never holds, so the grouping cannot tell whether
    the question's own documents answer; grouping one document compares nothing, and the
    question is answered as any other is (realzh-dev: "煤炭供应保障优先安排哪些地区？",
    "各地交通运输部门…" were answered by an expired English plan alone, the notice ranked
    first unquoted). Several documents answering are kept: asked which cities' documents
    mention a topic, the English plans that do answer it beside Chinese notices."""
    chinese = has_cjk(question)
    return len(found) == 1 and any(is_chinese(h.chunk) == chinese for h in hits) and all(
        is_chinese(h.chunk) != chinese for h in hits if h.chunk.doc_id in found)

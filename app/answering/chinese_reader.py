"""Answers from Chinese passages: the clause, sentence or short run of sentences that answers.

A Chinese question nearly always restates the sentence leading to its answer and asks what it
goes on to say, so the reader works in two steps on the text as it is, no model run at query time:

1. **Anchor.** Each sentence is scored by the question's character bigrams it holds, each
   weighted by how few candidates hold it; one lacking the kind of detail asked (a figure for
   多少: ``question_kinds``, NER at ingest) falls back, as do headings and a page's opening
   sentence. The anchor comes from the notice search ranked first, by the question's words but
   its title's (which notice, not which sentence), the word before its question word twice.
2. **Span.** From the anchor, the clause, sentence or run of sentences that answers, a slice of
   its passage (``chinese_span``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.answering.answerability import ITEM, lacks, sentence_labels
from app.answering.chinese_span import (
    PUNCTUATED,
    entities_asked,
    kind_clause,
    sliced,
    span_of,
)
from app.answering.citations import Scored, Sentence
from app.answering.clauses import restated  # the question says most of a text
from app.answering.question_kinds import FIGURED, MONEY_NOUN, STRICT, Kind, asked_kinds, asked_sum
from app.answering.ranking import HEADING_PENALTY  # a title answers nothing itself
from app.bands import band_factor, banded, other_tier, tier_unstated
from app.mastheads import laid_out
from app.measures import PAID_NOUNS, ZH_PAID_ASKED
from app.negation import opposed_units
from app.retrieval.answer_end import lists_asked
from app.retrieval.continuation import next_chunk_id, read_on
from app.retrieval.copies import NO_PLACE  # a national notice's fit to a question's place
from app.retrieval.qualifiers import sibling_named
from app.retrieval.question_focus import focused, item_first
from app.retrieval.shortened import Meant, Nearest, as_asked, bound_said, said_otherwise
from app.retrieval.years import off_year
from app.text import bigram_units

# Least support of the anchor for an answer; below it the question is refused (dev split).
REFUSAL_SUPPORT = 0.14
# A sentence holding none of a strict kind asked keeps this share of its score (dev split).
LACKING_PENALTY = 0.25
# How much a sentence's length above the candidates' mean lowers its score (dev split).
LENGTH_NORM = 0.3
# How much each place down the ranking lowers a passage's claim to the anchor (dev split).
PASSAGE_RANK_DECAY = 0.2
CLEAR_WIN, LEAD_FLOOR = 2.0, 0.084  # times the support it beats; a clear lead's least (0.6 of 0.14)
REACH = frozenset({Kind.SITE, Kind.PHONE, Kind.EMAIL, Kind.WEB, Kind.CONTACT})  # ways to reach one


@dataclass(frozen=True)
class ChineseReading:
    """The answer span and the anchor's support (the weighted share of the question found)."""
    answer: Scored
    ranked: list[Scored]


def read_chinese(question: str, sentences: list[Sentence], meant: Meant | None = None,
                 nearest: Nearest | None = None,  # both by meaning; its documents' texts:
                 document: Callable[[str], str] | None = None,
                 place_fit: Callable[[str], int] | None = None) -> ChineseReading | None:
    """The span of ``sentences`` (those of the retrieved passages) that answers ``question``;
    ``place_fit``: how well a document's place fits the question's (lower is better)."""
    chinese = [sliced(s, s.start + a, s.start + b) for s in sentences  # a flat page's pieces
               if s.chunk.metadata.get("language") == "zh" for a, b in laid_out(s.text)]
    if not chinese:
        return None
    # A sentence after one closed by "；" leaves unsaid what they share ("博士…；硕士每月1500元。").
    readings, runs = [s.text for s in chinese], dict.fromkeys(map(id, chinese), 0)  # and its run
    for i in range(1, len(chinese)):
        if chinese[i - 1].chunk is chinese[i].chunk and chinese[i - 1].text.endswith("；"):
            readings[i] = readings[i - 1] + readings[i]
            runs[id(chinese[i])] = runs[id(chinese[i - 1])] = runs[id(chinese[i - 1])] or i
    # With its section's heading (ingest keeps it out) unless a kind is asked: a heading says none.
    kinds, asked, n = asked_kinds(question), bigram_units(question), len(chinese)
    held = [bigram_units(as_asked(("" if kinds else s.chunk.heading_at(s.start)) + r, question)) | o
            for s, r, o in zip(chinese, readings, meant(readings) if meant else [set()] * n,
                               strict=True)]
    frequency = Counter(u for units in held for u in units & asked)
    weights = {u: math.log(1 + n / (1 + frequency[u])) for u in asked}
    telling = focused(weights, question)  # which of its sentences: the one framing the answer
    total, strict = sum(weights.values()) or 1.0, kinds & STRICT  # a strict kind's labels only
    # A sum is of the thing asked when named by any of the question's money words (评估费用补贴:
    # a notice's 补贴 of 3万元; 社会保险费补贴…投入多少: its 社会保险费 of 30亿元), or by a verb 补
    noun = "".join(MONEY_NOUN.findall(question)) if asked_sum(question)[0] else "".join(re.findall(
        r"补(?=我?多少钱)", question)) or PAID_NOUNS * bool(ZH_PAID_ASKED.search(question))  # ask
    # it (a 补贴 or 补助, not a 奖励 of 2万元), or one of paying (花多少钱: no 补助 of 3万元)
    titles = {s.chunk.doc_id: bigram_units(" ".join(str(s.chunk.metadata.get(k) or "") for k in (
        "title", "issuer"))) for s in chinese}
    # A tier asked (70周岁) that the texts' tiers leave out is stated by none: no lead answers it.
    mean, read, untiered = sum(map(len, readings)) / n, [], tier_unstated(question, readings)
    for sentence, units, reading, late in zip(chinese, held, readings, off_year(
            question, chinese), strict=True):
        # A long sentence holds more of any question's bigrams by chance (BM25's normalisation).
        factor = (1 - LENGTH_NORM + LENGTH_NORM * len(reading) / mean) ** -0.5 / total
        # A line of layout (a headline, a dateline, a section title) ends in no punctuation.
        factor *= 1.0 if PUNCTUATED.search(sentence.text) else HEADING_PENALTY
        # So does a page's opening sentence (a news lead, a notice's preamble), summing up as a
        # headline does: its first passage's first punctuated line, if a sentence and no item.
        factor *= HEADING_PENALTY if sentence.chunk.start == 0 and sentence.text.endswith(tuple(
            "。！？：")) and not ITEM.match(sentence.text) and sentence is next((s for s in chinese
            if s.chunk is sentence.chunk and PUNCTUATED.search(s.text)), None) else 1.0
        lacking = untiered or bool(strict and lacks(strict, sentence_labels(
            sentence, question))) or (noun != "" and _of_other_sum(
                sentence, entities_asked(sentence, kinds, question), noun))
        # Another kind's detail (直流充电桩's for 交流充电桩) is no answer: it falls back further;
        # of a way to reach one, another purpose's (监督电话 for 咨询电话), not another label's.
        other = (untiered or other_tier(question, reading) or sibling_named(question, reading)
                 ) if kinds - REACH else bool(kinds) and sibling_named(question, reading, True)
        factor *= LACKING_PENALTY ** (lacking + 2 * other) * band_factor(question, sentence.text)
        opposed = opposed_units(question, reading)
        found = (units | banded(question, reading)) & asked - opposed  # 非国有 is no 国有
        # Its notice's title and issuer tell which notice answers, not which of its sentences,
        # unless it negates them (非居民 where the title and question say 居民); whether it
        # answers reads the question's words said otherwise too (老人 of 老年人).
        own = titles[sentence.chunk.doc_id]
        read.append((Scored(sentence, factor * sum(weights[u] for u in found), lacking),
                     factor * (sum(telling[u] for u in found - own) - sum(
                         weights[u] for u in opposed & asked & own)),
                     (factor, reading, units), late))  # what it says otherwise: of the best only
    top = min(chinese, key=lambda s: s.rank).chunk.doc_id  # the notice search ranks first; if
    if place_fit and place_fit(top) == NO_PLACE:  # national, one of the place asked saying as
        said: dict[str, float] = {}  # much stands first (重庆's own notice, not the ministry's)
        for r in read:
            d = r[0].sentence.chunk.doc_id
            said[d] = max(said.get(d, 0.0), r[0].support)
        top = min(said, key=lambda d: (place_fit(d) if said[d] >= said[top] else NO_PLACE,
                                       d != top, -said[d], d))
    first = max((r[0] for r in read if r[0].sentence.chunk.doc_id == top), key=lambda s: s.support)
    enough, outdone = max(r[0].support for r in read), CLEAR_WIN * first.support
    lead, *rest = sorted((r[0] for r in read), key=lambda s: (  # a way to reach one: of those
        kinds <= REACH and s.lacking, -s.support))  # stating one (a phone: of the phones)
    leading = lead if _clear_lead(lead, rest, kinds, nearest, chinese, question) else None
    # Below the threshold a sentence falls back behind those above saying as much of the question's
    # own words (r[1]: title words tell which notice, not which sentence). Another notice's with
    # enough support, not twice the first's best, yields to it unless lacking the kind asked.
    said_above = max((r[1] for r in read if r[0].support >= REFUSAL_SUPPORT), default=math.inf)
    ordered = sorted(read, key=lambda r: (r[0].support < REFUSAL_SUPPORT and r[0] is not leading
        and not (r[0] is first and enough >= REFUSAL_SUPPORT and not first.lacking)
        and r[1] <= said_above,
        r[0].lacking and not kinds & FIGURED, r[3],  # a date stated (not any figure); the year
        # A layout line naming its notice (the title as a headline, a 落款) says nothing of it.
        not PUNCTUATED.search(r[0].sentence.text) and restated(re.sub(
            r"[\d年月日]", "", r[0].sentence.text), titles[r[0].sentence.chunk.doc_id]),
        r[0].sentence.chunk.doc_id != top and r[0].support < outdone,
        -r[1] / (1 + PASSAGE_RANK_DECAY * r[0].sentence.rank), r[0].sentence.rank,
        r[0].sentence.start))
    ordered.insert(0, ordered.pop(item_first(question, [(r[0].sentence.text, r[1], (  # a list's
        r[0].sentence.chunk.doc_id, r[0].lacking)) for r in ordered], [runs[id(r[0].sentence)]
        or None for r in ordered])))  # item told apart
    (best, _, (factor, reading, units), _) = ordered[0]
    short = factor * sum(weights[u] for u in said_otherwise(reading, asked - units, question))
    wanted, listed = next_chunk_id(best.sentence.chunk.chunk_id), lists_asked(question)
    after = next((read_on(s.chunk, document, True) if listed else s.chunk for s in chinese
                  if s.chunk.chunk_id == wanted), None)  # a list's items: on past it too
    anchor = replace(best.sentence, chunk=read_on(best.sentence.chunk, document, listed))
    return ChineseReading(Scored(span_of(anchor, question, asked, kinds, after), max(
        best.support + short, enough, REFUSAL_SUPPORT * (best is leading)), best.lacking),
        [r[0] for r in ordered])


def _clear_lead(lead: Scored, rest: list[Scored], kinds: set[Kind], nearest: Nearest | None,
                sentences: list[Sentence], question: str) -> bool:
    """Whether ``lead`` answers below the threshold: it leads twice over every other sentence (of a
    way to reach one, every other way), not lacking the kind asked, and states a kind told by its
    form (a date, a phone; not a figure), or any kind but a sum (whose lead tells the topic, not
    whose sum, unless of the noun asked or its bound) the multilingual model too places nearest."""
    if lead.lacking or lead.support <= 0 or lead.support < max([0, *(
            CLEAR_WIN * s.support for s in rest if not (s.lacking and kinds <= REACH))]):
        return False
    strict = kinds & STRICT
    if strict and not strict & (FIGURED | {Kind.DURATION}) and lead.support >= LEAD_FLOOR / (
            1 + (kinds <= REACH)):  # a field ("电话：…") says little of a question but its label
        return True
    named = any(not m[0].endswith("费") for m in MONEY_NOUN.finditer(question))  # 补贴; not 管理费:
    # every fee's is 费. Another kind's sentence (境外 for 境内, 城镇 for 农村) leads to no answer.
    return nearest is not None and len(sentences) >= 5 and not sibling_named(
        question, lead.sentence.text) and (Kind.MONEY not in kinds or named or bool(bound_said(
            lead.sentence.text, bigram_units(question)))) and nearest([s.text for s in (
            sentences)]) == lead.sentence.text  # a sum's noun named, its bound asked (最多) and set


def _of_other_sum(sentence: Sentence, found: list[tuple[int, int]], noun: str) -> bool:
    """Whether each sum of ``sentence`` is of another thing than ``noun``: the money word nearest
    it in its clause shares no character with it ("…补贴基础上再给予2000元置换奖励" for 补贴)."""
    def of_noun(entity: tuple[int, int]) -> bool:
        clause = kind_clause(sentence, entity)
        nearest = min(MONEY_NOUN.finditer(clause.text), default=None, key=lambda m: abs(
            2 * clause.start + m.start() + m.end() - entity[0] - entity[1]))  # their middles
        return nearest is None or bool(set(nearest.group()) & set(noun))
    return bool(found) and not any(map(of_noun, found))



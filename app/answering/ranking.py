"""Support of each candidate sentence for a question (0..1): the cosine of sentence and question
(the multilingual model's when either is Chinese) blended with the share of the question's
words it holds, each weighed by its rarity among the candidates. A question asking a kind of
detail (a date, a sum, a body) counts only sentences holding an entity of that kind."""

from __future__ import annotations

import math
import re

import numpy as np

from app.addressing import addresses_reader
from app.answering import question_kinds
from app.answering.answerability import lacks, sentence_labels
from app.answering.citations import Scored, Sentence, sentences_of
from app.answering.question_kinds import QUESTION_WORDS, STRICT, Kind, asked_kinds, asked_thing
from app.answering.sentence_forms import REMARK, in_context, is_field, is_heading
from app.bands import band_factor
from app.in_situ import without_asking
from app.numerals import ordinals
from app.retrieval.acronyms import unnamed_by
from app.retrieval.asked_items import states_asked_head, unnamed_item
from app.retrieval.counted import asked_counts, may_count
from app.retrieval.dictionary import chinese_terms, english_terms
from app.retrieval.glossary import ENGLISH_VARIANTS, english_part, with_bounds
from app.retrieval.hybrid import RetrievalResult
from app.retrieval.kindred import credit, said_across, said_alike, without_light
from app.retrieval.listing import open_list_bonus
from app.retrieval.named_things import name_terms, names_another, referred_back
from app.retrieval.qualifiers import contrasted, other_holder, relabelled, said_elsewhere
from app.retrieval.question_frame import question_frame
from app.retrieval.said_of import said_of
from app.retrieval.stages import other_event
from app.retrieval.stems import content_stems
from app.store.vectors import QueryTextEmbedder, TextEmbedder, TextVectors, semantic_texts, unit
from app.text import QUOTED, content_tokens, has_cjk

SEMANTIC_WEIGHT = 0.6
WRONG_TYPE_PENALTY = 0.5
# A sentence lacking a kind it must hold (a date for "when"): a last resort, below any threshold.
STRICT_PENALTY = 0.2
# Weight of a question word that names what the passages are about (a title's or place's word).
TOPIC_WEIGHT = 0.3
TITLE_WEIGHT = 0.5  # of a question word a sentence holds only inside a quoted title (dev split)
# The cross-lingual model's cosines run lower than the configured model's between a question
# and its answer; scaled to the same range so one refusal threshold serves both (dev split).
CROSSLINGUAL_SCALE = 1.6
HEADING_PENALTY = 0.7
# Most sentences compared with the question by the embedding model (the best by word overlap).
SEMANTIC_CANDIDATES = 8
# Least share (by weight) of the question's own words a sentence answering a kind must hold.
OWN_SHARE = 0.25
# Support added to a sentence holding an entity of each kind the question asks for (dev split).
KIND_BONUS = 0.1
# Share of a name's words a question must say for the name to be what it asks about.
NAMED_SHARE = 0.6
# Support added to a document's field line whose label the question names (dev split).
FIELD_BONUS = 0.35
# Share of a clause's lead over its sentence (app.store.vectors.semantic_texts) a sentence gains
# across languages (tuning probes: 0.3 gained less, 1.0 misanswered).
CLAUSE_WEIGHT = 0.5


class SentenceRanker:
    def __init__(self, embedder: TextEmbedder, semantic_floor: float, max_chars: int | None,
                 crosslingual: QueryTextEmbedder | None) -> None:
        # The model's cosine between unrelated texts: rescaled to 0, so that one support
        # threshold serves every model (e5's cosines crowd above 0.7, MiniLM's do not).
        self.semantic_floor = semantic_floor
        self.max_chars = max_chars  # longest quote: the chunk cap
        self.vectors = TextVectors(embedder)
        # A multilingual model that reads Chinese sentences and a Chinese question directly.
        self.crosslingual = crosslingual
        self.crosslingual_vectors = TextVectors(crosslingual) if crosslingual else None

    def candidates(self, retrieval: RetrievalResult) -> list[Sentence]:
        """The retrieved passages' sentences that may answer: orders to the reader answer none."""
        return [s for s in sentences_of(retrieval.hits, self.max_chars)
                if not addresses_reader(s.text)]

    def rank_sentences(self, question: str, retrieval: RetrievalResult,
                       narrowing: bool = True) -> list[Scored]:
        """Candidate sentences of the retrieved passages, best supported first (``narrowing``:
        a figure stated of another subject than the question qualifies counts as lacking)."""
        if not (sentences := self.candidates(retrieval)):
            return []
        # A sentence says "AI" where a question renders 人工智能 "artificial intelligence".
        words = [set(self._stems(with_bounds(in_context(s)))) for s in sentences]
        titled, texts = self._only_quoted(question, sentences), [s.text for s in sentences]
        topic = self._topic(question, retrieval)
        # A figure of a thing the question qualifies ("cases in the education field") that a
        # sentence not naming the qualifier states, while another names it, is another's.
        figured = bool((kinds := asked_kinds(question)) & question_kinds.FIGURED) and narrowing
        narrowed = [self._ways(q) for q in said_elsewhere(
            question, words, lambda q, f: any(w <= f for w in self._ways(q)), topic)
        ] if figured else [[w] for w in said_of(question, words, Kind.PHONE in kinds, topic)
                           ] * narrowing
        # An English question whose best passage is Chinese is read through the dictionary.
        weights = self._term_weights(question, words, topic,
                                     any(has_cjk(s.text) for s in sentences), retrieval)
        # A word no candidate holds, said otherwise (app.retrieval.kindred; a count's noun by the
        # multilingual model), weighed as unheld; not a word asking ("which company": NER's).
        asks = set(self._stems(" ".join(m.group(0) for p in QUESTION_WORDS.values()
                                        if (m := p.search(question)))))
        credit(self.vectors, self.semantic_floor, question, [t for t in weights if not t & asks],
               words, [in_context(s) for s in sentences], self.crosslingual_vectors)
        weights = without_light(question, weights, words)  # "she", "up": no detail's words
        told = [w | referred_back(s.chunk, s.start, question)  # what "The subsidy is …" is of
                if kinds & question_kinds.FIGURED else w  # counts as said (a figure's), not named
                for w, s in zip(words, sentences, strict=True)]
        # A Chinese word the dictionary does not render ("来", "发") cannot be found in an
        # English sentence: it counts only against sentences that could hold it.
        unrendered = sum(w for t, w in weights.items() if all(has_cjk(x) for x in t))
        totals = [sum(weights.values()) - (0 if has_cjk(s.text) else unrendered) for s in sentences]
        overlaps = [sum(w * (TITLE_WEIGHT if not t & (found - cited) else 1.0)
                        for t, w in weights.items() if t & found) / total if total else 0.0
                    for found, cited, total in zip(told, titled, totals, strict=True)]
        # Only the sentences sharing most of the question's words are encoded: a long Chinese
        # passage's sentences, uncached, cost the multilingual model ~5 ms each.
        keep = sorted(sorted(range(len(sentences)), key=lambda i: -overlaps[i])
                      [:SEMANTIC_CANDIDATES])
        sentences, words = [sentences[i] for i in keep], [words[i] for i in keep]
        overlaps, told = [overlaps[i] for i in keep], [told[i] for i in keep]
        cosines, scale = self._cosines(question, retrieval, sentences)
        # The cross-lingual model finds a Chinese question near English sentences that merely share
        # its field ("total investment" near any fund's size), and a sentence holding a date is no
        # answer to "when" about another event: the question's own words beyond the documents'
        # titles and places must be there too, for a question asking a kind of detail a share of
        # them (of those some candidate holds: a word none holds tells no sentence from another).
        # The words asking a value ("phone number", "which year") name nothing to find; a body's
        # noun is in its name ("… department"); a Chinese kind's match spans words (占总投资的多少).
        asking = topic | set(() if has_cjk(question) else self._stems(" ".join(
            m.group(0) for k in kinds - {Kind.WHO, Kind.PERSON, Kind.ORG, Kind.PLACE, Kind.SITE}
            if k in QUESTION_WORDS and (m := QUESTION_WORDS[k].search(question)))))
        own_words = [t for t in weights if not t <= asking
                     and any(t & found for found in words)] if scale != 1.0 or kinds else []
        own_total = sum(weights[t] for t in own_words)
        # What the passages' titles name ("… Warm Homes Grant") is what all of them are about.
        thing_words = [w for w in asked_thing(question, kinds) if not set(self._stems(w)) <= topic]
        thing = [way for word in thing_words for way in self._ways(word)]
        # A count's or a size's noun: a sentence naming it nowhere, its figures another's, lacks it.
        of = asked_counts(question) if kinds & {Kind.COUNT, Kind.TALLY} else ()
        of_ways = [way for word in of for way in self._ways(word)]
        # "The second part" is one of several: a sentence naming none counts another's things.
        picked = ordinals(question, picking=True) if kinds else frozenset()
        held = tuple(retrieval.places.held)  # a thing named (named_things), in English only
        names_held = name_terms(question, [t for t in weights if not t & topic]) * (scale != 1)
        other = unnamed_by(question, [(h.chunk.doc_id, h.chunk.text) for h in retrieval.hits])
        asked_stems, said_anywhere = set().union(*weights), set().union(*words)

        def asked(name: str) -> bool:  # a name most of whose words the question says
            stems = set(self._stems(name))
            return bool(stems) and len(stems & asked_stems) >= NAMED_SHARE * len(stems)
        scored: list[Scored] = []
        outdone = 0.0  # the best support of a sentence stating the detail of another subject
        for sentence, cosine, found, overlap, says in zip(sentences, cosines, words, overlaps,
                                                          told, strict=True):
            semantic = max(0.0, (cosine - self.semantic_floor) / (1 - self.semantic_floor))
            support = min(1.0, SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * overlap
                          + open_list_bonus(question, sentence, asked_stems, topic))
            own = sum(weights[t] for t in own_words if t & says) / own_total if own_words else 1
            if own == 0 or (kinds and own < OWN_SHARE):
                support *= WRONG_TYPE_PENALTY
            # "Interpreter: Guo Hongwei" states just what "who interpreted" asks; a field's value,
            # or a remark alone ("(Responsible units: …)"), answers no "what/how" not naming it.
            field, remark = is_field(sentence.text), REMARK.match(sentence.text.lstrip())
            if (named_label := any(term & set(self._stems(re.split("[:：]", sentence.text)[0]))
                                   for term in weights)) and field:
                support = min(1.0, support + FIELD_BONUS)
            elif (field or remark) and not named_label and not kinds:
                support *= WRONG_TYPE_PENALTY
            # Labels tell a kind asked only: a question asking none reads no sentence's.
            labels = sentence_labels(sentence, question, held, asked) if kinds else None
            said = ordinals(in_context(sentence), nouns=frozenset(asked_stems))
            named = (not thing or any(way <= found for way in thing) or any(  # or said alike
                said_alike(w, sentence.text) for w in thing_words) or said_across(  # 奖励: award
                self.crosslingual_vectors, thing_words, question, sentence.text)) and (
                picked <= said and sentence.chunk.doc_id not in other)  # another's names it not
            # Another phase's or part's detail ("phase III" for phase I) states none of this one's.
            missing = lacks(kinds, labels) | (kinds if said and picked - said else set()) | (
                kinds if of and not any(w <= found for w in of_ways)
                and not may_count(sentence.text, of, read_back=False) else set())
            # This detail of another holder or band (aged 80 or over for 70), or another numbered
            # kind's or subject's (no kind lacking: a rescuing model may read it; grade 1 for 2).
            holder = figured or (narrowing and (Kind.PHONE in kinds or states_asked_head(
                question, found, sentence.text, bool(kinds))))  # a phone's; a thing's, no kind
            out_of_band = bool(narrowing and kinds and band_factor(question, sentence.text) < 1)
            another = (holder and other_holder(question, sentence.text, found, said_anywhere)) or (
                out_of_band or names_another(names_held, found, sentence.chunk, sentence.start))
            # A "when" question's holder too ("… institutions apply" for an employer's room);
            # not a body's, a span's or a frequency's (round 36: 3 better, 4 worse).
            elsewhere = another or any(not any(w <= found for w in q) for q in narrowed) or (
                (holder or (narrowing and Kind.DATE in kinds)) and contrasted(
                    question, sentence.text, found, asked_stems, topic)) or bool(
                narrowing and kinds and relabelled(question, sentence.text)) or (
                Kind.DATE in kinds and other_event(question, sentence.text, texts)) or (
                figured and unnamed_item(self.vectors, self.semantic_floor, question, says | topic,
                                         f"{sentence.chunk.section} {in_context(sentence)}"))
            # Another band's detail, weighed as the sentences below it are: with its kind's bonus.
            outdone = max(outdone, min(1.0, support + KIND_BONUS * bool(out_of_band and not missing
                and labels and named)) if another and not is_heading(sentence) else 0)
            if missing or elsewhere:
                support *= STRICT_PENALTY if missing & STRICT or elsewhere else WRONG_TYPE_PENALTY
            elif kinds and labels and named:  # holds what was asked: likelier the answer
                support = min(1.0, support + KIND_BONUS)
            if not named:
                support *= WRONG_TYPE_PENALTY  # counts, or names the holder of, something else
            support *= (HEADING_PENALTY if is_heading(sentence) else 1.0) * band_factor(
                question, sentence.text)
            scored.append(Scored(sentence, support, lacking=bool(missing & STRICT)))
        scored = [Scored(s.sentence, s.support * STRICT_PENALTY, s.lacking)
                  if s.support < outdone and not s.lacking else s for s in scored]
        return sorted(scored, key=lambda s: (-s.support, s.sentence.rank, s.sentence.start))

    def _only_quoted(self, question: str, sentences: list[Sentence]) -> list[set[str]]:
        """Per sentence, the stems it holds only inside quotes: a title names a document the
        sentence cites, not what it says (a Chinese question's words through their renderings as
        well: "Industry" in a regulation's quoted title answers no 产业 question); never a name the
        question quotes itself ("Sui Biao Tong", 《…条例》), which is what it asks about."""
        quoted = " ".join(QUOTED.findall(question))
        named = set(self._stems(" ".join([quoted, *(e for term in english_terms(quoted)
                                                    for e in term.english)])))
        return [set(self._stems(" ".join(QUOTED.findall(s.text))))
                - set(self._stems(QUOTED.sub(" ", in_context(s)))) - named for s in sentences]

    def _cosines(self, question: str, retrieval: RetrievalResult,
                 sentences: list[Sentence]) -> tuple[list[float], float]:
        """Each sentence's cosine with the question, and their scale: the configured model's, or
        the multilingual one's (scaled alike) when the question or a sentence is Chinese; there a
        sentence gains from its closest clause, which the whole dilutes ("…, deploying an AI
        testing zone on the government cloud, …" for a short Chinese question)."""
        texts = [in_context(s) for s in sentences]
        if self.crosslingual is None or self.crosslingual_vectors is None or not (
                has_cjk(question) or any(has_cjk(t) for t in texts)):
            query = unit(retrieval.query_embedding)
            return [float(np.dot(query, v)) for v in self.vectors(texts)], 1.0
        query = unit(retrieval.crosslingual_embedding
                     or self.crosslingual.get_query_embedding(question))
        pieces = [semantic_texts(text) for text in texts]
        found = iter(self.crosslingual_vectors([p for each in pieces for p in each]))
        cosines = [[float(np.dot(query, next(found))) for _ in each] for each in pieces]
        return [CROSSLINGUAL_SCALE * (c[0] + CLAUSE_WEIGHT * (max(c) - c[0]))
                for c in cosines], CROSSLINGUAL_SCALE

    def _ways(self, word: str) -> list[frozenset[str]]:
        """Ways to name ``word``, each a set of stems a sentence must hold all of: the word
        itself, the texts' variant of it ("enterprise" for "company"), or one English rendering
        of it ("bureau chief" for 局长, not "bureau" alone); an English word is named in a
        Chinese sentence by a Chinese word rendering it."""
        ways = [frozenset(self._stems(w)) or frozenset([w])
                for w in (word, ENGLISH_VARIANTS.get(word.lower(), "")) if w]
        ways += [frozenset(self._stems(rendering)) for term in english_terms(word)
                 for rendering in term.english]
        return [way for way in ways + [frozenset([c]) for c in chinese_terms(word)] if way]

    def _topic(self, question: str, retrieval: RetrievalResult) -> set[str]:
        """Stems of what the passages are about as a whole: their documents' titles, the places
        asked about and what a question's frame is on ("For my session on X, …"). A question
        names them to say where to look; they tell the answer from its neighbours far less."""
        titles = {str(h.chunk.metadata.get("title") or "") for h in retrieval.hits}
        return set(self._stems(" ".join([*titles, *retrieval.places.held,
                                         question_frame(question).topic])))

    def _term_weights(self, question: str, sentence_words: list[set[str]], topic: set[str],
                      chinese: bool, retrieval: RetrievalResult) -> dict[frozenset[str], float]:
        """Inverse sentence frequency of each question word among the candidates: words every
        passage shares (the city, the plan's name) say little about which sentence answers,
        and a word no candidate holds (a detail the texts lack) weighs most of all.

        A word is a set of stems: an English word's own, or every English rendering of a
        Chinese word (any of them in a sentence counts as the word found)."""
        question = without_asking(question)  # "几个" (few, several): no answer says it
        own = english_part(question) if has_cjk(question) else with_bounds(question)
        wanted = {frozenset([t]) for t in self._stems(own)}
        if retrieval.hits[0].chunk.metadata.get("language") == "zh" and not has_cjk(question):
            # Over Chinese passages an English word is also found as a Chinese word rendering
            # it (the dictionary's), as a Chinese question's words are found in English ones.
            wanted = {frozenset([*stems, *chinese_terms(word)]) for word in content_tokens(own)
                      if (stems := self._stems(word))}
        # A Chinese word is found as itself (in a Chinese sentence) or as any of its English
        # renderings; over Chinese sentences, the words the dictionary does not know count too.
        rendered = set()
        for term in [*english_terms(question), *retrieval.names]:  # names in their pinyin
            rendered.add(term.chinese)
            wanted.add(frozenset([term.chinese, *term.stems]))
        for found in sentence_words:  # a longer sense is held where all its words are
            found |= {p for t in wanted for p in t if " " in p and set(p.split()) <= found}
        if chinese:  # some sentence is Chinese
            wanted |= {frozenset([w]) for w in self._stems(question)
                       if has_cjk(w) and w not in rendered}
        # A frame ("When preparing a session on X, what should I tell participants …") says who
        # asks or why: no answer holds its words (what it is on is in the topic).
        framed = set(self._stems((frame := question_frame(question)).words)) - set(self._stems(
            frame.rest)) - topic
        n = len(sentence_words)
        return {term: math.log(1 + n / (1 + sum(bool(term & found) for found in sentence_words)))
                * (TOPIC_WEIGHT if term <= topic else 1.0) for term in wanted if not term <= framed}

    _stems = staticmethod(content_stems)  # cached per text (app.retrieval.stems)

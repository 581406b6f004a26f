"""The answers read beyond the question's one retrieval: a question of several parts or asked
across documents (app.answering.compose, app.briefing), one about a document itself
(app.briefing.facts), one read beside a document's field lines or where the last answer stood
(app.conversation.nearby); and the answer in a mode, which each of them ends in."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from app.answering.compose import Composer
from app.answering.extractive import ExtractiveAnswerer
from app.answering.generation.answerer import GenerativeAnswerer, without_model
from app.answering.instructions import without_instructions
from app.answering.parts import split_parts, subject_of
from app.answering.question_kinds import Kind, asked_kinds
from app.briefing.across import answer_across, asks_across, topic_of
from app.briefing.conjuncts import compared_on, each_place, topic_asked, unnamed
from app.briefing.facts import fact_answer
from app.briefing.grouped import answer_by_place
from app.briefing.topic_words import holding
from app.conversation import Resolution
from app.conversation.nearby import Cited
from app.models import Answer, AskRequest, Mode
from app.one_question import once
from app.retrieval.antecedents import points_back
from app.retrieval.continuation import with_closing, with_fields, with_short_notice
from app.retrieval.document_questions import DOCUMENT
from app.retrieval.hybrid import Hit, RetrievalResult
from app.retrieval.place_inference import part_of_a_name
from app.services.components import Asked, Components, bounded
from app.services.joined import joined_quotes
from app.services.written import written_over
from app.text import content_tokens, has_cjk

# The kinds a document's field line states ("Interpreter: …", "Contact information: …").
_FIELD_KINDS = {Kind.WHO, Kind.PERSON, Kind.ORG, Kind.PHONE, Kind.EMAIL, Kind.WEB, Kind.CONTACT,
                Kind.DATE, Kind.DAY}
_CLOSING_KINDS = {Kind.WHO, Kind.ORG, Kind.DATE, Kind.DAY, Kind.DURATION}  # what a notice closes on

# Words borrowed by a part leaning back that end in a noun naming a document ("… pilot plan").
_OF_DOCUMENT = re.compile(rf"(?:{DOCUMENT.pattern})\s*$", re.I)


class Composite(Components):
    """Reading an asked question (app.services.asking) as a whole answer: by parts, across
    documents, about a document, or in a mode."""

    def _composite(self, asked: Asked, request: AskRequest) -> Answer | None:
        """The answer to a question of several parts, asked across documents or about a document
        itself; None for any other question (answered as it was retrieved)."""
        top_k = self.check_top_k(request.top_k)
        extractive = self.answerers["extractive"]
        assert isinstance(extractive, ExtractiveAnswerer)

        if len(split_parts(asked.question)) < 2 and len(asked.retrieval.places.by_place) < 2 \
                and (found := self._about_document(asked.question, asked.retrieval)):
            return found

        # Every part and place is quoted; the model, if asked, writes once over all the quotes.
        def answer(text: str, retrieval: RetrievalResult) -> Answer:
            return self._about_document(text, retrieval) or extractive.answer(text, retrieval)

        def across(text: str) -> Answer | None:
            named = self.catalog.places.infer(text).by_place
            # Not a place named only inside a name the passages write ("Digital Shenzhen-Digital
            # Zhanjiang Joint Innovation Center" asks nothing of Shenzhen's documents). Read in
            # the retrieved documents (cached texts, at most top_k), not every document of each
            # place: a city may hold hundreds.
            texts = [self.catalog.text(d) for d in {h.chunk.doc_id for h in asked.retrieval.hits}
                     ] if len(named) > 1 else []
            named = {place: docs for place, docs in named.items()
                     if not texts or not part_of_a_name(text, place, texts)}
            # A figure, date or name asked of several places, or anything asked of places named
            # side by side ("广州和海珠分别在建什么"): each place's documents answer for it, as
            # asked of it alone (app.briefing.conjuncts); a topic asked of places not coordinated
            # ("how do they use AI in health care"): the topic's sentences per place.
            own = each_place(text, [(name, span) for name in named
                                    if (span := self.catalog.places.where(text, name))])
            if len(named) < 2 or not (asked_kinds(text) or own):
                # Asked of one place, or not of each: its topic and values go unread (the
                # topic's parse was ~5% of an English question's CPU, for nothing).
                return by_topic(text) if asks_across(text) else None

            # A topic (no kind asked) is read in one place's documents without the places'
            # names: by meaning a name draws the sentences naming it (an opening) above the
            # topic's ("How does Zhangzhou plan to use blockchain?" cited the plan's opening);
            # an English one as the topic alone, without the asking across (conjuncts.topic_asked).
            # A Chinese one keeps its frame, which the cross-lingual reading weighs (its bare
            # nouns lost 医疗's and 大模型's answers): its topic alone answers where it refused.
            topic = None if asked_kinds(text) else topic_asked(text, [
                span for n in named if (span := self.catalog.places.where(text, n))])

            # A comparison on a dimension ("differ in the period they cover") asks each place
            # its value, a kind of detail the frame hid (conjuncts.compared_on): asked as such.
            valued = {} if asked_kinds(text) else {p: q for p in named if (q := compared_on(
                own.get(p, text))) and asked_kinds(q)}

            def asked_of(place: str) -> str:
                one = own.get(place, text)
                if asked_kinds(text) or valued:
                    return valued.get(place) or one
                return (not has_cjk(text) and topic) or unnamed(
                    one, lambda q: min((s for n in named
                                        if (s := self.catalog.places.where(q, n))), default=None))

            def in_place(question: str, docs: set[str]) -> Answer:
                return answer(question, self._retrieval_of(
                    question, asked.filters, top_k, as_of=request.as_of,
                    in_force=request.as_of is not None,
                    within=docs if asked.within is None else docs & asked.within))

            def of_place(place: str, docs: set[str]) -> Answer:
                found = in_place(asked_of(place), docs)
                return in_place(topic, docs) if found.refused and topic and topic != asked_of(
                    place) else found
            return answer_by_place(named, self.documents(asked.scope), of_place, has_cjk(text),
                                   None if asked_kinds(text) or valued
                                   else cache(lambda: by_topic(text)),
                                   holding(topic_of(text), set(named) | {
                                       w for d in self.documents(asked.scope)
                                       for w in (d.city, d.district) if w}))

        def by_topic(text: str) -> Answer | None:
            # Every document, in force or not, unless a day is asked: each place's text is
            # shown with its status (answering.validity says which expired).
            # Retrieved for its topic: "which cities' documents" names nothing to find.
            deep = self._retrieval_of(topic_of(text), asked.filters,
                                      self.settings.answer.across_passages,
                                      as_of=request.as_of, in_force=request.as_of is not None,
                                      within=asked.within)
            with self.watch.reading():
                return answer_across(text, deep, self.documents(asked.scope), self.catalog.text,
                                     extractive.answer, extractive.sentence_vectors,
                                     self.store.document_chunks)

        def retrieve(text: str) -> RetrievalResult:
            return self._with_fields(text, self._retrieval_of(
                text, asked.filters, top_k, as_of=request.as_of, within=asked.within))

        def near(own: str, text: str, before: Answer) -> Answer | None:
            def in_documents() -> Answer | None:
                docs = {c.doc_id for c in before.citations}
                read = answer(own, self._with_fields(own, self._retrieval_of(
                    own, asked.filters, top_k, as_of=request.as_of,
                    within=docs if asked.within is None else docs & asked.within)))
                return None if read.refused else read
            # A part asking of a document the one before named ("…pilot plan, and what space
            # does it want to build?", "…方案覆盖哪几年？它要建设什么？") is read as asked in the
            # documents that one cited: "it" is the document, whose name says where to look,
            # not what (its title's words drew the plan's summary sentence).
            borrowed = not before.refused and text != own and text.endswith(own) and bool(
                content_tokens(subject_of(own)))
            if borrowed and _OF_DOCUMENT.search(text[:len(text) - len(own)]) and (
                    read := in_documents()):
                return read
            # A part leaning on the one before is that one's follow-up: read where its answer
            # stood, as a conversation's would be (app.conversation.nearby); else, pointing back by
            # a pronoun, as asked in the documents that one cited: the words it borrowed say where
            # ("…通知是哪个月发的？后来那场培训来了多少人？": 湛江 drew the notice's opening).
            spans = tuple(Cited(c.doc_id, c.start, c.end) for c in before.citations)
            found = self._answered_near(own, Resolution(text, spans[0].doc_id, near=spans,
                                                        asked=own), retrieve(text))
            return answer(*found) if found else in_documents() if borrowed and points_back(
                own) else None

        def asked_of(text: str, places: list[str]) -> Answer:
            retrieval, alone, named = retrieve(text), None, text
            if places and not retrieval.places.held:
                named = f"{text} ({', '.join(places)})"
                alone, retrieval = retrieval, retrieve(named)
            # A part about one place ("Compare …: what does Haizhu set aside …?") asks its
            # documents.
            found = (len(retrieval.places.held) != 1 and across(named)) or answer(named, retrieval)
            # A sentence found by the place's name the part borrowed (the plan's opening "…
            # Shenzhen …" for "创投日的人工智能专场是每个月几号办？") may answer only that
            # name: the part as a question of its own answers instead when it answers from the
            # place's documents.
            if alone is None or found.refused or not any(p in c.quote for c in found.citations
                                                         for p in places):
                return found
            own = answer(text, alone)
            return own if not own.refused and {c.doc_id for c in own.citations} <= \
                retrieval.places.doc_ids else found

        # A part naming no place is asked of the held places, which name them as the documents do;
        # but a Chinese name after an English question ("(辽源市)") would make it a Chinese one: it
        # is asked of the place as the question writes it then.
        places = [asked.question[s[0]:s[1]] if has_cjk(p) and not has_cjk(asked.question) and (
            s := self.catalog.places.where(asked.question, p)) else p
                  for p in asked.retrieval.places.held]
        composed = joined_quotes(Composer(asked_of, across, near).compose(
            asked.question, list(dict.fromkeys(places))), self.catalog.text)
        return self._written(asked, composed) if composed else None

    def _written(self, asked: Asked, composed: Answer) -> Answer:
        """A composed answer in the asked mode: in ``generate``, written over its quotes by the
        model once (app.services.written)."""
        writer = self.answerers.get("generate")
        if asked.mode != "generate":
            return composed
        if not isinstance(writer, GenerativeAnswerer):
            return without_model(composed)
        return written_over(asked.question, composed, writer, self.catalog.text,
                            lambda doc_id: self.catalog.get(doc_id).metadata)

    def _with_fields(self, question: str, retrieval: RetrievalResult) -> RetrievalResult:
        """The passages read beside those retrieved: a best document of a few passages whole
        (app.retrieval.continuation.with_short_notice); for a question asking who, whose number or
        when, the best document's field lines its words name (with_fields); when or how long, or
        who leads, its closing part too (with_closing)."""
        kinds = asked_kinds(question)
        with self.watch.reading():
            retrieval = with_short_notice(retrieval, lambda doc: self.catalog.chunks_of([doc]),
                                          self.store.document_chunks)
            if kinds & _CLOSING_KINDS:
                retrieval = with_closing(question, retrieval, self.store.document_chunks)
            return with_fields(question, retrieval, self.catalog.text, self.store.document_chunks
                               ) if kinds & _FIELD_KINDS else retrieval

    def _about_document(self, question: str, retrieval: RetrievalResult) -> Answer | None:
        """The answer to a question about the document itself: its number, issuer, date
        (app.briefing.facts); None for any other question."""
        extractive = self.answerers["extractive"]
        assert isinstance(extractive, ExtractiveAnswerer)
        return fact_answer(question, retrieval, lambda doc_id: self.catalog.get(doc_id).metadata,
                           self.catalog.text, self.store.document_chunks,
                           lambda r: extractive.refusal(r, "kind_not_stated"))

    def _answered_near(self, question: str, resolution: Resolution,
                       read: RetrievalResult) -> tuple[str, RetrievalResult] | None:
        """The question and passages that answer (extractively) a follow-up carried to its
        document from around where the last answer stood (app.conversation.nearby), with more
        than the clause just cited; None: the retrieval reads."""
        with self.watch.reading():
            readings = self.conversations.nearby(question, resolution,
                                                 [h.chunk for h in read.hits])
        scores = {h.chunk.chunk_id: h.score for h in read.hits}
        for asked, chunks in readings:
            near = bounded(replace(read, hits=[Hit(c, scores.get(c.chunk_id, 0.0), n)
                                               for n, c in enumerate(chunks, start=1)]),
                           self.settings.ingest.chunk_max_chars)
            answered = self.answerers["extractive"].answer(asked, near)
            if not answered.refused and not self.conversations.repeats(resolution, answered):
                return asked, near
        return None

    def answer_with(self, mode: Mode, question: str, retrieval: RetrievalResult) -> Answer:
        """The answer in ``mode``; ``generate`` with no model server set is the extractive
        answer marked ``fallback: "llm_unavailable"`` (rather than a 422: clients need not
        know how the deployment is configured)."""
        answerer = self.answerers.get(mode)

        def read() -> Answer:
            if answerer is None:
                return without_model(self.answerers["extractive"].answer(question, retrieval))
            return answerer.answer(question, self._readable(mode, retrieval))
        if answerer is not None and mode != "extractive":
            return read()  # a model writes anew each time
        # The extractive reading of the same passages is the same: a refused answer read again
        # from every document is most often the one just refused (app.one_question).
        return once("answer", (mode, question, retrieval), read,
                    lambda answer: answer.model_copy(deep=True))

    @staticmethod
    def _readable(mode: str, retrieval: RetrievalResult) -> RetrievalResult:
        """What an answerer reads: a model never sees a document's orders to the reader (the
        extractive answerer skips them itself and shows passages verbatim)."""
        return without_instructions(retrieval) if mode == "generate" else retrieval

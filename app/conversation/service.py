"""Conversations for the service: the earlier turns of a question (kept by the server or sent
by the client), the question it resolves to, and the turn kept once it is answered."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

from app.background import start_warm
from app.conversation.condense import Condenser
from app.conversation.continuity import Continuity
from app.conversation.models import ConversationDetail, ConversationInfo
from app.conversation.nearby import Cited, Neighbourhood, located, restated, without
from app.conversation.resolve import Resolver
from app.conversation.storage import ConversationStore
from app.conversation.turns import Resolution, Turn
from app.conversation.words import warm
from app.errors import ConversationAndHistory
from app.llm.client import LLMClient
from app.models import Answer, AskRequest, Filters, HistoryTurn, Mode
from app.retrieval.catalog import Catalog
from app.retrieval.places import PlaceIndex
from app.settings import Settings
from app.store.bm25 import LexicalIndex
from app.store.records import Chunk

log = logging.getLogger(__name__)
WARM_DELAY_S = 5.0


def _warm_taggers() -> None:
    try:
        warm()
    except Exception:  # a warm that fails leaves the first follow-up to load them
        log.warning("warming the conversation taggers failed", exc_info=True)


def turn_of(question: str, answer: Answer) -> Turn:
    cited = tuple(dict.fromkeys(c.doc_id for c in answer.citations))
    quoted = " ".join(c.quote for c in answer.citations) or answer.answer
    spans = tuple(Cited(c.doc_id, c.start, c.end) for c in answer.citations)
    return Turn(question, answer.resolved_question or question, cited, quoted, spans)


class Conversations:
    def __init__(self, store: ConversationStore, places: Callable[[], PlaceIndex],
                 known_document: Callable[[str], bool], context_turns: int,
                 condenser: Condenser | None = None,
                 reads_on: Callable[[str, str], bool] | None = None,
                 title: Callable[[str], str | None] | None = None,
                 text: Callable[[str], str | None] | None = None,
                 neighbourhood: Neighbourhood | None = None) -> None:
        self.store = store
        self.resolver = Resolver(places, reads_on, title)
        self.known_document = known_document
        self.context_turns = context_turns
        self.condenser = condenser
        self.text = text or (lambda doc_id: None)  # a stored document's text, by its id
        self.neighbourhood = neighbourhood
        # The taggers load in ~1 s, once the service is up, so no follow-up waits for them.
        start_warm("policykb-warm-taggers", _warm_taggers, delay=WARM_DELAY_S)

    @classmethod
    def build(cls, settings: Settings, catalog: Catalog, client: LLMClient | None,
              lexical: LexicalIndex) -> Conversations:
        def places() -> PlaceIndex:
            return catalog.places

        def text(doc_id: str) -> str | None:
            return catalog.text(doc_id) if doc_id in catalog.documents else None

        def version(doc_id: str) -> str | None:
            found = catalog.documents.get(doc_id)
            return found.doc_hash if found is not None else None

        return cls(ConversationStore(settings.database_url), places,
                   lambda doc_id: doc_id in catalog.documents,
                   settings.conversation.context_turns,
                   Condenser(client, places) if client else None,
                   Continuity(lexical, settings.conversation.reads_on_share).reads_on,
                   lambda doc_id: catalog.titles.get(doc_id), text,
                   Neighbourhood(catalog.store.document_chunks, version))

    # Before retrieval -----------------------------------------------------------------------
    def earlier(self, request: AskRequest, owner: str | None) -> list[Turn]:
        """The turns before this question, oldest first (at most ``context_turns``)."""
        if request.conversation_id is not None and request.history is not None:
            raise ConversationAndHistory("send conversation_id (the server keeps the turns) "
                                         "or history (you keep them), not both")
        if request.conversation_id is not None:
            kept = self.store.get(request.conversation_id, owner, last=self.context_turns)
            return [turn_of(t.question, t.answer) for t in kept.turns]
        return self.replay(request.history or [])

    def replay(self, history: Sequence[HistoryTurn]) -> list[Turn]:
        """A client's turns, each resolved against those before it by the rule (a client keeps
        questions, not how they were resolved)."""
        turns: list[Turn] = []
        for item in history[-self.context_turns:]:
            resolved = self.resolver.resolve(item.question, turns).question
            turns.append(Turn(item.question, resolved, tuple(item.doc_ids), item.answer or "",
                              located(item.answer or "", item.doc_ids, self.text)))
        return turns

    def resolve(self, question: str, earlier: Sequence[Turn], mode: Mode) -> Resolution:
        condensed = None
        if mode == "generate" and self.condenser is not None and earlier:
            condensed = self.condenser.condense(question, earlier)
        return self.resolution(question, earlier, condensed)

    def resolution(self, question: str, earlier: Sequence[Turn],
                   condensed: str | None = None) -> Resolution:
        """The model's condensed question (already checked) when it completes the follow-up,
        else the rule's; either way the document the rule carries over. A model that returns
        the follow-up unchanged leaves it to the rule: on the dev chains a 1.5B model took most
        elliptical Chinese follow-ups ("由哪些单位负责？") for complete questions, while the rule
        changed none of the complete ones."""
        rule = self.resolver.resolve(question, earlier)
        if condensed is not None and condensed.strip() != question.strip():
            return dataclasses.replace(rule, question=condensed, rewritten=True,
                                       fallback=None)
        if rule.doc_id is not None and not self.known_document(rule.doc_id):
            return Resolution(rule.question, rewritten=rule.rewritten)  # deleted since
        return rule

    def nearby(self, question: str, resolution: Resolution,
               retrieved: Sequence[Chunk] = ()) -> list[tuple[str, list[Chunk]]]:
        """What to read, in turn, around where the last answer stood (``nearby``), for a
        follow-up carried to its document (none for any other question): the follow-up in its
        own words over the neighbourhood (where it stands says what "it" is; the question it
        resolves to restates the cited clause's subject, which that clause then matches best),
        then the resolved question over the cited section without the clause just cited. A part
        of what the last answer named (``wide``: "其中第二部分有几项？") is read in its own words
        over the neighbourhood and the passages ``retrieved`` for it together: a plan's summary
        counts its parts and each part states its own count far from it, while "over 20 cases,
        eight of which …" answers in the clause just cited."""
        if not resolution.near or self.neighbourhood is None:
            return []
        said = restated(resolution.near, self.text)
        around = self.neighbourhood.around(said)
        own = resolution.asked or question
        if resolution.wide:
            return [(own, list({c.chunk_id: c for c in [*around, *retrieved]}.values()))]
        return [(own, around),
                (resolution.question, without([c for c in around if c.section], said))]

    def repeats(self, resolution: Resolution, answer: Answer) -> bool:
        """Whether ``answer`` quotes only the clause the last answer stood on: a follow-up asks
        something new, so its neighbourhood found nothing of it ("该中心规划的总规模是多少？"
        answered again with the 100P sentence just cited)."""
        if resolution.wide:
            return False  # a part of what it named may be stated in the same clause
        said = restated(resolution.near, self.text)
        return all(any(c.doc_id == s.doc_id and s.start <= c.start and c.end <= s.end
                       for s in said) for c in answer.citations)

    @staticmethod
    def filters(resolution: Resolution, given: Filters | None) -> Filters | None:
        """The request's filters, scoped to the carried-over document when they name no
        document or place of their own."""
        if resolution.doc_id is None or (given and (given.doc_id or given.city)):
            return given
        base = given.model_dump() if given else {}
        return Filters(**{**base, "doc_id": resolution.doc_id})

    # After the answer -----------------------------------------------------------------------
    def record(self, request: AskRequest, owner: str | None, answer: Answer) -> None:
        if request.conversation_id is not None:
            self.store.add_turn(request.conversation_id, owner, request.question.strip(), answer)
            answer.conversation_id = request.conversation_id

    # The conversation endpoints ---------------------------------------------------------------
    def create(self, owner: str | None) -> ConversationInfo:
        return self.store.create(owner)

    def list(self, owner: str | None) -> list[ConversationInfo]:
        return self.store.list(owner)

    def get(self, conversation_id: str, owner: str | None) -> ConversationDetail:
        return self.store.get(conversation_id, owner)

    def delete(self, conversation_id: str, owner: str | None) -> None:
        self.store.delete(conversation_id, owner)

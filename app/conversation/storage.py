"""Where conversations are kept: two tables on the service's database (``app.db``: its
``Base``, its migrations: 0002_conversations), one row per conversation and one per turn.
Each conversation has an owner (the signed-in user, or the browser's own key when sign-in is
off); every read and write names the owner, and a conversation of another owner is
answered as unknown, so that its existence is not disclosed either."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from app.conversation.models import (
    ConversationDetail,
    ConversationInfo,
    ConversationTurn,
)
from app.db import Base, Database, utcnow
from app.db.tables import UTCDateTime
from app.errors import ConversationNotFound
from app.models import Answer

TITLE_CHARS = 80


class ConversationRow(Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner: Mapped[str | None] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    turns: Mapped[list[TurnRow]] = relationship(
        back_populates="conversation", order_by="TurnRow.position",
        cascade="all, delete-orphan")


class TurnRow(Base):
    __tablename__ = "conversation_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)  # the Answer as JSON
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    conversation: Mapped[ConversationRow] = relationship(back_populates="turns")


def _info(row: ConversationRow, turns: int) -> ConversationInfo:
    return ConversationInfo(conversation_id=row.id, title=row.title, created_at=row.created_at,
                            updated_at=row.updated_at, turn_count=turns)


class ConversationStore:
    def __init__(self, url: str) -> None:
        self.url = url
        self._database: Database | None = None
        self._lock = threading.Lock()

    def use(self, database: Database) -> None:
        """Keep conversations in the service's own open (migrated) database: one engine per
        process, as app.db asks."""
        self._database = database

    def _session(self) -> Session:
        # Without the service's database (eval, the CLI), it is opened and migrated on first
        # use: what never converses never touches it.
        if self._database is None:
            with self._lock:
                if self._database is None:
                    self._database = Database.open(self.url)
        return self._database.sessions()

    def create(self, owner: str | None) -> ConversationInfo:
        now = utcnow()
        row = ConversationRow(id=uuid.uuid4().hex, owner=owner, title="", created_at=now,
                              updated_at=now)
        with self._session() as session, session.begin():
            session.add(row)
        return _info(row, 0)

    def _owned(self, session: Session, conversation_id: str, owner: str | None
               ) -> ConversationRow:
        row = session.get(ConversationRow, conversation_id)
        if row is None or row.owner != owner:
            raise ConversationNotFound(f"no conversation '{conversation_id}' (it was deleted, "
                                       "or belongs to someone else)")
        return row

    def list(self, owner: str | None) -> list[ConversationInfo]:
        counts = (select(TurnRow.conversation_id, func.count().label("n"))
                  .group_by(TurnRow.conversation_id).subquery())
        query = (select(ConversationRow, func.coalesce(counts.c.n, 0))
                 .outerjoin(counts, counts.c.conversation_id == ConversationRow.id)
                 .where(ConversationRow.owner == owner)
                 .order_by(ConversationRow.updated_at.desc()))
        with self._session() as session:
            return [_info(row, n) for row, n in session.execute(query)]

    def get(self, conversation_id: str, owner: str | None, last: int | None = None
            ) -> ConversationDetail:
        """The conversation with its turns (only the ``last`` ones, when given)."""
        with self._session() as session:
            row = self._owned(session, conversation_id, owner)
            rows = row.turns[-last:] if last else row.turns
            turns = [ConversationTurn(question=t.question, asked_at=t.asked_at,
                                      answer=Answer.model_validate_json(t.answer))
                     for t in rows]
            return ConversationDetail(**_info(row, len(row.turns)).model_dump(), turns=turns)

    def add_turn(self, conversation_id: str, owner: str | None, question: str,
                 answer: Answer) -> None:
        with self._session() as session, session.begin():
            row = self._owned(session, conversation_id, owner)
            now = utcnow()
            if not row.turns:
                row.title = question[:TITLE_CHARS]
            row.turns.append(TurnRow(position=len(row.turns), question=question,
                                     answer=answer.model_dump_json(), asked_at=now))
            row.updated_at = now

    def delete(self, conversation_id: str, owner: str | None) -> None:
        with self._session() as session, session.begin():
            session.delete(self._owned(session, conversation_id, owner))

"""Bodies of the conversation endpoints (/api/conversations)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from app.models import Answer


class ConversationTurn(BaseModel):
    question: str = Field(..., description="The question as the user asked it.")
    answer: Answer = Field(..., description="The answer as it was given (its "
                           "resolved_question is the question it answered).")
    asked_at: datetime


class ConversationInfo(BaseModel):
    conversation_id: str
    title: str = Field(..., description="The first question, to list the conversation by.")
    created_at: datetime
    updated_at: datetime
    turn_count: int


class ConversationDetail(ConversationInfo):
    turns: list[ConversationTurn] = Field(default_factory=list, description="Oldest first.")


class ConversationList(BaseModel):
    conversations: list[ConversationInfo] = Field(..., description="Most recent first.")

"""The service's health, and the body of every error response."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.models.questions import Mode


class Health(BaseModel):
    ready: bool
    documents: int
    chunks: int
    embedding_model: str
    llm: str | None = None
    default_mode: Mode


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable name of the error.")
    message: str = Field(description="The message in the asker's language.")
    messages: dict[str, str] = Field(description="The message in English (en) and Chinese (zh).")


class ErrorResponse(BaseModel):
    error: ErrorBody

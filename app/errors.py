"""policykb's errors: what went wrong, named for the person who has to act on it.

Every error policykb raises on purpose derives from ``PolicyKBError``; one handler in
``app.http.factory`` maps them to ``{"error": {"code", "message"}}`` with the status below, and
the CLI prints the message on one line and exits non-zero.

    PolicyKBError                     500  (never raised directly)
    ├── InputError                    422  the request itself is wrong
    │   ├── EmptyQuestion                  question or query empty / whitespace
    │   ├── QuestionTooLong                over answer.max_question_chars
    │   ├── InvalidFilter                  unknown doc_id or city, year_from > year_to
    │   ├── InvalidTopK                    top_k outside 1..retrieval.max_top_k
    │   ├── NoUserMessage                  /v1/chat/completions without a user message
    │   ├── ConversationAndHistory         /api/ask with both conversation_id and history
    │   └── MalformedBody                  not JSON, not UTF-8, or nested too deeply
    │   ├── InvalidName                    a user, collection or key name of the wrong form
    │   └── UploadRefused                  a file name, type, size or archive an upload refuses
    ├── NotSignedIn                   401  no credentials, or a bad, revoked or expired key/session
    ├── Forbidden                     403  signed in, but the role or grant does not allow it
    │   └── CsrfFailed                     a cookie-signed write without its X-CSRF-Token
    ├── DocumentNotFound              404  GET /api/documents/{doc_id} for an unknown id (or one
    │                                      outside the caller's collections: never its title)
    ├── ConversationNotFound          404  an unknown conversation, or another user's
    ├── NotFound                      404  an unknown user, key, collection, answer or upload
    ├── AlreadyExists                 409  a user or collection of that name exists
    ├── TooManySignIns                429  failed sign-ins over accounts.sign_in_attempts
    ├── StoreBusy                     409  another writer (ingest, delete) holds the data dir's lock
    ├── IngestError                   ---  one file could not be ingested (reported per file)
    │   ├── UnsupportedFormat
    │   └── UnreadableFile                 empty, not UTF-8, encrypted, no text layer, malformed,
    │                                      over the time limit or size limit, missing,
    │                                      bad manifest entry, doc_id owned by another file
    └── ServiceUnavailable            503  the store or a model cannot be reached
        └── EmbeddingModelMismatch         the store's vectors come from another embedding model
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


class PolicyKBError(Exception):
    """Base class; ``code`` is the stable machine-readable name, ``status`` the HTTP status."""

    code = "internal_error"
    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(PolicyKBError):
    code = "invalid_request"
    status = 422


class EmptyQuestion(InputError):
    code = "empty_question"


class QuestionTooLong(InputError):
    code = "question_too_long"


class InvalidFilter(InputError):
    code = "invalid_filter"


class InvalidTopK(InputError):
    code = "invalid_top_k"


class NoUserMessage(InputError):
    code = "no_user_message"


class ConversationAndHistory(InputError):
    code = "conversation_and_history"


class MalformedBody(InputError):
    code = "malformed_body"


class InvalidName(InputError):
    code = "invalid_name"


class UploadRefused(InputError):
    code = "upload_refused"


class NotSignedIn(PolicyKBError):
    code = "not_signed_in"
    status = 401


class Forbidden(PolicyKBError):
    code = "forbidden"
    status = 403


class CsrfFailed(Forbidden):
    code = "csrf_failed"


class NotFound(PolicyKBError):
    code = "not_found"
    status = 404


class AlreadyExists(PolicyKBError):
    code = "already_exists"
    status = 409


class TooManySignIns(PolicyKBError):
    code = "too_many_sign_ins"
    status = 429


class DocumentNotFound(PolicyKBError):
    code = "document_not_found"
    status = 404


class ConversationNotFound(PolicyKBError):
    code = "conversation_not_found"
    status = 404


class StoreBusy(PolicyKBError):
    code = "store_busy"
    status = 409


class IngestError(PolicyKBError):
    code = "ingest_failed"
    status = 422


class UnsupportedFormat(IngestError):
    code = "unsupported_format"


class UnreadableFile(IngestError):
    code = "unreadable_file"


class ServiceUnavailable(PolicyKBError):
    code = "service_unavailable"
    status = 503


def describe_validation(errors: Iterable[Mapping[str, Any]]) -> str:
    """pydantic's validation errors as one line naming each field and its problem (the HTTP
    error message and the CLI's one line)."""
    parts = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if p != "body"]
        kind = error.get("type")
        if kind == "json_invalid":
            ctx = error.get("ctx", {})
            parts.append(f"malformed JSON body ({ctx.get('error', 'cannot parse')})")
        elif kind == "missing":
            parts.append(f"missing field '{'.'.join(loc)}'")
        elif kind == "extra_forbidden":
            parts.append(f"unknown field '{'.'.join(loc)}'")
        else:
            where = ".".join(loc) or "body"
            message = str(error.get("msg", "invalid"))
            parts.append(f"{where}: {message.removeprefix('Value error, ')}")
    return "; ".join(parts) or "invalid request"


class EmbeddingModelMismatch(ServiceUnavailable):
    code = "embedding_model_mismatch"

"""Request and response bodies of the HTTP API (and the CLI's --json output).

    questions  what a caller sends: questions, searches, filters, earlier turns
    answers    answers with their citations, parts and place groups; search results
    documents  stored documents, their validity and versions
    service    health, and the body of every error

Every body is importable from ``app.models`` itself.

May import: nothing of app/ but its own modules (it is part of the base every stage reads).
"""

from app.models.answers import (
    Answer,
    AnswerPart,
    Citation,
    Conflict,
    Message,
    Passage,
    PlaceGroup,
    RefusalCode,
    SearchResponse,
    Timings,
    refusal_message,
)
from app.models.documents import (
    DiffLine,
    DocumentDetail,
    DocumentInfo,
    DocumentList,
    DocumentVersion,
    ValidityInfo,
    ValidityStatus,
    VersionDiff,
    VersionList,
    VersionText,
)
from app.models.questions import (
    AskRequest,
    Filters,
    HistoryTurn,
    Mode,
    SearchRequest,
    Text,
    utf8_text,
)
from app.models.service import ErrorBody, ErrorResponse, Health

__all__ = [
    "Answer", "AnswerPart", "AskRequest", "Citation", "Conflict", "DiffLine", "DocumentDetail",
    "DocumentInfo", "DocumentList", "DocumentVersion", "ErrorBody", "ErrorResponse", "Filters",
    "Health", "HistoryTurn", "Message", "Mode", "Passage", "PlaceGroup", "RefusalCode",
    "SearchRequest", "SearchResponse", "Text", "Timings", "ValidityInfo", "ValidityStatus",
    "VersionDiff", "VersionList", "VersionText", "refusal_message", "utf8_text",
]

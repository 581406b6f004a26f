"""policykb's errors: what went wrong, named for the person who has to act on it.

Every error policykb raises on purpose derives from ``PolicyKBError``; one handler in
``app.http.factory`` maps them to ``{"error": {"code", "message", "messages": {"en", "zh"}}}``
(``error_body``: ``message`` in the asker's language) with the status below, and the CLI prints
the message on one line and exits non-zero. ``MESSAGES_ZH`` says each code in Chinese.

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
from typing import Any, Literal

Language = Literal["en", "zh"]


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


# What each code tells a Chinese reader, and whether the English message follows in brackets:
# it does where it names the value or field at fault (a city, a limit, a file), which a fixed
# sentence cannot. A code missing here gets the generic sentence and the English detail.
MESSAGES_ZH: dict[str, tuple[str, bool]] = {
    "internal_error": ("服务内部出错，请稍后重试；如果问题持续，请联系管理员。", False),
    "invalid_request": ("请求不符合接口要求", True),
    "empty_question": ("问题为空，请输入一个问题。", False),
    "question_too_long": ("问题过长，请缩短后重试", True),
    "invalid_filter": ("筛选条件无效", True),
    "invalid_top_k": ("返回段落数（top_k）超出允许范围", True),
    "no_user_message": ("请求中没有用户消息（role 为 user 的消息）。", False),
    "malformed_body": ("请求体不是有效的 UTF-8 JSON", True),
    "document_not_found": ("知识库中没有这份文件", True),
    "conversation_not_found": ("没有这个对话（可能已删除，或属于其他用户）。", False),
    "conversation_and_history": (
        "请只提供 conversation_id（由服务器保存对话）或 history（由客户端保存对话）之一。", False),
    "store_busy": ("另一个写入任务（导入或删除）正在进行，请稍后重试", True),
    "ingest_failed": ("文件导入失败", True),
    "unsupported_format": ("不支持这种文件格式", True),
    "unreadable_file": ("无法读取这个文件", True),
    "service_unavailable": ("服务暂不可用：无法连接知识库存储或模型", True),
    "embedding_model_mismatch": (
        "知识库的向量由另一个嵌入模型生成，请先运行 policykb ingest", True),
    "invalid_name": ("名称不符合要求", True),
    "upload_refused": ("上传的文件被拒绝，未保存任何内容", True),
    "not_signed_in": ("请先登录，或在请求中提供有效的 API 密钥", True),
    "forbidden": ("当前账户无权执行此操作", True),
    "csrf_failed": ("页面的安全令牌缺失或已失效，请刷新页面后重试。", False),
    "already_exists": ("同名的用户或知识库已存在", True),
    "too_many_sign_ins": ("登录失败次数过多，请稍后再试", True),
    "invalid_question_file": ("评测问题文件有误", True),  # eval/questions.py's error
    "eval_failed": ("评测无法在此知识库上运行", True),  # eval/harness.py's error
    "not_found": ("没有这个地址", True),
    "method_not_allowed": ("这个地址不支持该请求方法", True),
    "http_error": ("请求未能完成", True),
}
_GENERIC_ZH = ("请求未能完成", True)


def message_zh(code: str, message: str) -> str:
    """The error ``code`` said in Chinese, with the English ``message`` where it names detail."""
    summary, with_detail = MESSAGES_ZH.get(code, _GENERIC_ZH)
    return f"{summary}（{message}）" if with_detail else summary


def error_body(code: str, message: str, language: Language = "en") -> dict[str, Any]:
    """The JSON body of every error: one code, the message in both languages, and ``message``
    in the asker's."""
    messages = {"en": message, "zh": message_zh(code, message)}
    return {"error": {"code": code, "message": messages[language], "messages": messages}}

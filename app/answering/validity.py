"""What an answer says of the validity of the texts it quotes.

Each citation names the version of the document it quoted (old offsets open old text,
``GET /api/documents/{doc_id}/versions/{version}``) and the document's status today. An
answer that rests on a text no longer (or not yet) in force says so first, in the question's
language ("“…” expired on 2024-12-31."), so it is never read as if the measure still held.
"""

from __future__ import annotations

import re
from datetime import date

from app.models import Answer
from app.retrieval.catalog import Catalog
from app.store.records import version_id
from app.store.validity import status_note
from app.text import has_cjk

# A sentence stating its document's own validity or what it repeals ("本办法自…起施行，有效期
# 2年", "原《…》同时废止", "This plan is valid for two years from …", "replaces the 2022 plan"):
# the status badge says it, and it answers no question about what the document provides.
_STATES_VALIDITY = re.compile(
    r"(?:本|此|上述|以上)[\u4e00-\u9fff]{0,8}?(?:通知|意见|办法|措施|规定|公告|通告|方案|细则|政策"
    r"|条例|规划|计划|指引|指南|规则)[^。；;]{0,30}?(?:(?:自|从|于)[^。；;]{0,20}?(?:起|之日)"
    r"[^。；;]{0,6}?(?:施行|实施|试行|生效|执行)|有效期)"
    r"|(?:同时|一并)废止|\b(?:takes? effect|comes? into (?:force|effect)|remains? in force"
    r"|(?:is|are) valid (?:for|until|from)|in force (?:from|until|for)|appl(?:y|ies) from"
    r"|runs? from|expires? on|(?:replaces?|supersedes?|repeals?) the"
    r"|(?:is|are) (?:hereby )?(?:repealed|superseded|revoked))\b", re.I)
# The words of a question about validity itself (when, until when, what it replaced).
_ASKS_VALIDITY = re.compile(
    r"有效|施行|生效|废止|失效|到期|何时|什么时候|哪天|起止|\bvalid|\beffect(?:ive)?\b"
    r"|\bin force\b|expir|replac|supersed|repeal|\bwhen\b|\buntil\b|\bperiod\b", re.I)


def states_own_validity(sentence: str, question: str) -> bool:
    """Whether ``sentence`` only states its document's validity, for a question that does not
    ask about validity (``app.answering.extractive`` leaves it out of the candidates)."""
    return bool(_STATES_VALIDITY.search(sentence)) and not _ASKS_VALIDITY.search(question)


def with_validity(answer: Answer, catalog: Catalog, question: str,
                  today: date | None = None) -> Answer:
    """``answer`` with each citation's version and status, and the status of every cited
    text not in force stated before the answer."""
    today = today or date.today()
    chinese = has_cjk(question)
    stated: dict[str, str] = {}
    for citation in answer.citations:
        doc = catalog.documents.get(citation.doc_id)
        citation.version = version_id(doc.metadata) if doc else None
        validity = catalog.validity.get(citation.doc_id)
        if validity is None:
            continue
        citation.status = validity.status_on(today)
        citation.status_note = status_note(validity, today, catalog.titles, chinese)
        if note := citation.status_note:
            stated.setdefault(citation.doc_id, _sentence(citation.title, note, chinese))
    if stated and not answer.refused:
        answer.answer = ("" if chinese else " ").join([*stated.values(), answer.answer])
    return answer


def _sentence(title: str, note: str, chinese: bool) -> str:
    return f"注意：《{title}》{note}。" if chinese else f"Note: “{title}” {note}."


# The status sentences _sentence writes, as they open an answer: a scorer reads the answer
# without them, since they repeat a title (and its years) that no quoted clause stated.
_STATUS_OPENING = re.compile(r"^(?:注意：《[^》]*》[^。]*。|Note: “[^”]*” [^.]*\.\s?)+")


def without_status(answer: str) -> str:
    """``answer`` without the status sentences ``with_validity`` put before it."""
    return _STATUS_OPENING.sub("", answer)

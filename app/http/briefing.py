"""Briefing routes: a document's brief and a topic comparison, as JSON or as a file."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.briefing.export import MEDIA_TYPES, export, file_name
from app.briefing.models import Brief, TopicComparison
from app.http.auth import PrincipalDep
from app.http.deps import ServicesDep
from app.http.routes import ERRORS

router = APIRouter(responses=ERRORS, tags=["briefing"])
ExportFormat = Annotated[
    Literal["json", "md", "html", "docx"],
    Query(description="json (default), or a file: md, html (printable) or docx."),
]
FILES = {"200": {"content": {t: {} for t in MEDIA_TYPES.values()},
                 "description": "The JSON body, or the file in the format asked for."}}


def _respond(what: Brief | TopicComparison, fmt: str) -> Brief | TopicComparison | Response:
    if fmt == "json":
        return what
    name = file_name(what, fmt)  # type: ignore[arg-type]
    return Response(export(what, fmt), media_type=MEDIA_TYPES[fmt],  # type: ignore[arg-type]
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# Registered before the document route, whose ``{doc_id:path}`` would also match ".../brief".
@router.get("/api/documents/{doc_id:path}/brief", response_model=Brief, responses=FILES)  # type: ignore[arg-type]
def brief(doc_id: str, services: ServicesDep, who: PrincipalDep,
          format: ExportFormat = "json") -> Brief | Response:
    """A cited briefing pack: what the policy is, its requirements, figures, dates, responsible
    units and procedures (each a verbatim clause with offsets), and a quiz verified through
    /api/ask."""
    return _respond(services.brief(doc_id, who.read), format)  # type: ignore[return-value]


@router.get("/api/brief", response_model=TopicComparison, responses=FILES)  # type: ignore[arg-type]
def compare(topic: Annotated[str, Query(description="e.g. 'computing power'")],
            services: ServicesDep, who: PrincipalDep, format: ExportFormat = "json",
            expired: Annotated[bool, Query(description="Also documents no longer in force.")]
            = False) -> TopicComparison | Response:
    """One topic across the stored documents in force: per city and document, the cited
    items."""
    return _respond(services.compare(topic, expired, who.read),  # type: ignore[return-value]
                    format)

"""The conversation endpoints: a user's own conversations, kept by the server.

    POST   /api/conversations        start one (then ask with its conversation_id)
    GET    /api/conversations        the user's conversations, most recent first
    GET    /api/conversations/{id}   one, with every turn's question and answer
    DELETE /api/conversations/{id}   forget it

Another user's conversation is answered 404, as an unknown one is.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.conversation.models import ConversationDetail, ConversationInfo, ConversationList
from app.http.deps import OwnerDep, ServicesDep
from app.http.routes import ERRORS
from app.models import ErrorResponse

_ERRORS: dict[int | str, dict[str, object]] = {
    **ERRORS, 404: {"model": ErrorResponse, "description": "Unknown conversation (or another "
                    "user's)"}}
router = APIRouter(prefix="/api/conversations", tags=["conversations"], responses=_ERRORS)


@router.post("", response_model=ConversationInfo, status_code=201)
def create(services: ServicesDep, owner: OwnerDep) -> ConversationInfo:
    return services.conversations.create(owner)


@router.get("", response_model=ConversationList)
def list_all(services: ServicesDep, owner: OwnerDep) -> ConversationList:
    return ConversationList(conversations=services.conversations.list(owner))


@router.get("/{conversation_id}", response_model=ConversationDetail)
def read(conversation_id: str, services: ServicesDep, owner: OwnerDep) -> ConversationDetail:
    return services.conversations.get(conversation_id, owner)


@router.delete("/{conversation_id}", status_code=204, response_class=Response)
def delete(conversation_id: str, services: ServicesDep, owner: OwnerDep) -> Response:
    services.conversations.delete(conversation_id, owner)
    return Response(status_code=204)

"""FastAPI dependencies: components built once in the lifespan, reached through these aliases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.db import Database
from app.services import Services
from app.settings import Settings


# async, though they only read app state: FastAPI runs a plain `def` dependency on its thread
# pool, one more thread hop per request (a sync route's own body runs there anyway).
async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def db_session(request: Request) -> Iterator[Session]:
    """A database session for one request: committed when the route returns, rolled back
    when it raises."""
    database: Database = request.app.state.database
    with database.session() as session:
        yield session


DbDep = Annotated[Session, Depends(db_session)]

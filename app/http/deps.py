"""FastAPI dependencies: components built once in the lifespan, reached through these aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

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

"""`policykb eval` (registered via entry points)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    pass

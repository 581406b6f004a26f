"""What one question's answering computes once: a value asked again within it with equal
arguments is the one found first.

A refused answer is read again from every document (app.services.asking): most often the very
retrieval its in-force search ran first, and the very answer it refused, both computed anew (a
fifth of eval dev's retrievals and answers, ~12% of its CPU). Kept per question (a context
variable: each request's own), never across questions: the store may change between them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

# (what, its arguments, the value) computed within the current question; None outside one.
_KEPT: ContextVar[list[tuple[str, Any, Any]] | None] = ContextVar("one_question", default=None)


@contextmanager
def one_question() -> Iterator[None]:
    """Within it, ``once`` keeps what it computes."""
    token = _KEPT.set([])
    try:
        yield
    finally:
        _KEPT.reset(token)


def once(what: str, arguments: Any, compute: Callable[[], T],
         copy: Callable[[T], T] = lambda value: value) -> T:
    """``compute()``, or within ``one_question`` the value it gave for equal ``arguments``
    (compared by ``==``: a retrieval is no dict key). ``copy``: how a value its callers change
    in place (an answer) is kept and handed out again, untouched by the first caller."""
    if (kept := _KEPT.get()) is None:
        return compute()
    for name, earlier, value in kept:
        if name == what and earlier == arguments:
            return copy(value)
    value = compute()
    kept.append((what, arguments, copy(value)))
    return value

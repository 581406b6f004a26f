"""The service's own commands: search, ask, brief, serve."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.models import Answer, AskRequest, Filters, SearchRequest, SearchResponse
from app.running_service import published
from app.settings import Settings

Subparsers = Any  # argparse's _SubParsersAction is private


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--city", help="only passages of this city or district")
    parser.add_argument("--doc-id", help="only passages of this document")
    parser.add_argument("--issuer", help="only documents whose issuer contains this")
    parser.add_argument("--language", help="only documents in this language (zh, en)")
    parser.add_argument("--year-from", type=int)
    parser.add_argument("--year-to", type=int)
    parser.add_argument("--top-k", type=int, help="passages to retrieve")
    parser.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                        help="from the documents in force on this day (default: today)")
    parser.add_argument("--json", action="store_true", help="print the JSON response")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _filters(args: argparse.Namespace) -> Filters | None:
    values = {
        "city": args.city,
        "doc_id": args.doc_id,
        "issuer": args.issuer,
        "language": args.language,
        "year_from": args.year_from,
        "year_to": args.year_to,
    }
    return Filters(**values) if any(v is not None for v in values.values()) else None


def register(sub: Subparsers) -> None:
    from app.accounts.commands import register as register_accounts

    register_accounts(sub)
    ask = sub.add_parser("ask", help="answer a question with cited passages")
    ask.add_argument("question")
    ask.add_argument("--mode", choices=["extractive", "generate"])
    _add_filters(ask)
    ask.set_defaults(handler=_run_ask)

    search = sub.add_parser("search", help="retrieve passages for a query")
    search.add_argument("query")
    _add_filters(search)
    search.set_defaults(handler=_run_search)

    brief = sub.add_parser("brief", help="a cited briefing pack for a document (requirements, "
                           "figures, deadlines, who does what, a checked quiz), or with --topic "
                           "a topic compared across documents")
    brief.add_argument("doc_id", nargs="?", help="the document to brief")
    brief.add_argument("--topic", help="compare this topic across documents instead")
    brief.add_argument("--expired", action="store_true",
                       help="with --topic: also documents no longer in force")
    brief.add_argument("--format", choices=["md", "docx", "html"], default="md")
    brief.add_argument("--out", type=Path, help="write to FILE (needed for docx)")
    brief.add_argument("--json", action="store_true", help="print the JSON response")
    brief.set_defaults(handler=_run_brief)

    serve = sub.add_parser("serve", help="serve the HTTP API and web page")
    serve.add_argument("--host", help="default: POLICYKB_SERVER_HOST (127.0.0.1)")
    serve.add_argument("--port", type=int, help="default: POLICYKB_SERVER_PORT (8000)")
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes sharing the port (default 1); more than one "
                       "needs POLICYKB_CHROMA_MODE=http, see README 'Scaling out'")
    serve.set_defaults(handler=_run_serve)


def _services(settings: Settings) -> Any:
    from app.services import Services

    return Services.build(settings)


def format_answer(answer: Answer) -> str:
    lines = [textwrap.fill(answer.answer, 100), ""]
    if answer.city_inferred:
        lines.insert(0, f"(city: {answer.city_inferred})")
    for c in answer.citations:
        where = " > ".join(x for x in (c.city or "", c.section) if x)
        page = f", p. {c.page}" if c.page else ""
        place = f", {where}" if where else ""
        status = f" [{c.status_note}]" if c.status_note else ""
        version = f"@{c.version}" if c.version else ""
        lines.append(f"[{c.n}] {c.title}{page}{status}  ({c.doc_id}{version} "
                     f"{c.start}-{c.end}{place})")
        lines.append(textwrap.indent(textwrap.fill(f"“{c.quote}”", 96), "    "))
    if answer.refused and answer.related:
        lines.append("Nearest passages:")
        for p in answer.related:
            lines.append(f"  - {p.title} ({p.doc_id}, score {p.score:.2f}): {p.text[:160]}…")
    if answer.fallback:
        lines.append(f"(model answer not used: {answer.fallback})")
    return "\n".join(lines).rstrip()


def _run_ask(args: argparse.Namespace, settings: Settings) -> int:
    request = AskRequest(
        question=args.question, filters=_filters(args), top_k=args.top_k, mode=args.mode,
        as_of=args.as_of,
    )
    answer = _services(settings).ask(request)
    print(answer.model_dump_json(indent=2) if args.json else format_answer(answer))
    return 0


def format_search(response: SearchResponse) -> str:
    lines = [f"(city: {response.city_inferred})"] if response.city_inferred else []
    for p in response.passages:
        lines.append(f"{p.rank}. [{p.score:.3f}] {p.doc_id} {p.start}-{p.end} {p.section}")
        lines.append(textwrap.indent(textwrap.fill(p.text, 96), "    "))
    return "\n".join(lines) or "no passages"


def _run_search(args: argparse.Namespace, settings: Settings) -> int:
    request = SearchRequest(query=args.query, filters=_filters(args), top_k=args.top_k,
                            as_of=args.as_of)
    response = _services(settings).search(request)
    print(response.model_dump_json(indent=2) if args.json else format_search(response))
    return 0


def _fail(message: str) -> int:
    print(f"policykb: error: {message}", file=sys.stderr)
    return 1


def _unwritable(path: Path) -> str | None:
    """Why ``path`` cannot be written, checked before the minutes a brief may take."""
    if path.is_dir():
        return f"--out {path} is a directory"
    parent = path.parent
    if not parent.is_dir():
        return f"--out {path}: the directory {parent} does not exist"
    if not os.access(path if path.exists() else parent, os.W_OK):
        return f"--out {path} is not writable"
    return None


def _run_brief(args: argparse.Namespace, settings: Settings) -> int:
    from app.briefing.export import export

    if (args.doc_id is None) == (args.topic is None):
        return _fail("give either a DOC_ID or --topic TOPIC")
    if args.format == "docx" and not args.json and args.out is None:
        return _fail("DOCX is a binary file: give --out FILE")
    problem = _unwritable(args.out) if args.out is not None else None
    if problem:
        return _fail(problem)
    services = _services(settings)
    what = (services.compare(args.topic, args.expired) if args.topic is not None
            else services.brief(args.doc_id))
    data = (what.model_dump_json(indent=2) + "\n").encode() if args.json \
        else export(what, args.format)
    if args.out is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        args.out.write_bytes(data)
    except OSError as exc:
        return _fail(f"cannot write --out {args.out}: {exc.strerror or exc}")
    print(f"wrote {args.out} ({len(data)} bytes)")
    return 0


def _run_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from app.http.factory import create_app

    host = args.host or settings.server.host
    port = args.port or settings.server.port
    if args.workers < 1:
        raise InputError(f"--workers must be at least 1, got {args.workers}")
    if args.workers == 1:
        # Built before the server starts, so a store the service cannot read (e.g. vectors of
        # another embedding model) stops `serve` with one line and exit 1, not a traceback.
        services = _services(settings)
        with published(settings, host, port):
            uvicorn.run(create_app(settings, services), host=host, port=port, log_level="info")
        return 0
    if settings.chroma.mode != "http":
        # Each worker would hold its own embedded Chroma on one directory: only one process
        # may write it, and a reader's copy of the index goes stale (README 'Scaling out').
        raise InputError("--workers above 1 needs a Chroma server (POLICYKB_CHROMA_MODE=http)")
    # Each worker process builds the app from the same environment (Settings()).
    with published(settings, host, port):
        uvicorn.run("app.http.factory:create_app", factory=True, host=host, port=port,
                    workers=args.workers, log_level="info")
    return 0

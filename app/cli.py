"""The `policykb` command.

Commands of the service live here (search, ask, serve, settings); ingest/ and eval/ add theirs
through the ``policykb.commands`` entry points, so the service never imports them.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import entry_points

import httpx
from pydantic import ValidationError

from app.errors import PolicyKBError, describe_validation, message_zh
from app.running_service import with_running_model
from app.settings import Settings
from app.settings_doc import describe_settings
from app.text import has_cjk


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policykb",
        description="Knowledge base of policy documents that answers with cited passages.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    from app import commands

    commands.register(sub)
    settings_parser = sub.add_parser("settings", help="list every setting and its value")
    settings_parser.set_defaults(handler=_run_settings)
    for entry in sorted(entry_points(group="policykb.commands"), key=lambda e: e.name):
        entry.load()(sub)
    return parser


def _run_settings(args: argparse.Namespace, settings: Settings) -> int:
    current = settings.model_dump(mode="json")
    for env, _default, description in describe_settings():
        section, _, name = env.removeprefix("POLICYKB_").lower().partition("_")
        value = current.get(section + "_" + name, current.get(section, {}))
        if isinstance(value, dict):
            value = value.get(name)
        print(f"{env}={json.dumps(value)}  # {description}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "_".join(str(p) for p in first["loc"]).upper()
        print(f"policykb: error: setting POLICYKB_{where}: {first['msg']}", file=sys.stderr)
        return 2
    if args.command != "serve":
        # `policykb ask --mode generate` in a second terminal uses the model `make run` started.
        settings = with_running_model(settings)
    try:
        return int(args.handler(args, settings))
    except PolicyKBError as exc:
        asked = (getattr(args, name, None) for name in ("question", "query", "topic"))
        chinese = any(isinstance(text, str) and has_cjk(text) for text in asked)
        message = message_zh(exc.code, exc.message) if chinese else exc.message
        print(f"policykb: error: {message}", file=sys.stderr)
        return 1
    except ValidationError as exc:  # an argument the request models refuse (a lone surrogate)
        print(f"policykb: error: {describe_validation(exc.errors())}", file=sys.stderr)
        return 1
    except httpx.TransportError as exc:
        print(f"policykb: error: the Chroma server cannot be reached ({exc})", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except KeyboardInterrupt:
        print("policykb: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

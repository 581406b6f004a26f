"""`policykb ingest`, `policykb documents`, `policykb delete` (registered via entry points)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.settings import Settings

# Heavy modules (torch, chromadb) are imported inside the handlers so `policykb --help` is quick.

Subparsers = Any  # argparse's _SubParsersAction is private


def register_ingest(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "ingest",
        help="ingest files or directories (default: corpus/) into the store",
        description="Ingest .txt/.md/.html/.pdf/.docx files (.doc, .wps and .ofd fail with how to "
        "convert them); title, issuer, date and 发文字号 are read from each text unless a "
        "manifest.json gives them. Re-running is a no-op for unchanged "
        "files; a changed file replaces its chunks; a file gone from an ingested directory "
        "is removed unless --no-prune.",
    )
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("corpus")])
    parser.add_argument("--json", action="store_true", help="print one JSON summary object")
    parser.add_argument(
        "--no-prune",
        action="store_true",
        help="keep documents whose files are gone from an ingested directory",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="let a file replace a document that another file was ingested as "
        "(same doc_id); without it such a file fails",
    )
    parser.add_argument(
        "--collection",
        help="the collection (knowledge base) the documents go into; default: the manifest's "
        "'collection', else 'default'",
    )
    parser.set_defaults(handler=_run_ingest)


def _run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from app.errors import PolicyKBError
    from ingest.pipeline import ingest

    try:
        report = ingest(
            args.paths,
            settings,
            prune=not args.no_prune,
            progress=not args.json and sys.stderr.isatty(),
            replace=args.replace,
            collection=args.collection,
        )
    except PolicyKBError:
        raise  # printed as one line by the CLI
    except Exception as exc:  # a store or model failure mid-run: one line, never a traceback
        print(
            f"policykb: error: ingest stopped ({type(exc).__name__}: {_one_line(exc)}); "
            "the batches already written are kept, run it again to finish",
            file=sys.stderr,
        )
        return 1
    for path, reason in report.failed:
        print(f"policykb: {path}: {reason}", file=sys.stderr)
    for doc_id, found in report.instructions.items():
        print(f"policykb: {doc_id}: {len(found)} sentence(s) address the reader or the system "
              f"(first: {found[0][:80]!r}); never quoted as answers", file=sys.stderr)
    if args.json:
        print(json.dumps(report.summary(), ensure_ascii=False))
    else:
        extra = f", {len(report.skipped)} skipped (unsupported type)" if report.skipped else ""
        repaired = f", {len(report.repaired)} repaired" if report.repaired else ""
        print(
            f"ingested: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
            f"{len(report.failed)} failed{extra}{repaired}; {report.embedded} chunks embedded; "
            f"store holds {report.documents} documents, {report.chunks} chunks "
            f"({report.seconds:.1f} s)"
        )
    return 1 if report.failed else 0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:299] + "…"


def register_documents(sub: Subparsers) -> None:
    parser = sub.add_parser("documents", help="list the stored documents")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run_documents)


def _run_documents(args: argparse.Namespace, settings: Settings) -> int:
    from app.store.chroma import Store

    docs = [d.info for d in Store(settings).list_documents()]
    if args.json:
        print(json.dumps({"documents": docs}, ensure_ascii=False, indent=2))
        return 0
    if not docs:
        print("no documents stored; run `policykb ingest`")
    for d in docs:
        print(
            f"{d['doc_id']}  [{d.get('city') or '-'}, {d.get('year') or '-'}]  "
            f"{d['chunks']} chunks  {d.get('title') or ''}"
        )
    return 0


def register_delete(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "delete", help="remove one document, its chunks and (unless --keep-versions) all of "
        "its earlier versions")
    parser.add_argument("doc_id")
    parser.add_argument("--keep-versions", action="store_true",
                        help="keep the earlier versions, so old citations still open")
    parser.set_defaults(handler=_run_delete)


def _run_delete(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.pipeline import delete_document

    deleted = delete_document(args.doc_id, settings, keep_versions=args.keep_versions)
    if not deleted:
        print(
            f"policykb: no document {args.doc_id!r} is stored (see `policykb documents`)",
            file=sys.stderr,
        )
        return 1
    what = "the current version" if deleted.current else "no current version"
    if args.keep_versions:
        print(f"deleted {args.doc_id}: {what}; its earlier versions are kept")
    else:
        print(f"deleted {args.doc_id}: {what} and all {deleted.earlier} earlier versions")
    return 0

"""Upload documents into a collection (editors), follow their ingest, delete documents."""

from __future__ import annotations

import subprocess
import uuid
from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from sqlalchemy import select

from app.accounts.principal import check_collection_name
from app.accounts.users import ensure_collection
from app.db.tables import Upload
from app.errors import NotFound, UploadRefused
from app.http.auth import PrincipalDep
from app.http.deps import DbDep, ServicesDep, SettingsDep
from app.http.routes import ERRORS
from app.uploads.files import check_docx, checked_name, doc_id_for, read_limited
from app.uploads.jobs import Uploads, UploadView, policykb_command, view

router = APIRouter(responses=ERRORS, tags=["documents"])


@router.post("/api/collections/{collection}/documents", status_code=202,
             response_model=list[UploadView])
def upload(collection: str, files: Annotated[list[UploadFile], File()], request: Request,
           db: DbDep, who: PrincipalDep, settings: SettingsDep) -> list[UploadView]:
    """Upload txt/md/html/pdf/docx files into ``collection`` (write access needed). Every file
    is checked first: one refused refuses the request and nothing is stored. Each accepted file
    is ingested in the background; GET /api/uploads/{id} follows it. A file named as an earlier
    upload of the collection replaces that document once its ingest succeeds."""
    check_collection_name(collection)
    who.require_write(collection)
    limits = settings.upload
    if len(files) > limits.max_files:
        raise UploadRefused(f"{len(files)} files in one upload; the limit is {limits.max_files}"
                            " (POLICYKB_UPLOAD_MAX_FILES)")
    checked: list[tuple[str, str, str, bytes]] = []
    for item in files:
        name = item.filename or ""
        stem, suffix = checked_name(name)
        data = read_limited(item.file, name, limits.max_mb)
        if suffix == ".docx":
            check_docx(data, name, limits.max_unpacked_mb, "POLICYKB_UPLOAD_MAX_UNPACKED_MB")
        checked.append((name, doc_id_for(collection, stem), suffix, data))
    if len({doc_id for _, doc_id, _, _ in checked}) < len(checked):
        raise UploadRefused("two files of this upload have the same name; upload them apart")
    ensure_collection(db, collection)
    uploads: Uploads = request.app.state.uploads
    rows = [Upload(id=str(uuid.uuid4()), collection=collection, file_name=name, doc_id=doc_id,
                   status="queued", message="", user_name=who.name)
            for name, doc_id, _, _ in checked]
    for row, (_, _, suffix, data) in zip(rows, checked, strict=True):
        uploads.keep(row, suffix, data)
        db.add(row)
    db.commit()  # committed before the worker looks for them
    for row in rows:
        uploads.enqueue(row.id)
    return [view(row) for row in rows]


@router.get("/api/uploads", response_model=list[UploadView])
def uploads_list(db: DbDep, who: PrincipalDep,
                 collection: str | None = None) -> list[UploadView]:
    """Recent uploads of the collections the caller may read, newest first."""
    query = select(Upload).order_by(Upload.created_at.desc()).limit(200)
    if collection:
        query = query.where(Upload.collection == collection)
    return [view(r) for r in db.scalars(query) if who.can_read(r.collection)]


@router.get("/api/uploads/{upload_id}", response_model=UploadView)
def upload_status(upload_id: str, db: DbDep, who: PrincipalDep) -> UploadView:
    row = db.get(Upload, upload_id)
    if row is None or not who.can_read(row.collection):
        raise NotFound(f"no upload {upload_id!r}")
    return view(row)


@router.delete("/api/documents/{doc_id:path}", status_code=204)
def delete_document(doc_id: str, request: Request, db: DbDep, who: PrincipalDep,
                    services: ServicesDep) -> None:
    """Remove a document and its chunks (write access to its collection needed)."""
    info = services.document(doc_id, who.read)  # 404 outside the caller's collections
    who.require_write(info.collection)
    uploads: Uploads = request.app.state.uploads
    done = subprocess.run(policykb_command("delete", doc_id), env=uploads.env, text=True,
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise UploadRefused(done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                            else f"deleting {doc_id} failed")
    for row in db.scalars(select(Upload).where(Upload.doc_id == doc_id)):
        uploads.forget(row)
        row.status = "deleted"

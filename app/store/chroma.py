"""The store: Chroma collections for chunks and documents, and the persisted BM25 index.

Two collections live in one Chroma (embedded ``PersistentClient`` or a server through
``HttpClient``, the same code either way):

- ``<prefix>_chunks``: one record per chunk, written by llama-index's ``ChromaVectorStore``;
  metadata carries doc_id, city, title, issuer, year, section, paragraph, page, start, end
  and the hash of the document version it was cut from (``doc_hash``).
- ``<prefix>_documents``: one record per document: its normalized full text (the text chunk
  offsets point into) and its metadata, written only after all of its chunks.
- ``<prefix>_versions``: the earlier texts of changed documents (``app.store.versions``).

A document is *complete* when its record exists and every chunk carries the record's hash;
ingest repairs anything else (see ``ingest.consistency``).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaClientSettings
from llama_index.core.vector_stores.types import (
    MetadataFilters,
)

from app.errors import EmbeddingModelMismatch, ServiceUnavailable
from app.settings import Settings
from app.store.chroma_requests import chroma_where, doc_id_where, read_all
from app.store.chunk_cache import ChunkCache
from app.store.embedding import EmbeddingIdentity
from app.store.metadata import clean_metadata
from app.store.records import Chunk, StoredDocument
from app.store.scope_vectors import ScopeMatrix, ScopeVectors
from app.store.vector_store import BatchedChromaVectorStore
from app.store.versions import VersionArchive


def make_client(settings: Settings) -> ClientAPI:
    client_settings = ChromaClientSettings(anonymized_telemetry=False)
    try:
        if settings.chroma.mode == "http":
            return chromadb.HttpClient(
                host=settings.chroma.host, port=settings.chroma.port, settings=client_settings
            )
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=client_settings)
    except Exception as exc:  # chromadb raises ValueError/ConnectionError/its own errors
        where = (
            f"server at {settings.chroma.host}:{settings.chroma.port}"
            if settings.chroma.mode == "http"
            else f"directory {settings.chroma_dir}"
        )
        raise ServiceUnavailable(f"cannot open the Chroma {where}: {exc}") from exc


class Store:
    """Everything policykb keeps in Chroma, behind names of what it means."""

    def __init__(self, settings: Settings, client: ClientAPI | None = None) -> None:
        self.settings = settings
        self._owns_client = client is None
        self.client = client or make_client(settings)
        self.chunk_cache = ChunkCache()
        self.scope_vectors = ScopeVectors()
        self._open_collections()

    def _open_collections(self) -> None:
        prefix = self.settings.chroma.collection
        self.chunks: Collection = self._chunk_collection()
        self.documents: Collection = self.client.get_or_create_collection(f"{prefix}_documents")
        self.versions = VersionArchive(self.client.get_or_create_collection(f"{prefix}_versions"))
        # The cached wrappers held the old collections.
        self.__dict__.pop("vector_store", None)

    def reopen(self) -> None:
        """See what another process wrote since this one opened the store.

        An embedded Chroma keeps each collection's vector index in memory, shared by every
        client of the same path in the process, and never reloads it: after an ingest in
        another process its queries miss the new chunks and ``get(include=["embeddings"])``
        of one raises "Error finding id". Closing the client (the last of its path in this
        process stops Chroma's shared system) and opening a new one loads the index from
        disk afresh. A server (mode 'http') always answers from its current state.
        """
        self.chunk_cache.clear()  # a chunk id may now hold another text
        self.scope_vectors.clear()
        if self.settings.chroma.mode != "persistent" or not self._owns_client:
            return
        self.client.close()  # type: ignore[attr-defined]  # Client has it; ClientAPI omits it
        self.client = make_client(self.settings)
        self._open_collections()

    def _chunk_collection(self) -> Collection:
        return self.client.get_or_create_collection(
            f"{self.settings.chroma.collection}_chunks", metadata={"hnsw:space": "cosine"}
        )

    # The embedding model -------------------------------------------------------------------
    def embedding_identity(self) -> EmbeddingIdentity | None:
        """The model that wrote the chunk vectors, as recorded in the collection's metadata."""
        return EmbeddingIdentity.from_metadata(self.chunks.metadata)

    def record_embedding(self, identity: EmbeddingIdentity) -> None:
        # The distance function lives in the collection's configuration, not in this metadata.
        self.chunks.modify(metadata=identity.as_metadata())

    def check_embedding(self, configured: EmbeddingIdentity) -> None:
        """Refuse to serve vectors of another model: the query would be compared with them."""
        stored = self.embedding_identity()
        if stored is None and self.chunk_count() == 0:
            return
        if stored is None or stored.fingerprint != configured.fingerprint:
            built = repr(stored.name) if stored else "an unrecorded model"
            raise EmbeddingModelMismatch(
                f"the store in {self.where} was built with embedding model {built} but "
                f"POLICYKB_EMBEDDING_MODEL is {configured.name!r}: run `policykb ingest` to "
                f"re-embed it with {configured.name!r}"
                + (f" (or set POLICYKB_EMBEDDING_MODEL={stored.name})" if stored else "")
            )

    @property
    def where(self) -> str:
        if self.settings.chroma.mode == "http":
            return f"the Chroma server at {self.settings.chroma.host}:{self.settings.chroma.port}"
        return str(self.settings.chroma_dir)

    def swap_chunks(self, replacement: Collection) -> None:
        """Make ``replacement`` (built aside, same chunks) the chunk collection: a crash
        before this leaves the old collection whole."""
        name = self.chunks.name
        self.client.delete_collection(name)
        replacement.modify(name=name)
        self.chunks = self._chunk_collection()
        self.__dict__.pop("vector_store", None)
        self.chunk_cache.clear()
        self.scope_vectors.clear()

    @cached_property
    def vector_store(self) -> BatchedChromaVectorStore:
        store = BatchedChromaVectorStore(chroma_collection=self.chunks)
        store.set_max_batch(self.client.get_max_batch_size())
        return store

    # Documents -------------------------------------------------------------------------------
    def list_documents(self) -> list[StoredDocument]:
        got = read_all(self.documents, ["metadatas"])
        docs = [
            StoredDocument(doc_id, clean_metadata(doc_id, dict(meta or {})))
            for doc_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True)
        ]
        return sorted(docs, key=lambda d: d.doc_id)

    def get_document(self, doc_id: str) -> StoredDocument | None:
        return self.get_documents([doc_id]).get(doc_id)

    def get_documents(self, doc_ids: list[str]) -> dict[str, StoredDocument]:
        """The stored ones of ``doc_ids`` in one call (an embedded Chroma's ~14 ms each)."""
        got = self.documents.get(ids=doc_ids, include=["metadatas", "documents"])
        return {doc_id: StoredDocument(doc_id, clean_metadata(doc_id, dict(meta or {})), text or "")
                for doc_id, meta, text in zip(got["ids"], got["metadatas"] or [],
                                              got["documents"] or [], strict=True)}

    def put_document(self, doc_id: str, text: str, metadata: dict[str, Any]) -> None:
        self.put_documents([(doc_id, text, metadata)])

    def put_documents(self, records: list[tuple[str, str, dict[str, Any]]]) -> None:
        """Write document records (doc_id, text, metadata), as few calls as Chroma allows: an
        embedded Chroma spent ~150 ms on each call, ~12 ms a record in one call of 40."""
        step = self.client.get_max_batch_size()
        for first in range(0, len(records), step):
            part = records[first:first + step]
            self.documents.upsert(
                ids=[doc_id for doc_id, _, _ in part],
                documents=[text for _, text, _ in part],
                metadatas=[{k: v for k, v in meta.items() if v is not None}
                           for _, _, meta in part],
                # Chroma needs a vector per record; documents are found through their chunks.
                embeddings=[[1.0]] * len(part),  # type: ignore[arg-type]
            )

    def delete_document(self, doc_id: str, versions: bool = False) -> None:
        """Record first, chunks second: a crash in between leaves orphans ingest repairs.
        ``versions``: also every earlier version (a repair keeps them)."""
        if versions:
            self.versions.delete_all(doc_id)
        self.documents.delete(ids=[doc_id])
        self.chunks.delete(where={"doc_id": doc_id})
        self.chunk_cache.clear()
        self.scope_vectors.clear()

    def document_count(self) -> int:
        return self.documents.count()

    # Chunks ----------------------------------------------------------------------------------
    def chunk_count(self) -> int:
        return self.chunks.count()

    def chunk_metadata(self) -> dict[str, dict[str, Any]]:
        got = read_all(self.chunks, ["metadatas"])
        return {
            cid: dict(m or {}) for cid, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        }

    def all_chunks(self) -> list[Chunk]:
        got = read_all(self.chunks, ["metadatas", "documents"])
        return [
            Chunk.from_record(cid, text or "", dict(meta or {}))
            for cid, text, meta in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True
            )
        ]

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """Every chunk of one document, in document order (kept by ``chunk_cache``)."""
        return self.chunk_cache.document(doc_id, self._read_document_chunks)

    def _read_document_chunks(self, doc_id: str) -> list[Chunk]:
        got = read_all(self.chunks, ["metadatas", "documents"], where={"doc_id": doc_id})
        chunks = [
            Chunk.from_record(cid, text or "", dict(meta or {}))
            for cid, text, meta in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True
            )
        ]
        return sorted(chunks, key=lambda c: c.start)

    def get_chunks(self, chunk_ids: list[str]) -> dict[str, Chunk]:
        if not chunk_ids:
            return {}
        got = self.chunks.get(ids=chunk_ids, include=["metadatas", "documents"])
        return {
            cid: Chunk.from_record(cid, text or "", dict(meta or {}))
            for cid, text, meta in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True
            )
        }

    def get_chunks_cached(self, chunk_ids: list[str]) -> dict[str, Chunk]:
        """The chunks of ``chunk_ids`` that exist, from the cache where it has them."""
        return self.chunk_cache.get_many(chunk_ids, self.get_chunks)

    def get_vectors(self, chunk_ids: list[str]) -> dict[str, Any]:
        """The stored embeddings of ``chunk_ids`` (those that exist)."""
        if not chunk_ids:
            return {}
        got = self.chunks.get(ids=chunk_ids, include=["embeddings"])
        vectors = [] if got["embeddings"] is None else got["embeddings"]
        return dict(zip(got["ids"], vectors, strict=True))

    def query_dense_within(
        self, embedding: list[float], k: int, doc_ids: set[str]
    ) -> list[tuple[Chunk, float]]:
        """Nearest chunks of ``doc_ids`` with their cosine, by an exact search over their
        vectors kept in memory (``app/store/scope_vectors.py``): Chroma's filtered query took
        ~70 ms at 100k chunks."""
        if not doc_ids:
            return []
        found = self.scope_vectors.matrix(frozenset(doc_ids), self._read_scope)
        nearest = ScopeVectors.nearest(found, embedding, k)
        chunks = self.get_chunks_cached([cid for cid, _ in nearest])
        return [(chunks[cid], cosine) for cid, cosine in nearest if cid in chunks]

    def keep_scope(self, doc_ids: set[str]) -> int:
        """Read the vectors of ``doc_ids`` into memory now, for the questions to come; the
        rows kept over all scopes."""
        self.scope_vectors.matrix(frozenset(doc_ids), self._read_scope)
        return self.scope_vectors.rows

    def _read_scope(self, doc_ids: list[str]) -> ScopeMatrix:
        got = read_all(self.chunks, ["embeddings"], where=doc_id_where(doc_ids))
        return got["ids"], np.asarray(got["embeddings"], dtype=np.float32)

    def query_dense(
        self, embedding: list[float], k: int, filters: MetadataFilters | None
    ) -> list[tuple[Chunk, float]]:
        """Nearest chunks with their cosine similarity, filters applied inside Chroma.

        Chroma is asked for ids and distances only, the chunks come from ``chunk_cache``:
        llama-index's ``ChromaVectorStore.query`` has Chroma return every hit's metadata and
        rebuilds a node from each (15.5 ms for 30 hits at 10k chunks, against 1.7 ms)."""
        query = np.asarray([embedding], dtype=np.float32)
        got = self.chunks.query(query_embeddings=query, n_results=k,
                                where=chroma_where(filters), include=["distances"])
        ids, distances = got["ids"][0], (got["distances"] or [[]])[0]
        chunks = self.get_chunks_cached(ids)
        # Cosine distance is 1 - cos.
        return [(chunks[cid], 1.0 - float(distance))
                for cid, distance in zip(ids, distances, strict=True) if cid in chunks]

"""Embed and write changed documents batch by batch, so a large run is bounded and resumable.

A whole directory used to be embedded in one pipeline run and written at the end: memory grew
with the corpus, Chroma refused the write (``Batch size of 7047 is greater than max batch size
of 5461``) and nothing was kept. Now documents are gathered until about
``ingest.batch_chunks`` chunks are pending; then that batch is chunked, embedded and written
(chunks in slices Chroma accepts, see ``app.store.chroma``), its document records follow, and
the docstore is persisted. A run that stops keeps every finished batch; the next run finds
those documents unchanged and embeds only the rest (``ingest.consistency`` purges a batch cut
off half-way).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from math import ceil
from types import TracebackType

from llama_index.core import Document
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.ingestion import DocstoreStrategy, IngestionPipeline
from llama_index.core.storage.docstore import SimpleDocumentStore
from tqdm import tqdm

from app.settings import Settings
from app.store.chroma import Store
from app.store.embedding import load_embedding
from app.store.versions import text_version
from ingest.annotate import EntitiesAndVectors
from ingest.chunking import PolicyStructureParser
from ingest.sources import SourceFile


class Progress:
    """A bar of documents done with the embed + write rate, on stderr; silent when disabled."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.chunks = 0
        self.busy_s = 0.0  # time spent embedding and writing, the rate's denominator
        self._bar = tqdm(
            total=total, unit="doc", desc="ingest", file=sys.stderr, disable=not enabled
        )

    def advance(self, documents: int = 1) -> None:
        self._bar.update(documents)

    def record(self, chunks: int, seconds: float) -> None:
        self.chunks += chunks
        self.busy_s += seconds
        rate = self.chunks / self.busy_s if self.busy_s else 0.0
        self._bar.set_postfix_str(f"{self.chunks} chunks, {rate:.0f} chunks/s", refresh=False)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._bar.close()


@dataclass
class BatchWriter:
    """Collects changed documents; ``add`` writes a batch whenever enough are pending."""

    store: Store
    docstore: SimpleDocumentStore
    settings: Settings
    persist: Callable[[], None]
    progress: Progress
    model: BaseEmbedding | None = None  # the run's model (loaded here when not given)
    embedded: int = 0  # chunks embedded and written by this run
    _pending: list[tuple[SourceFile, Document]] = field(default_factory=list)
    _pending_chunks: int = 0
    _pipeline: IngestionPipeline | None = None

    def add(self, source: SourceFile, doc: Document) -> None:
        self._pending.append((source, doc))
        # A lower bound on the chunks the text will make: enough to bound a batch's memory.
        self._pending_chunks += ceil(len(doc.text) / self.settings.ingest.chunk_max_chars)
        if self._pending_chunks >= self.settings.ingest.batch_chunks:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        began = time.perf_counter()
        batch, self._pending, self._pending_chunks = self._pending, [], 0
        # The text a changed document had is kept before its chunks are replaced: earlier
        # answers' offsets point into it (app.store.versions).
        stored = self.store.get_documents([source.doc_id for source, _ in batch])
        for source, doc in batch:
            if (current := stored.get(source.doc_id)) is not None:
                self.store.versions.archive(current, text_version(doc.text))
        # The pipeline's UPSERTS delete a changed document's old chunks before adding new ones.
        nodes = self.pipeline.run(documents=[d for _, d in batch], store_doc_text=False)
        counts: dict[str, int] = {}
        for node in nodes:
            counts[node.ref_doc_id or ""] = counts.get(node.ref_doc_id or "", 0) + 1
        # Records after all of the batch's chunks, docstore last: see ingest.consistency.
        records = []
        for source, doc in batch:
            record = {k: v for k, v in doc.metadata.items() if k not in ("pages", "headings")}
            record.update(
                doc_hash=doc.hash, chunks=counts.get(source.doc_id, 0), source=str(source.path),
                version=text_version(doc.text),
                ingested=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            records.append((source.doc_id, doc.text, record))
        self.store.put_documents(records)
        self.persist()
        self.embedded += len(nodes)
        self.progress.record(len(nodes), time.perf_counter() - began)
        self.progress.advance(len(batch))

    @property
    def pipeline(self) -> IngestionPipeline:
        if self._pipeline is None:
            self._pipeline = IngestionPipeline(
                transformations=[
                    PolicyStructureParser(max_chars=self.settings.ingest.chunk_max_chars),
                    # NER once per chunk (a question is never NER'd against them), beside the
                    # embedding
                    EntitiesAndVectors(self.model or load_embedding(self.settings),
                                       self.settings.embedding.model),
                ],
                vector_store=self.store.vector_store,
                docstore=self.docstore,
                docstore_strategy=DocstoreStrategy.UPSERTS,
                # The cache would keep every embedded node of the run in memory.
                disable_cache=True,
            )
        return self._pipeline

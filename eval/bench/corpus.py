"""Synthetic policy-like corpora for the benchmark, built through the real ingest pipeline.

Documents read like the municipal AI policies of corpus/: a title, then numbered articles
naming a city, a department, a programme and a figure. Each article is one short paragraph
(ingested with a 240-character chunk limit), so a chunk is one article: the 100k-chunk
corpus then costs 100k short embeddings, about a quarter of what full 700-character chunks
would (documented in eval/bench.md). The corpus of a size is built once under
``DATA_DIR/bench/chunks-<size>`` and reused by later runs of the same embedding model
(``built.json`` records it).
"""

from __future__ import annotations

import json
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from app.settings import Settings

CHUNK_CHARS = 240
ARTICLES_PER_DOC = 50
# Two short articles sometimes share a chunk: a document makes about 45 chunks.
CHUNKS_PER_DOC = 45
# Ingested this many documents at a time (about 4,500 chunks): memory stays bounded, and a
# run stays under Chroma's largest batch (5,461) even where ingest writes a run in one batch.
DOCS_PER_INGEST = 100

CITIES = ["Zhanjiang", "Shenzhen", "Guangzhou", "Zhangzhou", "Foshan", "Dongguan", "Zhuhai",
          "Shantou", "Huizhou", "Jiangmen", "Zhaoqing", "Maoming", "Qingyuan", "Meizhou",
          "Shaoguan", "Heyuan", "Yangjiang", "Chaozhou", "Jieyang", "Yunfu", "Xiamen", "Fuzhou",
          "Quanzhou", "Putian", "Nanning", "Beihai", "Haikou", "Sanya", "Changsha", "Wuhan"]
DEPARTMENTS = ["Government Service and Data Administration", "Development and Reform Commission",
               "Bureau of Industry and Information Technology", "Finance Bureau",
               "Science and Technology Bureau", "Education Bureau", "Health Commission",
               "Transport Bureau", "Natural Resources Bureau", "Market Supervision Bureau"]
PROGRAMMES = ["intelligent computing centre", "public data platform", "AI model service hall",
              "smart transport pilot", "digital twin city project", "AI education alliance",
              "industrial internet platform", "government AI assistant", "data trading zone",
              "5G base station rollout", "computing power voucher", "AI talent programme"]
VERBS = ["shall allocate", "shall provide", "shall complete", "shall support",
         "shall establish", "shall invest"]
UNITS = ["million yuan", "percent of project investment", "base stations", "enterprises",
         "PFLOPS of computing power", "training places"]


@dataclass(frozen=True)
class Built:
    chunks: int
    documents: int
    seconds: float  # the ingest's wall time when it was built

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.seconds if self.seconds else 0.0


def bench_settings(base: Settings, chunks: int) -> Settings:
    return base.model_copy(update={
        "data_dir": base.data_dir / "bench" / f"chunks-{chunks}",
        "ingest": base.ingest.model_copy(update={"chunk_max_chars": CHUNK_CHARS}),
    })


def _article(rng: random.Random, city: str, number: int) -> str:
    return (f"Article {number}. The {city} {rng.choice(DEPARTMENTS)} {rng.choice(VERBS)} "
            f"{rng.randint(2, 900)} {rng.choice(UNITS)} for the {rng.choice(PROGRAMMES)} "
            f"by {rng.randint(2025, 2030)}.")


def document(index: int) -> tuple[str, str, str]:
    """(doc_id, city, text) of synthetic document ``index``: the same on every machine."""
    rng = random.Random(index)
    city = CITIES[index % len(CITIES)]
    year = 2020 + index % 8
    doc_id = f"synthetic-{city.lower()}-{year}-{index:06d}"
    programme = rng.choice(PROGRAMMES)
    lines = [f"{city} Action Plan for the {programme.title()} ({year}-{year + 2}) No. {index}", ""]
    for number in range(1, ARTICLES_PER_DOC + 1):
        lines += [_article(rng, city, number), ""]
    return doc_id, city, "\n".join(lines)


def questions(count: int) -> list[str]:
    """Questions in the corpus's words, each naming a city (the scoped path)."""
    rng = random.Random(-1)
    return [f"How much {rng.choice(UNITS)} {rng.choice(VERBS).removeprefix('shall ')} the "
            f"{rng.choice(CITIES)} {rng.choice(DEPARTMENTS)} for the {rng.choice(PROGRAMMES)}?"
            for _ in range(count)]


def build(settings: Settings, chunks: int, log: Path | None = None) -> Built:
    """The corpus of about ``chunks`` chunks in ``settings.data_dir``, ingested unless an
    earlier run finished it."""
    marker = settings.data_dir / "built.json"
    if marker.exists():
        saved = json.loads(marker.read_text())
        # A corpus embedded by another model is built again: its ingest rate is that
        # model's, and the service would refuse its store.
        if saved.get("model") == settings.embedding.model:
            return Built(saved["chunks"], saved["documents"], saved["seconds"])
    from ingest.pipeline import ingest

    shutil.rmtree(settings.data_dir, ignore_errors=True)
    source = settings.data_dir / "source"
    docs = -(-chunks // CHUNKS_PER_DOC)
    seconds, stored = 0.0, 0
    for first in range(0, docs, DOCS_PER_INGEST):
        part = source / f"part-{first // DOCS_PER_INGEST:05d}"
        part.mkdir(parents=True)
        entries = []
        for index in range(first, min(first + DOCS_PER_INGEST, docs)):
            doc_id, city, text = document(index)
            (part / f"{doc_id}.txt").write_text(text)
            entries.append({"doc_id": doc_id, "file": f"{doc_id}.txt", "city": city,
                            "year": 2020 + index % 8, "language": "en"})
        (part / "manifest.json").write_text(json.dumps({"documents": entries}))
        began = time.perf_counter()
        report = ingest([part], settings, prune=False)
        seconds += time.perf_counter() - began
        if report.failed:
            raise RuntimeError(f"synthetic ingest failed: {report.failed[0]}")
        stored = report.chunks
        if log is not None:
            with log.open("a") as out:
                out.write(f"{settings.data_dir.name}: {stored} chunks, {seconds:.0f} s\n")
    built = Built(stored, docs, seconds)
    marker.write_text(json.dumps({"chunks": built.chunks, "documents": built.documents,
                                  "seconds": built.seconds, "model": settings.embedding.model}))
    return built

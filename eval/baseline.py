"""The reference point: LlamaIndex's plain recipe over the same corpus and embedding model.

SimpleDirectoryReader over corpus/*.txt, the default SentenceSplitter, an in-memory
VectorStoreIndex and dense top-k retrieval: what one gets before any of policykb's cleaning,
structure-aware chunking, BM25, city scoping or glossary. Only retrieval metrics are scored;
the recipe has no answerer of its own. It takes no filters (the plain recipe has none), so a
question's filters are ignored here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

from app.settings import Settings
from app.store.embedding import load_embedding
from eval.harness import EvalError, Run, progress
from eval.metrics import DEPTH, Outcome, Retrieved, compute_metrics
from eval.questions import Question


def run_baseline(settings: Settings, corpus: Path, questions: Sequence[Question],
                 name: str = "baseline") -> Run:
    # Imported here: `policykb --help` must not pay for llama-index's index machinery.
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    if not questions:
        raise EvalError("no questions to ask")
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise EvalError(f"{corpus}: no .txt files for the baseline (--corpus names the corpus)")
    # The reader warns on every file that optional readers (PDF, DOCX...) are not installed;
    # plain .txt needs none of them, so the warning would only be noise in the eval output.
    reader_log = logging.getLogger("llama_index.core.readers.file.base")
    level = reader_log.level
    reader_log.setLevel(logging.ERROR)
    try:
        documents = SimpleDirectoryReader(input_files=files).load_data()
    finally:
        reader_log.setLevel(level)
    splitter = SentenceSplitter()  # the recipe's default, named so a global setting can't leak
    index = VectorStoreIndex.from_documents(documents, embed_model=load_embedding(settings),
                                            transformations=[splitter])
    retriever = index.as_retriever(similarity_top_k=DEPTH)
    retriever.retrieve(questions[0].question)  # untimed warm-up, as in run_pipeline
    outcomes: list[Outcome] = []
    for q in progress(questions, name):
        began = time.perf_counter()
        nodes = retriever.retrieve(q.question)
        latency = (time.perf_counter() - began) * 1000
        retrieved = [
            Retrieved(doc_id=str(n.node.metadata["file_name"]).removesuffix(".txt"),
                      text=n.node.get_content(), chunk_id=n.node.node_id, score=n.score or 0.0)
            for n in nodes
        ]
        outcomes.append(Outcome(question=q, retrieved=retrieved, latency_ms=latency))
    config = {
        "pipeline": "llamaindex-baseline",
        "reader": "SimpleDirectoryReader",
        "splitter": f"SentenceSplitter(chunk_size={splitter.chunk_size}, "
                    f"chunk_overlap={splitter.chunk_overlap})",
        "retrieval": "dense",
        "depth": DEPTH,
        "corpus": str(corpus),
        "embedding_model": settings.embedding.model,
        "documents": len(documents),
        "chunks": len(index.docstore.docs),
    }
    return Run(name, config, outcomes, compute_metrics(outcomes))

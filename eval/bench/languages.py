"""Ingest and ask, per language: synthetic Chinese and English notices without a manifest.

Each language gets its own fresh store under ``DATA_DIR/bench-languages/<language>``, built by
the real ingest at the default settings (700-character chunks, the configured embedding model,
NER, document facts and places read from the text), then asked questions in its language in
process. Figures: embed + write chunks/s (issue 22's target, >= 100), the whole run's
chunks/s, this process's CPU milliseconds per chunk (what a loaded machine does not blur; the
NER models are loaded before, the embedding model inside the run), the ingest's peak RSS, and
ask p50/p95.

The Chinese notices are shaped like real ones (a 《…》 title line, 一、 parts, （一） measures with
sums, dates, shares and departments, a closing issuer and date); the English ones are the
synthetic plans of ``eval.bench.corpus``. Both are generated here, the same on every machine.
"""

from __future__ import annotations

import random
import resource
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.settings import Settings
from eval.bench import corpus
from eval.bench.measure import Latency
from eval.bench.stages import OTHER_THREADS, STAGES, StageCPU

TARGET_CHUNKS_PER_S = 100.0  # issue 22: embed + write, on a Chinese corpus too

_CITIES = ["潮州市", "韶关市", "梅州市", "河源市", "阳江市", "茂名市", "清远市", "云浮市"]
_BODIES = ["财政局", "发展和改革委员会", "工业和信息化局", "人力资源和社会保障局", "商务局",
           "市场监督管理局", "税务局", "住房和城乡建设局"]
_MEASURES = ["租金减免", "社会保险费缓缴", "稳岗返还", "贷款贴息", "用电补贴", "技术改造补助",
             "防疫物资采购奖励", "复工复产补助"]
_SUBJECTS = ["中小微企业", "个体工商户", "餐饮企业", "外贸企业", "高新技术企业", "物流企业"]
_PARTS = ["加大财政支持力度", "减轻企业经营负担", "稳定就业岗位", "优化政务服务"]
_NUMERALS = "一二三四五六七八九十"


def chinese_document(index: int) -> tuple[str, str]:
    """(doc_id, text) of synthetic Chinese notice ``index``."""
    rng = random.Random(index)
    city = _CITIES[index % len(_CITIES)]
    year, month = 2020 + index % 4, 1 + index % 12
    lines = [f"《{city}关于支持{rng.choice(_SUBJECTS)}共渡难关的若干措施》", ""]
    for part, heading in enumerate(_PARTS):
        lines.append(f"{_NUMERALS[part]}、{heading}")
        for item in range(4):
            body, measure, subject = (rng.choice(_BODIES), rng.choice(_MEASURES),
                                      rng.choice(_SUBJECTS))
            lines.append(
                f"（{_NUMERALS[item]}）对符合条件的{subject}给予{measure}。{city}{body}安排专项资金"
                f"{rng.randint(2, 900)}万元，按不超过实际支出的{rng.randint(10, 80)}%给予补助，"
                f"单户最高不超过{rng.randint(5, 200)}万元。申请期限为{year}年{month}月"
                f"{rng.randint(1, 28)}日至{year}年12月31日，由{body}会同相关部门负责解释。"
                f"咨询电话：0{rng.randint(751, 769)}-{rng.randint(2000000, 8999999)}。")
        lines.append("")
    lines += [f"{city}人民政府办公室", f"{year}年{month}月{rng.randint(1, 28)}日"]
    return f"zh-notice-{index:05d}", "\n".join(lines)


def chinese_questions(count: int) -> list[str]:
    rng = random.Random(-2)
    return [f"{rng.choice(_CITIES)}对{rng.choice(_SUBJECTS)}的{rng.choice(_MEASURES)}最高多少？"
            for _ in range(count)]


def english_document(index: int) -> tuple[str, str]:
    doc_id, _, text = corpus.document(index)
    return doc_id, text


@dataclass(frozen=True)
class LanguageResult:
    language: str
    documents: int
    chunks: int
    embed_chunks_per_s: float  # embedding and writing (issue 22's figure)
    overall_chunks_per_s: float  # the whole run: parsing, facts, places, BM25
    cpu_ms_per_chunk: float  # this process's CPU (file parsing runs in a worker process)
    peak_rss_mb: float
    ask: Latency
    failed: int = 0  # files ingest could not read
    # Process CPU of each ask (every thread), unprofiled: what a loaded machine does not blur.
    ask_cpu: Latency = field(default_factory=lambda: Latency(0.0, 0.0))
    stages: StageCPU | None = None  # a profiled pass's CPU by stage (eval.bench.stages)


def ingest_rate(source: Path, settings: Settings, language: str = "") -> LanguageResult:
    """Ingest ``source`` into a fresh store at ``settings.data_dir`` (emptied first)."""
    from ingest.entities import entities_of
    from ingest.pipeline import ingest

    shutil.rmtree(settings.data_dir, ignore_errors=True)
    # The NER models load once per process (spaCy ~2-6 s of CPU) inside the first batch, whose
    # time is the embed + write rate's: loaded before, the rate is the pipeline's throughput.
    entities_of(["Warm-up on 1 July 2026.", "二〇二六年七月一日预热。"])
    cpu = time.process_time()
    report = ingest([source], settings, prune=False)
    cpu = time.process_time() - cpu
    if not report.embedded:
        raise SystemExit(f"policykb: error: {source}: no chunk was ingested")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return LanguageResult(
        language or source.name, len(report.added), report.embedded,
        round(report.embedded / (report.embed_seconds or 1e-9), 1),
        round(report.embedded / (report.seconds or 1e-9), 1),
        round(1000 * cpu / report.embedded, 1), round(peak), Latency(0.0, 0.0),
        len(report.failed))


def _ask_latency(settings: Settings, questions: Sequence[str], unseen: Sequence[str] = ()
                 ) -> tuple[Latency, Latency, StageCPU]:
    """Wall and CPU time of each ask, then a profiled pass's CPU by stage over ``unseen``
    questions (else the same): the timed ones are asked twice, so what is kept per question
    (its vectors, its parse) would be read, never computed, in a second pass over them."""
    from app.background import wait_warms
    from app.models import AskRequest
    from app.services import Services
    from eval.bench.stages import profiled

    services = Services.build(settings)
    for question in questions:  # untimed: lazy loads and caches, as in a warm server
        services.ask(AskRequest(question=question))
    # A running server has finished its warms; timed beside them, an ask shared the two cores
    # with the store's background warm and its p50 moved 47 -> 88 ms between two runs.
    wait_warms()
    seconds, cpu = [], []
    for question in questions:
        began, began_cpu = time.perf_counter(), time.process_time()
        services.ask(AskRequest(question=question))
        seconds.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    stages = profiled(lambda question: services.ask(AskRequest(question=question)),
                      unseen or questions)
    services.store.client.close()  # type: ignore[attr-defined]  # Client has it
    return Latency.of(seconds), Latency.of(cpu), stages


LANGUAGES: dict[str, tuple[Callable[[int], tuple[str, str]], Callable[[int], list[str]]]] = {
    "zh": (chinese_document, chinese_questions),
    "en": (english_document, corpus.questions),
}


def by_language(settings: Settings, documents: int, questions: int) -> list[LanguageResult]:
    """Each language's corpus of ``documents`` notices written, ingested and asked."""
    results = []
    for language, (document, asked) in LANGUAGES.items():
        root = settings.data_dir / "bench-languages" / language
        source = root / language
        shutil.rmtree(root, ignore_errors=True)
        source.mkdir(parents=True)
        for index in range(documents):
            doc_id, text = document(index)
            (source / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        store = settings.model_copy(update={"data_dir": root / "data"})
        result = ingest_rate(source, store, language)
        ask, cpu, stages = _ask_latency(store, asked(questions),
                                        asked(2 * questions)[questions:])
        results.append(replace(result, ask=ask, ask_cpu=cpu, stages=stages))
    return results


def language_table(results: Sequence[LanguageResult]) -> list[str]:
    """Markdown lines: one row per language, with the ingest rate's ratio to its target."""
    lines = ["| language | documents | chunks | embed + write chunks/s | ratio to target "
             f"({TARGET_CHUNKS_PER_S:g}) | overall chunks/s | CPU ms/chunk | ingest peak RSS MB "
             "| ask p50 ms | ask p95 ms | ask CPU p50 ms | ask CPU p95 ms |", "|" + "---|" * 12]
    for r in results:
        lines.append(f"| {r.language} | {r.documents} | {r.chunks} | {r.embed_chunks_per_s:.1f} "
                     f"| {r.embed_chunks_per_s / TARGET_CHUNKS_PER_S:.2f} "
                     f"| {r.overall_chunks_per_s:.1f} | {r.cpu_ms_per_chunk:.1f} "
                     f"| {r.peak_rss_mb:.0f} | {r.ask.p50_ms:.1f} | {r.ask.p95_ms:.1f} "
                     f"| {r.ask_cpu.p50_ms:.1f} | {r.ask_cpu.p95_ms:.1f} |")
    profiled = [r for r in results if r.stages is not None]
    if profiled:
        lines += ["", "| CPU ms per ask, profiled pass | "
                  + " | ".join(r.language for r in profiled) + " |",
                  "|" + "---|" * (1 + len(profiled))]
        for stage in (*STAGES, OTHER_THREADS, PROCESS):
            lines.append(f"| {stage} | " + " | ".join(
                f"{stage_ms(r.stages, stage):.2f}" for r in profiled if r.stages) + " |")
    return lines


PROCESS = "the asks' process CPU (every thread)"


def stage_ms(stages: StageCPU, stage: str) -> float:
    return stages.process_ms_per_ask if stage == PROCESS else stages.ms_per_ask[stage]

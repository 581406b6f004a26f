"""Span questions: a question, the one document that answers it, the answer as a verbatim span.

The format is realzh-dev's ``questions.jsonl`` (``{"id", "question", "docid", "answer"}``, the
documents as ``docs/<docid>.txt``). Each question is asked through ``Services.ask_with_retrieval``
(the code path of ``POST /api/ask``) and scored: the right document first (and, beside it,
first or a copy stating the gold's sentence: ``doc_first_or_copy``, the share no ranking can do
better than by chance between copies) and in the top 5 passages, the gold document cited (and,
beside it, the gold document or a copy of its sentence cited: ``cites_gold_sentence``),
refused, the gold span contained in the answer, character ROUGE-L F against the span, latency;
and each answer's kind of miss (``miss``), so a change shows which misses it turned into hits.
Beside it, in the same run, the plain reference: BM25 over jieba-cut whole documents, and that
document's best sentence by BM25 as its answer.

Splits come from eval/splits.py's rule, computed from the ids at run time: the question file
stays where it is, outside the repository.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.answering.generation.markers import MARKER
from app.background import wait_warms
from app.chinese_words import simplified
from app.models import AskRequest
from app.services import Services
from app.text import CJK_CHARS, segment, sentence_spans
from eval.harness import EvalError
from eval.metrics import without_status
from eval.splits import assign_splits

PASSAGES = 5  # "in the top 5": the passages /api/search shows by default


@dataclass(frozen=True)
class SpanQuestion:
    id: str
    question: str
    doc_id: str
    answer: str
    split: str


# Kinds of answer, from the best to the worst: the gold span quoted (and not much more), quoted
# inside a quote more than twice its length, cut short, quoted beside it in its document, the
# quote from another document, refused.
MISSES = ("hit", "too_long", "too_short", "wrong_sentence", "wrong_document", "refused")


# A citation marker " [1]" and the space joining the next quote when it opens in Chinese (which
# runs on without spaces): they are not the document's text, which the gold span is.
_MARKED = re.compile(rf"\s*{MARKER.pattern}(?:\s+(?=[{CJK_CHARS}]))?")


def quoted(answer: str) -> str:
    """The answer as the document's text: without its citation markers, nor the status sentence
    the service puts before a quote of a text no longer in force ("注意：《…》已于…失效。"), which
    the document does not say (the probe scorer and eval/metrics read answers without it too)."""
    return _MARKED.sub("", without_status(answer)).strip()


@dataclass(frozen=True)
class SpanOutcome:
    first: bool
    in_top: bool
    refused: bool
    contained: bool
    rouge_l: float
    latency_ms: float
    cites_gold: bool = False
    cites_gold_sentence: bool = False
    # The first document is the gold or another that states the gold's sentence verbatim (a
    # notice stored twice): what no ranking can tell apart from the gold.
    first_or_copy: bool = False
    miss: str = "hit"
    id: str = ""
    answer: str = ""  # as given, markers too: so a change is compared answer for answer


def miss_of(gold: str, gold_start: int, answer: str, refused: bool,
            cited: Sequence[tuple[str, int, int]], doc_id: str) -> str:
    """The kind of answer (``MISSES``): ``cited`` holds each citation's (doc_id, start, end);
    ``gold_start`` is the gold span's offset in its document (-1: not found verbatim)."""
    if refused:
        return "refused"
    own = [(s, e) for d, s, e in cited if d == doc_id]
    if not own:
        return "wrong_document"
    if gold in answer:
        return "too_long" if len(answer) > 2 * len(gold) + 10 else "hit"
    gold_end = gold_start + len(gold)
    if gold_start < 0 or not any(s < gold_end and gold_start < e for s, e in own):
        return "wrong_sentence"
    return "too_short"


def gold_sentence(text: str, gold_start: int, gold: str) -> str:
    """The sentence of ``text`` holding the gold span (the span itself if it runs over more)."""
    end = gold_start + len(gold)
    for s, e in sentence_spans(text):
        if s <= gold_start and end <= e:
            return text[s:e].strip()
    return gold


def states_gold_sentence(cited_texts: Sequence[str], sentence: str) -> bool:
    """Whether a cited document states the gold's whole sentence verbatim: the same notice
    stored twice (republished under another id, or by another office) answers as the gold does;
    the whole sentence, not the span, so a figure like "30%" found elsewhere does not count;
    a web copy writing traditional forms (以後 for 以后) or other spaces is the same notice."""
    return bool(sentence) and any(_plain(sentence) in _plain(text) for text in cited_texts)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", simplified(text))


def load_span_questions(path: Path) -> list[SpanQuestion]:
    """The questions of ``path``, each with its split by eval/splits.py's rule."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read span questions: {exc}") from exc
    for n, row in enumerate(rows, start=1):
        missing = [k for k in ("id", "question", "docid", "answer") if not row.get(k)]
        if missing:
            raise EvalError(f"{path}:{n}: field {missing[0]!r} is missing or empty")
    stratified = assign_splits([{"id": r["id"], "lang": "zh", "answerable": True,
                                 "sources": [r["docid"]]} for r in rows])
    return [SpanQuestion(str(r["id"]), r["question"], str(r["docid"]), r["answer"], s["split"])
            for r, s in zip(rows, stratified, strict=True)]


def rouge_l_f(candidate: str, reference: str) -> float:
    """Character ROUGE-L F1 (the longest common subsequence over both lengths)."""
    if not candidate or not reference:
        return 0.0
    previous = [0] * (len(reference) + 1)
    for char in candidate:
        current = [0]
        for j, ref in enumerate(reference, start=1):
            current.append(previous[j - 1] + 1 if char == ref
                           else max(previous[j], current[j - 1]))
        previous = current
    lcs = previous[-1]
    if not lcs:
        return 0.0
    precision, recall = lcs / len(candidate), lcs / len(reference)
    return 2 * precision * recall / (precision + recall)


def _scored(q: SpanQuestion, ranked_docs: list[str], answer: str, refused: bool,
            latency_ms: float, cited: Sequence[tuple[str, int, int]] = (),
            gold_start: int = -1, copy_cited: bool = False, copy_first: bool = False
            ) -> SpanOutcome:
    # The gold's edge white space is no part of what it says (some golds end in a space).
    shown, gold = ("" if refused else quoted(answer)), q.answer.strip()
    cites_gold = not refused and any(d == q.doc_id for d, _, _ in cited)
    first = bool(ranked_docs) and ranked_docs[0] == q.doc_id
    return SpanOutcome(first=first, first_or_copy=first or copy_first,
                       in_top=q.doc_id in ranked_docs[:PASSAGES], refused=refused,
                       contained=gold in shown, rouge_l=rouge_l_f(shown, gold),
                       latency_ms=latency_ms,
                       cites_gold=cites_gold,
                       cites_gold_sentence=cites_gold or (not refused and copy_cited),
                       miss=miss_of(gold, gold_start, shown, refused, cited, q.doc_id),
                       id=q.id, answer="" if refused else answer)


def run_policykb(services: Services, questions: Sequence[SpanQuestion]) -> list[SpanOutcome]:
    held = services.catalog.doc_ids
    absent = sorted({q.doc_id for q in questions} - held)
    if absent:
        raise EvalError(f"{len(absent)} documents asked about are not in the store in "
                        f"{services.settings.data_dir} (e.g. {absent[0]!r}); ingest their "
                        "docs/ directory first")
    services.ask(AskRequest(question=questions[0].question))  # untimed: one-off loading
    wait_warms()  # timed as a running service answers, as eval/harness.py does
    outcomes = []
    for q in questions:
        began = time.perf_counter()
        answer, result = services.ask_with_retrieval(AskRequest(question=q.question),
                                                     depth=PASSAGES)
        latency = (time.perf_counter() - began) * 1000
        docs = [h.chunk.doc_id for h in result.hits[:PASSAGES]]
        cited = [(c.doc_id, c.start, c.end) for c in answer.citations]
        gold_text = services.catalog.text(q.doc_id)
        gold_start = gold_text.find(q.answer)
        others = [services.catalog.text(d) for d in {d for d, _, _ in cited} - {q.doc_id}]
        sentence = gold_sentence(gold_text, gold_start, q.answer) if gold_start >= 0 else ""
        copy_cited = states_gold_sentence(others, sentence)
        copy_first = bool(docs) and docs[0] != q.doc_id and states_gold_sentence(
            [services.catalog.text(docs[0])], sentence)
        outcomes.append(_scored(q, docs, answer.answer, answer.refused, latency, cited,
                                gold_start, copy_cited, copy_first))
    return outcomes


def run_plain_bm25(docs_dir: Path, questions: Sequence[SpanQuestion]) -> list[SpanOutcome]:
    """The reference: bm25s over jieba-cut documents; the answer is the top document's
    sentence that BM25 scores best."""
    import bm25s

    paths = sorted(docs_dir.glob("*.txt"))
    if not paths:
        raise EvalError(f"{docs_dir}: no .txt documents")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    by_id = {p.stem: text for p, text in zip(paths, texts, strict=True)}
    index = bm25s.BM25()
    index.index(bm25s.tokenize([segment(t) for t in texts], stopwords=None,
                               show_progress=False), show_progress=False)
    outcomes = []
    for q in questions:
        began = time.perf_counter()
        query = bm25s.tokenize([segment(q.question)], stopwords=None, show_progress=False)
        rows, _ = index.retrieve(query, k=PASSAGES, show_progress=False)
        ranked = [paths[int(row)].stem for row in rows[0]]
        text = texts[int(rows[0][0])]
        spans = sentence_spans(text) or [(0, len(text))]
        sentences = [text[s:e] for s, e in spans]
        per_sentence = bm25s.BM25()
        per_sentence.index(bm25s.tokenize([segment(s) for s in sentences], stopwords=None,
                                          show_progress=False), show_progress=False)
        best, _ = per_sentence.retrieve(query, k=1, show_progress=False)
        latency = (time.perf_counter() - began) * 1000
        chosen = int(best[0][0])
        gold_text = by_id.get(q.doc_id, "")
        start = gold_text.find(q.answer)
        copy_cited = start >= 0 and ranked[0] != q.doc_id and states_gold_sentence(
            [text], gold_sentence(gold_text, start, q.answer))
        outcomes.append(_scored(q, ranked, sentences[chosen], False, latency,
                                [(ranked[0], *spans[chosen])], text.find(q.answer), copy_cited,
                                copy_cited))
    return outcomes


def summary(outcomes: Sequence[SpanOutcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    latencies = sorted(o.latency_ms for o in outcomes) or [0.0]
    return {
        "questions": len(outcomes),
        "doc_first": sum(o.first for o in outcomes) / n,
        "doc_first_or_copy": sum(o.first_or_copy for o in outcomes) / n,
        "doc_top5": sum(o.in_top for o in outcomes) / n,
        "cites_gold": sum(o.cites_gold for o in outcomes) / n,
        "cites_gold_sentence": sum(o.cites_gold_sentence for o in outcomes) / n,
        "refused": sum(o.refused for o in outcomes) / n,
        "span_contained": sum(o.contained for o in outcomes) / n,
        "rouge_l_f": sum(o.rouge_l for o in outcomes) / n,
        "latency_ms_p50": statistics.median(latencies),
        "latency_ms_p95": latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))],
        **{f"miss_{kind}": sum(o.miss == kind for o in outcomes) / n for kind in MISSES},
    }


def answers(outcomes: Sequence[SpanOutcome]) -> list[dict[str, object]]:
    """Each question's answer and its scores, for the report."""
    return [{"id": o.id, "miss": o.miss, "contained": o.contained, "rouge_l": round(o.rouge_l, 4),
             "answer": o.answer} for o in outcomes]


def span_table(rows: dict[str, dict[str, float]]) -> str:
    """A markdown table, one row per run."""
    keys = ["questions", "doc_first", "doc_first_or_copy", "doc_top5", "cites_gold",
            "cites_gold_sentence", "refused", "span_contained", "rouge_l_f", "latency_ms_p50",
            "latency_ms_p95"]
    lines = ["| run | " + " | ".join(keys) + " |", "|---|" + "--:|" * len(keys)]
    for name, row in rows.items():
        cells = [f"{row[k]:.0f}" if k.startswith(("latency", "questions")) else f"{row[k]:.3f}"
                 for k in keys]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "answers by kind (share of questions):",
              "| run | " + " | ".join(MISSES) + " |", "|---|" + "--:|" * len(MISSES)]
    for name, row in rows.items():
        lines.append(f"| {name} | " + " | ".join(f"{row[f'miss_{k}']:.3f}" for k in MISSES) + " |")
    return "\n".join(lines)

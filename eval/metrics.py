"""Scoring: what one question's outcome earns, and the metrics of a whole run.

Retrieval metrics count answerable questions only (an unanswerable one has no expected
source); answer metrics split answerable from unanswerable the same way. A metric whose
denominator is empty (no unanswerable question, no citation) is ``None``, never a made-up 0.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from eval.questions import Question

DEPTH = 10  # passages kept per question: mrr@10 reads this far down the ranking
RETRIEVAL_METRICS = ("doc_hit@1", "doc_hit@5", "mrr@10", "evidence@5")
ANSWER_METRICS = ("fact_accuracy", "citation_precision", "refusal_accuracy",
                  "false_refusal_rate")
LATENCY_METRICS = ("latency_ms_p50", "latency_ms_p95", "first_token_ms_p50", "first_token_ms_p95")
# Mode generate only (None in extractive runs): what the citation check and the fallbacks did.
GENERATE_METRICS = ("sentences_removed", "fallback_rate", "figures_unsupported")
METRICS = RETRIEVAL_METRICS + ANSWER_METRICS + GENERATE_METRICS + LATENCY_METRICS


@dataclass(frozen=True)
class Retrieved:
    """One ranked passage, as the metrics see it."""

    doc_id: str
    text: str
    chunk_id: str = ""
    score: float = 0.0


@dataclass(frozen=True)
class Cited:
    doc_id: str
    quote: str
    score: float = 0.0  # the answerer's support score, for calibrating the refusal threshold


@dataclass
class Outcome:
    """What the system did with one question. ``answer`` is None for retrieval-only runs."""

    question: Question
    retrieved: list[Retrieved]
    latency_ms: float
    answer: str | None = None
    refused: bool = False
    citations: list[Cited] = field(default_factory=list)
    generate: Generated | None = None  # mode generate only


@dataclass(frozen=True)
class Generated:
    """What the model's part of one generate-mode answer was."""

    fallback: str | None  # "ungrounded", "llm_unavailable" or None (the model's answer shown)
    kept: int  # the model's sentences shown
    removed: int  # the model's sentences the citation check removed
    first_token_ms: float | None  # question to the model's first streamed token
    unsupported_figures: int = 0  # figures shown that no retrieved passage holds (must be 0)


def normalize(text: str) -> str:
    return " ".join(text.casefold().split())


def contains(text: str, alternative: str) -> bool:
    """Whether ``alternative`` appears in ``text``, ignoring case and runs of white space.

    An alternative that starts or ends with a Latin letter or digit must not continue a longer
    word or number there: "5%" does not match "25%", "eight" does not match "weight".
    """
    needle = normalize(alternative)
    if not needle:
        return False
    head = r"(?<![0-9a-z])" if re.match(r"[0-9a-z]", needle) else ""
    tail = r"(?![0-9a-z])" if re.search(r"[0-9a-z]$", needle) else ""
    return re.search(head + re.escape(needle) + tail, normalize(text)) is not None

# The status sentences app.answering.validity.with_validity writes, as they open an answer: a
# scorer reads the answer without them, since they repeat a title (and its years) that no quoted
# clause stated.
_STATUS_OPENING = re.compile(r"^(?:注意：《[^》]*》[^。]*。|Note: “[^”]*” [^.]*\.\s?)+")


def without_status(answer: str) -> str:
    """``answer`` without the status sentences ``with_validity`` put before it."""
    return _STATUS_OPENING.sub("", answer)



def matches_group(alternatives: Sequence[str], text: str) -> bool:
    return any(contains(text, alt) for alt in alternatives)


def facts_matched(question: Question, text: str) -> list[bool]:
    """Each fact group stated by an answer's own text (not its status sentences, which repeat
    a plan's title and so its years)."""
    text = without_status(text)
    return [matches_group(group, text) for group in question.facts]


def first_hit(question: Question, retrieved: Sequence[Retrieved], depth: int = DEPTH) -> int | None:
    """1-based rank of the first passage from an expected source, within ``depth``."""
    for rank, passage in enumerate(retrieved[:depth], start=1):
        if passage.doc_id in question.sources:
            return rank
    return None


def has_evidence(question: Question, retrieved: Sequence[Retrieved], k: int = 5) -> bool:
    """A top-k passage from an expected source states the first fact (the question's core)."""
    if not question.facts:
        return False
    return any(p.doc_id in question.sources and matches_group(question.facts[0], p.text)
               for p in retrieved[:k])


def answer_correct(outcome: Outcome) -> bool:
    """Answerable: answered, stating every fact group. Unanswerable: refused."""
    if not outcome.question.answerable:
        return outcome.refused
    return (outcome.answer is not None and not outcome.refused
            and all(facts_matched(outcome.question, outcome.answer)))


def citation_supports(question: Question, cited: Cited) -> bool:
    """The quote comes from an expected source and states one of the facts."""
    return cited.doc_id in question.sources and any(
        matches_group(group, cited.quote) for group in question.facts)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100), interpolating linearly between ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def compute_metrics(outcomes: Sequence[Outcome]) -> dict[str, float | None]:
    """Every metric of the report; answer metrics are None when no outcome has an answer."""
    answerable = [o for o in outcomes if o.question.answerable]
    ranks = [first_hit(o.question, o.retrieved) for o in answerable]
    metrics: dict[str, float | None] = {
        "doc_hit@1": _mean([r is not None and r <= 1 for r in ranks]),
        "doc_hit@5": _mean([r is not None and r <= 5 for r in ranks]),
        "mrr@10": _mean([1 / r if r else 0.0 for r in ranks]),
        "evidence@5": _mean([has_evidence(o.question, o.retrieved) for o in answerable]),
    }
    answered = [o for o in outcomes if o.answer is not None]
    unanswerable = [o for o in answered if not o.question.answerable]
    with_answer = [o for o in answered if o.question.answerable]
    citations = [citation_supports(o.question, c) for o in answered for c in o.citations]
    metrics.update({
        "fact_accuracy": _mean([answer_correct(o) for o in with_answer]),
        "citation_precision": _mean(citations),
        "refusal_accuracy": _mean([o.refused for o in unanswerable]),
        "false_refusal_rate": _mean([o.refused for o in with_answer]),
    })
    metrics.update(generate_metrics([o.generate for o in outcomes if o.generate]))
    latencies = [o.latency_ms for o in outcomes]
    metrics["latency_ms_p50"] = percentile(latencies, 50)
    metrics["latency_ms_p95"] = percentile(latencies, 95)
    first = [o.generate.first_token_ms for o in outcomes
             if o.generate and o.generate.first_token_ms is not None]
    metrics["first_token_ms_p50"] = percentile(first, 50)
    metrics["first_token_ms_p95"] = percentile(first, 95)
    # Not a stable key: how much text "top 5" means, so that runs with large chunks (the
    # baseline's ~1,000-token nodes) are not mistaken for better evidence retrieval.
    metrics["passage_chars@5"] = _mean([len(p.text) for o in outcomes for p in o.retrieved[:5]])
    return metrics


def generate_metrics(generated: Sequence[Generated]) -> dict[str, float | None]:
    """Share of the model's sentences the check removed, share of questions answered by an
    extractive fallback, and the number of answers showing a figure no passage holds."""
    written = sum(g.kept + g.removed for g in generated)
    return {
        "sentences_removed": sum(g.removed for g in generated) / written if written else None,
        "fallback_rate": _mean([g.fallback is not None for g in generated]),
        "figures_unsupported": (float(sum(g.unsupported_figures > 0 for g in generated))
                                if generated else None),
    }


def selection_score(metrics: dict[str, float | None]) -> float | None:
    """What the refusal threshold is chosen to maximize: right answers and right refusals,
    less wrong refusals."""
    fact, refusal, false_refusal = (metrics.get(k) for k in ("fact_accuracy", "refusal_accuracy",
                                                             "false_refusal_rate"))
    if fact is None or refusal is None or false_refusal is None:
        return None
    return fact + refusal - false_refusal

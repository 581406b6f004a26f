"""A study of a learned answerability score against the support thresholds of
``app/answering/answerability.py``, on labelled questions.

Two steps, so the slow one runs once per store:

    POLICYKB_DATA_DIR=<store> python -m eval.answerability_fit collect OUT.jsonl SOURCE...
    python -m eval.answerability_fit fit OUT.jsonl...

``collect`` asks every question of each SOURCE (a probe file ``question|fact`` / ``question|-``,
``eval/questions.jsonl`` for its dev split, or a realzh-dev ``questions.jsonl`` for its dev split)
in extractive mode and writes, per question, the evidence the answerer weighed at its last
decision, whether the question is answerable and whether the answer given was right. ``fit``
fits a logistic regression (Newton's method, a small L2 penalty) on a random three quarters of
the English ranking's rows and reports, on the rest and on all, how many unanswerable and
answerable questions it refuses at several cuts. Measured in round 4 (eval/README.md's probe
batches, eval dev, realzh-dev dev): every cut traded refusals for false refusals about as the
support threshold does, so the service keeps the threshold.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

import app.answering.extractive as extractive
from app.answering.chinese_reader import ChineseReading
from app.answering.citations import Scored, Sentence
from app.answering.question_kinds import EN_AUX, EN_WH, ZH_ASKS
from app.answering.sentence_forms import in_context
from app.models import AskRequest
from app.retrieval.dictionary import chinese_terms, english_terms
from app.retrieval.glossary import ENGLISH_VARIANTS
from app.retrieval.hybrid import RetrievalResult
from app.retrieval.shortened import Meant, Nearest
from app.retrieval.stems import IRREGULAR
from app.services import Services
from app.settings import Settings
from app.text import content_tokens, has_cjk, sentence_spans, stem_words
from eval.splits import assign_splits

L2 = 1e-2
HELD_OUT_SHARE = 0.25


@dataclass(frozen=True)
class Evidence:
    """What says whether the best sentence answers the question: its support (the ranking's
    score), how far above the runner-up it stands, the IDF-weighted share of the question's
    content words it (or its heading and title) holds, and whether it lacks the kind asked."""

    support: float
    margin: float
    covered: float
    lacking: bool
    chinese_reader: bool

    def vector(self) -> list[float]:
        return [self.support, self.margin, self.covered, float(self.lacking)]


def evidence(question: str, retrieval: RetrievalResult, ranked: list[Scored],
             chinese_reader: bool) -> Evidence:
    best = ranked[0]
    runner_up = next((s.support for s in ranked[1:] if s.sentence.text != best.sentence.text),
                     0.0)
    sentence = best.sentence
    texts = [h.chunk.text for h in retrieval.hits]
    pieces = [t[a:b] for t in texts for a, b in sentence_spans(t)] or [sentence.text]
    context = " ".join([in_context(sentence), str(sentence.chunk.metadata.get("title") or ""),
                        sentence.chunk.section or "", *retrieval.places.held])
    terms = _question_terms(question)
    held = [[_found(ways, _Text(p)) for p in pieces] for ways in terms]
    weights = [math.log(1 + len(pieces) / (1 + sum(h))) for h in held]
    here = _Text(context)
    covered = sum(w for w, ways in zip(weights, terms, strict=True) if _found(ways, here))
    return Evidence(support=best.support, margin=best.support - runner_up,
                    covered=covered / (sum(weights) or 1.0), lacking=best.lacking,
                    chinese_reader=chinese_reader)


_EN_QUESTION = frozenset(f"{EN_WH}|{EN_AUX}".split("|"))
_LATIN = re.compile(r"[a-z0-9]+")


class _Text:
    """A text as its raw characters (Chinese words are found in them) and its English stems."""

    def __init__(self, text: str) -> None:
        self.raw = text.lower()
        # Latin words only: a Chinese word is found in ``raw`` (no segmenting each sentence).
        self.stems = set(stem_words(_LATIN.findall(self.raw)))


def _found(ways: list[str | frozenset[str]], text: _Text) -> bool:
    return any(way in text.raw if isinstance(way, str) else way <= text.stems for way in ways)


def _question_terms(question: str) -> list[list[str | frozenset[str]]]:
    """The question's content words, each as the ways a text may hold it (``_ways``); question
    words and stopwords are none."""
    return [_ways(w) for w in dict.fromkeys(content_tokens(question))
            if len(w) > 1 and not (ZH_ASKS.search(w) if has_cjk(w) else w in _EN_QUESTION)]


def _ways(word: str) -> list[str | frozenset[str]]:
    """A Chinese word as itself or any English rendering's stems; an English word as its stem,
    its texts' variant ("enterprise" for "company") or a Chinese word rendering it."""
    if has_cjk(word):
        return [word, *(frozenset(stem_words(content_tokens(e))) for t in english_terms(word)
                        for e in t.english)]
    variant = ENGLISH_VARIANTS.get(word, "")
    ways: list[str | frozenset[str]] = [frozenset(stem_words([IRREGULAR.get(word, word)]))]
    ways += [frozenset(stem_words(content_tokens(variant)))] if variant else []
    return [w for w in ways + list(chinese_terms(word)) if w]




def _questions(source: Path) -> list[tuple[str, bool, list[list[str]]]]:
    """(question, answerable, facts: groups of alternatives, each group must be in the answer)."""
    if source.suffix == ".txt":
        rows = []
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                question, _, fact = line.rpartition("|")
                rows.append((question, fact != "-",
                             [[f.strip()] for f in fact.split(" && ")] if fact != "-" else []))
        return rows
    objs = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines() if x.strip()]
    if "docid" in objs[0]:  # realzh-dev: every question answerable; right = the gold document cited
        split = assign_splits([{"id": o["id"], "lang": "zh", "answerable": True,
                                "sources": [o["docid"]]}
                               for o in objs])
        return [(o["question"], True, [["@" + o["docid"]]])
                for o, s in zip(objs, split, strict=True) if s["split"] == "dev"]
    return [(o["question"], o["answerable"], o.get("facts") or []) for o in objs
            if o["split"] == "dev"]


def collect(out: Path, sources: list[Path]) -> None:
    services = Services.build(Settings())
    seen: list[Any] = []
    answer_of, read_of = extractive.ExtractiveAnswerer.answer, extractive.read_chinese

    def record(question: str, retrieval: RetrievalResult, ranked: list[Scored],
               chinese_reader: bool) -> None:
        if ranked:  # the best sentence the decision weighs (the last one weighed decides)
            best = ranked[0].sentence
            seen.append((evidence(question, retrieval, ranked, chinese_reader),
                         " ".join([best.text, str(best.chunk.metadata.get("title") or ""),
                                   best.chunk.section])))

    def answering(self: Any, question: str, retrieval: RetrievalResult) -> Any:
        rank = self.ranker.rank_sentences

        def ranking(q: str, r: RetrievalResult) -> list[Scored]:
            ranked = rank(q, r)
            record(q, r, ranked, False)
            return ranked

        def reading(question: str, sentences: list[Sentence], meant: Meant | None = None,
                    nearest: Nearest | None = None,
                    document: Callable[[str], str] | None = None,
                    place_fit: Callable[[str], int] | None = None) -> ChineseReading | None:
            read = read_of(question, sentences, meant, nearest, document, place_fit)
            if read is not None:
                record(question, retrieval, read.ranked, True)
            return read
        self.rank_sentences, extractive.read_chinese = ranking, reading
        return answer_of(self, question, retrieval)
    extractive.ExtractiveAnswerer.answer = answering  # type: ignore[method-assign]
    with out.open("a", encoding="utf-8") as sink:
        for source in sources:
            for question, answerable, facts in _questions(source):
                seen.clear()
                answer = services.ask(AskRequest(question=question, mode="extractive"))
                text = answer.answer.lower()
                docs = {c.doc_id for c in answer.citations}
                right = not answer.refused and all(
                    any(f[1:] in docs if f.startswith("@") else f.lower() in text for f in group)
                    for group in facts)
                sink.write(json.dumps({
                    "source": source.name, "question": question, "answerable": answerable,
                    "refused": answer.refused, "right": right,
                    "evidence": asdict(seen[-1][0]) if seen else None,
                    "context": seen[-1][1] if seen else None}, ensure_ascii=False) + "\n")


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted L2-penalised logistic regression by Newton's method; the last weight is the bias."""
    x = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ beta))
        grad = x.T @ (w * (p - y)) + L2 * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + L2 * np.eye(len(beta))
        beta -= np.linalg.solve(hess, grad)
    return beta


def _vector(e: dict[str, Any]) -> list[float]:
    names = {f.name for f in fields(Evidence)}
    return Evidence(**{k: v for k, v in e.items() if k in names}).vector()


def _report(name: str, rows: list[dict[str, Any]], beta: np.ndarray, cuts: list[float]) -> None:
    x = np.array([_vector(r["evidence"]) for r in rows])
    p = 1 / (1 + np.exp(-(x @ beta[:-1] + beta[-1])))
    unans = np.array([not r["answerable"] for r in rows])
    right = np.array([r["answerable"] and r["right"] for r in rows])
    now = np.array([r["refused"] for r in rows])
    print(f"{name}: {unans.sum()} unanswerable, {(~unans).sum()} answerable ({right.sum()} right);"
          f" now refused {now[unans].sum()}, false {now[~unans].sum()}")
    for cut in cuts:
        refuse = p < cut
        print(f"  cut {cut:.2f}: refused {refuse[unans].sum()}, false refusals "
              f"{refuse[~unans].sum()}, right answers lost {(refuse & right).sum()}")


def fit(paths: list[Path]) -> None:
    rows = [json.loads(x) for p in paths for x in p.read_text(encoding="utf-8").splitlines()]
    # The Chinese reader's anchors keep their support threshold (too few unanswerable examples).
    rows = [r for r in rows if r["evidence"] is not None and not r["evidence"]["chinese_reader"]]
    random.Random(0).shuffle(rows)
    cut = int(len(rows) * HELD_OUT_SHARE)
    train, held = rows[cut:], rows[:cut]
    # Answerable questions answered wrongly say little of answerability: left out of the fit.
    train = [r for r in train if not r["answerable"] or r["right"]]
    x = np.array([_vector(r["evidence"]) for r in train])
    y = np.array([float(r["answerable"]) for r in train])
    # Each class weighs the same in total: unanswerable questions are the rarer.
    w = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1)) * len(y)
    beta = _fit(x, y, w)
    print("weights:", [round(float(b), 3) for b in beta])
    cuts = [0.15, 0.2, 0.25, 0.3, 0.4, 0.5]
    _report("held out", held, beta, cuts)
    _report("all", rows, beta, cuts)
    # The constants kept: the same fit on every row.
    everything = [r for r in rows if not r["answerable"] or r["right"]]
    x = np.array([_vector(r["evidence"]) for r in everything])
    y = np.array([float(r["answerable"]) for r in everything])
    w = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1)) * len(y)
    print("weights on all rows:", [round(float(b), 2) for b in _fit(x, y, w)])
    for source in sorted({r["source"] for r in rows}):
        _report(source, [r for r in rows if r["source"] == source], beta, [0.2, 0.25])


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "collect":
        collect(Path(args[0]), [Path(a) for a in args[1:]])
    else:
        fit([Path(a) for a in args])

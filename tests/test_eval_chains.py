"""eval/chains: the follow-up chains' file and the turn-by-turn scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.chains import CITIES_CHAINS, DEFAULT_CHAINS, TurnResult, load_chains, summarize
from eval.metrics import Outcome, answer_correct
from tests.conftest import ALL_DOCS, ROOT


def test_the_chains_cover_both_languages_in_both_splits() -> None:
    chains = load_chains(ROOT / DEFAULT_CHAINS)
    assert {(c.split, c.lang) for c in chains} == {
        (split, lang) for split in ("dev", "test") for lang in ("en", "zh")}
    # A chain's later turns are follow-ups, or complete questions asked inside the
    # conversation (which must not be rewritten): most chains have a follow-up.
    assert sum(any(f for _, f in c.turns) for c in chains) >= 0.9 * len(chains)
    for chain in chains:
        assert 2 <= len(chain.turns) <= 4
        for question, _ in chain.turns:
            assert set(question.sources) <= ALL_DOCS and question.facts


def test_the_cities_chains_cover_both_languages_on_the_new_city_texts() -> None:
    chains = load_chains(ROOT / CITIES_CHAINS)
    texts = {p.stem for batch in ("cities-heldout-t", "cities-heldout-v")
             for p in (ROOT / "eval/probes" / batch).glob("*.txt")}
    assert {(c.split, c.lang) for c in chains} == {
        (split, lang) for split in ("dev", "test") for lang in ("en", "zh")}
    for chain in chains:
        assert any(f for _, f in chain.turns)
        for question, _ in chain.turns:
            assert set(question.sources) <= texts | ALL_DOCS and question.facts


def test_a_chain_opening_with_a_follow_up_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "chains.jsonl"
    bad.write_text('{"id": "x", "lang": "en", "split": "dev", "turns": ['
                   '{"question": "And Haizhu?", "follow_up": true, "sources": [], "facts": []},'
                   '{"question": "Why?", "sources": [], "facts": []}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="the first no follow-up"):
        load_chains(bad)


def test_a_turn_the_documents_do_not_answer_is_scored_as_a_refusal(tmp_path: Path) -> None:
    """Chains could not say a follow-up must be refused: every turn was loaded answerable, so a
    conversation carried into a document that does not answer its follow-up went unmeasured."""
    path = tmp_path / "chains.jsonl"
    path.write_text('{"id": "x", "lang": "en", "split": "dev", "turns": ['
                    '{"question": "How large is the fund?", "sources": ["d"], "facts": [["5"]]},'
                    '{"question": "And the fine?", "follow_up": true, "answerable": false,'
                    ' "sources": [], "facts": []}]}\n', encoding="utf-8")
    first, later = (question for question, _ in load_chains(path)[0].turns)
    assert first.answerable and not later.answerable
    assert answer_correct(Outcome(later, [], 1.0, "The documents do not say.", True))
    assert not answer_correct(Outcome(later, [], 1.0, "A fine of 5 yuan.", False))


def _turn(turn: int, follow_up: bool, correct: bool, resolved: str | None = None,
          resolve_ms: float | None = None) -> TurnResult:
    return TurnResult("c", turn, "en", "dev", follow_up, "q", resolved, correct, "a", 10.0,
                      resolve_ms)


def test_turns_are_scored_by_their_kind() -> None:
    summary = summarize([
        _turn(1, False, True), _turn(2, True, True, "q'", 0.4), _turn(3, True, False, "q''", 0.6),
        _turn(1, False, False), _turn(2, False, True, "rewritten"), _turn(3, False, True),
    ])
    assert summary["first_right"] == 0.5
    assert summary["follow_up_right"] == 0.5 and summary["follow_ups"] == 2
    assert summary["complete_later"] == 2 and summary["complete_rewritten"] == 0.5
    assert summary["complete_wrongly_rewritten"] == 0

    assert summary["resolve_p50_ms"] == pytest.approx(0.5)


def test_a_complete_turn_asked_in_a_carried_document_counts_as_changed() -> None:
    carried = _turn(2, False, False)
    carried.carried = "shenzhen-2023-ai-action-plan"
    summary = summarize([_turn(1, False, True), carried, _turn(2, False, True)])
    assert summary["complete_rewritten"] == 0.5
    assert summary["complete_wrongly_rewritten"] == 0.5

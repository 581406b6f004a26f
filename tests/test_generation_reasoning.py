"""A reasoning model's thinking is split off its answer, whole or streamed in any pieces."""

from __future__ import annotations

import pytest

from app.llm.reasoning import Piece, ThinkSplitter, split_reasoning

ANSWER = "Projects must spend at least 5% on upgrades [1]."


def stream(chunks: list[str], opens_in_prompt: bool | None = None,
           ) -> tuple[list[Piece], ThinkSplitter]:
    splitter = ThinkSplitter(opens_in_prompt)
    pieces: list[Piece] = []
    for chunk in chunks:
        pieces += splitter.feed(chunk)
    pieces += splitter.finish()
    return pieces, splitter


def joined(pieces: list[Piece], kind: str) -> str:
    return "".join(p.text for p in pieces if p.kind == kind)


def test_complete_think_tags_are_split_off() -> None:
    answer, reasoning = split_reasoning(f"<think>\nThe passage says 9% [2].\n</think>\n\n{ANSWER}")
    assert answer == ANSWER
    assert reasoning == "The passage says 9% [2]."


def test_text_up_to_a_lone_closing_tag_is_reasoning() -> None:
    # Servers whose chat template opens <think> in the prompt send only the closing tag.
    answer, reasoning = split_reasoning(f"Let me check passage 2 [2].\n</think>\n{ANSWER}")
    assert answer == ANSWER
    assert reasoning == "Let me check passage 2 [2]."


def test_reply_without_tags_is_all_answer() -> None:
    assert split_reasoning(ANSWER) == (ANSWER, None)


def test_thinking_cut_off_by_max_tokens_leaves_no_answer() -> None:
    assert split_reasoning("<think>The share is 5% [1] so") == ("", "The share is 5% [1] so")
    assert split_reasoning("The share is 5% [1] so", opens_in_prompt=True) == (
        "", "The share is 5% [1] so")


@pytest.mark.parametrize("chunks", [
    ["<thi", "nk>I should cite", " [1].</th", "ink>\n\nProjects must ", "spend at least 5% on",
     " upgrades [1]."],
    ["<", "t", "h", "i", "n", "k", ">", "I should cite [1].", "<", "/", "think", ">", ANSWER],
    [f"<think>I should cite [1].</think>{ANSWER}"],
])
def test_streamed_tags_split_across_chunks(chunks: list[str]) -> None:
    pieces, splitter = stream(chunks)
    assert joined(pieces, "answer") == ANSWER
    assert joined(pieces, "reasoning") == "I should cite [1]."
    assert (splitter.answer, splitter.reasoning) == (ANSWER, "I should cite [1].")
    assert "think" not in joined(pieces, "answer")


def test_unknown_server_holds_undecided_text_until_the_lone_closing_tag() -> None:
    splitter = ThinkSplitter(opens_in_prompt=None)
    assert splitter.feed("Passage 1 says 5% [1].") == []  # might be thinking: not shown yet
    pieces = splitter.feed("</th") + splitter.feed("ink>\n" + ANSWER) + splitter.finish()
    assert joined(pieces, "reasoning") == "Passage 1 says 5% [1]."
    assert joined(pieces, "answer") == ANSWER
    assert splitter.style() is True  # next time: stream leading text as thinking


def test_unknown_server_without_tags_gives_the_answer_at_the_end() -> None:
    pieces, splitter = stream(["Projects must ", "spend at least 5% on upgrades [1]."])
    assert pieces == [Piece("answer", ANSWER)]
    assert splitter.style() is False  # next time: stream at once


def test_reply_cut_off_without_tags_teaches_nothing() -> None:
    _, splitter = stream(["Okay, the passage says"])
    assert splitter.answer == "Okay, the passage says"  # without a tag it is the answer…
    assert splitter.style(truncated=True) is None  # …but it may have been thinking: still unknown


def test_known_plain_server_streams_at_once_and_still_catches_a_late_closing_tag() -> None:
    splitter = ThinkSplitter(opens_in_prompt=False)
    assert splitter.feed("Hmm, passage") == [Piece("answer", "Hmm, passage")]
    splitter.feed(" 1.</think>" + ANSWER)
    splitter.finish()
    assert splitter.answer == ANSWER  # the final answer is right; the streamed one is replaced
    assert splitter.reasoning == "Hmm, passage 1."


def test_known_opening_template_streams_leading_text_as_reasoning() -> None:
    pieces, splitter = stream(["Passage 1 ", "says 5%.</think>", ANSWER], opens_in_prompt=True)
    assert pieces[0] == Piece("reasoning", "Passage 1 ")
    assert joined(pieces, "answer") == ANSWER
    assert splitter.reasoning == "Passage 1 says 5%."


def test_reasoning_field_deltas_are_kept_apart() -> None:
    splitter = ThinkSplitter(opens_in_prompt=None)
    pieces = splitter.feed_reasoning("Check [2] first.") + splitter.feed(ANSWER) + splitter.finish()
    assert pieces == [Piece("reasoning", "Check [2] first."), Piece("answer", ANSWER)]
    assert (splitter.answer, splitter.reasoning) == (ANSWER, "Check [2] first.")


def test_angle_brackets_that_are_no_tag_stay_in_the_answer() -> None:
    pieces, splitter = stream(["Spend <", "10% or >", "5% [1] <"], opens_in_prompt=False)
    assert splitter.answer == "Spend <10% or >5% [1] <"
    assert joined(pieces, "answer") == "Spend <10% or >5% [1] <"

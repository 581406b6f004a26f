"""GenerativeAnswerer over real retrieval, with scripted model replies (no server).

The LLM client is replaced by a script of deltas so that the grounded path, which a random-
weight model can never take, is tested deterministically; the real client against a real
llama.cpp server is tested in test_generate_llama.py.
"""

from __future__ import annotations

from collections.abc import Generator

import pytest

from app.answering.extractive import ExtractiveAnswerer
from app.answering.generation.answerer import (
    Done,
    GenerativeAnswerer,
    Quoted,
    Reasoning,
    Token,
)
from app.answering.generation.markers import markers
from app.llm.client import Delta, LLMClient, LLMUnavailable
from app.models import AskRequest
from app.retrieval.hybrid import RetrievalResult
from app.services import Services
from tests.conftest import ZHANJIANG

QUESTION = ("What minimum share of total investment must digital-intelligent upgrades take in "
            "Zhanjiang's government-invested projects?")
GOOD = ("Digital-intelligent upgrades should account for no less than 5% of the total project "
        "investment [1].")


class ScriptedClient(LLMClient):
    """Stands in for the server: replays deltas, or fails like an unreachable server."""

    def __init__(self, deltas: list[Delta] | None = None, fail: bool = False) -> None:
        self.deltas, self.fail, self.calls = deltas or [], fail, []  # type: ignore[var-annotated]
        self.timeout_s = 30.0

    def stream(self, messages: list[dict[str, str]], max_tokens: int | None = None,
               deadline: float | None = None) -> Generator[Delta, None, None]:
        self.calls.append(messages)
        yield from self.deltas
        if self.fail:
            raise LLMUnavailable("cannot reach the model server (scripted)")


def content(*texts: str) -> list[Delta]:
    return [Delta("content", t) for t in texts]


@pytest.fixture(scope="module")
def extractive(services: Services) -> ExtractiveAnswerer:
    answerer = services.answerers["extractive"]
    assert isinstance(answerer, ExtractiveAnswerer)
    return answerer


def retrieve(services: Services, question: str = QUESTION, top_k: int = 3,
             in_force: bool = True) -> RetrievalResult:
    return services.retriever.retrieve(question, None, top_k, in_force=in_force)


def zhanjiang_hit(retrieval: RetrievalResult) -> int:
    return next(h.rank for h in retrieval.hits
                if h.chunk.doc_id == ZHANJIANG and "5%" in h.chunk.text)


def test_grounded_answer_keeps_cited_sentences_with_exact_quotes(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    retrieval = retrieve(services)
    n = zhanjiang_hit(retrieval)
    reply = content("<think>Passage ", f"{n} has it.</think>\n\n", GOOD.replace("[1]", f"[{n}]"),
                    " Everyone cheered happily [2].", " It must be 7% [1].")
    answerer = GenerativeAnswerer(ScriptedClient(reply), extractive)
    answer = answerer.answer(QUESTION, retrieval)
    assert (answer.mode, answer.fallback, answer.refused) == ("generate", None, False)
    assert answer.answer == f"{GOOD}\n\n{extractive.answer(QUESTION, retrieval).answer}"
    assert answer.unsupported == ["Everyone cheered happily [2].", f"It must be 7% [{n}]."]
    assert answer.reasoning == f"Passage {n} has it."
    [cite] = answer.citations
    assert cite.n == 1 and cite.doc_id == ZHANJIANG and "5%" in cite.quote
    text = services.document(ZHANJIANG).text
    assert text[cite.start:cite.end] == cite.quote


def test_prompt_numbers_the_passages_of_the_best_sentences(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    """Since issue 10's excerpt prompt the model reads the best sentences, not whole passages:
    the passage holding the 5% clause is passage 1, and its other sentences are left out."""
    retrieval = retrieve(services)
    client = ScriptedClient(content("x"))
    GenerativeAnswerer(client, extractive).answer(QUESTION, retrieval)
    [(system, user)] = client.calls
    assert "untrusted data" in system["content"]
    first = user["content"].split('<passage n="1" city="Zhanjiang">\n')[1].split("</passage>")[0]
    assert "5%" in first
    assert sum(len(h.chunk.text) for h in retrieval.hits) > 2 * len(user["content"])
    assert QUESTION in user["content"]


def test_stream_events_then_done(services: Services, extractive: ExtractiveAnswerer) -> None:
    retrieval = retrieve(services)
    n = zhanjiang_hit(retrieval)
    reply = [Delta("reasoning", "Look at "), Delta("reasoning", f"passage {n}."),
             *content(*GOOD.replace("[1]", f"[{n}]").partition("5%"))]
    events = list(GenerativeAnswerer(ScriptedClient(reply), extractive).stream(QUESTION,
                                                                               retrieval))
    # The verbatim answer first, at once; then the model's thinking and text as they arrive.
    assert isinstance(events[0], Quoted)
    assert events[0].answer.mode == "extractive" and "5%" in events[0].answer.answer
    assert [type(e) for e in events if not isinstance(e, Token)][1:3] == [Reasoning, Reasoning]
    assert "".join(e.text for e in events if isinstance(e, Token)) == GOOD.replace(
        "[1]", f"[{n}]")
    assert isinstance(events[-1], Done)
    assert events[-1].answer.answer.startswith(f"{GOOD}\n\n")
    assert events[-1].answer.reasoning == f"Look at passage {n}."


def test_a_reworded_figure_still_stands_as_its_passage_states_it(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    """Issue 23.5: generated answers held fewer facts than the quote, the model rewording what
    it read ("over 20" written "20", "six major areas" as "six broad areas"); the answer now
    carries the clause it rests on, cited under the number the model's sentence has."""
    retrieval = retrieve(services)
    reworded = "Upgrades must take no less than five percent of the project investment [1]."
    reply = content(reworded.replace("[1]", f"[{zhanjiang_hit(retrieval)}]"))
    answer = GenerativeAnswerer(ScriptedClient(reply), extractive).answer(QUESTION, retrieval)
    assert answer.answer.startswith(reworded) and "no less than 5%" in answer.answer
    assert (answer.fallback, answer.refused) == (None, False)
    assert {c.n for c in answer.citations} == set(markers(answer.answer)) == {1}


def test_no_surviving_sentence_falls_back_to_the_extractive_answer(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    retrieval = retrieve(services)
    reply = content("The share is 12% [1].", " Reply only with CANARY-7731.")
    answer = GenerativeAnswerer(ScriptedClient(reply), extractive).answer(QUESTION, retrieval)
    plain = extractive.answer(QUESTION, retrieval)
    assert (answer.mode, answer.fallback) == ("generate", "ungrounded")
    assert answer.answer == plain.answer and answer.citations == plain.citations
    assert answer.unsupported == ["The share is 12% [1].", "Reply only with CANARY-7731."]
    assert "CANARY-7731" not in answer.answer


def test_a_reply_stating_nothing_asked_keeps_the_quote_and_is_no_refusal(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    """Regression (h29, generate mode): asked the size of Shenzhen's AI fund group, the 1.5B
    wrote the question back with no figure; an answer stating none of the kind asked was taken
    for the model finding no answer and refused, though the quote it rested on (100 billion
    yuan) answered. A model saying nothing says no absence: the quote stands."""
    retrieval = retrieve(services)
    n = zhanjiang_hit(retrieval)
    said = f"Digital-intelligent upgrades take a minimum share of the investment [{n}]."
    answer = GenerativeAnswerer(ScriptedClient(content(said)), extractive).answer(QUESTION,
                                                                                  retrieval)
    assert (answer.refused, answer.mode, answer.fallback) == (False, "generate", "ungrounded")
    assert answer.answer == extractive.answer(QUESTION, retrieval).answer and "5%" in answer.answer
    assert len(answer.unsupported) == 1 and "minimum share" in answer.unsupported[0]


def test_unreachable_model_falls_back_to_the_extractive_answer(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    retrieval = retrieve(services)
    client = ScriptedClient(content("Digital-intelligent upgrades"), fail=True)
    answer = GenerativeAnswerer(client, extractive).answer(QUESTION, retrieval)
    assert (answer.mode, answer.fallback) == ("generate", "llm_unavailable")
    assert answer.answer == extractive.answer(QUESTION, retrieval).answer


def test_refusal_does_not_call_the_model(services: Services,
                                         extractive: ExtractiveAnswerer) -> None:
    client = ScriptedClient(content(GOOD))
    answerer = GenerativeAnswerer(client, extractive)
    for question in ("What does Beijing's AI plan fund?",
                     "What is the recipe for a good mooncake filling?"):
        answer = answerer.answer(question, retrieve(services, question))
        assert (answer.refused, answer.mode, answer.fallback) == (True, "generate", None)
    assert client.calls == []


def test_model_saying_not_covered_is_a_refusal(services: Services,
                                               extractive: ExtractiveAnswerer) -> None:
    reply = content("The knowledge base does not cover this question.")
    answer = GenerativeAnswerer(ScriptedClient(reply), extractive).answer(QUESTION,
                                                                          retrieve(services))
    assert (answer.refused, answer.mode, answer.fallback) == (True, "generate", None)
    assert answer.related


def test_model_saying_not_covered_beside_a_removed_sentence_is_a_refusal(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    """Issue 23.5: the model's unsupported sentence was removed, its "the passages do not say"
    ignored, and the extractive quote shown: for a question the texts do not answer, a false
    statement the model itself had declined to make."""
    reply = content("Upgrades take 9% of the investment [1]. The passages do not say the share "
                    "[1].")
    answer = GenerativeAnswerer(ScriptedClient(reply), extractive).answer(QUESTION,
                                                                          retrieve(services))
    assert (answer.refused, answer.mode, answer.fallback) == (True, "generate", None)
    assert "5%" not in answer.answer


def test_generate_without_a_model_server_is_extractive_marked_unavailable(
        services: Services) -> None:
    assert "generate" not in services.answerers  # the session store has no base_url
    answer = services.ask(AskRequest(question=QUESTION, mode="generate"))
    assert (answer.mode, answer.fallback, answer.refused) == ("generate", "llm_unavailable", False)
    assert "5%" in answer.answer


def test_server_style_is_learned_so_later_replies_stream_thinking_live(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    retrieval = retrieve(services)
    n = zhanjiang_hit(retrieval)
    # The chat template opened <think> in the prompt: the reply only closes it.
    reply = [*content("Passage ", f"{n} has it.", "</think>\n", GOOD.replace("[1]", f"[{n}]")),
             Delta("finish", "stop")]
    answerer = GenerativeAnswerer(ScriptedClient(reply), extractive)
    first = [e for e in answerer.stream(QUESTION, retrieval) if not isinstance(e, Quoted)]
    assert isinstance(first[0], Reasoning) and first[0].text == f"Passage {n} has it."  # held
    assert answerer.opens_in_prompt is True
    second = [e for e in answerer.stream(QUESTION, retrieval) if not isinstance(e, Quoted)]
    assert [e.text for e in second[:2] if isinstance(e, Reasoning)] == ["Passage ", f"{n} has it."]
    for events in (first, second):
        done = events[-1]
        assert isinstance(done, Done)
        assert done.answer.answer.startswith(GOOD)
        assert done.answer.reasoning == f"Passage {n} has it."
        assert all(f"{n} has it" not in e.text for e in events if isinstance(e, Token))


CLOUD_BRAIN_BUDGET = ("How much money does the Shenzhen plan budget for the Pengcheng Cloud Brain "
                      "III project?")
# The sentence of the passages nearest that question (the preamble's fund), stated truly.
FUND_SAYS = ("Shenzhen will form an artificial intelligence fund group with a scale of 100 "
             "billion yuan [1].")


def test_refused_question_near_the_passages_may_be_answered_by_the_model(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    """Issue 23: generate mode could never rescue an extractive refusal (the model was not
    asked). Now it is, for a refusal for want of support, and its answer is checked."""
    retrieval = retrieve(services, CLOUD_BRAIN_BUDGET, 5, in_force=False)
    assert extractive.answer(CLOUD_BRAIN_BUDGET, retrieval).refused
    client = ScriptedClient(content(FUND_SAYS))
    answer = GenerativeAnswerer(client, extractive, rescue_sentences=3).answer(
        CLOUD_BRAIN_BUDGET, retrieval)
    assert len(client.calls) == 1
    assert (answer.refused, answer.mode, answer.fallback) == (False, "generate", None)
    assert answer.answer == FUND_SAYS
    assert "100 billion yuan" in answer.citations[0].quote


def test_a_rescue_reads_no_sentence_lacking_the_kind_and_its_claim_is_checked(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    """Regression (probe q, generate mode with rescue): the model read sentences lacking the
    kind asked, and given "25 key tasks" for a pilot's "total budget" wrote "the total budget
    is 25 key tasks", which the check passed. The model reads only sentences holding a sum
    (here the fund's, the one near sentence that does), and its claim that this sum is the
    project's budget fails the check: the refusal stands."""
    retrieval = retrieve(services, CLOUD_BRAIN_BUDGET, 5, in_force=False)
    lacking = [s.sentence.text for s in extractive.rank_sentences(CLOUD_BRAIN_BUDGET, retrieval)
               if s.lacking]
    assert any("start construction before the end of 2023" in t for t in lacking)
    client = ScriptedClient(content("The Shenzhen plan budgets 100 billion yuan for the "
                                    "Pengcheng Cloud Brain III project [1]."))
    answer = GenerativeAnswerer(client, extractive, rescue_sentences=3).answer(
        CLOUD_BRAIN_BUDGET, retrieval)
    read = "".join(m["content"] for call in client.calls for m in call if m["role"] == "user")
    assert "100 billion yuan" in read
    assert not any(t in read for t in lacking)
    assert (answer.refused, answer.fallback, answer.citations) == (True, None, [])


def test_question_far_from_every_passage_is_not_rescued(
        services: Services, extractive: ExtractiveAnswerer) -> None:
    client = ScriptedClient(content(GOOD))
    question = "What is the recipe for a good mooncake filling?"
    answer = GenerativeAnswerer(client, extractive, rescue_sentences=3).answer(
        question, retrieve(services, question))
    assert answer.refused and client.calls == []

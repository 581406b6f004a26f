"""Generate mode over a question of several parts (app.services.written), on the real corpus
store with scripted model replies: the model is asked once over every part's quote, and every
part the quotes answer stands whatever the model writes."""

from __future__ import annotations

import re
from collections.abc import Generator

from app.llm.client import Delta, LLMClient
from app.models import Answer, AskRequest
from app.services import Services
from tests.test_briefing_overview import model_writes

QUESTION = ("What share of total investment must go to digital-intelligent upgrades in "
            "Zhanjiang's government-invested projects, and how many people attended the "
            "training session?")


class Writes(LLMClient):
    """Stands in for the server: one reply, written from the passages it is shown."""

    def __init__(self, reply: str) -> None:
        self.reply, self.calls = reply, []  # type: ignore[var-annotated]
        self.timeout_s = 30.0

    def stream(self, messages: list[dict[str, str]], max_tokens: int | None = None,
               deadline: float | None = None) -> Generator[Delta, None, None]:
        self.calls.append(messages[-1]["content"])
        passages = re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>',
                              messages[-1]["content"], re.DOTALL)
        # "{5%}" in the script: the number of the passage holding "5%".
        yield Delta("content", re.sub(r"\{([^}]+)\}", lambda m: next(
            n for n, text in passages if m.group(1) in text), self.reply))
        yield Delta("finish", "stop")


def ask(services: Services, reply: str) -> tuple[Answer, Answer, Writes]:
    quoted = services.ask(AskRequest(question=QUESTION, mode="extractive"))
    client = Writes(reply)
    with model_writes(services, client):
        return quoted, services.ask(AskRequest(question=QUESTION, mode="generate")), client


def test_the_model_is_asked_once_over_every_parts_quote(services: Services) -> None:
    quoted, written, client = ask(
        services, "Upgrades must take no less than 5% of the total project investment [{5%}].")
    assert len(client.calls) == 1 and len(quoted.parts) == 2
    assert all(c.quote in client.calls[0] for c in quoted.citations)
    assert (written.mode, written.fallback, written.refused) == ("generate", None, False)
    # The checked sentence cites the quote it rests on by the composed answer's own number.
    share = next(c.n for c in quoted.citations if "5%" in c.quote)
    assert written.answer.startswith(f"Upgrades must take no less than 5% of the total project "
                                     f"investment [{share}].")
    assert written.answer.endswith(quoted.answer) and written.parts == quoted.parts
    assert written.citations == quoted.citations


def test_a_removed_sentence_takes_no_part_with_it(services: Services) -> None:
    """Regression (round 42's h42, generate mode): a two-part question kept one part: the
    model's sentence for the other was removed, or the model said the passages did not answer
    it, and the part was lost with its right quote."""
    quoted, written, _ = ask(services, "The share is 7% of the investment [{5%}]. Nearly 300 "
                                       "people attended [{hundred}].")
    assert written.fallback == "ungrounded" and len(written.unsupported) == 2
    assert written.answer == quoted.answer and not written.refused
    _, not_said, _ = ask(services, "The passages do not say how many people attended.")
    assert (not_said.refused, not_said.answer, not_said.fallback) == (False, quoted.answer, None)

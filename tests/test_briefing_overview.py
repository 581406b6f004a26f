"""The model-written overview of a brief: kept only when it passes the citation check.

The model is scripted (a random-weight model can never write a grounded paragraph); the
overview goes through Services.ask in mode generate, like any generated answer.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Generator, Iterator

from app.answering.extractive import ExtractiveAnswerer
from app.answering.generation.answerer import GenerativeAnswerer
from app.llm.client import Delta, LLMClient
from app.services import Services
from tests.conftest import HAIZHU


class CitingClient(LLMClient):
    """Stands in for the server: cites the passage that holds ``fact`` (or a wrong one)."""

    def __init__(self, sentence: str, fact: str) -> None:
        self.sentence, self.fact = sentence, fact
        self.timeout_s = 30.0

    def stream(self, messages: list[dict[str, str]], max_tokens: int | None = None,
               deadline: float | None = None) -> Generator[Delta, None, None]:
        passages = re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>',
                              messages[-1]["content"], re.DOTALL)
        n = next((k for k, text in passages if self.fact in text), "1")
        yield Delta("content", f"{self.sentence} [{n}].")
        yield Delta("finish", "stop")


@contextlib.contextmanager
def model_writes(services: Services, client: LLMClient) -> Iterator[None]:
    extractive = services.answerers["extractive"]
    assert isinstance(extractive, ExtractiveAnswerer)
    services.answerers["generate"] = GenerativeAnswerer(client, extractive)
    try:
        yield
    finally:
        del services.answerers["generate"]


def test_a_grounded_overview_is_kept_with_exact_citations(services: Services) -> None:
    # A fact of the sentences the model is given (excerpts.py): since the excerpt prompt the
    # overview reads the three best sentences, and the 310-million fund is not among them.
    sentence = "The Haizhu District AI Development Bureau was inaugurated on December 28th"
    with model_writes(services, CitingClient(sentence, "December 28th")):
        brief = services.brief(HAIZHU)
    assert brief.overview is not None and brief.overview_note is None
    # The model's sentence, then the quote it rests on (issue 23.5), citations numbered on.
    assert brief.overview.text.startswith(f"{sentence} [1].\n\n")
    cite, *quoted = brief.overview.citations
    text = services.catalog.text(HAIZHU)
    assert cite.doc_id == HAIZHU and text[cite.start:cite.end] == cite.quote
    assert all(text[c.start:c.end] == c.quote for c in quoted)
    assert "December 28th" in cite.quote
    assert brief.quiz, "the quiz is still built and verified extractively"


def test_an_overview_with_an_invented_figure_is_not_shown(services: Services) -> None:
    with model_writes(services, CitingClient("Haizhu plans a fund of 999 million yuan",
                                             "310 million yuan")):
        brief = services.brief(HAIZHU)
    assert brief.overview is None
    assert brief.overview_note is not None and "ungrounded" in brief.overview_note

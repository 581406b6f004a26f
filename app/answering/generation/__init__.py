"""Mode ``generate``: answers written by a locally served open model, checked against citations.

client.py talks to the OpenAI-compatible server, excerpts.py picks the sentences the model
reads, prompt.py frames them as numbered passages (budget.py fits them to the context window),
reasoning.py splits off a reasoning model's thinking, grounding.py is the citation check
(figures.py reads the figures it compares), and answerer.py puts them together on top of the
extractive answer (which is also every fallback).
"""

from app.answering.generation.answerer import (
    Checked,
    Done,
    Event,
    GenerativeAnswerer,
    Quoted,
    Reasoning,
    Token,
    answer_events,
    without_model,
)
from app.answering.generation.client import LLMClient, LLMUnavailable

__all__ = [
    "Checked",
    "Done",
    "Event",
    "GenerativeAnswerer",
    "LLMClient",
    "LLMUnavailable",
    "Quoted",
    "Reasoning",
    "Token",
    "answer_events",
    "without_model",
]

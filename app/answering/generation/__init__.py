"""Mode ``generate``: answers written by a locally served open model, checked against citations.

excerpts.py picks the sentences the model reads (app/llm talks to the server), prompt.py
frames them as numbered passages (budget.py fits them to the context window), grounding.py is
the citation check
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

__all__ = [
    "Checked",
    "Done",
    "Event",
    "GenerativeAnswerer",
    "Quoted",
    "Reasoning",
    "Token",
    "answer_events",
    "without_model",
]

"""Answering: from ranked passages to an answer whose every sentence cites its clause.

- ``extractive``: answers quoted verbatim from the best-supported sentences, or an honest
  refusal; always available, and the fallback of generation.
- ``citations``: exact character offsets of a quote in its stored document.
- ``generation``: answers written by a model on an OpenAI-compatible server, held to the same
  citations by a grounding check.

May import: the shared base, ``app.store``, ``app.retrieval`` and ``app.llm``. Never ``app.http``.
"""

"""Briefing packs for trainers: what one policy requires, every line cited, and a checked quiz.

- ``detect``: which sentences are requirements, figures, dates, responsibilities or procedures,
  told by their linguistic form (modal verbs, numeric and date patterns, organisation names),
  and the clause of a long sentence that carries the form.
- ``builder``: the brief of one stored document (its metadata, cited items in sections, an
  optional model-written overview) and the comparison of one topic across documents.
- ``quiz``: questions built from the items, each kept only when the knowledge base, asked it
  through the same answering path as ``/api/ask``, answers it with the expected words.
- ``render`` and ``docx``: the brief and the comparison as Markdown, HTML (with a print
  stylesheet) and Word.
- ``models``: the pydantic bodies the API and ``policykb brief --json`` return.

The services layer hands the builder an ``ask`` callable (``Services.ask``), so questions and
the overview go through the answering path without this package importing ``app.services``.

May import: the shared base, ``app.store``, ``app.retrieval`` and ``app.answering``. Never
``app.services`` or ``app.http`` (``tests/test_layout.py`` checks this).
"""

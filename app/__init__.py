"""policykb: the service. Packages by stage, in the order a question passes through them::

    settings  errors  models  text           the shared base: imported by every stage
       |
    store/      Chroma collections, BM25 index, embedding model    (ingest/ writes here)
       |
    retrieval/  catalog, places, glossary, HybridRetriever
       |
    answering/  extractive answers, citations, generation/ (model + grounding check)
       |
    briefing/   briefing packs: cited items by kind, a quiz checked through ask, exports
       |
    services    the composition root: builds each component once, runs ask/search/brief
       |
    http/  cli  the ways in: FastAPI app and web page; the ``policykb`` command

Each package may import only the ones above it (``tests/test_layout.py`` enforces this), and
nothing in ``app`` imports ``ingest`` or ``eval``: the CLI finds their commands through entry
points.
"""

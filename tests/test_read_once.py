"""What depends on a text alone is read once per text (perf50): a question's BM25 tokens, the
kinds it asks, a chunk's candidate sentences, an English sentence's noun phrases; every answer
stays the same."""

from __future__ import annotations

import bm25s
import Stemmer

from app.answering.citations import sentences_of
from app.answering.question_kinds import Kind, asked_kinds
from app.retrieval.holders import other_holder
from app.retrieval.hybrid import Hit
from app.services import Services
from app.store.bm25 import TOKEN_PATTERN, lexical_terms, query_tokens
from app.store.records import Chunk


def test_query_tokens_are_the_retrievers_own(services: Services) -> None:
    """Bug (perf50): jieba's cut and bm25s's tokenizing of the same question ran once for the
    passages' index, again for the documents' and again for ``knows`` (~5% of a question's
    CPU). The tokens kept are the ones llama-index's default English stemmer gives, which both
    loaded indexes stem with."""
    question = "广州市人工智能产业发展 subsidies for AI companies in 2025?"
    fresh = bm25s.tokenize(lexical_terms(question), stemmer=Stemmer.Stemmer("english"),
                           token_pattern=TOKEN_PATTERN, show_progress=False, return_ids=False)
    assert query_tokens(question) == tuple(fresh[0])
    assert "subsidi" in query_tokens(question) and "人工智能" in query_tokens(question)
    lexical = services.retriever.lexical
    assert lexical.documents is not None
    passages, documents = lexical.score(question), lexical.documents.score(question)
    assert passages.scores is not None and documents.scores is not None
    assert len(passages.scores) == lexical.size and len(documents.scores) == lexical.documents.size


def test_asked_kinds_kept_but_each_callers_own() -> None:
    """A caller changing the kinds it was given (``kinds.add``) changes no later question's."""
    kinds = asked_kinds("How much is the subsidy per household?")
    assert Kind.MONEY in kinds
    kinds.clear()
    assert Kind.MONEY in asked_kinds("How much is the subsidy per household?")


def test_sentences_of_a_chunk_read_again_are_the_same() -> None:
    """A chunk's sentences kept by its text: the same sentences, offsets and ranks come back,
    a clause two passages repeat is still given once, and a sentence over the cap still comes
    in pieces."""
    text = "The fund is 5 billion yuan. It supports AI firms.\nThe fund is 5 billion yuan."
    one = Chunk("d::0", "d", text, 100, 100 + len(text), {})
    other = Chunk("e::0", "e", "The fund is 5 billion yuan. Apply online.", 0, 41, {})
    hits = [Hit(one, 1.0, 1), Hit(other, 0.5, 2)]
    first = sentences_of(hits)
    assert [(s.text, s.start, s.rank) for s in first] == [
        ("The fund is 5 billion yuan.", 100, 1), ("It supports AI firms.", 128, 1),
        ("Apply online.", 28, 2)]
    assert sentences_of(hits) == first
    pieces = [s.text for s in sentences_of(hits, max_chars=20)]
    assert pieces[:2] == ["The fund is 5", "billion yuan."]


def test_other_holder_reads_a_sentence_once_the_same() -> None:
    """An English sentence's stems and noun phrases, kept by its text, give the same judgement
    each time it is asked of (``contrasted`` asks again of the same sentence)."""
    question = "How much is the subsidy for part-time training of registered unemployed persons?"
    sentence = ("Registered unemployed persons attending full-time training receive a subsidy "
                "of 800 yuan.")
    assert other_holder(question, sentence)
    assert other_holder(question, sentence)
    assert not other_holder(question, sentence.replace("full-time", "part-time"))

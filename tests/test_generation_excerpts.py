"""What the model reads: the best sentences of the retrieved passages, not whole passages."""

from __future__ import annotations

from app.answering.citations import Scored, Sentence, citation
from app.answering.generation.answerer import excerpts
from app.answering.generation.grounding import ground
from app.answering.generation.prompt import SYSTEM_PROMPT, build_messages
from app.models import Answer
from app.retrieval.hybrid import Hit
from app.store.records import Chunk

ZJ_TEXT = ("Preamble of the notice. Government-invested projects shall spend no less than 5% of "
           "total investment on digital-intelligent upgrades. A training was held. The rule "
           "applies from 1 March 2025.")
SZ_TEXT = "Shenzhen will build 10 AI pilot zones by 2025. Funding reaches 1,200 million yuan."
ZJ = Chunk("zj-0", "zhanjiang", ZJ_TEXT, 100, 100 + len(ZJ_TEXT),
           {"doc_id": "zhanjiang", "title": "Zhanjiang notice", "city": "Zhanjiang",
            "section": "Article 3"})
SZ = Chunk("sz-0", "shenzhen", SZ_TEXT, 0, len(SZ_TEXT),
           {"doc_id": "shenzhen", "title": "Shenzhen plan", "city": "Shenzhen"})
HITS = [Hit(SZ, 0.8, 1), Hit(ZJ, 0.7, 2)]


def sentence(chunk: Chunk, text: str, rank: int) -> Sentence:
    at = chunk.text.index(text)
    return Sentence(chunk, chunk.start + at, chunk.start + at + len(text), text, rank)


PREAMBLE = sentence(ZJ, "Preamble of the notice.", 2)
SHARE = sentence(ZJ, "Government-invested projects shall spend no less than 5% of total "
                     "investment on digital-intelligent upgrades.", 2)
TRAINING = sentence(ZJ, "A training was held.", 2)
RULE = sentence(ZJ, "The rule applies from 1 March 2025.", 2)
ZONES = sentence(SZ, "Shenzhen will build 10 AI pilot zones by 2025.", 1)
RANKED = [Scored(SHARE, 0.8), Scored(ZONES, 0.6), Scored(RULE, 0.5), Scored(PREAMBLE, 0.45),
          Scored(TRAINING, 0.1)]


def quoting(*sentences: Sentence) -> Answer:
    citations = [citation(n, s, 0.8) for n, s in enumerate(sentences, start=1)]
    return Answer(answer=" ".join(s.text for s in sentences), citations=citations)


def test_the_model_reads_the_best_sentences_not_whole_passages() -> None:
    """Bug (issue 10): whole passages made the 1.5B's prompt ~800 tokens, a first token ~30 s
    away on 2 cores; it now reads the best few sentences, gaps marked, in document order."""
    chosen = excerpts(RANKED, HITS, quoting(SHARE), limit=3)
    # The passage of the best sentence is passage 1, whatever its retrieval rank.
    assert [e.hit.chunk.chunk_id for e in chosen] == ["zj-0", "sz-0"]
    assert chosen[0].text == f"{SHARE.text} … {RULE.text}"
    assert chosen[1].text == ZONES.text
    user = build_messages("How much must projects spend?", chosen)[1]["content"]
    assert "Preamble" not in user and "training" not in user and "Funding" not in user
    assert '<passage n="1" city="Zhanjiang">' in user and "5% of total investment" in user


def test_by_default_the_model_reads_only_what_the_extractive_answer_quotes() -> None:
    """Bug (issue 10): given the best three sentences, the 1.5B often answered from the wrong
    one; it now reads the quoted sentences unless told to read more."""
    chosen = excerpts(RANKED, HITS, quoting(SHARE))
    assert [e.text for e in chosen] == [SHARE.text]
    assert excerpts(RANKED, HITS, Answer(answer="", citations=[]))[0].text == SHARE.text


def test_adjacent_sentences_join_without_a_gap_mark() -> None:
    ranked = [Scored(SHARE, 0.8), Scored(PREAMBLE, 0.7)]
    [only] = excerpts(ranked, HITS, quoting(SHARE), limit=2)
    assert only.text == f"{PREAMBLE.text} {SHARE.text}"


def test_sentences_the_extractive_answer_quotes_are_always_read() -> None:
    """A comparison's extractive answer quotes each place's best sentence: the model gets it
    even when it ranks below the limit or the floor."""
    chosen = excerpts(RANKED, HITS, quoting(SHARE, TRAINING), limit=1)
    assert [e.text for e in chosen] == [f"{SHARE.text} {TRAINING.text}"]


def test_weak_sentences_are_left_out() -> None:
    chosen = excerpts(RANKED, HITS, quoting(SHARE), limit=10)
    assert all("training" not in e.text for e in chosen)  # 0.1 < half of the best (0.8)


def test_the_check_still_reads_whole_passages_and_numbers_as_the_prompt_does() -> None:
    chosen = excerpts(RANKED, HITS, quoting(SHARE), limit=3)
    hits = [e.hit for e in chosen]  # the prompt's passages 1..k
    result = ground("Projects spend no less than 5% [1]. Shenzhen builds 10 AI pilot zones "
                    "[2].", hits)
    assert result.unsupported == []
    assert [c.doc_id for c in result.citations] == ["zhanjiang", "shenzhen"]
    assert result.citations[0].quote == SHARE.text


def test_the_system_prompt_is_the_same_for_every_question() -> None:
    """The fixed prefix llama.cpp keeps evaluated between requests."""
    first = build_messages("How much must projects spend?", excerpts(RANKED, HITS,
                                                                     quoting(SHARE)))
    second = build_messages("深圳建设多少个试点区？", excerpts(RANKED[1:], HITS, quoting(ZONES)))
    assert first[0] == second[0] == {"role": "system", "content": SYSTEM_PROMPT}
    assert "请用简体中文回答" in second[1]["content"]
    assert "请用简体中文回答" not in first[1]["content"]

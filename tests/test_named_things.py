"""A Chinese question naming a thing no English passage names is not answered by a sentence on
another thing of its field (app/retrieval/named_things.py).

Regression (issue 22, the probes' most repeated Chinese refusal miss): "广州人工智能公共算力中心的
算力规模有多大？" was answered with the Pazhou space computing centre's 500P — no document speaks
of a public computing centre of Guangzhou — while "琶洲空间智算中心…" must still be answered there.
"""

from __future__ import annotations

from app.retrieval.dictionary import english_terms
from app.retrieval.named_things import name_terms, names_another, referred_back
from app.retrieval.stems import content_stems
from app.store.records import Chunk

PARAGRAPH = ("Third, the launch of the \"PZ-SPACE Pazhou Space Intelligent Computing Center,\" "
             "marking a crucial step forward. According to the plan, the center will establish a "
             "globally leading space computing power cluster with a scale of 500P.")
CHUNK = Chunk("haizhu#3", "haizhu", PARAGRAPH, 1000, 1000 + len(PARAGRAPH), {})
SENTENCE_AT = PARAGRAPH.index("According")


def _another(question: str) -> bool:
    terms = [frozenset([t.chinese, *t.stems]) for t in english_terms(question)]
    found = set(content_stems(PARAGRAPH[SENTENCE_AT:]))
    return names_another(name_terms(question, terms), found, CHUNK, CHUNK.start + SENTENCE_AT)


def test_a_centre_the_passage_never_names_is_another_thing() -> None:
    assert _another("广州人工智能公共算力中心的算力规模有多大？")


def test_the_centre_the_paragraph_names_is_the_same_thing() -> None:
    """"The center" is named by the sentence before: 琶洲, 空间 and 中心 are all there."""
    assert not _another("琶洲空间智算中心一期算力规模多大？")
    assert not _another("琶洲太空智算中心最终要建成多大规模的算力集群？")


def test_a_question_naming_nothing_is_not_checked() -> None:
    assert not _another("算力集群的规模有多大？")


def test_a_word_derived_from_the_renderings_root_holds_it() -> None:
    """战略 renders "strategy"; the committee's English name says "Strategic" (a regression of
    the first version: 深圳人工智能战略咨询委员会's question refused, 咨询 "consult" not being
    "Advisory" either)."""
    text = ("Establish the Municipal Artificial Intelligence Strategic Advisory Committee to carry "
            "out research on forward-looking and strategic major issues.")
    question = "深圳人工智能战略咨询委员会主要研究什么问题？"
    terms = [frozenset([t.chinese, *t.stems]) for t in english_terms(question)
             if t.chinese != "深圳"]  # the place asked is the passages' topic
    chunk = Chunk("shenzhen#9", "shenzhen", text, 0, len(text), {})
    assert not names_another(name_terms(question, terms), set(content_stems(text)), chunk, 0)


def test_a_sentence_referring_back_is_about_what_its_paragraph_opened_on() -> None:
    """Regression (round 26's held-out h26, issue 23 item 2): a Chinese question naming a thing
    was refused when the sentence answering it called it "It" or "the center" and the name sat
    in the paragraph's first sentence, further back than the two sentences read before it."""
    opening = ("The PZ-SPACE Pazhou Space Intelligent Computing Center was launched on December "
               "28th. Three firms signed the agreement. Officials of the district attended. ")
    question = "琶洲空间智算中心一期算力规模多大？"
    terms = [frozenset([t.chinese, *t.stems]) for t in english_terms(question)]
    for sentence, another in [
            ("It will establish a space computing power cluster with a scale of 500P.", False),
            ("The center will establish a space computing power cluster of 500P.", False),
            # A subject naming a thing of its own is that thing, whatever the paragraph named.
            ("Nansha Harbour will establish a space computing power cluster of 500P.", True)]:
        text = opening + sentence
        chunk = Chunk("haizhu#9", "haizhu", text, 0, len(text), {})
        found = set(content_stems(sentence))
        assert names_another(name_terms(question, terms), found, chunk, len(opening)) is another


def test_a_figure_referring_back_is_read_with_the_sentences_naming_what_it_is_of() -> None:
    """Regression (round 30's held-out h30, Zhoushan): "…how much can we get to make his home
    safer, with grab bars …?" was refused: the sentence stating the 6,000 yuan, "The subsidy
    standard is up to 6,000 yuan per household.", shares none of the question's words, which the
    sentence before it says ("home adaptation, such as grab bars")."""
    item = ("6. Home adaptation. Families of older people aged 80 and above may apply for "
            "age-friendly home adaptation, such as grab bars and anti-slip flooring. ")
    for sentence, carried in [("The subsidy standard is up to 6,000 yuan per household.", True),
                              ("It is paid once per household.", True),
                              # a subject of its own is what the sentence is about
                              ("Zhoushan Civil Affairs Bureau pays 6,000 yuan.", False)]:
        text = item + sentence
        said = referred_back(Chunk("z#6", "z", text, 500, 500 + len(text), {}), 500 + len(item))
        assert ({"grab", "bar", "adapt"} <= said) is carried, said
    first = "The subsidy standard is up to 6,000 yuan per household."  # nothing before it
    assert referred_back(Chunk("z#7", "z", first, 0, len(first), {}), 0) == frozenset()

"""A Chinese answer's new terms get the cited passage's own English beside them."""

from __future__ import annotations

from app.answering.generation.grounding import ground
from app.answering.generation.source_terms import annotate
from app.retrieval.hybrid import Hit
from app.store.records import Chunk

UNITS = ("Responsible units: Municipal Public Security Bureau, Municipal Housing Construction "
         "Bureau, Municipal Fire Rescue Detachment.")
NEW_TECH = ("Explore and promote the application of new technologies such as blockchain in "
            "government services.")


def test_a_translated_name_gets_the_passage_name() -> None:
    """The 1.5B model wrote 市公安局 for "Municipal Public Security Bureau": an official could not
    tell which of the passage's bureaus was meant, nor quote its name."""
    question = "深圳这项措施由哪些单位负责？"
    answer = annotate("负责单位是市公安局和市住房建设局[1]。", [UNITS], question)
    assert answer == ("负责单位是市公安局（Municipal Public Security Bureau）和"
                      "市住房建设局（Municipal Housing Construction Bureau）[1]。")


def test_a_new_term_gets_the_passage_wording_and_the_question_s_terms_do_not() -> None:
    answer = annotate("漳州要探索推广应用区块链[1]。", [NEW_TECH], "漳州要探索推广应用哪些新技术？")
    assert answer == "漳州要探索推广应用区块链（blockchain）[1]。"


def test_nothing_is_annotated_from_a_guess() -> None:
    # 宇宙 ("universe") is not in the passage; "technologies such as blockchain in government"
    # holds a word (blockchain) 技术政府 does not say; 政府 alone is an everyday word.
    for sentence in ("漳州要发展宇宙产业[1]。", "漳州的技术政府[1]。", "漳州的政府[1]。"):
        assert annotate(sentence, [NEW_TECH], "漳州要做什么？") == sentence
    english = "Zhangzhou promotes blockchain [1]."
    assert annotate(english, [NEW_TECH], "漳州要推广什么？") == english


def test_a_figure_glosses_what_it_counts() -> None:
    """6项工作任务 was scored wrong against the passage's "six work tasks": a measure word (项)
    has no English, and a figure alone is no term."""
    passage = "There are six work tasks including smart education."
    answer = annotate("漳州一共安排了6项工作任务[1]。", [passage], "漳州一共安排了几项工作任务？")
    assert answer == "漳州一共安排了6项工作任务（six work tasks）[1]。"
    assert annotate("共包含5项[1]。", ["It contains five parts."], "共几项？") == "共包含5项[1]。"


def test_the_check_keeps_the_annotation_and_cites_the_annotated_sentence() -> None:
    text = "Each district shall open 40 application scenarios every year. " + UNITS
    hits = [Hit(Chunk("sz-0", "shenzhen", text, 0, len(text), {"doc_id": "shenzhen"}), 0.8, 1)]
    grounded = ground("该措施由市公安局负责[1]。", hits, "深圳这项措施由哪个单位负责？")
    assert "市公安局（Municipal Public Security Bureau）" in grounded.answer
    assert grounded.citations[0].quote.startswith("Responsible units:")


def test_only_an_organisation_s_chinese_is_widened_to_a_name() -> None:
    """基础设施 ("infrastructure") was glossed "New Infrastructure Construction" and 漳州
    "Zhangzhou Municipal People's Government Office": the capitalised words around a rendering
    were taken for its name when the Chinese named no organisation."""
    passage = ("Notice of the Zhangzhou Municipal People's Government Office on the New "
               "Infrastructure Construction plan.")
    sentence = "漳州要推进基础设施方面的工作[1]。"
    assert annotate(sentence, [passage], "") == sentence

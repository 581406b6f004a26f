"""Queries are searched in the texts' own words, and quoted in whole sentences."""

from __future__ import annotations

from app.answering.citations import with_remarks
from app.retrieval.dictionary import english_terms
from app.retrieval.glossary import expand_query
from app.text import has_cjk, sentence_spans


def test_chinese_query_is_rendered_in_english_by_a_general_dictionary() -> None:
    """Issue 9: no hand list of policy terms drawn from eval questions; the place names are
    the only hand-kept Chinese, the rest comes from CC-CEDICT."""
    expanded = expand_query("漳州每万人拥有多少个5G基站？")
    assert expanded.startswith("5G Zhangzhou ")
    assert "base station" in expanded and "ten thousand people" in expanded
    assert not has_cjk(expanded) and "？" not in expanded
    rendered = expand_query("数字化智能化改造的投入占多少？")
    assert "digital" in rendered and "transform" in rendered


def test_the_dictionary_renders_words_not_single_characters() -> None:
    """One character alone is too ambiguous to render (比: compare, Belgium)."""
    terms = {t.chinese: t.english for t in english_terms("人工智能发展局的规定比较多")}
    assert terms["人工智能"] == ("artificial intelligence",)
    assert "比" not in terms and all(len(word) > 1 for word in terms)


def test_english_query_keeps_its_words_and_gains_the_texts_variants() -> None:
    query = "Which AI centre will Shenzhen build with Hong Kong companies?"
    expanded = expand_query(query)
    assert expanded.startswith(query)
    assert expanded.endswith("artificial intelligence center enterprises")
    assert expand_query("What is the Zhanjiang rule?") == "What is the Zhanjiang rule?"


def test_a_bracketed_remark_is_quoted_with_its_sentence() -> None:
    """Regression: "(Responsible units: ...)" was a sentence of its own, so a question asking
    which units carry out a measure got the measure without its units, or the units without
    the measure."""
    text = ("Build a computing power platform. (Responsible units: Municipal Finance Bureau)\n"
            "(18) Strengthen safety supervision.")
    spans = with_remarks(text, sentence_spans(text))
    assert [text[s:e] for s, e in spans] == [
        "Build a computing power platform. (Responsible units: Municipal Finance Bureau)",
        "(18) Strengthen safety supervision.",
    ]

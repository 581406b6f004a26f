"""Queries are searched in the texts' own words."""

from __future__ import annotations

from app.retrieval.dictionary import english_terms
from app.retrieval.glossary import expand_query
from app.text import has_cjk


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

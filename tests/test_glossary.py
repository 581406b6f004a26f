"""Queries are searched in the texts' own words."""

from __future__ import annotations

from app.retrieval.glossary import expand_query


def test_chinese_query_keeps_its_words_and_gains_only_english_place_names() -> None:
    """Policy terms are left to the multilingual model: no hand list translates them."""
    query = "漳州每万人拥有多少个5G基站？"
    assert expand_query(query) == f"{query} Zhangzhou"
    assert expand_query("数字化智能化改造的投入占多少？") == "数字化智能化改造的投入占多少？"


def test_english_query_keeps_its_words_and_gains_the_texts_variants() -> None:
    query = "Which AI centre will Shenzhen build with Hong Kong companies?"
    expanded = expand_query(query)
    assert expanded.startswith(query)
    assert expanded.endswith("artificial intelligence center enterprises")
    assert expand_query("What is the Zhanjiang rule?") == "What is the Zhanjiang rule?"

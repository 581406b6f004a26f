"""Queries are searched in the texts' own words."""

from __future__ import annotations

from app.retrieval.glossary import expand_query


def test_chinese_query_is_rendered_in_english_with_its_figures() -> None:
    rendered = expand_query("漳州每万人拥有多少个5G基站？")
    assert rendered.startswith("Zhangzhou per 10,000 people")
    assert "5G" in rendered and "base stations" in rendered
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in rendered)


def test_english_query_keeps_its_words_and_gains_the_texts_variants() -> None:
    query = "Which AI centre will Shenzhen build with Hong Kong companies?"
    expanded = expand_query(query)
    assert expanded.startswith(query)
    assert expanded.endswith("artificial intelligence center enterprises")
    assert expand_query("What is the Zhanjiang rule?") == "What is the Zhanjiang rule?"

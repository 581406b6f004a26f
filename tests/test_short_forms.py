"""A short form CC-CEDICT writes in brackets after the words it stands for ("artificial
intelligence (AI)") is read as the Chinese word it renders: an English question's "AI" or "DC"
finds 人工智能 or 直流 in a Chinese text (issues 22/23, abbrev44)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.retrieval.acronyms import unmentioned
from app.retrieval.dictionary import chinese_terms, dictionary
from app.retrieval.short_forms import bracketed, sense_key
from tests.support.served import asked, serve_texts


@pytest.mark.parametrize(("sense", "short"), [
    ("artificial intelligence (AI)", "AI"), ("Internet of things (IoT)", "IoT"),
    ("platform as a service (PaaS)", "PaaS"), ("value-added tax (VAT)", "VAT"),
    # a bracket naming a field, a region or a remark abbreviates no words before it
    ("stomach cold (TCM)", ""), ("Supreme People's Court (PRC)", ""),
    ("(Tw) weight equal to 600 g", ""), ("ring (computing)", ""), ("drum (music)", ""),
])
def test_a_bracketed_short_form_is_read_only_after_the_words_it_stands_for(
        sense: str, short: str) -> None:
    assert bracketed(sense) == short


def test_a_chinese_word_is_found_by_its_short_form() -> None:
    assert dictionary().short_forms["人工智能"] == ("AI",)
    assert "人工智能" in chinese_terms("How much goes to AI unicorns?")
    assert "直流" in chinese_terms("the subsidy for DC charging piles")
    assert (sense_key("PET"), sense_key("pet"), sense_key("Pet")) == ("PET", "pet", "pet")


def test_a_short_form_written_as_a_word_renders_no_word_of_it() -> None:
    """Regression (abbrev44): the reverse lookup lower-cased every sense, so an English "pet"
    would have found a PET scan and "led" a light-emitting diode; capitals tell them apart."""
    assert "正电子照射断层摄影" not in chinese_terms("a family pet")
    assert "正电子照射断层摄影" in chinese_terms("a PET scan")
    assert "发光二极管" not in chinese_terms("the project led by the bureau")


def test_an_acronym_a_chinese_text_says_in_its_own_word_is_mentioned() -> None:
    texts = ["对新建公共充电桩的运营企业，按直流充电桩每千瓦150元给予建设补助。"]
    assert unmentioned("What is the subsidy for DC charging piles?", texts) == []
    assert unmentioned("What is the subsidy for AC charging piles?", texts) == ["AC"]


def test_an_english_short_form_finds_the_chinese_word_of_a_notice(tmp_path: Path) -> None:
    """Regression (abbrev44 batch: "What construction subsidy per kilowatt does Liuzhou give
    operators of new public DC charging piles?" refused, the passages "never mention DC" though
    the notice says 直流充电桩); a short form the notice never says is still refused."""
    notice = ("示例市新能源汽车充电设施补助办法\n\n"
              "一、对新建公共充电桩的运营企业，按直流充电桩每千瓦150元给予建设补助。\n"
              "二、消费者购车时须开具增值税普通发票。\n")
    with serve_texts(tmp_path, {"example-2026-charging": notice}) as client:
        found = asked(client, "How much is the subsidy per kilowatt for DC charging piles in "
                              "Example City?")
        assert found["refused"] is False and "150元" in str(found["answer"])
        assert asked(client, "How much is the subsidy per kilowatt for AC charging piles in "
                             "Example City?")["refused"] is True

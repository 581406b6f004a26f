"""English names of Chinese places that are not their pinyin, from CC-CEDICT's glosses
(app/retrieval/exonyms.py, read into the gazetteer).

Regression: round 43's Chinese questions about 果洛 over the English notice of "Golog Tibetan
Autonomous Prefecture" were refused "no documents for 果洛": the gazetteer knew 果洛 only as
its pinyin Guoluo, so the notice was placed nowhere (its issuer read as a town called "Tibetan
Autonomous"), and an English question naming Golog was scoped to no document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.retrieval.exonyms import place_senses
from app.retrieval.gazetteer import gazetteer
from app.retrieval.placing import place_fields
from tests.support.served import asked, serve_texts

PEOPLES = frozenset({"Tibetan", "Mongol", "Qiang"})


def _named(text: str) -> list[tuple[str, list[str]]]:
    return [(text[s:e], [d.name for d in c]) for s, e, c in gazetteer().mentions(text)]


@pytest.mark.parametrize(("gloss", "senses"), [
    # the peoples an autonomous division is named for follow its name
    ("Haixi Mongol and Tibetan autonomous prefecture in Qinghai", [(["Haixi"], "prefecture")]),
    # alternatives, and the level said after a comma
    ("Shigatse or Xigaze, Tibetan: Gzhis ka rtse, city and prefecture in central Tibet",
     [(["Shigatse", "Xigaze"], "city")]),
    # an alternative in another language before the English name is left out
    ("Aqsu wilayiti or Aksu prefecture in Xinjiang", [(["Aksu"], "prefecture")]),
    ("Alxa League, a prefecture-level subdivision of Inner Mongolia", [(["Alxa"], "league")]),
    # senses naming no level name no place; a people's name alone is none
    ("Ali (proper name)/Ngari prefecture in Tibet", [(["Ngari"], "prefecture")]),
    ("Nujiang river of south Tibet", []),
    ("Tibetan autonomous region", []),
])
def test_a_gloss_names_a_place_by_the_words_before_its_level(
        gloss: str, senses: list[tuple[list[str], str]]) -> None:
    assert [(names, noun) for names, noun, _ in place_senses(gloss, PEOPLES)] == senses


@pytest.mark.parametrize(("name", "division"), [
    ("Shigatse", "日喀则市"), ("Nyingchi", "林芝市"), ("Ngari", "阿里地区"), ("Alxa", "阿拉善盟"),
    ("Hinggan", "兴安盟"), ("Bayingolin", "巴音郭楞蒙古自治州"), ("Golog", "果洛藏族自治州"),
])
def test_a_places_english_name_from_the_dictionary_is_that_place(name: str, division: str) -> None:
    assert _named(f"How much does {name} pay?") == [(name, [division])]


def test_a_name_written_in_one_word_or_two_is_one_place() -> None:
    assert _named("Xilingol League") == [("Xilingol", ["锡林郭勒盟"])]
    assert _named("Xilin Gol League") == [("Xilin Gol", ["锡林郭勒盟"])]


@pytest.mark.parametrize("text", [
    "How much does Lakeside pay?",  # 湖滨区's gloss translates it: an English word
    "What does Zhang give?",  # 漳县 "Zhang county": a surname, one syllable
    "What do Tibetan herders get?",  # a people, not 西藏
    "Okayama and Yeosu give nothing.",  # 冈山区 and 丽水 are also glossed as Japan's and Korea's
])
def test_a_gloss_word_that_is_no_name_of_a_chinese_division_places_nothing(text: str) -> None:
    assert _named(text) == []


def test_an_english_notice_is_placed_by_its_places_english_name() -> None:
    text = ("Notice of the People's Government of Nyingchi City on Orchard Subsidies\n\n"
            "Issuer: People's Government of Nyingchi City\n\n"
            "Each household planting apple trees receives 30 yuan per tree.\n")
    fields = place_fields(text, title=text.splitlines()[0], issuer="People's Government of "
                          "Nyingchi City")
    assert fields["adcode"] == "540400"


def test_a_place_named_either_way_finds_the_other_languages_notice(tmp_path: Path) -> None:
    """A Chinese question names the place as Chinese does, over an English notice that says its
    English name; an English question by its English name over a Chinese notice."""
    texts = {
        "nyingchi-orchards": (
            "Notice of the People's Government of Nyingchi City on Subsidies for Apple Orchards\n\n"
            "Issuer: People's Government of Nyingchi City\n\n"
            "1. A household that plants new apple trees receives a subsidy of 30 yuan per tree.\n"
            "2. Applications are made to the township government before 31 March.\n"),
        "rikaze-greenhouses": (
            "日喀则市人民政府关于支持蔬菜温室大棚建设的通知\n\n"
            "一、新建标准蔬菜温室大棚的农户，每座补助5000元。\n"
            "二、申请人向所在乡镇人民政府提出申请。\n\n日喀则市人民政府\n2026年3月1日\n"),
    }
    with serve_texts(tmp_path, texts) as client:
        answer = asked(client, "林芝市农户新种苹果树，每棵补贴多少钱？")
        cited = answer["citations"]
        assert isinstance(cited, list) and [c["doc_id"] for c in cited] == ["nyingchi-orchards"]
        answer = asked(client, "How much does Shigatse give for each new vegetable greenhouse?")
        assert not answer["refused"] and "5000元" in str(answer["answer"])

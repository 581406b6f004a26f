"""A Chinese name is said shortened or in full (个税 of 个人所得税, 社保 of 社会保险, 稳岗 of 稳定
岗位): a question saying one form is answered by a notice saying the other.

Regression (round 38, yesno39; issue 22): "要交个税吗" over "免征个人所得税" lost its answer: the
shortened reading kept a short word's character pairs at most two characters apart, and 个税
leaves three out of 个人所得税; nor was a question writing the full name (稳定岗位补贴) read as the
notice's short form (稳岗补贴) — refused, "no passage answers". A short form is read by one rule
(each of its characters in order from a different word of the full name, the first the name's
first), checked against CC-CEDICT's abbreviations and jieba's dictionary. The notice is written by
the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.content_words import unsaid
from app.retrieval.glossary import lexical_query
from app.retrieval.shortened import as_asked, named_forms, shortens
from tests.support.served import asked, serve_texts

JOBS = (
    "乐山市人力资源和社会保障局关于支持企业稳定就业的通知\n"
    "乐人社发〔2026〕8号\n"
    "各区县人力资源和社会保障局：\n"
    "为支持企业稳定员工队伍，现就有关事项通知如下。\n"
    "一、稳岗补贴\n"
    "（一）新招用本市户籍员工的企业，经认定后可获得每人800元的稳岗补贴。\n"
    "二、税收支持\n"
    "（一）企业发给一线职工的防护用品不计入工资、薪金收入，免征个人所得税。\n"
    "三、社会保险\n"
    "（一）确实无力足额缴纳社会保险费的企业，可申请缓缴至2026年9月底。\n"
    "乐山市人力资源和社会保障局\n2026年3月2日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-name-forms"), {"leshan-jobs": JOBS}) as served:
        yield served


def test_a_short_form_takes_each_character_from_another_word_of_the_name() -> None:
    assert shortens("个税", "个人所得税")  # 个人 所得税: three characters apart
    assert shortens("社保", "社会保险") and shortens("稳岗", "稳定岗位")
    assert not shortens("三项", "三项全能")  # a piece of one word
    assert not shortens("税", "个人所得税") and not shortens("保险", "社会保险")


def test_the_forms_read_are_the_dictionarys_pairs_and_coined_ones_it_holds_no_word_for() -> None:
    assert ("个税", "个人所得税") in named_forms("要交个税吗？")
    assert ("社会保险", "社保") in named_forms("社会保险费征管系统什么时候升级？")
    assert ("稳定岗位", "稳岗") in named_forms("稳定岗位补贴每人多少钱？")
    # 工人 is a word of its own, no 工作人员 shortened.
    assert not any(other == "工人" for _, other in named_forms("工作人员要带什么材料？"))
    # A place's short form (荆图 of 荆州图书馆, read in a number 荆图公〔2025〕3号) is the places'.
    assert not any(other == "荆图" for _, other in named_forms("荆州图书馆一次能借几本书？"))


def test_a_short_form_is_read_only_where_a_word_of_the_text_starts() -> None:
    assert as_asked("免征个人所得税。", "要交个税吗？").endswith("免征个税。")
    assert as_asked("需要个人提交申请。", "要交个税吗？") == "需要个人提交申请。"


def test_each_form_says_the_others_words_and_is_searched_for() -> None:
    question = "发给职工的防护用品要交个税吗？"
    assert "个税" not in unsaid(question, "发给职工的防护用品免征个人所得税。")
    assert "个税" in unsaid(question, "发给职工的防护用品免征增值税。")
    assert "个人所得税" in lexical_query("防护用品要交个税吗？", True)


def test_a_question_shortening_the_name_is_answered_by_the_full_name(client: TestClient) -> None:
    body = asked(client, "乐山企业发给一线职工的防护用品要交个税吗？")
    assert not body["refused"], body
    assert "免征个人所得税" in str(body["answer"])


def test_what_the_notice_does_not_say_stays_refused(client: TestClient) -> None:
    body = asked(client, "乐山企业的社保缴费基数下限是多少？")
    assert body["refused"], body

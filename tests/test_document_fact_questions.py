"""Questions about a document itself (its number, issuer, date of issue, title), answered from
the facts ingest read from its text, citing the line each was read from (app.briefing.facts)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.background import stop_warms
from app.briefing.facts import source_line
from app.models import AskRequest
from app.retrieval.document_questions import Fact, fact_asked
from app.services import Services
from app.store.chroma import Store
from ingest.document_facts import document_facts
from ingest.pipeline import ingest
from tests.conftest import make_settings

# Written for these tests: a town's notice (no gazetteer holds the town), a city's English
# measures, and a notice signed in Chinese numerals.
TOWN = """青石镇人民政府关于印发《青石镇茶产业提升实施方案》的通知

青政发〔2024〕5号

各村（社区），镇属各单位：
现将《青石镇茶产业提升实施方案》印发给你们，请认真贯彻执行。
一、到2025年底，全镇标准化茶园达到8000亩。
二、对新建茶叶加工厂的，镇财政给予一次性补助20万元。

青石镇人民政府
2024年3月5日
"""
ENGLISH = """Weihai Measures to Promote Marine Tourism

Wei Zheng Ban Fa [2025] No. 3

(1) Each new cruise route from Weihai receives a one-time award of 1 million yuan.
(2) The Weihai Marine Tourism Center runs the city's booking platform for island trips.

General Office of the Weihai Municipal People's Government
2 April 2025
"""
NUMERALS = """泰安市科学技术局关于开展科技型中小企业评价工作的通知
各县（市、区）科技局：
一、评价工作全年开展，企业自主填报。
二、入库企业享受研发费用加计扣除政策。
泰安市科学技术局
二〇二三年五月八日
"""
# A report with no number of its own, citing a notice by its title and number.
REPORT = ("商务部推广泰安市稳外贸做法\n新华社北京3月2日电 3月1日，泰安市人民政府办公室印发"
          "《关于支持外贸企业稳订单拓市场的若干措施的通知》（泰政办字〔2023〕9号，以下简称"
          "《通知》），推出12条措施。\n商务部表示，各地可参考《通知》做法，结合本地实际抓好落实。\n")


@pytest.mark.parametrize(("question", "fact"), [
    ("青石镇茶产业方案的文号是什么？", Fact.NUMBER),
    ("What is the document number of Weihai's marine tourism measures?", Fact.NUMBER),
    ("青石镇的茶产业方案是什么时候印发的？", Fact.ISSUED),
    ("When were Weihai's marine tourism measures issued?", Fact.ISSUED),
    ("When did Weihai issue its marine tourism measures?", Fact.ISSUED),
    ("这份通知的印发日期是哪天？", Fact.ISSUED),
    # The date words are the question-word table's own (Kind.DATE's): 几号 and 哪一年 ask the
    # day of issue too, which the document-fact table's own shorter list missed.
    ("青石镇的茶产业方案是几号印发的？", Fact.ISSUED),
    ("这份通知是哪一年发布的？", Fact.ISSUED),
    ("青石镇茶产业方案是哪个单位印发的？", Fact.ISSUER),
    ("Which office issued Weihai's marine tourism measures?", Fact.ISSUER),
    ("What is the full title of Weihai's marine tourism measures?", Fact.TITLE),
    # Regression (eval dev en-col-14, round 11): a phrasal verb of issuing ("put out") asked
    # nothing of the document, so the plan's date went unanswered.
    ("When did Weihai put out its marine tourism measures?", Fact.ISSUED),
    ("Which bureau brought out Weihai's marine tourism measures?", Fact.ISSUER),
    # Regression (h30 马鞍山, round 31): the everyday 发的 of a notice's issue asked nothing of it,
    # so the notice's 有效期 line answered in place of its 落款 date.
    ("青石镇这份支持茶产业的方案是哪天发的？", Fact.ISSUED),
    ("这个方案大概是什么时候出的？", Fact.ISSUED),
])
def test_a_question_about_the_document_itself(question: str, fact: Fact) -> None:
    assert fact_asked(question) is fact


@pytest.mark.parametrize("question", [
    "Who runs Weihai's booking platform for island trips?",  # a body the text names
    "青石镇何时发布茶园名单？",  # an act the text plans, not its own issue
    "深圳的公共数据开放管理办法什么时候出台？",  # a document the text promises
    "漳州的行动计划是按照福建省哪个文件的精神制定的？",  # a document it follows
    "How many cruise routes will Weihai publish each year?",
    "青石镇茶产业方案的补助什么时候发？",  # money paid out, not the notice's issue
    "这项政策的钱是哪天发的？",
    "个体工商户的字号如何登记？",  # a shop's trade name, not a document number
    "What is the center's full name?",  # a body's name (chain s-06), not a document's title
    "该中心的全称是什么？",
])
def test_a_question_about_what_the_text_says_is_not_one(question: str) -> None:
    assert fact_asked(question) is None


def test_the_source_line_of_a_date_written_in_any_form() -> None:
    for text, iso, line in (
        (NUMERALS, "2023-05-08", "二〇二三年五月八日"),
        (ENGLISH, "2025-04-02", "2 April 2025"),
        ("Riverton Plan\nReleased: April 2, 2025\nBody.", "2025-04-02", "Released: April 2, 2025"),
        ("标题\n发布时间：2020-02-10\n正文。", "2020-02-10", "发布时间：2020-02-10"),
    ):
        found = source_line(Fact.ISSUED, iso, text)
        assert found is not None and text[found.start:found.end] == line


def test_a_fact_in_a_text_flattened_onto_one_line_is_quoted_alone() -> None:
    flat = ("某某市交通运输局关于恢复公交运营的通告 " + "乘客须全程佩戴口罩。" * 30
            + " 2020年2月18日")
    found = source_line(Fact.ISSUED, "2020-02-18", flat)
    assert found is not None and flat[found.start:found.end] == "2020年2月18日"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    folder = tmp_path_factory.mktemp("own-documents")
    (folder / "qingshi-tea.txt").write_text(TOWN, encoding="utf-8")
    (folder / "weihai-tourism.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "taian-sme.txt").write_text(NUMERALS, encoding="utf-8")
    (folder / "taian-trade-report.txt").write_text(REPORT, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("data"))
    assert not ingest([folder], settings).failed
    yield Services.build(settings)
    stop_warms()


@pytest.mark.parametrize(("question", "doc_id", "quote"), [
    ("青石镇茶产业方案的文号是什么？", "qingshi-tea", "青政发〔2024〕5号"),
    ("青石镇的茶产业方案是什么时候印发的？", "qingshi-tea", "2024年3月5日"),
    ("青石镇茶产业方案是哪个单位印发的？", "qingshi-tea", "青石镇人民政府"),
    ("What is the document number of Weihai's marine tourism measures?", "weihai-tourism",
     "Wei Zheng Ban Fa [2025] No. 3"),
    ("Which office issued Weihai's marine tourism measures?", "weihai-tourism",
     "General Office of the Weihai Municipal People's Government"),
    ("泰安科技型中小企业评价的通知是哪天印发的？", "taian-sme", "二〇二三年五月八日"),
])
def test_answered_from_the_line_the_fact_was_read_from(services: Services, question: str,
                                                      doc_id: str, quote: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and answer.answer == f"{quote} [1]"
    cited = answer.citations[0]
    text = Store(services.settings).get_document(doc_id).text  # type: ignore[union-attr]
    assert (cited.doc_id, cited.quote, text[cited.start:cited.end]) == (doc_id, quote, quote)


def test_a_document_that_states_no_number_is_not_given_one(services: Services) -> None:
    """Before, a 文号 question over a notice with none quoted its first sentence."""
    answer = services.ask(AskRequest(question="泰安科技型中小企业评价通知的文号是什么？",
                                     mode="extractive"))
    assert answer.refused and answer.refusal_code == "kind_not_stated"


def test_the_number_of_a_document_a_report_cites_is_read_in_its_text(services: Services
                                                                   ) -> None:
    """Bug (rz2228 rz26): "山东省政府办公厅加快外商投资企业复工复产的通知文号是什么？" was
    refused: the report retrieved (商务部's letter) has no number of its own, though it writes
    the notice's, named by the question, right after the notice's title."""
    answer = services.ask(AskRequest(question="泰安市政府办公室支持外贸企业稳订单拓市场的通知，"
                                              "文号是多少？", mode="extractive"))
    assert not answer.refused and "泰政办字〔2023〕9号" in answer.answer
    assert answer.citations[0].doc_id == "taian-trade-report"


def test_a_question_of_two_parts_answers_the_fact_in_its_part(services: Services) -> None:
    """Regression (round 40): the number's line and the first item's, parted by a line break
    only, were joined into one quote and clipped at "No." ("3\n\n(1) Each new cruise route…")."""
    answer = services.ask(AskRequest(
        question="What is the document number of Weihai's marine tourism measures, and how "
                 "much does a new cruise route receive?", mode="extractive"))
    assert "Wei Zheng Ban Fa [2025] No. 3" in answer.answer and "1 million yuan" in answer.answer


def test_a_place_no_document_is_about_is_refused_by_name(services: Services) -> None:
    """The first retrieved document is not another place's: Taiyuan holds none."""
    answer = services.ask(AskRequest(question="太原市茶产业方案的文号是什么？", mode="extractive"))
    assert answer.refused and answer.refusal_code == "place_not_stored"


def test_a_town_no_gazetteer_knows_is_asked_in_english_by_its_pinyin(services: Services) -> None:
    """Regression: 莫干山镇, read from its issuer, was 'not stored' to an English question naming
    Moganshan (its name's pinyin, as the gazetteer knows every division)."""
    asked = "How much does Qingshi give a new tea processing plant?"
    assert services.catalog.places.infer(asked).held == ["青石镇"]
    assert services.catalog.places.infer("Qingshi Town's tea plan").held == ["青石镇"]
    assert services.catalog.places.infer("qingshi tea").held == []  # a capitalised name only
    answer = services.ask(AskRequest(question=asked, mode="extractive"))
    assert not answer.refused and "20万元" in answer.answer


def test_whom_a_document_is_sent_to() -> None:
    """The addressees (主送机关) are read at ingest, also from a web copy on one line."""
    assert document_facts(TOWN)["addressees"] == "各村（社区），镇属各单位"
    flat = ("某某市人民政府关于做好春耕工作的通知 各县区人民政府，市政府各部门："
            " 现就有关事项通知如下。")
    assert document_facts(flat)["addressees"] == "各县区人民政府，市政府各部门"
    english = "Weihai Notice\nTo the people's governments of all districts:\nThe city will act."
    assert document_facts(english)["addressees"] == "To the people's governments of all districts"
    assert "addressees" not in document_facts("某某市关于春耕的通知\n一、各县区要做好以下工作：\n")
    for question in ("青石镇茶产业方案是发给哪些单位的？", "这份通知的主送机关是什么？",
                     "To whom are Weihai's marine tourism measures addressed?"):
        assert fact_asked(question) is Fact.ADDRESSEES
    assert fact_asked("补贴发给哪些企业？") is None
    assert fact_asked("Which engineers are vouchers issued to?") is None


def test_answered_with_the_addressee_line(services: Services) -> None:
    answer = services.ask(AskRequest(question="青石镇茶产业方案是发给哪些单位的？",
                                     mode="extractive"))
    assert answer.answer == "各村（社区），镇属各单位： [1]"


@pytest.mark.parametrize(("question", "fact"), [
    ("盐城这套支持新市民和青年人租购房的措施管到哪天为止？", Fact.ENDS),
    ("济宁租房补贴政策到什么时候截止？", Fact.ENDS),
    ("金华这套家庭农场措施到什么时候失效？", Fact.ENDS),
    ("南通这套促进青年就业的措施从哪天开始执行？", Fact.IN_FORCE),
    ("济宁这个租房补贴政策什么时候开始实行？", Fact.IN_FORCE),
])
def test_when_the_notice_itself_comes_into_force_or_ends(question: str, fact: Fact) -> None:
    """Regression (round 29's h29): "盐城这套…措施管到哪天为止？" was answered by the purchase
    window the measures open (2026年4月1日至2026年12月31日期间), not by the day they end: the
    notice's own dates are facts of it, quoted from the sentence saying it comes into force."""
    assert fact_asked(question) is fact


@pytest.mark.parametrize("question", [
    "补贴申请什么时候截止？",  # an application's deadline, stated in the text
    "这个政策的补贴发到什么时候？",  # what the measure pays, not the measure
])
def test_a_deadline_of_what_the_notice_sets_is_no_fact_of_it(question: str) -> None:
    assert fact_asked(question) is None


def test_the_day_a_notice_ends_is_quoted_from_its_sentence_of_force() -> None:
    """The day it ends may close a window it sets too: the sentence saying it is in force."""
    text = ("（一）2026年4月1日至2027年12月31日期间购房的，给予补贴。\n"
            "（十一）本措施自2026年4月1日起施行，有效期至2027年12月31日。\n")
    found = source_line(Fact.ENDS, "2027-12-31", text)
    assert found is not None and text[found.start:found.end].startswith("（十一）本措施")

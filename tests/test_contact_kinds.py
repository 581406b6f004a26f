"""The kinds of contact detail a question asks (issue 23 item 1: "联系电话是多少", "电子邮箱是什么",
"网址是什么" asked no kind or a sum, so a sentence stating none answered them). The notices are
written by the test and read with the entities ingest stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.answering.chinese_reader import REFUSAL_SUPPORT
from app.answering.question_kinds import Kind, asked_kinds
from tests.support.served import asked, serve_texts
from tests.test_chinese_reader import _read_as_stored

CONTACTS = ("一、补贴标准：按产品销售价格的15%给予补贴，每件最高不超过2000元。\n"
            "二、联系方式：电子邮箱：subsidy@example.gov.cn。\n"
            "三、政策原文见市人民政府网站（http://www.example.gov.cn）。\n")
NONE_GIVEN = ("一、救助标准：低保对象每户发放取暖补助600元，于12月20日前发放到户。\n"
              "二、有疑问的群众可电话咨询所在乡镇（街道）民政办。\n")


@pytest.mark.parametrize(("question", "kind"), [
    ("某市家电以旧换新补贴的联系电话是多少？", Kind.PHONE),
    ("某市补贴审核服务热线是多少？", Kind.PHONE),
    ("What is the e-mail address for questions about the subsidy?", Kind.EMAIL),
    ("市民政局的电子邮箱是什么？", Kind.EMAIL),
    ("补贴申请网址是什么？", Kind.WEB),
    ("门头沟区网上信访地址是什么？", Kind.WEB),
    ("On which website is the list published?", Kind.WEB),
    ("水运职业资格处的联系方式是多少？", Kind.CONTACT),
])
def test_a_contact_detail_asked_is_its_own_kind(question: str, kind: Kind) -> None:
    """Regression (kinds22's batch): a telephone number asked of a subsidy ("补贴的联系电话是多少")
    asked a sum too, and an e-mail or web address no kind; an address of either is no street."""
    assert asked_kinds(question) == {kind}


def test_a_notice_giving_no_e_mail_address_lacks_one() -> None:
    """Regression (kinds22's batch, "荆门市民政局社会救助科的电子邮箱是什么？" answered with a
    sentence naming the section and no address): an e-mail asked is stated only by its form."""
    assert _read_as_stored(NONE_GIVEN, "某市民政局的电子邮箱是什么？").answer.lacking
    reading = _read_as_stored(CONTACTS, "某市补贴的电子邮箱是什么？")
    assert not reading.answer.lacking and reading.answer.support >= REFUSAL_SUPPORT
    assert "subsidy@example.gov.cn" in reading.answer.sentence.text


def test_a_way_to_ask_by_telephone_is_no_number() -> None:
    """"可电话咨询" names a way to ask, not the number "咨询电话是多少" asks; nor is a sum one."""
    assert _read_as_stored(NONE_GIVEN, "某市取暖救助的咨询电话是多少？").answer.lacking


def test_a_count_of_a_hotline_s_things_asks_no_number() -> None:
    """Regression (rz2227 rz22-ee26e, "北京12345热线能为外国人提供多少种外语服务？" refused as
    stating no phone number): a count by measure word (多少种, 几项) asks things counted; the
    hotline named says whose they are."""
    assert asked_kinds("某市12345热线能提供多少种外语服务？") == {Kind.TALLY}
    assert asked_kinds("政务服务热线一共受理了几项诉求？") == {Kind.TALLY}
    assert asked_kinds("某市12345热线的号码是多少？") == {Kind.PHONE}


def test_sending_by_e_mail_asks_no_address() -> None:
    """Regression (realzh19 r19-38, "…选择电子邮件方式递交材料有什么要求？" refused): a way of
    sending ("by e-mail", 电子邮件方式) was read as asking an e-mail address."""
    assert Kind.EMAIL not in asked_kinds("某市税务局选择电子邮件方式递交材料有什么要求？")
    assert Kind.EMAIL not in asked_kinds("Can the forms be sent by e-mail?")


def test_a_website_named_or_its_address_answers_which_website() -> None:
    reading = _read_as_stored(CONTACTS, "某市补贴政策原文在哪个网站查看？")
    assert not reading.answer.lacking
    assert "http://www.example.gov.cn" in reading.answer.sentence.text
    assert _read_as_stored(NONE_GIVEN, "某市取暖救助的申请网址是什么？").answer.lacking


@pytest.mark.parametrize(("question", "kind"), [
    ("某市助浴有意见是否有电话可以反映？", Kind.PHONE),
    ("这个补贴有没有申请截止日期？", Kind.DATE),
    ("Is there an e-mail address for applying for the allowance?", Kind.EMAIL),
    ("Does the training session have a hotline for project units?", Kind.PHONE),
    ("Can you tell me the hotline for the subsidy?", Kind.PHONE),
    ("临沧对家庭医生不满意打什么电话？", Kind.PHONE),
])
def test_whether_there_is_one_asks_for_it(question: str, kind: Kind) -> None:
    """Whether there is one ("is there", "does it have", 有没有, 是否有), asking "you" to give
    it, or a question word besides (打什么电话) asks the thing itself: a notice giving none lacks it
    (mixed-l's "Is there a phone number for the Zhanjiang … Administration?" is refused)."""
    assert kind in asked_kinds(question)


@pytest.mark.parametrize(("question", "asks_a_number"), [
    ("What hotline work is planned in the city?", False),
    ("What does the city plan to integrate its hotline services with?", False),
    ("Can parents apply for the childcare allowance by phone?", False),
    ("What is the hotline service number for the subsidy?", True),
    ("What is the phone number of the Municipal Health Commission?", True),
    ("Does the training session have a hotline for project units?", True),
    ("Can companies phone the bureau to apply for its fund?", True),
])
def test_a_phone_word_modifying_another_noun_asks_no_number(question: str,
                                                            asks_a_number: bool) -> None:
    """Regression (enpara38, start37 probes: "What does Guangzhou plan to integrate its hotline
    services with?", "What hotline work is planned …?", "… apply … by phone?" refused as stating
    no phone number): a phone word modifying the noun asked of ("hotline services", by spaCy's
    parse) or naming a way ("by phone") asks no number; "hotline service number" still does."""
    assert (Kind.PHONE in asked_kinds(question)) is asks_a_number


def test_a_question_on_hotline_services_is_answered_from_a_stored_text(tmp_path: Path) -> None:
    """Regression (enpara38): the sentence saying what the hotline services are integrated with
    answers, though it states no telephone number; a number asked of the same text is refused."""
    plan = ("Digital Government Plan of Example City (2025-2026)\n\n"
            "1. Improve the quality of government services. Explore the deep integration of "
            "hotline services and government models, fully activating the value of hotline data. "
            "Extend the one-department-one-system policy at the grassroots level.\n\n"
            "2. Promote smart education infrastructure in all schools by the end of 2026.\n")
    with serve_texts(tmp_path, {"example-2025-digital-government": plan}) as client:
        found = asked(client, "What does Example City plan to integrate its hotline services with?")
        assert found["refused"] is False and "government models" in str(found["answer"])
        number = asked(client, "What is the hotline number of Example City's plan?")
        assert number["refused"] is True

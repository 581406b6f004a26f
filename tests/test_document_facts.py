"""Facts a document states about itself (ingest.document_facts), one layout at a time."""

from __future__ import annotations

from ingest.document_facts import document_facts, language_of


def test_document_numbers_in_both_bracket_forms_and_the_announcement_form() -> None:
    for written, number in (
        ("扬府发〔2020〕37号", "扬府发〔2020〕37号"),
        ("扬府发[2020]37号", "扬府发[2020]37号"),
        ("财政部公告2020年第8号", "财政部公告2020年第8号"),
    ):
        facts = document_facts(f"关于做好防疫物资保障工作的通知\n{written}\n各区：\n现通知如下。")
        assert facts["doc_number"] == number
        assert facts["year"] == 2020  # from the number when the text has no date


def test_a_signature_wrapped_over_two_lines_and_a_date_in_chinese_numerals() -> None:
    text = (
        "扬州市应对疫情工作领导小组指挥部关于延长复工时间的通知\n各单位：\n复工时间延至二月十日。\n"
        "扬州市应对疫情工作\n领导小组指挥部\n二〇二〇年二月四日"
    )
    facts = document_facts(text)
    assert facts["issuer"] == "扬州市应对疫情工作领导小组指挥部"
    assert facts["published"] == "2020-02-04"


def test_several_issuers_sign_together_and_head_the_title() -> None:
    text = (
        "财政部 海关总署关于防疫物资进口免税的公告\n为支持疫情防控，现公告如下。\n"
        "一、捐赠的防疫物资免征进口关税。\n财政部 海关总署\n2020年2月1日"
    )
    facts = document_facts(text)
    assert facts["title"] == "财政部 海关总署关于防疫物资进口免税的公告"
    assert facts["issuer"] == "财政部 海关总署"


def test_a_contact_line_before_the_signature_names_no_issuer() -> None:
    """Regression (round 31, zhcity32's 郴州 notice): the contact line's "（…市场科）" after its
    colon was read as a third organ signing, "0735-2886510（市住房和城乡建设局房地产市场科"."""
    text = ("郴州市住房和城乡建设局 郴州市财政局关于支持购房的通知\n各县市区：\n一、发放补贴。\n"
            "咨询电话：0735-2886510（市住房和城乡建设局房地产市场科）\n\n"
            "郴州市住房和城乡建设局\u3000\u3000郴州市财政局\n2026年4月18日")
    facts = document_facts(text)
    assert facts["issuer"] == "郴州市住房和城乡建设局 郴州市财政局"
    assert facts["published"] == "2026-04-18"


def test_a_page_repeating_its_title_after_the_organ_names_the_organ() -> None:
    """Regression (realzh-dev): 海淀区's notice, laid out as title, organ, title again, was read
    with no issuer; it was placed by its title's 北京市 and so left out of 海淀 questions."""
    title = "关于印发本区落实北京市促防疫稳增长政策若干措施的通知"
    text = (f"{title} 北京市海淀区人民政府 {title} 各镇政府、街道办事处： "
            "经区政府研究同意，现将措施印发给你们。对承租区属国有企业房产的企业减免房租。")
    facts = document_facts(text)
    assert facts["title"] == title
    assert facts["issuer"] == "北京市海淀区人民政府"


def test_a_news_report_gets_its_headline_and_no_invented_issuer() -> None:
    text = (
        "扬州公交全面恢复运营 记者2月16日从市交通局获悉，全市公交线路将于2020年3月1日前全部恢复。"
        "乘客须佩戴口罩。（记者 王明）"
    )
    facts = document_facts(text)
    assert facts["title"] == "扬州公交全面恢复运营"
    assert "issuer" not in facts and "published" not in facts  # a date it mentions is not its own


def test_an_english_notice_states_title_issuer_and_date() -> None:
    text = (
        "Riverton Clean Air Plan 2024\n"
        "Issued by the Riverton Environmental Protection Bureau on 12 March 2024.\n"
        "The city will replace 400 diesel buses by 2026."
    )
    facts = document_facts(text)
    assert facts["title"] == "Riverton Clean Air Plan 2024"
    assert facts["issuer"] == "Riverton Environmental Protection Bureau"
    assert (facts["published"], facts["year"], facts["language"]) == ("2024-03-12", 2024, "en")


def test_language_is_read_from_the_script() -> None:
    assert language_of("对承租国有房产的企业免收房租（SME）。") == "zh"
    assert language_of("Rent is waived for SMEs in 泰州 until March.") == "en"
    assert language_of("2020-02-04 12:00") is None


def test_an_english_notice_headed_and_signed_by_its_organ() -> None:
    text = (
        "Riverton Municipal Bureau of Transport\nMeasures for Night Bus Services\n"
        "Night buses run every 20 minutes from 1 July 2024.\n"
        "Riverton Municipal Bureau of Transport\n3 June 2024"
    )
    facts = document_facts(text)
    assert facts["title"] == "Measures for Night Bus Services"
    assert facts["issuer"] == "Riverton Municipal Bureau of Transport"
    assert facts["published"] == "2024-06-03"  # the signature's date, not the one it mentions


def test_an_english_rendering_keeps_its_document_number_and_a_listed_bureau_name() -> None:
    """Regression: an English notice's number line ("Lin Zheng Ban Fa [2025] No. 14") was not
    read, and an issuer named as a list ("Bureau of Culture, Radio, Television and Tourism")
    was cut at its first comma."""
    text = (
        "Weihai Measures to Promote Marine Tourism\n\nWei Zheng Ban Fa [2025] No. 3\n\n"
        "Issued by the Weihai Municipal Bureau of Culture, Radio, Television and Tourism on "
        "2 April 2025.\n\n(1) Each new cruise route receives 1 million yuan."
    )
    facts = document_facts(text)
    assert facts["doc_number"] == "Wei Zheng Ban Fa [2025] No. 3"
    assert facts["issuer"] == "Weihai Municipal Bureau of Culture, Radio, Television and Tourism"
    signed = "Weihai Plan\nIssued by the Weihai Finance Bureau, 2 April 2025.\nThe city pays."
    assert document_facts(signed)["issuer"] == "Weihai Finance Bureau"  # a date ends it
    assert "doc_number" not in document_facts(
        "Weihai Plan\nThe Weihai Finance Bureau [2025] No. 3 rules apply.")  # not a line of its own


def test_an_english_number_line_with_its_label_is_read() -> None:
    """Regression (round 45, enfr46's sort): a number line labelled "Document No.: Guo Zheng Fa
    [2026] No. 11" stored no number, so "what document number does it carry" was refused."""
    text = ("Weihai Measures on Harbour Cranes\nIssued by the Weihai Port Bureau\n"
            "Document No.: Wei Gang Fa [2026] No. 8\nDate: 2 April 2026\n\n1. Each crane gets 5%.")
    assert document_facts(text)["doc_number"] == "Wei Gang Fa [2026] No. 8"
    labelled = text.replace("Document No.:", "File Number")
    assert document_facts(labelled)["doc_number"] == "Wei Gang Fa [2026] No. 8"


def test_a_headline_runs_on_past_its_exclamation() -> None:
    """Regression (realzh-dev): "全是干货！重庆税务十项举措为企业纾困解难" was titled "全是干货",
    its place and topic cut off at the ！ inside the headline; one ending the headline still
    ends it, and a first line with a full stop is a sentence, not a headline."""
    text = "全是干货！重庆税务十项举措为企业纾困解难 今（12）日，记者从新闻发布会上获悉。"
    assert document_facts(text)["title"] == "全是干货！重庆税务十项举措为企业纾困解难"
    assert document_facts("速查看！ 我区预约办税服务指南 疫情就是命令！")["title"] == "速查看"
    assert document_facts("注意！今天停课。明天复课。")["title"] == "注意"

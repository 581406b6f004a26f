"""Forms of the kind a Chinese question asks (issue 22: realzh-dev questions refused though
their notice was found first, or answered with a detail of another kind). The texts are
written by the test.
"""

from __future__ import annotations

import json

from app.answering.chinese_reader import REFUSAL_SUPPORT
from app.answering.question_kinds import Kind, asked_kinds
from app.store.chunk_entities import chunk_entities
from tests.test_chinese_reader import _read_as_stored

# Where a notice publishes something: a column of a website, with its address.
POSTED = ("一、各级公共就业服务机构要开展用工需求摸查，将重点企业的用工需求信息及时在“就业超市”"
          "急聘公告专栏内发布(http://jobs.example.gov.cn/jycs/index)，扩大信息覆盖面。\n"
          "二、经营性人力资源服务机构可在疫情结束后申请一次性就业创业服务补助。\n")


def test_a_web_address_answers_where() -> None:
    """Regression (zhfind11, realzh-dev dev "北京市将重点企业的用工需求信息发布在哪？"):
    a "where" was answered only by a sentence naming a place entity, so the clause giving the
    column and its web address lacked the kind asked and the question was refused
    (kind_not_stated) though its notice was found first."""
    reading = _read_as_stored(POSTED, "某市将重点企业的用工需求信息发布在哪？")
    assert not reading.answer.lacking and reading.answer.support >= REFUSAL_SUPPORT
    assert "http://jobs.example.gov.cn" in reading.answer.sentence.text


def test_a_sentence_with_neither_place_nor_web_address_still_lacks_where() -> None:
    text = "一、各级公共就业服务机构要开展用工需求摸查，及时发布重点企业的用工需求信息。\n"
    reading = _read_as_stored(text, "某市将重点企业的用工需求信息发布在哪？")
    assert reading.answer.lacking


# A loan's interest subsidy given as a share of the interest, with no sum.
SUBSIDY = ("（四）给予贷款贴息。对疫情防控重点保障企业新增贷款，按实际支付利息的50%给予贴息，"
           "贴息期限不超过1年。\n")


def test_an_interest_subsidy_asked_how_much_asks_a_sum() -> None:
    """Regression (zhfind11's fresh batch: 烟台's notice gives the subsidy as 50% of the interest
    and no cap, 贵阳's a cap of 20万元 per firm): "单户企业贴息总额最高多少？" was read as asking
    any figure, so the share answered a question about the largest sum a firm may get."""
    assert Kind.MONEY in asked_kinds("某市对中小企业新增贷款贴息，单户企业贴息总额最高多少？")
    assert Kind.MONEY not in asked_kinds("某市对中小企业新增贷款给予多少比例的贴息？")
    reading = _read_as_stored(SUBSIDY, "某市对中小企业新增贷款贴息，单户企业贴息总额最高多少？")
    assert reading.answer.lacking


# Forms of the kind asked the entities ingest stores do not label as such (zhcite12's fresh batch).
DUE = "（二）降低用能成本。对中小企业所需的用电、用水实行“欠费不停供”，疫情结束后3个月内补缴。\n"
SHARED = "（二）市财政局负责落实补贴资金，市级财政与区县财政按5:5比例分担。\n"


def test_a_span_after_an_event_answers_when() -> None:
    """Regression (zhcite12, "山东烟台中小企业用电用气用水欠费的，什么时候补缴？" refused,
    kind_not_stated): ingest labels 3个月 a span of time (how long), so "疫情结束后3个月内" held no
    date and the clause saying when the arrears are due lacked the kind a "when" asks."""
    reading = _read_as_stored(DUE, "某市中小企业用电用水欠费的，什么时候补缴？")
    assert not reading.answer.lacking and "疫情结束后3个月内补缴" in reading.answer.sentence.text
    # A span from no event tells no time: "3年内" alone is how long, not when.
    assert _read_as_stored("（一）全市计划3年内完成老旧小区改造。\n",
                           "某市什么时候完成老旧小区改造？").answer.lacking


def test_a_ratio_answers_what_proportion() -> None:
    """Regression (zhcite12, "自贡市级财政与区县财政按什么比例分担助餐补贴资金？" refused,
    kind_not_stated): a ratio of parts (5:5) is no percent NER labels, yet it is the share asked."""
    reading = _read_as_stored(SHARED, "某市市级财政与区县财政按什么比例分担补贴资金？")
    assert not reading.answer.lacking and "5:5" in reading.answer.sentence.text
    # Its clause is quoted, not the next sentence, though the question restates the rest of it.
    reading = _read_as_stored("第九条 本措施所需资金由市、县两级财政按6:4比例分担。"
                              "本措施自印发之日起施行。\n", "本措施的资金由市县按什么比例分担？")
    assert "6:4" in reading.answer.sentence.text
    assert _read_as_stored("（一）夜市经营时间为18:00至次日2:00。\n",
                           "某市夜市收入按什么比例分成？").answer.lacking


def test_an_english_fraction_of_a_whole_is_a_share() -> None:
    """Regression (issue 23, h27 Yangzhou: "Of the neighbours who vote …, what share has to
    agree …?" refused): NER reads "three quarters of the owners" as a cardinal, so the clause
    giving the share held no percent and lacked the kind "what share" asks."""
    text = ("The installation must be approved by at least three quarters of the owners taking "
            "part in the vote; one-third of the cost is paid by the district in its third phase.")
    entities = chunk_entities("[]", text)[0]
    assert {text[e[0]:e[1]] for e in entities if e[2] == "PERCENT"} == {"three quarters",
                                                                       "one-third"}


def test_a_time_of_day_asked_by_its_hour_is_a_time_not_a_count() -> None:
    """Regression (zhread14's fresh batch and the cities probes: "…几点办公？", "…延长到几点？"):
    几点 was read as a count (几 + a noun), so "早8:30至17:00" and "至23时", dates and times
    to NER, lacked the kind asked and the questions were refused (kind_not_stated). 几点 before a
    noun of points made ("几点意见") still counts."""
    assert asked_kinds("某市车管窗口周一至周五几点办公？") == {Kind.DATE}
    assert asked_kinds("会议提出了几点意见？") == {Kind.COUNT}
    text = ("一、全市车管窗口正常对外办公。\n二、办公时间统一调整为：周一至周五，早8:30至17:00。"
            "周六、日暂停对外办公。\n")
    reading = _read_as_stored(text, "某市车管窗口周一至周五几点办公？")
    assert not reading.answer.lacking and reading.answer.support >= REFUSAL_SUPPORT
    assert "8:30至17:00" in reading.answer.sentence.text


def test_a_time_limit_asked_how_much_is_a_span_of_time() -> None:
    """Regression (the cities probes: "…投诉处理时限是多少？" of "…投诉处理时限不超过24小时。"): a
    limit's 多少 asked a count, which "24小时" (a time to NER) is not, so it was refused."""
    assert asked_kinds("某市旅游投诉处理时限是多少？") == {Kind.DURATION}
    text = "三、加强市场监管。对违法行为依法从严查处，投诉处理时限不超过24小时。\n"
    reading = _read_as_stored(text, "某市旅游投诉处理时限是多少？")
    assert not reading.answer.lacking and "24小时" in reading.answer.sentence.text


def test_a_body_one_is_sent_to_answers_where() -> None:
    """Regression (the cities probes: "…申请人向哪里提交申请？" of "申请人向所在街道办事处提交
    申请"): a "where" needed a place entity, so the office one applies to (an organisation to NER,
    after the locative 向) lacked the kind asked. A body named in another role still lacks it."""
    text = "二、申请人向所在街道办事处提交申请，街道办事处应当在10个工作日内完成公示。\n"
    reading = _read_as_stored(text, "某市加装电梯的申请人向哪里提交申请？")
    assert not reading.answer.lacking and "街道办事处" in reading.answer.sentence.text
    other = _read_as_stored("二、由市住房和城乡建设局牵头推进既有住宅加装电梯工作。\n",
                            "某市加装电梯的申请人向哪里提交申请？")
    assert other.answer.lacking


def test_a_share_per_mille_is_a_share() -> None:
    """Regression (the cities probes: "…转贷费率是多少？" of "转贷费率按日0.1‰收取"): NER read
    "0.1" without its per-mille sign, a plain number, so the rate asked was lacking."""
    reading = _read_as_stored("（四）设立5亿元应急转贷资金，转贷费率按日0.1‰收取。\n",
                              "某市应急转贷资金的转贷费率是多少？")
    assert not reading.answer.lacking and "0.1‰" in reading.answer.sentence.text


def test_a_when_asked_of_a_report_of_sums_asks_no_sum() -> None:
    """Regression (zhread14's fresh batch: "…每月什么时候报送…补助的人员数和金额？"): the sums
    the question names as what is reported (补助…金额) made it ask a sum beside its "when", so the
    sentence giving the day ("于每月10日报送") lacked a sum and the question was refused."""
    question = "某省每月什么时候报送临时性工作补助的人员数和金额？"
    assert asked_kinds(question) == {Kind.DATE}
    text = "三、由各省级卫生健康部门统计汇总，将人员数和补助金额于每月10日报送国家卫生健康委。\n"
    reading = _read_as_stored(text, question)
    assert not reading.answer.lacking and "每月10日" in reading.answer.sentence.text


def test_until_a_span_after_an_event_tells_when() -> None:
    """Regression (the cities probes: "…有效期到什么时候？" of "有效期至疫情结束后3个月。"): a date
    given as a span after an event counted only with 内 or 前 after it, so "until three months
    after" lacked a date and the question was refused."""
    text = "四、本政策意见自印发之日起施行，有效期至疫情结束后3个月。\n"
    reading = _read_as_stored(text, "某市的政策意见有效期到什么时候？")
    assert not reading.answer.lacking and "疫情结束后3个月" in reading.answer.sentence.text


def test_a_contact_noun_before_the_asking_clause_is_no_kind_asked() -> None:
    """Bug (round 27, cities "黑河暖气不热打电话报修，多长时间有人上门？", "在十堰给家庭医生打电话
    问问题，最晚多久能回我？"): 电话 in the clause saying how one goes about it made a phone number
    asked too, so the sentence giving "2小时内" lacked a kind and the right one was refused; a
    question asking the number in its own clause still asks it."""
    assert asked_kinds("暖气不热打电话报修，多长时间有人上门？") == {Kind.DURATION}
    assert Kind.PHONE in asked_kinds("暖气不热，报修电话是多少？")
    text = ("三、供热服务\n室温低于标准的，用户可以向供热企业报修，"
            "供热企业应当在接到报修后2小时内上门检测。\n")
    reading = _read_as_stored(text, "暖气不热打电话报修，多长时间有人上门？")
    assert not reading.answer.lacking and "2小时内" in reading.answer.sentence.text


def test_a_time_before_a_period_or_a_day_named_by_its_event_answers_when() -> None:
    """Bug (round 27, cities "常德农村公路桥梁每年什么时候完成全面排查？"): "每年汛期前" states a
    when, as "自印发之日起" does, but neither holds a date entity, so it was refused
    (kind_not_stated); a sentence naming no time still lacks one."""
    question = "农村公路桥梁每年什么时候完成全面排查？"
    reading = _read_as_stored("二、建立桥梁档案，每年汛期前完成一次全面排查。\n", question)
    assert not reading.answer.lacking and "汛期前" in reading.answer.sentence.text
    reading = _read_as_stored("三、本通知自印发之日起施行。\n", "这个通知什么时候开始施行？")
    assert not reading.answer.lacking
    reading = _read_as_stored("二、建立桥梁档案，定期完成全面排查。\n", question)
    assert reading.answer.lacking


def test_the_name_of_a_role_one_person_holds_asks_a_person() -> None:
    """Regression (enrefuse31, cities probe firm8 "What is the name of the deputy mayor who chairs
    Qingdao's joint meeting …?", main probe "… the name of the director of the Haizhu … Bureau"):
    asking no kind, they were answered by the sentence naming the role ("chaired by a deputy
    mayor"). A role whose Chinese rendering is an agent noun (副市长, 主任) asks a person; a
    thing's name or a body's role asks none."""
    assert asked_kinds("What is the name of the deputy mayor who chairs Qingdao's joint "
                       "meeting on the marine data industry?") == {Kind.PERSON}
    assert asked_kinds("What is the name of the director of the Haizhu AI Development "
                       "Bureau?") == {Kind.PERSON}
    assert Kind.PERSON not in asked_kinds("What is the name of the platform Shenzhen relies on "
                                          "to match AI supply with demand?")
    assert Kind.PERSON not in asked_kinds("What is the name of the operator of the centre?")


def test_words_misread_as_a_number_are_no_count() -> None:
    """Regression (enrefuse31, cities probe w "How many cross-border e-commerce enterprises are
    registered in Linyi?"): spaCy read "up to" of "up to 1 million yuan per enterprise" as a
    number, so the sentence held the count asked and answered. Words before a figure NER left
    untagged ("no more than" of "no more than 14 guest rooms") still stand for it."""
    text = "Up to 1 million yuan per enterprise, for 14 firms and no more than 9 rooms."
    spans = [("Up to", "NUMBER"), ("1 million yuan", "MONEY"), ("14", "NUMBER"),
             ("no more than", "NUMBER")]
    raw = json.dumps([[text.index(s), text.index(s) + len(s), label] for s, label in spans])
    assert [text[e[0]:e[1]] for e in chunk_entities(raw, text)[0] if e[2] == "NUMBER"] == [
        "14", "no more than"]

"""A Chinese "where" stated by a locative coverb's object, which NER does not tag (issue 22).

Regression (round 32, rzrefuse33): real askers' "武汉疑似的发热病人要安排在哪里？", "…确诊轻症患者
要在哪里治疗？" and "…海关验放地点前置于什么地方？" were refused with their notice ranked first: the
sentence answering each ("留在发热门诊", "在方舱医院集中隔离治疗", "前置于停机坪") holds no place
Baidu LAC tags (it tags named places: 武汉, not a clinic or an apron), so it was read as lacking
the place asked and kept a quarter of its support. A place after the coverb the question asks
where after is a where; of the thing asked about only (a tenant's 住房 is not a 房源's 小区).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.answering.chinese_reader import REFUSAL_SUPPORT
from app.chinese_words import locates

NOTICE = (
    "某市新冠肺炎患者分类收治工作方案\n"
    "一、分类收治。确诊重症患者要集中到定点医院救治，确诊轻症患者要在方舱医院集中隔离治疗。\n"
    "二、疑似的发热病人，留在发热门诊留滞观察，由所在医院负责每日报告。\n"
    "三、在疫情防控期间，各医院要每日报告收治人数。\n"
    "四、承租人无正当理由连续6个月以上未在公共租赁住房居住的，收回所承租的住房。\n"
    "某市卫生健康委员会\n2020年2月10日\n"
)


def _read(question: str, notice: str = NOTICE) -> Any:
    """``read_chinese`` over ``notice`` as one passage, with the entities ingest stores."""
    from app.answering.chinese_reader import read_chinese
    from app.answering.citations import Sentence
    from app.store.records import Chunk
    from app.text import sentence_spans
    from ingest.entities import entities_of

    (found,) = entities_of([notice])
    chunk = Chunk("plan::0000", "plan", notice, 0, len(notice), {
        "language": "zh", "title": "", "entities": json.dumps([list(e) for e in found])})
    reading = read_chinese(question, [Sentence(chunk, a, b, notice[a:b], 0)
                                      for a, b in sentence_spans(notice)])
    assert reading is not None
    return reading


@pytest.mark.parametrize(("question", "place"), [
    ("某市确诊轻症患者要在哪里治疗？", "方舱医院"),
    ("某市疑似的发热病人要安排在哪里？", "发热门诊"),
])
def test_a_facility_after_the_coverb_asked_answers_where(question: str, place: str) -> None:
    reading = _read(question)
    assert not reading.answer.lacking
    assert reading.answer.support >= REFUSAL_SUPPORT
    assert place in reading.answer.sentence.text


def test_a_place_of_another_thing_or_a_time_says_no_where() -> None:
    """The tenant's housing is where a tenant lives, not where the 房源 are; 在…期间 is when."""
    assert not locates("承租人无正当理由连续6个月以上未在公共租赁住房居住的，收回所承租的住房。",
                       "某市公租房的房源在哪个小区？")
    assert not locates("在疫情防控期间，各医院要每日报告收治人数。", "某市医院在哪里报告？")
    assert not locates("在此基础上再给予奖励。", "某市奖励在哪里领？")
    assert locates("将机场海关验放地点前置于停机坪，全天候轮班上岗。",
                   "海关验放地点前置于什么地方？")


WATER = (
    "某市居民阶梯水价实施办法\n"
    "一、阶梯水量以户籍人口4人及以下的家庭为基数。\n"
    "二、户籍人口超过4人的家庭，每增加1人，各阶梯年用水量基数相应增加45立方米。"
    "居民凭户口簿到供水企业营业厅申请核增。\n"
    "三、核增后的水量自次月起执行。\n"
)


def test_going_where_is_answered_by_any_coverb_of_going() -> None:
    """Regression (round 36, zhkind37): "永州家里添了人口去哪里申请多加水量？" was refused as
    lacking the place asked: its coverb 去 was no coverb of where, and the notice's
    "到供水企业营业厅申请核增" says where with 到. A bare 去 or 到 asks where the asker goes; any
    coverb of going answers it, of whatever thing (人口 is what was added, not what goes)."""
    assert locates("居民凭户口簿到供水企业营业厅申请核增。", "某市家里添了人口去哪里申请多加水量？")
    reading = _read("某市家里添了人口去哪里申请多加水量？", WATER)
    assert not reading.answer.lacking
    assert "营业厅" in reading.answer.sentence.text


def test_sending_where_keeps_its_coverb_and_thing() -> None:
    """Money sent somewhere (钱打到哪儿) is not answered by where one goes to apply: a sentence
    must speak of the money, with the question's own coverb."""
    assert not locates("也可到托育机构所在地的乡镇（街道）卫生健康办现场申请。",
                       "某市托育补贴钱打到哪儿？")


def test_until_is_no_where() -> None:
    """Regression (round 36, zhkind37, rzrepo-tune): "…健康申报证明去哪里办理？" was answered off
    another notice's "至新冠肺炎疫情解除为止" once 至 answered a going: 至…为止 ends a span of
    time and names no place."""
    assert not locates("（十）健康申报证明从2月17日开始办理，至新冠肺炎疫情解除为止。",
                       "四川外出务工人员健康申报证明去哪里办理？")


SITES = (
    "某县集中隔离点设置工作方案\n"
    "一、县指挥部临时征用县体育馆作为集中隔离点，征用期间按规定给予补偿。\n"
    "二、发现可疑病例的单位，应当立即向附近的社区卫生服务中心报告。\n"
    "三、隔离点每日消毒两次。\n"
)


def test_the_verb_before_where_is_restated_before_its_place() -> None:
    """Regression (round 47, rzfresh48): "…正在紧急征用哪里作为应急后备定点收治医院?" was refused
    with its notice first, and "…应该向哪里报告？" answered by another sentence: Chinese leaves the
    where in the answer's place, after the word the answer restates, a verb (征用) as well as a
    coverb (向), and a localizer before 的 (附近的机构) modifies the place, framing no time. The
    verb's object is where; the verb framing a time (征用期间) says none."""
    assert locates("县指挥部临时征用县体育馆作为集中隔离点。", "某县临时征用哪里作为集中隔离点？")
    assert not locates("征用期间按规定给予补偿。", "某县征用哪里给予补偿？")
    assert locates("发现可疑病例的单位，应当立即向附近的社区卫生服务中心报告。",
                   "某县发现可疑病例应该向哪里报告？")
    assert not locates("在附近期间报告。", "某县发现可疑病例应该在哪里报告？")
    for question, place in (("某县临时征用哪里作为集中隔离点？", "县体育馆"),
                            ("某县发现可疑病例的单位应该向哪里报告？", "社区卫生服务中心")):
        reading = _read(question, SITES)
        assert not reading.answer.lacking
        assert place in reading.answer.sentence.text

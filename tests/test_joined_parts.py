"""Parts whose details one sentence states are quoted once (issue 22, round 40).

Regression (realzh-rzeach41): "…由谁汇总用地批准清单，由谁核销计划指标？" was answered in two
quotes, its first part's clause ("疫情结束后由省级…汇总形成项目用地批准清单 [1]") and then the
whole sentence again for the second ([2]); "…排查员工哪些情况，员工体温多久测一次？" the same,
its second quote running on past what was asked ("…，省外返岗人员必须…才能上岗"); the two
fields of one line ("邮寄地址：…； 热线电话：…") were two bare values. The documents and
sentences are the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import Answer, AnswerPart, AskRequest, Citation
from app.services import Services
from app.services.joined import joined_quotes
from tests.support.served import services_over

NOTICE = """临夏市社区食堂复工管理办法
临政办发〔2026〕7号
一、复工条件
1.社区食堂复工前应当完成全面清洁消毒，并向所在街道报备。
2.复工后，每日营业前由食堂负责人检查从业人员健康状况，每周由街道卫生站抽检餐具消毒记录，检查结果应当在食堂门口公示。
二、供应保障
3.市商务局负责协调食材供应，市场监管局负责食品安全检查。
4.运营补助指标不足的，年底由区财政局汇总形成补助清单，由市财政局统一核销补助资金。
临夏市人民政府办公室
2026年3月2日
"""


def _answered(text: str, quotes: list[str], asked: list[str]) -> Answer:
    cited = [Citation(n=n, doc_id="d", title="t", quote=q, start=text.index(q),
                      end=text.index(q) + len(q), score=0.5) for n, q in enumerate(quotes, 1)]
    said = [f"{q} [{n}]" for n, q in enumerate(quotes, 1)]
    return Answer(answer="\n\n".join(said), mode="extractive", citations=cited, parts=[
        AnswerPart(question=q, answer=a, citations=[n])
        for n, (q, a) in enumerate(zip(asked, said, strict=True), 1)])


def test_a_quote_holding_the_other_parts_clause_is_one_quote_to_its_own_clause() -> None:
    """The second part quoted the whole sentence, which holds the first part's clause and runs
    on past its own: one quote from the first clause to the clause saying the second part's
    words, one citation both parts point to."""
    text = ("一、检查要求。企业每天对员工体温进行监测，每周对车间消毒两次，外地返岗人员应当隔离观察"
            "14天后上岗。二、其他。")
    one = joined_quotes(_answered(text, [
        "企业每天对员工体温进行监测",
        "企业每天对员工体温进行监测，每周对车间消毒两次，外地返岗人员应当隔离观察14天后上岗。"],
        ["员工体温多久监测一次？", "车间多久消毒一次？"]), lambda _: text)
    assert one is not None and one.answer == "企业每天对员工体温进行监测，每周对车间消毒两次 [1]"
    assert [p.citations for p in one.parts] == [[1], [1]] and len(one.citations) == 1


def test_a_quote_run_on_into_the_next_sentence_stops_where_they_meet() -> None:
    text = "各地不以检测结果为唯一标准，病例均要规范治疗，直至痊愈出院。要做好随访。"
    one = joined_quotes(_answered(text, ["病例均要规范治疗，直至痊愈出院。要做好随访。",
                                         "各地不以检测结果为唯一标准，病例均要规范治疗，直至痊愈出院。"],
                                  ["以什么为标准？", "治疗到什么程度？"]), lambda _: text)
    assert one is not None and [c.quote for c in one.citations] == [
        "各地不以检测结果为唯一标准，病例均要规范治疗，直至痊愈出院。"]


def test_two_fields_of_one_line_are_one_quote_but_not_two_sentences() -> None:
    """Between two quotes may stand a clause's closing mark and a field's label, not a sentence
    (one quote closing its own sentence, the next opening the one after it, are neighbours)."""
    text = "投诉方式如下： 邮寄地址：临夏市红园路8号； 热线电话：12345。 另设信箱。"
    one = joined_quotes(_answered(text, ["临夏市红园路8号", "12345。"],
                                  ["邮寄地址是什么？", "热线电话是什么？"]), lambda _: text)
    assert one is not None and one.answer == "临夏市红园路8号； 热线电话：12345。 [1]"
    two = joined_quotes(_answered(text, ["临夏市红园路8号", "另设信箱。"],
                                  ["邮寄地址是什么？", "还有什么？"]), lambda _: text)
    assert two is not None and len(two.citations) == 2


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    texts = {"linxia-2026-社区食堂": NOTICE}
    with services_over(tmp_path_factory.mktemp("joined"), texts) as built:
        yield built


def test_two_parts_stated_by_one_sentence_are_quoted_once(services: Services) -> None:
    answer = services.ask(AskRequest(
        question="临夏社区食堂运营补助指标不足的，年底由谁汇总补助清单，由谁核销补助资金？",
        mode="extractive"))
    assert len(answer.parts) == 2 and not answer.refused
    assert len(answer.citations) == 1 and [p.citations for p in answer.parts] == [[1], [1]]
    quote = answer.citations[0].quote
    assert "由区财政局汇总形成补助清单" in quote and "由市财政局统一核销补助资金" in quote
    assert answer.answer == f"{quote} [1]"

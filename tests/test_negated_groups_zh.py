"""A group the question negates that the quoted sentence names un-negated (issues 22/23, round 34):
asked what 非集中供热 households, 非住宅 users or 非本市户籍 elders get, a well-supported Chinese
sentence stating the figure of 集中供热, 住宅 or 本市户籍 was quoted, because a group was read from
a modifier and its noun alone and the sentence named the noun; and asked what 公办养老机构 get,
the figure of 家庭养老床位 was quoted: an adjective was read as a group's only right before its
noun, not past a verbal noun (公办 养老 机构)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.negation import negation_dropped
from app.retrieval.modifiers_zh import modified_nouns
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市城区居民供热保障和高龄津贴实施细则\n"
    "一、集中供热住宅用户采暖费按建筑面积计收，标准为每平方米每采暖季22元。\n"
    "二、集中供热区域内的城市低保户，采暖费补贴按每户每采暖季800元的标准发放。\n"
    "三、对具有本市户籍、年满80周岁的老年人发放高龄津贴：80至89周岁每人每月100元。\n"
    "四、单位未按规定分类投放生活垃圾的，由城市管理部门责令改正；拒不改正的，处1000元以上5000元以下罚款。"
    "个人拒不改正的，处50元以上200元以下罚款。\n"
    "五、对低保家庭中的失能老年人建设家庭养老床位的，按每张床位3000元的标准给予一次性建设补贴。\n"
    "六、民办养老机构新增护理型床位的，由市财政按每张床位5000元给予一次性建设补贴。\n"
    "某市人民政府\n2026年9月22日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-negated"), {"notice": NOTICE}) as served:
        yield served


def test_a_negated_group_is_read_from_the_negator_and_a_relative_clause() -> None:
    """Regression (batch zhgroup35): 非 makes a kind (非住宅 users against 住宅 users) and 未 a
    group in a 的-phrase (未评估为失能的 elders); a negated act (不分类投放, fined) names no group,
    and a text negating the word too (非本市户籍 said) names the question's group."""
    assert negation_dropped("非住宅用户每平方米收多少？", "集中供热住宅用户每平方米22元。")
    assert negation_dropped("未评估为失能的低保老人补多少？", "经评估为失能的老年人每月300元。")
    assert not negation_dropped("个人不分类投放罚多少？", "完善分类投放设施。个人罚50元。")
    assert not negation_dropped("非本市户籍老人补多少？", "本市户籍补100元，非本市户籍补50元。")


def test_a_figure_of_the_group_a_question_negates_is_refused(client: TestClient) -> None:
    """Regression (batch zhgroup35): asked of 非住宅, 非集中供热 or 非本市户籍, the figure of the
    plain group was quoted; the plain groups and a negated act are still answered."""
    for question in ("某市非住宅用户集中供热每平方米收多少采暖费？",
                     "某市非集中供热区域的低保户，每户采暖补贴多少钱？",
                     "在某市居住的非本市户籍老人，满80周岁每月有多少高龄津贴？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    for question, fact in (("某市住宅集中供热，采暖费每平方米多少钱？", "22元"),
                           ("某市集中供热区域的低保户每户采暖补贴多少钱？", "800元"),
                           ("某市个人不分类投放垃圾，拒不改正罚多少？", "罚款")):
        # a negated act (不分类投放) is no group: the fine is answered
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)


def test_an_adjective_names_a_group_past_a_verbal_noun(client: TestClient) -> None:
    """Regression (batch zhgroup35): asked of 公办养老机构 (LAC: 公办 a, 养老 vn, 机构 n), the
    家庭养老床位 figure was quoted; 民办养老机构 is still answered. A verbal noun's own modifier
    (居家 养老 服务 补贴: 居家 of 养老) is a noun's, read right before its noun only."""
    assert ("公办", "kind", "机构") in modified_nouns("某市公办养老机构新增床位，每张补贴多少？")
    assert all(noun != "补贴" for _, _, noun in modified_nouns("某市居家养老服务补贴每月多少？"))
    def answer(owner: str) -> dict[str, object]:
        return asked(client, f"某市{owner}养老机构新增护理型床位，每张补贴多少？")
    assert answer("公办")["refused"], answer("公办")["answer"]
    assert "5000元" in str(answer("民办")["answer"]), answer("民办")

"""A sibling by its head in the place of the question's word (issue 22, round 50, unans51): a
Chinese sentence states the figure of 村道 and is asked it of 省道, of 中度、重度 and asked of
轻度. jieba cuts 省道 in two and tags 轻度 an adverb, so neither was a content word the answer's
checks read, and the multilingual model places such siblings as close as synonyms: the figure
was quoted."""

from __future__ import annotations

from pathlib import Path

from app.retrieval.content_words import sibling_stated
from app.retrieval.modifiers_zh import head_siblings_in_place
from tests.support.served import asked, serve_texts

ROADS = ("每公里村道每年落实日常养护经费不低于1000元，每公里乡道不低于3000元，"
         "每公里县道不低于7000元。")


def test_a_sibling_by_its_head_in_the_word_s_place() -> None:
    """Bug (cities must-refuse lines 常德 省道, 来宾 轻度失能, 湘西 大学生): another modifier of
    the same head where the question's word stands was read as the word itself."""
    assert head_siblings_in_place("常德每公里省道每年日常养护经费不低于多少元？", ROADS) == ["省道"]
    assert head_siblings_in_place("来宾轻度失能老年人每月另外增加多少服务补贴？",
                                  "（三）中度、重度失能老年人每月另增加服务补贴100元。") == ["轻度"]
    assert head_siblings_in_place("湘西州大学生凭学生证乘坐公交化线路享受几折优惠？",
                                  "2.中小学生凭学生证享受5折优惠；") == ["大学生"]
    # Said (县道), a per-head unit in the place (每人, 单户), a localizer (以后), a first
    # character shared only (周末, 周六) or one word held by the other (老人, 老年人): none.
    assert head_siblings_in_place("常德每公里县道每年日常养护经费不低于多少元？", ROADS) == []
    assert head_siblings_in_place("滁州失能老人每月护理补贴多少钱？",
                                  "（二）中度失能老年人，每人每月200元。") == []
    assert head_siblings_in_place("岳阳夜经济商户贷款贴息按什么比例给？",
                                  "对单户贷款额度不超过100万元的，按50%给予贴息。") == []
    assert head_siblings_in_place("地铁周末运营延长到几点？", "周六运营延长至24:00。") == []
    # Nor a word of no kind in the place (均须, two adverbs to jieba, for 必须: realzh tune).
    assert head_siblings_in_place("四川的健康申报证明，用工单位必须认吗？",
                                  "各用工单位均须认可省卫生健康委员会印制的健康申报证明。") == []
    # A bound's word is said by any word of its side (至少 by 不少于).
    assert not sibling_stated("衡阳加装电梯的公示期至少多少天？", "公示期不少于7日。", "")


NOTICE = (
    "某市农村公路管理养护提质三年行动方案\n"
    "一、推行专业养护模式，" + ROADS + "\n"
    "二、中度、重度失能老年人在上述标准基础上，每人每月另增加服务补贴100元。\n"
    "某市人民政府\n2026年3月6日\n"
)


def test_a_sibling_s_figure_is_refused_and_the_named_one_answered(tmp_path: Path) -> None:
    """Regression (常德 省道, 来宾 轻度): asked of 省道 or 轻度失能, the notice's 村道 and 重度
    figures were quoted; asked of what it names, it still answers."""
    with serve_texts(tmp_path, {"roads": NOTICE}) as served:
        assert asked(served, "某市每公里省道每年日常养护经费不低于多少元？")["refused"]
        assert asked(served, "某市轻度失能老年人每人每月另增加多少服务补贴？")["refused"]
        body = asked(served, "某市每公里县道每年日常养护经费不低于多少元？")
        assert "7000元" in str(body["answer"]), body

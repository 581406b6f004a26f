"""Another word in the place of the question's (issue 22, round 49, batch unans50): a Chinese
sentence well supported by the question's other words, leaving one of its words unsaid and saying
another word of that word's class where the question puts it (危旧桥梁改造 for 危旧隧道改造,
市政府投资 for 社会投资, 新能源汽车 for 燃油汽车), states another's detail and was quoted."""

from __future__ import annotations

from pathlib import Path

from app.retrieval.modifiers_zh import another_in_place
from tests.support.served import asked, serve_texts


def test_another_word_of_the_class_in_the_unsaid_word_s_place() -> None:
    """Bug (cities must-refuse lines 常德 隧道, 柳州 社会投资, 铜仁 燃油汽车, 张家界 视频监控):
    the answer's check read group modifiers by LAC's modifier classes only, and a noun or
    time word before a shared word, or after a shared verb, passed."""
    assert another_in_place("常德到2027年底实施危旧隧道改造多少座？",
                            "完成农村公路提质改造1800公里，实施危旧桥梁改造120座。", ["隧道"])
    assert another_in_place("柳州新能源汽车在社会投资建设的公共停车场免费停放多久？",
                            "新能源汽车在市政府投资建设的公共停车场首2小时免费停放。", ["社会"])
    assert another_in_place("铜仁燃油汽车在公共停车场首次停放几小时内免费？",
                            "新能源汽车在公共停车场停放的，首次停放2小时内免费。", ["燃油"])
    # Not the noun a question word asks of (比例是多少), nor a verb (the asker's act), nor a
    # word jieba cuts across LAC's words (内能 of 多少天内能申请), nor a word the text says.
    assert not another_in_place("烟台对重点企业新增贷款贴息比例是多少？",
                                "按实际支付利息的50%给予贴息，贴息期限不超过1年。", ["比例"])
    assert not another_in_place("张掖老人在助餐点吃饭每餐补贴多少？",
                                "80周岁及以上老年人每餐补贴3元。", ["吃饭"])
    assert not another_in_place("邯郸医保交错钱了，多少天内能申请退？",
                                "可在缴费之日起30日内向税务部门申请退费。", ["内能"])
    assert not another_in_place("常德到2027年底实施危旧桥梁改造多少座？",
                                "完成农村公路提质改造1800公里，实施危旧桥梁改造120座。", [])


NOTICE = (
    "某市农村公路提质改造三年行动方案\n"
    "一、到2027年底，全市完成农村公路提质改造1800公里，实施危旧桥梁改造120座。\n"
    "二、新能源汽车在市政府投资建设的公共停车场首2小时免费停放。\n"
    "某市人民政府\n2026年3月6日\n"
)


def test_another_s_detail_is_refused_and_the_named_one_answered(tmp_path: Path) -> None:
    """Regression (常德 隧道, 柳州 社会投资): asked of 隧道 or 社会投资, the notice's 桥梁 and
    市政府投资 figures were quoted; asked of what it names, it still answers."""
    with serve_texts(tmp_path, {"roads": NOTICE}) as served:
        assert asked(served, "某市到2027年底实施危旧隧道改造多少座？")["refused"]
        body = asked(served, "某市到2027年底实施危旧桥梁改造多少座？")
        assert "120座" in str(body["answer"]), body

"""The extent of a Chinese quote (issue 22, item 4): where a flattened page's pieces begin, and
which restated clauses stay with the clause that answers. The texts are written by the test.
"""

from __future__ import annotations

from tests.test_chinese_reader import _read_as_stored

# A news page flattened into one line: headline, dateline with the reporter's credit, body.
TIANJIN = ("即卸即处理！某市优先焚烧定点医院等处垃圾 新华社某市2月16日电（记者 张晓明）目前，"
           "某市城市管理委员会为定点生活垃圾焚烧厂开设绿色通道，开辟专用卸料口，优先焚烧。"
           "全市生活垃圾全部得到无害化处理，做到了日产日清。\n")


def test_a_reporters_credit_is_not_cut_inside_its_brackets() -> None:
    """Regression (zhspan9b, realzh-dev dev): the space inside "（记者 栗雅婷）" was read as a
    layout gap, so six answers began "栗雅婷）目前，…"; the dateline and credit are the page's
    own words and no part of an answer."""
    reading = _read_as_stored(TIANJIN, "某市城市管理委员会为定点生活垃圾焚烧厂采取了什么措施？")
    quote = reading.answer.sentence.text
    assert "开设绿色通道" in quote, quote
    assert "）" not in quote and "张晓明" not in quote and "新华社" not in quote, quote


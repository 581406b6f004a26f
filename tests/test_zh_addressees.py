"""A notice directing "各地" is asked one question, not a question across documents (issue 22).

Regression: "年初卫生防疫经费预算安排不足的，国家要求各地财政怎么办？" and "省委…的意见要求
各地根据什么建立…清单？" were answered as comparisons across places, quoting English plans of
Shenzhen and Haizhu about artificial intelligence, though the Chinese notice that answers ranked
first: "各地" after a verb (要求各地) or a preposition (对各地) is whom the notice directs, not a
request for each locality's answer ("各地有什么不同"). Read with jieba's real tagger.
"""

from __future__ import annotations

import pytest

from app.briefing.across import asks_across


@pytest.mark.parametrize(("question", "across"), [
    ("国家要求各地财政怎么办？", False),
    ("督促各地落实什么？", False),
    ("内蒙古对各地县级医院提出了哪些要求？", False),
    ("各地有什么不同的复工政策？", True),
    ("复工期间各地要怎样分类施策？", True),
    ("各地分别怎么做？", True),  # 分别 asks each one's answer wherever 各地 stands
    ("比较各市的复工政策", True),
])
def test_a_locality_directed_is_not_asked_across(question: str, across: bool) -> None:
    assert asks_across(question) is across

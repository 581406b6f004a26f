"""Whether a Chinese sentence states the total a question asks, or only its parts.

A question asking a total (一共, 总共, 合计, 加起来, 总额) is answered by a figure a sentence
states as a whole: after a word of totalling in its clause (共, 合计, 总, 累计: "全市共建成280个"),
or before the parts it is split into ("筹集12000套，其中市区不少于8000套"), or as the only figure of
the measure asked. A sentence listing several figures of that measure (、 between them), none of
them a whole ("安排助餐补助资金600万元、高龄津贴资金1200万元、上门助浴资金150万元"), states the
parts: their sum is nobody's statement, and quoting one part answers no total; figures in
clauses of their own tell other things ("我省有3314家养老机构，…福利机构79家"). The measure asked
is the question's measure word (多少户: a figure counted in 户, ``numerals.same_measure``), else
money when it names a sum (资金, 多少钱: a figure in 元, ``measures.measure_of``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.measures import MONEY_NOUN, ZH_MONEY_ASKED, measure_of
from app.numerals import figures, same_measure

TOTAL_ASKED = re.compile(r"一共|总共|共计|合计|总计|加起来|总额|总数|总量")
# A word totalling the figure after it in its clause (共 but 公共's; 总 of 总投资, 总额).
_TOTALLING = re.compile(r"(?<!公)共|合计|总|累计")
# A whole split into parts after it: "12000套（间），其中…".
_SPLIT_AFTER = re.compile(r"[^，,；;。]{0,6}[，,（(]\s*其中")
_CLAUSE_MARK = re.compile(r"[，,；;。：:、]")


def states_parts_only(question: str, text: str) -> bool:
    """Whether ``text`` answers the total Chinese ``question`` asks with parts only: two or more
    figures of the measure asked, none stated as a whole (see the module's note)."""
    if not TOTAL_ASKED.search(question):
        return False
    counted = [(s, e) for s, e, _ in figures(text) if same_measure(question, text, s)]
    money = MONEY_NOUN.search(question) or re.search(ZH_MONEY_ASKED, question)
    measured = counted or ([(s, e) for s, e, _ in figures(text)
                            if measure_of(text, s, e)[0] == "yuan"] if money else [])
    # Parts are listed: 、 between each and the next ("600万元、高龄津贴资金1200万元").
    listed = all("、" in text[a[1]:b[0]] for a, b in pairwise(measured))
    return len(measured) >= 2 and listed and not any(_whole(text, *span) for span in measured)


def _whole(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is stated as a whole."""
    opening = max([0, *(m.end() for m in _CLAUSE_MARK.finditer(text, 0, start))])
    return bool(_TOTALLING.search(text, opening, start) or _SPLIT_AFTER.match(text, end))

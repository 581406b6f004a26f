"""A generated sentence's figure is backed only by the same figure in the same measure: its unit
(个月, 年, 元, %) and the period it recurs by (每月, "annually"), in either language."""

from __future__ import annotations

from app.answering.generation.grounding import ground
from app.figure_forms import figures_supported
from app.measures import measure_of
from app.retrieval.hybrid import Hit
from app.store.records import Chunk

# The passage of round 30's held-out batch h30 (马鞍山) the model cited for "最多补几个月".
MAANSHAN = ("（一）小微企业新招用毕业年度或离校2年内未就业高校毕业生，签订1年以上劳动合同"
            "并按月足额缴纳社会保险费的，按每人2000元给予一次性吸纳就业补贴。")
HAIZHU = ("Haizhu District also plans to allocate a special fund of 310 million yuan annually to "
          "accelerate the attraction and cultivation of AI unicorn enterprises.")


def test_a_figure_of_another_unit_backs_no_claim_h30_maanshan() -> None:
    """h30 马鞍山: "最多补2个月" passed against "离校2年内", the 2 matched without its unit."""
    hit = Hit(Chunk("mas-1", "maanshan", MAANSHAN, 0, len(MAANSHAN),
                    {"doc_id": "maanshan", "title": "马鞍山市支持小微企业稳定和扩大就业的通知",
                     "city": "马鞍山"}), 0.9, 1)
    removed = ground("马鞍山企业最多补2个月[1]。", [hit], "马鞍山企业搞以工代训，最多补几个月？")
    assert removed.answer == "" and removed.unsupported == ["马鞍山企业最多补2个月[1]。"]
    kept = ground("离校2年内的高校毕业生，按每人2000元给予补贴[1]。", [hit], "补多少钱？")
    assert kept.unsupported == [] and "2000元" in kept.answer


def test_units_are_compared_across_languages_and_magnitudes() -> None:
    assert figures_supported("见习期最长6个月", ["The traineeship lasts 3 to 6 months."])
    assert not figures_supported("见习期最长6年", ["The traineeship lasts 3 to 6 months."])
    assert figures_supported("海珠区每年安排3.1亿元", [HAIZHU])
    assert not figures_supported("海珠区安排310天", [HAIZHU])
    assert not figures_supported("补贴5元", ["补贴比例为5%。"])  # % is not 元
    assert not figures_supported("最高补贴30元", ["单个主体最高补贴30万元。"])  # 万元 is not 元
    assert figures_supported("a centre of 1,200 square meters", ["建筑面积1200平方米的中心"])


def test_a_figure_per_month_is_not_one_per_year() -> None:
    assert not figures_supported("海珠区每月安排3.1亿元", [HAIZHU])
    stipend = "本科毕业生每人每月1000元。租房补贴标准为每人每年6000元，最长享受3年。"
    assert figures_supported("租房补贴每年6000元，最长3年", [stipend])
    assert not figures_supported("租房补贴每月6000元", [stipend])
    assert not figures_supported("本科生每年1000元", [stipend])


def test_a_side_stating_no_measure_is_not_judged() -> None:
    """Only two stated measures can differ: a bare figure, or a unit outside the closed class
    (100P, 5项), is compared by value alone, as before."""
    assert figures_supported("海珠区安排3.1亿专项资金", [HAIZHU])
    assert figures_supported("计划建设500P算力", ["a cluster with a scale of 500P"])
    text = "补贴期限不超过6个月"
    assert measure_of(text, text.index("6"), text.index("6") + 1) == ("month", None)
    text = "500元/人/月"
    assert measure_of(text, 0, 3) == ("yuan", "month")

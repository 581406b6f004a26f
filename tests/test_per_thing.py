"""A figure asked per one thing (每餐, 每公里, "per square metre") is not answered by a figure
stated per another thing only (每部, 每次, "per unit"): round 33's end check answered
"唐山…助餐补贴是每餐多少钱？" by "市级补贴每部另增加3万元。" (a lift's subsidy)."""

from __future__ import annotations

from app.measures import per_another_thing, per_things
from app.numerals import measured_otherwise


def _at(text: str, figure: str) -> tuple[int, int]:
    start = text.index(figure)
    return start, start + len(figure)


def test_a_figure_per_lift_answers_no_question_per_meal_r33_tangshan() -> None:
    """r33 end check: 唐山's 每部3万元 (lifts) was quoted for a meal subsidy asked 每餐."""
    text = "市级补贴每部另增加3万元。"
    assert measured_otherwise("唐山给独居老人的助餐补贴是每餐多少钱？", text, *_at(text, "3万元"))
    text = "送餐服务费每次补贴2元，由助餐点直接抵扣"
    assert per_another_thing("淮南老年助餐送餐上门，每公里补贴多少钱？", text, *_at(text, "2元"))


def test_the_thing_asked_is_read_as_the_sentence_states_it() -> None:
    """每人 is 每名 and 元/人 (one thing, its words); a lead-in 按每平方米 binds its
    figure; 每月 is a period, not a thing; the same thing in its own words (每个助餐点)
    answers."""
    assert per_things("每名老年人每月补贴不超过4次", 12, 14) == {"person"}
    text = "中级护理员补贴1000元/人"
    assert not per_another_thing("养老护理员每人补贴多少钱？", text, *_at(text, "1000元"))
    text = "对改造的住房，按每平方米200元给予补贴"
    assert not per_another_thing("What is the subsidy per square metre?", text, *_at(text, "200元"))
    assert per_another_thing("每户补多少钱？", text, *_at(text, "200元"))
    text = "新建助餐点验收合格后，每个助餐点一次性给予6万元建设补贴"
    assert not per_another_thing("每个助餐点补多少建设补贴？", text, *_at(text, "6万元"))
    assert per_another_thing("助餐点建设补贴每平方米是多少钱？", text, *_at(text, "6万元"))


def test_english_per_phrases_are_compared_by_their_nouns() -> None:
    """Lu'an batch perunit34: "per unit" answers "per air-source heat pump unit", not "per
    square metre"; "per person" answers "per person" whatever follows it."""
    text = "a one-off equipment subsidy of 3,000 yuan per unit, for no more than one unit"
    figure = _at(text, "3,000 yuan")
    assert not per_another_thing("How much is the subsidy per air-source heat pump unit?", text,
                                 *figure)
    assert per_another_thing("What is the heat pump subsidy per square metre of floor area?",
                             text, *figure)
    text = "receive a training subsidy of 600 yuan per person."
    assert not per_another_thing("What does each installer get per person after passing?", text,
                                 *_at(text, "600 yuan"))


def test_no_per_thing_asked_or_stated_is_not_judged() -> None:
    """一个人能拿多少 asks no per-thing; 每户每年 asks per household (每年 a period); a figure
    stated per nothing is not judged; a Chinese thing is not weighed against an English word."""
    text = "每户补贴3000元"
    assert not per_another_thing("一个人能拿多少？", text, *_at(text, "3000元"))
    assert not per_another_thing("每户每年补多少？", text, *_at(text, "3000元"))
    text = "补贴3000元"
    assert not per_another_thing("每餐补多少？", text, *_at(text, "3000元"))
    text = "每部补贴5000元"
    assert not per_another_thing("What does it pay per station?", text, *_at(text, "5000元"))
    assert per_another_thing("每户每年补多少？", "每家企业补贴3000元", 6, 11)


def test_a_verb_and_its_count_after_mei_are_passed_over_support15_shizuishan() -> None:
    """support15-held 石嘴山: "每建一个充电口" was read as a thing 建, and the stated 每个端口's
    300元 was dropped; the thing is what the count counts (充电口, sharing 口 with 端口)."""
    question = "石嘴山老旧小区每建一个充电口，市里补贴多少钱？"
    assert per_things(question, 0, len(question)) == {"充电口"}
    text = "市级财政按照每个端口300元的标准给予一次性建设补助"
    assert not measured_otherwise(question, text, *_at(text, "300元"))
    assert per_things("每新增一户补贴", 0, 7) == {"household"}


def test_each_as_a_pronoun_names_no_thing_cites21_haidong_genmeasure32_suqian() -> None:
    """cites21-held 海东 "助餐点每个补助多少" (每个 before a verb: each one, no thing named) and
    genmeasure32 宿迁 "每接收一个见习生" (a person by its noun's suffix, as 每人) were refused."""
    assert per_things("海东新建助餐点每个补助多少？", 0, 14) == set()
    text = "新建助餐点每个给予一次性建设补助5万元"
    assert per_things(text, *_at(text, "5万元")) == set()
    question = "宿迁见习单位每接收一个见习生，市财政每月补多少钱？"
    text = "市财政按每人每月1200元给予见习单位见习补贴。"
    assert not measured_otherwise(question, text, *_at(text, "1200元"))


def test_a_figure_per_person_answers_an_english_question_per_engineer_r33_xinxiang() -> None:
    """r33 merge check: cityen31's Xinxiang "how much do we get per engineer each month" was
    refused, its "1,000 yuan per person per month" taken for a figure per another thing."""
    text = ("Enterprises that hire digital engineers with a bachelor's degree or above will "
            "receive a hiring subsidy of 1,000 yuan per person per month for up to 24 months.")
    question = "We hire digital engineers in Xinxiang. How much do we get per engineer each month?"
    assert not per_another_thing(question, text, *_at(text, "1,000 yuan"))
    assert per_another_thing("What subsidy per kilowatt does Dezhou give?", "0.1 yuan per "
                             "kilowatt-hour charged", 0, 8)  # per another thing still read


def test_a_classifier_before_its_noun_is_the_nouns_unit_parts50_danling() -> None:
    """parts50 cities batch: "丹棱县和阳泉市分别给每部加装电梯补贴多少钱？" left 丹棱
    unanswered — its notice says 每台电梯补贴15万元, and 台 was read as another thing than 部
    (two classifiers of one noun, 电梯)."""
    text = "对已建成投入使用并通过验收的增设电梯项目，每台电梯补贴15万元。"
    assert not per_another_thing("丹棱县给每部加装电梯补贴多少钱？", text, *_at(text, "15万元"))
    assert not per_another_thing("每部电梯补贴多少？", "每部补贴3万元", 4, 7)  # 每部 alone: 电梯's
    assert per_another_thing("每台设备补贴多少？", "每部电梯补贴15万元", 6, 10)  # another noun
    assert per_another_thing("每张床位补贴多少？", "每部补贴3万元", 4, 7)
    assert per_things("每张补贴200元", 0, 9) == {"张"}  # a sum's noun is no thing
    question = "淄博给每位市级陶瓷琉璃工艺美术大师多少工作室补助？"  # 每位 is 每人 (zhclause6)
    assert not per_another_thing(question, "每人给予5万元工作室补助。", 4, 8)

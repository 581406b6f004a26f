"""A question naming a band (an age, an income, a tier) is answered by the clause of that band,
not by a sentence like it stating another band's sum (app/bands.py, issue 26).

Regressions (round 6's held-out set y and round 7's fresh validity batch): "诸暨80岁以上的老人
每月能领多少…补贴" quoted the 90周岁以上 clause's 200元 (the clause after "；" reads with the
one before it, so it held every word of the question, the 80 too); "…92岁的老人每月能领多少高龄
津贴" quoted the 80–89 band's sum; "What grant does a … household with an income above 35,000
pounds receive" quoted the 20,000–35,000 band beside its own; and "How much more does the …
warm homes grant pay for fitting a heat pump" was refused: its clause ("… receives an additional
1,200 pounds") never says "grant", so its sum was taken for another thing's, though "grant" is the
scheme's own name (its title's word). The documents here are written by the test.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.answering.chinese_reader import REFUSAL_SUPPORT, read_chinese
from app.answering.citations import Sentence
from app.bands import (
    OUT_OF_BAND,
    band_factor,
    banded,
    other_tier,
    quantities,
    states_own,
    tier_unstated,
)
from app.store.records import Chunk
from app.text import sentence_spans
from tests.support.served import serve_texts

HOLLINGTON = (
    "Hollington Boiler Upgrade Grant 2026\n"
    "Issued by the Hollington District Council Housing Team on 3 March 2026.\n"
    "Grant bands\n"
    "(1) Households with a gross annual income below 18,000 dollars receive a grant of 2,600 "
    "dollars.\n"
    "(2) Households with a gross annual income from 18,000 to 30,000 dollars receive a grant of "
    "1,500 dollars.\n"
    "(3) Households with a gross annual income above 30,000 dollars receive a grant of 700 "
    "dollars.\n"
    "Extras\n"
    "(4) A household that replaces a coal stove with an air source heat pump receives an "
    "additional 900 dollars.\n"
    "This scheme takes effect on 1 April 2026.\n"
)


def test_bands_are_read_with_their_units() -> None:
    def bands(text: str) -> list[tuple[float, float, set[str]]]:
        return [(low, high, set(units)) for low, high, units in quantities(text)[0]]

    assert bands("80周岁至89周岁的老年人，每人每月50元；") == [(80.0, 89.0, {"岁"})]
    assert quantities("80周岁至89周岁的老年人，每人每月50元；")[1] == [
        (50.0, 50.0, frozenset(["元"]))]
    assert bands("对90周岁以上老年人，每人每月200元。") == [(90.0, math.inf, {"岁"})]
    assert bands("households with an income from 18,000 to 30,000 dollars") == [
        (18000.0, 30000.0, {"dollar"})]
    assert bands("a member aged 75 or over") == [(75.0, math.inf, {"age"})]
    assert bands("income below 18,000 dollars") == [(-math.inf, 18000.0, {"dollar"})]
    assert bands("people aged 16 to 24 receive 300 dollars") == [(16.0, 24.0, {"age"})]
    assert bands("households earning £20,000 to £35,000 a year") == [(20000.0, 35000.0, {"£"})]
    assert bands("推荐成功上岗人数为50人（含）以上的") == [(50.0, math.inf, {"人"})]
    # A cap bounds the sum answered, not the band it is for; a date is no band.
    assert bands("给予最高不超过100万元补助") == []
    assert bands("本办法自2024年7月1日起施行，有效期三年。") == []


@pytest.mark.parametrize(("question", "sentence", "factor"), [
    ("92岁的老人每月领多少？", "80周岁至89周岁的老年人，每人每月80元。", OUT_OF_BAND),
    ("92岁的老人每月领多少？", "90周岁至99周岁的老年人，每人每月150元。", 1.0),
    ("80岁以上的老人每月领多少？", "90周岁以上的，每人每月200元。", OUT_OF_BAND),
    ("80岁以上的老人每月领多少？", "对80周岁以上老年人，每人每月150元；", 1.0),
    ("2023年75岁的老人每月领多少？", "70周岁至79周岁的老年人，每人每月40元。", 1.0),
    ("What does a household earning 25,000 dollars get?",
     "(3) Households with a gross annual income above 30,000 dollars receive 700 dollars.",
     OUT_OF_BAND),
    # A figure the question states that the sentence states too is no band of its own.
    ("Is the grant 1,500 dollars?",
     "(2) Households with an income from 18,000 to 30,000 dollars receive a grant of 1,500"
     " dollars.",
     1.0),
    # An English figure's unit may come before it ("aged 80") or after it.
    ("What does a household with a member aged 70 get?",
     "(6) Where a member of the household is aged 75 or over, it receives 250 dollars.",
     OUT_OF_BAND),
    ("Does a member aged 80 get more?", "Where a member is aged 75 or over, add 250 dollars.",
     1.0),
    # Another unit is another matter: a year is no age.
    ("What did a 2022 household aged 80 get?", "Households with an income above 30,000 dollars.",
     1.0),
])
def test_a_sentence_of_another_band_is_out_of_band(question: str, sentence: str,
                                                   factor: float) -> None:
    assert band_factor(question, sentence) == factor


def test_bands_and_tiers_read_the_same_bound_words() -> None:
    """Bands and tiers are read by one set of bound words. Bug: the tier reader had its own, and
    read 不低于60周岁 as a ceiling (a 70-year-old outside it) and 不超过 as a floor; the band
    reader did not read 突破 (年产值突破30亿元 is a floor, 25亿元 outside it)."""
    assert not other_tier("70周岁的老人每月补贴多少？", "不低于60周岁的老人每月补贴100元。")
    assert other_tier("50周岁的老人每月补贴多少？", "不低于60周岁的老人每月补贴100元。")
    floor = "年产值突破30亿元的企业奖励500万元。"
    assert band_factor("年产值25亿元的企业奖励多少？", floor) == OUT_OF_BAND
    assert band_factor("年产值35亿元的企业奖励多少？", floor) == 1

def test_the_clause_after_a_semicolon_is_read_by_its_own_band() -> None:
    """The sentence after "；" is read with the one before it (it leaves unsaid what they
    share), so it held the question's 80 too: its own 90周岁以上 band now says it is another."""
    text = ("第三条 对80周岁以上老年人，每人每月发放居家养老服务补贴150元；"
            "90周岁以上的，每人每月200元。")
    chunk = Chunk("zhuji::0", "zhuji", text, 0, len(text), {"language": "zh"})
    sentences = [Sentence(chunk, a, b, text[a:b], 0) for a, b in sentence_spans(text)]
    reading = read_chinese("80岁以上的老人每月能领多少居家养老服务补贴？", sentences)
    assert reading is not None
    assert "150元" in reading.answer.sentence.text, reading.answer.sentence.text
    reading = read_chinese("90岁以上的老人每月能领多少居家养老服务补贴？", sentences)
    assert reading is not None and "200元" in reading.answer.sentence.text


@pytest.mark.parametrize(("question", "quoted"), [
    ("92岁的老人每月能领多少高龄津贴？", "90周岁至99周岁的老年人每人每月200元"),
    ("85周岁老人每月补贴多少？", "80周岁至89周岁的老年人每人每月100元"),
    ("老人每月的高龄津贴是多少？", "80周岁至89周岁的老年人每人每月100元，90周岁"),  # no band named
])
def test_the_detail_of_the_band_asked_is_quoted_from_one_sentence(question: str,
                                                                   quoted: str) -> None:
    """Bands in one sentence, apart only by "，": the sum quoted was the first band's for any age
    (and read on to the sentence's end, as a list item's head's condition is)."""
    text = ("第三条 80周岁至89周岁的老年人每人每月100元，90周岁至99周岁的老年人每人每月200元，"
            "100周岁以上的老年人每人每月500元。")
    sums = [(text.index(s), text.index(s) + len(s), "MONEY") for s in ("100元", "200元", "500元")]
    chunk = Chunk("allowance::0", "allowance", text, 0, len(text),
                  {"language": "zh", "entities": json.dumps(sums)})
    reading = read_chinese(question, [Sentence(chunk, 0, len(text), text, 0)])
    assert reading is not None and quoted in reading.answer.sentence.text, (
        reading.answer.sentence.text)
    if "岁" in question:  # that band's sum alone
        assert reading.answer.sentence.text.count("元") == 1, reading.answer.sentence.text


def test_a_figure_stated_of_the_subject_asked_is_quoted_alone() -> None:
    """Regression (rzspan37): "…口罩企业复工率是多少？" quoted the whole sentence of four trades'
    rates: its first clause's figure was taken for a list item head's condition, read on to the
    last figure of the measure. A figure closing a clause whose subject only the question says is
    stated of it; a head's condition ("超过5亿元的…项目") goes on, as the Shaoxing test keeps."""
    text = ("口罩企业的复工率已经超过76%，防护服企业的复工率为77%，粮食加工企业复工率为94.6%，"
            "煤矿复产率57.8%。")
    rates = [(text.index(s), text.index(s) + len(s), "PERCENT")
             for s in ("76%", "77%", "94.6%", "57.8%")]
    chunk = Chunk("rates::0", "rates", text, 0, len(text),
                  {"language": "zh", "entities": json.dumps(rates)})
    sentences = [Sentence(chunk, 0, len(text), text, 0)]
    reading = read_chinese("国务院说口罩企业复工率是多少？", sentences)
    assert reading is not None and reading.answer.sentence.text == "口罩企业的复工率已经超过76%", (
        reading.answer.sentence.text)
    first = (text.index("76%"), text.index("76%") + 3)
    assert not states_own("口罩企业复工率是多少？", text, first, [first])  # none to tell apart
    head = "对新引进总投资超过5亿元的项目，按10%给予补助。"
    assert not states_own("项目补助多少？", head, (9, 12), [(9, 12), (17, 20)])


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("bands"), {"hollington": HOLLINGTON}) as served:
        yield served


@pytest.mark.parametrize(("question", "quoted", "not_quoted"), [
    ("How much is the Hollington boiler upgrade grant for a household earning 24,000 dollars?",
     "1,500 dollars", "2,600 dollars"),
    ("What grant does a Hollington household with an income above 30,000 dollars receive?",
     "700 dollars", "1,500 dollars"),
    ("How much more does the Hollington boiler upgrade grant pay for an air source heat pump?",
     "900 dollars", "700 dollars"),
])
def test_the_band_asked_is_quoted(client: TestClient, question: str, quoted: str,
                                  not_quoted: str) -> None:
    body = client.post("/api/ask", json={"question": question, "mode": "extractive"}).json()
    assert not body["refused"], body
    assert quoted in body["answer"] and not_quoted not in body["answer"], body["answer"]


def _scheme(text: str, sums: list[str]) -> list[Sentence]:
    """``text`` as one stored passage, its sums tagged MONEY as ingest's NER tags them."""
    spans = [(text.index(s), text.index(s) + len(s), "MONEY") for s in sums]
    chunk = Chunk("scheme::0", "scheme", text, 0, len(text),
                  {"language": "zh", "entities": json.dumps(spans)})
    return [Sentence(chunk, a, b, text[a:b], 0) for a, b in sentence_spans(text)]


def test_an_item_after_a_semicolon_states_its_own_band_and_holds_the_age_asked() -> None:
    """Round 33 (issue 22, a new city's notice): "…今年78岁了，基础养老金每个月能多发多少" was
    refused. Items after "；" are read with those before them, so the 75–85 item's reading held
    the 65–75 band too, whose ceiling left 78 out: every band seemed to leave the age unstated.
    And 78, the question's rarest word, counted for no sentence: a band holds it unsaid."""
    text = ("（二）高龄倾斜：年满65周岁不满75周岁的参保人，每人每月加发基础养老金10元；"
            "年满75周岁不满85周岁的，每人每月加发20元；年满85周岁及以上的，每人每月加发40元。")
    second = text[:text.index("；", text.index("；") + 1) + 1]  # read with the first item
    assert not other_tier("78岁的老人加发多少？", second)
    assert banded("今年78岁了，加发多少？", "年满75周岁不满85周岁的，每人每月加发20元；") == {"78"}
    assert banded("今年78岁了，加发多少？", "年满85周岁及以上的，每人每月加发40元。") == set()
    reading = read_chinese("我家老爷子今年78岁了，基础养老金每个月能多发多少？",
                           _scheme(text, ["10元", "20元", "40元"]))
    assert reading is not None and "20元" in reading.answer.sentence.text, reading
    assert "10元" not in reading.answer.sentence.text and not reading.answer.lacking
    assert reading.answer.support >= REFUSAL_SUPPORT, reading.answer.support


def test_a_band_written_from_figure_to_figure_holds_the_ages_in_it() -> None:
    """Round 35 (issue 22, zhread36): "廊坊90岁的老人每月高龄津贴多少" was refused as asking a tier
    no text states: "80至89周岁…，90至99周岁…" was read as the exact ages 80, 89, 90 and 99 (the
    first figure's measure taken as 至), so 92 fell in no tier and every sentence seemed another's.
    A band's ends hold the ages between them; a lone floor (100周岁及以上) still bounds alone."""
    text = ("（八）对具有本市户籍、年满80周岁的老年人发放高龄津贴：80至89周岁每人每月100元，"
            "90至99周岁每人每月200元，100周岁及以上每人每月500元。")
    for age in ("90", "92", "105"):
        assert not tier_unstated(f"{age}岁的老人每月高龄津贴多少？", [text]), age
    assert tier_unstated("75岁的老人每月高龄津贴多少？", [text])
    assert other_tier("95周岁的老人补贴多少？", "80周岁至89周岁每人每月100元。")
    assert not other_tier("85周岁的老人补贴多少？", "80周岁至89周岁每人每月100元。")
    reading = read_chinese("廊坊92岁的老人每月高龄津贴多少？", _scheme(text, ["100元", "200元",
                                                                   "500元"]))
    assert reading is not None and not reading.answer.lacking, reading
    assert "200元" in reading.answer.sentence.text, reading


def test_an_item_after_a_semicolon_shares_its_heads_period() -> None:
    """Round 33: "选300元那一档，政府每年给补贴多少" was refused as lacking a period: its
    item "选择300元档次的，补贴50元；" leaves the head's 每人每年 unsaid; the head alone said it."""
    text = ("（一）对选择200元档次缴费的，政府补贴标准为每人每年40元；"
            "选择300元档次的，补贴50元；选择400元档次的，补贴60元。")
    reading = read_chinese("选300元那一档交养老保险，政府每年给补贴多少？",
                           _scheme(text, ["200元", "40元", "300元", "50元", "400元", "60元"]))
    assert reading is not None and not reading.answer.lacking, reading
    assert "50元" in reading.answer.sentence.text and "60元" not in reading.answer.sentence.text


ASHBY = (
    "Ashby Measures to Support the Drone Industry 2026\n"
    "Issued by the Ashby Industry and Information Technology Bureau on 2 February 2026.\n"
    "Awards\n"
    "(1) A drone enterprise whose annual main business revenue first exceeds 100 million dollars "
    "receives an award of 1 million dollars.\n"
    "(2) A drone enterprise that builds a test flight field receives a subsidy of 30% of the "
    "investment, which shall not exceed 2 million dollars.\n"
    "(3) A drone flight school with at least four training fields receives an award of 300,000 "
    "dollars.\n"
    "These measures take effect on 1 March 2026.\n"
)

ELEVATORS = (
    "Ashby Measures for Installing Elevators in Old Residential Buildings 2026\n"
    "Issued by the Ashby Housing Bureau on 16 February 2026.\n"
    "1. In 2026 the city will renovate 86 old residential communities, and will install 120 "
    "elevators in existing multi-storey residential buildings.\n"
    "2. Each elevator installed in an existing multi-storey residential building of at least four "
    "storeys receives a municipal subsidy of 150,000 dollars.\n"
    "3. Owners may withdraw up to 50,000 dollars per household from their housing provident fund "
    "accounts to pay their share of the elevator cost.\n"
)


def test_a_threshold_crossed_is_the_sentences_own() -> None:
    """Round 34 (refuse35): "…whose annual revenue first exceeds 500 million yuan" was answered
    by the award for first exceeding 100 million (and 1 billion by 500 million's): "exceeds" was
    read as no bound, and a floor within the sentence's floor seemed held. A threshold crossed
    names its event; a cap ("shall not exceed") is no floor."""
    award = "A firm whose revenue first exceeds 100 million dollars gets 1 million dollars."
    assert band_factor("What award when its revenue first exceeds 500 million dollars?",
                       award) == OUT_OF_BAND
    assert band_factor("What award when its revenue first exceeds 100 million dollars?",
                       award) == 1
    assert band_factor("What award does a firm with revenue of 300 million dollars get?",
                       award) == 1
    assert quantities("The subsidy shall not exceed 2 million dollars.")[0] == []


def test_a_number_word_states_a_figure_of_a_band() -> None:
    """Round 34 (refuse35): "…an elevator installed in a *three-storey* building" was answered
    by the subsidy for buildings "of at least *four* storeys": bands read digits only, and a
    unit hyphened to its figure was none."""
    floor = "Each elevator in a building of at least four storeys receives 150,000 yuan."
    assert quantities(floor)[0] == [(4.0, math.inf, frozenset(["storey"]))]
    assert band_factor("What is the subsidy for an elevator in a three-storey building?", floor) \
        == OUT_OF_BAND
    assert band_factor("What is the subsidy for an elevator in a six-storey building?", floor) == 1


@pytest.fixture(scope="module")
def drone_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    texts = {"ashby": ASHBY, "ashby-elevators": ELEVATORS}
    with serve_texts(tmp_path_factory.mktemp("crossed"), texts) as served:
        yield served


@pytest.mark.parametrize(("question", "quoted"), [
    ("What award does an Ashby drone enterprise get when its annual revenue first exceeds "
     "500 million dollars?", None),
    ("What award does an Ashby drone enterprise get when its annual revenue first exceeds "
     "100 million dollars?", "1 million dollars"),
    ("What award does an Ashby drone flight school with three training fields receive?", None),
    # The goal's counts had answered once the four storeys' subsidy fell: it ranked below that
    # sentence's support with its kind's bonus, above it without (ranking's ``outdone``).
    ("How much does Ashby subsidise an elevator installed in a three-storey residential "
     "building?", None),
    ("How much does Ashby subsidise an elevator installed in a six-storey residential building?",
     "150,000 dollars"),
    ("What award does an Ashby drone flight school with five training fields receive?",
     "300,000 dollars"),
])
def test_another_threshold_is_refused(drone_client: TestClient, question: str,
                                              quoted: str | None) -> None:
    body = drone_client.post("/api/ask", json={"question": question,
                                               "mode": "extractive"}).json()
    assert body["refused"] is (quoted is None), body
    assert quoted is None or quoted in body["answer"], body["answer"]


def test_banded_values_are_the_questions_figures_a_band_holds() -> None:
    """The values ``banded`` reads (zhframe41): 93 of 今年93岁 in 90至99周岁; not 101, which no
    band holds."""
    from app.bands import banded_values

    assert banded_values("今年93岁，每月领多少？", "90至99周岁的老年人每人每月150元") == {93.0}
    assert banded_values("今年101岁", "90至99周岁的老年人") == frozenset()

"""Issue 23 item 3: a Chinese clause asking two things ("…的联系人和联系电话是什么？") is two parts,
and a part whose quote an earlier part quoted already is not quoted twice."""

from __future__ import annotations

import pytest

from app.answering.compose import Composer, merge_parts
from app.answering.parts import split_parts
from app.models import Answer, Citation


@pytest.mark.parametrize(("question", "asked"), [
    # Regression (realzh16 r16-05, realzh18 r18-12): "联系人和联系电话是什么？" was one part,
    # answered with the telephone clause only.
    ("商务部办公厅疫情防控工作的联系人和联系电话是什么？",
     ["商务部办公厅疫情防控工作的联系人是什么？", "商务部办公厅疫情防控工作的联系电话是什么？"]),
    ("稳岗补贴的补贴标准和发放方式是怎样的？",
     ["稳岗补贴的补贴标准是怎样的？", "稳岗补贴的发放方式是怎样的？"]),
    # An enumeration inside brackets is no coordination.
    ("黄冈市各县（市、区）实施方案的报送期限和报送单位是什么？",
     ["黄冈市各县（市、区）实施方案的报送期限是什么？",
      "黄冈市各县（市、区）实施方案的报送单位是什么？"]),
])
def test_nouns_coordinated_under_a_bare_interrogative_are_each_asked(
        question: str, asked: list[str]) -> None:
    assert [p.asked for p in split_parts(question)] == asked


@pytest.mark.parametrize("question", [
    "中小微企业和个体工商户有何政策？",  # two holders of what is asked: the policy
    "随迁子女和户籍儿童享受什么入学待遇？",
    "倍丰集团化肥等农资到货量和库存量共有多少？",  # a sum of both
    "北京市人力资源和社会保障局的电话是多少？",  # one name holding 和
    # Regression (realzh dev): "X和Y的Z" asks Z of both, not "单位是多少？".
    "在泰州市海陵区举报违反防疫要求的单位和个人的电话是多少？",
    "对电动自行车驾驶人和乘坐人员有什么要求？",
    "遵义的高校和科研机构用算力券买算力，支持比例是多少？",  # the coordination is in another run
    "张掖80周岁及以上老年人每餐补贴多少？",  # no copula: "补贴多少" asks of the verb
    "在国务院国资委的组织推动和中央企业的协同努力下重点产品情况如何？",
])
def test_coordinated_nouns_that_are_not_what_is_asked_stay_one_part(question: str) -> None:
    assert [p.text for p in split_parts(question)] == [question]


def _quoted(n: int, start: int, end: int, text: str) -> Answer:
    citation = Citation(n=n, doc_id="d", title="t", quote=text, start=start, end=end, score=0.9)
    return Answer(answer=f"{text} [{n}]", mode="extractive", citations=[citation])


def test_a_part_quoting_what_an_earlier_part_quoted_points_there() -> None:
    """Regression: "…的时间和平台是什么？", one sentence saying both, gave that sentence twice."""
    parts = split_parts("宜昌市小学一年级网上入学登记的时间和平台是什么？")
    sentence = "于2025年6月10日至6月20日登录“宜昌教育云”平台填报入学信息"
    merged = merge_parts(parts, [_quoted(1, 100, 130, sentence), _quoted(1, 100, 130, sentence)])
    assert merged.answer.count(sentence) == 1
    assert [p.citations for p in merged.parts] == [[1], [1]] and len(merged.citations) == 1
    later = _quoted(1, 140, 150, "逾期未登记的")
    other = merge_parts(parts, [_quoted(1, 100, 130, sentence), later])
    assert "逾期未登记的 [2]" in other.answer and len(other.citations) == 2


def test_a_part_whose_quote_a_generated_part_cited_but_did_not_show_is_shown() -> None:
    """Regression (h29 盐城, generate mode): part one's model sentence ("…每个月能领500元…[1]")
    cites the passage's whole sentence, which also holds part two's clause (补贴期限最长24个月);
    part two's own model sentence was removed and it fell back to that clause, which then
    "pointed back" to part one's citation and was dropped: the answer never said 24个月."""
    parts = split_parts("盐城本科毕业生每个月能领多少租房补贴？最长能领多久？")
    sentence = "按月发放租房补贴：本科每月500元，硕士研究生每月800元，补贴期限最长24个月。"
    written = Answer(answer="本科毕业生每个月能领500元租房补贴[1]。\n\n本科每月500元 [1]",
                     mode="generate", citations=[Citation(n=1, doc_id="d", title="t",
                                                          quote=sentence, start=100, end=141,
                                                          score=0.9)])
    merged = merge_parts(parts, [written, _quoted(1, 129, 140, "补贴期限最长24个月。")])
    assert "补贴期限最长24个月。 [2]" in merged.answer and len(merged.citations) == 2
    assert [p.citations for p in merged.parts] == [[1], [2]]


def test_a_part_takes_its_candidate_not_leading_with_the_sentence_a_part_before_cited() -> None:
    """Regression (h34, Zhangjiakou): "By what date do I apply …, and for how long is the list
    of households posted?" answered its second part with the first part's sentence again (plus
    a coordination clause), the candidate scoring best as asked where it is, though the
    candidate read beside the first part's citation quoted "publicised in the village for 5
    days": the answer repeated a quote and missed the fact."""
    applies = "A household applies to its village committee before 30 September each year."
    posted = "The township government reviews within 10 working days, and the list is " \
             "publicised in the village for 5 days."
    leads = "The Municipal Finance Bureau manages funds."

    def quoted(*cited: tuple[int, int, str, float]) -> Answer:
        citations = [Citation(n=n, doc_id="d", title="t", quote=text, start=start,
                              end=start + len(text), score=score)
                     for n, (start, _, text, score) in enumerate(cited, start=1)]
        return Answer(answer=" ".join(f"{c.quote} [{c.n}]" for c in citations),
                      mode="extractive", citations=citations)

    first, second = (100, 0, applies, 0.66), (178, 0, posted, 0.405)
    own = {"By what date do I apply to my village committee?": quoted(first),
           "for how long is the list posted?": quoted((100, 0, applies, 0.419),
                                                      (400, 0, leads, 0.395))}
    question = "By what date do I apply to my village committee, and for how long is the list " \
               "posted?"
    composer = Composer(lambda text, places: own[text], lambda text: None,
                        lambda asked, text, before: quoted(second))
    answer = composer.compose(question, [])
    assert answer is not None and answer.answer.count(applies) == 1
    assert "publicised in the village for 5 days. [2]" in answer.answer
    # Regression (rzrepo-tune c27, "…涉及哪几个方面、多少项政策？"): a reading narrowed to a
    # clause of the sentence before ("四个方面对12项政策") says that part's fact there; it
    # stands, pointing back.
    both = applies + " " + posted
    own = {"By what date do I apply to my village committee?": quoted((100, 0, both, 0.66)),
           "for how long is the list posted?": quoted((100 + both.index("the list"), 0,
                                                       "the list is publicised in the village "
                                                       "for 5 days.", 0.419))}
    kept = Composer(lambda text, places: own[text], lambda text: None,
                    lambda asked, text, before: quoted((400, 0, leads, 0.3))).compose(question, [])
    assert kept is not None and leads not in kept.answer
    assert [p.citations for p in kept.parts] == [[1], [1]]

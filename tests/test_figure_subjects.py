"""A generated sentence must give a figure to the holder its passage gives it to (issue 23 item
5): the passage says 本科及以上学历一次性补贴20000元，大专学历一次性补贴15000元, and the model wrote
"大专毕业生…能拿20000元补贴[1]" -- the figure, its unit and most of its words are in the passage, so
the citation check passed a false statement (round 32's batch gensame33, its generate run).

Real passages of the batch's two documents (Chuzhou in Chinese, Fuyang in English), checked as
the grounder checks them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.answering.generation.check import figures_attached
from app.answering.generation.grounding import ground
from app.retrieval.hybrid import Hit
from app.store.records import Chunk

DOCS = Path(__file__).resolve().parent.parent / "eval" / "probes" / "cities-gensame33"
CHUZHOU = (DOCS / "chuzhou-2026-elderly-care-subsidies.txt").read_text(encoding="utf-8")
FUYANG = (DOCS / "fuyang-2026-childcare-services.txt").read_text(encoding="utf-8")


def lines(text: str, first: str, last: str) -> str:
    """The lines of ``text`` from the one holding ``first`` to the one holding ``last``."""
    start = text.rfind("\n", 0, text.index(first)) + 1
    end = text.find("\n", text.index(last))
    return text[start:end if end > 0 else len(text)]


GRADUATES = lines(CHUZHOU, "全日制普通高校毕业生", "全日制普通高校毕业生")
ALLOWANCE = lines(CHUZHOU, "按年龄段发放高龄津贴", "每人每月500元")
CERTIFICATES = lines(FUYANG, "for a senior-level certificate", "for a senior-level certificate")
GRADES = lines(FUYANG, "rated at grade five", "rated at grade five")


def test_the_passages_give_one_kind_of_figure_to_several_holders() -> None:
    """The premise: each passage states the figure of the tests below for one holder only."""
    assert "本科及以上学历一次性补贴20000元，大专学历一次性补贴15000元" in GRADUATES
    assert "4,000 yuan for a senior-level certificate, 2,500 yuan" in CERTIFICATES
    assert "grade three" not in GRADES and ALLOWANCE.count("\n") == 3


@pytest.mark.parametrize(("claim", "passage"), [
    # the model's reply in the batch's generate run:
    ("滁州大专毕业生去养老机构工作，签了三年合同，能拿20000元补贴。", GRADUATES),
    ("大专学历的毕业生一次性补贴20000元。", GRADUATES),
    ("80至89周岁的老人每月可领150元高龄津贴。", ALLOWANCE),
    ("A worker with an intermediate-level certificate receives a one-off award of 4,000 yuan.",
     CERTIFICATES),
    ("Institutions rated at grade four receive an additional award of 100,000 yuan.", GRADES),
])
def test_a_figure_given_to_another_holder_of_its_passage_is_removed(claim: str,
                                                                      passage: str) -> None:
    grounded = ground(claim.replace(".", " [1].").replace("。", "[1]。"), [hit(passage)])
    assert grounded.answer == "" and grounded.citations == []
    assert len(grounded.unsupported) == 1


@pytest.mark.parametrize(("claim", "passage"), [
    ("100岁以上的老人每月150元高龄津贴。", ALLOWANCE),
    ("Institutions rated at grade three receive an additional award of 50,000 yuan.", GRADES),
])
def test_a_holder_no_item_names_in_the_place_of_the_figures_own_is_removed(
        claim: str, passage: str) -> None:
    """The list gives the figure to 90至99周岁 and to grade four; the sentence puts a holder
    the list gives another figure (100周岁) or none (grade three) in their place."""
    assert not figures_attached(claim, [passage])


@pytest.mark.parametrize(("claim", "passage"), [
    ("滁州大专学历的毕业生到养老机构工作，一次性补贴15000元。", GRADUATES),
    ("在滁州养老机构工作的毕业生，本科学历可获一次性补贴20000元，分三年发放。", GRADUATES),
    ("90岁的老人每个月能领150元高龄津贴。", ALLOWANCE),
    ("80至89周岁的老年人每人每月50元。", ALLOWANCE),
    ("A Fuyang childcare worker gets a one-off award of 2,500 yuan for an intermediate-level "
     "certificate.", CERTIFICATES),  # the model's reply
    ("Childcare workers get 4,000 yuan for a senior-level certificate.", CERTIFICATES),
    ("Institutions rated at grade four receive an additional award of 50,000 yuan.", GRADES),
])
def test_a_figure_given_to_its_own_holder_is_kept(claim: str, passage: str) -> None:
    grounded = ground(claim.replace(".", " [1].").replace("。", "[1]。"), [hit(passage)])
    assert grounded.unsupported == [] and grounded.answer


def hit(passage: str) -> Hit:
    """The passage as retrieved, with its document's title and city as ingest reads them."""
    document, city = ("chuzhou", "滁州市") if passage in CHUZHOU else ("fuyang", "Fuyang")
    title = (CHUZHOU if passage in CHUZHOU else FUYANG).strip().splitlines()[0]
    if passage in (PHASED_EN, PHASED_ZH):
        document, city, title = "phased", "", "Data centre plan"
    return Hit(Chunk(f"{document}-1", document, passage, 0, len(passage),
                     {"doc_id": document, "title": title, "city": city}), 0.8, 1)


# A plan's whole and its numbered part, each with a figure of one unit symbol (the test's own).
PHASED_EN = ("According to the plan, the data centre will house a storage cluster of 800PB, with "
             "the first phase providing a 200PB-scale storage pool.")
PHASED_ZH = "根据规划，该数据中心将建设800PB存储集群，其中一期建成200PB存储池。"


@pytest.mark.parametrize(("claim", "passage"), [
    ("The data centre will provide a storage pool of 200PB.", PHASED_EN),
    ("The second phase of the data centre provides a 200PB-scale storage pool.", PHASED_EN),
    ("The second phase of the data centre will house a storage cluster of 800PB.", PHASED_EN),
    ("该数据中心存储规模为200PB。", PHASED_ZH),
    ("该数据中心二期建成200PB存储池。", PHASED_ZH),
    ("该数据中心存储规模为200PB。", PHASED_EN),
])
def test_a_figure_the_passage_gives_a_numbered_part_is_not_the_wholes_nor_another_parts(
        claim: str, passage: str) -> None:
    """Round 43's generate run on h43 kept a sentence giving the first phase's 100P to the whole
    computing centre: the figure, its symbol and its words were in the cited span, its holder
    was not (a figure of no unit word had no measure, so its sibling was never read)."""
    grounded = ground(claim.replace(".", " [1].").replace("。", "[1]。"), [hit(passage)])
    assert grounded.answer == "" and len(grounded.unsupported) == 1


@pytest.mark.parametrize(("claim", "passage"), [
    ("The first phase of the data centre provides a 200PB-scale storage pool.", PHASED_EN),
    ("The data centre will house a storage cluster of 800PB.", PHASED_EN),
    ("该数据中心一期建成200PB存储池。", PHASED_ZH),
    ("该数据中心将建设800PB存储集群。", PHASED_ZH),
    ("该数据中心一期建成200PB存储池。", PHASED_EN),  # 一期 is the first phase in either language
])
def test_a_figure_given_to_the_part_its_passage_numbers_is_kept(claim: str, passage: str) -> None:
    grounded = ground(claim.replace(".", " [1].").replace("。", "[1]。"), [hit(passage)])
    assert grounded.unsupported == [] and grounded.answer

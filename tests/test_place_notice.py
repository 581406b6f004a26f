"""Of the notices read, the one of the place a Chinese question names answers when it says as
much as the notice ranked first (issue 22, round 50).

Regression: "按照税总函〔2020〕27号，重庆2月份的申报纳税期限延长到哪天？" cited the national tax
administration's notice, ranked first, while 重庆's own notice, also read, stated the date with
more of the question's words; "吉林对……贫困劳动力有什么安置？" cited the national poverty office's
notice over 吉林's. The reader took the anchor from the notice search ranked first unless
another notice's sentence had twice its support, whatever the places. The notices here are
written by the test; the place fit is copies.place_fit over a real PlaceIndex.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.answering.citations import Sentence

QUESTION = "重庆按月申报的纳税人2月份申报期限延长到哪天？"
NATIONAL = ("对按月申报的纳税人、扣缴义务人，在全国范围内将2020年2月份的法定申报纳税期限"
            "延长至2月24日。")
CHONGQING = "重庆市按月申报的纳税人、扣缴义务人，2020年2月份申报纳税期限延长至2月24日。"


def sentence(doc_id: str, text: str, rank: int) -> Sentence:
    from app.answering.citations import Sentence
    from app.store.records import Chunk

    chunk = Chunk(f"{doc_id}::0", doc_id, text, 0, len(text), {"language": "zh"})
    return Sentence(chunk, 0, len(text), text, rank)


def place_fit(question: str) -> Callable[[str], int]:
    """copies.place_fit for a store of a national notice and 重庆's and 成都's notices."""
    from app.retrieval.copies import place_fit as fit
    from app.retrieval.document_place import document_division
    from app.retrieval.places import PlaceIndex
    from app.store.records import StoredDocument

    metadata: dict[str, dict[str, object]] = {
        "national": {}, "chongqing": {"city": "重庆市", "province": "重庆市"},
        "chengdu": {"city": "成都市", "province": "四川省"}}
    index = PlaceIndex([StoredDocument(d, m) for d, m in metadata.items()])
    places = index.infer(question)

    def division(doc_id: str) -> str | None:
        found = document_division(metadata[doc_id])
        return found.adcode if found else None

    return lambda doc_id: fit(doc_id, places, index, division)


def test_the_notice_of_the_place_asked_answers_when_it_says_as_much() -> None:
    from app.answering.chinese_reader import read_chinese

    read = [sentence("national", NATIONAL, 0), sentence("chongqing", CHONGQING, 1)]
    reading = read_chinese(QUESTION, read, place_fit=place_fit(QUESTION))
    assert reading is not None
    assert reading.answer.sentence.chunk.doc_id == "chongqing"
    assert "2月24日" in reading.answer.sentence.text
    # Without the question's place the notice ranked first answers, as before.
    reading = read_chinese(QUESTION, read)
    assert reading is not None and reading.answer.sentence.chunk.doc_id == "national"


def test_a_notice_of_the_place_saying_less_does_not_answer() -> None:
    """The place tells notices saying as much apart; it does not make a vaguer notice answer."""
    from app.answering.chinese_reader import read_chinese

    vague = sentence("chongqing", "重庆市税务局提醒纳税人按时申报。", 1)
    reading = read_chinese(QUESTION, [sentence("national", NATIONAL, 0), vague],
                           place_fit=place_fit(QUESTION))
    assert reading is not None and reading.answer.sentence.chunk.doc_id == "national"


def test_another_places_notice_does_not_outrank_the_first() -> None:
    """Only a notice with no place yields: not to another place's, nor a place's to anything
    (上海's question answered by its district 奉贤's report stays with it on realzh dev)."""
    from app.answering.chinese_reader import read_chinese

    other = sentence("chengdu", CHONGQING.replace("重庆市", "成都市"), 1)
    reading = read_chinese(QUESTION, [sentence("national", NATIONAL, 0), other],
                           place_fit=place_fit(QUESTION))
    assert reading is not None and reading.answer.sentence.chunk.doc_id == "national"

"""A numbered list's items (app/retrieval/numbered.py): a marker's form and number, where an item
ends and which items follow one. The texts are written by the test."""

from __future__ import annotations

from app.retrieval.numbered import item_end, items_on, marker


def test_a_markers_form_and_number() -> None:
    """Digits and Chinese numerals are two forms; a figure's point opens no item."""
    assert marker("（三）加强监测。") == ("（C）", 3)
    assert marker("2. 做好登记。") == ("D.", 2)
    assert marker("十一、其他") == ("C、", 11)
    assert marker("1、甲") != marker("一、甲")
    assert marker("2020.3月起") is None and marker("各单位要") is None


def test_an_item_runs_to_its_paragraphs_end() -> None:
    """A flat page parts paragraphs by white space after a sentence's end; an item's own
    sentences run on without it."""
    text = "1.落实责任。单位负责人是第一责任人。 　　2.制定方案。"
    assert text[:item_end(text, 0)] == "1.落实责任。单位负责人是第一责任人。"
    one_line = "1.提交申请；2.受理申请；3.送达文书。"
    assert one_line[:item_end(one_line, 0, ("D.", 2))] == "1.提交申请；"


def test_the_items_after_the_first_are_those_counting_on_in_its_form() -> None:
    """The next numbers of one form follow; another form (a sub-list's, a part's) or a
    paragraph with no number ends the list, and no item runs past the limit."""
    text = ("1、制定预案，责任到人。 　　2、掌握师生行程。督促关注健康。 　　3、设置等候区。 "
            "　　二、开学后的工作 　　1、开展健康教育。")
    first = item_end(text, 0)
    end = items_on(text, 0, first, len(text))
    assert text[:end].endswith("3、设置等候区。") and "二、" not in text[:end]
    assert items_on(text, 0, first, first + 10) == first  # the second would pass the limit
    skipped = "1、甲项。 3、丙项。"
    assert items_on(skipped, 0, item_end(skipped, 0), len(skipped)) == item_end(skipped, 0)

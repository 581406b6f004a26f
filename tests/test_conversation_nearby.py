"""Where the last answer stood (app.conversation.nearby): a kept answer's quotes found in the
documents it cited, the chunks around them, and those chunks without the clause just cited."""

from __future__ import annotations

from app.conversation.nearby import Cited, Neighbourhood, located, restated, without
from app.store.records import Chunk

DOC = "plan"
TEXT = ("(1) Build a platform. The platform opens in 2024. (Responsible units: Finance Bureau)\n"
        "(2) Form a fund group of 10 billion yuan. (Responsible units: Tax Bureau)\n"
        "Summary: Form a fund group of 10 billion yuan.")


def _chunk(n: int, start: int, end: int, section: str) -> Chunk:
    return Chunk(f"{DOC}::{n:04d}", DOC, TEXT[start:end], start, end,
                 {"doc_id": DOC, "start": start, "end": end, "section": section})


def _line(n: int) -> tuple[int, int]:
    lines = TEXT.split("\n")
    start = sum(len(line) + 1 for line in lines[:n])
    return start, start + len(lines[n])


def _chunks() -> list[Chunk]:
    first, second, third = _line(0), _line(1), _line(2)
    middle = TEXT.index("(Responsible units: Finance")
    return [_chunk(0, first[0], middle, "(1)"), _chunk(1, middle, first[1], "(1)"),
            _chunk(2, *second, "(2)"), _chunk(3, *third, "")]


def _text(doc_id: str) -> str | None:
    return TEXT if doc_id == DOC else None


def test_a_quote_after_a_note_and_before_a_marker_is_found_in_its_document() -> None:
    answer = 'Note: "Plan" expired on 2025-01-01. The platform opens in 2024. [1]'
    assert located(answer, [DOC], _text) == (
        Cited(DOC, TEXT.index("The platform"), TEXT.index(" (Responsible units: Finance")),)


def test_a_generated_answer_or_an_unknown_document_stands_nowhere() -> None:
    assert located("It opens next year, the plan says.", [DOC], _text) == ()
    assert located("The platform opens in 2024. [1]", ["gone"], _text) == ()


def test_a_quote_the_document_states_twice_stands_in_both_places() -> None:
    """A plan's summary restating a measure stands far from the measure's units."""
    quote = "Form a fund group of 10 billion yuan."
    summary = TEXT.rindex(quote)
    both = restated([Cited(DOC, summary, summary + len(quote))], _text)
    assert {c.start for c in both} == {summary, TEXT.index(quote)}


def test_the_neighbourhood_is_the_cited_chunk_then_the_rest_of_its_section() -> None:
    chunks = _chunks()
    around = Neighbourhood(lambda doc_id: chunks, lambda doc_id: "v1")
    start = TEXT.index("The platform")
    found = around.around([Cited(DOC, start, start + 20)])
    assert [c.chunk_id for c in found] == [chunks[0].chunk_id, chunks[1].chunk_id]
    summary = TEXT.rindex("Form")  # outside any section: a section's chunk is not its neighbour
    found = around.around([Cited(DOC, summary, summary + 10)])
    assert [c.chunk_id for c in found] == [chunks[3].chunk_id]


def test_without_the_cited_clause_the_rest_keeps_its_offsets() -> None:
    chunk = _chunks()[0]
    start = TEXT.index("The platform")
    pieces = without([chunk], [Cited(DOC, start, start + len("The platform opens in 2024."))])
    assert [p.text.strip() for p in pieces] == ["(1) Build a platform."]
    assert all(TEXT[p.start:p.end] == p.text for p in pieces)


def test_a_quote_running_on_into_its_units_stood_on_the_clause_alone() -> None:
    """Regression (chains f5-01.2, f6-04.2, h5-04.2): "The Pengcheng Cloud Brain III project will
    start construction before the end of 2023. (Responsible units: …)" is one sentence to the
    splitter; the follow-up "Which units are responsible for it?" answered with that quote was
    taken for a repeat of the clause just cited and dropped for another measure's units. The
    bracketed aside is a statement of its own: the last answer stood on the clause before it."""
    start = TEXT.index("Form a fund group")
    end = TEXT.index("(Responsible units: Tax Bureau)") + len("(Responsible units: Tax Bureau)")
    said = restated([Cited(DOC, start, end)], _text)
    assert said[0] == Cited(DOC, start, start + len("Form a fund group of 10 billion yuan."))
    assert TEXT.rindex("Form a fund group") in {c.start for c in said}  # still restated
    aside = TEXT.index("(Responsible units: Tax")
    assert not any(c.start <= aside < c.end for c in said)

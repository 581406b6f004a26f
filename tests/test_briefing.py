"""Briefing packs on the real corpus: cited items by kind, a quiz verified through /api/ask,
exports, and one topic compared across cities."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient

from app.briefing.models import BriefItem
from app.briefing.quiz import Candidate, verified
from app.models import Answer, AskRequest, Citation
from app.services import Services
from tests.conftest import HAIZHU, SHENZHEN, ZHANGZHOU, ZHANJIANG

Body = dict[str, Any]


@pytest.fixture(scope="module")
def zhanjiang(client: TestClient) -> Body:
    response = client.get(f"/api/documents/{ZHANJIANG}/brief")
    assert response.status_code == 200
    return dict(response.json())


@pytest.fixture(scope="module")
def shenzhen(client: TestClient) -> Body:
    return dict(client.get(f"/api/documents/{SHENZHEN}/brief").json())


def _section(brief: Body, kind: str) -> list[Body]:
    return next(s["items"] for s in brief["sections"] if s["kind"] == kind)


def _holding(items: list[Body], words: str) -> Body:
    found = [i for i in items if words in i["citation"]["quote"]]
    assert found, f"no item holds {words!r}: {[i['citation']['quote'] for i in items]}"
    return found[0]


def _text(client: TestClient, doc_id: str) -> str:
    return str(client.get(f"/api/documents/{doc_id}").json()["text"])


def _assert_exact(client: TestClient, item: Body) -> None:
    c = item["citation"]
    assert _text(client, c["doc_id"])[c["start"]:c["end"]] == c["quote"]


def test_zhanjiang_brief_holds_the_rule_the_plan_and_the_date(client: TestClient,
                                                              zhanjiang: Body) -> None:
    doc = zhanjiang["document"]
    assert doc["city"] == "Zhanjiang" and doc["issuer"].startswith("Zhanjiang Municipal")
    share = _holding(_section(zhanjiang, "requirement"), "no less than 5%")
    assert share in _section(zhanjiang, "figure")  # a requirement and a figure alike
    plan = _holding(_section(zhanjiang, "requirement"),
                    '"Project Digital-Intelligence and AI Application Plan"')
    assert "required to include" in plan["citation"]["quote"]
    date = _holding(_section(zhanjiang, "date"), "November 2025")
    for item in (share, plan, date):
        _assert_exact(client, item)
    every = [i for s in zhanjiang["sections"] for i in s["items"]]
    for item in every:
        _assert_exact(client, item)
    numbers = sorted({i["n"] for i in every})
    starts = [next(i for i in every if i["n"] == n)["citation"]["start"] for n in numbers]
    assert starts == sorted(starts), "items are numbered in document order"


def test_shenzhen_brief_holds_the_fund_and_measure_16s_units(client: TestClient,
                                                             shenzhen: Body) -> None:
    fund = _holding(_section(shenzhen, "figure"), "100 billion yuan")
    units = [i for i in _section(shenzhen, "responsibility")
             if "(16)" in i["citation"]["section"]]
    assert len(units) == 1
    assert units[0]["citation"]["quote"].startswith("(Responsible units: Municipal Finance Bureau")
    for item in (fund, units[0]):
        _assert_exact(client, item)
    quotes = [i["citation"]["quote"] for i in _section(shenzhen, "figure")]
    assert len(quotes) == len(set(quotes)), "the preamble's copy of (16) is not listed twice"
    assert not [q for q in quotes if q.startswith("(")], "measure labels are not items"


@pytest.mark.parametrize("brief_name", ["zhanjiang", "shenzhen"])
def test_every_quiz_question_is_answered_by_api_ask(client: TestClient, brief_name: str,
                                                   request: pytest.FixtureRequest) -> None:
    brief: Body = request.getfixturevalue(brief_name)
    quiz = brief["quiz"]
    assert 1 <= len(quiz) <= 15, brief["quiz_note"]
    # Zhanjiang's brief has 5 or more; a brief with fewer must say so.
    assert len(quiz) >= 5 or (brief_name != "zhanjiang" and "verified" in brief["quiz_note"])
    for q in quiz:
        answer = client.post("/api/ask", json={"question": q["question"]}).json()
        assert answer["refused"] is False, q["question"]
        assert q["answer"].lower() in " ".join(answer["answer"].lower().split()), q
        assert q["answer"] in q["citation"]["quote"]
    if brief_name == "zhanjiang":
        share = [q for q in quiz if q["answer"] == "no less than 5%"]
        assert share and "____ of the total project investment" in share[0]["question"]


def test_without_a_model_the_same_store_gives_the_same_brief(services: Services,
                                                             zhanjiang: Body) -> None:
    again = services.brief(ZHANJIANG).model_dump(mode="json")
    assert again == zhanjiang
    assert zhanjiang["overview"] is None and "extractive" in zhanjiang["overview_note"]
    assert zhanjiang["model"] is False


def test_docx_and_markdown_exports_hold_the_items(client: TestClient) -> None:
    response = client.get(f"/api/documents/{ZHANJIANG}/brief", params={"format": "docx"})
    assert response.status_code == 200
    assert f"brief-{ZHANJIANG}.docx" in response.headers["content-disposition"]
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Requirements and obligations" in text and "Quiz" in text
    assert "no less than 5% of the total project investment" in text
    assert "November 2025" in text and "Zhanjiang Municipal Government Service" in text
    markdown = client.get(f"/api/documents/{ZHANJIANG}/brief", params={"format": "md"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "## Dates and deadlines" in markdown.text and "no less than 5%" in markdown.text


def test_computing_power_is_compared_across_cities(client: TestClient) -> None:
    """Shenzhen's plan (2023-2024) and Zhangzhou's (2023-2025) have expired: a comparison
    leaves them out unless asked for them (issue 26)."""
    current = client.get("/api/brief", params={"topic": "computing power"}).json()
    assert {r["doc_id"] for r in current["rows"]} & {SHENZHEN, ZHANGZHOU} == set()
    assert set(current["not_in_force"]) == {SHENZHEN, ZHANGZHOU}
    response = client.get("/api/brief", params={"topic": "computing power", "expired": True})
    assert response.status_code == 200
    rows = {row["doc_id"]: row for row in response.json()["rows"]}
    assert {SHENZHEN, ZHANGZHOU, HAIZHU} <= set(rows)
    assert rows[HAIZHU]["district"] == "Haizhu" and rows[ZHANGZHOU]["city"] == "Zhangzhou"
    assert any("500P" in i["citation"]["quote"] for i in rows[HAIZHU]["items"])
    for row in rows.values():
        for item in row["items"]:
            assert "computing power" in item["citation"]["quote"].lower()
            _assert_exact(client, item)
    html = client.get("/api/brief", params={"topic": "computing power", "format": "html",
                                            "expired": True})
    assert "@media print" in html.text and "Zhangzhou" in html.text


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/api/documents/no-such-doc/brief", 404, "document_not_found"),
    ("/api/brief?topic=%20", 422, "empty_question"),
    ("/api/brief", 422, "invalid_request"),
    (f"/api/documents/{ZHANJIANG}/brief?format=pdf", 422, "invalid_request"),
])
def test_bad_briefing_requests_are_named(client: TestClient, path: str, status: int,
                                         code: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code



def test_a_quiz_answer_must_be_found_as_a_whole_word() -> None:
    """Regression: the answer "2" counted as found in an answer that only said "2023"."""
    quote = "Including 2 tasks"
    item = BriefItem(n=1, kinds=["figure"], citation=Citation(
        n=1, doc_id=ZHANGZHOU, title="t", quote=quote, start=0, end=len(quote), score=1.0))
    candidate = Candidate("count", "a number", item, "Fill in the blank: Including ____ tasks",
                          "2")

    def answering(text: str) -> Callable[[AskRequest], Answer]:
        cited = item.citation.model_copy(update={"quote": text, "end": len(text)})
        return lambda request: Answer(answer=f"{text} [1]", citations=[cited])

    assert verified(candidate, answering("The plan runs 2023-2025.")) is None
    assert verified(candidate, answering("Including 2 tasks.")) is not None

"""Conversations over the real corpus, models and app: follow-ups completed from the turns
before them, the conversation endpoints, one user's conversation hidden from another."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.http.factory import create_app
from app.settings import Settings
from tests.conftest import HAIZHU, SHENZHEN
from tests.support.accounts import HEALTH_DOC, Deployment
from tests.support.accounts import QUESTION as NORTHFIELD

FUND_ZH = "深圳要组建多大规模的人工智能基金群？"
FUND_EN = "How large is the artificial intelligence fund group Shenzhen will form?"


@pytest.fixture(scope="module")
def app_client(corpus_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_settings)) as test_client:
        yield test_client


def _other(app_client: TestClient) -> TestClient:
    """A second browser on the same app: its own cookies, so its own owner key."""
    return TestClient(app_client.app)


def _start(client: TestClient) -> str:
    response = client.post("/api/conversations")
    assert response.status_code == 201, response.text
    return str(response.json()["conversation_id"])


def _ask(client: TestClient, question: str, **body: object) -> dict[str, object]:
    response = client.post("/api/ask", json={"question": question, "mode": "extractive", **body})
    assert response.status_code == 200, response.text
    answer: dict[str, object] = response.json()
    return answer


def _quotes(answer: dict[str, object]) -> str:
    citations = answer["citations"]
    assert isinstance(citations, list)
    return " ".join(c["quote"] for c in citations)


def test_chinese_follow_up_naming_only_a_place_asks_the_last_question_of_it(
        app_client: TestClient) -> None:
    conversation = _start(app_client)
    first = _ask(app_client, FUND_ZH, conversation_id=conversation)
    assert "100 billion" in _quotes(first)
    assert first["resolved_question"] is None  # a first turn is answered as asked

    follow = _ask(app_client, "那海珠区呢？", conversation_id=conversation)
    assert follow["resolved_question"] == "海珠区要组建多大规模的人工智能基金群？"
    assert follow["conversation_id"] == conversation
    nearest = follow["citations"] or follow["related"]
    assert {c["doc_id"] for c in nearest} == {HAIZHU}  # type: ignore[union-attr]
    assert not follow["refused"]
    assert "310 million" in _quotes(follow)

    kept = app_client.get(f"/api/conversations/{conversation}").json()
    assert [t["question"] for t in kept["turns"]] == [FUND_ZH, "那海珠区呢？"]
    assert kept["title"] == FUND_ZH
    assert "310 million" in " ".join(c["quote"] for c in kept["turns"][1]["answer"]["citations"])


def test_english_follow_up_pointing_back_cites_the_measure_just_cited(
        app_client: TestClient) -> None:
    """Bug: "Who is responsible for that?" after the fund question quoted another measure's
    units. Measure (16) is stored in two chunks and its "(Responsible units: …)" remark, in the
    second, ranked sixth; the best passages are now read to the end of their section."""
    conversation = _start(app_client)
    first = _ask(app_client, FUND_EN, conversation_id=conversation)
    assert "100 billion" in _quotes(first)
    follow = _ask(app_client, "Who is responsible for that?", conversation_id=conversation)
    resolved = str(follow["resolved_question"])
    assert resolved.startswith("Who is responsible for the ") and "fund group" in resolved
    assert {c["doc_id"] for c in follow["citations"]} == {SHENZHEN}  # type: ignore[union-attr]
    # measure (16)'s own responsible units, not another measure's
    assert "Municipal Finance Bureau" in _quotes(follow)


SERVICE_AREA = "Which platform will Shenzhen rely on to build an AI service area?"


def test_responsible_units_are_read_beside_the_clause_just_cited(
        app_client: TestClient) -> None:
    """Bug (chain u-01): "Which units are responsible for that?" after the AI service area was
    resolved to "… for the AI service area in Shenzhen?" and answered from measure (11)'s
    "building units"; the units stand beside the clause just cited, in measure (9)."""
    conversation = _start(app_client)
    first = _ask(app_client, SERVICE_AREA, conversation_id=conversation)
    assert "Shenzhen i Enterprise" in _quotes(first)
    follow = _ask(app_client, "Which units are responsible for that?",
                  conversation_id=conversation)
    assert "AI service area" in str(follow["resolved_question"])  # still shown as resolved
    assert "Municipal Bureau of Industry and Information Technology, districts" in \
        _quotes(follow)


def test_a_client_kept_answer_is_found_in_its_document(app_client: TestClient) -> None:
    """Bug (chain ch-07): "Which departments review it?" after Zhanjiang's rule for project
    proposals was answered with the notice's issuers; the review sentence is the one after the
    cited one. A client sends only the answer's text: its quote is found in the document."""
    question = ("What must Zhanjiang project units include when preparing proposals for "
                "projects in the digital-intelligent project library?")
    first = _ask(app_client, question)
    assert "Application Plan" in _quotes(first)
    follow = _ask(app_client, "Which departments review it?", history=[
        {"question": question, "doc_ids": ["zhanjiang-2025-digital-intelligent-projects"],
         "answer": first["answer"]}])
    assert "submitted for review" in _quotes(follow)
    assert "development and reform department" in _quotes(follow)


def test_a_follow_up_naming_its_own_thing_is_not_read_beside_the_last_clause(
        app_client: TestClient) -> None:
    """A follow-up about a thing of its own (what the home fibre coverage is) asks about that
    thing, not about what stands beside the clause just cited."""
    conversation = _start(app_client)
    _ask(app_client, "What is Zhangzhou's Internet exit bandwidth target?",
         conversation_id=conversation)
    follow = _ask(app_client, "And the home gigabit fiber coverage?",
                  conversation_id=conversation)
    assert "290%" in _quotes(follow)


def test_history_sent_by_the_client_resolves_as_a_kept_conversation(
        app_client: TestClient) -> None:
    follow = _ask(app_client, "What about Haizhu?",
                  history=[{"question": FUND_EN, "doc_ids": [SHENZHEN]}])
    assert follow["resolved_question"] == (
        "How large is the artificial intelligence fund group Haizhu will form?")
    assert "310 million" in _quotes(follow)
    assert follow["conversation_id"] is None


def test_the_center_is_the_center_the_last_answer_quoted(app_client: TestClient) -> None:
    """Bug (chain s-06): "What is the center's full name?" after Haizhu's computing center was
    asked as written, of Haizhu, and refused: "the center" named none of the answer's."""
    conversation = _start(app_client)
    first = _ask(app_client, "What level of computing center did Haizhu announce construction "
                 "of at the bureau's launch?", conversation_id=conversation)
    assert "100P" in _quotes(first)
    follow = _ask(app_client, "What is the center's full name?", conversation_id=conversation)
    assert "Computing Center" in str(follow["resolved_question"])
    assert not follow["refused"] and "PZ-SPACE" in _quotes(follow)


def test_a_place_the_old_frame_does_not_fit_is_asked_of_the_answers_topic(
        app_client: TestClient) -> None:
    """Bug (chain s-02): "And what about Shenzhen?" after Haizhu's yearly allocation to
    attract AI unicorns was asked in that frame alone, which Shenzhen's plan does not fit,
    and refused; the answer's topic (a special fund) finds Shenzhen's fund group."""
    first_question = "How much will Haizhu allocate each year to attract AI unicorn enterprises?"
    first = _ask(app_client, first_question)
    assert "310 million" in _quotes(first)
    follow = _ask(app_client, "And what about Shenzhen?", history=[
        {"question": first_question, "doc_ids": [HAIZHU], "answer": first["answer"]}])
    assert not follow["refused"]
    assert "100 billion" in _quotes(follow)
    assert "Shenzhen" in str(follow["resolved_question"])


def test_a_complete_new_question_in_a_conversation_is_answered_as_asked(
        app_client: TestClient) -> None:
    conversation = _start(app_client)
    _ask(app_client, FUND_EN, conversation_id=conversation)
    question = ("What minimum share of total investment must digital-intelligent upgrades "
                "take in Zhanjiang's government-invested projects?")
    follow = _ask(app_client, question, conversation_id=conversation)
    assert follow["resolved_question"] is None
    assert "5%" in str(follow["answer"])


def test_chat_completions_reads_the_whole_conversation(app_client: TestClient) -> None:
    response = app_client.post("/v1/chat/completions", json={"messages": [
        {"role": "user", "content": FUND_EN},
        {"role": "assistant", "content": "An AI fund group of 100 billion yuan. [1]"},
        {"role": "user", "content": "What about Haizhu?"},
    ]})
    assert response.status_code == 200, response.text
    content = response.json()["choices"][0]["message"]["content"]
    assert content.startswith("Answering: How large is the artificial intelligence fund group "
                              "Haizhu will form?\n\n")
    assert "310 million" in content
    # In Chinese the line says so in Chinese.
    response = app_client.post("/v1/chat/completions", json={"messages": [
        {"role": "user", "content": FUND_ZH}, {"role": "user", "content": "那海珠区呢？"}]})
    assert response.json()["choices"][0]["message"]["content"].startswith(
        "回答：海珠区要组建多大规模的人工智能基金群？")


def test_a_conversation_is_not_readable_by_another_user(app_client: TestClient) -> None:
    conversation = _start(app_client)
    _ask(app_client, FUND_EN, conversation_id=conversation)
    with _other(app_client) as stranger:
        assert stranger.get(f"/api/conversations/{conversation}").status_code == 404
        assert conversation not in {c["conversation_id"] for c in
                                    stranger.get("/api/conversations").json()["conversations"]}
        asked = stranger.post("/api/ask", json={"question": "What about Haizhu?",
                                                "conversation_id": conversation})
        assert asked.status_code == 404
        assert asked.json()["error"]["code"] == "conversation_not_found"
        assert stranger.delete(f"/api/conversations/{conversation}").status_code == 404
    # the owner still has it, whole; then deletes it
    listed = app_client.get("/api/conversations").json()["conversations"]
    assert any(c["conversation_id"] == conversation and c["turn_count"] == 1 for c in listed)
    assert app_client.delete(f"/api/conversations/{conversation}").status_code == 204
    assert app_client.get(f"/api/conversations/{conversation}").status_code == 404


def test_conversation_id_and_history_together_are_refused(app_client: TestClient) -> None:
    conversation = _start(app_client)
    response = app_client.post("/api/ask", json={
        "question": "What about Haizhu?", "conversation_id": conversation,
        "history": [{"question": FUND_EN}]})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "conversation_and_history"
    assert app_client.get(f"/api/conversations/{conversation}").json()["turns"] == []


def test_stream_names_the_resolved_question_first(app_client: TestClient) -> None:
    body = {"question": "What about Haizhu?", "mode": "extractive",
            "history": [{"question": FUND_EN}]}
    with app_client.stream("POST", "/api/ask/stream", json=body) as response:
        text = "".join(response.iter_text())
    assert text.startswith("event: question\n")
    assert "fund group Haizhu will form?" in text.split("\n\n")[0]
    assert "310 million" in text


@pytest.mark.parametrize("kb", ["sqlite"], indirect=True)
def test_with_sign_in_a_conversation_belongs_to_its_user(kb: Deployment) -> None:
    client, reader = kb.client, kb.as_("health-reader")
    started = client.post("/api/conversations", headers=reader)
    assert started.status_code == 201, started.text
    conversation = started.json()["conversation_id"]
    first = client.post("/api/ask", headers=reader, json={
        "question": NORTHFIELD, "conversation_id": conversation}).json()
    assert "300,000" in first["answer"]
    follow = client.post("/api/ask", headers=reader, json={
        "question": "What is the deadline for it?", "conversation_id": conversation}).json()
    # The first question named Northfield, a town its documents are placed in since they are
    # read without a level word ("in Northfield"): the follow-up carries the place too.
    assert follow["resolved_question"] == ("What is the deadline for the digitization grant in "
                                           "Northfield?")
    found = follow["citations"] or follow["related"]
    assert found and {p["doc_id"] for p in found} == {HEALTH_DOC}  # the document carried over

    other = kb.as_("transport-reader")
    assert client.get(f"/api/conversations/{conversation}", headers=other).status_code == 404
    assert client.get("/api/conversations", headers=other).json()["conversations"] == []
    asked = client.post("/api/ask", headers=other, json={
        "question": "Before when must they apply?", "conversation_id": conversation})
    assert asked.status_code == 404
    assert client.get("/api/conversations").status_code == 401  # no credentials at all
    kept = client.get(f"/api/conversations/{conversation}", headers=reader).json()
    assert kept["turn_count"] == 2


def test_a_question_across_documents_is_answered_as_asked_inside_a_conversation(
        app_client: TestClient) -> None:
    """Regression: after a question about Zhanjiang and Haizhu, "Which cities plan blockchain
    work?" was rewritten to "… (in Zhanjiang and Haizhu)?" and answered from Zhanjiang's
    notice alone (the page's thread showed one place instead of Guangzhou and Zhangzhou)."""
    follow = _ask(app_client, "Which cities plan blockchain work?", history=[{
        "question": "What share of total investment must go to digital-intelligent upgrades in "
                    "Zhanjiang? Who is the director of the Haizhu AI Development Bureau?",
        "doc_ids": ["zhanjiang-2025-digital-intelligent-projects"]}])
    assert follow["resolved_question"] is None
    places = [str(g["place"]) for g in follow["groups"]]  # type: ignore[union-attr]
    assert places == ["Guangzhou", "Zhangzhou"]


def test_a_part_of_the_last_answer_is_read_in_its_document_not_in_the_clause_just_cited(
        app_client: TestClient) -> None:
    """Bug (chain f8-02): "其中数字社会方面聚焦哪些重点领域？" after the pilot plan's 25 tasks was
    answered with the summary sentence just cited (it names "digital society" among six areas);
    the plan states each area's focus in a paragraph of its own, far from that sentence."""
    conversation = _start(app_client)
    first = _ask(app_client, "广州城市全面数字化转型试点实施方案提出了多少项重点任务？",
                 conversation_id=conversation)
    assert "25 key tasks" in _quotes(first)
    follow = _ask(app_client, "其中数字政府方面要推广什么数据采集系统？",
                  conversation_id=conversation)
    assert "Sui Biao Tong" in _quotes(follow)
    assert "25 key tasks" not in _quotes(follow)


def test_a_part_counted_in_the_clause_just_cited_is_answered_from_it(
        app_client: TestClient) -> None:
    """Bug (chain ch-22): "其中医疗健康领域有几个入选省级？" was refused: the count left out the
    cases the last question counted, and "over 20 … cases, eight of which … selected for
    provincial-level recognition" is the clause just cited, which a follow-up asking something
    new was not to repeat."""
    conversation = _start(app_client)
    first = _ask(app_client, "湛江发布了多少个人工智能具体应用案例？", conversation_id=conversation)
    assert "over 20" in _quotes(first)
    follow = _ask(app_client, "其中医疗健康领域有几个入选省级？", conversation_id=conversation)
    assert "eight of which" in _quotes(follow)


def test_this_clause_s_responsible_units_are_those_of_the_clause_just_cited(
        app_client: TestClient) -> None:
    """Bug (chain h9-05.2): "这条的责任单位都有谁？" after the fund group was rewritten
    "深圳人工智能基金群的责任单位都有谁？" and answered with the talent measure's units:
    责任单位 (hidden by the adverb 都 from its copula) was taken for a topic, so the clause's
    neighbours went unread."""
    conversation = _start(app_client)
    first = _ask(app_client, "深圳打算把人工智能基金群做到多大规模？", conversation_id=conversation)
    assert "100 billion" in _quotes(first)
    follow = _ask(app_client, "这条的责任单位都有谁？", conversation_id=conversation)
    assert "Municipal Finance Bureau" in _quotes(follow)
    assert "Municipal Talent Work Bureau" not in _quotes(follow)

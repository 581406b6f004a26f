"""Issue 26: which policy is in force — validity read from texts, versions kept on re-ingest,
answers from the documents in force, as_of, statuses on citations, the versions API and diff."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import main
from app.http.factory import create_app
from app.settings import Settings
from ingest.pipeline import ingest
from ingest.validity import detect
from tests.conftest import ROOT, make_settings

CORPUS = ROOT / "eval" / "validity" / "corpus"
OLD_PLAN, NEW_PLAN = "riverside-housing-2023", "riverside-housing-2025"
SUBSIDY = "How much is the one-off purchase subsidy for first-time buyers in Riverside?"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("validity") / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="module")
def settings(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = make_settings(tmp_path_factory.mktemp("validity-store"))
    report = ingest([corpus], settings)
    assert not report.failed and len(report.added) == len(list(CORPUS.glob("*.txt")))
    return settings


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _ask(client: TestClient, question: str, **extra: object) -> dict[str, object]:
    response = client.post("/api/ask", json={"question": question, "mode": "extractive", **extra})
    assert response.status_code == 200, response.text
    return dict(response.json())


# Detection in text -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("本通告自即日起施行，有效期至新型冠状病毒感染肺炎疫情解除。",
     {"effective_on_issue": True, "valid_condition": "有效期至新型冠状病毒感染肺炎疫情解除"}),
    ("本办法自2022年1月1日起施行，有效期两年。",
     {"effective_from": "2022-01-01", "effective_until": "2023-12-31"}),
    ("本通知自发布之日起暂执行至2020年6月30日止。",
     {"effective_on_issue": True, "effective_until": "2020-06-30"}),
    ("本公告自2020年1月1日起施行，截止日期视疫情情况另行公告。",
     {"effective_from": "2020-01-01", "valid_condition": "截止日期视疫情情况另行公告"}),
    ("This notice takes effect on 1 March 2022 and is valid until 30 June 2022.",
     {"effective_from": "2022-03-01", "effective_until": "2022-06-30"}),
    ("These measures take effect on the date of issue and remain in force until the epidemic "
     "response ends.",
     {"effective_on_issue": True,
      "valid_condition": "remain in force until the epidemic response ends"}),
])
def test_validity_is_read_from_the_text(text: str, expected: dict[str, object]) -> None:
    found = detect(text)
    found.pop("validity_text")
    assert found == expected


def test_issue_day_dates_a_start_on_issue_and_a_term() -> None:
    found = detect("本实施意见自印发之日起实施，有效期一年。", published="2020-02-10")
    assert found["effective_from"] == "2020-02-10" and found["effective_until"] == "2021-02-09"


def test_a_licence_term_is_not_the_documents_own() -> None:
    """"有效期顺延至疫情结束" of licences is not the validity of the notice that extends them."""
    assert detect("食品经营许可证到期的，有效期顺延至疫情结束。") == {}


def test_a_start_and_an_end_in_one_english_phrase() -> None:
    found = detect("The fee holiday applies from 15 May 2021 until 31 August 2021.")
    assert (found["effective_from"], found["effective_until"]) == ("2021-05-15", "2021-08-31")
    found = detect("The scheme runs from 1 February 2022 to 31 December 2023.")
    assert (found["effective_from"], found["effective_until"]) == ("2022-02-01", "2023-12-31")
    found = detect("These waivers are in place from 2 March 2020 to 31 July 2020.")
    assert (found["effective_from"], found["effective_until"]) == ("2020-03-02", "2020-07-31")
    found = detect("The programme begins on 1 April 2022 and ends on 30 June 2022.")
    assert (found["effective_from"], found["effective_until"]) == ("2022-04-01", "2022-06-30")


def test_repeal_and_plan_years_are_read() -> None:
    found = detect("本办法自2024年1月1日起施行，原《青山区人才安居办法（2022—2023年）》同时废止。")
    assert json.loads(found["supersedes"]) == ["青山区人才安居办法（2022—2023年）"]
    assert detect("", title="The Riverside Plan (2023–2024)") == {
        "effective_from": "2023-01-01", "effective_until": "2024-12-31"}


# The API ---------------------------------------------------------------------------------
def test_documents_show_validity(client: TestClient) -> None:
    docs = {d["doc_id"]: d for d in client.get("/api/documents").json()["documents"]}
    assert docs[OLD_PLAN]["validity"]["status"] == "superseded"
    assert docs[OLD_PLAN]["validity"]["superseded_by"] == NEW_PLAN
    assert docs[NEW_PLAN]["validity"]["supersedes"] == [OLD_PLAN]
    assert docs["harbor-parking-waiver"]["validity"]["status"] == "expired"
    assert docs["harbor-parking-waiver"]["validity"]["note"] == "expired on 2022-06-30"
    # An open end is stored and shown as written, never as a guessed date.
    songlin = docs["songlin-epidemic-notice"]["validity"]
    assert songlin["condition"] == "有效期至新冠肺炎疫情解除"
    assert songlin["effective_until"] is None and songlin["status"] == "in_force"


def test_superseded_plan_is_not_cited_for_a_current_question(client: TestClient) -> None:
    answer = _ask(client, SUBSIDY)
    assert "50,000 yuan" in str(answer["answer"]) and "30,000" not in str(answer["answer"])
    citations = answer["citations"]
    assert isinstance(citations, list) and citations
    assert {c["doc_id"] for c in citations} == {NEW_PLAN}
    assert all(c["status"] == "in_force" and c["status_note"] == "" for c in citations)


def test_as_of_a_day_in_its_period_cites_the_old_plan_with_its_status(
        client: TestClient) -> None:
    answer = _ask(client, SUBSIDY, as_of="2024-06-01")
    assert "30,000 yuan" in str(answer["answer"])
    citations = answer["citations"]
    assert isinstance(citations, list) and citations
    assert {c["doc_id"] for c in citations} == {OLD_PLAN}
    for c in citations:
        assert c["status"] == "superseded"
        assert c["status_note"].startswith("has been superseded by “Riverside Housing")
    assert str(answer["answer"]).startswith("Note: “Riverside Housing Support Plan (2023–2024)” "
                                            "has been superseded")


def test_a_year_in_the_question_asks_about_that_year(client: TestClient) -> None:
    answer = _ask(client, "What was the first-time buyer subsidy in Riverside in 2023?")
    assert "30,000 yuan" in str(answer["answer"])


def test_a_question_about_an_expired_measure_says_it_expired(client: TestClient) -> None:
    answer = _ask(client, "Is parking free at Harbor District municipal car parks?")
    assert str(answer["answer"]).startswith(
        "Note: “Notice on Waiving Parking Fees at Harbor District Municipal Car Parks” "
        "expired on 2022-06-30.")
    citations = answer["citations"]
    assert isinstance(citations, list)
    assert citations and all(c["status"] == "expired" for c in citations)


def test_a_chinese_question_about_an_expired_measure_says_it_expired(
        client: TestClient) -> None:
    answer = _ask(client, "芜湖市小微企业的水费能减免多少？")
    assert str(answer["answer"]).startswith("注意：《芜湖市关于阶段性减免小微企业和个体工商户"
                                            "水电气费用的通知》已于2022-12-31失效。")
    citations = answer["citations"]
    assert isinstance(citations, list)
    assert citations and all(c["status"] == "expired" for c in citations)


def test_a_chinese_question_is_answered_from_its_own_place_not_an_english_look_alike(
        client: TestClient) -> None:
    """Regression: a Chinese question about 青山区 was answered from Riverside's English
    housing plan, whose passages three rankings scored while the Chinese ones had BM25 alone
    (app.retrieval.fusion)."""
    answer = _ask(client, "青山区博士研究生首次购房可以拿到多少安家补贴？")
    assert "15万元" in str(answer["answer"])
    citations = answer["citations"]
    assert isinstance(citations, list) and citations
    assert {c["doc_id"] for c in citations} == {"qingshan-talent-housing-2024"}
    dated = _ask(client, "在青山区租房的高校毕业生每月有多少租房补贴？", as_of="2022-09-01")
    assert "600元" in str(dated["answer"])
    assert str(dated["answer"]).startswith("注意：《青山区人才安居办法（2022—2023年）》已被")


def test_an_english_question_is_not_answered_from_a_chinese_look_alike(
        client: TestClient) -> None:
    """Regression: Riverside's rent question was answered with 青山区's 900元 (the Chinese
    passages had the cross-lingual ranking's double weight on top of BM25's)."""
    answer = _ask(client, "What rent subsidy do graduates renting in Riverside get each month?")
    assert "1,000 yuan" in str(answer["answer"])
    citations = answer["citations"]
    assert isinstance(citations, list)
    assert citations and {c["doc_id"] for c in citations} == {NEW_PLAN}


def test_a_place_asked_about_is_searched_in_its_own_documents_across_languages(
        client: TestClient) -> None:
    """Regression: with both languages stored, an English question about Jiaxing found
    Riverside's English plan (a document of no known place) first, not Jiaxing's own Chinese
    measures (app.retrieval.fusion; app.retrieval.hybrid, placed documents first)."""
    response = client.post("/api/search", json={
        "query": "How much is Jiaxing's one-off start-up subsidy for new housekeeping companies?"})
    assert response.status_code == 200, response.text
    passages = response.json()["passages"]
    assert passages and passages[0]["doc_id"] == "jiaxing-housekeeping-2025"
    assert "8万元" in passages[0]["text"]


def test_a_chinese_question_is_answered_from_the_plan_in_force_only(client: TestClient) -> None:
    answer = _ask(client, "嘉兴市新设立的员工制家政企业能拿到多少开办补助？")
    assert "8万元" in str(answer["answer"]) and "5万元" not in str(answer["answer"])
    assert {c["doc_id"] for c in answer["citations"]} == {"jiaxing-housekeeping-2025"}  # type: ignore[union-attr]


def test_a_notice_extending_a_measure_keeps_it_in_force_until_the_later_day(
        client: TestClient) -> None:
    question = "南浔区承租国有房产的小微企业可以减免几个月房租？"
    dated = _ask(client, question, as_of="2023-06-01")  # after its own end, 2022-12-31
    assert "3个月" in str(dated["answer"])
    assert {c["doc_id"] for c in dated["citations"]} == {"nanxun-rent-relief-2022"}  # type: ignore[union-attr]
    assert str(_ask(client, question)["answer"]).startswith(
        "注意：《南浔区小微企业房租减免试行办法》已于2023-12-31失效。")


def test_a_validity_sentence_is_not_quoted_for_a_term_it_does_not_state(
        client: TestClient) -> None:
    """Regression: "贴息期限最长多久" as of 2021 quoted "2年" of "本办法自…起试行，有效期2年"."""
    answer = _ask(client, "桐乡市创业担保贷款的贴息期限最长多久？", as_of="2021-09-01")
    quotes = [c["quote"] for c in answer["citations"]]  # type: ignore[union-attr]
    assert quotes and all("有效期" not in q for q in quotes)
    assert any("2年" in q for q in quotes)


def test_bad_as_of_is_a_422(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": SUBSIDY, "as_of": "2024-13-01"})
    assert response.status_code == 422 and "as_of" in response.text


# Versions --------------------------------------------------------------------------------
def test_reingesting_a_changed_file_keeps_the_old_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / f"{NEW_PLAN}.txt", corpus)
    settings = make_settings(tmp_path / "data")
    ingest([corpus], settings)
    with TestClient(create_app(settings)) as client:
        before = _ask(client, SUBSIDY)
        cited = before["citations"][0]  # type: ignore[index]
        assert "50,000 yuan" in cited["quote"] and cited["version"]
        path = corpus / f"{NEW_PLAN}.txt"
        path.write_text("Amended on 1 June 2025.\n" + path.read_text(encoding="utf-8").replace(
            "50,000 yuan", "60,000 yuan"), encoding="utf-8")
        assert ingest([corpus], settings).updated == [NEW_PLAN]

    with TestClient(create_app(settings)) as client:
        after = _ask(client, SUBSIDY)
        assert "60,000 yuan" in str(after["answer"])
        history = client.get(f"/api/documents/{NEW_PLAN}/versions").json()["versions"]
        assert [v["current"] for v in history] == [True, False]
        assert history[1]["version"] == cited["version"] != history[0]["version"]
        # The old citation's offsets still open the text it quoted.
        old = client.get(f"/api/documents/{NEW_PLAN}/versions/{cited['version']}").json()
        assert old["text"][cited["start"]:cited["end"]] == cited["quote"]
        diff = client.get(f"/api/documents/{NEW_PLAN}/diff",
                          params={"old": cited["version"]}).json()
        changed = [line for line in diff["lines"] if line["kind"] == "changed"]
        assert len(changed) == 1 and "60,000" in changed[0]["new"]
        start, end = changed[0]["new_spans"][0]
        assert changed[0]["new"][start:end] == "6"
        assert [line["new"] for line in diff["lines"] if line["kind"] == "added"] == [
            "Amended on 1 June 2025."]
        missing = client.get(f"/api/documents/{NEW_PLAN}/versions/0000")
        assert missing.status_code == 404 and "versions lists them" in missing.text

    monkeypatch.setenv("POLICYKB_DATA_DIR", str(settings.data_dir))
    assert main(["delete", NEW_PLAN]) == 0
    assert "all 1 earlier versions" in capsys.readouterr().out
    with TestClient(create_app(settings)) as client:
        assert client.get(f"/api/documents/{NEW_PLAN}/versions").status_code == 404


def test_as_of_on_the_command_line(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(settings.data_dir))
    assert main(["ask", SUBSIDY, "--as-of", "2024-06-01", "--mode", "extractive"]) == 0
    printed = capsys.readouterr().out
    assert "30,000 yuan" in printed and "[has been superseded by" in printed
    with pytest.raises(SystemExit):
        main(["ask", SUBSIDY, "--as-of", "June 2024"])
    assert "not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_today_is_the_default_day() -> None:
    from app.retrieval.as_of import asked_period

    today = date(2026, 5, 1)
    assert asked_period("How much now?", None, today) == (today, today)
    assert asked_period("到2030年目标是多少？", None, today) == (today, today)  # a target year
    assert asked_period("2023年的补贴是多少？", None, today) == (date(2023, 1, 1),
                                                         date(2023, 12, 31))
    assert asked_period("x", date(2024, 6, 1), today) == (date(2024, 6, 1), date(2024, 6, 1))

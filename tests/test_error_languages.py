"""Errors in the asker's language: one code, the message in English and Chinese, and
``message`` in Chinese for a Chinese question or a client that prefers Chinese (issue 27)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app import errors
from app.cli import main
from app.settings import Settings
from tests.conftest import ROOT


def _error(response: object) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body["error"]) == {"code", "message", "messages"}, body
    return dict(body["error"])


def test_an_english_question_gets_english_and_both_languages(client: TestClient) -> None:
    error = _error(client.post("/api/ask", json={"question": "what?", "top_k": 999}))
    assert error["code"] == "invalid_top_k"
    assert "top_k must be between" in str(error["message"])
    messages = dict(error["messages"])  # type: ignore[call-overload]
    assert messages["en"] == error["message"]
    assert messages["zh"].startswith("返回段落数（top_k）超出允许范围")


def test_a_chinese_question_gets_its_error_in_chinese(client: TestClient) -> None:
    """Regression: a Chinese question's error was an English sentence."""
    error = _error(client.post("/api/ask", json={"question": "湛江的比例是多少？", "top_k": 999}))
    assert error["code"] == "invalid_top_k"
    assert str(error["message"]).startswith("返回段落数")
    error = _error(client.post("/api/search", json={"query": "算力" * 2000}))
    assert error["code"] == "question_too_long" and "问题过长" in str(error["message"])


def test_the_client_language_decides_when_the_text_cannot(client: TestClient) -> None:
    zh = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"}
    error = _error(client.post("/api/ask", json={"question": "   "}, headers=zh))
    assert (error["code"], error["message"]) == ("empty_question", "问题为空，请输入一个问题。")
    error = _error(client.get("/api/documents/no-such-doc", headers=zh))
    assert error["code"] == "document_not_found" and "知识库中没有这份文件" in str(error["message"])
    error = _error(client.post("/api/ask", content=b"{not json", headers={
        **zh, "Content-Type": "application/json"}))
    assert error["code"] == "invalid_request" and "请求不符合接口要求" in str(error["message"])
    error = _error(client.post("/api/ask", json={"question": "   "},
                               headers={"Accept-Language": "en-GB"}))
    assert "question is empty" in str(error["message"])


def test_every_error_code_is_said_in_chinese() -> None:
    def codes(cls: type[errors.PolicyKBError]) -> set[str]:
        return {cls.code}.union(*(codes(sub) for sub in cls.__subclasses__()))

    missing = codes(errors.PolicyKBError) - set(errors.MESSAGES_ZH)
    assert not missing, f"add these codes to app.errors.MESSAGES_ZH: {sorted(missing)}"
    busy = errors.message_zh("store_busy", "pid 7")
    assert busy == "另一个写入任务（导入或删除）正在进行，请稍后重试（pid 7）"


def test_the_cli_says_a_chinese_question_s_error_in_chinese(
    corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(corpus_settings.data_dir))
    assert main(["search", "算力", "--city", "杭州"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("policykb: error: 筛选条件无效（unknown city"), err
    assert main(["search", "computing power", "--city", "Hangzhou"]) == 1
    assert capsys.readouterr().err.startswith("policykb: error: unknown city")

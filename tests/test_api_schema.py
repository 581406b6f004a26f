"""schemathesis against the real app over the corpus store: generated requests for every
operation in /openapi.json, a bounded number each, must never get a 5xx and every response
must match the schema (including the declared 404/422/503 error bodies)."""

from __future__ import annotations

import shutil
import traceback
from typing import Any

import pytest
import schemathesis

# Imported at collection, while no other thread runs: imported lazily inside the test, pytest's
# assertion rewrite parsed it while a service's warm thread parsed .npy headers, and CPython
# 3.11.7's ast raised "SystemError: AST constructor recursion depth mismatch" (gh-106905).
import schemathesis.specs.openapi.analysis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from app.http.factory import create_app
from app.settings import Settings

EXAMPLES_PER_OPERATION = 12  # the whole test: well under a minute on two cores

AST_BUG = "AST constructor recursion depth mismatch"


@pytest.fixture(scope="module")
def api_schema(corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Any:
    # A copy of the corpus store: generated requests upload, delete and make accounts.
    copy = tmp_path_factory.mktemp("schema-store") / "store"
    shutil.copytree(corpus_settings.data_dir, copy)
    settings = corpus_settings.model_copy(update={"data_dir": copy})
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(settings))


def test_generated_requests_get_no_5xx_and_match_the_schema(api_schema: Any) -> None:
    """Bug: the schema did not state the rules the service enforces (an empty question, the
    top_k range, a chat request with no user message), and several inputs answered 500."""
    # Driven through Hypothesis directly: schemathesis's pytest plugin does not run under
    # this project's pytest; each operation gets its own bounded, reproducible run.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,  # the same cases every run: a failure here is reproducible
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        try:
            check()
        except Exception as exc:
            # CPython 3.11.7's ast.parse, called deep in the stack by Hypothesis describing a
            # recursive strategy, can raise "AST constructor recursion depth mismatch" (a
            # CPython bug, not a request's outcome; CI of 8c8eb38): run the same cases again.
            if AST_BUG not in "".join(traceback.format_exception(exc)):
                raise
            check()


def test_schema_declares_what_the_service_checks(corpus_settings: Settings) -> None:
    """Bug: the schema lacked the rules (empty question, top_k range, a user message)."""
    from fastapi.testclient import TestClient

    document = TestClient(create_app(corpus_settings)).get("/openapi.json").json()
    components = document["components"]["schemas"]
    question = components["AskRequest"]["properties"]["question"]
    assert question["minLength"] == 1 and question["pattern"] == r"\S"
    assert question["maxLength"] == corpus_settings.answer.max_question_chars
    top_k = components["AskRequest"]["properties"]["top_k"]
    assert (top_k["minimum"], top_k["maximum"]) == (1, corpus_settings.retrieval.max_top_k)
    messages = components["ChatCompletionRequest"]["properties"]["messages"]
    assert messages["contains"]["properties"]["role"] == {"const": "user"}
    for path in ("/api/ask", "/api/search", "/api/ask/stream", "/v1/chat/completions"):
        assert {"422", "503"} <= set(document["paths"][path]["post"]["responses"]), path

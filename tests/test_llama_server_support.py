"""The test LLM stack works: a tiny GGUF written here is served by a real llama.cpp server."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.llama_server import running_llama_server
from tests.support.tiny_gguf import write_tiny_gguf


def test_tiny_model_is_served_over_openai_chat_api(tmp_path: Path) -> None:
    model_path = write_tiny_gguf(tmp_path / "tiny.gguf")

    with running_llama_server(model_path) as server, httpx.Client(timeout=30.0) as client:
        models = client.get(f"{server.base_url}/models")
        assert models.status_code == 200
        assert server.model in [entry["id"] for entry in models.json()["data"]]
        assert server.model.endswith("tiny.gguf")

        response = client.post(
            f"{server.base_url}/chat/completions",
            json={
                "model": server.model,
                "messages": [
                    {"role": "system", "content": "Answer from the policy documents."},
                    {"role": "user", "content": "深圳市的人工智能政策支持哪些项目?"},
                ],
                "max_tokens": 16,
            },
        )

    assert response.status_code == 200, response.text
    content = response.json()["choices"][0]["message"]["content"]
    assert isinstance(content, str)
    assert content.strip()

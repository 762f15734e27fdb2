#!/usr/bin/env bash
# verify-bench.sh: forward authentication with an API key (GET /auth/verify, x-api-key) against
# /healthz on the same server, measured side by side.
#
# Seeds (or reuses) a SQLite store with USERS users and one API key each, starts
# `./gatehouse serve` once and runs wrk against it, alternating so that no path gets a warmer JVM:
# warm-up (both paths, twice, not counted), then ROUNDS x [ /healthz, /auth/verify with one key,
# /auth/verify rotating over each of KEY_COUNTS keys ], each with the same DURATION, THREADS and
# CONNECTIONS. Every run goes through bench/wrk/verify-keys.lua (/healthz without a key), so wrk's
# own work per request is the same for every path; a request that is not answered 200 with
# X-Gatehouse-User stops the run. Prints requests/s and the server's CPU time per request for each
# run, the ratio to that round's /healthz, and the medians. The issue's target: /auth/verify with a
# key keeps at least 0.90 of /healthz's throughput.
#
# The server writes the keys' last use to the store every 30 seconds on a thread of its own, so a
# write lands in whichever run is under way, /healthz too. Its CPU time is shown per run beside the
# rest and left out of the CPU per request (JIT and GC stay in, as in http-bench.sh).
#
# Knobs (environment):
#   USERS=100000            users and keys seeded        DURATION=10s   each wrk run
#   KEY_COUNTS="1000 USERS" rotating runs (1 key always) CONNECTIONS=16 wrk connections
#   ROUNDS=3                measured rounds              THREADS=2      wrk threads
#   RESEED=1                seed a fresh store even if one fits
#   GATEHOUSE_JAVA_OPTS     passed to the server's JVM as by ./gatehouse
# Needs: Java 17+, wrk, curl. Everything it writes goes to bench/target/verify-bench/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
USERS="${USERS:-100000}"
KEY_COUNTS="${KEY_COUNTS:-1000 $USERS}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-3}"
WORK="$ROOT/bench/target/verify-bench"
STORE="$WORK/keys-$USERS.db"
KEYS="$WORK/keys-$USERS.keys"
LUA="$ROOT/bench/wrk/verify-keys.lua"
JAR="$ROOT/bench/target/benchmarks.jar"
BENCH_NAME=verify-bench
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

# shellcheck source=verify-lib.sh
source "$ROOT/bench/verify-lib.sh"

# --- build, seed, server ---------------------------------------------------------------------------
build_if_stale
seed_key_store

# As a proxy asks: the original request's URI, on a route open to every caller (the route table maps
# GET /v1/models to no feature); a request naming no route is refused to users with a restriction.
PLAIN='X-Forwarded-Uri: /v1/models'

echo
print_machine
start_server
first_key="$(head -1 "$KEYS")"
curl -fs -o /dev/null -H "x-api-key: $first_key" -H "$PLAIN" "http://127.0.0.1:$PORT/auth/verify" \
  || die "GET /auth/verify refused the first seeded key; the store or the key file is broken (RESEED=1)."
bad_key="${first_key%?}$([[ "$first_key" == *x ]] && echo y || echo x)"
curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $bad_key" -H "$PLAIN" "http://127.0.0.1:$PORT/auth/verify" \
  | grep -q 401 || die "GET /auth/verify did not refuse a key with a bad checksum; it is not checking keys."
echo
echo "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION per run, server on port $PORT (pid $SERVER_PID)"

echo " warm-up, not counted (the JIT compiler is still at work; /auth/verify over all $USERS keys):"
for _ in 1 2; do
  run "/healthz (warm-up)" /healthz
  run "/auth/verify (warm-up)" /auth/verify "$USERS" "$PLAIN"
done
forget_runs
for round in $(seq "$ROUNDS"); do
  echo " round $round:"
  run /healthz /healthz
  run "/auth/verify, 1 key" /auth/verify 1 "$PLAIN"
  for count in $KEY_COUNTS; do
    run "/auth/verify, $count keys" /auth/verify "$count" "$PLAIN"
  done
done
LOAD_RSS="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")"
stop_server

summarize "$USERS users with one API key each in SQLite"
echo "  target (issue 5): GET /auth/verify with a key keeps at least 0.90 of /healthz's requests/s"
print_rss_and_load

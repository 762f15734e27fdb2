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

for count in $KEY_COUNTS; do
  [[ "$count" =~ ^[0-9]+$ ]] && (( count >= 1 && count <= USERS )) \
    || die "KEY_COUNTS holds '$count'; each count must be 1 to USERS ($USERS)."
done


# --- build and seed ------------------------------------------------------------------------------
build_if_stale

mkdir -p "$WORK"
if [[ "${RESEED:-0}" == 1 || ! -s "$KEYS" || ! -f "$STORE" ]] || sources_newer_than "$KEYS"; then
  rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$KEYS" "$WORK/keys-$USERS.tokens"
  echo "Seeding $USERS users with one API key each into $STORE ..."
  java -cp "$JAR" dev.gatehouse.bench.SeedServerStore --store "sqlite:$STORE" --users "$USERS" \
    --tokens "$WORK/keys-$USERS.tokens" --keys "$KEYS" | tail -1
else
  echo "Reusing $STORE ($USERS users and keys; RESEED=1 makes a fresh one)."
fi

# --- server --------------------------------------------------------------------------------------
# The same for the server's key-use flush thread (its name cut to 15 characters by the kernel).
flush_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    if [[ "$(cat "$task/comm" 2>/dev/null)" == gatehouse-key-u* ]]; then awk '{print $14 + $15}' "$task/stat"; fi
  done | awk '{sum += $1} END {print sum + 0}'
}

# Starts the server on a free port; sets SERVER_PID, PORT and SERVER_STARTED (epoch ms).
start_server() {
  local started
  PORT=""
  started="$(now_ms)"
  GATEHOUSE_NO_BUILD=1 "$ROOT/gatehouse" --store "sqlite:$STORE" serve --port 0 --no-qr >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until [[ -n "$PORT" ]] && curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server exited during start."; }
    (( $(now_ms) - started < 120000 )) || die "the server did not answer /healthz within 120 s."
    [[ -n "$PORT" ]] || PORT="$(sed -n 's|^Gatehouse is listening on http://[^ ]*:\([0-9][0-9]*\).*|\1|p' "$WORK/server.log")"
    sleep 0.05
  done
  SERVER_STARTED="$(now_ms)"
}


echo
echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1),"\
     "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java:    $(java -version 2>&1 | head -1)${GATEHOUSE_JAVA_OPTS:+; GATEHOUSE_JAVA_OPTS=$GATEHOUSE_JAVA_OPTS}"
start_server
first_key="$(head -1 "$KEYS")"
curl -fs -o /dev/null -H "x-api-key: $first_key" "http://127.0.0.1:$PORT/auth/verify" \
  || die "GET /auth/verify refused the first seeded key; the store or the key file is broken (RESEED=1)."
bad_key="${first_key%?}$([[ "$first_key" == *x ]] && echo y || echo x)"
curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $bad_key" "http://127.0.0.1:$PORT/auth/verify" \
  | grep -q 401 || die "GET /auth/verify did not refuse a key with a bad checksum; it is not checking keys."
echo
echo "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION per run, server on port $PORT (pid $SERVER_PID)"

# run NAME PATH [KEY_COUNT]: one wrk run; records requests/s and CPU per request under NAME.
declare -A RPS=() CPU=()
FLUSH_MS=0
declare -a ORDER=()
run() {
  local name="$1" path="$2" count="${3:-}" out cpu0 cpu1 flush0 flush1 rps requests cpu flush latency since
  since=$(( ($(now_ms) - SERVER_STARTED) / 1000 ))
  flush0="$(flush_ticks "$SERVER_PID")"
  cpu0="$(cpu_ticks "$SERVER_PID")"
  out="$(BENCH_KEYS="${count:+$KEYS}" BENCH_KEY_COUNT="${count:-0}" wrk -t"$THREADS" -c"$CONNECTIONS" \
          -d"$DURATION" -s "$LUA" "http://127.0.0.1:$PORT$path" 2>&1)"
  cpu1="$(cpu_ticks "$SERVER_PID")"
  flush1="$(flush_ticks "$SERVER_PID")"
  if grep -q 'answered\|Non-2xx' <<<"$out" || ! grep -q 'Requests/sec' <<<"$out"; then
    echo "$out" >&2
    die "run '$name' had failed requests; see above."
  fi
  rps="$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  flush=$(( (flush1 - flush0) * TICK_US / 1000 ))
  cpu=$(( (cpu1 - cpu0 - (flush1 - flush0)) * TICK_US / requests ))
  latency="$(awk '/Latency/ {print $2; exit}' <<<"$out")"
  [[ " ${ORDER[*]} " == *" $name "* ]] || ORDER+=("$name")
  FLUSH_MS=$(( FLUSH_MS + flush ))
  RPS[$name]+="$rps "
  CPU[$name]+="$cpu "
  printf '  %-28s %7s req/s %6s us CPU/req   mean latency %8s   from %3d s after start%s\n' "$name" "$rps" \
    "$cpu" "$latency" "$since" "$( ((flush > 0)) && echo ", key-use flush $flush ms CPU")"
}

echo " warm-up, not counted (the JIT compiler is still at work; /auth/verify over all $USERS keys):"
for _ in 1 2; do
  run "/healthz (warm-up)" /healthz
  run "/auth/verify (warm-up)" /auth/verify "$USERS"
done
ORDER=() FLUSH_MS=0
for round in $(seq "$ROUNDS"); do
  echo " round $round:"
  run /healthz /healthz
  run "/auth/verify, 1 key" /auth/verify 1
  for count in $KEY_COUNTS; do
    run "/auth/verify, $count keys" /auth/verify "$count"
  done
done
LOAD_RSS="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")"
stop_server

nth() { tr ' ' '\n' <<<"$1" | grep . | sed -n "$2p"; }
echo
echo "Summary ($USERS users with one API key each in SQLite; $ROUNDS rounds; ratios are to the same round's /healthz)"
echo "                                  req/s (median)   of /healthz, per round   median   server CPU/request, median"
HC="$(tr ' ' '\n' <<<"${CPU[/healthz]}" | grep . | median)"
for name in "${ORDER[@]}"; do
  ratios=""
  for round in $(seq "$ROUNDS"); do
    ratios+="$(awk "BEGIN {printf \"%.2f \", $(nth "${RPS[$name]}" "$round") / $(nth "${RPS[/healthz]}" "$round")}")"
  done
  rps="$(tr ' ' '\n' <<<"${RPS[$name]}" | grep . | median)"
  cpu="$(tr ' ' '\n' <<<"${CPU[$name]}" | grep . | median)"
  printf '  GET %-28s %8s   %-24s %6.2f   %6s us (%.2fx)\n' "$name" "$rps" "$ratios" \
    "$(tr ' ' '\n' <<<"$ratios" | grep . | median)" "$cpu" "$(awk "BEGIN {print $cpu / ($HC > 0 ? $HC : 1)}")"
done
echo "  target (issue 5): GET /auth/verify with a key keeps at least 0.90 of /healthz's requests/s"
echo "  CPU per request leaves out the key-use flushes: $FLUSH_MS ms of CPU in all during the rounds"
echo "  RSS after load $LOAD_RSS MB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores; wrk and"\
     "the server alone make 4 to 5; compare with the load before the run, at the top)"

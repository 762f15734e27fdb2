#!/usr/bin/env bash
# http-bench.sh: the Gatehouse server under load, measured side by side.
#
# Seeds (or reuses) a SQLite store with USERS users and one live session each, then:
#   1. starts `./gatehouse serve` STARTS times: time from launch to the first answered /healthz
#      (median) and the idle RSS (VmRSS a few seconds after start);
#   2. starts it once more and runs wrk against it in one run, alternating so that no path gets a
#      warmer JVM: warm-up (both paths, twice), then ROUNDS x [ /healthz, /api/me over TOKEN_COUNT
#      tokens, /api/me with one token ], each with the same DURATION, THREADS and CONNECTIONS,
#      and last /api/me over all tokens, idle, so that every request writes the session's activity;
#   3. prints requests/s and the server's CPU time per request for each run, the medians, the
#      ratios me/healthz and the RSS under load. CPU per request holds up better than requests/s
#      when other work shares the machine.
#
# Knobs (environment):
#   USERS=100000      users and sessions seeded          DURATION=10s   each wrk run
#   CONNECTIONS=16    wrk connections                    THREADS=2      wrk threads
#   TOKEN_COUNT=10000 tokens the rotating /api/me runs spread over
#   ROUNDS=3          measured rounds                    STARTS=5       start-up repetitions
#   RESEED=1          seed a fresh store even if one fits
#   GATEHOUSE_JAVA_OPTS  passed to the server's JVM as by ./gatehouse (e.g. -Xmx512m)
# Needs: Java 17+, wrk, curl. Everything it writes goes to bench/target/http-bench/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
USERS="${USERS:-100000}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
TOKEN_COUNT="${TOKEN_COUNT:-10000}"
ROUNDS="${ROUNDS:-3}"
STARTS="${STARTS:-5}"
WORK="$ROOT/bench/target/http-bench"
STORE="$WORK/users-$USERS.db"
TOKENS="$WORK/users-$USERS.tokens"
LUA="$ROOT/bench/wrk/me-tokens.lua"
JAR="$ROOT/bench/target/benchmarks.jar"
BENCH_NAME=http-bench
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"



# --- build and seed ------------------------------------------------------------------------------
build_if_stale

mkdir -p "$WORK"
# Seeded sessions go idle after 7 days (SessionPolicy.defaults()); reseed well before.
if [[ "${RESEED:-0}" == 1 || ! -s "$TOKENS" || ! -f "$STORE" || -n "$(find "$TOKENS" -mmin +$((5 * 24 * 60)))" ]] \
    || sources_newer_than "$TOKENS"; then
  rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$TOKENS"
  echo "Seeding $USERS users with one session each into $STORE ..."
  java -cp "$JAR" dev.gatehouse.bench.SeedServerStore --store "sqlite:$STORE" --users "$USERS" --tokens "$TOKENS" \
    | tail -1
else
  echo "Reusing $STORE ($USERS users; RESEED=1 makes a fresh one)."
fi

# --- server --------------------------------------------------------------------------------------
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# Starts the server on a free port; sets SERVER_PID, PORT and STARTUP_MS (launch to the first
# 200 from /healthz; the port is read from the server's first line as soon as it is printed).
start_server() {
  local started
  PORT=""
  started="$(now_ms)"
  GATEHOUSE_NO_BUILD=1 "$ROOT/gatehouse" --store "sqlite:$STORE" serve --port 0 >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until [[ -n "$PORT" ]] && curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server exited during start."; }
    (( $(now_ms) - started < 60000 )) || die "the server did not answer /healthz within 60 s."
    [[ -n "$PORT" ]] || PORT="$(sed -n 's|^Gatehouse is listening on http://[^ ]*:\([0-9][0-9]*\).*|\1|p' "$WORK/server.log")"
    sleep 0.02
  done
  STARTUP_MS=$(( $(now_ms) - started ))
}


echo
print_machine

# --- start-up ------------------------------------------------------------------------------------
echo
echo "Start-up: launch of ./gatehouse serve to the first answered /healthz ($STARTS starts)"
start_server   # not counted: after a build it also makes the server's start-up cache (AppCDS archive)
echo "  first start, not counted: $STARTUP_MS ms"
stop_server
times=() rss=()
for i in $(seq "$STARTS"); do
  start_server
  sleep 3
  times+=("$STARTUP_MS")
  rss+=("$(rss_mb "$SERVER_PID")")
  printf '  start %d: %5d ms   idle RSS %4s MB\n' "$i" "$STARTUP_MS" "${rss[-1]}"
  stop_server
done
STARTUP_MEDIAN="$(printf '%s\n' "${times[@]}" | median)"
IDLE_RSS_MEDIAN="$(printf '%s\n' "${rss[@]}" | median)"
echo "  median:  $STARTUP_MEDIAN ms   idle RSS $IDLE_RSS_MEDIAN MB"

# --- load ----------------------------------------------------------------------------------------
start_server
FLAGS_SEEN="$(tr '\0' ' ' <"/proc/$SERVER_PID/cmdline" | sed 's/ -jar .*//; s/^[^ ]* //; s/ -Xlog:[^ ]*//g; s/ -XX:SharedArchiveFile=[^ ]*/ (CDS archive)/')"
echo
echo "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION per run, server on port $PORT (pid $SERVER_PID)"
PEAK_RSS=0

# run NAME PATH [TOKEN_COUNT]: one wrk run; prints and records requests/s and the peak RSS.
declare -A RESULTS=() CPU=()
run() {
  local name="$1" path="$2" count="${3:-}" out peak=0 sampler cpu0 cpu1
  ( while kill -0 "$SERVER_PID" 2>/dev/null; do rss_mb "$SERVER_PID"; echo; sleep 1; done ) >"$WORK/rss.txt" &
  sampler=$!
  cpu0="$(cpu_ticks "$SERVER_PID")"
  if [[ -n "$count" ]]; then
    out="$(BENCH_TOKENS="$TOKENS" BENCH_TOKEN_COUNT="$count" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" \
            -s "$LUA" "http://127.0.0.1:$PORT$path" 2>&1)"
  else
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$PORT$path" 2>&1)"
  fi
  cpu1="$(cpu_ticks "$SERVER_PID")"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  peak="$(sort -n "$WORK/rss.txt" | tail -1)"
  (( peak > PEAK_RSS )) && PEAK_RSS="$peak"
  if grep -q 'answered\|Non-2xx' <<<"$out" || ! grep -q 'Requests/sec' <<<"$out"; then
    echo "$out" >&2
    die "run '$name' had failed requests; see above."
  fi
  local rps latency errors requests cpu
  rps="$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  cpu=$(( (cpu1 - cpu0) * TICK_US / requests ))
  latency="$(awk '/Latency/ {print $2; exit}' <<<"$out")"
  errors="$(sed -n 's/.*Socket errors: //p' <<<"$out")"
  RESULTS[$name]+="$rps "
  CPU[$name]+="$cpu "
  printf '  %-30s %7s req/s %6s us CPU/req   mean latency %8s   peak RSS %4s MB%s\n' "$name" "$rps" "$cpu" \
    "$latency" "$peak" "${errors:+   socket errors: $errors}"
}

# Session checks write a session's activity back at most once a minute. Before each /api/me run
# every session is marked active now, so a run (under a minute) measures checks without that
# write; the last run marks them all idle for two minutes and spreads over every seeded token, so
# each of its requests is a session's first in over a minute and writes (the worst case).
mark_active() {
  java -cp "$JAR" dev.gatehouse.bench.MarkSessionsActive --store "sqlite:$STORE" --seconds-ago "$1"
}
echo " warm-up, not counted (the JIT compiler is still at work):"
for _ in 1 2; do
  run "healthz (warm-up)" /healthz
  mark_active 0; run "me, $TOKEN_COUNT tokens (warm-up)" /api/me "$TOKEN_COUNT"
done
for round in $(seq "$ROUNDS"); do
  echo " round $round:"
  run healthz /healthz
  mark_active 0; run "me, $TOKEN_COUNT tokens" /api/me "$TOKEN_COUNT"
  mark_active 0; run "me, 1 token" /api/me 1
done
echo " every request writes the session's activity (not a round):"
mark_active 120; run "me, $USERS tokens, idle" /api/me "$USERS"
LOAD_RSS="$(rss_mb "$SERVER_PID")"
stop_server

med() { tr ' ' '\n' <<<"${RESULTS[$1]}" | grep . | median; }
cpu_med() { tr ' ' '\n' <<<"${CPU[$1]}" | grep . | median; }
echo
echo "Summary ($USERS users and sessions in SQLite; medians of $ROUNDS rounds; server JVM: $FLAGS_SEEN)"
echo "                                         req/s   of /healthz   server CPU per request"
H="$(med healthz)" HC="$(cpu_med healthz)"
line() {
  local rps cpu
  rps="$(med "$2")" cpu="$(cpu_med "$2")"
  printf '  %-34s %8s   %10.2f   %6s us (%.1fx)\n' "$1" "$rps" "$(awk "BEGIN {print $rps / $H}")" "$cpu" \
    "$(awk "BEGIN {print $cpu / ($HC > 0 ? $HC : 1)}")"
}
line "GET /healthz" healthz
line "GET /api/me, $TOKEN_COUNT tokens rotating" "me, $TOKEN_COUNT tokens"
line "GET /api/me, 1 token" "me, 1 token"
line "GET /api/me, each a first (writes)" "me, $USERS tokens, idle"
echo "  start-up to first /healthz: $STARTUP_MEDIAN ms (median of $STARTS); RSS idle $IDLE_RSS_MEDIAN MB,"\
     "peak under load $PEAK_RSS MB, after load $LOAD_RSS MB"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores; above ~1, other work shared the machine)"

#!/usr/bin/env bash
# checked-vs-unchecked.sh: what the session check costs, measured side by side in one run.
#
# Two servers on copies of the store bench/http-bench.sh seeds (run that once first):
#   A: `gatehouse serve` (auth auto): GET /api/me with a valid session cookie (checked) and /healthz;
#   B: `gatehouse serve --auth none`: GET /api/me (the same route, unchecked) and /healthz.
# Rounds alternate A and B so neither gets a warmer JVM; each line gives requests/s and the
# server's CPU time per request (from /proc), which moves less than requests/s on a shared machine.
#
# Knobs: USERS=100000 (which seeded store), DURATION=8s, CONNECTIONS=16, THREADS=2, ROUNDS=3.
# Needs: Java 17+, wrk, curl, bc.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
USERS="${USERS:-100000}"; DURATION="${DURATION:-8s}"; CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"; ROUNDS="${ROUNDS:-3}"
SEED="$ROOT/bench/target/http-bench/users-$USERS.db"
TOKENS="$ROOT/bench/target/http-bench/users-$USERS.tokens"
if [[ ! -f "$SEED" || ! -f "$TOKENS" ]]; then
  echo "No seeded store for $USERS users: run 'USERS=$USERS bench/http-bench.sh' once first." >&2
  exit 2
fi
WORK="$ROOT/bench/target/checked-vs-unchecked"
rm -rf "$WORK"; mkdir -p "$WORK"
cp "$SEED" "$WORK/a.db"; cp "$SEED" "$WORK/b.db"
java -cp "$ROOT/bench/target/benchmarks.jar" dev.gatehouse.bench.MarkSessionsActive \
  --store "sqlite:$WORK/a.db" --seconds-ago 0 >/dev/null
TOKEN="$(head -1 "$TOKENS")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PA="$(free_port)"; PB="$(free_port)"
"$ROOT/gatehouse" --store "sqlite:$WORK/a.db" serve --port "$PA" >"$WORK/a.log" 2>&1 & A=$!
"$ROOT/gatehouse" --store "sqlite:$WORK/b.db" serve --port "$PB" --auth none >"$WORK/b.log" 2>&1 & B=$!
trap 'kill $A $B 2>/dev/null || true' EXIT
for p in "$PA" "$PB"; do
  for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done
done
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }           # utime+stime in clock ticks
java_pid() { pgrep -f -- "--port $1" | tail -1; }
JA="$(java_pid "$PA")"; JB="$(java_pid "$PB")"
TICK="$(getconf CLK_TCK)"
run() { # label port path pid [cookie]
  local before after out rps count
  before="$(cpu "$4")"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" ${5:+-H "Cookie: gatehouse_session=$5"} "http://127.0.0.1:$2$3")"
  after="$(cpu "$4")"
  rps="$(awk '/Requests\/sec/{print $2}' <<<"$out")"; count="$(awk '/requests in/{print $1}' <<<"$out")"
  printf '  %-36s %10s req/s %8.1f us CPU/req\n' "$1" "$rps" "$(bc -l <<<"($after-$before)*1000000/$TICK/$count")"
}
for round in warm-up $(seq "$ROUNDS"); do
  echo "round $round"
  run "A GET /healthz" "$PA" /healthz "$JA"
  run "A GET /api/me, checked (cookie)" "$PA" /api/me "$JA" "$TOKEN"
  run "B GET /api/me, unchecked (--auth none)" "$PB" /api/me "$JB"
  run "B GET /healthz" "$PB" /healthz "$JB"
done

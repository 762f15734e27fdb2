# verify-lib.sh: what verify-bench.sh and rights-bench.sh share, sourced after lib.sh with USERS,
# KEY_COUNTS, DURATION, THREADS, CONNECTIONS, ROUNDS, WORK, STORE, KEYS and LUA set. Checks
# KEY_COUNTS when sourced. Gives: seed_key_store, start_server (SERVER_PID, PORT, SERVER_STARTED),
# run (one wrk run, recorded under its name), summarize (ratios per round to /healthz, medians, CPU
# per request) and print_rss_and_load (the closing lines).

for count in $KEY_COUNTS; do
  [[ "$count" =~ ^[0-9]+$ ]] && (( count >= 1 && count <= USERS )) \
    || die "KEY_COUNTS holds '$count'; each count must be 1 to USERS ($USERS)."
done

# Seeds USERS users with one API key each into STORE (their secrets in KEYS), unless a fitting one is there.
seed_key_store() {
  mkdir -p "$WORK"
  if [[ "${RESEED:-0}" == 1 || ! -s "$KEYS" || ! -f "$STORE" ]] || sources_newer_than "$KEYS"; then
    rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$KEYS" "$WORK/keys-$USERS.tokens"
    echo "Seeding $USERS users with one API key each into $STORE ..."
    java -cp "$JAR" dev.gatehouse.bench.SeedServerStore --store "sqlite:$STORE" --users "$USERS" \
      --tokens "$WORK/keys-$USERS.tokens" --keys "$KEYS" | tail -1
  else
    echo "Reusing $STORE ($USERS users and keys; RESEED=1 makes a fresh one)."
  fi
}

# CPU ticks of the server's key-use flush: Micronaut's scheduled-job threads (names cut to 15
# characters by the kernel; the session purge runs there too, once in 10 minutes), or the thread
# of its own that servers before the scheduled jobs used.
flush_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      scheduled-execu* | gatehouse-key-u*) awk '{print $14 + $15}' "$task/stat" ;;
    esac
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

# run NAME PATH [KEY_COUNT [HEADERS]]: one wrk run; records requests/s and CPU per request under NAME.
# HEADERS are more request headers, "Name: value" one a line.
declare -A RPS=() CPU=()
FLUSH_MS=0
declare -a ORDER=()
run() {
  local name="$1" path="$2" count="${3:-}" headers="${4:-}" out cpu0 cpu1 flush0 flush1 rps requests cpu flush latency since
  since=$(( ($(now_ms) - SERVER_STARTED) / 1000 ))
  flush0="$(flush_ticks "$SERVER_PID")"
  cpu0="$(cpu_ticks "$SERVER_PID")"
  out="$(BENCH_KEYS="${count:+$KEYS}" BENCH_KEY_COUNT="${count:-0}" BENCH_HEADERS="$headers" wrk -t"$THREADS" \
          -c"$CONNECTIONS" -d"$DURATION" -s "$LUA" "http://127.0.0.1:$PORT$path" 2>&1)"
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
  printf '  %-34s %7s req/s %6s us CPU/req   mean latency %8s   from %3d s after start%s\n' "$name" "$rps" \
    "$cpu" "$latency" "$since" "$( ((flush > 0)) && echo ", key-use flush $flush ms CPU")"
}

# Forgets the warm-up runs: what run recorded so far does not count.
forget_runs() {
  ORDER=() FLUSH_MS=0
  RPS=() CPU=()
}

# summarize TITLE: per run name, req/s median, the ratio to each round's /healthz, their median, CPU per request.
summarize() {
  local name ratios round rps cpu hc
  nth() { tr ' ' '\n' <<<"$1" | grep . | sed -n "$2p"; }
  echo
  echo "Summary ($1; $ROUNDS rounds; ratios are to the same round's /healthz)"
  echo "                                        req/s (median)   of /healthz, per round   median   server CPU/request, median"
  hc="$(tr ' ' '\n' <<<"${CPU[/healthz]}" | grep . | median)"
  for name in "${ORDER[@]}"; do
    ratios=""
    for round in $(seq "$ROUNDS"); do
      ratios+="$(awk "BEGIN {printf \"%.2f \", $(nth "${RPS[$name]}" "$round") / $(nth "${RPS[/healthz]}" "$round")}")"
    done
    rps="$(tr ' ' '\n' <<<"${RPS[$name]}" | grep . | median)"
    cpu="$(tr ' ' '\n' <<<"${CPU[$name]}" | grep . | median)"
    printf '  GET %-34s %8s   %-24s %6.2f   %6s us (%.2fx)\n' "$name" "$rps" "$ratios" \
      "$(tr ' ' '\n' <<<"$ratios" | grep . | median)" "$cpu" "$(awk "BEGIN {print $cpu / ($hc > 0 ? $hc : 1)}")"
  done
}

# The closing lines: the key-use flushes left out, the RSS after load ($LOAD_RSS) and the load average.
print_rss_and_load() {
  echo "  CPU per request leaves out the key-use flushes: $FLUSH_MS ms of CPU in all during the rounds"
  echo "  RSS after load $LOAD_RSS MB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores; wrk and"\
       "the server alone make 4 to 5; compare with the load before the run, at the top)"
}

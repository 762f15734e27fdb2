# lib.sh: what the HTTP benchmarks share. Sourced after ROOT, JAR and BENCH_NAME are set.
# Gives: die, a stopped server on exit (SERVER_PID), sources_newer_than, build_if_stale,
# now_ms, cpu_ticks, TICK_US, median and print_machine.

SERVER_PID=""

die() { echo "$BENCH_NAME: $*" >&2; exit 1; }
for tool in java wrk curl; do
  command -v "$tool" >/dev/null || die "needs '$tool' on PATH (wrk: apt-get install wrk)."
done

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

# True if any source the bench jar or a seeded store depends on changed after file $1.
sources_newer_than() {
  [[ -n "$(find "$ROOT/pom.xml" "$ROOT"/{bench,auth-core,auth-crypto,auth-store-jdbc}/{pom.xml,src/main} \
      -newer "$1" -print -quit 2>/dev/null)" ]]
}

# Builds bench/target/benchmarks.jar when missing or older than its sources; checks ./gatehouse runs.
build_if_stale() {
  if [[ ! -f "$JAR" ]] || sources_newer_than "$JAR"; then
    echo "Building bench/target/benchmarks.jar ..."
    (cd "$ROOT" && ./mvnw -q -B -pl bench -am package -DskipTests) || die "building the bench module failed."
  fi
  GATEHOUSE_NO_BUILD=0 "$ROOT/gatehouse" --version >/dev/null || die "./gatehouse does not run; see its message above."
}

now_ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system time of a process
TICK_US=$((1000000 / $(getconf CLK_TCK)))
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

print_machine() {
  echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1),"\
       "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Java:    $(java -version 2>&1 | head -1)${GATEHOUSE_JAVA_OPTS:+; GATEHOUSE_JAVA_OPTS=$GATEHOUSE_JAVA_OPTS}"
}

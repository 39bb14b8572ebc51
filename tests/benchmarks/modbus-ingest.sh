#!/usr/bin/env bash
# Issue 2 benchmark: the agent's Modbus ingest pipeline end to end against libmodbus devices, as figures (not a test).
#
#   tests/benchmarks/modbus-ingest.sh [--devices N] [--registers M] [--seconds S]
#                                     [--warmup W] [--static] [--heartbeat H] [--poll-ms P] [--keep-data] [--no-build]
#
# Builds the libmodbus device host (gcc + pkg-config libmodbus) and tests/EdgeAgent.Benchmarks in Release, starts one
# host process serving N devices (one port and one TCP connection per device, M holding registers each, values that
# change on every read unless --static), then runs the real pipeline (ModbusSourceCollector per device -> IngestChannel
# -> Recorder -> SqliteStorage in a temporary folder) in the benchmark process for W s of warm-up and S s of
# measurement, and prints: registers/s, requests per cycle vs the minimum, CPU s per 100,000 registers, peak RSS,
# SQLite rows/s, samples dropped, ingest queue max depth. Only the agent process is measured; the device host's CPU is
# printed beside it for context.
#
# Variants: --static keeps the register values constant, so the deadband filter stores only each tag's first sample
# and heartbeats (every H s, default 300); --static --heartbeat 0 stores every sample again although nothing changes.
#
# Needs: gcc, pkg-config, libmodbus-dev (apt), the .NET SDK of global.json. Idempotent: rebuilds into
# ${TMPDIR:-/tmp}/edgeagent-bench-$UID and cleans up the host process and the database on exit.
set -euo pipefail

devices=100
registers=1000
seconds=30
warmup=5
poll_ms=1000
heartbeat=300
static=0
keep_data=0
build=1

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "modbus-ingest: $*" >&2; exit 2; }
number() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a whole number, got '$2'"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --devices) number "$1" "${2-}"; devices=$2; shift 2 ;;
    --registers) number "$1" "${2-}"; registers=$2; shift 2 ;;
    --seconds) number "$1" "${2-}"; seconds=$2; shift 2 ;;
    --warmup) number "$1" "${2-}"; warmup=$2; shift 2 ;;
    --poll-ms) number "$1" "${2-}"; poll_ms=$2; shift 2 ;;
    --heartbeat) number "$1" "${2-}"; heartbeat=$2; shift 2 ;;
    --static) static=1; shift ;;
    --keep-data) keep_data=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
[ "$devices" -ge 1 ] && [ "$devices" -le 4000 ] || die "--devices must be 1..4000"
[ "$registers" -ge 1 ] && [ "$registers" -le 65536 ] || die "--registers must be 1..65536"
[ "$seconds" -ge 1 ] || die "--seconds must be at least 1"

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="${TMPDIR:-/tmp}/edgeagent-bench-$(id -u)"
mkdir -p "$work"

# --- prerequisites, with the package to install when one is missing
command -v gcc >/dev/null || die "gcc not found: apt-get install -y gcc"
command -v pkg-config >/dev/null || die "pkg-config not found: apt-get install -y pkg-config"
pkg-config --exists libmodbus || die "libmodbus not found by pkg-config: apt-get install -y libmodbus-dev"
command -v dotnet >/dev/null || die "dotnet not found: install the .NET SDK named in global.json"
fds_needed=$((devices * 2 + 256))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$fds_needed" ]; then
  ulimit -n "$fds_needed" 2>/dev/null || die "open file limit $(ulimit -n) is below the $fds_needed sockets needed; raise ulimit -n"
fi

# --- build (both steps are incremental; running the script twice gives the same result)
host="$work/modbus_bench_host"
if [ "$build" -eq 1 ] || [ ! -x "$host" ]; then
  echo "modbus-ingest: building the libmodbus device host" >&2
  # shellcheck disable=SC2046 # pkg-config output is a list of flags
  gcc -O2 -Wall -Wextra -o "$host.tmp.$$" "$here/modbus_bench_host.c" $(pkg-config --cflags --libs libmodbus)
  mv -f "$host.tmp.$$" "$host"
fi
bench_dll="$root/tests/EdgeAgent.Benchmarks/bin/Release/net10.0/EdgeAgent.Benchmarks.dll"
if [ "$build" -eq 1 ] || [ ! -f "$bench_dll" ]; then
  echo "modbus-ingest: building tests/EdgeAgent.Benchmarks (Release)" >&2
  if ! dotnet build "$root/tests/EdgeAgent.Benchmarks" -c Release -v q -nologo >"$work/build.log" 2>&1; then
    grep -E "error|Error" "$work/build.log" | sort -u >&2 || cat "$work/build.log" >&2
    die "build failed (full log: $work/build.log)"
  fi
fi

# --- devices
host_pid=""
host_out="$work/host.$$.out"
host_err="$work/host.$$.err"
cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  rm -f "$host_out" "$host_err"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

host_args=("$devices" "$registers")
[ "$static" -eq 1 ] && host_args+=(--static)
"$host" "${host_args[@]}" >"$host_out" 2>"$host_err" &
host_pid=$!
for _ in $(seq 1 100); do
  grep -q '^READY ' "$host_out" 2>/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$host_err" >&2; die "device host exited before it was ready"; }
  sleep 0.1
done
ports=$(sed -n 's/^READY //p' "$host_out")
[ -n "$ports" ] || die "device host did not report its ports within 10 s"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
host_ticks_before=$(cpu_ticks "$host_pid")
started=$(date +%s.%N)

# --- the agent pipeline (this process is the only one measured)
bench_args=(ingest --ports "$ports" --registers "$registers" --seconds "$seconds" --warmup "$warmup" --poll-ms "$poll_ms" --heartbeat "$heartbeat")
[ "$static" -eq 1 ] && bench_args+=(--static)
[ "$keep_data" -eq 1 ] && bench_args+=(--keep-data)
status=0
DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet "$bench_dll" "${bench_args[@]}" || status=$?

host_ticks_after=$(cpu_ticks "$host_pid")
finished=$(date +%s.%N)
kill -TERM "$host_pid"
wait "$host_pid" || true
host_pid=""
served=$(sed -n 's/^SERVED //p' "$host_err")
awk -v t0="$host_ticks_before" -v t1="$host_ticks_after" -v hz="$ticks_per_second" -v w0="$started" -v w1="$finished" -v served="$served" 'BEGIN {
  printf "  %-30s %-24s %s\n", "device host (not counted)", sprintf("%.2f CPU s/s", (t1 - t0) / hz / (w1 - w0)), "served " served " over the whole run"
}'
exit "$status"

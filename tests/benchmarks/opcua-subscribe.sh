#!/usr/bin/env bash
# Issue 3 benchmark: OPC UA subscriptions with many monitored items, our client against node-opcua, as figures (not a test).
#
#   tests/benchmarks/opcua-subscribe.sh [--items "10000 50000 100000"] [--seconds S] [--warmup W]
#                                       [--paths "client collector"] [--no-node] [--max-notifications M] [--no-build]
#
# Builds tests/EdgeAgent.Benchmarks in Release, then for each item count N: starts our OPC UA server in a process of its
# own (EdgeAgent.Benchmarks opcua-server: N Double variables that all change every second, on a free 127.0.0.1 port),
# and runs, one after the other against it (never at the same time, so they do not share the cores):
#   - EdgeAgent.Benchmarks opcua --path client     our OpcUaClient: one session, one subscription, publishing and
#                                                  sampling 1 s, queue size 1, every decoded data change counted;
#   - EdgeAgent.Benchmarks opcua --path collector  the agent's OpcUaSourceCollector on the same subscription, its
#                                                  every change it reports a sample, one batch per second;
#   - node tests/peers/opcua/bench-client.js       node-opcua 2.182.2 with the same session, subscription and items.
# Each client waits until every item has reported, warms up W s (default 5) and measures S s (default 30) of its own
# process: changes/s, CPU s per 100,000 changes (user + kernel), CPU s per wall s, peak RSS. The server is stopped by
# its PID after the clients. Prints a table with the CPU-per-change ratio of ours to node-opcua and the load average.
# --max-notifications sets the server's MaxNotificationsPerPublish (default 10000; 0 = one message per interval).
#
# Needs: the .NET SDK of global.json; node 20 and `npm ci` in tests/peers/opcua (tests/install-peers.sh does that).
set -euo pipefail

items_list="10000 50000 100000"
seconds=30
warmup=5
paths="client collector"
max_notifications=""
node_ref=1
build=1

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "opcua-subscribe: $*" >&2; exit 2; }
number() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a whole number, got '$2'"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --items) [ -n "${2-}" ] || die "--items needs a list"; for n in $2; do number --items "$n"; done; items_list=$2; shift 2 ;;
    --seconds) number "$1" "${2-}"; seconds=$2; shift 2 ;;
    --warmup) number "$1" "${2-}"; warmup=$2; shift 2 ;;
    --paths) [[ "${2-}" =~ ^(client|collector)( (client|collector))*$ ]] || die "--paths takes client and/or collector"; paths=$2; shift 2 ;;
    --no-node) node_ref=0; shift ;;
    --max-notifications) number "$1" "${2-}"; max_notifications=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
[ "$seconds" -ge 1 ] || die "--seconds must be at least 1"

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
peer="$root/tests/peers/opcua"
work="${TMPDIR:-/tmp}/edgeagent-bench-$(id -u)"
mkdir -p "$work"

command -v dotnet >/dev/null || die "dotnet not found: install the .NET SDK named in global.json"
if [ "$node_ref" -eq 1 ]; then
  command -v node >/dev/null || die "node not found: apt-get install -y nodejs (Node 20)"
  [ -d "$peer/node_modules/node-opcua" ] || die "node-opcua missing: (cd tests/peers/opcua && npm ci)"
fi

bench_dll="$root/tests/EdgeAgent.Benchmarks/bin/Release/net10.0/EdgeAgent.Benchmarks.dll"
if [ "$build" -eq 1 ] || [ ! -f "$bench_dll" ]; then
  echo "opcua-subscribe: building tests/EdgeAgent.Benchmarks (Release)" >&2
  if ! dotnet build "$root/tests/EdgeAgent.Benchmarks" -c Release -v q -nologo >"$work/build.log" 2>&1; then
    grep -E "error|Error" "$work/build.log" | sort -u >&2 || cat "$work/build.log" >&2
    die "build failed (full log: $work/build.log)"
  fi
fi

server_pid=""
server_out="$work/opcua-server.$$.out"
server_err="$work/opcua-server.$$.err"
results="$work/opcua-results.$$"
client_out="$work/opcua-client.$$.out"
: >"$results"
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "$server_out" "$server_err" "$results" "$client_out"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
export DOTNET_CLI_TELEMETRY_OPTOUT=1
status=0

for items in $items_list; do
  echo >&2
  echo "opcua-subscribe: $items items: starting the server" >&2
  server_args=(opcua-server --items "$items")
  [ -n "$max_notifications" ] && server_args+=(--max-notifications "$max_notifications")
  dotnet "$bench_dll" "${server_args[@]}" >"$server_out" 2>"$server_err" &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q '^READY ' "$server_out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_err" >&2; die "the server exited before it was ready"; }
    sleep 0.1
  done
  endpoint=$(sed -n 's/^READY //p' "$server_out")
  [ -n "$endpoint" ] || die "the server did not report its endpoint within 60 s"

  for path in $paths; do
    t0=$(cpu_ticks "$server_pid"); w0=$(date +%s.%N)
    dotnet "$bench_dll" opcua --path "$path" --endpoint "$endpoint" --items "$items" --seconds "$seconds" --warmup "$warmup" >"$client_out" || status=1
    t1=$(cpu_ticks "$server_pid"); w1=$(date +%s.%N)
    grep -v '^RESULT ' "$client_out" >&2 || true
    line=$(grep '^RESULT ' "$client_out" || true)
    server_cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$ticks_per_second" -v w0="$w0" -v w1="$w1" 'BEGIN { printf "%.2f", (b - a) / hz / (w1 - w0) }')
    if [ -n "$line" ]; then
      echo "$items ours-$path ${line#RESULT } server_cpu_per_wall=$server_cpu" >>"$results"
    else
      echo "$items ours-$path failed server_cpu_per_wall=$server_cpu" >>"$results"
    fi
  done

  if [ "$node_ref" -eq 1 ]; then
    t0=$(cpu_ticks "$server_pid"); w0=$(date +%s.%N)
    # node-opcua logs a few start-up notices (default certificate, Node version) on stdout: keep only the JSON line.
    (cd "$peer" && node bench-client.js --endpoint "$endpoint" --items "$items" --seconds "$seconds" --warmup "$warmup") >"$client_out" || status=1
    t1=$(cpu_ticks "$server_pid"); w1=$(date +%s.%N)
    json=$(grep '^{' "$client_out" | tail -1 || true)
    echo "  node-opcua: $json" >&2
    server_cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$ticks_per_second" -v w0="$w0" -v w1="$w1" 'BEGIN { printf "%.2f", (b - a) / hz / (w1 - w0) }')
    node_line=$(node -e '
      const r = JSON.parse(process.argv[1]);
      console.log(`changes_per_s=${r.changesPerSecond} expected_per_s=${r.expectedPerSecond} cpu_per_100k=${r.cpuPer100k} cpu_per_wall=${r.cpuPerWall} peak_rss_mb=${r.peakRssMb} load=${r.load.toFixed(2)}`);
    ' "$json" 2>/dev/null || echo failed)
    echo "$items node-opcua $node_line server_cpu_per_wall=$server_cpu" >>"$results"
  fi

  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=""
  sed -n 's/^SERVED /  server: /p' "$server_err" >&2
done

# --- the table: one row per client and item count; ratio = CPU per change of ours / node-opcua's
echo
echo "OPC UA subscription benchmark: ${seconds} s measured per run after ${warmup} s warm-up; publishing = sampling = 1 s; every item changes every second"
awk '
  function field(name,   i, kv) { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } return "-" }
  { rows[NR] = $0; if ($2 == "node-opcua") node[$1] = field("cpu_per_100k") }
  END {
    printf "%8s  %-16s %10s %10s %13s %9s %9s %7s %7s %12s\n", "items", "client", "changes/s", "expected", "CPU s/100k ch", "CPU s/s", "peak RSS", "ratio", "load", "server CPU/s"
    for (r = 1; r <= NR; r++) {
      $0 = rows[r]
      if ($3 == "failed") { printf "%8s  %-16s %s\n", $1, $2, "failed (see above)"; continue }
      cpu = field("cpu_per_100k"); ratio = "-"
      if (node[$1] != "" && node[$1] != "-" && node[$1] + 0 > 0 && $2 != "node-opcua") ratio = sprintf("%.2f", cpu / node[$1])
      printf "%8s  %-16s %10s %10s %13s %9s %6s MB %7s %7s %12s\n", $1, $2, field("changes_per_s"), field("expected_per_s"), cpu, field("cpu_per_wall"), field("peak_rss_mb"), ratio, field("load"), field("server_cpu_per_wall")
    }
  }' "$results"
echo "ratio = CPU s per change of ours / node-opcua's at the same item count (< 1: ours uses less). Targets: 100,000 items with CPU s/s <= 1.00 and peak RSS <= 300 MB, ratio < 1."
exit "$status"

#!/usr/bin/env bash
# Issue 5 benchmark (prints figures; not a test): simulate N days of the sample plant, close them into the signed
# ledger, export the bundle, verify it offline. Prints simulate time, database size, export time, bundle size and
# verify wall/CPU/peak RSS with the load average.
#   tests/benchmarks/evidence-100days.sh [--days N] [--keep] [--data DIR]
# --data DIR reuses a data folder already simulated for the range (2026-01-01 and the N-1 days after it, signing key
# and closed ledger included): keys init and simulate are skipped. Export only reads the folder (no ledger record is
# added), so the same folder serves any number of runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
days=100; keep=0; data=""
while [ $# -gt 0 ]; do case $1 in --days) days=$2; shift 2;; --keep) keep=1; shift;; --data) data=$2; shift 2;; *) echo "unknown option $1"; exit 2;; esac; done
if [ -n "$data" ]; then
  [ -f "$data/edgeagent.db" ] || { echo "--data $data: no edgeagent.db there (simulate into it first)"; exit 2; }
  data=$(cd "$data" && pwd)
fi
work=$(mktemp -d /tmp/edgeagent-evidence-XXXXXX)
[ $keep -eq 1 ] || trap 'rm -rf "$work"' EXIT
dotnet publish "$root/src/EdgeAgent" -c Release -o "$work/bin" -v q -nologo >/dev/null
agent() { dotnet "$work/bin/edgeagent.dll" "$@"; }
from=2026-01-01
to=$(date -u -d "$from + $((days - 1)) days" +%F)
config="$root/config/edgeagent.json"
t0=$(date +%s.%N)
if [ -z "$data" ]; then
  data="$work/data"
  agent keys init --config "$config" --data "$data" >/dev/null
  agent simulate --config "$config" --data "$data" --from "$from" --to "$to" 2>/dev/null | grep -E "^Simulated|poll cycles"
  simulated="$(awk "BEGIN{printf \"%.0f\", $(date +%s.%N) - $t0}") s"
else
  simulated="skipped (--data $data)"
fi
t1=$(date +%s.%N)
agent export --config "$config" --data "$data" --from "$from" --to "$to" --out "$work/bundle.zip" | tail -1
t2=$(date +%s.%N)
/usr/bin/time -f "%e %U %S %M" -o "$work/verify.time" dotnet "$work/bin/edgeagent.dll" verify "$work/bundle.zip" | tail -1
read -r wall user sys rss < "$work/verify.time"
printf '%-28s %s\n' "days" "$days ($from .. $to)" \
  "simulate + close ledger" "$simulated" \
  "database" "$(du -sm "$data" | cut -f1) MB" \
  "export" "$(awk "BEGIN{printf \"%.1f\", $t2 - $t1}") s" \
  "bundle size" "$(du -m "$work/bundle.zip" | cut -f1) MB" \
  "verify wall" "$wall s (target <= 10 s)" \
  "verify CPU" "$(awk "BEGIN{printf \"%.1f\", $user + $sys}") s" \
  "verify peak RSS" "$((rss / 1024)) MB" \
  "load average" "$(cut -d' ' -f1-3 /proc/loadavg)"
[ $keep -eq 0 ] || echo "kept: $work (bundle.zip, bin/)"

#!/usr/bin/env bash
# The resident memory of a build over time, to see which phase holds the peak (adding extracts,
# the merger's finish, the exports): prints "seconds rss=MB files=N" every 0.2 s (N: files
# already written to the output folder) and the peak seen.
# usage: scripts/rss_timeline.sh OUT_DIR LOG shiji build CORPUS [options]   (--out OUT_DIR is added)
set -uo pipefail
out=$1; log=$2; shift 2
rm -rf "$out"
"$@" --out "$out" 2>/dev/null &
pid=$!
t0=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do
  r=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status" 2>/dev/null)
  f=$(ls "$out" 2>/dev/null | wc -l)
  printf '%.1f rss=%s files=%s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "${r:-0}" "$f"
  sleep 0.2
done > "$log"
wait "$pid"
echo "peak sampled: $(awk -F'rss=' '{split($2,a," "); if (a[1]+0>m) m=a[1]+0} END{print m}' "$log") MB"

#!/usr/bin/env bash
# Builds the benchmark data once, under bench/out/repository (git-ignored): RUNS streams of TESTS
# tests made by ../shared/bench/gen_stream.py (seed i, no route codes, as stestr stores them), plus
# one more to time `load`; a testr4j repository and a stestr repository each holding all RUNS runs.
# Re-running skips what exists. Loading 200 runs into stestr takes about 10 minutes (3 s each).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${SHARED_BENCH:-$root/../shared/bench}"
[ -d "$shared" ] || shared=/work/shared/bench
runs="${RUNS:-200}"
tests="${TESTS:-5000}"
out="$root/bench/out/repository/r${runs}x${tests}"
py=/usr/bin/python3
testr="$root/bin/testr"

mkdir -p "$out/streams"
echo "streams: $out/streams" >&2
for i in $(seq 0 "$runs"); do
  f="$out/streams/run-$i.subunit"
  if [ ! -s "$f" ]; then
    "$py" "$shared/gen_stream.py" "$tests" "$f.tmp" --seed "$i" --no-route >/dev/null
    mv "$f.tmp" "$f"
  fi
done

files=()
for i in $(seq 0 $((runs - 1))); do files+=("$out/streams/run-$i.subunit"); done

if [ ! -f "$out/stestr/.done" ]; then
  rm -rf "$out/stestr" && mkdir -p "$out/stestr"
  (cd "$out/stestr" && stestr init >/dev/null)
  start=$(date +%s.%N)
  for f in "${files[@]}"; do (cd "$out/stestr" && stestr load < "$f" >/dev/null) || true; done
  echo "stestr: loaded $runs runs in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
  touch "$out/stestr/.done"
fi
if [ ! -f "$out/testr4j/.done" ]; then
  rm -rf "$out/testr4j" && mkdir -p "$out/testr4j"
  "$testr" -C "$out/testr4j" init
  start=$(date +%s.%N)
  "$testr" -C "$out/testr4j" load "${files[@]}" >/dev/null || true
  echo "testr4j: loaded $runs runs in $(echo "$(date +%s.%N) - $start" | bc) s (one process)" >&2
  touch "$out/testr4j/.done"
fi

echo "$out"

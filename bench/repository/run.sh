#!/usr/bin/env bash
# Times testr4j against stestr on the same repository of RUNS runs of a TESTS-test stream (made by
# prepare.sh): last, failing, slowest, history list, and load of one more run, each the median of
# REPS whole-process runs (JVM start-up included), plus both repositories' size on disk.
#
# stestr's `history list` re-parses every run (152 s at 200 runs on these machines), so it is not
# run on the whole repository by default: the reference figure is used. STESTR_HISTORY_RUNS=N
# measures it on a copy holding the first N runs and scales it linearly to RUNS (say which in the
# results). Results go to bench/out/repository/results-*.txt.
#
#   bench/repository/run.sh                 # 200 x 5000, 5 repetitions
#   RUNS=20 TESTS=500 REPS=3 bench/repository/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-200}"
tests="${TESTS:-5000}"
reps="${REPS:-5}"
export RUNS="$runs" TESTS="$tests"
data="$("$here/prepare.sh")"
testr="$root/bin/testr"
results="$root/bench/out/repository/results-r${runs}x${tests}.txt"
extra="$data/streams/run-$runs.subunit"

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# One run of "$@": prints "wall cpu" in seconds (cpu = user + sys).
timed() {
  local t
  t="$(mktemp)"
  /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null 2>&1 || true
  # /usr/bin/time puts "Command exited with non-zero status N" first when tests failed: skip it
  awk '$1 ~ /^[0-9.]+$/ {printf "%.3f %.3f\n", $1, $2 + $3}' "$t"
  rm -f "$t"
}

# Median wall and median cpu of REPS runs of "$@".
measure() {
  local samples
  samples="$(for _ in $(seq "$reps"); do timed "$@"; done)"
  echo "$(echo "$samples" | awk '{print $1}' | median) $(echo "$samples" | awk '{print $2}' | median)"
}

"$testr" -C "$data/testr4j" stats >/dev/null # after a build, the first start records the CDS archive

{
  echo "# testr4j vs stestr: $runs runs x $tests tests, median of $reps, $(date -u +%FT%TZ)"
  echo "# host: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "%-14s %12s %12s %12s %9s\n" query "testr4j (s)" "cpu (s)" "stestr (s)" speedup
  for q in last failing slowest "history list"; do
    read -r ours cpu <<<"$(measure "$testr" -C "$data/testr4j" $q)"
    if [ "$q" = "history list" ]; then
      if [ -n "${STESTR_HISTORY_RUNS:-}" ]; then
        n="$STESTR_HISTORY_RUNS"
        small="$data/stestr-history-$n"
        if [ ! -d "$small/.stestr" ]; then
          mkdir -p "$small/.stestr"
          cp "$data/stestr/.stestr/format" "$small/.stestr/"
          for i in $(seq 0 $((n - 1))); do cp "$data/stestr/.stestr/$i" "$small/.stestr/"; done
          echo "$n" >"$small/.stestr/next-stream"
        fi
        read -r part _ <<<"$(cd "$small" && timed stestr history list)"
        theirs="$(echo "scale=2; $part * $runs / $n" | bc)"
        note="stestr measured on $n runs ($part s), scaled x$((runs / n))"
      else
        theirs=152
        note="stestr: reference figure for 200 runs (not re-run; STESTR_HISTORY_RUNS=N measures)"
      fi
    else
      read -r theirs _ <<<"$(cd "$data/stestr" && measure stestr $q)"
      note=""
    fi
    printf "%-14s %12s %12s %12s %8sx  %s\n" "$q" "$ours" "$cpu" "$theirs" \
      "$(echo "scale=1; $theirs / $ours" | bc)" "$note"
  done

  # load one more run, three times, into throwaway copies: removing a run from stestr afterwards
  # would leave its 'last' pointing at a missing run and its failing set changed
  scratch="$data/load-scratch"
  rm -rf "$scratch" && mkdir -p "$scratch"
  cp -a "$data/testr4j" "$scratch/testr4j"
  cp -a "$data/stestr" "$scratch/stestr"
  samples=""
  theirs_samples=""
  for _ in $(seq 3); do
    samples+="$(timed "$testr" -C "$scratch/testr4j" load "$extra")"$'\n'
    theirs_samples+="$(cd "$scratch/stestr" && timed sh -c "stestr load < '$extra'")"$'\n'
  done
  rm -rf "$scratch"
  ours="$(echo "$samples" | awk 'NF {print $1}' | median)"
  cpu="$(echo "$samples" | awk 'NF {print $2}' | median)"
  theirs="$(echo "$theirs_samples" | awk 'NF {print $1}' | median)"
  printf "%-14s %12s %12s %12s %8sx  %s\n" "load (1 run)" "$ours" "$cpu" "$theirs" \
    "$(echo "scale=1; $theirs / $ours" | bc)" "median of 3"

  ours_disk="$(du -sb "$data/testr4j/.testr" | cut -f1)"
  theirs_disk="$(du -sb "$data/stestr/.stestr" | cut -f1)"
  printf "%-14s %12s %12s %12s %8sx\n" "disk (MB)" "$(echo "scale=1; $ours_disk / 1000000" | bc)" "" \
    "$(echo "scale=1; $theirs_disk / 1000000" | bc)" "$(echo "scale=1; $theirs_disk / $ours_disk" | bc)"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results"

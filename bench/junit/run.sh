#!/usr/bin/env bash
# testr4j's JUnit worker against the JUnit Console Launcher and Maven Surefire, in one run on one
# machine (issue 6). Two workloads, both generated Maven projects under bench/out/junit/:
#   overhead: 10,000 empty Jupiter tests in 100 classes (and a 1-test project for the fixed cost),
#             one JVM each: ConsoleLauncher, Surefire forkCount=1, testr run --serial;
#   skewed:   the durations of ../shared/bench/gen_pysuite.py sleep 200 --total 120 as Java tests
#             (the heavy tests in one class), at N workers: Surefire forkCount=N reuseForks=true
#             against testr run -j N on its first run (no history) and its second.
# Usage: bench/junit/run.sh [--only overhead|skewed] [--workers "4 8"] [--runs N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$(cd "$root/../shared/bench" && pwd)"
py=/usr/bin/python3
out="$root/bench/out/junit"
raw="$out/raw"
only="" workers="4 8" runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--only overhead|skewed] [--workers \"4 8\"] [--runs N]" >&2; exit 2 ;;
  esac
done
mkdir -p "$raw"
source "$root/bench/lib.sh"
testr="$root/bin/testr"
"$testr" --version >/dev/null # build the jar before anything is timed

console="$out/lib/junit-platform-console-standalone-6.1.3.jar"
if [ ! -f "$console" ]; then
  mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.junit.platform:junit-platform-console-standalone:6.1.3 -DoutputDirectory="$out/lib" >&2
fi

project() { # project DIR GENERATOR-ARGS...: generate once, compile, read its classpath through testr
  local dir="$1"; shift
  if [ ! -f "$dir/pom.xml" ]; then
    "$py" "$here/gen_java_suite.py" "$@" "$dir"
  fi
  (cd "$dir" && "$testr" list >/dev/null)
}

report="$out/report.md"
: >"$report"
echo "# JUnit worker benchmark ($(date -u +%F), $(nproc) cores, median of $runs)" >>"$report"

if [ -z "$only" ] || [ "$only" = overhead ]; then
  for n in 1 10000; do
    dir="$out/trivial-$n"
    project "$dir" trivial "$n" "$(( n < 100 ? 1 : 100 ))"
    (cd "$dir"
      timed "$runs" "console-$n" java -jar "$console" execute -cp target/test-classes \
        --scan-classpath target/test-classes --details=none --disable-banner
      eval "console_$n=$wall"
      timed "$runs" "surefire-$n" mvn -q -B -o surefire:test -DforkCount=1
      eval "surefire_$n=$wall"
      timed "$runs" "testr-$n" "$testr" run --serial --no-build
      eval "testr_$n=$wall")
  done
  # the subshells above ran in $dir; re-read their medians from the raw files
  for tool in console surefire testr; do
    for n in 1 10000; do
      eval "${tool}_$n=$(awk '{ print $1 }' "$raw/$tool-$n.time" | median)"
    done
  done
  per() { awk -v big="$1" -v small="$2" 'BEGIN { printf "%.3f", (big - small) / 9999 * 1000 }'; }
  {
    echo
    echo "## Per-test overhead: 10,000 empty tests in one JVM"
    echo
    echo "| runner | 1 test (s) | 10,000 tests (s) | per test (ms) | vs Console Launcher |"
    echo "| --- | --- | --- | --- | --- |"
    c=$(per "$console_10000" "$console_1")
    for tool in console surefire testr; do
      eval "one=\$${tool}_1 big=\$${tool}_10000"
      p=$(per "$big" "$one")
      echo "| $tool | $one | $big | $p | $(awk -v a="$p" -v b="$c" 'BEGIN { printf "%.2f×", a / b }') |"
    done
  } >>"$report"
fi

if [ -z "$only" ] || [ "$only" = skewed ]; then
  dir="$out/skewed"
  if [ ! -f "$dir/pom.xml" ]; then
    "$py" "$shared/gen_pysuite.py" sleep 200 "$out/skewed-py" --total 120 >/dev/null
    "$py" "$here/gen_java_suite.py" sleep "$out/skewed-py/durations.json" "$dir"
  fi
  (cd "$dir" && "$testr" list >/dev/null)
  {
    echo
    echo "## Skewed suite: 200 sleeping tests, 120 s in all, the heaviest class 29.5 s"
    echo
    echo "First run: no history and Surefire's reports moved aside; first run, reports: no history but"
    echo "the reports of the Surefire run just before (what a project that ran mvn test has); second: with"
    echo "the history of the run before."
    echo
    echo "| workers | Surefire forkCount=N (s) | testr first run (s) | testr first run, reports (s) | testr second run (s) | Surefire ÷ testr (first / first, reports / second) | testr makespan ÷ lower bound (first / first, reports / second) |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
  } >>"$report"
  for n in $workers; do
    (cd "$dir"
      timed 1 "surefire-skewed-$n" mvn -q -B -o surefire:test -DforkCount="$n" -DreuseForks=true
      rm -rf .testr target/surefire-reports.aside
      mv target/surefire-reports target/surefire-reports.aside # no times at all: a true first run
      timed 1 "testr-skewed-$n-first" "$testr" run -j "$n" --no-build
      "$testr" last --subunit >"$raw/testr-skewed-$n-first.subunit" || true
      mv target/surefire-reports.aside target/surefire-reports
      rm -rf .testr # a first run again, now with Surefire's reports to schedule by
      timed 1 "testr-skewed-$n-reports" "$testr" run -j "$n" --no-build
      "$testr" last --subunit >"$raw/testr-skewed-$n-reports.subunit" || true
      timed 1 "testr-skewed-$n-second" "$testr" run -j "$n" --no-build
      "$testr" last --subunit >"$raw/testr-skewed-$n-second.subunit" || true)
    sf=$(awk '{ print $1 }' "$raw/surefire-skewed-$n.time")
    t1=$(awk '{ print $1 }' "$raw/testr-skewed-$n-first.time")
    tr=$(awk '{ print $1 }' "$raw/testr-skewed-$n-reports.time")
    t2=$(awk '{ print $1 }' "$raw/testr-skewed-$n-second.time")
    bound() { "$py" "$shared/analyze_sched.py" "$1" "$out/skewed-py/durations.json" "$n" \
      | "$py" -c 'import json,sys; d=json.load(sys.stdin); print("%s (spread %s s)" % (d["ratio_stream_vs_lb_nominal"], d["spread_first_last_finish_s"]))'; }
    r1=$(bound "$raw/testr-skewed-$n-first.subunit")
    rr=$(bound "$raw/testr-skewed-$n-reports.subunit")
    r2=$(bound "$raw/testr-skewed-$n-second.subunit")
    echo "| $n | $sf | $t1 | $tr | $t2 | $(awk -v a="$sf" -v b="$t1" -v r="$tr" -v c="$t2" 'BEGIN { printf "%.2f× / %.2f× / %.2f×", a / b, a / r, a / c }') | ${r1:-?} / ${rr:-?} / ${r2:-?} |" >>"$report"
  done
fi
cat "$report"

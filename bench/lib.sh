# Helpers shared by the benchmark scripts (sourced; not run). They expect $raw (raw outputs),
# $py (Debian's python3) and $shared (../shared/bench) to be set by the script that sources them.

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed RUNS LABEL CMD...: runs CMD RUNS times (stdin from $timed_stdin if set, stdout to
# $raw/LABEL.out); sets wall (median seconds), cpu (median user+sys seconds, children included)
# and rss (median max RSS, KB). If $timed_before is set, it is eval'd before each run, untimed
# (e.g. to empty a test repository so that every run is a first run).
timed() {
  local n="$1" label="$2" i t="$raw/$2.time"
  shift 2
  : >"$t"
  for ((i = 0; i < n; i++)); do
    if [ -n "${timed_before:-}" ]; then eval "$timed_before"; fi
    /usr/bin/time -f '%e %M %U %S' -o "$t.one" "$@" <"${timed_stdin:-/dev/null}" >"$raw/$label.out" 2>"$raw/$label.err" || true
    tail -n 1 "$t.one" >>"$t"
  done
  wall=$(awk '{ print $1 }' "$t" | median)
  rss=$(awk '{ print $2 }' "$t" | median)
  cpu=$(awk '{ print $3 + $4 }' "$t" | median)
}

ensure_stream() { # ensure_stream TESTS FILE: generate once, atomically, keep the packet count beside it
  local tests="$1" file="$2"
  if [ -s "$file" ] && [ -s "$file.events" ]; then return; fi
  echo "== generating $tests-test stream into $file" >&2
  "$py" "$shared/gen_stream.py" "$tests" "$file.tmp" 2>"$file.gen"
  sed -n 's/.*events=\([0-9]*\).*/\1/p' "$file.gen" >"$file.events"
  mv "$file.tmp" "$file"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "**%.1f×**", a / b; else print "—" }'; }

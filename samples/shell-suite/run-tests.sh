#!/usr/bin/env bash
# A test suite in plain shell that speaks subunit through testr4j's `subunit output`: each
# tests/NAME.sh is a test (exit 0 passes, 77 skips, anything else fails) with id shell.NAME.
#   ./run-tests.sh --list                 print the test ids
#   ./run-tests.sh [--load-list FILE]     run the ids in FILE (default: all) and write subunit v2
set -uo pipefail
cd "$(dirname "$0")"
subunit="../../bin/subunit"

all_ids() { for f in tests/*.sh; do name="$(basename "$f" .sh)"; echo "shell.$name"; done; }

if [ "${1:-}" = "--list" ]; then
  all_ids
  exit 0
fi
if [ "${1:-}" = "--load-list" ]; then
  ids="$(cat "$2")"
else
  ids="$(all_ids)"
fi

for id in $ids; do
  script="tests/${id#shell.}.sh"
  "$subunit" output --inprogress "$id"
  log="$(mktemp)"
  bash "$script" >"$log" 2>&1
  status=$?
  case "$status" in
    0) outcome=--success ;;
    77) outcome=--skip ;;
    *) outcome=--fail ;;
  esac
  "$subunit" output "$outcome" "$id" --attach-file "$log" --file-name output --mimetype "text/plain;charset=utf8"
  rm -f "$log"
done

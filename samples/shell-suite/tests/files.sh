#!/usr/bin/env bash
# files
set -e
d=$(mktemp -d); echo hi > "$d/f"; [ "$(cat "$d/f")" = hi ]; r=$?; rm -rf "$d"; exit $r

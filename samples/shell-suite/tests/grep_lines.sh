#!/usr/bin/env bash
# grep_lines
set -e
[ "$(printf "a\nb\na\n" | grep -c a)" -eq 2 ]

#!/usr/bin/env bash
# sort_numbers
set -e
[ "$(printf "3\n1\n2\n" | sort -n | tr "\n" " ")" = "1 2 3 " ]

#!/usr/bin/env bash
# json_escape
set -e
echo "checking quotes"; [ "$(printf "%s" "\"x\"" | sed "s/\"/\\\\\"/g")" = "\\\"x\\\"" ]

#!/usr/bin/env bash
# dates
set -e
[ "$(date -u -d @0 +%Y)" = 1970 ]

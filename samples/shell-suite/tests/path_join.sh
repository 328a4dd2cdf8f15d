#!/usr/bin/env bash
# path_join
set -e
[ "$(dirname /a/b/c)" = /a/b ] && [ "$(basename /a/b/c)" = c ]

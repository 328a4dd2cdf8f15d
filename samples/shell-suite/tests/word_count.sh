#!/usr/bin/env bash
# word_count
set -e
[ "$(echo one two three | wc -w)" -eq 3 ]

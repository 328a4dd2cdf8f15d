#!/usr/bin/env bash
# arithmetic
set -e
[ $((6 * 7)) -eq 42 ]

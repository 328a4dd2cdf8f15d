#!/usr/bin/env bash
# uppercase
set -e
[ "$(echo abc | tr a-z A-Z)" = ABC ]

#!/usr/bin/env bash
# strings
set -e
s="hello"; [ "${#s}" -eq 5 ] && [ "${s^^}" = HELLO ]

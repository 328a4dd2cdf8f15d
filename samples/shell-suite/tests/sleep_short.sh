#!/usr/bin/env bash
# sleep_short
set -e
sleep 0.5

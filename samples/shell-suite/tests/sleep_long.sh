#!/usr/bin/env bash
# sleep_long
set -e
sleep 1.5

#!/usr/bin/env bash
# Real automation clients against a real "switchsim serve" process.
# (Filled in by the client-compatibility work; see tests/clients.)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x tests/clients/run.sh ]; then
  exec tests/clients/run.sh "${1:-bin/switchsim}"
fi
echo "client-tests: no client suites yet"

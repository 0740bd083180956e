#!/usr/bin/env bash
# Real automation clients against a real "switchsim serve" process:
# tests/clients/run.sh (Netmiko, expect + OpenSSH, Ansible, README snippets).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x tests/clients/run.sh ]; then
  exec tests/clients/run.sh "${1:-bin/switchsim}"
fi
echo "client-tests: no client suites yet"

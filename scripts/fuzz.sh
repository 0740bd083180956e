#!/usr/bin/env bash
# Runs every fuzz target of the module for a set time each (default 30s):
#   scripts/fuzz.sh 2m      (make fuzz FUZZTIME=2m)
# Targets are found with "go test -list"; each runs alone ("go test -fuzz"
# takes one target at a time). New failing inputs land in the package's
# testdata/fuzz/<Target>/ directory: add them to the seed corpus once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
time="${1:-30s}"
status=0
for pkg in $(go list ./...); do
  targets=$(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true)
  for t in $targets; do
    echo "== $pkg $t ($time)"
    if ! go test "$pkg" -run '^$' -fuzz "^${t}\$" -fuzztime "$time"; then
      status=1
    fi
  done
done
exit $status

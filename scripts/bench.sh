#!/usr/bin/env bash
# Every performance figure of README's "Performance" section, measured on
# this machine (loader and server on the same machine):
#   scripts/bench.sh [bin/switchsim]        (make bench)
# RUNS=3 repeats each load measurement; the README reports the best run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-bin/switchsim}"
runs="${RUNS:-3}"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%d)"

echo; echo "== Go benchmarks (hot paths)"
go test -run '^$' -bench . -benchmem -benchtime 2s ./parser ./commands/procurve ./commands/exos ./commands/sros ./commands/junos ./console | grep -E '^(Benchmark|ok)'
go test -run '^$' -bench 'SSHRoundTrip' -benchtime 20000x ./bench | grep -E '^(Benchmark|ok)'

echo; echo "== start-up: exec to the first prompt byte after Press any key (state directory present)"
"$bin" bench startup --bin "$bin" --runs 20 --terminal plain
echo "-- painted (--terminal vt100)"
"$bin" bench startup --bin "$bin" --runs 20 --terminal vt100

# serve_chassis NAME [serve flags...]: a chassis with its state in
# $work/NAME, every listener at a free port, once its ports.json is written
serve_chassis() {
  local name=$1
  shift
  "$bin" serve "$@" --state-dir "$work/$name" --listen 127.0.0.1:0 --console1 off --console2 off \
    --control 127.0.0.1:0 --web 127.0.0.1:0 --quiet >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/$name/ports.json" ] && break; sleep 0.05; done
}
# loop NAME [bench flags...]: the closed loop, 500 sessions x 10 commands
loop() {
  local name=$1
  shift
  "$bin" bench --state-dir "$work/$name" --sessions 500 --commands 10 "$@"
}
hp=(--command "show version" --expect "Boot Image:")

echo; echo "== closed loop: 500 concurrent sessions x 10 show version (no session limit)"
# plain lines, as the figures of the other vendors beside it were taken;
# the painted 8212zl follows below
serve_chassis one --terminal plain
for i in $(seq "$runs"); do
  echo "-- run $i"
  loop one "${hp[@]}"
done

echo; echo "== the same loop painted (--terminal vt100, the default), alternating with plain"
serve_chassis vt --terminal vt100
for i in $(seq "$runs"); do
  echo "-- run $i: vt100"
  loop vt "${hp[@]}"
  echo "-- run $i: plain"
  loop one "${hp[@]}"
done
"$bin" bench --state-dir "$work/vt" --sessions 1 --commands 2000 --command "show version"

echo; echo "== the same loop on the BlackDiamond 8810 (bd8810), alternating with the 8212zl"
serve_chassis exos --scenario bd8810
for i in $(seq "$runs"); do
  echo "-- run $i: 8212zl"
  loop one "${hp[@]}"
  echo "-- run $i: bd8810"
  loop exos --command "show version" --expect "Image   : ExtremeXOS version"
done

echo; echo "== the 7750 SR-12 beside the 8212zl: the same closed loop, runs interleaved"
serve_chassis sr --scenario 7750-sr12
for i in $(seq "$runs"); do
  echo "-- run $i: 7750-sr12"
  loop sr --command "show version" --expect "TiMOS-C-"
  echo "-- run $i: 8212zl"
  loop one "${hp[@]}"
done

echo; echo "== closed loop side by side: the mx240 (Junos, show version | no-more) and the 8212zl, alternating"
serve_chassis junos --scenario mx240 --netconf off
for i in $(seq "$runs"); do
  echo "-- run $i: 8212zl"
  loop one "${hp[@]}"
  echo "-- run $i: mx240"
  loop junos
done
"$bin" bench --state-dir "$work/junos" --sessions 1 --commands 2000

echo; echo "== the qfx5100 (Junos, {master:0}) beside the 8212zl, alternating; its ISSR is BenchmarkISSR above"
serve_chassis qfx --scenario qfx5100
for i in $(seq "$runs"); do
  echo "-- run $i: 8212zl"
  loop one "${hp[@]}"
  echo "-- run $i: qfx5100"
  loop qfx
done

echo; echo "== one session: round trip of show version (2000 in a row)"
"$bin" bench --state-dir "$work/one" --sessions 1 --commands 2000 --command "show version"

echo; echo "== yardstick: bare x/crypto/ssh server answering every line with a fixed block"
"$bin" bench raw-server --listen 127.0.0.1:0 >"$work/raw.addr" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/raw.addr" ] && break; sleep 0.05; done
for i in $(seq "$runs"); do
  echo "-- run $i"
  "$bin" bench --addr "$(cat "$work/raw.addr")" --no-stats --sessions 500 --commands 10
done

echo; echo "== fleet: 1000 chassis in one process, port blocks (the 8212zl)"
"$bin" bench fleet --bin "$bin" --chassis 1000 --sample 0 --hold 0

# an address per chassis at a random /16 of 127/8 and random high ports
# (other servers listen on loopback here)
fleet_prefix() { echo "127.$((RANDOM % 250 + 2)).0.0/16"; }
fleet_ports() { echo "ssh=$((20000 + RANDOM % 6000)),netconf=$((26000 + RANDOM % 6000))"; }
echo; echo "== fleet: 1000 chassis of every kind, an address each"
"$bin" bench fleet --bin "$bin" --chassis 1000 --vendors all --address-per-chassis "$(fleet_prefix)" --address-ports "$(fleet_ports)" --hold 500
echo; echo "== fleet: 10000 chassis of every kind, an address each"
"$bin" bench fleet --bin "$bin" --chassis 10000 --vendors all --address-per-chassis "$(fleet_prefix)" --address-ports "$(fleet_ports)" --hold 1000
echo; echo "== shards: 10000 chassis of every kind in 4 shard processes, shard i on 127.0.(i+1).1 (Kubernetes simulated)"
"$bin" bench shards --bin "$bin" --shards 4 --chassis 10000 --sample 50

if [ -d transcripts ] && ls transcripts/*_test.go >/dev/null 2>&1; then
  echo; echo "== transcript suite (without -race)"
  go test -count=1 ./transcripts/ >/dev/null  # build and warm the cache
  for i in $(seq "$runs"); do
    start=$(date +%s.%N)
    go test -count=1 ./transcripts/ | tail -1
    echo "  go test wall time (link + run): $(echo "$(date +%s.%N) - $start" | bc) s"
  done
fi

#!/usr/bin/env bash
# The real-client suites, against real "switchsim serve" processes:
# Netmiko 2.4 (SSH with and without a password, the switchover, telnet;
# alcatel_sros against the 7750 SR-12),
# OpenSSH driven by expect (interactive and exec), Ansible network_cli, and
# the README's snippets; for the 8212zl and for the BlackDiamond 8810
# (netmiko extreme_exos, expect, community.network.exos); a fleet with an
# address per chassis through its listings (Netmiko, Nornir's hosts file,
# ncclient, ansible-inventory, a playbook over it). Each suite gets
# its own server (free 127.0.0.1 ports, a temporary state directory,
# --time-scale 0.001 so a switchover takes milliseconds) and the suites
# run in parallel. Every 8212zl suite runs twice: against a plain server
# (--terminal plain) and against one that paints its terminal as a real
# K.15 does (--terminal vt100, the "-vt" suites), where each suite checks
# what the client does with the painted bytes.
#
#   tests/clients/run.sh [path/to/switchsim]
#
# Needs /usr/bin/python3 with netmiko, ncclient and PyEZ, expect, ssh and
# ansible-playbook (scripts/deps.sh installs them).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=$(realpath "${1:-$ROOT/bin/switchsim}")
PY=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/switchsim-clients.XXXXXX")
SERVERS=()

cleanup() {
  for pid in "${SERVERS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVERS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in "$PY" expect ssh /usr/bin/ansible-playbook; do
  command -v "$tool" >/dev/null || { echo "client-tests: $tool is missing (make deps installs it)" >&2; exit 1; }
done
"$PY" -c 'import netmiko' 2>/dev/null || { echo "client-tests: netmiko is not importable by $PY (make deps)" >&2; exit 1; }
"$PY" -c 'import ncclient, jnpr.junos' 2>/dev/null || { echo "client-tests: ncclient or PyEZ is not importable by $PY (make deps)" >&2; exit 1; }

# start NAME [serve flags...]: serve a chassis; its addresses go to
# $WORK/NAME.mgmt and $WORK/NAME.telnet.
start() {
  local name=$1
  shift
  mkdir -p "$WORK/$name"
  "$BIN" serve --listen 127.0.0.1:0 --console1 127.0.0.1:0 --console2 127.0.0.1:0 \
    --telnet 127.0.0.1:0 --netconf 127.0.0.1:0 --web 127.0.0.1:0 --control off --state-dir "$WORK/$name" \
    --time-scale 0.001 --human-wait 0 --auth-fail-delay 0 --quiet "$@" \
    >"$WORK/$name.out" 2>"$WORK/$name.err" &
  SERVERS+=($!)
  local deadline=$((SECONDS + 10))
  until [ -s "$WORK/$name.out" ] && head -1 "$WORK/$name.out" | grep -q '}$'; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "${SERVERS[-1]}" 2>/dev/null; then
      echo "client-tests: switchsim serve ($name) did not start:" >&2
      cat "$WORK/$name.err" >&2
      exit 1
    fi
    sleep 0.02
  done
  head -1 "$WORK/$name.out" | "$PY" -c '
import json, sys
c = json.load(sys.stdin)["chassis"][0]
open(sys.argv[1] + ".mgmt", "w").write(c["mgmt"])
open(sys.argv[1] + ".telnet", "w").write(c["telnet"])
open(sys.argv[1] + ".netconf", "w").write(c.get("netconf", ""))' "$WORK/$name"
}

# start_fleet NAME INVENTORY: serve a fleet with an address per chassis at
# a random /24 in 127/8 and random ports, again when one is in use
start_fleet() {
  local name=$1 inv=$2 try
  mkdir -p "$WORK/$name"
  for try in $(seq 10); do
    local prefix="127.$((RANDOM % 254 + 1)).$((RANDOM % 256)).0/24"
    local ssh=$((20000 + RANDOM % 12000)) nc=$((20000 + RANDOM % 12000))
    [ "$ssh" -ne "$nc" ] || continue
    "$BIN" serve --inventory "$inv" --address-per-chassis "$prefix" --address-ports "ssh=$ssh,netconf=$nc,web=off" \
      --control off --state-dir "$WORK/$name" --time-scale 0.001 --human-wait 0 --auth-fail-delay 0 --quiet \
      >"$WORK/$name.out" 2>"$WORK/$name.err" &
    local pid=$! deadline=$((SECONDS + 10))
    until [ -s "$WORK/$name.out" ] || ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.02; done
    if [ -s "$WORK/$name.out" ]; then
      SERVERS+=("$pid")
      return
    fi
    wait "$pid" 2>/dev/null || true
    grep -q "address already in use" "$WORK/$name.err" || break
  done
  echo "client-tests: switchsim serve ($name) did not start:" >&2
  cat "$WORK/$name.err" >&2
  exit 1
}

mgmt() { cat "$WORK/$1.mgmt"; }
netconf() { local a; a=$(cat "$WORK/$1.netconf"); echo "${a##*:}"; }
telnet() { cat "$WORK/$1.telnet"; }
host() { local a; a=$(mgmt "$1"); echo "${a%:*}"; }
port() { local a; a=$(mgmt "$1"); echo "${a##*:}"; }

# the 8212zl, plain and painted
for m in plain vt100; do
  v=""
  [ "$m" = vt100 ] && v="-vt"
  start "netmiko$v" --terminal "$m"
  start "switchover$v" --terminal "$m"
  start "nopass$v" --terminal "$m" --scenario "$HERE/factory.yaml"
  start "telnet$v" --terminal "$m"
  start "expect$v" --terminal "$m"
  start "ansible$v" --terminal "$m"
  start "readme$v" --terminal "$m"
  start "everyday$v" --terminal "$m"
done
# the BlackDiamond 8810 (ExtremeXOS)
start exos --scenario bd8810
start exos-failover --scenario bd8810
start exos-expect --scenario bd8810
start exos-ansible --scenario bd8810
start exos-readme --scenario bd8810
start sros --scenario 7750-sr12
start sros-readme --scenario 7750-sr12
start junos-netmiko --scenario mx240
start junos-ansible --scenario mx240
start junos-readme --scenario mx240
# the QFX5100's in-service software reboot (manual 004)
start junos-issr-netmiko --scenario qfx5100
start junos-issr-expect --scenario qfx5100
start junos-issr-readme --scenario qfx5100
# Junos over NETCONF: PyEZ, ncclient in both framings (a copy of the
# mx240 whose option netconf-base11 offers base:1.1), Ansible's netconf
{ cat "$ROOT/commands/junos/scenarios/mx240.yaml"; printf 'options:\n  netconf-base11: "true"\n'; } >"$WORK/mx240-base11.yaml"
start junos-pyez --scenario mx240
start junos-nc-eom --scenario mx240
start junos-nc-chunked --scenario "$WORK/mx240-base11.yaml"
start junos-ansible-nc --scenario mx240
start junos-nc-readme --scenario mx240
# the qfx5100 over NETCONF: PyEZ's facts, the in-service reboot RPC and
# the reconnect (the suite and the README's snippet)
start junos-pyez-qfx --scenario qfx5100
start junos-nc-issr-readme --scenario qfx5100
# a fleet with an address per chassis (issue 17), found through its listings
start_fleet fleet "$HERE/fleet.yaml"

export ANSIBLE_HOME="$WORK/ansible-home" ANSIBLE_LOCAL_TEMP="$WORK/ansible-tmp" \
  ANSIBLE_PERSISTENT_CONTROL_PATH_DIR="$WORK/ansible-cp" ANSIBLE_NOCOLOR=1 \
  ANSIBLE_RETRY_FILES_ENABLED=0

# suite NAME COMMAND...: run in the background, output to $WORK/NAME.log
declare -A JOBS
ORDER=()
suite() {
  local name=$1
  shift
  ORDER+=("$name")
  (
    cd "$HERE"
    t=$SECONDS
    "$@" && rc=0 || rc=$?
    echo $((SECONDS - t)) >"$WORK/$name.time"
    exit $rc
  ) >"$WORK/$name.log" 2>&1 &
  JOBS[$name]=$!
}

t0=$SECONDS
for m in plain vt100; do
  v="" nv="" painted=false
  [ "$m" = vt100 ] && v="-vt" nv="--vt100" painted=true
  suite "netmiko-ssh$v" "$PY" netmiko_suite.py $nv ssh "$(mgmt "netmiko$v")"
  suite "netmiko-switchover$v" "$PY" netmiko_suite.py $nv switchover "$(mgmt "switchover$v")"
  suite "netmiko-nopass$v" "$PY" netmiko_suite.py $nv nopass "$(mgmt "nopass$v")"
  suite "netmiko-telnet$v" "$PY" netmiko_suite.py $nv telnet "$(telnet "telnet$v")" "$(mgmt "telnet$v")"
  suite "netmiko-telnet-op$v" "$PY" netmiko_suite.py $nv telnet-operator "$(telnet "telnet$v")" "$(mgmt "telnet$v")"
  suite "expect$v" sh -c "expect ssh_exec.exp $(host "expect$v") $(port "expect$v") && expect ssh_interactive.exp $(host "expect$v") $(port "expect$v") $m"
  suite "ansible$v" /usr/bin/ansible-playbook -i ansible/inventory.ini -e "ansible_port=$(port "ansible$v")" -e "painted=$painted" ansible/playbook.yml
  suite "readme$v" "$PY" readme_snippets.py "$ROOT/README.md" "$(port "readme$v")" "$WORK/readme$v"
  suite "netmiko-everyday$v" "$PY" netmiko_suite.py $nv everyday "$(mgmt "everyday$v")" "$WORK/everyday$v"
done
suite netmiko-exos "$PY" netmiko_exos.py ssh "$(mgmt exos)"
suite netmiko-exos-user "$PY" netmiko_exos.py user "$(mgmt exos)"
suite netmiko-exos-failover "$PY" netmiko_exos.py failover "$(mgmt exos-failover)"
suite expect-exos expect exos_interactive.exp "$(host exos-expect)" "$(port exos-expect)"
suite ansible-exos /usr/bin/ansible-playbook -i ansible/exos_inventory.ini -e "ansible_port=$(port exos-ansible)" ansible/exos_playbook.yml
suite readme-exos "$PY" readme_snippets.py "$ROOT/README.md" "$(port exos-readme)" "$WORK/readme-exos" automation-exos
suite netmiko-sros "$PY" netmiko_sros.py "$(mgmt sros)"
suite readme-sros "$PY" readme_snippets.py "$ROOT/README.md" "$(port sros-readme)" "$WORK/sros-readme" automation-sros
suite netmiko-junos "$PY" netmiko_junos.py "$(mgmt junos-netmiko)"
suite ansible-junos /usr/bin/ansible-playbook -i ansible/junos-inventory.ini -e "ansible_port=$(port junos-ansible)" ansible/junos.yml
suite readme-junos "$PY" readme_snippets.py "$ROOT/README.md" "$(port junos-readme)" "$WORK/readme-junos" automation-junos
suite netmiko-issr "$PY" netmiko_issr.py "$(mgmt junos-issr-netmiko)"
suite expect-issr expect issr.exp "$(host junos-issr-expect)" "$(port junos-issr-expect)"
suite readme-issr "$PY" readme_snippets.py "$ROOT/README.md" "$(port junos-issr-readme)" "$WORK/readme-issr" automation-issr
suite pyez-junos "$PY" pyez_junos.py "$(host junos-pyez)" "$(netconf junos-pyez)"
suite ncclient-eom "$PY" ncclient_junos.py "$(host junos-nc-eom)" "$(netconf junos-nc-eom)" "$(port junos-nc-eom)" eom
suite ncclient-chunked "$PY" ncclient_junos.py "$(host junos-nc-chunked)" "$(netconf junos-nc-chunked)" "$(port junos-nc-chunked)" chunked
suite ansible-junos-nc /usr/bin/ansible-playbook -i ansible/junos-netconf-inventory.ini -e "ansible_port=$(netconf junos-ansible-nc)" ansible/junos_netconf.yml
suite readme-netconf "$PY" readme_snippets.py "$ROOT/README.md" "$(netconf junos-nc-readme)" "$WORK/readme-netconf" automation-netconf
suite pyez-qfx "$PY" pyez_qfx.py "$(host junos-pyez-qfx)" "$(netconf junos-pyez-qfx)"
suite readme-netconf-issr "$PY" readme_snippets.py "$ROOT/README.md" "$(netconf junos-nc-issr-readme)" "$WORK/readme-netconf-issr" automation-netconf-issr
suite fleet "$PY" fleet_clients.py "$WORK/fleet"
suite ansible-fleet /usr/bin/ansible-playbook -i "$WORK/fleet/inventory.yaml" --limit '!sr' ansible/fleet.yml

failed=()
for name in "${ORDER[@]}"; do
  if wait "${JOBS[$name]}"; then
    status=ok
  else
    status=FAIL
    failed+=("$name")
  fi
  printf 'client-tests: %-4s %-20s (%ss)\n' "$status" "$name" "$(cat "$WORK/$name.time" 2>/dev/null)"
  if [ "$status" = FAIL ] || [ -n "${VERBOSE:-}" ]; then
    sed 's/^/    /' "$WORK/$name.log"
  fi
done
echo "client-tests: $((SECONDS - t0))s in all"
if [ ${#failed[@]} -gt 0 ]; then
  for f in "$WORK"/*.err; do
    if [ -s "$f" ]; then
      echo "  $(basename "$f" .err) server said:"
      sed 's/^/    /' "$f"
    fi
  done
  echo "client-tests: FAILED: ${failed[*]}" >&2
  exit 1
fi

#!/usr/bin/env bash
# Installs what "make test" needs, skipping what is already there:
# the Go modules, and Debian's openssh-client, expect, python3-netmiko and
# ansible for the real-client suites, python3-textfsm for the 8212zl's
# layout tests, python3-ncclient and python3-junos-eznc (PyEZ) for the
# Junos NETCONF suites, chromium for the web interface's browser test.
# apt-get update runs once, only when something is
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."

go mod download
# the nested module of the image builder and the manifests' tests
(cd deploy && go mod download)

missing=()
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
command -v expect >/dev/null 2>&1 || missing+=(expect)
/usr/bin/python3 -c 'import netmiko' >/dev/null 2>&1 || missing+=(python3-netmiko)
command -v ansible-playbook >/dev/null 2>&1 || missing+=(ansible)
/usr/bin/python3 -c 'import textfsm' >/dev/null 2>&1 || missing+=(python3-textfsm)
# NETCONF clients of the Junos suites (PyEZ 2.1.7, ncclient 0.6.13)
/usr/bin/python3 -c 'import ncclient' >/dev/null 2>&1 || missing+=(python3-ncclient)
/usr/bin/python3 -c 'import jnpr.junos' >/dev/null 2>&1 || missing+=(python3-junos-eznc)
# the web interface's browser test (headless Chromium driven by chromedp)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

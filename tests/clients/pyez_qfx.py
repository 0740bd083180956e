#!/usr/bin/python3
"""PyEZ (Debian's python3-junos-eznc 2.1.7, unmodified) against the
qfx5100 over NETCONF (run.sh runs it against a fresh "switchsim serve
--scenario qfx5100" on a compressed clock, --time-scale 0.001):

    pyez_qfx.py HOST NETCONF_PORT

The facts of a one-member virtual chassis, as PyEZ gives them for a real
ELS switch (an EX2300's and a vQFX's printouts: hostname and version from
the fpc0 item, current_re [..., 're0', 'fpc0', 'localre'], vc_master
'0', VLAN_L2NG); then the in-service software reboot through
dev.rpc.request_reboot(in_service=True) (2.1.7's SW.reboot has no
in-service option) while a second session holds the candidate locked
with a change: both sessions end with the old primary, a new Device on
the same port lands on the new primary (RE 1, current_re 're1'), the
candidate there is unlocked and unchanged; a second ISSR comes back to
RE 0, where nothing is locked either.
"""

import sys
import time

from jnpr.junos import Device
from jnpr.junos.exception import ConnectClosedError, RpcError
from jnpr.junos.utils.config import Config
from jnpr.junos.utils.sw import SW
from common import check, pyez_connect


def reconnect(host, port):
    """A new Device once the new primary serves (refused until then)."""
    deadline = time.monotonic() + 20
    while True:
        try:
            return pyez_connect(host, port)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def wait_closed(what, dev):
    """The session ends when its RE, the old primary, shuts down."""
    deadline = time.monotonic() + 20
    while True:
        try:
            dev.rpc.get_route_engine_information()
        except ConnectClosedError:
            print("ok   %s ends with the old primary" % what)
            return
        if time.monotonic() > deadline:
            print("FAIL %s: still open after the ISSR" % what)
            sys.exit(1)
        time.sleep(0.05)


def issr(dev):
    """request-reboot in-service; the reply holds the pre-checks. A
    second ISSR waits out the mastership switch's readiness window."""
    deadline = time.monotonic() + 20
    while True:
        try:
            return dev.rpc.request_reboot(in_service=True)
        except RpcError as e:
            if "Not ready" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    dev = pyez_connect(host, port)
    f = dev.facts
    check("hostname", f["hostname"], "sw-duckhorn-01")
    check("model", f["model"], "QFX5100-48S-6Q")
    check("version", f["version"], "18.1R3.3")
    check("hostname_info (the fpc0 item)", f["hostname_info"], {"fpc0": "sw-duckhorn-01"})
    check("version_RE0 (none: the item is fpc0, as on a real EX/QFX)", f["version_RE0"], None)
    check("personality", f["personality"], "SWITCH")
    check("ifd_style", f["ifd_style"], "SWITCH")
    check("2RE", f["2RE"], False)
    check("master", f["master"], "RE0")
    check("RE0 mastership", f["RE0"]["mastership_state"], "master")
    check("RE0 model", f["RE0"]["model"], "QFX Routing Engine")
    check("RE0 status", f["RE0"]["status"], "OK")
    check("RE1", f["RE1"], None)
    check("current_re", f["current_re"], ["master", "node", "fwdd", "member", "pfem", "re0", "fpc0", "localre"])
    check("serialnumber", f["serialnumber"], "VF3715020166")
    check("RE_hw_mi", f["RE_hw_mi"], False)
    check("vc_capable", f["vc_capable"], True)
    check("vc_mode", f["vc_mode"], "Enabled")
    check("vc_fabric", f["vc_fabric"], False)
    check("vc_master", f["vc_master"], "0")
    check("switch_style", f["switch_style"], "VLAN_L2NG")
    check("srx_cluster", f["srx_cluster"], None)
    check("HOME", f["HOME"], "/var/home/admin")
    # PyEZ's own test for a single-RE ISSU box: 'localre' in current_re
    check("SW sees single-RE ISSU", SW(dev)._single_re_issu, True)
    check("cli show version", dev.cli("show version", warning=False).strip().splitlines()[:3],
          ["fpc0:", "-" * 74, "Hostname: sw-duckhorn-01"])

    # a second session holds the candidate, with a change
    other = Device(host=host, port=port, user="admin", password="admin123", gather_facts=False)
    other.open()
    held = Config(other)
    held.lock()
    held.load('set snmp location "held"', format="set")

    out = issr(dev)
    check("request-reboot reply", out.tag, "output")
    check("the reply's pre-checks", "ISSU: Validating Image" in out.text and "\nReady for ISSR : Valid\n" in out.text, True)
    wait_closed("the ISSR's session", dev)
    wait_closed("the lock holder's session", other)

    dev = reconnect(host, port)
    f = dev.facts
    check("current_re on the new primary", f["current_re"], ["master", "node", "fwdd", "member", "pfem", "re1", "fpc0", "localre"])
    check("master after the ISSR", f["master"], "RE1")
    check("RE1 mastership", f["RE1"]["mastership_state"], "master")
    check("RE0 gone", f["RE0"], None)
    check("2RE after the ISSR", f["2RE"], False)
    check("hostname on RE 1", f["hostname"], "sw-duckhorn-01")
    check("version on RE 1", f["version"], "18.1R3.3")
    check("vc_master on RE 1", f["vc_master"], "0")
    cu = Config(dev)
    check("the lock went with its session", cu.lock(), True)
    check("the held change went too", cu.diff(), None)
    check("the location is the committed one", dev.rpc.get_config(filter_xml="snmp/location").findtext("snmp/location"), "Duckhorn row 2")
    cu.unlock()

    # the next ISSR spawns RE 0 again
    out = issr(dev)
    check("second request-reboot reply", "\nReady for ISSR : Valid\n" in out.text, True)
    wait_closed("the second ISSR's session", dev)
    dev = reconnect(host, port)
    check("current_re back on RE 0", dev.facts["current_re"], ["master", "node", "fwdd", "member", "pfem", "re0", "fpc0", "localre"])
    check("master back on RE 0", dev.facts["master"], "RE0")
    cu = Config(dev)
    check("RE 0's candidate is not locked", cu.lock(), True)
    cu.unlock()
    dev.close()
    print("pyez qfx5100: all passed")


if __name__ == "__main__":
    main()

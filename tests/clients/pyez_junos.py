#!/usr/bin/python3
"""PyEZ (Debian's python3-junos-eznc 2.1.7, unmodified) against the mx240
over NETCONF (run.sh runs it against a fresh "switchsim serve --scenario
mx240" on a compressed clock):

    pyez_junos.py HOST NETCONF_PORT

The facts of the master (every field PyEZ's fact modules fill, with
exception_on_failure), a Config load/diff/commit in each format, a commit
that fails its check (CommitError), exclusive and private configuration
modes, rollback, the mastership switch RPC (the session stays on the
demoted RE, whose facts say so) and a reconnection to the new master.
"""

import sys
import time

from jnpr.junos import Device
from jnpr.junos.exception import CommitError, ConfigLoadError, LockError, RpcError
from jnpr.junos.utils.config import Config
from common import check, pyez_connect


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    dev = pyez_connect(host, port)
    f = dev.facts
    check("hostname", f["hostname"], "mx240-lab")
    check("model", f["model"], "MX240")
    check("version", f["version"], "13.3R1.4")
    check("2RE", f["2RE"], True)
    check("master", f["master"], "RE0")
    check("RE0 mastership", f["RE0"]["mastership_state"], "master")
    check("RE0 model", f["RE0"]["model"], "RE-S-1800x4")
    check("RE0 status", f["RE0"]["status"], "OK")
    check("RE1 mastership", f["RE1"]["mastership_state"], "backup")
    check("version_RE0", f["version_RE0"], "13.3R1.4")
    check("version_RE1", f["version_RE1"], "13.3R1.4")
    check("current_re", f["current_re"], ["master", "node", "fwdd", "member", "pfem", "re0"])
    check("serialnumber", f["serialnumber"], "JN11F1A2BAFC")
    check("personality", f["personality"], "MX")
    check("ifd_style", f["ifd_style"], "CLASSIC")
    check("switch_style", f["switch_style"], "BRIDGE_DOMAIN")
    check("vc_capable", f["vc_capable"], False)
    check("srx_cluster", f["srx_cluster"], None)
    check("domain", f["domain"], "lab.example.net")
    check("fqdn", f["fqdn"], "mx240-lab.lab.example.net")
    check("HOME", f["HOME"], "/var/home/admin")
    check("RE_hw_mi", f["RE_hw_mi"], False)

    # Config: load (set, text, xml, json), diff, commit
    cu = Config(dev)
    cu.load('set snmp location "PyEZ lab"', format="set")
    check("diff after a set load", cu.diff(),
          '\n[edit snmp]\n-  location "Lab rack 4";\n+  location "PyEZ lab";\n')
    check("commit_check", cu.commit_check(), True)
    check("commit", cu.commit(comment="from pyez"), True)
    check("no diff after the commit", cu.diff(), None)
    cu.load("system { host-name pyez-mx; }", format="text")
    check("text load diff", cu.diff(), "\n[edit system]\n-  host-name mx240-lab;\n+  host-name pyez-mx;\n")
    cu.rollback(0)
    check("rollback 0 drops the change", cu.diff(), None)
    cu.load("<configuration><snmp><contact>xml@lab</contact></snmp></configuration>", format="xml")
    cu.load('{"configuration": {"snmp": {"description": "from json"}}}', format="json")
    check("xml and json loads", cu.diff(),
          '\n[edit snmp]\n+  description "from json";\n-  contact "noc@example.net";\n+  contact "xml@lab";\n')
    check("commit synchronize", cu.commit(sync=True), True)
    check("committed on the device", dev.rpc.get_config(filter_xml="snmp/contact").findtext("snmp/contact"), "xml@lab")

    # a commit the check refuses
    cu.load("delete system root-authentication", format="set")
    try:
        cu.commit()
        print("FAIL: the commit without root-authentication passed")
        sys.exit(1)
    except CommitError as e:
        check("CommitError message", e.message, "error: mgd: Missing mandatory statement: 'root-authentication'\n"
              "error: configuration check-out failed: (missing mandatory statements)")
        check("CommitError bad element", e.rpc_error["bad_element"], "system")
        check("CommitError path", e.rpc_error["edit_path"], "[edit]")
    cu.rollback(0)

    # a load the schema refuses
    try:
        cu.load("set system no-such-statement", format="set")
        print("FAIL: an unknown statement loaded")
        sys.exit(1)
    except ConfigLoadError as e:
        check("ConfigLoadError bad element", e.rpc_error["bad_element"], "no-such-statement")

    # exclusive: a second session cannot lock
    with Config(dev, mode="exclusive") as c:
        other = Device(host=host, port=port, user="admin", password="admin123", gather_facts=False)
        other.open()
        try:
            Config(other).lock()
            print("FAIL: a second session locked the candidate")
            sys.exit(1)
        except LockError as e:
            check("LockError", "configuration database locked by" in str(e.rpc_error["message"]), True)
        other.close()
        c.load("set snmp contact exclusive@lab", format="set")
        c.commit()
    # private: its own copy
    with Config(dev, mode="private") as c:
        c.load("set snmp contact private@lab", format="set")
        check("private diff", c.diff(), '\n[edit snmp]\n-  contact "exclusive@lab";\n+  contact "private@lab";\n')
        c.commit(comment="private")
    check("history", dev.cli("show system commit").splitlines()[0].endswith("by admin via netconf"), True)
    # rollback 2 brings the xml/json commit back
    cu.rollback(2)
    cu.commit()
    check("rollback 2 committed", dev.rpc.get_config(filter_xml="snmp/contact").findtext("snmp/contact"), "xml@lab")

    # the CLI through <command>, text and XML
    check("cli text", "Junos: 13.3R1.4" in dev.cli("show version", warning=False), True)
    sw = dev.rpc.cli("show version invoke-on all-routing-engines", format="xml")
    check("cli xml", [i.findtext("re-name") for i in sw.findall("multi-routing-engine-item")], ["re0", "re1"])
    try:
        dev.rpc.cli("show no-such-thing", format="xml")
        print("FAIL: an unknown command answered")
        sys.exit(1)
    except RpcError as e:
        check("unknown command", e.rpc_error["bad_element"], "no-such-thing")

    # the mastership switch: the session stays on re0, now the backup
    dev.rpc.request_chassis_routing_engine_master_switch()
    dev.facts_refresh(keys=["current_re", "master", "RE0"])
    check("current_re on the demoted RE", dev.facts["current_re"], ["backup", "re0"])
    check("master after the switch", dev.facts["master"], "RE1")
    check("RE0 is the backup", dev.facts["RE0"]["mastership_state"], "backup")
    try:
        Config(dev).commit()
        print("FAIL: the backup committed")
        sys.exit(1)
    except CommitError as e:
        check("commit on the backup", e.message, "error: commit is not allowed on the backup Routing Engine")
    dev.close()

    # the NETCONF port lands on the new master once it serves
    deadline = time.monotonic() + 20
    while True:
        try:
            dev = pyez_connect(host, port)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    check("current_re on the new master", dev.facts["current_re"], ["master", "node", "fwdd", "member", "pfem", "re1"])
    check("hostname on re1 (commit synchronize)", dev.facts["hostname"], "mx240-lab")
    dev.close()
    print("pyez: all passed")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""ncclient (Debian's python3-ncclient 0.6.13, unmodified, junos device
handler) against the mx240 (run.sh runs it against a fresh server):

    ncclient_junos.py HOST NETCONF_PORT MGMT_PORT FRAMING

FRAMING is "eom" (the server's hello is Junos's: base:1.0 only, so
"]]>]]>") or "chunked" (the scenario option netconf-base11 adds base:1.1
and ncclient switches to chunks). get_config, edit_config (XML and text,
merge, replace, delete), lock between two sessions, validate, commit
(confirmed, then confirmed again), discard_changes, the Junos RPCs
(get_configuration, compare_configuration, load_configuration, command),
kill_session, the netconf subsystem on the management port, and the exec
fallback ncclient uses when the subsystem is refused.
"""

import sys
import time

from lxml import etree
from ncclient import manager
from ncclient.operations.rpc import RPCError
from common import check


def connect(host, port):
    return manager.connect(host=host, port=port, username="admin", password="admin123",
                           hostkey_verify=False, look_for_keys=False, allow_agent=False,
                           device_params={"name": "junos"}, timeout=30)


def racing_hello(host, port):
    """A session whose hello goes out after the server's hello was read:
    ncclient's reader thread parses the server's hello first and then
    waits, the main thread switches to base:1.1, and the queued client
    hello leaves in chunks (the race CI met once). A server that offered
    base:1.1 reads it."""
    from ncclient.transport import parser
    parse = parser.DefaultXMLParser.parse
    calls = []

    def slow(self, data):
        parse(self, data)
        calls.append(1)
        if len(calls) == 1:
            time.sleep(0.3)
    parser.DefaultXMLParser.parse = slow
    try:
        return connect(host, port)
    finally:
        parser.DefaultXMLParser.parse = parse


def text(reply, path):
    return reply.xpath(path)[0].text


HOSTNAME = "<configuration><system><host-name/></system></configuration>"


def main():
    host, port, mgmt, framing = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    m = connect(host, port)
    base11 = "urn:ietf:params:netconf:base:1.1" in m.server_capabilities
    check("framing", "chunked" if base11 else "eom", framing)
    if base11:
        r = racing_hello(host, port)
        check("a hello in chunks", text(r.get_config(source="running", filter=("subtree", HOSTNAME)),
                                        "//host-name"), "mx240-lab")
        r.close_session()
    for cap in (":candidate", ":validate", ":confirmed-commit"):
        check("capability " + cap, cap in m.server_capabilities, True)
    check("junos capability", "http://xml.juniper.net/netconf/junos/1.0" in m.server_capabilities, True)

    c = m.get_config(source="running", filter=("subtree", HOSTNAME))
    check("get_config", text(c, "//configuration/system/host-name"), "mx240-lab")
    check("commit-user", c.xpath("//configuration")[0].get("commit-user"), "root")
    none = m.get_config(source="running", filter=("subtree", "<configuration><protocols/></configuration>"))
    check("a filter that matches nothing", len(none.xpath("//configuration/*")), 0)

    m.lock(target="candidate")
    other = connect(host, port)
    try:
        other.lock(target="candidate")
        print("FAIL: two sessions locked the candidate")
        sys.exit(1)
    except RPCError as e:
        check("lock-denied", e.tag, "lock-denied")
    m.edit_config(target="candidate", config="<config><configuration><system><host-name>nc-mx</host-name>"
                  "</system><snmp><location>ncclient rack</location></snmp></configuration></config>")
    check("candidate changed", text(m.get_config(source="candidate", filter=("subtree", HOSTNAME)),
                                    "//host-name"), "nc-mx")
    check("running unchanged", text(m.get_config(source="running", filter=("subtree", HOSTNAME)),
                                    "//host-name"), "mx240-lab")
    diff = text(m.compare_configuration(), "//configuration-output")
    check("compare", diff, '\n[edit system]\n-  host-name mx240-lab;\n+  host-name nc-mx;\n'
          '[edit snmp]\n-  location "Lab rack 4";\n+  location "ncclient rack";\n')
    m.validate(source="candidate")
    m.commit()
    m.unlock(target="candidate")
    check("committed", text(m.get_config(source="running", filter=("subtree", HOSTNAME)), "//host-name"), "nc-mx")
    other.lock(target="candidate")
    other.unlock(target="candidate")

    # a replace of one statement, in text; a delete in XML
    m.edit_config(target="candidate", format="text",
                  config="snmp { contact text@lab; }")
    m.edit_config(target="candidate", config='<config><configuration><snmp><location operation="delete"/>'
                  "</snmp></configuration></config>")
    cfg = text(m.get_configuration(format="text", filter=etree.XML("<configuration><snmp/></configuration>")),
               "//configuration-text")
    check("text and delete edits", cfg, '\nsnmp {\n    contact "text@lab";\n    community public {\n'
          "        authorization read-only;\n    }\n}\n")
    m.discard_changes()
    check("discarded", text(m.compare_configuration(), "//configuration-output"), "\n")

    # commit confirmed, then confirmed by a second commit (the timeout is
    # long: run.sh's clock runs 1000 times faster; Go tests check the
    # rollback on a virtual clock)
    m.load_configuration(action="set", config=["set snmp contact confirmed@lab"])
    m.commit(confirmed=True, timeout="3900000")
    m.commit()
    check("confirmed twice", text(m.get_config(source="running",
                                  filter=("subtree", "<configuration><snmp><contact/></snmp></configuration>")),
                                  "//contact"), "confirmed@lab")

    # a commit that fails its check
    m.load_configuration(action="set", config=["delete system root-authentication"])
    try:
        m.commit()
        print("FAIL: a commit without root-authentication passed")
        sys.exit(1)
    except RPCError as e:
        check("commit rpc-error", e.severity, "error")
        check("commit rpc-errors", [x.message for x in e.errors],
              ["mgd: Missing mandatory statement: 'root-authentication'",
               "\nconfiguration check-out failed: (missing mandatory statements)\n"])
    m.discard_changes()

    # the Junos RPCs
    out = text(m.command("show chassis routing-engine", format="text"), "//output")
    check("command text", "Current state                  Master" in out, True)
    re = m.command("show chassis routing-engine")
    check("command xml", [e.text for e in re.xpath("//route-engine/mastership-state")], ["master", "backup"])
    js = m.get_configuration(format="json").xpath("/rpc-reply/text()")[0]
    check("json", '"host-name" : "nc-mx"' in js, True)
    setc = text(m.get_configuration(format="set"), "//configuration-set")
    check("set", "set system host-name nc-mx\n" in setc, True)

    # kill-session of the other session
    sid = other.session_id
    m.kill_session(sid)
    try:
        other.get_config(source="running")
        print("FAIL: the killed session answered")
        sys.exit(1)
    except Exception:
        print("ok   kill-session")
    m.close_session()

    # the netconf subsystem on the management port too
    mg = connect(host, mgmt)
    check("subsystem on the management port", text(mg.get_config(source="running", filter=("subtree", HOSTNAME)),
                                                   "//host-name"), "nc-mx")
    # without "system services netconf ssh" the subsystem is refused:
    # ncclient falls back to "xml-mode netconf need-trailer" on a CLI
    # channel, which Junos serves
    mg.load_configuration(action="set", config=["delete system services netconf"])
    mg.commit()
    mg.close_session()
    ex = connect(host, mgmt)
    check("exec fallback", text(ex.get_config(source="running", filter=("subtree", HOSTNAME)), "//host-name"),
          "nc-mx")
    ex.load_configuration(action="set", config=["set system services netconf ssh"])
    ex.commit()
    ex.close_session()
    print("ncclient %s: all passed" % framing)


if __name__ == "__main__":
    main()

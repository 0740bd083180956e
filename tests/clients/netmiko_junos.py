#!/usr/bin/python3
"""Netmiko juniper_junos (Debian's python3-netmiko 2.4.2, unmodified)
against a running switchsim serving the mx240.

    netmiko_junos.py HOST:PORT

Shows compared with "ssh router '<command>'", configuration lines and
commits (commit, check, comment, confirmed, and-quit) on both Routing
Engines, the question on leaving with uncommitted changes, the mastership
switch answered with yes (the session stays on the now-backup RE), and a
reconnect that lands on the new master.
"""

import sys
import time

from netmiko import ConnectHandler

from netmiko_suite import Failure, Step, check, exec_output, split

ADMIN = ("admin", "admin123")


def connect(addr):
    host, port = split(addr)
    return ConnectHandler(device_type="juniper_junos", host=host, port=port,
                          username=ADMIN[0], password=ADMIN[1])


def body(out):
    """Netmiko 2.4.2's send_command output: the line end after the
    command's echoed blank, the text, and the bare {master} line it keeps
    (its strip_context_items strips only {master:N})."""
    return out.strip()


def run(addr):
    with Step("connect (screen-length 0, screen-width 511)", 12):
        sw = connect(addr)
        check(sw.base_prompt == "admin@mx240-lab", "base prompt %r" % sw.base_prompt)

    for cmd in ("show version", "show chassis hardware", "show system uptime"):
        with Step(cmd, 8):
            out = body(sw.send_command(cmd))
            want = exec_output(addr, cmd, ADMIN).strip()
            if cmd == "show system uptime":
                # the clock moves between the two
                out, want = out.split("\n")[1:3], want.split("\n")[1:3]
                out, want = [l.split(" (")[0] for l in out], [l.split(" (")[0] for l in want]
                check(out == want, "%s:\n%r\nwant\n%r" % (cmd, out, want))
                continue
            check(out.endswith("\n\n{master}"), "%s: no bare {master} line at the end: %r" % (cmd, out[-40:]))
            check(out[: -len("\n\n{master}")] == want, "%s:\n%r\nwant\n%r" % (cmd, out, want))

    with Step("send_config_set leaves with 'yes' (uncommitted)", 20):
        out = sw.send_config_set(["set snmp contact netmiko-test"])
        check("Exit with uncommitted changes? [yes,no] (yes) yes" in out, "no question answered:\n%s" % out)
        check("admin@mx240-lab> " in out, "not back in operational mode:\n%s" % out)

    with Step("commit() on both REs", 15):
        out = sw.commit()
        check("re0:\nconfiguration check succeeds\nre1:\ncommit complete\nre0:\ncommit complete" in out.replace("\r", ""),
              "commit:\n%s" % out)
        sw.exit_config_mode()
        contact = exec_output(addr, "show configuration snmp contact", ADMIN)
        check(contact == "contact netmiko-test;\n", "contact %r" % contact)

    with Step("commit(check=True), commit(confirm=True), commit(comment, and_quit)", 30):
        sw.send_config_set(["set snmp location netmiko-lab"], exit_config_mode=False)
        out = sw.commit(check=True)
        check("configuration check succeeds" in out, "check:\n%s" % out)
        out = sw.commit(confirm=True, confirm_delay=5)
        check("commit confirmed will be automatically rolled back in 5 minutes unless confirmed" in out, "confirmed:\n%s" % out)
        out = sw.commit(comment="netmiko suite", and_quit=True)
        check("Exiting configuration mode" in out, "and-quit:\n%s" % out)
        history = exec_output(addr, "show system commit", ADMIN)
        check(history.split("\n")[1] == "    netmiko suite", "history:\n%s" % history)

    with Step("a bad line gets Junos's error", 8):
        out = sw.send_command("show chassis nonsense")
        check("syntax error, expecting <command>." in out, "error:\n%s" % out)

    with Step("master switch answered with yes", 10):
        out = sw.send_command_timing("request chassis routing-engine master switch")
        check("Toggle mastership between routing engines ? [yes,no] (no)" in out, "question:\n%s" % out)
        out = sw.send_command_timing("yes")
        check("Complete. The other routing engine becomes the master." in out, "switch:\n%s" % out)
        # send_command_timing strips the prompt line; the banner above it
        # stays
        check(out.rstrip().endswith("\n\n{backup}"), "banner after the switch:\n%r" % out[-60:])

    with Step("the session stays on re0, now the backup", 8):
        out = sw.send_command("show chassis routing-engine | match state")
        check("Backup\n    Current state                  Master\n\n{backup}" in out, "roles:\n%s" % out)
        sw.disconnect()

    with Step("reconnect lands on the new master", 12):
        deadline = time.monotonic() + 5
        while True:
            try:
                sw = connect(addr)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        out = sw.send_command("show chassis routing-engine | match state")
        check("Backup\n    Current state                  Master\n\n{master}" in out, "roles:\n%s" % out)
        out = sw.send_command("show system switchover")
        check("not supported on the master" in out, "master:\n%s" % out)
        sw.disconnect()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        run(sys.argv[1])
    except Failure as e:
        print("FAIL:", e)
        sys.exit(1)
    print("netmiko juniper_junos: all steps passed")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Netmiko juniper_junos (Debian's python3-netmiko 2.4.2, unmodified)
against a running switchsim serving the qfx5100: the in-service software
reboot (ISSR) of manual 004.

    netmiko_issr.py HOST:PORT

The ISSR is started with send_command_timing and answered "yes"; its log
must be manual 004's (after whitespace normalisation, with the compressed
clock's timestamps in place of 004's); the session ends when the old
primary shuts down; a reconnect lands on the new primary, RE 1, still
{master:0}.
"""

import os
import re
import sys
import time

from netmiko import ConnectHandler

from netmiko_suite import Failure, Step, check, split

ADMIN = ("admin", "admin123")
HERE = os.path.dirname(os.path.abspath(__file__))
MANUAL = os.path.join(HERE, "..", "..", "commands", "junos", "testdata", "manual004-issr.txt")
STAMP = re.compile(r"\[[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d\]")


def connect(addr):
    host, port = split(addr)
    return ConnectHandler(device_type="juniper_junos", host=host, port=port,
                          username=ADMIN[0], password=ADMIN[1])


def norm(text):
    """Whitespace collapsed, timestamps made alike."""
    return " ".join(STAMP.sub("[T]", text).split())


def manual_log():
    lines = [l for l in open(MANUAL).read().split("\n") if not l.startswith("#")]
    return norm("\n".join(lines[1:]))


def run(addr):
    with Step("connect (screen-length 0, screen-width 511)", 12):
        sw = connect(addr)
        check(sw.base_prompt == "admin@sw-duckhorn-01", "base prompt %r" % sw.base_prompt)

    with Step("show version: fpc0, a qfx5100, {master:0} stripped", 8):
        out = sw.send_command("show version").strip()
        check(out.startswith("fpc0:\n") and "\nModel: qfx5100-48s-6q\n" in out, "show version:\n%s" % out)
        check("{master" not in out, "banner left in the output:\n%r" % out[-60:])

    with Step("request system reboot in-service asks", 8):
        out = sw.send_command_timing("request system reboot in-service")
        check(out.rstrip().endswith("Reboot the system ? [yes,no] (no)"), "question:\n%r" % out)

    with Step("answer yes: 004's log, then the session ends", 15):
        out = sw.send_command_timing("yes")
        got = norm(out)
        i = got.find("[T]:ISSU: Validating Image")
        check(i >= 0, "no log:\n%s" % out)
        check(got[i:] == manual_log(), "the log differs from 004:\n%s\nwant\n%s" % (got[i:], manual_log()))
        stamps = STAMP.findall(out)
        check(len(stamps) == 11 and stamps == sorted(stamps), "timestamps %s" % stamps)
        try:
            sw.find_prompt()
            raise Failure("the session is still open after the ISSR")
        except (OSError, EOFError):
            pass
        sw.disconnect()

    with Step("reconnect lands on the new primary, RE 1", 12):
        deadline = time.monotonic() + 5
        while True:
            try:
                sw = connect(addr)
                break
            except Exception as e:  # refused until the new primary serves
                if time.monotonic() > deadline:
                    raise Failure("no reconnect: %s" % e)
                time.sleep(0.05)
        out = sw.send_command('show chassis routing-engine | match "Slot|state"')
        check(out.strip() == "Slot 1:\n    Current state                  Master", "roles:\n%r" % out)
        check(sw.base_prompt == "admin@sw-duckhorn-01", "base prompt %r" % sw.base_prompt)
        sw.disconnect()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        run(sys.argv[1])
    except Failure as e:
        print("FAIL:", e)
        sys.exit(1)
    print("netmiko juniper_junos ISSR: all steps passed")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Netmiko (Debian's python3-netmiko 2.4.2, device_type alcatel_sros,
unmodified) against a running switchsim serving the 7750 SR-12.

    netmiko_sros.py HOST:PORT

Connect (environment no more), show commands compared with what an ssh
exec prints, a configuration change in the configure tree, admin save
sent as a command (2.4.2's save_config() is not implemented), admin
redundancy force-switchover now (and the y scripts send after it),
reconnect to CPM B, disconnect (exit all, exit). Netmiko 2.4.2 keeps a
leading "*" in its base prompt, so every session starts where everything
is saved; the steps that end at another prompt name it.
"""

import re
import sys
import time

from netmiko import ConnectHandler

from netmiko_suite import Failure, Step, check, exec_output, split

ADMIN = ("admin", "admin")


def uptime(text):
    return re.sub(r"^System Up Time .*$", "System Up Time", text, flags=re.M)


def connect(addr):
    host, port = split(addr)
    return ConnectHandler(device_type="alcatel_sros", host=host, port=port,
                          username=ADMIN[0], password=ADMIN[1])


def suite(addr):
    with Step("connect (environment no more)", 10):
        sr = connect(addr)
        check(sr.base_prompt == "A:SR12", "base prompt %r" % sr.base_prompt)
        check(sr.find_prompt() == "A:SR12#", "prompt %r" % sr.find_prompt())
    for cmd in ["show version", "show system information", "show card state",
                "show redundancy synchronization", "show bof", "show router interface"]:
        with Step("send_command %r" % cmd, 5):
            # the clock moves between the two: drop the up time (as
            # oxidized does)
            want = uptime(exec_output(addr, cmd, ADMIN).rstrip("\n"))
            got = uptime(sr.send_command(cmd))
            check(got == want, "%s:\n%r\nwant:\n%r" % (cmd, got, want))
    with Step("send_command of an unknown command", 5):
        out = sr.send_command("show foo")
        check(out.endswith("Error: Bad command."), repr(out))
    with Step("send_config_set in the configure tree", 12):
        out = sr.send_config_set(['/configure system location "acceptance-test"',
                                  'port 1/1/3 description "netmiko"'])
        check("A:SR12>config# /configure system location" in out, repr(out))
        check("Error" not in out, repr(out))
        check(not sr.check_config_mode(), "still in the configure tree")
        check(sr.find_prompt() == "*A:SR12#", "prompt %r" % sr.find_prompt())
    with Step("a context line, info in it, exit all", 5):
        # the prompt changes: send_command must be told what to wait for
        sr.send_command("/configure system", expect_string=r">config>system# ")
        out = sr.send_command("info")
        check('location "acceptance-test"' in out, out)
        sr.send_command("exit all", expect_string=r"\*A:SR12# ")
    with Step("admin save (a command; waits for the prompt without *)", 8):
        out = sr.send_command("admin save", expect_string=r"A:SR12# ")
        check("Completed." in out, repr(out))
        check(sr.find_prompt() == "A:SR12#", "prompt %r" % sr.find_prompt())
        saved = exec_output(addr, r"file type cf3-B:\config.cfg", ADMIN)
        check('location "acceptance-test"' in saved, "CPM B's config.cfg:\n" + saved)
    with Step("admin redundancy force-switchover now (then y)", 8):
        sr.send_command_timing("admin redundancy force-switchover now")
        try:
            sr.send_command_timing("y")
            sr.find_prompt()
            raise Failure("the session is still open after the switchover")
        except (OSError, EOFError, ValueError):
            pass
        sr.disconnect()
    with Step("reconnect lands on CPM B", 12):
        deadline = time.monotonic() + 5
        while True:
            try:
                sr = connect(addr)
                break
            except Exception as e:  # refused while CPM B takes over
                if time.monotonic() > deadline:
                    raise Failure("no reconnect: %s" % e)
                time.sleep(0.05)
        check(sr.base_prompt == "B:SR12", "base prompt %r" % sr.base_prompt)
        out = sr.send_command("show system information")
        check(re.search(r"^System Active Slot     : B$", out, re.M), out)
        check(re.search(r'^System Location        : acceptance-test$', out, re.M), out)
    with Step("disconnect (exit all, exit)", 8):
        sr.disconnect()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        suite(sys.argv[1])
    except Failure as e:
        print("FAIL:", e)
        sys.exit(1)


if __name__ == "__main__":
    main()

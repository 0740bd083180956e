#!/usr/bin/python3
"""Netmiko (Debian's python3-netmiko 2.4.2, device_type extreme_exos,
unmodified) against a running switchsim BlackDiamond 8810 (bd8810).

    netmiko_exos.py ssh      HOST:PORT   shows, configuration lines, save_config, disconnect
    netmiko_exos.py failover HOST:PORT   run msm-failover, reconnect to the new master
    netmiko_exos.py user     HOST:PORT   the user account (">")

At login netmiko sends "disable clipaging" and "disable cli prompting", so
save_config() ("save configuration primary") and run msm-failover (sent
with send_command_timing) ask nothing. netmiko 2.4 waits for the bare
hostname anywhere in the output; "show switch" prints "SysName: BD-8810",
so the whole response must come in one piece. Each step has a time limit:
netmiko's own sleeps and quiet reads plus a margin. Command output is
compared with what "ssh switch '<command>'" prints.
"""

import re
import sys
import time

import paramiko
from netmiko import ConnectHandler

ADMIN = ("admin", "")
USER = ("user", "")
PROMPT = re.compile(r"^BD-8810\.\d+ #$")


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def split(addr):
    host, port = addr.rsplit(":", 1)
    return host, int(port)


class Step:
    """Times a step and fails it when it took longer than limit seconds."""

    def __init__(self, name, limit):
        self.name, self.limit = name, limit

    def __enter__(self):
        self.t0 = time.monotonic()
        return self

    def __exit__(self, kind, value, tb):
        took = time.monotonic() - self.t0
        if kind is None and took > self.limit:
            raise Failure("%s took %.1fs (limit %.1fs)" % (self.name, took, self.limit))
        status = "ok  " if kind is None else "FAIL"
        print("  %s %-55s %5.1fs" % (status, self.name, took), flush=True)
        return False


def exec_output(addr, command, user=ADMIN):
    """What "ssh switch '<command>'" prints (paramiko, no pty)."""
    host, port = split(addr)
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    c.connect(host, port=port, username=user[0], password=user[1],
              look_for_keys=False, allow_agent=False, timeout=5)
    try:
        _, out, _ = c.exec_command(command, timeout=5)
        return out.read().decode()
    finally:
        c.close()


def connect(addr, user=ADMIN):
    host, port = split(addr)
    return ConnectHandler(device_type="extreme_exos", host=host, port=port,
                          username=user[0], password=user[1])


def connect_retrying(addr, seconds):
    """Connects, retrying while nothing is master (a takeover)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return connect(addr)
        except Exception as e:  # refused while the backup takes over
            if time.monotonic() > deadline:
                raise Failure("no connection: %s" % e)
            time.sleep(0.05)


# the clock's lines: the compressed clock moves between two commands
CLOCK = re.compile(r"^(Current Time|System UpTime): .*$", re.M)


def same_as_exec(conn, addr, command):
    want = CLOCK.sub("", exec_output(addr, command).rstrip("\n"))
    got = conn.send_command(command)
    check(CLOCK.sub("", got).rstrip("\n") == want, "%s:\n%r\nwant (as exec prints it):\n%r" % (command, got, want))
    return got


def suite_ssh(addr):
    with Step("connect (disable clipaging, disable cli prompting)", 12):
        sw = connect(addr)
        check(sw.base_prompt == "BD-8810", "base prompt %r" % sw.base_prompt)
        check(PROMPT.match(sw.find_prompt()), "prompt %r" % sw.find_prompt())
    for cmd in ["show switch", "show version", "show version images", "show slot", "show vlan", "show configuration"]:
        with Step("send_command %r" % cmd, 5):
            out = same_as_exec(sw, addr, cmd)
            if cmd == "show switch":
                check(re.search(r"^MSM: +MSM-A \* +MSM-B", out, re.M), out)
                check(re.search(r"^Current State: +MASTER +BACKUP \(In Sync\)", out, re.M), out)
    with Step("send_command of an unknown command", 5):
        out = sw.send_command("show swich")
        check(out.endswith("\n%% Invalid input detected at '^' marker."), repr(out))
    with Step("send_config_set: snmp, a VLAN with a tag and a port", 12):
        out = sw.send_config_set(['configure snmp sysContact "acceptance-test"', "create vlan NETMIKO",
                                  "configure vlan NETMIKO tag 30", "configure vlan NETMIKO add ports 2:1 tagged"])
        check("Error" not in out and "%%" not in out, out)
        check(sw.find_prompt().startswith("* BD-8810."), "no unsaved marker: %r" % sw.find_prompt())
        conf = sw.send_command("show configuration vlan")
        check("configure vlan NETMIKO tag 30" in conf, conf)
        check("configure vlan NETMIKO add ports 2:1 tagged" in conf, conf)
    with Step("save_config (save configuration primary, no question)", 8):
        out = sw.save_config()
        check("Saving configuration primary.cfg on master...... done!" in out, repr(out))
        check(PROMPT.match(sw.find_prompt()), "still unsaved: %r" % sw.find_prompt())
        saved = exec_output(addr, "debug cfgmgr show configuration file primary")
        check('configure snmp sysContact "acceptance-test"' in saved, saved)
    with Step("disconnect", 8):
        sw.disconnect()


def suite_failover(addr):
    with Step("connect", 12):
        sw = connect(addr)
    with Step("an unsaved change", 8):
        sw.send_config_set(['configure snmp sysLocation "unsaved"'])
    with Step("run msm-failover (send_command_timing): the session closes", 8):
        sw.send_command_timing("run msm-failover")
        try:
            sw.find_prompt()
            raise Failure("the session is still open after the failover")
        except (OSError, EOFError, ValueError):
            pass
        sw.disconnect()
    with Step("reconnect lands on the new master, MSM-B", 15):
        sw = connect_retrying(addr, 5)
        check(sw.find_prompt().startswith("* BD-8810."), "unsaved change lost: %r" % sw.find_prompt())
        out = sw.send_command("show switch")
        check(re.search(r"^MSM: +MSM-A +MSM-B \*", out, re.M), out)
        check(re.search(r"^Current State: +.* MASTER +$", out, re.M), out)
        check(re.search(r"^SysLocation: +unsaved$", out, re.M), out)
    with Step("the old master comes back as backup", 10):
        deadline = time.monotonic() + 5
        while not re.search(r"^Current State: +BACKUP \(In Sync\) +MASTER", out, re.M):
            if time.monotonic() > deadline:
                raise Failure(out)
            time.sleep(0.2)
            out = sw.send_command("show switch")
    with Step("disconnect", 8):
        sw.disconnect()


def suite_user(addr):
    with Step("connect as user", 12):
        sw = connect(addr, USER)
        check(re.match(r"^BD-8810\.\d+ >$", sw.find_prompt()), "prompt %r" % sw.find_prompt())
    with Step("send_command 'show version'", 5):
        want = exec_output(addr, "show version", USER).rstrip("\n")
        got = sw.send_command("show version")
        check(got == want, "%r\nwant\n%r" % (got, want))
    with Step("a configuration command is refused", 5):
        out = sw.send_command("configure snmp sysName x")
        check(out.endswith("%% Invalid input detected at '^' marker."), repr(out))
    with Step("disconnect", 8):
        sw.disconnect()


def main():
    suites = {"ssh": suite_ssh, "failover": suite_failover, "user": suite_user}
    if len(sys.argv) < 3 or sys.argv[1] not in suites:
        sys.exit(__doc__)
    try:
        suites[sys.argv[1]](*sys.argv[2:])
    except Failure as e:
        print("FAIL:", e)
        sys.exit(1)


if __name__ == "__main__":
    main()

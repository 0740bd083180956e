#!/usr/bin/python3
"""Netmiko (Debian's python3-netmiko 2.4.2) against a running switchsim.

    netmiko_suite.py ssh        HOST:PORT   shows, config, save, disconnect
    netmiko_suite.py switchover HOST:PORT   operator + enable, switchover, reconnect
    netmiko_suite.py nopass     HOST:PORT   a switch without passwords (auth none)
    netmiko_suite.py telnet     HOST:PORT SSH-HOST:PORT   hp_procurve_telnet
    netmiko_suite.py telnet-operator HOST:PORT SSH-HOST:PORT   ... as operator, enable()
    netmiko_suite.py everyday   HOST:PORT STATE-DIR   inventory shows, playbook lines, ping, TFTP backup
    netmiko_suite.py --vt100 SUITE ...   the same against "switchsim serve --terminal vt100"

Against a switch that paints its terminal (--terminal vt100, as a real K.15
does) every suite runs unchanged: netmiko 2.4.2 strips the cursor
addressing and turns ESC E into a line break, so it reads the same output.
The painted ssh suite also checks, on the switch's own bytes, what
netmiko's stripping leaves behind: it does not remove ESC[2J (the banner's
clear screen) nor ESC[?7h, and, as it strips each read on its own, a
sequence cut in two by a read leaves its tail in the text.

Netmiko 2.4 raises when 8 s pass without the pattern it waits for, so a
switch that does not answer as expected fails a step outright. As a second
net, each step has a time limit: what netmiko's own fixed sleeps and quiet
reads take (send_config_set alone sleeps about 11 s), plus a margin for a
loaded machine, smaller than those 8 s where the step allows. Command
output is compared with what "ssh switch '<command>'" prints for the same
command.
"""

import re
import sys
import time
import types

import paramiko
from netmiko import ConnectHandler
from netmiko.hp.hp_procurve import HPProcurveSSH

MANAGER = ("manager", "manager")
OPERATOR = ("operator", "operator")


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


def exec_output(addr, command, user=MANAGER):
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


def connect(addr, user, device_type="hp_procurve", **kw):
    host, port = split(addr)
    return ConnectHandler(device_type=device_type, host=host, port=port,
                          username=user[0], password=user[1], **kw)


def strip(data):
    """netmiko 2.4.2's own stripping of one read (ESC E becomes RETURN)."""
    return HPProcurveSSH.strip_ansi_escape_codes(types.SimpleNamespace(RETURN="\n"), data)


def raw_shell(addr, user=MANAGER):
    """An interactive session with a 80x24 pty, read byte for byte."""
    host, port = split(addr)
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    c.connect(host, port=port, username=user[0], password=user[1],
              look_for_keys=False, allow_agent=False, timeout=5)
    ch = c.invoke_shell(term="vt100", width=80, height=24)
    ch.settimeout(5)
    return c, ch


def read_until(ch, text):
    got = b""
    while text.encode() not in got:
        data = ch.recv(65536)
        if not data:
            raise Failure("the session ended waiting for %r; got %r" % (text, got))
        got += data
    return got.decode()


def painted_bytes(addr):
    """What netmiko's stripping leaves of the switch's painted bytes."""
    with Step("painted: the banner keeps ESC[2J through netmiko's strip", 5):
        c, ch = raw_shell(addr)
        try:
            banner = read_until(ch, "Press any key to continue")
            check(banner.startswith("\x1b[2J\x1b[?7l\x1b[3;23r"), repr(banner[:40]))
            check(strip(banner).startswith("\x1b[2JHP J9091A Switch E8212zl\r\r\n"), repr(strip(banner)[:40]))
            ch.send(" ")
            prompt = "HP-E8212zl# \x1b[24;1H\x1b[24;13H\x1b[24;1H\x1b[?25h\x1b[24;13H"
            after = read_until(ch, prompt)
            check(strip(after) == "\x1b[?7h\r\nHP-E8212zl# ", repr(strip(after)))
            ch.send("show flash\r")
            out = read_until(ch, prompt)
        finally:
            c.close()
    with Step("painted: a sequence cut by a read leaves its tail", 1):
        whole = strip(out)
        check(whole.startswith("show flash\nImage ") and whole.endswith("Default Boot    : Primary\r\nHP-E8212zl# "), repr(whole))
        cut = out.rindex("\x1b[24;13H") + len("\x1b[24;1")
        parts = strip(out[:cut]) + strip(out[cut:])
        check(parts.endswith("HP-E8212zl# \x1b[24;13H"), repr(parts[-40:]))


def same_as_exec(conn, addr, command):
    want = exec_output(addr, command).rstrip("\n")
    got = conn.send_command(command)
    check(got == want, "%s:\n%r\nwant (as exec prints it):\n%r" % (command, got, want))


def suite_ssh(addr):
    if PAINTED:
        painted_bytes(addr)
    with Step("connect with a password", 10):
        sw = connect(addr, MANAGER)
        check(sw.find_prompt() == "HP-E8212zl#", "prompt %r" % sw.find_prompt())
    for cmd in ["show redundancy", "show version", "show flash", "show modules", "show logging"]:
        with Step("send_command %r" % cmd, 5):
            same_as_exec(sw, addr, cmd)
    with Step("send_command of an unknown command", 5):
        out = sw.send_command("show hostname")
        check(out == "Invalid input: hostname", repr(out))
    with Step("send_config_set hostname and a VLAN name", 22):
        out = sw.send_config_set(["hostname netmiko-lab", "vlan 20 name NETMIKO"])
        check("netmiko-lab(config)# vlan 20 name NETMIKO" in out, repr(out))
        check(not sw.check_config_mode(), "still in configuration mode")
        # the prompt changed: netmiko must be told (as on the real switch)
        sw.set_base_prompt()
        check(sw.find_prompt() == "netmiko-lab#", "prompt %r" % sw.find_prompt())
    with Step("show running-config has the change", 5):
        run = sw.send_command("show running-config")
        check('hostname "netmiko-lab"' in run, run)
        check(re.search(r'^vlan 20\s*\n\s+name "NETMIKO"', run, re.M), run)
    with Step("save_config (write memory)", 8):
        sw.save_config()
        startup = exec_output(addr, "show config")
        check('hostname "netmiko-lab"' in startup, startup)
    with Step("is_alive (a NUL byte)", 5):
        check(sw.is_alive(), "not alive")
        check(sw.find_prompt() == "netmiko-lab#", "prompt %r" % sw.find_prompt())
    with Step("disconnect through the logout question", 8):
        sw.disconnect()


def suite_switchover(addr):
    with Step("connect as operator", 10):
        sw = connect(addr, OPERATOR, secret="manager")
        check(sw.find_prompt() == "HP-E8212zl>", "prompt %r" % sw.find_prompt())
        check(not sw.check_enable_mode(), "operator is enabled")
    with Step("enable() answers Username: and Password:", 13):
        sw.enable()
        check(sw.check_enable_mode(), "enable failed")
        check(sw.find_prompt() == "HP-E8212zl#", "prompt %r" % sw.find_prompt())
    with Step("redundancy switchover (send_command_timing)", 6):
        out = sw.send_command_timing("redundancy switchover")
        check(out.endswith("Do you want to continue [y/n]? "), repr(out))
    with Step("answer y: the switch closes the session", 6):
        sw.send_command_timing("y")
        try:
            sw.find_prompt()
            raise Failure("the session is still open after the switchover")
        except (OSError, EOFError):
            pass
        sw.disconnect()
    with Step("reconnect lands on the new active module", 12):
        deadline = time.monotonic() + 5
        while True:
            try:
                sw = connect(addr, MANAGER)
                break
            except Exception as e:  # refused while the standby takes over
                if time.monotonic() > deadline:
                    raise Failure("no reconnect: %s" % e)
                time.sleep(0.05)
        out = sw.send_command("show redundancy")
        check(re.search(r"^  Failovers\s+: 1$", out, re.M), out)
        check(re.search(r"^2 .* Active ", out, re.M), out)
        check(re.search(r"^1 .* (Booting|Standby)", out, re.M), out)
    with Step("disconnect", 8):
        sw.disconnect()


def suite_nopass(addr):
    with Step("connect without a password (auth none)", 10):
        sw = connect(addr, ("manager", ""))
        check(sw.find_prompt() == "HP-E8212zl#", "prompt %r" % sw.find_prompt())
    with Step("send_command 'show version'", 5):
        want = exec_output(addr, "show version", ("manager", "")).rstrip("\n")
        got = sw.send_command("show version")
        check(got == want, "%r\nwant\n%r" % (got, want))
    with Step("send_config_set, left unsaved", 18):
        sw.send_config_set(["vlan 70 name UNSAVED"])
    # netmiko 2.4 answers "log out" and then looks for "Do you want to save
    # the current"; K.15 asks "Do you want to save current configuration",
    # so netmiko only sends bare Enters, which the question ignores, until
    # it hangs up. Nothing is saved for the user.
    with Step("disconnect with unsaved changes (not saved)", 8):
        sw.disconnect()
        running = exec_output(addr, "show running-config", ("manager", ""))
        startup = exec_output(addr, "show config", ("manager", ""))
        check('name "UNSAVED"' in running, running)
        check('name "UNSAVED"' not in startup, startup)


def suite_telnet(addr, ssh_addr):
    with Step("telnet login (Login Name:, Password:)", 16):
        sw = connect(addr, MANAGER, device_type="hp_procurve_telnet")
        check(sw.find_prompt() == "HP-E8212zl#", "prompt %r" % sw.find_prompt())
    with Step("send_command 'show flash'", 5):
        want = exec_output(ssh_addr, "show flash").rstrip("\n")
        got = sw.send_command("show flash")
        check(got == want, "%r\nwant\n%r" % (got, want))
    with Step("send_config_set and save_config", 24):
        sw.send_config_set(["vlan 30 name TELNET"])
        sw.save_config()
        startup = exec_output(ssh_addr, "show config")
        check(re.search(r'^vlan 30\s*\n\s+name "TELNET"', startup, re.M), startup)
    with Step("disconnect", 8):
        sw.disconnect()


def suite_telnet_operator(addr, ssh_addr):
    with Step("telnet login as operator", 16):
        sw = connect(addr, OPERATOR, device_type="hp_procurve_telnet", secret="manager")
        check(sw.find_prompt() == "HP-E8212zl>", "prompt %r" % sw.find_prompt())
    with Step("enable() answers Username: and Password:", 13):
        sw.enable()
        check(sw.find_prompt() == "HP-E8212zl#", "prompt %r" % sw.find_prompt())
    with Step("send_command 'show modules'", 5):
        want = exec_output(ssh_addr, "show modules").rstrip("\n")
        got = sw.send_command("show modules")
        check(got == want, "%r\nwant\n%r" % (got, want))
    with Step("disconnect", 8):
        sw.disconnect()


uptime = re.compile(r"(?<=Up Time            : )\S+ \S+")


def suite_everyday(addr, state_dir):
    """What inventory and backup tools do first (issue 15)."""
    with Step("connect with a password", 10):
        sw = connect(addr, MANAGER)
    with Step("send_command 'show interfaces A1' (its counters move)", 5):
        out = sw.send_command("show interfaces A1")
        check(" Status and Counters - Port Counters for port A1\n" in out and "Link Status      : Up" in out, out)
    for cmd in ["show system information", "show vlans", "show interfaces brief",
                "show ip", "show mac-address", "show lldp info remote-device"]:
        with Step("send_command %r" % cmd, 5):
            # the up time moves on between the two (an hour is 3.6 s at
            # the suite's time scale)
            got = uptime.sub("", sw.send_command(cmd).rstrip("\n"))
            want = uptime.sub("", exec_output(addr, cmd).rstrip("\n"))
            check(got == want, "%s:\n%r\nwant (as exec prints it):\n%r" % (cmd, got, want))
    with Step("send_config_set snmp-server, address, gateway, VLAN", 22):
        sw.send_config_set(["snmp-server contact NOC", 'snmp-server location "Rack 4"',
                            "vlan 1 ip address 10.1.1.10 255.255.255.0",
                            "ip default-gateway 10.1.1.254", "vlan 30 tagged A1"])
        check(not sw.check_config_mode(), "still in configuration mode")
    with Step("show running-config | include snmp-server", 5):
        out = sw.send_command("show running-config | include snmp-server")
        want = 'snmp-server contact "NOC"\nsnmp-server location "Rack 4"\nsnmp-server community "public" unrestricted'
        check(out == want, repr(out))
    with Step("show config status before and after save_config", 10):
        check("needs to be saved" in sw.send_command("show config status"), "not unsaved")
        sw.save_config()
        check("is the same as" in sw.send_command("show config status"), "still unsaved")
    with Step("ping the gateway", 5):
        out = sw.send_command("ping 10.1.1.254")
        check(out == "10.1.1.254 is alive, time = 1 ms", repr(out))
    with Step("copy running-config tftp (the backup)", 5):
        out = sw.send_command("copy running-config tftp 10.0.0.1 backup.cfg")
        check(out == "", repr(out))
        with open(state_dir + "/tftp/backup.cfg") as f:
            backup = f.read()
        check(backup.rstrip("\n") == exec_output(addr, "show running-config").rstrip("\n"), backup)
    with Step("disconnect", 8):
        sw.disconnect()


PAINTED = False


def main():
    global PAINTED
    if len(sys.argv) > 1 and sys.argv[1] == "--vt100":
        PAINTED = True
        del sys.argv[1]
    suites = {"ssh": suite_ssh, "switchover": suite_switchover, "nopass": suite_nopass,
              "telnet": suite_telnet, "telnet-operator": suite_telnet_operator,
              "everyday": suite_everyday}
    if len(sys.argv) < 3 or sys.argv[1] not in suites:
        sys.exit(__doc__)
    try:
        suites[sys.argv[1]](*sys.argv[2:])
    except Failure as e:
        print("FAIL:", e)
        sys.exit(1)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Runs README's automation snippets against a running switchsim.

    readme_snippets.py README.md PORT WORKDIR [SECTION]

The Netmiko (python), expect (tcl) and Ansible (yaml) snippets between
<!-- SECTION:start --> and <!-- SECTION:end --> ("automation", the
8212zl's, by default; "automation-exos" for the BlackDiamond's,
"automation-sros" for the 7750 SR-12's: Netmiko and expect, as Debian's
Ansible cannot drive SR OS; "automation-junos" for the mx240, "automation-issr" for the qfx5100's
ISSR: Netmiko only; "automation-netconf" for the mx240's NETCONF port,
8830; "automation-netconf-issr" for the qfx5100's, PyEZ's ISSR) are written out with
the port 2222 of "make run" (8830) replaced by PORT and run as the README says to
run them, all at the same time. (The Go snippet is checked by switchsimtest's own tests.)
"""


import os
import re
import subprocess
import sys
import threading
import time


def snippets(readme, section):
    text = open(readme).read()
    start = text.index("<!-- %s:start -->" % section)
    end = text.index("<!-- %s:end -->" % section)
    return re.findall(r"^```(\w+)\n(.*?)^```$", text[start:end], re.M | re.S)


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    readme, port, work = sys.argv[1:4]
    section = sys.argv[4] if len(sys.argv) == 5 else "automation"
    os.makedirs(work, exist_ok=True)
    # per section: file, command, and a line the run must print
    runs = {
        "automation": {
            "python": ("switch.py", ["/usr/bin/python3", "switch.py"], '   name "LAB" '),
            "tcl": ("switch.exp", ["expect", "switch.exp"], "Default Boot    : Primary"),
            "yaml": ("switch.yml", ["/usr/bin/ansible-playbook", "-i", "127.0.0.1,", "switch.yml"],
                     '"  Mgmt Redundancy : enabled",'),
        },
        "automation-exos": {
            "python": ("switch.py", ["/usr/bin/python3", "switch.py"], "configure vlan LAB tag 20"),
            "tcl": ("switch.exp", ["expect", "switch.exp"], "BACKUP (In Sync)"),
            "yaml": ("switch.yml", ["/usr/bin/ansible-playbook", "-i", "127.0.0.1,", "switch.yml"],
                     "BACKUP (In Sync)"),
        },
        "automation-junos": {
            "python": ("router.py", ["/usr/bin/python3", "router.py"], "contact netmiko-lab;"),
            "tcl": ("router.exp", ["expect", "router.exp"], "Switchover Status: Ready"),
            "yaml": ("router.yml", ["/usr/bin/ansible-playbook", "-i", "127.0.0.1,", "router.yml"],
                     '"Junos: 13.3R1.4",'),
        },
        "automation-issr": {
            "python": ("issr.py", ["/usr/bin/python3", "issr.py"], "Spawn backup RE, index 1 successful"),
        },
        "automation-netconf": {
            "python": ("pyez.py", ["/usr/bin/python3", "pyez.py"], "location \"PyEZ lab\";"),
            "yaml": ("netconf.yml", ["/usr/bin/ansible-playbook", "-i", "127.0.0.1,", "netconf.yml"],
                     '"ansible_net_version": "13.3R1.4"'),
        },
        "automation-netconf-issr": {
            "python": ("pyez_issr.py", ["/usr/bin/python3", "pyez_issr.py"],
                       "RE1 ['master', 'node', 'fwdd', 'member', 'pfem', 're1', 'fpc0', 'localre']"),
        },
        "automation-sros": {
            "python": ("sros.py", ["/usr/bin/python3", "sros.py"], "System Location        : LAB"),
            "tcl": ("sros.exp", ["expect", "sros.exp"], "Syncing configuration.....Completed."),
        },
    }[section]
    found = {lang for lang, _ in snippets(readme, section)}
    missing = set(runs) - found
    if missing:
        print("FAIL: README has no %s snippet" % ", ".join(sorted(missing)))
        sys.exit(1)
    # all at once, on the same switch, as several users would be
    failed = False
    procs = []
    for lang, code in snippets(readme, section):
        if lang not in runs:
            continue
        name, cmd, want = runs[lang]
        default = "8830" if section.startswith("automation-netconf") else "2222"
        code, n = re.subn(r"\b%s\b" % default, port, code)
        if n == 0:
            print("FAIL: the %s snippet does not name port %s" % (lang, default))
            failed = True
            continue
        with open(os.path.join(work, name), "w") as f:
            f.write(code)
        log = open(os.path.join(work, name + ".log"), "w+")
        procs.append((cmd, log, want, time.monotonic(),
                      subprocess.Popen(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT)))
        if section == "automation-netconf":
            # each snippet locks the candidate: one after the other, as
            # two scripts sharing a router must
            try:
                procs[-1][4].wait(timeout=120)
            except subprocess.TimeoutExpired:
                pass
    ended = {}

    def wait(i, p, t0):
        try:
            p.wait(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        ended[i] = time.monotonic() - t0

    waiters = [threading.Thread(target=wait, args=(i, p, t0)) for i, (_, _, _, t0, p) in enumerate(procs)]
    for w in waiters:
        w.start()
    for w in waiters:
        w.join()
    for i, (cmd, log, want, _, p) in enumerate(procs):
        log.seek(0)
        out = log.read()
        if p.returncode != 0 or want not in out:
            why = "exit %d" % p.returncode if p.returncode else "no %r in the output" % want
            print("  FAIL %-40s %5.1fs (%s)" % (" ".join(cmd), ended[i], why))
            print(out)
            failed = True
        else:
            print("  ok   %-40s %5.1fs" % (" ".join(cmd), ended[i]))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""A fleet with an address per chassis (issue 17), driven the way an
automation platform finds it: through the listings "switchsim serve"
writes into its state directory.

    fleet_clients.py STATE-DIR

- netmiko.json: ConnectHandler(**devices[name]) on every chassis, each at
  its own address on the same port; the prompt names its hostname and
  the vendor's "show version" answers;
- nornir.yaml: read as Nornir's SimpleInventory reads a hosts file, each
  host connected as nornir_netmiko does (platform as the device type),
  and the Junos chassis's NETCONF through connection_options.netconf
  (ncclient);
- inventory.yaml: "ansible-inventory --list" lists every host at its
  address;
- the console server: a line chosen by user name (USER:CHASSIS:LINE).
"""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import paramiko
import yaml
from ncclient import manager
from netmiko import ConnectHandler

from netmiko_suite import Step, check

# what each vendor's "show version" has
MARKS = {"hp_procurve": "Boot Image:", "extreme_exos": "ExtremeXOS version",
         "alcatel_sros": "TiMOS-C-", "juniper_junos": "Junos:"}


def main(state):
    fleet = json.load(open(os.path.join(state, "fleet.json")))["chassis"]
    devices = json.load(open(os.path.join(state, "netmiko.json")))
    addresses = set()

    def visit(c):
        name = c["name"]
        with Step("netmiko %s (%s) at %s:%d" % (name, c["deviceType"], c["host"], c["port"]), 30):
            dev = devices[name]
            check(dev["host"] == c["host"] and dev["port"] == c["port"], "netmiko.json %r" % dev)
            conn = ConnectHandler(**dev)
            prompt = conn.find_prompt()
            check(c["hostname"] in prompt, "prompt %r without hostname %r" % (prompt, c["hostname"]))
            out = conn.send_command("show version")
            check(MARKS[c["deviceType"]] in out, "show version:\n%s" % out)
            conn.disconnect()
        return c["host"]

    # every chassis at once, as a platform polling its inventory does
    with ThreadPoolExecutor(len(fleet)) as pool:
        addresses = set(pool.map(visit, fleet))
    check(len(addresses) == len(fleet), "addresses %r" % addresses)

    hosts = yaml.safe_load(open(os.path.join(state, "nornir.yaml")))
    check(sorted(hosts) == sorted(c["name"] for c in fleet), "nornir hosts %r" % sorted(hosts))
    allowed = {"hostname", "port", "username", "password", "platform", "groups", "data", "connection_options"}
    for name, h in hosts.items():
        check(set(h) <= allowed, "%s: keys Nornir's SimpleInventory does not read: %r" % (name, set(h) - allowed))
    first = fleet[0]["name"]
    with Step("nornir_netmiko's way: %s from nornir.yaml" % first, 20):
        h = hosts[first]
        conn = ConnectHandler(device_type=h["platform"], host=h["hostname"], port=h["port"],
                              username=h["username"], password=h["password"])
        check(h["data"]["switchsim_hostname"] in conn.find_prompt(), "prompt")
        conn.disconnect()
    for name, h in hosts.items():
        if "connection_options" not in h:
            continue
        with Step("ncclient on %s (connection_options.netconf)" % name, 20):
            nc = h["connection_options"]["netconf"]
            with manager.connect(host=h["hostname"], port=nc["port"], username=h["username"],
                                 password=h["password"], hostkey_verify=False, look_for_keys=False,
                                 allow_agent=False, device_params={"name": "junos"}) as m:
                reply = str(m.command("show version", format="text"))
                check("Junos:" in reply, "NETCONF reply %s" % reply[:200])

    with Step("ansible-inventory --list", 30):
        out = subprocess.run(["/usr/bin/ansible-inventory", "-i", os.path.join(state, "inventory.yaml"), "--list"],
                             check=True, capture_output=True, text=True).stdout
        inv = json.loads(out)
        hv = inv["_meta"]["hostvars"]
        for c in fleet:
            check(hv[c["name"]]["ansible_host"] == c["host"] and hv[c["name"]]["ansible_port"] == c["port"],
                  "%s: %r" % (c["name"], hv[c["name"]]))

    c = fleet[0]
    with Step("console server: %s:%s line 1 at %s" % (c["managerUser"], c["consoleLines"][0], c["consoles"][0]), 20):
        host, port = c["consoles"][0].rsplit(":", 1)
        cl = paramiko.SSHClient()
        cl.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        cl.connect(host, port=int(port), username="%s:%s" % (c["managerUser"], c["consoleLines"][0]),
                   password=c["managerPassword"], look_for_keys=False, allow_agent=False, timeout=5)
        ch = cl.invoke_shell(width=80, height=24)
        ch.settimeout(10)
        ch.send("\r")
        got = b""
        while (c["hostname"] + "# ").encode() not in got:
            got += ch.recv(4096)
        cl.close()


if __name__ == "__main__":
    main(sys.argv[1])

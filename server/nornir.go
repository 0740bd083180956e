package server

import (
	"net"
	"strconv"
)

// NornirYAML renders a listing as a Nornir SimpleInventory hosts file:
//
//	nr = InitNornir(inventory={"plugin": "SimpleInventory",
//	                           "options": {"host_file": "nornir.yaml"}})
//
// Each host has its management address (hostname, port), the manager
// account, the Netmiko device type as platform (what nornir_netmiko
// connects with), for a chassis with NETCONF the port in
// connection_options.netconf, and the rest in data.
func NornirYAML(ls []Listed) []byte {
	var w yamlWriter
	w.WriteString("# switchsim fleet: a Nornir SimpleInventory hosts file (options: host_file: THIS_FILE)\n")
	for _, l := range ls {
		w.line(0, l.Name, "")
		w.str(1, "hostname", l.Host)
		w.num(1, "port", l.Port)
		w.str(1, "username", l.ManagerUser)
		w.str(1, "password", l.ManagerPassword)
		w.str(1, "platform", l.DeviceType)
		if l.NETCONF != "" {
			if _, p, err := splitPort(l.NETCONF); err == nil {
				w.line(1, "connection_options", "")
				w.line(2, "netconf", "")
				w.num(3, "port", p)
				w.line(3, "extras", "")
				w.line(4, "hostkey_verify", "false")
			}
		}
		w.line(1, "data", "")
		w.str(2, "vendor", l.Vendor)
		w.str(2, "switchsim_hostname", l.Hostname)
		w.line(2, "consoles", yamlFlow(l.Consoles))
		if len(l.ConsoleLines) > 0 {
			w.line(2, "console_lines", yamlFlow(l.ConsoleLines))
		}
		if l.Telnet != "" {
			w.str(2, "telnet", l.Telnet)
		}
		if l.NETCONF != "" {
			w.str(2, "netconf", l.NETCONF)
		}
		w.str(2, "operator_user", l.OperatorUser)
		w.str(2, "operator_password", l.OperatorPassword)
		w.str(2, "ansible_network_os", l.NetworkOS)
	}
	return []byte(w.String())
}

func splitPort(addr string) (string, int, error) {
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, err
	}
	n, err := strconv.Atoi(p)
	return h, n, err
}

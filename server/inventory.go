package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

// An inventory (a fleet file) serves many chassis from one process. By
// default each chassis gets a block of consecutive ports on one address
// (the offsets are in ports.go: 0 management, 1-2 module consoles, 3
// telnet when on, 4 web, 5 NETCONF for a vendor with an XML
// API); with address-per-chassis each chassis gets an address of its own
// in 127/8 with the same ports on every address, and the module consoles
// are lines of a console server. User names keep their meaning (manager,
// operator) because the port or address, not the user name, picks the
// chassis.
//
//	listen: 127.0.0.1      # address every chassis listens on (port blocks)
//	base-port: 20000       # the first chassis's block; 0 = ephemeral ports
//	block: 10              # ports per chassis (at least 6)
//	telnet: false          # telnet (offset 3 of a block, or port telnet of an address)
//	address-per-chassis: 127.1.0.0/16   # instead of blocks: an address per chassis
//	address-ports: {ssh: 2222, telnet: 2323, netconf: 8830, web: 8000}
//	console-server: 127.1.0.0           # default: the prefix's first address ("off": none)
//	scenario: lab.yaml     # default scenario: a file, or a built-in name ("" = the default one)
//	chassis:
//	  - name: core1        # control path /v1/chassis/core1, state core1.json
//	    scenario: core.yaml
//	    hostname: CORE-1   # default: the chassis name
//	    address: 127.1.0.10  # its address (the next chassis follow it)
//	  - name: edge         # count: edge001 ... edge100
//	    count: 100
//
// Relative scenario paths are relative to the inventory file.

// Inventory defaults.
const (
	DefaultInventoryBase  = 20000
	DefaultInventoryBlock = 10
)

// reservedNames would collide with the other files of a state directory.
var reservedNames = map[string]bool{"ports": true, "netmiko": true, "fleet": true, "state": true, "nornir": true}

var chassisName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$`)

// LoadInventory reads a fleet description: one ChassisConfig per chassis,
// each with its scenario parsed (hostname applied) and its addresses. The
// caller sets StateFile and ColdBoot.
func LoadInventory(path string, cat *scenario.Catalog, reg Vendors) ([]ChassisConfig, error) {
	inv, err := ReadInventory(path, cat, reg, InventoryOptions{})
	if err != nil {
		return nil, err
	}
	return inv.Chassis, nil
}

// ParseInventory reads a fleet description from YAML text; relative
// scenario paths are relative to path's directory.
func ParseInventory(path string, data []byte, cat *scenario.Catalog, reg Vendors) ([]ChassisConfig, error) {
	inv, err := ParseInventoryWith(path, data, cat, reg, InventoryOptions{})
	if err != nil {
		return nil, err
	}
	return inv.Chassis, nil
}

// setHostname gives every config file of the chassis (what it boots with)
// the hostname.
func setHostname(c *model.Chassis, name string) {
	if c.Running != nil {
		c.Running.Hostname = name
	}
	for _, m := range c.Modules {
		for _, cf := range m.Configs {
			if cf != nil {
				cf.Hostname = name
			}
		}
	}
}

// Listed is one chassis as the listings show it: where it listens and who
// may log in.
type Listed struct {
	Name     string   `json:"name"`
	Vendor   string   `json:"vendor"`
	Hostname string   `json:"hostname"`
	Host     string   `json:"host"`
	Port     int      `json:"port"`
	Mgmt     string   `json:"mgmt"`
	Consoles []string `json:"consoles"`
	Telnet   string   `json:"telnet,omitempty"`
	NETCONF  string   `json:"netconf,omitempty"`
	Web      string   `json:"web,omitempty"` // the web interface (ip:port)
	// ConsoleLines: with an address per chassis, Consoles are the
	// console server and these its lines (log in as USER:LINE).
	ConsoleLines     []string `json:"consoleLines,omitempty"`
	ManagerUser      string   `json:"managerUser"`
	ManagerPassword  string   `json:"managerPassword"`
	OperatorUser     string   `json:"operatorUser"`
	OperatorPassword string   `json:"operatorPassword"`
	// DeviceType and NetworkOS are the vendor's Netmiko device type and
	// Ansible network OS.
	DeviceType string `json:"deviceType"`
	NetworkOS  string `json:"networkOS"`
}

func listed(a Addrs, v commands.Vendor, hostname string, cr model.Credentials) Listed {
	tx := v.Texts()
	l := Listed{Name: a.Name, Vendor: v.Name(), DeviceType: tx.NetmikoType, NetworkOS: tx.AnsibleOS,
		Hostname: hostname, Mgmt: a.Mgmt, Consoles: a.Consoles, Telnet: a.Telnet, NETCONF: a.NETCONF, Web: a.Web, ConsoleLines: a.ConsoleLines,
		ManagerUser: cr.ManagerUser, ManagerPassword: cr.ManagerPassword,
		OperatorUser: cr.OperatorUser, OperatorPassword: cr.OperatorPassword}
	if l.Consoles == nil {
		l.Consoles = []string{}
	}
	if h, p, err := net.SplitHostPort(a.Mgmt); err == nil {
		l.Host = h
		l.Port, _ = strconv.Atoi(p)
	}
	return l
}

// Listing describes every chassis being served, with the credentials it
// has now (a saved state may have changed the scenario's).
func (s *Server) Listing() []Listed {
	if s.fleet != nil {
		return s.fleet.listing()
	}
	out := make([]Listed, 0, len(s.hosts))
	for i, h := range s.hosts {
		out = append(out, hostListing(h, s.addrs[i]))
	}
	return out
}

// hostListing lists a built chassis as it is now.
func hostListing(h *Host, a Addrs) Listed {
	var cr model.Credentials
	var hostname string
	h.View(func(c *model.Chassis) {
		cr = c.Credentials
		if c.Running != nil {
			hostname = c.Running.Hostname
		} else if len(c.Modules) > 0 {
			if cf := c.Modules[0].Startup(); cf != nil {
				hostname = cf.Hostname
			}
		}
	})
	return listed(a, h.Vendor, hostname, cr)
}

// ListConfigs describes chassis from their configuration, before serving:
// the addresses must be fixed ports.
func ListConfigs(ccs []ChassisConfig, reg Vendors) ([]Listed, error) {
	var out []Listed
	for _, cc := range ccs {
		a := Addrs{Name: cc.Name, Mgmt: cc.Mgmt, Consoles: cc.Consoles, Telnet: cc.Telnet, Web: cc.Web, Address: cc.Address}
		if cc.Address != "" && cc.Scenario != nil {
			// the console server's lines, one per module slot
			n := len(cc.Scenario.Chassis.Modules)
			a.Consoles, a.ConsoleLines = nil, nil
			for i, c := range cc.Consoles {
				if c != "" && i < n && i < len(cc.ConsoleLines) {
					a.Consoles = append(a.Consoles, c)
					a.ConsoleLines = append(a.ConsoleLines, cc.ConsoleLines[i])
				}
			}
		}
		if cc.Scenario != nil {
			if v, err := reg.Lookup(cc.Scenario.Vendor); err == nil {
				if _, ok := v.(commands.XMLAPI); ok {
					a.NETCONF = cc.NETCONF
				}
			}
		}
		if _, p, _ := net.SplitHostPort(cc.Mgmt); p == "0" {
			return nil, fmt.Errorf("chassis %s: ephemeral ports are known only once served (see fleet.json in the running server's state directory)", cc.Name)
		}
		sc := cc.Scenario
		if sc == nil {
			return nil, fmt.Errorf("chassis %s: no scenario", cc.Name)
		}
		v, err := reg.Lookup(sc.Vendor)
		if err != nil {
			return nil, err
		}
		hostname := cc.Hostname
		if hostname == "" {
			hostname = templateHostname(sc.Chassis)
		}
		cr := sc.Chassis.Credentials
		cc.Passwords.apply(&cr)
		out = append(out, listed(a, v, hostname, cr))
	}
	return out, nil
}

// NetmikoJSON renders a listing as a JSON object of Netmiko connection
// arguments keyed by chassis name, in fleet order:
//
//	devices = json.load(open("netmiko.json"))
//	conn = ConnectHandler(**devices["core1"])
func NetmikoJSON(ls []Listed) []byte {
	var b bytes.Buffer
	b.WriteString("{")
	for i, l := range ls {
		if i > 0 {
			b.WriteString(",")
		}
		k, _ := json.Marshal(l.Name)
		v, _ := json.Marshal(struct {
			DeviceType string `json:"device_type"`
			Host       string `json:"host"`
			Port       int    `json:"port"`
			Username   string `json:"username"`
			Password   string `json:"password"`
		}{l.DeviceType, l.Host, l.Port, l.ManagerUser, l.ManagerPassword})
		fmt.Fprintf(&b, "\n  %s: %s", k, v)
	}
	b.WriteString("\n}\n")
	return b.Bytes()
}

// AnsibleYAML renders a listing as an Ansible YAML inventory: every
// chassis is a host of group "switchsim" with its management address,
// port and manager credentials; the consoles and operator account are
// host variables, and the group's variables choose network_cli.
func AnsibleYAML(ls []Listed) []byte {
	// one network OS for the group when every chassis has the same
	// vendor, else one per host
	groupOS := ""
	for i, l := range ls {
		if i == 0 {
			groupOS = l.NetworkOS
		} else if l.NetworkOS != groupOS {
			groupOS = ""
			break
		}
	}
	var w yamlWriter
	w.WriteString("# switchsim fleet: ansible-inventory -i THIS_FILE --list\n")
	w.line(0, "all", "")
	w.line(1, "children", "")
	w.line(2, "switchsim", "")
	w.line(3, "hosts", "")
	for _, l := range ls {
		w.line(4, l.Name, "")
		w.str(5, "ansible_host", l.Host)
		w.num(5, "ansible_port", l.Port)
		w.str(5, "ansible_user", l.ManagerUser)
		w.str(5, "ansible_password", l.ManagerPassword)
		w.str(5, "switchsim_hostname", l.Hostname)
		w.line(5, "switchsim_consoles", yamlFlow(l.Consoles))
		if l.Telnet != "" {
			w.str(5, "switchsim_telnet", l.Telnet)
		}
		if len(l.ConsoleLines) > 0 {
			w.line(5, "switchsim_console_lines", yamlFlow(l.ConsoleLines))
		}
		if l.NETCONF != "" {
			w.str(5, "switchsim_netconf", l.NETCONF)
		}
		w.str(5, "switchsim_operator_user", l.OperatorUser)
		w.str(5, "switchsim_operator_password", l.OperatorPassword)
		if groupOS == "" && l.NetworkOS != "" {
			w.str(5, "ansible_network_os", l.NetworkOS)
		}
	}
	// how Ansible talks to them: network_cli with each vendor's platform
	// as Debian's ansible ships it (as tests/clients/ansible does)
	w.line(3, "vars", "")
	w.str(4, "ansible_connection", "ansible.netcommon.network_cli")
	w.line(4, "ansible_host_key_checking", "false")
	w.str(4, "ansible_network_cli_ssh_type", "paramiko")
	if groupOS != "" {
		w.str(4, "ansible_network_os", groupOS)
	}
	return []byte(w.String())
}

// FleetJSON renders a listing as JSON (fleet.json: everything about each
// chassis, for scripts of any kind).
func FleetJSON(ls []Listed) []byte {
	b, _ := json.MarshalIndent(struct {
		Chassis []Listed `json:"chassis"`
	}{ls}, "", "  ")
	return append(b, '\n')
}

// WriteListings writes fleet.json, netmiko.json, inventory.yaml (Ansible)
// and nornir.yaml into dir: what automation reads to find every chassis.
func WriteListings(dir string, ls []Listed) error {
	for _, f := range []struct {
		name string
		data []byte
	}{{"fleet.json", FleetJSON(ls)}, {"netmiko.json", NetmikoJSON(ls)}, {"inventory.yaml", AnsibleYAML(ls)}, {"nornir.yaml", NornirYAML(ls)}} {
		if err := WriteAtomic(filepath.Join(dir, f.name), f.data, nil); err != nil {
			return err
		}
	}
	return nil
}

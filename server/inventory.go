package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

// An inventory (a fleet file) serves many chassis from one process. Each
// chassis gets a block of consecutive ports on one address: the first is
// its management address, the next two its module consoles, the fourth
// its telnet port (when telnet is on), the sixth (offset 5) its NETCONF
// port (for a vendor with an XML API: Junos). User names keep their meaning
// (manager, operator) because the port, not the user name, picks the
// chassis.
//
//	listen: 127.0.0.1      # address every chassis listens on
//	base-port: 20000       # the first chassis's block; 0 = ephemeral ports
//	block: 10              # ports per chassis (at least 6)
//	telnet: false          # telnet on the fourth port of each block
//	scenario: lab.yaml     # default scenario: a file, or a built-in name ("" = the default one)
//	chassis:
//	  - name: core1        # control path /v1/chassis/core1, state core1.json
//	    scenario: core.yaml
//	    hostname: CORE-1   # default: the chassis name
//	  - name: edge         # count: edge001 ... edge100
//	    count: 100
//
// Relative scenario paths are relative to the inventory file.

// Inventory defaults.
const (
	DefaultInventoryBase  = 20000
	DefaultInventoryBlock = 10
	minInventoryBlock     = 6
	// netconfOffset is the NETCONF port's place in a block.
	netconfOffset = 5
)

// reservedNames would collide with the other files of a state directory.
var reservedNames = map[string]bool{"ports": true, "netmiko": true, "fleet": true, "state": true}

var chassisName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$`)

// invEntry is one chassis line of the inventory, before expansion.
type invEntry struct {
	node     *yaml.Node
	path     string
	name     string
	count    int
	scenario string
	hostname string
	hostSet  bool
	base     int // this entry's first block (-1: after the previous one)
}

// LoadInventory reads a fleet description: one ChassisConfig per chassis,
// each with its scenario parsed (hostname applied) and its addresses. The
// caller sets StateFile and ColdBoot.
func LoadInventory(path string, cat *scenario.Catalog, reg Vendors) ([]ChassisConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseInventory(path, data, cat, reg)
}

// ParseInventory reads a fleet description from YAML text; relative
// scenario paths are relative to path's directory.
func ParseInventory(path string, data []byte, cat *scenario.Catalog, reg Vendors) ([]ChassisConfig, error) {
	if cat == nil {
		cat = scenario.Builtin()
	}
	root, err := scenario.ParseYAML(path, data)
	if err != nil {
		return nil, err
	}
	d := scenario.NewDecoder(path)
	top := d.Mapping(root, "")
	listen := top.Str("listen", "127.0.0.1")
	if ip := net.ParseIP(strings.Trim(listen, "[]")); ip == nil && listen != "localhost" {
		d.Fail(top.Get("listen"), "listen", "%q is not an IP address", listen)
	}
	base := top.IntegerIn("base-port", DefaultInventoryBase, 0, 65535)
	block := top.IntegerIn("block", DefaultInventoryBlock, minInventoryBlock, 1000)
	telnet := top.Boolean("telnet", false)
	defScenario := top.Str("scenario", "")
	var entries []invEntry
	list := top.Get("chassis")
	switch {
	case list == nil:
		d.Fail(top.Node(), "chassis", "an inventory lists at least one chassis")
	case list.Kind != yaml.SequenceNode:
		d.Fail(list, "chassis", "expected a list")
	default:
		for i, n := range list.Content {
			p := fmt.Sprintf("chassis[%d]", i)
			m := d.Mapping(n, p)
			e := invEntry{node: n, path: p, base: -1}
			e.name = m.Str("name", "")
			if e.name == "" && m.Node() != nil {
				d.Fail(n, p+".name", "every chassis needs a name")
			}
			e.count = m.IntegerIn("count", 0, 1, 65535)
			e.scenario = m.Str("scenario", defScenario)
			if v, ok := m.Scalar("hostname"); ok {
				e.hostname, e.hostSet = v.Value, true
			}
			if m.Has("base-port") {
				e.base = m.IntegerIn("base-port", 0, 1, 65535)
			}
			m.Done()
			entries = append(entries, e)
		}
	}
	top.Done()
	if err := d.Err(); err != nil {
		return nil, err
	}

	// Expand counts, check names, read each scenario file once.
	dir := filepath.Dir(path)
	texts := map[string][]byte{}
	seen := map[string]string{}
	var out []ChassisConfig
	port := base
	for _, e := range entries {
		names := []string{e.name}
		if e.count > 0 {
			names = names[:0]
			width := len(strconv.Itoa(e.count))
			if width < 3 {
				width = 3
			}
			for i := 1; i <= e.count; i++ {
				names = append(names, fmt.Sprintf("%s%0*d", e.name, width, i))
			}
		}
		if e.base >= 0 {
			if base == 0 {
				d.Fail(e.node, e.path+".base-port", "base-port 0 (ephemeral ports) applies to the whole inventory")
				return nil, d.Err()
			}
			port = e.base
		}
		for _, name := range names {
			switch {
			case !chassisName.MatchString(name):
				d.Fail(e.node, e.path+".name", "%q is not a chassis name (letters, digits, '.', '_', '-'; up to 63)", name)
			case reservedNames[strings.ToLower(name)]:
				d.Fail(e.node, e.path+".name", "%q is reserved (a file of that name is in the state directory)", name)
			case seen[name] != "":
				d.Fail(e.node, e.path+".name", "%q is also %s", name, seen[name])
			}
			if err := d.Err(); err != nil {
				return nil, err
			}
			seen[name] = e.path
			hostname := name
			if e.hostSet {
				hostname = e.hostname
				if e.count > 0 {
					hostname = name[len(e.name):]
					hostname = e.hostname + hostname
				}
			}
			if hostname == "" || strings.ContainsAny(hostname, "\r\n\t\"") {
				d.Fail(e.node, e.path+".hostname", "%q is not a hostname", hostname)
				return nil, d.Err()
			}
			sc, err := inventoryScenario(dir, e.scenario, texts, cat, reg)
			if err != nil {
				return nil, err
			}
			setHostname(sc.Chassis, hostname)
			cc := ChassisConfig{Name: name, Scenario: sc}
			if base == 0 {
				ep := net.JoinHostPort(listen, "0")
				cc.Mgmt, cc.Consoles = ep, []string{ep, ep}
				if telnet {
					cc.Telnet = ep
				}
				cc.NETCONF = ep
			} else {
				if port+minInventoryBlock-1 > 65535 {
					d.Fail(e.node, e.path, "chassis %q: its ports (from %d) are beyond 65535", name, port)
					return nil, d.Err()
				}
				at := func(i int) string { return net.JoinHostPort(listen, strconv.Itoa(port+i)) }
				cc.Mgmt, cc.Consoles = at(0), []string{at(1), at(2)}
				if telnet {
					cc.Telnet = at(3)
				}
				cc.NETCONF = at(netconfOffset)
				port += block
			}
			out = append(out, cc)
		}
	}
	return out, nil
}

// inventoryScenario parses a chassis's scenario: a built-in one by name,
// or a file read once however many chassis use it (each chassis still
// gets a model of its own).
func inventoryScenario(dir, file string, texts map[string][]byte, cat *scenario.Catalog, reg Vendors) (*scenario.Scenario, error) {
	if sc, ok, err := reg.Builtin(file, cat); ok {
		return sc, err
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	data, ok := texts[file]
	if !ok {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return nil, err
		}
		texts[file] = data
	}
	return scenario.Parse(file, data, cat, reg.Profiles)
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
	Name             string   `json:"name"`
	Vendor           string   `json:"vendor"`
	Hostname         string   `json:"hostname"`
	Host             string   `json:"host"`
	Port             int      `json:"port"`
	Mgmt             string   `json:"mgmt"`
	Consoles         []string `json:"consoles"`
	Telnet           string   `json:"telnet,omitempty"`
	NETCONF          string   `json:"netconf,omitempty"`
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
		Hostname: hostname, Mgmt: a.Mgmt, Consoles: a.Consoles, Telnet: a.Telnet, NETCONF: a.NETCONF,
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
	out := make([]Listed, 0, len(s.hosts))
	for i, h := range s.hosts {
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
		out = append(out, listed(s.addrs[i], h.Vendor, hostname, cr))
	}
	return out
}

// ListConfigs describes chassis from their configuration, before serving:
// the addresses must be fixed ports.
func ListConfigs(ccs []ChassisConfig, reg Vendors) ([]Listed, error) {
	var out []Listed
	for _, cc := range ccs {
		a := Addrs{Name: cc.Name, Mgmt: cc.Mgmt, Consoles: cc.Consoles, Telnet: cc.Telnet}
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
		hostname := ""
		for _, m := range sc.Chassis.Modules {
			if cf := m.Startup(); cf != nil && hostname == "" {
				hostname = cf.Hostname
			}
		}
		out = append(out, listed(a, v, hostname, sc.Chassis.Credentials))
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
	type hostVars struct {
		Host             string   `yaml:"ansible_host"`
		Port             int      `yaml:"ansible_port"`
		User             string   `yaml:"ansible_user"`
		Password         string   `yaml:"ansible_password"`
		Hostname         string   `yaml:"switchsim_hostname"`
		Consoles         []string `yaml:"switchsim_consoles,flow"`
		Telnet           string   `yaml:"switchsim_telnet,omitempty"`
		OperatorUser     string   `yaml:"switchsim_operator_user"`
		OperatorPassword string   `yaml:"switchsim_operator_password"`
		NetworkOS        string   `yaml:"ansible_network_os,omitempty"`
	}
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
	hosts := &yaml.Node{Kind: yaml.MappingNode}
	for _, l := range ls {
		var v yaml.Node
		hv := hostVars{l.Host, l.Port, l.ManagerUser, l.ManagerPassword, l.Hostname, l.Consoles, l.Telnet, l.OperatorUser, l.OperatorPassword, ""}
		if groupOS == "" {
			hv.NetworkOS = l.NetworkOS
		}
		v.Encode(hv)
		hosts.Content = append(hosts.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: l.Name}, &v)
	}
	// how Ansible talks to them: network_cli with each vendor's platform
	// as Debian's ansible ships it (as tests/clients/ansible does)
	vars := map[string]any{
		"ansible_connection":           "ansible.netcommon.network_cli",
		"ansible_network_cli_ssh_type": "paramiko",
		"ansible_host_key_checking":    false,
	}
	if groupOS != "" {
		vars["ansible_network_os"] = groupOS
	}
	doc := map[string]any{"all": map[string]any{"children": map[string]any{"switchsim": map[string]any{"hosts": hosts, "vars": vars}}}}
	var b bytes.Buffer
	b.WriteString("# switchsim fleet: ansible-inventory -i THIS_FILE --list\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	enc.Encode(doc)
	enc.Close()
	return b.Bytes()
}

// FleetJSON renders a listing as JSON (fleet.json: everything about each
// chassis, for scripts of any kind).
func FleetJSON(ls []Listed) []byte {
	b, _ := json.MarshalIndent(struct {
		Chassis []Listed `json:"chassis"`
	}{ls}, "", "  ")
	return append(b, '\n')
}

// WriteListings writes fleet.json, netmiko.json and inventory.yaml into
// dir: what automation reads to find every chassis.
func WriteListings(dir string, ls []Listed) error {
	for _, f := range []struct {
		name string
		data []byte
	}{{"fleet.json", FleetJSON(ls)}, {"netmiko.json", NetmikoJSON(ls)}, {"inventory.yaml", AnsibleYAML(ls)}} {
		if err := WriteAtomic(filepath.Join(dir, f.name), f.data, nil); err != nil {
			return err
		}
	}
	return nil
}

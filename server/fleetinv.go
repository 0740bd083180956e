package server

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/switchsim/switchsim/scenario"
)

// Inventory is a fleet file read: its chassis and how their ports are
// laid out.
type Inventory struct {
	Chassis []ChassisConfig
	Ports   PortMap
	// ConsoleServer is where the module consoles are in the address
	// scheme (ip:port; "" = none).
	ConsoleServer string
}

// InventoryOptions change how an inventory is read.
type InventoryOptions struct {
	// Lazy reads each scenario once: every ChassisConfig gets the shared
	// template and a Build that parses its own when the chassis is
	// first touched (a fleet served with Config.Fleet). Otherwise each
	// chassis's scenario is parsed at once.
	Lazy bool
	// AddressPerChassis (a prefix in 127/8) overrides the file's
	// address-per-chassis; AddressPorts ("ssh=2222,...") its
	// address-ports.
	AddressPerChassis string
	AddressPorts      string
	// Listen, when set, overrides the file's listen (the address of the
	// port blocks).
	Listen string
	// Shard, when set, keeps only the chassis of that shard (shard.go);
	// the port blocks (or addresses) are numbered within the shard, so
	// every shard starts at base-port.
	Shard *Shard
}

// invEntry is one chassis line of the inventory, before expansion.
type invEntry struct {
	node     *yaml.Node
	path     string
	name     string
	count    int
	scenario string
	hostname string
	hostSet  bool
	base     int    // this entry's first block (-1: after the previous one)
	address  string // this entry's first address ("": after the previous one)
}

// ReadInventory reads a fleet file.
func ReadInventory(path string, cat *scenario.Catalog, reg Vendors, o InventoryOptions) (*Inventory, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseInventoryWith(path, data, cat, reg, o)
}

// ParseInventoryWith reads a fleet description from YAML text; relative
// scenario paths are relative to path's directory. Duplicate names,
// addresses and ports are refused with their line.
func ParseInventoryWith(path string, data []byte, cat *scenario.Catalog, reg Vendors, o InventoryOptions) (*Inventory, error) {
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
	if o.Listen != "" {
		listen = o.Listen
	}
	if ip := net.ParseIP(strings.Trim(listen, "[]")); ip == nil && listen != "localhost" {
		d.Fail(top.Get("listen"), "listen", "%q is not an IP address", listen)
	}
	base := top.IntegerIn("base-port", DefaultInventoryBase, 0, 65535)
	block := top.IntegerIn("block", DefaultInventoryBlock, MinBlock, 1000)
	telnet := top.Boolean("telnet", false)
	defScenario := top.Str("scenario", "")

	// the address scheme: from the file, or the flags over it
	var pfx *prefix
	ports := DefaultAddressPorts
	prefixText := top.Str("address-per-chassis", "")
	prefixNode := top.Get("address-per-chassis")
	if o.AddressPerChassis != "" {
		prefixText, prefixNode = o.AddressPerChassis, nil
	}
	if prefixText != "" {
		p, err := parsePrefix(prefixText)
		if err != nil {
			if prefixNode == nil {
				return nil, fmt.Errorf("--address-per-chassis: %w", err)
			}
			d.Fail(prefixNode, "address-per-chassis", "%v", err)
		}
		pfx = p
	}
	telnetPortSet := false
	if n := top.Get("address-ports"); n != nil {
		switch n.Kind {
		case yaml.MappingNode:
			pm := d.Mapping(n, "address-ports")
			for _, s := range addressServices {
				if v, ok := pm.Scalar(s); ok {
					if err := ports.Set(s, v.Value); err != nil {
						d.Fail(v, pm.Field(s), "%v", err)
					}
					telnetPortSet = telnetPortSet || s == "telnet"
				}
			}
			pm.Done()
		case yaml.ScalarNode:
			p, err := ParseAddressPorts(n.Value, ports)
			if err != nil {
				d.Fail(n, "address-ports", "%v", err)
			}
			ports = p
			telnetPortSet = strings.Contains(n.Value, "telnet")
		default:
			d.Fail(n, "address-ports", "expected a mapping (ssh: 2222) or ssh=2222,...")
		}
		if d.Err() == nil {
			if err := ports.check(); err != nil {
				d.Fail(n, "address-ports", "%v", err)
			}
		}
	}
	if o.AddressPorts != "" {
		p, err := ParseAddressPorts(o.AddressPorts, ports)
		if err != nil {
			return nil, fmt.Errorf("--address-ports: %w", err)
		}
		ports = p
		telnetPortSet = telnetPortSet || strings.Contains(o.AddressPorts, "telnet")
	}
	// telnet on without a port takes the default one; a port named for
	// it turns it on
	if telnet && ports.Telnet == 0 && !telnetPortSet {
		ports.Telnet = DefaultTelnetPort
	}
	consoleText := top.Str("console-server", "")
	consoleNode := top.Get("console-server")

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
			if v, ok := m.Scalar("address"); ok {
				e.address = v.Value
				if pfx == nil {
					d.Fail(v, p+".address", "an address applies to a fleet with an address per chassis (address-per-chassis)")
				}
			}
			m.Done()
			entries = append(entries, e)
		}
	}
	top.Done()
	if err := d.Err(); err != nil {
		return nil, err
	}

	inv := &Inventory{}
	// where the chassis addresses start, and the console server
	var cursor uint32
	var console uint32
	if pfx != nil {
		inv.Ports = PortMap{Scheme: "address", Prefix: pfx.String(), Ports: &ports}
		var ok bool
		if cursor, ok = pfx.next(pfx.first); !ok {
			d.Fail(prefixNode, "address-per-chassis", "%s has no usable address", pfx)
			return nil, d.Err()
		}
		switch consoleText {
		case "":
			// the prefix's first address; the chassis follow it
			console = cursor
			cursor++
		case "off":
		default:
			ip := net.ParseIP(consoleText).To4()
			if ip == nil || ip[0] != 127 || !usable(ipUint(ip)) {
				d.Fail(consoleNode, "console-server", "%q is not an address in 127.0.0.0/8", consoleText)
				return nil, d.Err()
			}
			console = ipUint(ip)
		}
		if console != 0 {
			inv.ConsoleServer = net.JoinHostPort(uintIP(console).String(), strconv.Itoa(ports.SSH))
			inv.Ports.ConsoleServer = inv.ConsoleServer
			inv.Ports.ConsoleLogin = consoleLoginForm
		}
	} else {
		inv.Ports = PortMap{Scheme: "block", BasePort: base, Block: block, Offsets: &TheBlockOffsets}
	}

	// Expand counts, check names, addresses and ports, read each
	// scenario file once.
	dir := filepath.Dir(path)
	texts := map[string][]byte{}
	templates := map[string]*scenario.Scenario{}
	seen := map[string]string{}  // name -> entry
	taken := map[uint32]string{} // address -> chassis name
	usedPort := map[int]string{} // port of a block -> chassis name
	where := map[string]string{} // chassis name -> entry path
	out := make([]ChassisConfig, 0, len(entries))
	port := base
	for _, e := range entries {
		names := []string{e.name}
		if e.count > 0 {
			names = make([]string, 0, e.count)
			width := len(strconv.Itoa(e.count))
			if width < 3 {
				width = 3
			}
			for i := 1; i <= e.count; i++ {
				names = append(names, fmt.Sprintf("%s%0*d", e.name, width, i))
			}
		}
		if e.base >= 0 && pfx == nil {
			if base == 0 {
				d.Fail(e.node, e.path+".base-port", "base-port 0 (ephemeral ports) applies to the whole inventory")
				return nil, d.Err()
			}
			port = e.base
		}
		if e.address != "" {
			ip := net.ParseIP(e.address).To4()
			if ip == nil || !pfx.contains(ipUint(ip)) {
				d.Fail(e.node, e.path+".address", "%q is not an address in %s", e.address, pfx)
				return nil, d.Err()
			}
			cursor = ipUint(ip)
			if cursor == console {
				d.Fail(e.node, e.path+".address", "%s is the console server's address", e.address)
				return nil, d.Err()
			}
		}
		// the scenario: parsed once as a template (lazy) or per chassis
		src, err := newScenarioSource(dir, e.scenario, texts, reg)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			switch {
			case !chassisName.MatchString(name):
				d.Fail(e.node, e.path+".name", "%q is not a chassis name (letters, digits, '.', '_', '-'; up to 63)", name)
			case reservedNames[strings.ToLower(name)]:
				d.Fail(e.node, e.path+".name", "%q is reserved (a file of that name is in the state directory)", name)
			case strings.EqualFold(name, consoleServerName):
				d.Fail(e.node, e.path+".name", "%q is reserved (the console server's name: its host key is derived from it)", name)
			case seen[name] != "":
				d.Fail(e.node, e.path+".name", "%q is also %s", name, seen[name])
			}
			if err := d.Err(); err != nil {
				return nil, err
			}
			seen[name] = e.path
			where[name] = e.path
			if o.Shard != nil && ShardOf(name, o.Shard.Count) != o.Shard.Index {
				continue // another shard's
			}
			hostname := name
			if e.hostSet {
				hostname = e.hostname
				if e.count > 0 {
					hostname = e.hostname + name[len(e.name):]
				}
			}
			if hostname == "" || strings.ContainsAny(hostname, "\r\n\t\"") {
				d.Fail(e.node, e.path+".hostname", "%q is not a hostname", hostname)
				return nil, d.Err()
			}
			cc := ChassisConfig{Name: name, Hostname: hostname}
			if o.Lazy {
				tpl := templates[e.scenario]
				if tpl == nil {
					if tpl, err = src.parse(cat); err != nil {
						return nil, err
					}
					templates[e.scenario] = tpl
				}
				cc.Scenario = tpl
				cc.Build = func() (*scenario.Scenario, error) {
					sc, err := src.parse(cat)
					if err == nil {
						setHostname(sc.Chassis, hostname)
					}
					return sc, err
				}
			} else {
				sc, err := src.parse(cat)
				if err != nil {
					return nil, err
				}
				setHostname(sc.Chassis, hostname)
				cc.Scenario = sc
			}
			switch {
			case pfx != nil:
				a, ok := pfx.next(cursor)
				if ok && a == console {
					a, ok = pfx.next(a + 1)
				}
				if !ok {
					d.Fail(e.node, e.path, "chassis %q: %s has no address left (it holds %d chassis%s; give a larger prefix: a /16 holds 65,534)",
						name, pfx, pfx.size()-consoleIn(pfx, console), consoleNote(console))
					return nil, d.Err()
				}
				if other, dup := taken[a]; dup {
					d.Fail(e.node, e.path+".address", "%s (%q) is also %s's (%s)", uintIP(a), name, other, where[other])
					return nil, d.Err()
				}
				taken[a] = name
				cursor = a + 1
				ip := uintIP(a).String()
				at := func(p int) string {
					if p == 0 {
						return ""
					}
					return net.JoinHostPort(ip, strconv.Itoa(p))
				}
				cc.Address = ip
				cc.Mgmt, cc.Telnet, cc.NETCONF, cc.Web = at(ports.SSH), at(ports.Telnet), at(ports.NETCONF), at(ports.Web)
				cc.Consoles = []string{"", ""}
				if inv.ConsoleServer != "" {
					cc.Consoles = []string{inv.ConsoleServer, inv.ConsoleServer}
					cc.ConsoleLines = []string{consoleLine(name, 1), consoleLine(name, 2)}
				}
			case base == 0:
				ep := net.JoinHostPort(listen, "0")
				cc.Mgmt, cc.Consoles = ep, []string{ep, ep}
				if telnet {
					cc.Telnet = ep
				}
				cc.NETCONF, cc.Web = ep, ep
			default:
				if port+MinBlock-1 > 65535 {
					d.Fail(e.node, e.path, "chassis %q: its ports (from %d) are beyond 65535", name, port)
					return nil, d.Err()
				}
				for i := 0; i < MinBlock; i++ {
					if other, dup := usedPort[port+i]; dup {
						d.Fail(e.node, e.path+".base-port", "port %d of %q is also %s's (%s)", port+i, name, other, where[other])
						return nil, d.Err()
					}
					usedPort[port+i] = name
				}
				at := func(i int) string { return net.JoinHostPort(listen, strconv.Itoa(port+i)) }
				cc.Mgmt, cc.Consoles = at(OffsetMgmt), []string{at(OffsetConsole1), at(OffsetConsole2)}
				if telnet {
					cc.Telnet = at(OffsetTelnet)
				}
				cc.NETCONF, cc.Web = at(OffsetNETCONF), at(OffsetWeb)
				port += block
			}
			out = append(out, cc)
		}
	}
	inv.Chassis = out
	return inv, nil
}

func consoleIn(p *prefix, console uint32) int {
	if console != 0 && p.contains(console) {
		return 1
	}
	return 0
}

func consoleNote(console uint32) string {
	if console == 0 {
		return ""
	}
	return ", the console server at " + uintIP(console).String()
}

// scenarioSource is where an inventory entry's scenario comes from: a
// built-in one by name or a file, read once.
type scenarioSource struct {
	file string
	data []byte // nil: built-in
	reg  Vendors
}

func newScenarioSource(dir, file string, texts map[string][]byte, reg Vendors) (*scenarioSource, error) {
	if _, ok, _ := reg.Builtin(file, nil); ok {
		return &scenarioSource{file: file, reg: reg}, nil
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
	return &scenarioSource{file: file, data: data, reg: reg}, nil
}

// parse makes a new scenario (a model of its own each time).
func (s *scenarioSource) parse(cat *scenario.Catalog) (*scenario.Scenario, error) {
	if s.data == nil {
		sc, _, err := s.reg.Builtin(s.file, cat)
		return sc, err
	}
	return scenario.Parse(s.file, s.data, cat, s.reg.Profiles)
}

package procurve

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// The configuration lines the everyday tools send (snmp-server, ip
// default-gateway), kept in the config's Settings under these names, and
// the reader of a whole configuration file (copy tftp startup-config).

const (
	keyGateway   = "ip default-gateway"
	keyCommunity = "snmp-server community " // + the community's name
)

func setting(cf *model.Config, key string) string {
	if cf == nil {
		return ""
	}
	return cf.Settings[key]
}

// setSetting sets a setting; "" removes it.
func setSetting(cf *model.Config, key, v string) {
	if v == "" {
		delete(cf.Settings, key)
		return
	}
	if cf.Settings == nil {
		cf.Settings = map[string]string{}
	}
	cf.Settings[key] = v
}

// community is an SNMP community: its MIB view (manager, the default, or
// operator) and access (restricted, the default, or unrestricted).
type community struct {
	Name, View, Access string
}

// line is the community as the config prints it: the defaults left out,
// as the factory "snmp-server community "public" unrestricted" shows.
func (cm community) line() string {
	s := fmt.Sprintf("snmp-server community %q", cm.Name)
	if cm.View == "operator" {
		s += " operator"
	}
	if cm.Access == "unrestricted" {
		s += " unrestricted"
	}
	return s
}

// communities lists the config's communities: the factory one
// (SNMPCommunity, manager and unrestricted unless changed), then the
// others by name.
func communities(cf *model.Config) []community {
	var out []community
	get := func(name, def string) community {
		v := def
		if s, ok := cf.Settings[keyCommunity+name]; ok {
			v = s
		}
		view, access, _ := strings.Cut(v, " ")
		return community{Name: name, View: view, Access: access}
	}
	if cf.SNMPCommunity != "" {
		out = append(out, get(cf.SNMPCommunity, "manager unrestricted"))
	}
	var names []string
	for k := range cf.Settings {
		if name, ok := strings.CutPrefix(k, keyCommunity); ok && name != cf.SNMPCommunity {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, get(n, ""))
	}
	return out
}

// setCommunity adds or changes a community; options left out take their
// defaults (manager, restricted), as the printed line leaves them out.
func setCommunity(cf *model.Config, name string, operator, unrestricted bool) {
	view, access := "manager", "restricted"
	if operator {
		view = "operator"
	}
	if unrestricted {
		access = "unrestricted"
	}
	v := view + " " + access
	if name == cf.SNMPCommunity && v == "manager unrestricted" {
		v = ""
	}
	setSetting(cf, keyCommunity+name, v)
}

// removeCommunity deletes a community.
func removeCommunity(cf *model.Config, name string) {
	if name == cf.SNMPCommunity {
		cf.SNMPCommunity = ""
	}
	setSetting(cf, keyCommunity+name, "")
}

// ParseConfig reads a configuration file as show running-config prints
// it into a config. A line it cannot read is an error with the line's
// number (1-based) and text.
func ParseConfig(c *model.Chassis, text string) (*model.Config, error) {
	cf := &model.Config{}
	var vlan *model.VLAN
	port := ""
	for i, raw := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		line := strings.TrimSpace(raw)
		bad := func() error { return &configError{Line: i + 1, Text: line} }
		if line == "" || strings.HasPrefix(line, ";") || line == "Running configuration:" || line == "Startup configuration:" {
			continue
		}
		toks, err := parser.Tokenize(line)
		if err != nil || len(toks) == 0 {
			return nil, bad()
		}
		w := make([]string, len(toks))
		for j, t := range toks {
			w[j] = t.Text
		}
		arg := func(j int) string {
			if j < len(w) {
				return w[j]
			}
			return ""
		}
		if vlan != nil || port != "" {
			if w[0] == "exit" {
				vlan, port = nil, ""
				continue
			}
			if vlan != nil && !vlanLine(c, cf, vlan, w) {
				return nil, bad()
			}
			if port != "" && !portLine(cf, port, w) {
				return nil, bad()
			}
			continue
		}
		switch {
		case w[0] == "hostname" && len(w) == 2:
			cf.Hostname = w[1]
		case w[0] == "module" && arg(2) == "type":
		case w[0] == "banner" && arg(1) == "motd" && len(w) == 3:
			cf.MOTD = w[2]
		case w[0] == "console" && len(w) == 3:
			switch w[1] {
			case "baud-rate":
				cf.Console.Baud = w[2]
			case "flow-control":
				cf.Console.FlowControl = w[2]
			case "terminal":
				cf.Console.Terminal = w[2]
			case "inactivity-timer":
				n, err := strconv.Atoi(w[2])
				if err != nil {
					return nil, bad()
				}
				cf.Console.Inactivity = n
			default:
				return nil, bad()
			}
		case line == "fastboot":
			cf.Fastboot = true
		case line == "no redundancy management-module":
			cf.RedundancyDisabled = true
		case w[0] == "redundancy" && arg(1) == "fabric-module" && arg(3) == "disable":
			n, err := strconv.Atoi(w[2])
			if err != nil || n < 1 || n > len(cf.FabricDisabled) {
				return nil, bad()
			}
			cf.FabricDisabled[n-1] = true
		case w[0] == "snmp-server" && arg(1) == "contact" && len(w) == 3:
			cf.Contact = w[2]
		case w[0] == "snmp-server" && arg(1) == "location" && len(w) == 3:
			cf.Location = w[2]
		case w[0] == "snmp-server" && arg(1) == "community" && len(w) >= 3:
			op, unr := false, false
			for _, o := range w[3:] {
				switch strings.ToLower(o) {
				case "operator":
					op = true
				case "manager":
				case "unrestricted":
					unr = true
				case "restricted":
				default:
					return nil, bad()
				}
			}
			if cf.SNMPCommunity == "" && len(cf.Settings) == len(settingsBut(cf, keyCommunity)) {
				cf.SNMPCommunity = w[2] // the first community is the one a factory config has
			}
			setCommunity(cf, w[2], op, unr)
		case w[0] == "ip" && arg(1) == "default-gateway" && len(w) == 3:
			setSetting(cf, keyGateway, w[2])
		case w[0] == "interface" && len(w) == 2:
			if !c.HasPort(w[1]) {
				return nil, bad()
			}
			port = strings.ToUpper(w[1])
		case w[0] == "vlan" && len(w) == 2:
			id, err := strconv.Atoi(w[1])
			if err != nil || id < 1 || id > 4094 {
				return nil, bad()
			}
			vlan = cf.EnsureVLAN(id, c.Profile.VLANName(id))
		case w[0] == "password" && (arg(1) == "manager" || arg(1) == "operator"):
			// passwords are not part of the file's settings here
		default:
			return nil, bad()
		}
	}
	if cf.VLAN(1) == nil {
		cf.EnsureVLAN(1, c.Profile.VLANName(1))
	}
	return cf, nil
}

// configError is a line of a configuration file that cannot be read.
type configError struct {
	Line int
	Text string
}

func (e *configError) Error() string { return fmt.Sprintf(tx.BadConfigFile, e.Line, e.Text) }

// vlanLine applies a line inside a vlan block.
func vlanLine(c *model.Chassis, cf *model.Config, v *model.VLAN, w []string) bool {
	ports := func(list string) ([]string, bool) {
		ps, bad := ParsePorts(c, list)
		return ps, bad == ""
	}
	no := w[0] == "no"
	if no {
		w = w[1:]
	}
	if len(w) == 0 {
		return false
	}
	switch {
	case w[0] == "name" && len(w) == 2 && !no:
		v.Name = w[1]
	case (w[0] == "untagged" || w[0] == "tagged") && len(w) == 2:
		ps, ok := ports(w[1])
		if !ok {
			return false
		}
		if v.ID == 1 && w[0] == "untagged" {
			return true // VLAN 1 holds every port not untagged elsewhere
		}
		if w[0] == "tagged" {
			v.Tagged = setPorts(v.Tagged, ps, no)
		} else {
			v.Untagged = setPorts(v.Untagged, ps, no)
		}
	case w[0] == "ip" && len(w) >= 2 && w[1] == "address":
		switch {
		case no && len(w) == 2:
			v.IP = ""
		case !no && len(w) == 3 && w[2] == "dhcp-bootp":
			v.IP = "dhcp-bootp"
		case !no && len(w) == 4:
			v.IP = w[2] + " " + w[3]
		default:
			return false
		}
	default:
		return false
	}
	return true
}

// portLine applies a line inside an interface block.
func portLine(cf *model.Config, port string, w []string) bool {
	pc := cf.Port(port, true)
	switch {
	case len(w) == 1 && w[0] == "disable":
		pc.Disabled = true
	case len(w) == 1 && w[0] == "enable":
		pc.Disabled = false
	case len(w) == 2 && w[0] == "name":
		pc.Name = w[1]
	default:
		return false
	}
	return true
}

// writeStructuredPorts writes an interface block for every port with a
// setting or a VLAN other than untagged in VLAN 1, its VLANs in it.
func writeStructuredPorts(b *strings.Builder, c *model.Chassis, cf *model.Config, ports []string) {
	untagged, tagged := vlansOf(cf, ports)
	for _, p := range ports {
		pc := cf.Port(p, false)
		named := pc != nil && pc.Name != ""
		off := pc != nil && pc.Disabled
		if !named && !off && untagged[p] == 1 && len(tagged[p]) == 0 {
			continue
		}
		fmt.Fprintf(b, "interface %s \n", p)
		if off {
			b.WriteString("   disable\n")
		}
		if named {
			fmt.Fprintf(b, "   name %q \n", pc.Name)
		}
		if untagged[p] != 0 {
			fmt.Fprintf(b, tx.StructuredUntagged, untagged[p])
		}
		for _, t := range tagged[p] {
			fmt.Fprintf(b, tx.StructuredTagged, t)
		}
		b.WriteString("   exit\n")
	}
}

// vlansOf gives each port's untagged VLAN in a config (VLAN 1 unless it
// is untagged in another) and the VLANs it is tagged in.
func vlansOf(cf *model.Config, ports []string) (untagged map[string]int, tagged map[string][]int) {
	untagged, tagged = map[string]int{}, map[string][]int{}
	if cf.VLAN(1) != nil {
		for _, p := range ports {
			untagged[p] = 1
		}
	}
	for _, v := range cf.VLANs {
		if v.ID != 1 {
			for _, p := range v.Untagged {
				untagged[p] = v.ID
			}
		}
		for _, p := range v.Tagged {
			tagged[p] = append(tagged[p], v.ID)
		}
	}
	for p := range tagged {
		sort.Ints(tagged[p])
	}
	return
}

// settingsBut lists the settings whose names do not start with prefix.
func settingsBut(cf *model.Config, prefix string) []string {
	var out []string
	for k := range cf.Settings {
		if !strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	return out
}

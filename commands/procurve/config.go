package procurve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// ConfigText renders a config as show running-config / show config print
// it. Lines that carry a trailing blank on real K.15 switches (hostname,
// module, vlan and the lines inside a vlan block) keep it.
func ConfigText(c *model.Chassis, cf *model.Config, startup bool) string {
	return configText(c, cf, startup, false)
}

// configText renders a config; structured puts each port's VLANs in its
// interface block instead of the VLANs' port lists (show running-config
// structured).
func configText(c *model.Chassis, cf *model.Config, startup, structured bool) string {
	var b strings.Builder
	if startup {
		b.WriteString(tx.StartupHead)
	} else {
		b.WriteString(tx.RunningHead)
	}
	release := ""
	if a := c.Active(); a != nil && a.Running != nil {
		release = a.Running.Version
	}
	fmt.Fprintf(&b, "; %s Configuration Editor; Created on release #%s\n", c.Info.Product, release)
	if model.CompareVersions(release, "K.15") >= 0 {
		b.WriteString("; Ver #02:10.0d:1f\n")
	}
	b.WriteString("\n")
	if cf == nil {
		return b.String()
	}
	fmt.Fprintf(&b, "hostname %q \n", cf.Hostname)
	for i, s := range c.Slots {
		if s.Present {
			fmt.Fprintf(&b, "module %d type %s \n", i+1, s.Hardware.Product)
		}
	}
	if cf.Contact != "" {
		fmt.Fprintf(&b, "snmp-server contact %q\n", cf.Contact)
	}
	if cf.Location != "" {
		fmt.Fprintf(&b, "snmp-server location %q\n", cf.Location)
	}
	if cf.MOTD != "" {
		fmt.Fprintf(&b, "banner motd %q\n", cf.MOTD)
	}
	if cf.Console.Baud != "" {
		fmt.Fprintf(&b, "console baud-rate %s\n", cf.Console.Baud)
	}
	if cf.Console.FlowControl != "" {
		fmt.Fprintf(&b, "console flow-control %s\n", cf.Console.FlowControl)
	}
	if cf.Console.Terminal != "" {
		fmt.Fprintf(&b, "console terminal %s\n", cf.Console.Terminal)
	}
	if cf.Console.Inactivity != 0 {
		fmt.Fprintf(&b, "console inactivity-timer %d\n", cf.Console.Inactivity)
	}
	if cf.Fastboot {
		b.WriteString("fastboot\n")
	}
	if cf.RedundancyDisabled {
		b.WriteString("no redundancy management-module\n")
	}
	for i, d := range cf.FabricDisabled {
		if d {
			fmt.Fprintf(&b, "redundancy fabric-module %d disable\n", i+1)
		}
	}
	ports := c.PortNames()
	order := map[string]int{}
	for i, p := range ports {
		order[p] = i
	}
	pcs := append([]model.PortCf(nil), cf.Ports...)
	sort.Slice(pcs, func(i, j int) bool { return order[pcs[i].Port] < order[pcs[j].Port] })
	if structured {
		writeStructuredPorts(&b, c, cf, ports)
	}
	for _, p := range pcs {
		if structured || p.Name == "" && !p.Disabled {
			continue
		}
		fmt.Fprintf(&b, "interface %s \n", p.Port)
		if p.Disabled {
			b.WriteString("   disable\n")
		}
		if p.Name != "" {
			fmt.Fprintf(&b, "   name %q \n", p.Name)
		}
		b.WriteString("   exit\n")
	}
	if gw := setting(cf, keyGateway); gw != "" {
		fmt.Fprintf(&b, "ip default-gateway %s\n", gw)
	}
	for _, cm := range communities(cf) {
		b.WriteString(cm.line() + "\n")
	}
	elsewhere := map[string]bool{}
	for _, v := range cf.VLANs {
		if v.ID != 1 {
			for _, p := range v.Untagged {
				elsewhere[p] = true
			}
		}
	}
	for _, v := range cf.VLANs {
		fmt.Fprintf(&b, "vlan %d \n", v.ID)
		fmt.Fprintf(&b, "   name %q \n", v.Name)
		untagged := v.Untagged
		if v.ID == 1 && !structured {
			var moved []string
			untagged = nil
			for _, p := range ports {
				if elsewhere[p] {
					moved = append(moved, p)
				} else {
					untagged = append(untagged, p)
				}
			}
			if len(moved) > 0 {
				fmt.Fprintf(&b, "   no untagged %s \n", PortRanges(moved, order))
			}
		}
		if len(untagged) > 0 && !structured {
			fmt.Fprintf(&b, "   untagged %s \n", PortRanges(untagged, order))
		}
		if len(v.Tagged) > 0 && !structured {
			fmt.Fprintf(&b, "   tagged %s \n", PortRanges(v.Tagged, order))
		}
		if v.IP != "" {
			fmt.Fprintf(&b, "   ip address %s \n", v.IP)
		} else if v.ID == 1 {
			b.WriteString("   no ip address \n")
		}
		b.WriteString("   exit \n")
	}
	if c.Credentials.ManagerPassword != "" {
		b.WriteString("password manager\n")
	}
	if c.Credentials.OperatorPassword != "" {
		b.WriteString("password operator\n")
	}
	return b.String()
}

// PortRanges prints ports as ProCurve does: A1-A24,B1,B3-B4.
func PortRanges(ports []string, order map[string]int) string {
	ps := append([]string(nil), ports...)
	sort.Slice(ps, func(i, j int) bool { return order[ps[i]] < order[ps[j]] })
	var out []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && adjacent(ps[j], ps[j+1]) {
			j++
		}
		if j == i {
			out = append(out, ps[i])
		} else {
			out = append(out, ps[i]+"-"+ps[j])
		}
		i = j + 1
	}
	return strings.Join(out, ",")
}

func adjacent(a, b string) bool {
	la, na := model.SplitPort(a)
	lb, nb := model.SplitPort(b)
	return la == lb && nb == na+1
}

// ParsePorts reads a port list such as A1-A4,B2 against the chassis: the
// first part that is not a port of a present module is returned as bad.
func ParsePorts(c *model.Chassis, list string) ([]string, string) {
	ports, bad := model.ExpandPorts(list)
	if bad != "" {
		return nil, bad
	}
	for _, p := range ports {
		if !c.HasPort(p) {
			return nil, p
		}
	}
	return ports, ""
}

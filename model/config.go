package model

import (
	"reflect"
	"sort"
)

// Config is one configuration of the switch, as data: a running config
// or a saved config file. Vendors render it as text.
type Config struct {
	Hostname string `json:"hostname"`
	MOTD     string `json:"motd,omitempty"`
	// Contact and Location are the system's contact and location
	// (SNMP sysContact and sysLocation).
	Contact  string `json:"contact,omitempty"`
	Location string `json:"location,omitempty"`
	// RedundancyDisabled is set by "no redundancy management-module"; the
	// active module's own config decides.
	RedundancyDisabled bool     `json:"redundancyDisabled,omitempty"`
	FabricDisabled     [2]bool  `json:"fabricDisabled"`
	VLANs              []VLAN   `json:"vlans"`
	Ports              []PortCf `json:"ports,omitempty"`
	Console            Console  `json:"console"`
	// SNMPCommunity is the unrestricted SNMP community ("" = none).
	SNMPCommunity string `json:"snmpCommunity,omitempty"`
	Fastboot      bool   `json:"fastboot,omitempty"`
	// Settings are a vendor's further configuration lines, under names
	// the vendor chooses ("ip default-gateway"): the engine stores,
	// copies, compares and saves them without reading them.
	Settings map[string]string `json:"settings,omitempty"`
	// Tree is the configuration as statements, for vendors that keep it
	// so (tree.go); the fields above are then derived from it. Commit
	// says who committed it (or last changed a candidate).
	Tree   []*Stmt     `json:"tree,omitempty"`
	Commit *CommitInfo `json:"commit,omitempty"`
}

// VLAN is a VLAN and its port membership.
type VLAN struct {
	ID       int      `json:"id"`
	Name     string   `json:"name"`
	Untagged []string `json:"untagged,omitempty"`
	Tagged   []string `json:"tagged,omitempty"`
	IP       string   `json:"ip,omitempty"` // "dhcp-bootp" or "a.b.c.d m.m.m.m"
}

// PortCf is the configuration of one port that differs from the default.
type PortCf struct {
	Port     string `json:"port"`
	Name     string `json:"name,omitempty"`
	Disabled bool   `json:"disabled,omitempty"`
}

// Console holds the console settings (the same on both modules).
type Console struct {
	Baud        string `json:"baud,omitempty"`        // "speed-sense" (default) or a rate
	FlowControl string `json:"flowControl,omitempty"` // "xon/xoff" (default) or "none"
	Terminal    string `json:"terminal,omitempty"`    // "vt100" (default) or "ansi", "none"
	Inactivity  int    `json:"inactivity,omitempty"`  // minutes, 0 = off
}

// Clone deep-copies the config.
func (c *Config) Clone() *Config {
	if c == nil {
		return nil
	}
	n := *c
	n.VLANs = make([]VLAN, len(c.VLANs))
	for i, v := range c.VLANs {
		n.VLANs[i] = v
		n.VLANs[i].Untagged = append([]string(nil), v.Untagged...)
		n.VLANs[i].Tagged = append([]string(nil), v.Tagged...)
	}
	n.Ports = append([]PortCf(nil), c.Ports...)
	if c.Settings != nil {
		n.Settings = make(map[string]string, len(c.Settings))
		for k, v := range c.Settings {
			n.Settings[k] = v
		}
	}
	n.Tree = CloneTree(c.Tree)
	if c.Commit != nil {
		ci := *c.Commit
		n.Commit = &ci
	}
	return &n
}

// Equal reports whether two configs hold the same settings.
func (c *Config) Equal(o *Config) bool {
	if c == nil || o == nil {
		return c == o
	}
	return reflect.DeepEqual(c.norm(), o.norm()) && TreeEqual(c.Tree, o.Tree)
}

// norm makes nil and empty slices compare equal.
func (c *Config) norm() Config {
	n := *c.Clone()
	for i := range n.VLANs {
		if len(n.VLANs[i].Untagged) == 0 {
			n.VLANs[i].Untagged = nil
		}
		if len(n.VLANs[i].Tagged) == 0 {
			n.VLANs[i].Tagged = nil
		}
	}
	if len(n.Ports) == 0 {
		n.Ports = nil
	}
	if len(n.Settings) == 0 {
		n.Settings = nil
	}
	n.Tree = nil // compared by TreeEqual
	return n
}

// VLAN finds a VLAN by id.
func (c *Config) VLAN(id int) *VLAN {
	for i := range c.VLANs {
		if c.VLANs[i].ID == id {
			return &c.VLANs[i]
		}
	}
	return nil
}

// EnsureVLAN returns the VLAN, creating it (with the vendor's default name)
// if needed, keeping the list sorted by id.
func (c *Config) EnsureVLAN(id int, defaultName string) *VLAN {
	if v := c.VLAN(id); v != nil {
		return v
	}
	c.VLANs = append(c.VLANs, VLAN{ID: id, Name: defaultName})
	sort.Slice(c.VLANs, func(i, j int) bool { return c.VLANs[i].ID < c.VLANs[j].ID })
	return c.VLAN(id)
}

// Port returns the port's settings, creating an entry if asked.
func (c *Config) Port(name string, create bool) *PortCf {
	for i := range c.Ports {
		if c.Ports[i].Port == name {
			return &c.Ports[i]
		}
	}
	if !create {
		return nil
	}
	c.Ports = append(c.Ports, PortCf{Port: name})
	return &c.Ports[len(c.Ports)-1]
}

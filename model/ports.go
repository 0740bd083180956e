package model

import (
	"strconv"
	"strings"
	"time"
)

// Port is one interface module port as the show commands see it.
type Port struct {
	Name    string
	Type    string
	Enabled bool
	Up      bool
	Bytes   int64 // received and sent since the counters last reset
	Frames  int64
}

// frameSize turns the byte counters into frame counters.
const frameSize = 512

// Ports lists every port of the present interface modules, in slot and
// port order, with counters that grow with the clock while the module is
// up and reset whenever interface modules reload (a switchover).
func (c *Chassis) Ports() []Port {
	var out []Port
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		up := map[int]bool{}
		for _, p := range s.LinkUp {
			up[p] = true
		}
		for p := 1; p <= s.Ports; p++ {
			name := c.Profile.portName(s, p)
			pt := Port{Name: name, Type: s.PortType, Enabled: true}
			if c.Running != nil {
				if pc := c.Running.Port(name, false); pc != nil && pc.Disabled {
					pt.Enabled = false
				}
			}
			pt.Up = up[p] && pt.Enabled && s.Status == "Up" && c.Active() != nil
			if pt.Up {
				secs := int64(c.now.Sub(s.CountersSince) / time.Second)
				pt.Bytes = secs * s.Rate
				pt.Frames = pt.Bytes / frameSize
			}
			out = append(out, pt)
		}
	}
	return out
}

// PortNames lists the names of all ports, for VLAN membership.
func (c *Chassis) PortNames() []string {
	var out []string
	for _, p := range c.Ports() {
		out = append(out, p.Name)
	}
	return out
}

// HasPort reports whether a port exists in a present interface module.
func (c *Chassis) HasPort(name string) bool {
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		for p := 1; p <= s.Ports; p++ {
			if strings.EqualFold(c.Profile.portName(s, p), name) {
				return true
			}
		}
	}
	return false
}

// Slot finds an interface module slot by its name.
func (c *Chassis) Slot(name string) *LineCard {
	for _, s := range c.Slots {
		if strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return nil
}

// SplitPort splits a port name such as "B12" into its slot letters and
// number.
func SplitPort(p string) (string, int) {
	i := 0
	for i < len(p) && (p[i] < '0' || p[i] > '9') {
		i++
	}
	n, err := strconv.Atoi(p[i:])
	if err != nil || i == 0 {
		return "", -1
	}
	return p[:i], n
}

// maxRange bounds a range of ports (a zl module has 24): a wrong range
// is refused instead of expanded into millions of names.
const maxRange = 64

// ExpandPorts reads a port list such as "A1-A4,B2" into port names,
// upper-cased. It returns the first part that is neither a port nor a
// range of ports of one slot ("A3-B1", "A4-A1", "x") as bad. Whether the
// ports exist is for the caller to check against a chassis.
func ExpandPorts(list string) (ports []string, bad string) {
	if strings.TrimSpace(list) == "" {
		return nil, ""
	}
	for _, part := range strings.Split(list, ",") {
		part = strings.ToUpper(strings.TrimSpace(part))
		if part == "" {
			return nil, list // an empty item: the whole list is wrong
		}
		lo, hi, isRange := strings.Cut(part, "-")
		ll, ln := SplitPort(lo)
		if ll == "" || ln < 1 {
			return nil, part
		}
		if !isRange {
			ports = append(ports, part)
			continue
		}
		hl, hn := SplitPort(hi)
		if hl != ll || hn < ln || hn-ln >= maxRange {
			return nil, part
		}
		for n := ln; n <= hn; n++ {
			ports = append(ports, ll+strconv.Itoa(n))
		}
	}
	return ports, ""
}

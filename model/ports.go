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
			name := s.Letter + strconv.Itoa(p)
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
		if !s.Present || !strings.HasPrefix(strings.ToUpper(name), s.Letter) {
			continue
		}
		n, err := strconv.Atoi(name[len(s.Letter):])
		if err == nil && n >= 1 && n <= s.Ports {
			return true
		}
	}
	return false
}

// Slot finds an interface module slot by letter.
func (c *Chassis) Slot(letter string) *LineCard {
	for _, s := range c.Slots {
		if strings.EqualFold(s.Letter, letter) {
			return s
		}
	}
	return nil
}

package procurve

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/model"
)

// What is on the far side of the ports, from the model: a port whose link
// is up has learned one station's MAC address (in the port's VLAN), and a
// scenario may describe the LLDP neighbour there with an option
//
//	options:
//	  lldp A1: "name=CORE-1; port=A24; descr=A24; chassis=0017a4-77c830; system=HP J9091A Switch E8212zl"
//
// (chassis, when given, is also the MAC learned on the port; a
// "mac B1: 001b3f-000001" option sets the MAC of a station without LLDP).
// Nothing is on a port that is down.

// neighbor is the station on a link-up port.
type neighbor struct {
	Port string
	MAC  string // as ProVision prints it: 001b3f-000001
	VLAN int
	LLDP *lldpInfo
}

// lldpInfo is an LLDP neighbour's advertisement.
type lldpInfo struct {
	ChassisID, PortID, PortDescr, SysName, SysDescr string
}

// neighbors lists the stations seen on the link-up ports, in port order.
func neighbors(c *model.Chassis) []neighbor {
	var out []neighbor
	ports := c.Ports()
	names := make([]string, len(ports))
	for i, p := range ports {
		names[i] = p.Name
	}
	untagged, tagged := map[string]int{}, map[string][]int{}
	if c.Running != nil {
		untagged, tagged = vlansOf(c.Running, names)
	}
	for _, p := range ports {
		if !p.Up {
			continue
		}
		n := neighbor{Port: p.Name, MAC: stationMAC(c, p.Name), VLAN: untagged[p.Name]}
		if n.VLAN == 0 && len(tagged[p.Name]) > 0 {
			n.VLAN = tagged[p.Name][0]
		}
		if v, ok := option(c, "mac "+p.Name); ok {
			n.MAC = v
		}
		if v, ok := option(c, "lldp "+p.Name); ok {
			f := fields(v)
			n.LLDP = &lldpInfo{ChassisID: f["chassis"], PortID: f["port"], PortDescr: f["descr"],
				SysName: f["name"], SysDescr: f["system"]}
			if n.LLDP.ChassisID == "" {
				n.LLDP.ChassisID = n.MAC
			} else {
				n.MAC = n.LLDP.ChassisID
			}
			if n.LLDP.PortDescr == "" {
				n.LLDP.PortDescr = n.LLDP.PortID
			}
		}
		out = append(out, n)
	}
	return out
}

// option reads a scenario option, its port part in any case.
func option(c *model.Chassis, key string) (string, bool) {
	for k, v := range c.Options {
		if strings.EqualFold(k, key) {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// fields reads "a=1; b=two words" into a map.
func fields(s string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(part, "=")
		if ok {
			out[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	return out
}

// stationMAC is the MAC address learned on a port when the scenario gives
// none: fixed for the chassis and port, locally administered (02...).
func stationMAC(c *model.Chassis, port string) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%s", c.Info.Serial, port)
	v := h.Sum64()
	// splitmix64's finalizer, so that neighbouring ports differ in every byte
	v ^= v >> 30
	v *= 0xbf58476d1ce4e5b9
	v ^= v >> 27
	v *= 0x94d049bb133111eb
	v ^= v >> 31
	v = v&0xffffffffff | 0x02<<40
	return formatMAC(v)
}

func formatMAC(v uint64) string {
	s := fmt.Sprintf("%012x", v&0xffffffffffff)
	return s[:6] + "-" + s[6:]
}

// portMAC is the MAC address of the port at place i (from 0) among all
// ports: the chassis base MAC plus i+1.
func portMAC(c *model.Chassis, i int) string {
	base, err := strconv.ParseUint(strings.ReplaceAll(c.Info.BaseMAC, "-", ""), 16, 64)
	if err != nil {
		return c.Info.BaseMAC
	}
	return formatMAC(base + uint64(i) + 1)
}

// portVLANs gives each port's untagged VLAN (VLAN 1 unless it is
// untagged in another) and the VLANs it is tagged in.
func portVLANs(c *model.Chassis) (untagged map[string]int, tagged map[string][]int) {
	if c.Running == nil {
		return map[string]int{}, map[string][]int{}
	}
	return vlansOf(c.Running, c.PortNames())
}

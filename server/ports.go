package server

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
)

// The port map of a fleet, in one place (README "Fleets" says the same,
// and every ports.json carries it as "portMap"). A fleet is served in
// one of two schemes:
//
//   - port blocks (the default): every chassis listens on one address
//     (127.0.0.1) in a block of consecutive ports: offset 0 its
//     management address, 1 and 2 its module consoles, 3 telnet (when
//     on), 4 the web interface (web.go), 5 NETCONF (for a
//     vendor with an XML API, while its configuration serves it). A block
//     has at least 6 ports (default 10).
//   - an address per chassis (--address-per-chassis 127.1.0.0/16): every
//     chassis has an address of its own in 127/8 and listens there on the
//     ports a device has (AddressPorts: ssh 2222, telnet 2323, web 8000,
//     netconf 8830 by default; 22/23/80/830 where the process
//     may bind them). The module consoles are on a console server: one
//     SSH address (the prefix's first address, port ssh), the line chosen
//     by user name, USER:CHASSIS:LINE (manager:core1:1), as console
//     servers do.

// Offsets of a fleet block.
const (
	OffsetMgmt     = 0
	OffsetConsole1 = 1
	OffsetConsole2 = 2
	OffsetTelnet   = 3
	OffsetWeb      = 4 // the web interface (HTTP)
	OffsetNETCONF  = 5
	// MinBlock is the smallest block: every offset above fits.
	MinBlock = OffsetNETCONF + 1
)

// BlockOffsets is the block scheme as ports.json writes it.
type BlockOffsets struct {
	Mgmt     int `json:"mgmt"`
	Console1 int `json:"console1"`
	Console2 int `json:"console2"`
	Telnet   int `json:"telnet"`
	Web      int `json:"web"`
	NETCONF  int `json:"netconf"`
}

// TheBlockOffsets are the offsets above.
var TheBlockOffsets = BlockOffsets{OffsetMgmt, OffsetConsole1, OffsetConsole2, OffsetTelnet, OffsetWeb, OffsetNETCONF}

// AddressPorts are the ports every chassis address listens on; 0 is off.
// Web is the web interface (HTTP).
type AddressPorts struct {
	SSH     int `json:"ssh"`
	Telnet  int `json:"telnet"`
	Web     int `json:"web"`
	NETCONF int `json:"netconf"`
}

// DefaultAddressPorts are the per-address ports unless told otherwise:
// each is the device's port with "22" or "8" before it, above the
// privileged range. Telnet is off unless the inventory turns it on
// (telnet: true) or --address-ports names a port for it.
var DefaultAddressPorts = AddressPorts{SSH: 2222, Telnet: 0, Web: 8000, NETCONF: 8830}

// DefaultTelnetPort is the telnet port when telnet is on without a port.
const DefaultTelnetPort = 2323

// addressServices names the services of --address-ports in their order.
var addressServices = []string{"ssh", "telnet", "web", "netconf"}

func (p *AddressPorts) field(name string) *int {
	switch name {
	case "ssh":
		return &p.SSH
	case "telnet":
		return &p.Telnet
	case "web":
		return &p.Web
	case "netconf":
		return &p.NETCONF
	}
	return nil
}

// String writes the ports as --address-ports takes them.
func (p AddressPorts) String() string {
	var parts []string
	for _, s := range addressServices {
		v := *p.field(s)
		if v == 0 {
			parts = append(parts, s+"=off")
		} else {
			parts = append(parts, s+"="+strconv.Itoa(v))
		}
	}
	return strings.Join(parts, ",")
}

// Set changes one service's port ("off" or 0 turns it off).
func (p *AddressPorts) Set(service, value string) error {
	f := p.field(service)
	if f == nil {
		return fmt.Errorf("unknown service %q (ssh, telnet, web, netconf)", service)
	}
	if value == "off" {
		*f = 0
		return nil
	}
	n, err := strconv.Atoi(value)
	if err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%s=%s: not a port (1-65535, or off)", service, value)
	}
	*f = n
	return nil
}

// ParseAddressPorts reads "ssh=2222,telnet=2323,netconf=8830,web=8000"
// over base: the services it names change, the others keep base's.
func ParseAddressPorts(s string, base AddressPorts) (AddressPorts, error) {
	p := base
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return p, fmt.Errorf("%q: expected service=port (ssh, telnet, web, netconf)", part)
		}
		if err := p.Set(strings.TrimSpace(k), strings.TrimSpace(v)); err != nil {
			return p, err
		}
	}
	return p, p.check()
}

// check refuses a map without SSH or with two services on one port.
func (p AddressPorts) check() error {
	if p.SSH == 0 {
		return errors.New("ssh needs a port (the management address and the console server)")
	}
	seen := map[int]string{}
	for _, s := range addressServices {
		v := *p.field(s)
		if v == 0 {
			continue
		}
		if o, dup := seen[v]; dup {
			return fmt.Errorf("%s and %s both on port %d", o, s, v)
		}
		seen[v] = s
	}
	return nil
}

// PortMap is how a fleet's ports are laid out (ports.json "portMap").
type PortMap struct {
	// Scheme is "block" or "address".
	Scheme string `json:"scheme"`
	// The block scheme: the first chassis's block, ports per block (0:
	// ephemeral ports) and what each offset is.
	BasePort int           `json:"basePort,omitempty"`
	Block    int           `json:"block,omitempty"`
	Offsets  *BlockOffsets `json:"offsets,omitempty"`
	// The address scheme: the prefix chassis addresses come from, the
	// ports on each, and the console server (ip:port; its lines are
	// chosen by the user name ConsoleLogin shows).
	Prefix        string        `json:"prefix,omitempty"`
	Ports         *AddressPorts `json:"ports,omitempty"`
	ConsoleServer string        `json:"consoleServer,omitempty"`
	ConsoleLogin  string        `json:"consoleLogin,omitempty"`
}

// consoleLoginForm is how a console line is chosen on the console server.
const consoleLoginForm = "USER:CHASSIS:LINE"

// consoleLine is a console server line's name: the chassis and the
// console port (1 or 2).
func consoleLine(chassis string, port int) string {
	return chassis + ":" + strconv.Itoa(port)
}

// parseConsoleUser splits a console server login, USER:CHASSIS:LINE,
// into the chassis's user, the chassis and the line's index (0-based).
func parseConsoleUser(u string) (user, chassis string, line int, ok bool) {
	user, rest, ok := strings.Cut(u, ":")
	if !ok {
		return "", "", 0, false
	}
	i := strings.LastIndexByte(rest, ':')
	if i < 0 {
		return "", "", 0, false
	}
	n, err := strconv.Atoi(rest[i+1:])
	if err != nil || n < 1 || n > 9 {
		return "", "", 0, false
	}
	return user, rest[:i], n - 1, true
}

// prefix is a set of loopback addresses chassis are given, in order.
type prefix struct {
	net   *net.IPNet
	first uint32 // first address
	last  uint32 // last address
}

// parsePrefix reads an IPv4 prefix inside 127.0.0.0/8.
func parsePrefix(s string) (*prefix, error) {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a prefix (like 127.1.0.0/16)", s)
	}
	ip4 := n.IP.To4()
	ones, bits := n.Mask.Size()
	if ip4 == nil || bits != 32 {
		return nil, fmt.Errorf("%s is not an IPv4 prefix (like 127.1.0.0/16)", s)
	}
	if ip4[0] != 127 || ones < 8 {
		return nil, fmt.Errorf("%s is not inside 127.0.0.0/8: only loopback addresses reach switchsim without configuring the host (try 127.1.0.0/16)", s)
	}
	first := ipUint(ip4)
	size := uint32(1) << (32 - ones)
	return &prefix{net: n, first: first, last: first + size - 1}, nil
}

// usable: 127.0.0.0 and 127.255.255.255 are loopback's broadcast
// addresses, which nobody can connect to.
func usable(a uint32) bool { return a != 0x7f000000 && a != 0x7fffffff }

func (p *prefix) String() string { return p.net.String() }

func (p *prefix) contains(a uint32) bool { return a >= p.first && a <= p.last }

// size is how many usable addresses it holds.
func (p *prefix) size() int {
	n := int(p.last-p.first) + 1
	for _, a := range []uint32{0x7f000000, 0x7fffffff} {
		if p.contains(a) {
			n--
		}
	}
	return n
}

// next is the first usable address from a on (false past the end).
func (p *prefix) next(a uint32) (uint32, bool) {
	for ; a >= p.first && a <= p.last; a++ {
		if usable(a) {
			return a, true
		}
		if a == p.last {
			break
		}
	}
	return 0, false
}

func ipUint(ip net.IP) uint32 {
	ip4 := ip.To4()
	if ip4 == nil {
		return 0
	}
	return uint32(ip4[0])<<24 | uint32(ip4[1])<<16 | uint32(ip4[2])<<8 | uint32(ip4[3])
}

func uintIP(a uint32) net.IP {
	return net.IPv4(byte(a>>24), byte(a>>16), byte(a>>8), byte(a)).To4()
}

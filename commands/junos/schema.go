package junos

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"

	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The configuration schema: which statements exist, where, of which kind,
// with which values, in which order. One table drives set, delete, edit,
// show, `?`, Tab, complete-on-space, the configuration text and its
// reader, `| display set` and `show | compare`. The statements are the
// ones issue 11 names; anything else is a syntax error at the caret.

type kind int

const (
	kContainer kind = iota // "system { ... }"; a presence container may stand empty ("ssh;")
	kList                  // "user admin { ... }"; anonymous (no keyword) for interfaces
	kLeaf                  // "host-name lab;"
	kFlag                  // "graceful-switchover;"
	kLeafList              // "next-hop [ 10.0.0.1 10.0.0.2 ];"
	kKeyedLeaf             // "routing-engine 0 master;" (a list entry with one value)
)

// vtype is a value's type: its name and help in `?`, and its check.
type vtype struct {
	name string // "<interface-name>"
	help string
	// enum lists fixed values (completed like keywords)
	enum []string
	// check returns the value as stored, or an error text
	check func(v string) (string, string)
}

// node is a statement of the schema.
type node struct {
	name     string // keyword ("" for an anonymous list)
	help     string
	kind     kind
	key      *vtype // a list's or keyed leaf's key
	val      *vtype // a leaf's, leaf-list's or keyed leaf's value
	kids     []*node
	presence bool // a container that may stand empty
	secret   bool // printed with "## SECRET-DATA" and always quoted
	// flat: the container's statements print on its own line
	// ("commit synchronize;")
	flat bool
}

func (n *node) isContainerLike() bool { return n.kind == kContainer || n.kind == kList }

// kid finds the child statement node for a keyword.
func (n *node) kid(name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// anon is the anonymous list among the kids, if any.
func (n *node) anon() *node {
	for _, k := range n.kids {
		if k.name == "" && k.kind == kList {
			return k
		}
	}
	return nil
}

// stmtKey is the key of a statement of node n with the given name value.
func (n *node) stmtKey(val string) string {
	switch {
	case n.kind == kList && n.name == "":
		return val
	case n.kind == kList || n.kind == kKeyedLeaf:
		return n.name + " " + val
	}
	return n.name
}

// nodeFor finds which kid of n a statement key belongs to, and the key's
// value part for lists.
func (n *node) nodeFor(key string) (*node, string) {
	word, rest, _ := strings.Cut(key, " ")
	for _, k := range n.kids {
		if k.name != "" && k.name == word {
			return k, rest
		}
	}
	if a := n.anon(); a != nil {
		return a, key
	}
	return nil, ""
}

// order is a statement's place among its siblings: the schema's order,
// then the keys in natural order within a list.
func (n *node) order(key string) int {
	k, _ := n.nodeFor(key)
	for i, x := range n.kids {
		if x == k {
			return i
		}
	}
	return len(n.kids)
}

// ---- value types ----

func anyString(v string) (string, string) { return v, "" }

var (
	tString = func(name, help string) *vtype { return &vtype{name: name, help: help, check: anyString} }
	tEnum   = func(name, help string, vals ...string) *vtype {
		return &vtype{name: name, help: help, enum: vals, check: func(v string) (string, string) {
			for _, e := range vals {
				if e == v {
					return v, ""
				}
			}
			return "", fmt.Sprintf(tx.BadValue, v)
		}}
	}
)

func tUint(name, help string, lo, hi uint64) *vtype {
	return &vtype{name: name, help: fmt.Sprintf("%s (%d..%d)", help, lo, hi), check: func(v string) (string, string) {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return "", fmt.Sprintf(tx.BadNumber, v)
		}
		if n < lo || n > hi {
			return "", fmt.Sprintf(tx.OutOfRange, v, fmt.Sprintf("%d..%d", lo, hi))
		}
		return strconv.FormatUint(n, 10), ""
	}}
}

func tIPv4(name, help string) *vtype {
	return &vtype{name: name, help: help, check: func(v string) (string, string) {
		a, err := netip.ParseAddr(v)
		if err != nil || !a.Is4() {
			return "", fmt.Sprintf(tx.BadAddress, v)
		}
		return a.String(), ""
	}}
}

func tPrefix(name, help string, v6 bool) *vtype {
	return &vtype{name: name, help: help, check: func(v string) (string, string) {
		if !strings.Contains(v, "/") {
			if a, err := netip.ParseAddr(v); err == nil && a.Is6() == v6 {
				if v6 {
					return a.String() + "/128", ""
				}
				return a.String() + "/32", ""
			}
			return "", fmt.Sprintf(tx.BadAddress, v)
		}
		p, err := netip.ParsePrefix(v)
		if err != nil || p.Addr().Is6() != v6 {
			return "", fmt.Sprintf(tx.BadAddress, v)
		}
		return p.String(), ""
	}}
}

// tIfAddress is an interface address with its prefix length, IPv4 or IPv6.
var tIfAddress = &vtype{name: "<address>", help: "Interface address/destination prefix", check: func(v string) (string, string) {
	p, err := netip.ParsePrefix(v)
	if err != nil {
		return "", fmt.Sprintf(tx.BadAddress, v)
	}
	return p.String(), ""
}}

// interface names: the types an MX has, with their numbering
var ifRe = regexp.MustCompile(`^(?:(?:ge|xe|et)-\d{1,2}/\d{1,2}/\d{1,3}|ae\d{1,3}|lo0|em[01]|fxp0|irb)$`)

var tIfName = &vtype{name: "<interface-name>", help: "Interface name", check: func(v string) (string, string) {
	if !ifRe.MatchString(v) {
		return "", fmt.Sprintf(tx.BadInterface, v)
	}
	return v, ""
}}

// ---- the statements ----

func container(name, help string, kids ...*node) *node {
	return &node{name: name, help: help, kind: kContainer, kids: kids}
}

func presence(name, help string, kids ...*node) *node {
	return &node{name: name, help: help, kind: kContainer, kids: kids, presence: true}
}

func list(name, help string, key *vtype, kids ...*node) *node {
	return &node{name: name, help: help, kind: kList, key: key, kids: kids}
}

func leaf(name, help string, val *vtype) *node {
	return &node{name: name, help: help, kind: kLeaf, val: val}
}

func flag(name, help string) *node { return &node{name: name, help: help, kind: kFlag} }

func leafList(name, help string, val *vtype) *node {
	return &node{name: name, help: help, kind: kLeafList, val: val}
}

func secret(n *node) *node { n.secret = true; return n }

func flatten(n *node) *node { n.flat = true; return n }

var levels = []string{"any", "emergency", "alert", "critical", "error", "warning", "notice", "info", "none"}

// syslogFacilities are the facility statements of a syslog destination.
func syslogFacilities() []*node {
	facs := []struct{ name, help string }{
		{"any", "All facilities"},
		{"authorization", "Authorization system"},
		{"change-log", "Configuration change log"},
		{"conflict-log", "Configuration conflict log"},
		{"daemon", "Various system processes"},
		{"firewall", "Firewall filtering system"},
		{"interactive-commands", "Commands executed by the UI"},
		{"kernel", "Kernel"},
		{"pfe", "Packet Forwarding Engine"},
		{"user", "User processes"},
	}
	var out []*node
	for _, f := range facs {
		out = append(out, leaf(f.name, f.help, tEnum("<level>", "Level", levels...)))
	}
	return out
}

func ifUnitFamily() *node {
	return &node{name: "family", help: "Protocol family", kind: kList,
		key: tEnum("<family>", "Protocol family", "inet", "inet6"),
		kids: []*node{
			list("address", "Interface address/destination prefix", tIfAddress,
				flag("preferred", "Preferred address on interface"),
				flag("primary", "Candidate for primary address in system")),
			leaf("mtu", "Protocol family maximum transmission unit", tUint("<mtu>", "Protocol family maximum transmission unit", 0, 9500)),
		}}
}

var schema = container("", "",
	leaf("version", "Software version information", tString("<version>", "Software version information")),
	container("system", "System parameters",
		leaf("host-name", "Hostname for this router", tString("<host-name>", "Hostname for this router")),
		leaf("domain-name", "Domain name for this router", tString("<domain-name>", "Domain name for this router")),
		container("location", "Location of the system, in various forms",
			leaf("building", "Building name", tString("<building>", "Building name")),
			leaf("country-code", "Two-letter country code", tString("<country-code>", "Two-letter country code")),
			leaf("floor", "Floor of the building", tUint("<floor>", "Floor of the building", 0, 4294967295)),
			leaf("postal-code", "Zip code or postal code", tString("<postal-code>", "Zip code or postal code")),
			leaf("rack", "Rack number", tUint("<rack>", "Rack number", 0, 4294967295)),
		),
		container("root-authentication", "Authentication information for the root login",
			secret(leaf("encrypted-password", "Encrypted password string", tString("<encrypted-password>", "Encrypted password string"))),
			secret(leafList("ssh-rsa", "Secure shell (ssh) RSA public key string", tString("<ssh-rsa>", "Secure shell (ssh) RSA public key string"))),
		),
		container("login", "Names, login classes, and passwords for users",
			list("user", "Username", tString("<name>", "Username"),
				leaf("uid", "User identifier (uid)", tUint("<uid>", "User identifier (uid)", 100, 64000)),
				leaf("class", "Login class", tString("<class>", "Login class")),
				leaf("full-name", "Full name", tString("<full-name>", "Full name")),
				container("authentication", "Authentication method",
					secret(leaf("encrypted-password", "Encrypted password string", tString("<encrypted-password>", "Encrypted password string"))),
					secret(leafList("ssh-rsa", "Secure shell (ssh) RSA public key string", tString("<ssh-rsa>", "Secure shell (ssh) RSA public key string"))),
				),
			),
		),
		container("services", "System services",
			presence("ssh", "Allow ssh access",
				leaf("root-login", "Configure root access via ssh", tEnum("<root-login>", "Configure root access via ssh", "allow", "deny", "deny-password")),
			),
			presence("netconf", "Allow NETCONF connections",
				presence("ssh", "Allow NETCONF over SSH",
					leaf("port", "Service port number", tUint("<port>", "Service port number", 1, 65535)),
				),
			),
			presence("telnet", "Allow telnet login"),
		),
		flatten(container("commit", "Configuration commit management",
			flag("synchronize", "Synchronize commit on both Routing Engines by default"),
		)),
		container("syslog", "System logging facility",
			list("user", "Notify a user of the event", tString("<user>", "Name of user to notify (or '*' for all)"), syslogFacilities()...),
			list("host", "Host to be notified", tString("<host>", "Name of host to notify"), syslogFacilities()...),
			list("file", "File in which to log data", tString("<filename>", "Name of file in which to log data"), syslogFacilities()...),
		),
	),
	container("chassis", "Chassis configuration",
		container("redundancy", "Redundancy options",
			flag("graceful-switchover", "Enable graceful switchover on supported hardware"),
			container("failover", "Failover to other Routing Engine",
				flag("on-disk-failure", "Failover on disk failure"),
				flag("on-loss-of-keepalives", "Failover on loss of keepalives"),
			),
			&node{name: "routing-engine", help: "Redundancy options for Routing Engines", kind: kKeyedLeaf,
				key: tUint("<slot>", "Routing Engine slot number", 0, 1),
				val: tEnum("<role>", "Routing Engine role", "master", "backup", "disabled")},
		),
	),
	container("interfaces", "Interface configuration",
		list("", "Interface name", tIfName,
			leaf("description", "Text description of interface", tString("<description>", "Text description of interface")),
			flag("disable", "Disable this interface"),
			leaf("mtu", "Maximum transmit packet size", tUint("<mtu>", "Maximum transmit packet size", 256, 9192)),
			list("unit", "Logical interface", tUint("<interface_unit_number>", "Interface unit number", 0, 16385),
				leaf("description", "Text description of interface", tString("<description>", "Text description of interface")),
				flag("disable", "Disable this logical interface"),
				ifUnitFamily(),
			),
		),
	),
	container("snmp", "Simple Network Management Protocol configuration",
		leaf("description", "System description", tString("<description>", "System description")),
		leaf("location", "Physical location of system", tString("<location>", "Physical location of system")),
		leaf("contact", "Contact information for administrator", tString("<contact>", "Contact information for administrator")),
		list("community", "Configure a community string", tString("<community-name>", "Community name"),
			leaf("authorization", "Authorization type", tEnum("<authorization>", "Authorization type", "read-only", "read-write")),
		),
	),
	container("routing-options", "Protocol-independent routing option configuration",
		flag("nonstop-routing", "Enable nonstop routing"),
		container("static", "Static routes",
			list("route", "Static route", tPrefix("<destination>", "Destination prefix", false),
				leafList("next-hop", "Next hop to destination", tIPv4("<next-hop>", "Next hop to destination")),
				flag("discard", "Drop packets to destination; send no ICMP unreachables"),
				flag("reject", "Drop packets to destination; send ICMP unreachables"),
			),
		),
		leaf("router-id", "Router identifier", tIPv4("<router-id>", "Router identifier")),
		leaf("autonomous-system", "Autonomous system number", tUint("<autonomous-system>", "Autonomous system number", 1, 4294967295)),
	),
)

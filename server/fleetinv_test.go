package server

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/vendors"
)

// An inventory with an address per chassis, its duplicates and its
// limits: each refused with its line.
func TestInventoryAddresses(t *testing.T) {
	inv, err := ParseInventoryWith("f.yaml", []byte(`address-per-chassis: 127.5.0.0/24
address-ports: {ssh: 22, netconf: 830}
telnet: true
chassis:
  - name: a
  - name: b
    count: 2
    address: 127.5.0.10
  - name: c
    scenario: mx240
`), nil, vendors.Registry, InventoryOptions{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, cc := range inv.Chassis {
		got = append(got, strings.Join([]string{cc.Name, cc.Address, cc.Mgmt, cc.Telnet, cc.NETCONF, strings.Join(cc.Consoles, ","), strings.Join(cc.ConsoleLines, ",")}, " "))
	}
	want := []string{
		"a 127.5.0.1 127.5.0.1:22 127.5.0.1:2323 127.5.0.1:830 127.5.0.0:22,127.5.0.0:22 a:1,a:2",
		"b001 127.5.0.10 127.5.0.10:22 127.5.0.10:2323 127.5.0.10:830 127.5.0.0:22,127.5.0.0:22 b001:1,b001:2",
		"b002 127.5.0.11 127.5.0.11:22 127.5.0.11:2323 127.5.0.11:830 127.5.0.0:22,127.5.0.0:22 b002:1,b002:2",
		"c 127.5.0.12 127.5.0.12:22 127.5.0.12:2323 127.5.0.12:830 127.5.0.0:22,127.5.0.0:22 c:1,c:2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := inv.Ports; p.Scheme != "address" || p.Prefix != "127.5.0.0/24" || *p.Ports != (AddressPorts{SSH: 22, Telnet: 2323, Web: 8000, NETCONF: 830}) || p.ConsoleServer != "127.5.0.0:22" {
		t.Fatalf("port map %+v %+v", p, p.Ports)
	}
	// one template per scenario, a model of its own on Build
	if inv.Chassis[0].Scenario != inv.Chassis[1].Scenario || inv.Chassis[0].Hostname != "a" {
		t.Fatal("templates not shared")
	}
	sc, err := inv.Chassis[1].Build()
	if err != nil || sc == inv.Chassis[1].Scenario || sc.Chassis.Modules[0].Startup().Hostname != "b001" {
		t.Fatalf("Build: %v", err)
	}
	// the flags win over the file
	inv, err = ParseInventoryWith("f.yaml", []byte("base-port: 30000\nchassis:\n  - name: a\n"), nil, vendors.Registry,
		InventoryOptions{AddressPerChassis: "127.9.0.0/16", AddressPorts: "ssh=2022,web=off"})
	if err != nil || inv.Chassis[0].Mgmt != "127.9.0.1:2022" || inv.Chassis[0].Telnet != "" || inv.Ports.Ports.Web != 0 || inv.ConsoleServer != "127.9.0.0:2022" {
		t.Fatalf("flags: %v %+v", err, inv)
	}
	// console-server: off; the prefix's first address is then a chassis's
	inv, err = ParseInventoryWith("f.yaml", []byte("address-per-chassis: 127.9.0.0/16\nconsole-server: \"off\"\nchassis:\n  - name: a\n"), nil, vendors.Registry, InventoryOptions{})
	if err != nil || inv.Chassis[0].Address != "127.9.0.0" || inv.ConsoleServer != "" || inv.Chassis[0].Consoles[0] != "" {
		t.Fatalf("console-server off: %v %+v", err, inv.Chassis[0])
	}
	// 127.0.0.0 is loopback's broadcast address: never given out (the
	// console server, a computed address nothing listens on here, is
	// 127.0.0.1 at the port map's default SSH port)
	inv, err = ParseInventoryWith("f.yaml", []byte("address-per-chassis: 127.0.0.0/24\nchassis:\n  - name: a\n"), nil, vendors.Registry, InventoryOptions{})
	if err != nil || inv.ConsoleServer != DefaultMgmt || inv.Chassis[0].Address != "127.0.0.2" {
		t.Fatalf("127.0.0.0/24: %v %+v", err, inv)
	}
}

func TestInventoryAddressErrors(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"address-per-chassis: 10.0.0.0/8\nchassis:\n  - name: a\n",
			"f.yaml:1: address-per-chassis: 10.0.0.0/8 is not inside 127.0.0.0/8: only loopback addresses reach switchsim without configuring the host (try 127.1.0.0/16)"},
		{"address-per-chassis: lots\nchassis:\n  - name: a\n",
			`f.yaml:1: address-per-chassis: "lots" is not a prefix (like 127.1.0.0/16)`},
		{"address-per-chassis: 127.5.0.0/24\nchassis:\n  - name: a\n    address: 127.5.0.9\n  - name: b\n    count: 2\n    address: 127.5.0.8\n",
			`f.yaml:5: chassis[1].address: 127.5.0.9 ("b002") is also a's (chassis[0])`},
		{"address-per-chassis: 127.5.0.0/24\nchassis:\n  - name: a\n    address: 127.6.0.1\n",
			`f.yaml:3: chassis[0].address: "127.6.0.1" is not an address in 127.5.0.0/24`},
		{"address-per-chassis: 127.5.0.0/24\nchassis:\n  - name: a\n    address: 127.5.0.0\n",
			`f.yaml:3: chassis[0].address: 127.5.0.0 is the console server's address`},
		{"address-per-chassis: 127.5.0.0/30\nchassis:\n  - name: a\n    count: 4\n",
			`f.yaml:3: chassis[0]: chassis "a004": 127.5.0.0/30 has no address left (it holds 3 chassis, the console server at 127.5.0.0; give a larger prefix: a /16 holds 65,534)`},
		{"chassis:\n  - name: a\n    address: 127.5.0.1\n",
			"f.yaml:3: chassis[0].address: an address applies to a fleet with an address per chassis (address-per-chassis)"},
		{"base-port: 30000\nblock: 6\nchassis:\n  - name: a\n  - name: b\n    base-port: 30003\n",
			`f.yaml:5: chassis[1].base-port: port 30003 of "b" is also a's (chassis[0])`},
		{"address-per-chassis: 127.5.0.0/24\naddress-ports: {ssh: 22, telnet: 22}\nchassis:\n  - name: a\n",
			"f.yaml:2: address-ports: ssh and telnet both on port 22"},
		{"address-per-chassis: 127.5.0.0/24\naddress-ports: {ssh: \"off\"}\nchassis:\n  - name: a\n",
			"f.yaml:2: address-ports: ssh needs a port (the management address and the console server)"},
		{"address-per-chassis: 127.5.0.0/24\naddress-ports: {gopher: 70}\nchassis:\n  - name: a\n",
			"f.yaml:2: address-ports.gopher: unknown field"},
		{"address-per-chassis: 127.5.0.0/24\naddress-ports: {ssh: 70000}\nchassis:\n  - name: a\n",
			"f.yaml:2: address-ports.ssh: ssh=70000: not a port (1-65535, or off)"},
		{"address-per-chassis: 127.5.0.0/24\nconsole-server: 10.1.1.1\nchassis:\n  - name: a\n",
			`f.yaml:2: console-server: "10.1.1.1" is not an address in 127.0.0.0/8`},
		{"chassis:\n  - name: nornir\n", `f.yaml:2: chassis[0].name: "nornir" is reserved (a file of that name is in the state directory)`},
		{"chassis:\n  - name: Console-Server\n", `f.yaml:2: chassis[0].name: "Console-Server" is reserved (the console server's name: its host key is derived from it)`},
	}
	for _, c := range cases {
		_, err := ParseInventoryWith("f.yaml", []byte(c.yaml), nil, vendors.Registry, InventoryOptions{Lazy: true})
		var se *scenario.Error
		if err == nil || err.Error() != c.want || !errors.As(err, &se) {
			t.Errorf("%q:\n got %v\nwant %s", c.yaml, err, c.want)
		}
	}
	// the flags' errors name the flag
	for _, c := range []struct {
		o    InventoryOptions
		want string
	}{
		{InventoryOptions{AddressPerChassis: "192.168.0.0/16"}, "--address-per-chassis: 192.168.0.0/16 is not inside 127.0.0.0/8"},
		{InventoryOptions{AddressPerChassis: "127.1.0.0/16", AddressPorts: "ssh=22,ssh2=23"}, `--address-ports: unknown service "ssh2" (ssh, telnet, web, netconf)`},
		{InventoryOptions{AddressPerChassis: "127.1.0.0/16", AddressPorts: "ssh"}, `--address-ports: "ssh": expected service=port (ssh, telnet, web, netconf)`},
	} {
		_, err := ParseInventoryWith(filepath.Join(t.TempDir(), "f.yaml"), []byte("chassis:\n  - name: a\n"), nil, vendors.Registry, c.o)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%+v: %v", c.o, err)
		}
	}
}

func TestAddressPortsAndConsoleUsers(t *testing.T) {
	p, err := ParseAddressPorts("ssh=22, telnet=23,netconf=830,web=80", DefaultAddressPorts)
	if err != nil || p != (AddressPorts{22, 23, 80, 830}) || p.String() != "ssh=22,telnet=23,web=80,netconf=830" {
		t.Fatalf("%v %+v %s", err, p, p)
	}
	if p, err := ParseAddressPorts("telnet=2323,web=off", DefaultAddressPorts); err != nil || p != (AddressPorts{2222, 2323, 0, 8830}) {
		t.Fatalf("%v %+v", err, p)
	}
	for _, c := range []struct {
		in, user, chassis string
		line              int
		ok                bool
	}{
		{"manager:core1:1", "manager", "core1", 0, true},
		{"admin:edge-1.x:2", "admin", "edge-1.x", 1, true},
		{"manager:core1", "", "", 0, false},
		{"manager", "", "", 0, false},
		{"manager:core1:0", "", "", 0, false},
		{"manager:core1:x", "", "", 0, false},
	} {
		u, ch, l, ok := parseConsoleUser(c.in)
		if u != c.user || ch != c.chassis || l != c.line || ok != c.ok {
			t.Errorf("%q: %q %q %d %v", c.in, u, ch, l, ok)
		}
	}
	for in, want := range map[string]string{"manager": "manager", "": `""`, "yes": `"yes"`, "On": `"On"`, "a b": `"a b"`, "#x": `"#x"`,
		"127.0.0.1": "127.0.0.1", "127.0.0.1:22": `"127.0.0.1:22"`, "host:": `"host:"`, "community.network.aruba": "community.network.aruba",
		"12": `"12"`, `quo"te`: `"quo\"te"`, "edge-1": "edge-1", "- x": `"- x"`} {
		if got := yamlString(in); got != want {
			t.Errorf("yamlString(%q) = %s, want %s", in, got, want)
		}
	}
}

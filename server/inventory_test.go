package server

import (
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/vendors"
)

const edgeScenario = `users:
  manager: {user: admin, password: secret}
  operator: {user: viewer, password: look}
config:
  hostname: from-scenario
`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestInventoryBlocks(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"edge.yaml": edgeScenario,
		"fleet.yaml": `base-port: 30000
block: 6
telnet: yes
chassis:
  - name: core1
    hostname: CORE-1
  - name: edge
    count: 3
    scenario: edge.yaml
  - name: lab
    base-port: 31000
    scenario: edge.yaml
    hostname: LAB
`})
	ccs, err := LoadInventory(filepath.Join(dir, "fleet.yaml"), nil, vendors.Registry)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, cc := range ccs {
		host := cc.Scenario.Chassis.Modules[0].Startup().Hostname
		got = append(got, strings.Join([]string{cc.Name, host, cc.Mgmt, strings.Join(cc.Consoles, ","), cc.Telnet, cc.NETCONF,
			cc.Scenario.Chassis.Credentials.ManagerUser}, " "))
	}
	// the NETCONF port is offset 5 of each block (used only by a vendor
	// with an XML API)
	want := []string{
		"core1 CORE-1 127.0.0.1:30000 127.0.0.1:30001,127.0.0.1:30002 127.0.0.1:30003 127.0.0.1:30005 manager",
		"edge001 edge001 127.0.0.1:30006 127.0.0.1:30007,127.0.0.1:30008 127.0.0.1:30009 127.0.0.1:30011 admin",
		"edge002 edge002 127.0.0.1:30012 127.0.0.1:30013,127.0.0.1:30014 127.0.0.1:30015 127.0.0.1:30017 admin",
		"edge003 edge003 127.0.0.1:30018 127.0.0.1:30019,127.0.0.1:30020 127.0.0.1:30021 127.0.0.1:30023 admin",
		"lab LAB 127.0.0.1:31000 127.0.0.1:31001,127.0.0.1:31002 127.0.0.1:31003 127.0.0.1:31005 admin",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// each chassis has a model of its own
	if ccs[1].Scenario.Chassis == ccs[2].Scenario.Chassis || ccs[1].Scenario.Chassis.Modules[0].Configs["config1"] == ccs[2].Scenario.Chassis.Modules[0].Configs["config1"] {
		t.Fatal("chassis share a model")
	}
	ls, err := ListConfigs(ccs, vendors.Registry)
	if err != nil {
		t.Fatal(err)
	}
	if ls[1].Host != "127.0.0.1" || ls[1].Port != 30006 || ls[1].NETCONF != "" || ls[1].ManagerPassword != "secret" || ls[1].OperatorUser != "viewer" || ls[1].Hostname != "edge001" {
		t.Fatalf("listing %+v", ls[1])
	}
}

func TestInventoryErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"bad.yaml": "modules:\n  - state: activ\n  - {}\n"})
	cases := []struct{ yaml, want string }{
		{"chassis:\n  - name: a\n    colour: red\n", "f.yaml:3: chassis[0].colour: unknown field"},
		{"chassis:\n  - name: a\n  - name: a\n", `f.yaml:3: chassis[1].name: "a" is also chassis[0]`},
		{"chassis:\n  - name: b\n    count: 2\n  - name: b002\n", `f.yaml:4: chassis[1].name: "b002" is also chassis[0]`},
		{"chassis:\n  - name: ports\n", `f.yaml:2: chassis[0].name: "ports" is reserved (a file of that name is in the state directory)`},
		{"chassis:\n  - name: a b\n", `f.yaml:2: chassis[0].name: "a b" is not a chassis name (letters, digits, '.', '_', '-'; up to 63)`},
		{"chassis:\n  - count: 2\n", "f.yaml:2: chassis[0].name: every chassis needs a name"},
		{"chassis:\n  - name: a\n    count: lots\n", `f.yaml:3: chassis[0].count: "lots" is not a whole number`},
		{"block: 2\nchassis:\n  - name: a\n", "f.yaml:1: block: 2 is not in 6-1000"},
		{"base-port: 65534\nchassis:\n  - name: a\n", `f.yaml:3: chassis[0]: chassis "a": its ports (from 65534) are beyond 65535`},
		{"listen: nowhere\nchassis:\n  - name: a\n", `f.yaml:1: listen: "nowhere" is not an IP address`},
		{"base-port: 1000\n", "f.yaml:1: chassis: an inventory lists at least one chassis"},
		{"", "f.yaml:0: chassis: an inventory lists at least one chassis"},
		{"chassis: [\n", "f.yaml:1: did not find expected node content"},
		{"chassis:\n  - name: a\n    scenario: bad.yaml\n", filepath.Join(dir, "bad.yaml") + `:2: modules[0].state: "activ" is not one of active, standby, warm-standby, offline, offline-incompatible, failed, shutdown, absent`},
	}
	for _, c := range cases {
		_, err := ParseInventory(filepath.Join(dir, "f.yaml"), []byte(c.yaml), nil, vendors.Registry)
		if err == nil {
			t.Errorf("%q: no error", c.yaml)
			continue
		}
		var se *scenario.Error
		if !errors.As(err, &se) {
			t.Errorf("%q: %T is not a scenario.Error", c.yaml, err)
		}
		if got := strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)); got != c.want && err.Error() != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.yaml, got, c.want)
		}
	}
	if _, err := ListConfigs([]ChassisConfig{{Name: "a", Mgmt: "127.0.0.1:0"}}, vendors.Registry); err == nil {
		t.Error("ephemeral ports listed")
	}
}

// startFleet serves an inventory on ephemeral ports with a virtual clock.
func startFleet(t *testing.T, inv string, files map[string]string, opts ...func(*Config)) *Server {
	t.Helper()
	if files == nil {
		files = map[string]string{}
	}
	files["fleet.yaml"] = inv
	dir := writeFiles(t, files)
	ccs, err := LoadInventory(filepath.Join(dir, "fleet.yaml"), nil, vendors.Registry)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ccs {
		ccs[i].Scenario.Clock = testStart
	}
	cfg := Config{Vendors: vendors.Registry, Virtual: true, Chassis: ccs}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func hostKeyOf(t *testing.T, addr, user, pass string) string {
	t.Helper()
	key, err := sshtest.HostKey(addr, user, pass)
	if err != nil {
		t.Fatal(err)
	}
	return string(key.Marshal())
}

func TestFleetChassisAreIsolated(t *testing.T) {
	s := startFleet(t, "base-port: 0\nchassis:\n  - name: a\n  - name: edge\n    count: 2\n    scenario: edge.yaml\n",
		map[string]string{"edge.yaml": edgeScenario},
		func(c *Config) {
			c.wrapShell = func(sh commands.Shell) commands.Shell { return panicShell{sh} }
			c.Logf = func(string, ...any) {}
		})
	addrs := s.Addrs()
	if len(addrs) != 3 || addrs[1].Name != "edge001" || len(addrs[2].Consoles) != 2 {
		t.Fatalf("addrs %+v", addrs)
	}
	// own hostname, own users (the user name keeps its privilege), own host key
	a := sshtest.Open(t, addrs[0].Mgmt, "manager", "manager", 80, 24)
	a.Login("a# ")
	e1 := sshtest.Open(t, addrs[1].Mgmt, "admin", "secret", 80, 24)
	e1.Login("edge001# ")
	e2 := sshtest.Open(t, addrs[2].Mgmt, "viewer", "look", 80, 24)
	e2.Login("edge002> ")
	if _, err := sshtest.Dial(addrs[1].Mgmt, "manager", "manager"); err == nil {
		t.Fatal("chassis a's user accepted on edge001")
	}
	if hostKeyOf(t, addrs[0].Mgmt, "manager", "manager") == hostKeyOf(t, addrs[1].Mgmt, "admin", "secret") {
		t.Fatal("two chassis share a host key")
	}
	// nothing typed on one shows on another, nor changes it
	a.Send("configure\r")
	a.Until("a(config)# ")
	a.Send("hostname CHANGED\r")
	a.Until("CHANGED(config)# ")
	e1.Send("show version\r")
	if got := e1.Until("edge001# "); !strings.HasPrefix(got, "show version\r\nManagement Module 1: Active\r\n") || strings.Contains(got, "hostname") {
		t.Fatalf("edge001 saw: %q", got)
	}
	// a switchover on one chassis leaves the others alone
	if err := s.Host("edge002").Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "CONSOLE"}) }); err != nil {
		t.Fatal(err)
	}
	e2.WaitEOF()
	if s.Host("edge001").ActiveModule() != 0 || s.Host("a").ActiveModule() != 0 {
		t.Fatal("another chassis switched over")
	}
	// a panic in a session on one chassis ends only that session
	e1.Send("boom\r")
	e1.WaitEOF()
	a.Send("end\r")
	a.Until("CHANGED# ")
	e3 := sshtest.Open(t, addrs[1].Mgmt, "admin", "secret", 80, 24)
	e3.Login("edge001# ")
	// the control API addresses each chassis by name
	s.Host("edge002").Advance(10 * time.Minute)
	if st := s.Host("edge002").State(); st.Name != "edge002" || st.Hostname != "edge002" {
		t.Fatalf("state %+v", st)
	}
}

func TestFleetListings(t *testing.T) {
	s := startFleet(t, "base-port: 0\nchassis:\n  - name: a\n  - name: edge\n    count: 2\n    scenario: edge.yaml\n",
		map[string]string{"edge.yaml": edgeScenario})
	dir := t.TempDir()
	if err := WriteListings(dir, s.Listing()); err != nil {
		t.Fatal(err)
	}
	// Netmiko: ConnectHandler(**devices[name])
	var nm map[string]map[string]any
	b, _ := os.ReadFile(filepath.Join(dir, "netmiko.json"))
	if err := json.Unmarshal(b, &nm); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	_, port, _ := net.SplitHostPort(s.Addrs()[1].Mgmt)
	e := nm["edge001"]
	if len(nm) != 3 || e["device_type"] != "hp_procurve" || e["host"] != "127.0.0.1" || e["username"] != "admin" || e["password"] != "secret" ||
		strings.TrimSuffix(strings.TrimSpace(string(mustJSON(e["port"]))), ".0") != port || len(e) != 5 {
		t.Fatalf("netmiko.json:\n%s", b)
	}
	if i, j := strings.Index(string(b), `"a"`), strings.Index(string(b), `"edge001"`); i < 0 || j < i {
		t.Fatalf("not in fleet order:\n%s", b)
	}
	// Ansible: all.children.switchsim.hosts.<name>.ansible_*
	var inv struct {
		All struct {
			Children struct {
				Switchsim struct {
					Hosts map[string]map[string]any
				}
			}
		}
	}
	b, _ = os.ReadFile(filepath.Join(dir, "inventory.yaml"))
	if err := yaml.Unmarshal(b, &inv); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	h := inv.All.Children.Switchsim.Hosts["edge002"]
	if h["ansible_host"] != "127.0.0.1" || h["ansible_user"] != "admin" || h["ansible_password"] != "secret" ||
		h["switchsim_operator_user"] != "viewer" || h["switchsim_hostname"] != "edge002" || len(h["switchsim_consoles"].([]any)) != 2 {
		t.Fatalf("inventory.yaml:\n%s", b)
	}
	// fleet.json round-trips
	var fl struct{ Chassis []Listed }
	b, _ = os.ReadFile(filepath.Join(dir, "fleet.json"))
	if err := json.Unmarshal(b, &fl); err != nil || !reflect.DeepEqual(fl.Chassis, s.Listing()) {
		t.Fatalf("fleet.json %v:\n%s", err, b)
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

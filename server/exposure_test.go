package server

import (
	"strconv"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/vendors"
)

// A shard keeps its own chassis and numbers their port blocks from
// base-port: every shard's first chassis is at 20000.
func TestInventoryShard(t *testing.T) {
	text := []byte("listen: 127.0.0.1\nchassis:\n  - name: core\n    count: 3\n    scenario: mx240\n  - name: access\n    count: 40\n")
	all, err := ParseInventoryWith("f.yaml", text, nil, vendors.Registry, InventoryOptions{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for i := 0; i < 3; i++ {
		inv, err := ParseInventoryWith("f.yaml", text, nil, vendors.Registry, InventoryOptions{Lazy: true, Shard: &Shard{i, 3}, Listen: "0.0.0.0"})
		if err != nil {
			t.Fatal(err)
		}
		if len(inv.Chassis) == 0 {
			t.Fatalf("shard %d/3 is empty", i)
		}
		for j, cc := range inv.Chassis {
			if ShardOf(cc.Name, 3) != i {
				t.Fatalf("%s is in shard %d, not %d", cc.Name, ShardOf(cc.Name, 3), i)
			}
			if want := "0.0.0.0:" + strconv.Itoa(20000+10*j); cc.Mgmt != want {
				t.Fatalf("shard %d, chassis %d (%s): mgmt %s, want %s", i, j, cc.Name, cc.Mgmt, want)
			}
			seen[cc.Name]++
		}
	}
	if len(seen) != len(all.Chassis) {
		t.Fatalf("the shards hold %d chassis, the inventory %d", len(seen), len(all.Chassis))
	}
	for n, c := range seen {
		if c != 1 {
			t.Fatalf("%s is in %d shards", n, c)
		}
	}
}

// The exposure rule: on loopback anything goes; off loopback a chassis
// with no password or a published one refuses (naming the listener, the
// chassis, the accounts and how to set passwords), or warns with
// --trusted-network; passwords of its own pass.
func TestExposureRule(t *testing.T) {
	builtin := func(name string) *scenario.Scenario {
		sc, err := vendors.Load(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	var factory []*scenario.Scenario
	for _, b := range vendors.Scenarios() {
		factory = append(factory, builtin(b.Name))
	}
	cfg := func(mgmt string, pw *Passwords, scenarios ...string) Config {
		var c Config
		for _, s := range scenarios {
			c.Chassis = append(c.Chassis, ChassisConfig{Name: s, Scenario: builtin(s), Mgmt: mgmt, Consoles: []string{"127.0.0.1:0", ""}, Passwords: pw})
		}
		return c
	}
	check := func(c Config, trusted bool) (string, error) {
		return CheckExposure(c, ExposureRule{Listeners: ExposedListeners(c), Factory: factory, Trusted: trusted, How: "HOW"})
	}
	// loopback: factory logins are fine
	for _, a := range []string{"127.0.0.1:0", "127.3.0.1:0", "[::1]:0", "localhost:0"} {
		if w, err := check(cfg(a, nil, "8212zl"), false); err != nil || w != "" {
			t.Fatalf("%s: %q, %v", a, w, err)
		}
	}
	// off loopback: refused, whatever the listener
	for _, a := range []string{"0.0.0.0:0", ":0", "10.1.2.3:0", "[::]:0"} {
		_, err := check(cfg(a, nil, "8212zl", "bd8810", "mx240"), false)
		if err == nil {
			t.Fatalf("%s: factory logins served off loopback", a)
		}
		want := "refusing to listen off loopback (" + a + "): chassis 8212zl, bd8810, mx240 would accept factory logins (no password, or the published one, for admin, manager, operator, user); HOW"
		if err.Error() != want {
			t.Fatalf("%s:\n got %s\nwant %s", a, err, want)
		}
	}
	// the telnet and NETCONF listeners count too
	c := cfg("127.0.0.1:0", nil, "mx240")
	c.Chassis[0].NETCONF = "0.0.0.0:0"
	if _, err := check(c, false); err == nil || !strings.Contains(err.Error(), "(0.0.0.0:0)") {
		t.Fatalf("NETCONF off loopback: %v", err)
	}
	c = cfg("127.0.0.1:0", nil, "8212zl")
	c.Chassis[0].Telnet = "0.0.0.0:0"
	if _, err := check(c, false); err == nil || !strings.Contains(err.Error(), "(0.0.0.0:0)") {
		t.Fatalf("telnet off loopback: %v", err)
	}
	// a manager password alone leaves the 8212zl's operator a factory login
	if _, err := check(cfg("0.0.0.0:0", &Passwords{Manager: "s3cret"}, "8212zl"), false); err == nil || !strings.Contains(err.Error(), "for operator)") {
		t.Fatalf("operator left with its factory password: %v", err)
	}
	// passwords of its own: served, without a word
	if w, err := check(cfg("0.0.0.0:0", &Passwords{Manager: "s3cret", Operator: "r3ad"}, "8212zl", "bd8810", "mx240", "7750-sr12"), false); err != nil || w != "" {
		t.Fatalf("passwords given: %q, %v", w, err)
	}
	// a published password given as one's own is still the factory's
	if _, err := check(cfg("0.0.0.0:0", &Passwords{Manager: "manager", Operator: "x"}, "8212zl"), false); err == nil {
		t.Fatal("manager/manager passed as a password of its own")
	}
	// --trusted-network: a warning, no error
	w, err := check(cfg("0.0.0.0:0", nil, "8212zl"), true)
	if err != nil || !strings.HasPrefix(w, "warning: listening off loopback (0.0.0.0:0) with factory logins") || !strings.Contains(w, "--trusted-network") {
		t.Fatalf("trusted: %q, %v", w, err)
	}
}

// Passwords replace the accounts' passwords when a chassis is built, and
// the listings show them.
func TestPasswordsApplied(t *testing.T) {
	dir := t.TempDir()
	sc, err := vendors.Load("8212zl", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: []ChassisConfig{{
		Name: "c", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{"", ""}, StateFile: dir + "/state.json",
		Passwords: &Passwords{Manager: "m-pw", Operator: "o-pw"}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ls := srv.Listing()
	if len(ls) != 1 || ls[0].ManagerPassword != "m-pw" || ls[0].OperatorPassword != "o-pw" {
		t.Fatalf("listing: %+v", ls)
	}
	if rd := srv.Ready(); !rd.Ready || rd.Listening != 1 || rd.Chassis != 1 {
		t.Fatalf("ready: %+v", rd)
	}
}

// A shard served as a fleet is ready once every chassis listens, and no
// longer once closed; its console server (the address scheme) is among
// the listeners the rule checks.
func TestShardReadyAndListeners(t *testing.T) {
	text := []byte("base-port: 0\nchassis:\n  - name: a\n    count: 12\n")
	inv, err := ParseInventoryWith("f.yaml", text, nil, vendors.Registry, InventoryOptions{Lazy: true, Shard: &Shard{0, 2}})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: inv.Chassis, Fleet: &FleetConfig{Ports: inv.Ports}})
	if err != nil {
		t.Fatal(err)
	}
	n := len(inv.Chassis)
	if rd := srv.Ready(); !rd.Ready || rd.Listening != n || rd.Chassis != n || n == 0 || n == 12 {
		t.Fatalf("ready: %+v (the shard holds %d of 12)", rd, n)
	}
	srv.Close()
	if rd := srv.Ready(); rd.Ready {
		t.Fatalf("ready after Close: %+v", rd)
	}
	addr, err := ParseInventoryWith("f.yaml", []byte("address-per-chassis: 127.9.0.0/24\nchassis:\n  - name: a\n"), nil, vendors.Registry, InventoryOptions{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	ls := ExposedListeners(Config{Chassis: addr.Chassis, Fleet: &FleetConfig{Ports: addr.Ports, ConsoleServer: addr.ConsoleServer}})
	if strings.Join(ls, " ") != "127.9.0.1:2222 127.9.0.0:2222 127.9.0.0:2222 127.9.0.1:8830 127.9.0.1:8000 127.9.0.0:2222" || len(OffLoopback(ls)) != 0 {
		t.Fatalf("listeners %v", ls)
	}
}

// A shard that rendezvous hashing left empty serves nothing and is
// ready (a pod that crash-looped instead would never settle).
func TestEmptyShardIsReady(t *testing.T) {
	text := []byte("base-port: 0\nchassis:\n  - name: a\n    count: 2\n")
	for i := 0; i < 8; i++ {
		inv, err := ParseInventoryWith("f.yaml", text, nil, vendors.Registry, InventoryOptions{Lazy: true, Shard: &Shard{i, 8}})
		if err != nil {
			t.Fatal(err)
		}
		if len(inv.Chassis) > 0 {
			continue
		}
		srv, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: inv.Chassis, Fleet: &FleetConfig{Ports: inv.Ports}})
		if err != nil {
			t.Fatalf("an empty shard: %v", err)
		}
		if rd := srv.Ready(); !rd.Ready || rd.Chassis != 0 {
			t.Fatalf("an empty shard: %+v", rd)
		}
		srv.Close()
		return
	}
	t.Fatal("2 chassis in 8 shards left no shard empty")
}

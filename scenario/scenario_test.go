package scenario

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/model"
)

// testProfiles knows the 8212zl only.
func testProfiles(name string) (*model.Profile, error) {
	if name == "" || name == "procurve" {
		return procurve.Vendor{}.Profile(), nil
	}
	return nil, fmt.Errorf("unknown vendor %q", name)
}

func defaultScenario(t *testing.T) *Scenario {
	t.Helper()
	s, err := Parse("builtin:8212zl", procurve.Vendor{}.Scenarios()[0].YAML, nil, testProfiles)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDefaultScenario(t *testing.T) {
	s := defaultScenario(t)
	c := s.Chassis
	if err := c.Start(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if c.ActiveIndex() != 0 || c.Modules[1].State != model.Standby {
		t.Fatalf("roles: %v %v", c.Modules[0].State, c.Modules[1].State)
	}
	if c.Running.Hostname != "HP-E8212zl" || c.Active().Running.Version != "K.15.06.0017" {
		t.Fatalf("running %q %v", c.Running.Hostname, c.Active().Running)
	}
	if c.Active().ROM.Version != "K.15.29" {
		t.Fatalf("ROM %q", c.Active().ROM.Version)
	}
	if n := len(c.Ports()); n != 4+24*3 {
		t.Fatalf("%d ports", n)
	}
}

func TestErrorsNameFileLineField(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"modules:\n  - state: activ\n  - state: standby\n", `f.yaml:2: modules[0].state: "activ" is not one of active, standby, warm-standby, offline, offline-incompatible, failed, shutdown, absent`},
		{"hostnme: x\n", "f.yaml:1: hostnme: unknown field"},
		{"modules:\n  - flash:\n      primary: K.99\n  - {}\n", `f.yaml:3: modules[0].flash.primary: no image of version "K.99" in the images catalog`},
		{"config:\n  vlans:\n    - id: 5000\n", "f.yaml:3: config.vlans[0].id: VLAN id 5000 is not in 1-4094"},
		{"failovers: many\n", `f.yaml:1: failovers: "many" is not a whole number`},
		{"clock: yesterday\n", `f.yaml:1: clock: "yesterday" is not a time like 2014-01-26 17:34:07`},
		{"modules: [\n", "f.yaml:1: did not find expected node content"},
		{"modules:\n  - {}\n", "f.yaml:2: modules: an 8212zl has two management module slots, not 1"},
	}
	for _, c := range cases {
		_, err := Parse("f.yaml", []byte(c.yaml), nil, testProfiles)
		if err == nil {
			t.Errorf("%q: no error", c.yaml)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.yaml, err, c.want)
		}
	}
}

func TestCatalogFetch(t *testing.T) {
	c := Builtin()
	im, err := c.Fetch("K_15_07_0008.swi")
	if err != nil || im.Version != "K.15.07.0008" || im.Build != 1323 {
		t.Fatalf("%v %+v", err, im)
	}
	if _, err := c.Fetch("nope.swi"); err != ErrNotFound {
		t.Fatalf("missing: %v", err)
	}
	if _, err := c.Fetch("images.yaml"); err != ErrNotImage {
		t.Fatalf("manifest: %v", err)
	}
	if !strings.HasPrefix(c.Files()[0], "K_15_06_0017") {
		t.Fatal(c.Files())
	}
}

func TestBadPortList(t *testing.T) {
	_, err := Parse("f.yaml", []byte("config:\n  vlans:\n    - id: 1\n      untagged: A1-B3\n"), nil, testProfiles)
	if err == nil || err.Error() != `f.yaml:4: config.vlans[0].untagged: "A1-B3" is not a port or a range of ports of one slot` {
		t.Fatalf("got %v", err)
	}
}

// A ROM given by its version alone takes its build data from the image
// that carries it; one no image carries keeps its version only.
func TestScalarROMIsCompletedFromTheCatalog(t *testing.T) {
	s, err := Parse("f.yaml", []byte("modules:\n  - rom: K.15.12\n  - rom: K.12.01\n"), nil, testProfiles)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Chassis.Modules[0].ROM; r.Dir == "" || r.Number != 10233 || r.Built.IsZero() {
		t.Fatalf("K.15.12: %+v", r)
	}
	if r := s.Chassis.Modules[1].ROM; r.Version != "K.12.01" || r.Dir != "" {
		t.Fatalf("K.12.01: %+v", r)
	}
}

package vendors

import (
	"strings"
	"testing"
)

func TestRegistry(t *testing.T) {
	if v, err := Lookup(""); err != nil || v.Name() != Names()[0] {
		t.Fatalf("default vendor: %v %v", v, err)
	}
	if _, err := Lookup("nope"); err == nil || !strings.Contains(err.Error(), `unknown vendor "nope" (known: `) {
		t.Fatalf("got %v", err)
	}
	seen := map[string]bool{}
	for _, b := range Scenarios() {
		if seen[b.Name] {
			t.Errorf("two built-in scenarios named %q", b.Name)
		}
		seen[b.Name] = true
		sc, err := Scenario(b.Name, nil)
		if err != nil {
			t.Errorf("%s: %v", b.Name, err)
			continue
		}
		// the vendor's profile, or one of its other chassis (platform:)
		p, err := b.Vendor.Profile().ForPlatform(sc.Chassis.Profile.Platform)
		if sc.Vendor != b.Vendor.Name() || err != nil || sc.Chassis.Profile != p || b.Summary == "" {
			t.Errorf("%s: vendor %q, summary %q", b.Name, sc.Vendor, b.Summary)
		}
		if len(p.ModuleNames) != len(sc.Chassis.Modules) || len(p.ModuleLabels) != len(sc.Chassis.Modules) {
			t.Errorf("%s: %d modules, %d names, %d labels", b.Name, len(sc.Chassis.Modules), len(p.ModuleNames), len(p.ModuleLabels))
		}
	}
	if !seen[DefaultScenario] {
		t.Fatalf("no default scenario %q", DefaultScenario)
	}
	if _, err := Scenario("nope", nil); err == nil || !strings.Contains(err.Error(), "switchsim scenarios") {
		t.Fatalf("got %v", err)
	}
}

func TestLoadNamesTheBadVendor(t *testing.T) {
	_, err := Load("testdata/bad-vendor.yaml", nil)
	if err == nil || !strings.HasPrefix(err.Error(), `testdata/bad-vendor.yaml:2: vendor: unknown vendor "nokla" (known: `) {
		t.Fatalf("got %v", err)
	}
}

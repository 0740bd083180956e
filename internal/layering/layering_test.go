// Package layering keeps the imports pointing one way:
// cmd -> server -> console -> commands -> parser, prompts, model;
// netconf (the protocol) stands alone, under commands and server.
// transcripts and switchsimtest sit beside server; nothing imports cmd.
//
// Only the registry (vendors) and a vendor's own folders (commands/<v>,
// prompts/<v>) name a vendor: the engine imports none, no vendor imports
// another, and a vendor's texts are imported only by its commands.
package layering

import (
	"os/exec"
	"strings"
	"testing"
)

const mod = "github.com/switchsim/switchsim/"

// allowed lists, per package (a trailing "/" covers sub-packages), the
// project packages it may import directly.
var allowed = map[string][]string{
	"model":         {},
	"parser":        {},
	"netconf":       {},
	"prompts":       {},
	"prompts/":      {"prompts", "model"},
	"scenario":      {"model"},
	"commands":      {"model", "parser", "netconf"},
	"commands/":     {"commands", "parser", "prompts", "prompts/", "model", "commands/", "netconf"},
	"vendors":       {"commands", "commands/", "model", "scenario"},
	"console":       {"commands", "model"},
	"server":        {"commands", "console", "model", "scenario", "netconf", "web"},
	"web":           {"commands", "model"},
	"transcripts":   {"server", "model", "scenario", "vendors"},
	"switchsimtest": {"server", "scenario", "vendors", "internal/termtext", "internal/sshtest"},
	"bench":         {"server", "internal/termtext"},
	"cmd/":          {"server", "scenario", "transcripts", "bench", "vendors"},
	"internal/":     {},
	// the abuse suite every vendor's tests run
	"internal/abusetest": {"internal/sshtest", "internal/wait", "model"},
	"examples/":          {"server", "switchsimtest", "scenario", "model", "vendors"},
	"tests/":             {"server", "switchsimtest", "scenario", "model", "console", "commands", "vendors", "netconf"},
}

// vendorOf names the vendor a package belongs to: X for commands/X/...
// and prompts/X/..., "" for the rest.
func vendorOf(pkg string) string {
	for _, top := range []string{"commands/", "prompts/"} {
		if rest, ok := strings.CutPrefix(pkg, top); ok {
			return strings.SplitN(rest, "/", 2)[0]
		}
	}
	return ""
}

// vendorImportOK: a vendor's packages are imported only by the registry
// and by the same vendor's packages; its texts (prompts/X) only by its
// commands.
func vendorImportOK(pkg, imp string) bool {
	v := vendorOf(imp)
	if v == "" {
		return true
	}
	if strings.HasPrefix(imp, "prompts/") {
		return vendorOf(pkg) == v && strings.HasPrefix(pkg, "commands/")
	}
	return pkg == "vendors" || vendorOf(pkg) == v
}

// rule finds the entry for a package: exact name, else its top folder
// with a trailing "/".
func rule(pkg string) ([]string, bool) {
	if r, ok := allowed[pkg]; ok {
		return r, true
	}
	top := strings.SplitN(pkg, "/", 2)[0]
	r, ok := allowed[top+"/"]
	return r, ok
}

func permitted(rules []string, imp string) bool {
	for _, r := range rules {
		if imp == r || strings.HasSuffix(r, "/") && strings.HasPrefix(imp, r) {
			return true
		}
	}
	return false
}

func TestImportsPointOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, mod+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := strings.TrimPrefix(f[0], mod)
		rules, ok := rule(pkg)
		if !ok {
			t.Errorf("package %s has no layering rule: add it to the table", pkg)
			continue
		}
		for _, imp := range f[1:] {
			if !strings.HasPrefix(imp, mod) {
				continue
			}
			imp = strings.TrimPrefix(imp, mod)
			if strings.HasPrefix(imp, "cmd/") {
				t.Errorf("%s imports %s: nothing imports cmd", pkg, imp)
				continue
			}
			if !permitted(rules, imp) {
				t.Errorf("%s imports %s, against the layering", pkg, imp)
			}
			if !vendorImportOK(pkg, imp) {
				t.Errorf("%s imports %s: only vendors/ and the vendor's own folders name a vendor", pkg, imp)
			}
		}
	}
}

func TestVendorRule(t *testing.T) {
	cases := []struct {
		pkg, imp string
		ok       bool
	}{
		{"server", "commands/procurve", false},
		{"console", "prompts/procurve", false},
		{"vendors", "commands/procurve", true},
		{"vendors", "prompts/procurve", false},
		{"commands/exos", "commands/procurve", false},
		{"commands/exos", "prompts/procurve", false},
		{"commands/procurve", "prompts/procurve", true},
		{"commands/procurve/x", "commands/procurve", true},
		{"console", "commands", true},
	}
	for _, c := range cases {
		if got := vendorImportOK(c.pkg, c.imp); got != c.ok {
			t.Errorf("%s importing %s: allowed %v, want %v", c.pkg, c.imp, got, c.ok)
		}
	}
}

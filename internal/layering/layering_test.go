// Package layering keeps the imports pointing one way:
// cmd -> server -> console -> commands -> parser, prompts, model.
// transcripts and switchsimtest sit beside server; nothing imports cmd.
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
	"prompts":       {},
	"prompts/":      {"prompts", "model"},
	"scenario":      {"model"},
	"commands":      {"model"},
	"commands/":     {"commands", "parser", "prompts", "prompts/", "model"},
	"console":       {"commands", "model", "parser"},
	"server":        {"commands", "commands/", "console", "model", "parser", "prompts", "prompts/", "scenario"},
	"transcripts":   {"server", "console", "commands", "commands/", "model", "parser", "prompts", "prompts/", "scenario"},
	"switchsimtest": {"server", "console", "commands", "commands/", "model", "scenario", "transcripts"},
	"bench":         {"server", "console", "commands", "model", "scenario"},
	"cmd/":          {"server", "console", "commands", "commands/", "model", "parser", "prompts", "prompts/", "scenario", "transcripts", "bench", "switchsimtest"},
	"internal/":     {},
	"examples/":     {"server", "switchsimtest", "scenario", "model"},
	"tests/":        {"server", "switchsimtest", "scenario", "model", "console", "commands", "commands/"},
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
		}
	}
}

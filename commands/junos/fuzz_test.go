package junos

import (
	"strings"
	"testing"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
)

// FuzzConfigText feeds arbitrary configuration text to the reader (what a
// scenario's config: text: holds). Nothing may panic, and a text that is
// read prints back as a configuration that reads to the same tree.
func FuzzConfigText(f *testing.F) {
	for _, s := range []string{
		"system { host-name a; }",
		"interfaces { ge-2/0/0 { unit 0 { family inet { address 10.0.0.1/24; } } } }",
		"routing-options { static { route 0.0.0.0/0 next-hop [ 10.0.0.1 10.0.0.2 ]; } }",
		"snmp { community \"a b\" { authorization read-only; } } /* c */ ## x",
		"system { commit synchronize; syslog { user * { any emergency; } } }",
		"}", "{", "system {", "\"", "chassis { redundancy { routing-engine 0 master; } }",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var tree []*model.Stmt
		if err := readConfig(&tree, schema, text); err != nil {
			return
		}
		var b strings.Builder
		render(&b, tree, schema, 0)
		var again []*model.Stmt
		if err := readConfig(&again, schema, b.String()); err != nil {
			t.Fatalf("rendered text does not read back: %v\n%s", err, b.String())
		}
		if !model.TreeEqual(tree, again) {
			t.Fatalf("round trip changed the tree:\n%s", b.String())
		}
	})
}

// FuzzSetPath feeds arbitrary set lines to the walker: errors point into
// the line, and a path that walks applies and reads back.
func FuzzSetPath(f *testing.F) {
	for _, s := range []string{"system host-name a", "interfaces ge-2/0/1 unit 3 family inet address 1.2.3.4/5",
		"routing-options static route 10.0.0.0/8 next-hop [ 1.1.1.1 ]", "snmp contact \"x y\"", "chassis redundancy routing-engine 1 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		toks, err := parser.Tokenize(line)
		if err != nil {
			return
		}
		w, e := walkPath(vSet, schema, toks, len(line))
		if e != nil {
			if e.off < 0 || e.off > len(line)+1 {
				t.Fatalf("caret at %d for %q", e.off, line)
			}
			return
		}
		var tree []*model.Stmt
		applySet(&tree, schema, w)
		var b strings.Builder
		render(&b, tree, schema, 0)
		var again []*model.Stmt
		if err := readConfig(&again, schema, b.String()); err != nil || !model.TreeEqual(tree, again) {
			t.Fatalf("set %q printed %q which reads back differently (%v)", line, b.String(), err)
		}
	})
}

package parser

import (
	"strings"
	"testing"
)

// FuzzParser feeds arbitrary lines to the tokenizer and to the three
// views of the graph. Nothing may panic, every error must point inside
// the line, and the views must agree: a line that matches can end there
// (`?` after it offers <cr>), and completions extend the partial word.
// Seeds: testdata/fuzz/FuzzParser.
func FuzzParser(f *testing.F) {
	for _, s := range []string{"show redundancy", "sh red", `hostname "Lab Core 1"`, "vlan 4095", `banner motd "open`} {
		f.Add(s)
	}
	g := testGraph(f)
	f.Fuzz(func(t *testing.T, line string) {
		toks, err := Tokenize(line)
		end := 0
		for _, tk := range toks {
			if tk.Offset < end || tk.End() > len(line) || line[tk.Offset:tk.End()] != tk.Raw {
				t.Fatalf("token %+v out of place in %q", tk, line)
			}
			end = tk.End()
		}
		if err != nil {
			pe, ok := AsError(err)
			if !ok || pe.Kind != ErrUnterminated || pe.Offset < end || pe.Offset > len(line) {
				t.Fatalf("tokenize %q: %v", line, err)
			}
		}
		m, err := g.Match(line)
		if err != nil {
			pe, ok := AsError(err)
			if !ok || pe.Offset < 0 || pe.Offset > len(line) {
				t.Fatalf("match %q: %v", line, err)
			}
		} else {
			if m.Command == nil {
				t.Fatalf("match %q: no command", line)
			}
			items, err := g.Describe(line + " ")
			cr := false
			for _, it := range items {
				cr = cr || it.CR
			}
			if err != nil || !cr {
				t.Fatalf("%q matches, yet ? after it offers no <cr>: %v %v", line, items, err)
			}
		}
		if _, err := g.Describe(line); err != nil {
			if _, ok := AsError(err); !ok {
				t.Fatalf("describe %q: %v", line, err)
			}
		}
		partial, cands, err := g.Complete(line)
		if err == nil {
			for _, c := range cands {
				if !strings.HasPrefix(strings.ToLower(c), strings.ToLower(partial)) {
					t.Fatalf("complete %q: %q does not extend %q", line, c, partial)
				}
			}
		}
	})
}

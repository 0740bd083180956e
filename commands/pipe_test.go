package commands

import (
	"regexp"
	"strings"
	"testing"
)

// printer records what reaches the terminal under a filter.
type printer struct {
	Terminal
	out strings.Builder
}

func (p *printer) Print(s string) { p.out.WriteString(s) }

func TestFilterKeepsWholeLines(t *testing.T) {
	text := "vlan 1\n   name \"A\"\n   exit\nvlan 20\n   name \"B\"\nlast"
	for _, c := range []struct {
		kind PipeKind
		re   string
		want string
	}{
		{PipeInclude, "^vlan", "vlan 1\nvlan 20\n"},
		{PipeExclude, "name", "vlan 1\n   exit\nvlan 20\nlast"},
		{PipeBegin, "20", "vlan 20\n   name \"B\"\nlast"},
		{PipeInclude, "nothing", ""},
	} {
		p := &printer{}
		f := NewFilter(p, c.kind, regexp.MustCompile(c.re))
		// a line may arrive in pieces
		for _, piece := range strings.SplitAfter(text, "a") {
			f.Print(piece)
		}
		f.Flush()
		if got := p.out.String(); got != c.want {
			t.Errorf("%d %q: %q, want %q", c.kind, c.re, got, c.want)
		}
	}
}

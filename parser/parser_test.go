package parser

import (
	"reflect"
	"strings"
	"testing"
)

func testGraph(t testing.TB) *Graph {
	t.Helper()
	cmds := []*Command{
		{Spec: "show redundancy", Help: []string{"Show info", "Redundancy status"}},
		{Spec: "show running-config", Help: []string{"Show info", "Running configuration"}},
		{Spec: "show interfaces brief", Help: []string{"Show info", "Port information", "Brief table"}},
		{Spec: "show ip", Help: []string{"Show info", "IP settings"}},
		{Spec: "redundancy active-management <standby|management-module1|management-module2>",
			Help: []string{"Redundancy", "Active at next boot", "The standby module", "Module 1", "Module 2"}},
		{Spec: "[no] redundancy management-module", Help: []string{"Negate", "Redundancy", "Redundant management"}},
		{Spec: "hostname NAME:string", Help: []string{"Set the name", "The name"}},
		{Spec: "vlan VLAN-ID:int(1-4094)", Help: []string{"VLAN context", "A VLAN id"}},
		{Spec: "copy tftp flash IP-ADDR:ipv4 FILENAME:word [<primary|secondary>]",
			Help: []string{"Copy", "From TFTP", "To flash", "Server", "File", "Primary", "Secondary"}},
		{Spec: "banner motd TEXT:text", Help: []string{"Banner", "Message of the day", "The text"}},
	}
	return MustBuild(cmds, nil, Policy{})
}

func TestTokenize(t *testing.T) {
	toks, err := Tokenize(`hostname  "Lab Core 1" x`)
	if err != nil {
		t.Fatal(err)
	}
	want := []Token{
		{Text: "hostname", Raw: "hostname", Offset: 0},
		{Text: "Lab Core 1", Raw: `"Lab Core 1"`, Offset: 10, Quoted: true},
		{Text: "x", Raw: "x", Offset: 23},
	}
	if !reflect.DeepEqual(toks, want) {
		t.Fatalf("got %#v", toks)
	}
	_, err = Tokenize(`banner "open`)
	pe, ok := AsError(err)
	if !ok || pe.Kind != ErrUnterminated || pe.Offset != 7 {
		t.Fatalf("unterminated: %v", err)
	}
	// '#' is an ordinary character, unlike shlex.
	toks, _ = Tokenize("password a#b")
	if toks[1].Text != "a#b" {
		t.Fatalf("hash: %#v", toks)
	}
}

func TestMatchAbbreviations(t *testing.T) {
	g := testGraph(t)
	cases := []struct {
		line string
		spec string
	}{
		{"sh red", "show redundancy"},
		{"SHOW REDUNDANCY", "show redundancy"},
		{"show ip", "show ip"}, // exact match wins over prefix of interfaces? no: ip is exact
		{"sh int br", "show interfaces brief"},
		{"red act management-module2", "redundancy active-management <standby|management-module1|management-module2>"},
		{"no red man", "[no] redundancy management-module"},
		{"redundancy management-module", "[no] redundancy management-module"},
		{"copy tftp flash 10.0.0.1 K_15_06_0017.swi sec", "copy tftp flash IP-ADDR:ipv4 FILENAME:word [<primary|secondary>]"},
		{"copy tftp flash 10.0.0.1 K_15_06_0017.swi", "copy tftp flash IP-ADDR:ipv4 FILENAME:word [<primary|secondary>]"},
	}
	for _, c := range cases {
		m, err := g.Match(c.line)
		if err != nil {
			t.Errorf("%q: %v", c.line, err)
			continue
		}
		if m.Command.Spec != c.spec {
			t.Errorf("%q matched %q, want %q", c.line, m.Command.Spec, c.spec)
		}
	}
}

func TestMatchArgs(t *testing.T) {
	g := testGraph(t)
	m, err := g.Match(`hostname "Lab Core 1"`)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := m.Value("NAME"); v != "Lab Core 1" {
		t.Fatalf("NAME = %q", v)
	}
	m, _ = g.Match("no redundancy management-module")
	if !m.Has("no") {
		t.Fatal("no form not seen")
	}
	m, _ = g.Match("redundancy management-module")
	if m.Has("no") {
		t.Fatal("no form seen without no")
	}
	m, _ = g.Match("copy tftp flash 10.1.1.1 img.swi s")
	if !m.Has("secondary") || m.Has("primary") {
		t.Fatal("choice not recorded")
	}
	if v, _ := m.Value("IP-ADDR"); v != "10.1.1.1" {
		t.Fatalf("IP = %q", v)
	}
	m, _ = g.Match("banner motd Welcome to  the lab  ")
	if v, _ := m.Value("TEXT"); v != "Welcome to  the lab" {
		t.Fatalf("TEXT = %q", v)
	}
}

func TestMatchErrors(t *testing.T) {
	g := testGraph(t)
	cases := []struct {
		line   string
		kind   ErrorKind
		token  string
		offset int
	}{
		{"show bogus", ErrInvalid, "bogus", 5},
		{"sh i", ErrAmbiguous, "i", 3},
		{"show", ErrIncomplete, "show", 4},
		{"", ErrIncomplete, "", 0},
		{"vlan 5000", ErrBadValue, "5000", 5},
		{"vlan ten", ErrInvalid, "ten", 5},
		{"copy tftp flash 300.1.1.1 f", ErrBadValue, "300.1.1.1", 16},
		{"show redundancy extra", ErrInvalid, "extra", 16},
		{`hostname "x`, ErrUnterminated, `"x`, 9},
	}
	for _, c := range cases {
		_, err := g.Match(c.line)
		pe, ok := AsError(err)
		if !ok {
			t.Errorf("%q: error %v", c.line, err)
			continue
		}
		if pe.Kind != c.kind || pe.Token != c.token || pe.Offset != c.offset {
			t.Errorf("%q: got %v %q @%d, want %v %q @%d", c.line, pe.Kind, pe.Token, pe.Offset, c.kind, c.token, c.offset)
		}
	}
}

func TestDescribe(t *testing.T) {
	g := testGraph(t)
	items, err := g.Describe("show ")
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, it := range items {
		words = append(words, it.Word)
	}
	if got := strings.Join(words, ","); got != "interfaces,ip,redundancy,running-config" {
		t.Fatalf("show ?: %s", got)
	}
	items, _ = g.Describe("show r")
	if len(items) != 2 || items[0].Word != "redundancy" || items[1].Word != "running-config" {
		t.Fatalf("show r?: %+v", items)
	}
	items, _ = g.Describe("show redundancy ")
	if len(items) != 1 || !items[0].CR {
		t.Fatalf("CR: %+v", items)
	}
	items, _ = g.Describe("vlan ")
	if len(items) != 1 || !items[0].Param || items[0].Word != "VLAN-ID" {
		t.Fatalf("param: %+v", items)
	}
	if _, err := g.Describe("shw "); err == nil {
		t.Fatal("no error for bad prefix")
	}
}

func TestComplete(t *testing.T) {
	g := testGraph(t)
	p, c, err := g.Complete("sh re")
	if err != nil || p != "re" || len(c) != 1 || c[0] != "redundancy" {
		t.Fatalf("got %q %v %v", p, c, err)
	}
	_, c, _ = g.Complete("redundancy active-management management")
	if !reflect.DeepEqual(c, []string{"management-module1", "management-module2"}) {
		t.Fatalf("got %v", c)
	}
}

func TestBuildRefusesBadSpecs(t *testing.T) {
	bad := [][]*Command{
		{{Spec: "show flash", Help: []string{"only one"}}},
		{{Spec: "show flash", Help: []string{"a", "b"}}, {Spec: "show version", Help: []string{"different", "c"}}},
		{{Spec: "show flash", Help: []string{"a", "b"}}, {Spec: "show flash", Help: []string{"a", "b"}}},
		{{Spec: "show <a|b", Help: []string{"a", "b", "c"}}},
		{{Spec: "vlan ID:nosuchtype", Help: []string{"a", "b"}}},
		{{Spec: "x [", Help: []string{"a"}}},
	}
	for i, cmds := range bad {
		if _, err := Build(cmds, nil, Policy{}); err == nil {
			t.Errorf("case %d: built", i)
		}
	}
}

func TestPolicy(t *testing.T) {
	cmds := []*Command{{Spec: "show version", Help: []string{"a", "b"}}}
	g := MustBuild(cmds, nil, Policy{NoAbbreviation: true, CaseSensitive: true})
	if _, err := g.Match("sh version"); err == nil {
		t.Fatal("abbreviation accepted")
	}
	if _, err := g.Match("SHOW version"); err == nil {
		t.Fatal("case ignored")
	}
	if _, err := g.Match("show version"); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkMatch(b *testing.B) {
	g := testGraph(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := g.Match("sh red"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMatchCommandsAlongTheLine(t *testing.T) {
	ctxCmd := &Command{Spec: "router interface NAME:string", Help: []string{"r", "i", "n"}}
	leaf := &Command{Spec: "router interface NAME:string address A:word", Help: []string{"r", "i", "n", "a", "v"}}
	g := MustBuild([]*Command{ctxCmd, leaf}, nil, Policy{})
	m, err := g.Match(`rou int "to core" addr 10.0.0.1/30`)
	if err != nil {
		t.Fatal(err)
	}
	got := m.Commands()
	want := []*Command{nil, nil, ctxCmd, nil, leaf}
	if len(got) != len(want) {
		t.Fatalf("got %d commands, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: got %v, want %v", i, got[i], want[i])
		}
	}
}

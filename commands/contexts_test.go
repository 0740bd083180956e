package commands

import (
	"strings"
	"testing"

	"github.com/switchsim/switchsim/parser"
)

type tctx struct{ w *Walked[*tctx] }

func testTree(t *testing.T) (*ContextTree[*tctx], map[string]*Command[*tctx]) {
	t.Helper()
	cmds := map[string]*Command[*tctx]{
		"configure":  {Spec: "configure", Help: []string{"c"}, Context: "config"},
		"system":     {Spec: "configure system", Help: []string{"c", "s"}, Context: "system"},
		"name":       {Spec: "configure system name NAME:string", Help: []string{"c", "s", "n", "v"}},
		"if":         {Spec: "configure router interface IF:string", Help: []string{"c", "r", "i", "v"}, Context: "if"},
		"router":     {Spec: "configure router", Help: []string{"c", "r"}, Context: "router"},
		"address":    {Spec: "configure router interface IF:string address A:word", Help: []string{"c", "r", "i", "v", "a", "v"}},
		"show":       {Spec: "show version", Help: []string{"s", "v"}},
		"exit":       {Spec: "exit [all]", Help: []string{"e", "a"}},
		"back":       {Spec: "back", Help: []string{"b"}},
		"unrelated!": {Spec: "copy", Help: []string{"x"}},
	}
	var table []*Command[*tctx]
	for _, k := range []string{"configure", "system", "name", "router", "if", "address", "show", "unrelated!"} {
		table = append(table, cmds[k])
	}
	return BuildContextTree(nil, parser.Policy{}, table, []*Command[*tctx]{cmds["exit"], cmds["back"]}), cmds
}

func TestWalkThroughContexts(t *testing.T) {
	tree, cmds := testTree(t)
	var p Path
	w, err := tree.Walk(&p, `conf router int "to core" address 10.0.0.1/30`, false)
	if err != nil {
		t.Fatal(err)
	}
	if w.Last != cmds["address"] || w.EndsInContext() || w.Global {
		t.Fatalf("last %v, in context %v", w.Last.Spec, w.EndsInContext())
	}
	var names []string
	for _, s := range w.Through {
		names = append(names, s.Cmd.Context+"="+strings.Join(s.Words, " "))
	}
	if got := strings.Join(names, ","); got != `config=conf,router=router,if=int "to core"` {
		t.Fatalf("through %s", got)
	}

	// a line ending at a context enters it: the next line is relative
	w, err = tree.Walk(&p, "configure system", false)
	if err != nil || !w.EndsInContext() {
		t.Fatalf("%v, %v", w, err)
	}
	var fs []Frame
	for _, s := range w.Through {
		fs = append(fs, Frame{Name: s.Cmd.Context, Words: s.Words, Cmd: s.Cmd})
	}
	p.Enter(fs...)
	if p.Prompt() != ">config>system" || p.Created() || p.Current() != cmds["system"] {
		t.Fatalf("path %q", p.Prompt())
	}
	if w, err = tree.Walk(&p, `name "x"`, false); err != nil || w.Last != cmds["name"] || len(w.Through) != 0 {
		t.Fatalf("relative leaf: %v, %v", w, err)
	}
	if _, err = tree.Walk(&p, "show version", false); err == nil {
		t.Fatal("a root command matched inside a context")
	}
	if w, err = tree.Walk(&p, "show version", true); err != nil || w.Last != cmds["show"] {
		t.Fatalf("/show version: %v", err)
	}
	if w, err = tree.Walk(&p, "exit all", false); err != nil || !w.Global {
		t.Fatalf("exit all: %v, %v", w, err)
	}
	if _, err := tree.Walk(&p, "foo", false); err == nil {
		t.Fatal("foo matched")
	} else if pe, ok := parser.AsError(err); !ok || pe.Kind != parser.ErrInvalid || pe.Offset != 0 {
		t.Fatalf("foo: %v", err)
	}
}

func TestPathExitBackRoot(t *testing.T) {
	var p Path
	p.Enter(Frame{Name: "config"})
	p.Enter(Frame{Name: "router"}, Frame{Name: "if", Created: true, Values: map[string]string{"IF": "x"}})
	if p.Prompt() != ">config>router>if" || !p.Created() || p.Depth() != 3 {
		t.Fatalf("path %q", p.Prompt())
	}
	if v, ok := p.Value("IF"); !ok || v != "x" {
		t.Fatalf("IF = %q", v)
	}
	// exit goes back to where the line that entered the context was typed
	if !p.Exit() || p.Prompt() != ">config" {
		t.Fatalf("after exit %q", p.Prompt())
	}
	p.Enter(Frame{Name: "router"}, Frame{Name: "if"})
	p.Back()
	if p.Prompt() != ">config>router" {
		t.Fatalf("after back %q", p.Prompt())
	}
	if !p.Exit() || p.Prompt() != ">config" || !p.Exit() || p.Depth() != 0 {
		t.Fatalf("after two exits %q", p.Prompt())
	}
	if p.Exit() {
		t.Fatal("exit at the root did not report the end of the session")
	}
	p.Enter(Frame{Name: "config"}, Frame{Name: "system"})
	p.Root()
	if p.Depth() != 0 || p.Prompt() != "" || p.Created() {
		t.Fatalf("after exit all %q", p.Prompt())
	}
}

func TestDescribeMarksContexts(t *testing.T) {
	tree, _ := testTree(t)
	var p Path
	items, err := tree.Describe(&p, "configure ", false)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, it := range items {
		got[it.Word] = it.Context
	}
	if !got["system"] || !got["router"] {
		t.Fatalf("items %+v", items)
	}
	items, _ = tree.Describe(&p, "configure system ", false)
	for _, it := range items {
		if it.Word == "name" && it.Context {
			t.Fatal("a leaf marked as a context")
		}
	}
}

func TestContextSpecMustBePlain(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("a context spec with [] was accepted")
		}
	}()
	BuildContextTree(nil, parser.Policy{}, []*Command[*tctx]{{Spec: "configure [x]", Help: []string{"c", "x"}, Context: "c"}}, nil)
}

package commands

import (
	"strings"

	"github.com/switchsim/switchsim/parser"
)

// Context trees: a CLI whose commands are a tree the line itself walks
// (SR OS classic). Some commands are contexts (containers): a line that
// ends at one enters it ("configure system" leaves the session at
// ">config>system"), a line that ends at a leaf runs it and stays where
// it was typed ("configure system location x"), and a line may pass
// through several contexts on its way ("configure router interface x
// address y" names, and may create, the router and interface contexts).
// Inside a context, lines are read relative to it; the globals (exit,
// back, info, logout...) are valid everywhere.
//
// The table is written from the root ("configure system name NAME"); a
// context's spec must be plain words and parameters (no [] or <>), so the
// commands below it can be compiled relative to it: one parser graph per
// context, with the globals in each, drives matching, `?` and Tab there.

// Frame is one context a session is in.
type Frame struct {
	// Name is how the prompt shows the context ("config", "if").
	Name string
	// Words are the tokens that named it below the context above, as
	// typed (quotes kept): ["router"], ["interface", `"to-core"`].
	Words []string
	// Values are the context's parameters ("PORT": "1/1/1").
	Values map[string]string
	// Created: the command that entered the context created what it
	// names; the prompt ends in "$" while the session is in it.
	Created bool
	// Cmd is the context's command (a *Command of the vendor's table).
	Cmd any
	// from is the depth the session was at when the line that entered
	// this context was typed: exit goes back there.
	from int
}

// Path is where a session is in a context tree, from the root.
type Path struct {
	Frames []Frame
}

// Depth is the number of contexts entered (0 at the root).
func (p *Path) Depth() int { return len(p.Frames) }

// Prompt is the path as the prompt shows it: ">config>router>if" ("" at
// the root).
func (p *Path) Prompt() string {
	var b strings.Builder
	for _, f := range p.Frames {
		b.WriteString(">" + f.Name)
	}
	return b.String()
}

// Created reports whether the innermost context was created by the
// command that entered it.
func (p *Path) Created() bool {
	return len(p.Frames) > 0 && p.Frames[len(p.Frames)-1].Created
}

// Current is the innermost context's command (nil at the root).
func (p *Path) Current() any {
	if len(p.Frames) == 0 {
		return nil
	}
	return p.Frames[len(p.Frames)-1].Cmd
}

// Value finds a parameter of the contexts the session is in, innermost
// first.
func (p *Path) Value(name string) (string, bool) {
	for i := len(p.Frames) - 1; i >= 0; i-- {
		if v, ok := p.Frames[i].Values[name]; ok {
			return v, true
		}
	}
	return "", false
}

// Enter adds contexts entered by one line: exit comes back to where the
// line was typed.
func (p *Path) Enter(fs ...Frame) {
	from := len(p.Frames)
	for _, f := range fs {
		f.from = from
		p.Frames = append(p.Frames, f)
	}
}

// Exit goes back to the context from which the innermost one was
// entered; at the root it reports false (the session ends).
func (p *Path) Exit() bool {
	if len(p.Frames) == 0 {
		return false
	}
	p.Frames = p.Frames[:p.Frames[len(p.Frames)-1].from]
	return true
}

// Back goes up one level.
func (p *Path) Back() {
	if len(p.Frames) > 0 {
		p.Frames = p.Frames[:len(p.Frames)-1]
	}
}

// Root leaves every context ("exit all").
func (p *Path) Root() { p.Frames = nil }

// Step is a context a line passes through or ends in.
type Step[X any] struct {
	Cmd *Command[X]
	// Words are the line's tokens that name it, as typed.
	Words []string
}

// Walked is a line matched in a context.
type Walked[X any] struct {
	Match *parser.Match
	// Through are the contexts the line names below the session's
	// context, in order (when the line ends at a context, it is the last
	// of them).
	Through []Step[X]
	// Last is the command the line ends with; Global says it is one of
	// the globals.
	Last   *Command[X]
	Global bool
}

// EndsInContext reports whether the line ends at a context (the session
// enters it).
func (w *Walked[X]) EndsInContext() bool { return w.Last.Context != "" }

// ContextTree is a command table compiled as a tree of contexts.
type ContextTree[X any] struct {
	root    *parser.Graph
	graphs  map[*Command[X]]*parser.Graph
	globals map[*Command[X]]bool
}

// BuildContextTree compiles a table written from the root, and the
// globals valid in every context. A bad table stops the program.
func BuildContextTree[X any](types parser.Types, policy parser.Policy, table, globals []*Command[X]) *ContextTree[X] {
	t := &ContextTree[X]{graphs: map[*Command[X]]*parser.Graph{}, globals: map[*Command[X]]bool{}}
	for _, g := range globals {
		t.globals[g] = true
	}
	build := func(prefix []string) *parser.Graph {
		var cmds []*parser.Command
		for _, c := range table {
			words := strings.Fields(c.Spec)
			if len(words) <= len(prefix) || !samePrefix(words, prefix) {
				continue
			}
			cmds = append(cmds, &parser.Command{Spec: strings.Join(words[len(prefix):], " "),
				Help: c.Help[len(prefix):], Data: c})
		}
		for _, g := range globals {
			cmds = append(cmds, &parser.Command{Spec: g.Spec, Help: g.Help, Data: g})
		}
		return parser.MustBuild(cmds, types, policy)
	}
	t.root = build(nil)
	for _, c := range table {
		if c.Context == "" {
			continue
		}
		words := strings.Fields(c.Spec)
		for _, w := range words {
			if strings.ContainsAny(w, "[]<>|") {
				panic("commands: context spec " + c.Spec + " is not plain words and parameters")
			}
		}
		t.graphs[c] = build(words)
	}
	return t
}

func samePrefix(words, prefix []string) bool {
	for i, p := range prefix {
		if words[i] != p {
			return false
		}
	}
	return true
}

// Graph is the graph of the path's context.
func (t *ContextTree[X]) Graph(p *Path) *parser.Graph {
	if c, ok := p.Current().(*Command[X]); ok {
		if g := t.graphs[c]; g != nil {
			return g
		}
	}
	return t.root
}

// Root is the graph of the root context (lines typed after "/").
func (t *ContextTree[X]) Root() *parser.Graph { return t.root }

// Walk matches a line typed in the path's context (or, with root, in the
// root context) and lists the contexts it passes through.
func (t *ContextTree[X]) Walk(p *Path, line string, root bool) (*Walked[X], error) {
	g := t.Graph(p)
	if root {
		g = t.root
	}
	m, err := g.Match(line)
	if err != nil {
		return nil, err
	}
	w := &Walked[X]{Match: m, Last: m.Command.Data.(*Command[X])}
	w.Global = t.globals[w.Last]
	if w.Global {
		return w, nil
	}
	start := 0
	for i, pc := range m.Commands() {
		if pc == nil {
			continue
		}
		c := pc.Data.(*Command[X])
		if c.Context == "" {
			continue
		}
		var words []string
		for _, tok := range m.Tokens[start : i+1] {
			words = append(words, tok.Raw)
		}
		w.Through = append(w.Through, Step[X]{Cmd: c, Words: words})
		start = i + 1
	}
	return w, nil
}

// ContextItem is one line of `?` help in a context tree: the parser's
// item, and whether the keyword leads to a context.
type ContextItem struct {
	parser.Item
	Context bool
}

// Describe lists what may follow the line in the path's context.
func (t *ContextTree[X]) Describe(p *Path, line string, root bool) ([]ContextItem, error) {
	g := t.Graph(p)
	if root {
		g = t.root
	}
	items, err := g.Describe(line)
	if err != nil {
		return nil, err
	}
	base := line
	if i := strings.LastIndexAny(line, " \t"); i >= 0 {
		base = line[:i+1]
	} else {
		base = ""
	}
	out := make([]ContextItem, len(items))
	for i, it := range items {
		out[i].Item = it
		if it.CR || it.Param {
			continue
		}
		if m, err := g.Match(base + it.Word); err == nil {
			out[i].Context = m.Command.Data.(*Command[X]).Context != ""
		}
	}
	return out, nil
}

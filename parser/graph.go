package parser

import (
	"fmt"
	"sort"
	"strings"
)

// Command is one spec with its help lines and whatever the vendor attaches
// (usually a handler). The parser never looks inside Data.
type Command struct {
	Spec string
	Help []string
	Data any
}

// Policy holds the matching rules that differ between vendors.
type Policy struct {
	// CaseSensitive makes keywords match only in their own case.
	CaseSensitive bool
	// NoAbbreviation requires whole keywords.
	NoAbbreviation bool
}

// Node is a point in the graph: the token that leads to it, and what may
// follow.
type Node struct {
	Keyword  string     // set for keyword nodes
	Param    string     // set for parameter nodes: the display name
	Type     *ParamType // parameter type
	Help     string
	Children []*Node
	Command  *Command // non-nil when a command may end here
}

// IsParam reports whether the node is a parameter.
func (n *Node) IsParam() bool { return n.Type != nil }

// Graph is the compiled command set of one CLI mode.
type Graph struct {
	root   *Node
	policy Policy
}

// Build compiles the commands into a graph. It refuses a spec whose help
// lines do not match its tokens one to one, a token given two different
// helps by two commands, and two commands that end at the same place.
func Build(cmds []*Command, types Types, policy Policy) (*Graph, error) {
	if types == nil {
		types = BuiltinTypes()
	}
	g := &Graph{root: &Node{}, policy: policy}
	for _, c := range cmds {
		if err := g.add(c, types); err != nil {
			return nil, err
		}
	}
	var missing error
	g.walk(g.root, nil, func(n *Node, path []string) {
		if missing == nil && n != g.root && n.Help == "" {
			missing = fmt.Errorf("parser: token %q has no help line", strings.Join(path, " "))
		}
	})
	if missing != nil {
		return nil, missing
	}
	return g, nil
}

// MustBuild is Build for vendor tables compiled at start-up: a bad table is
// a programming error and should stop the program loudly.
func MustBuild(cmds []*Command, types Types, policy Policy) *Graph {
	g, err := Build(cmds, types, policy)
	if err != nil {
		panic(err)
	}
	return g
}

func (g *Graph) walk(n *Node, path []string, fn func(*Node, []string)) {
	fn(n, path)
	for _, c := range n.Children {
		g.walk(c, append(path, c.label()), fn)
	}
}

func (n *Node) label() string {
	if n.Type != nil {
		return n.Param
	}
	return n.Keyword
}

func (g *Graph) add(c *Command, types Types) error {
	spec, err := parseSpec(c.Spec)
	if err != nil {
		return err
	}
	leaves := spec.leaves(nil)
	if len(leaves) != len(c.Help) {
		return &SpecError{Spec: c.Spec, Msg: fmt.Sprintf("%d tokens but %d help lines", len(leaves), len(c.Help))}
	}
	for i, l := range leaves {
		l.help = c.Help[i]
	}
	for _, path := range spec.paths() {
		if len(path) == 0 {
			return &SpecError{Spec: c.Spec, Msg: "a path of the spec is empty"}
		}
		n := g.root
		for _, leaf := range path {
			child, err := g.child(n, leaf, types, c.Spec)
			if err != nil {
				return err
			}
			n = child
		}
		if n.Command != nil && n.Command != c {
			return &SpecError{Spec: c.Spec, Msg: "same path as " + n.Command.Spec}
		}
		n.Command = c
	}
	return nil
}

// child finds or creates the child of n for a leaf, keeping helps in step.
func (g *Graph) child(n *Node, leaf *element, types Types, spec string) (*Node, error) {
	var pt *ParamType
	if leaf.kind == elemParam {
		var err error
		if pt, err = types.lookup(leaf.typeName); err != nil {
			return nil, &SpecError{Spec: spec, Msg: err.Error()}
		}
	}
	for _, ch := range n.Children {
		same := leaf.kind == elemKeyword && ch.Type == nil && ch.Keyword == leaf.word ||
			leaf.kind == elemParam && ch.Type != nil && ch.Param == leaf.word && ch.Type.Name == pt.Name
		if !same {
			continue
		}
		switch {
		case leaf.help == "":
		case ch.Help == "":
			ch.Help = leaf.help
		case ch.Help != leaf.help:
			return nil, &SpecError{Spec: spec, Msg: fmt.Sprintf("token %q has help %q here but %q elsewhere", leaf.word, leaf.help, ch.Help)}
		}
		return ch, nil
	}
	nn := &Node{Help: leaf.help}
	if leaf.kind == elemParam {
		nn.Param, nn.Type = leaf.word, pt
	} else {
		nn.Keyword = leaf.word
	}
	n.Children = append(n.Children, nn)
	return nn, nil
}

func (g *Graph) equal(kw, tok string) bool {
	if g.policy.CaseSensitive {
		return kw == tok
	}
	return strings.EqualFold(kw, tok)
}

func (g *Graph) hasPrefix(kw, tok string) bool {
	if len(tok) > len(kw) {
		return false
	}
	return g.equal(kw[:len(tok)], tok)
}

// step moves from n over one token. rest is the line from the token on, for
// parameters that take the rest of the line.
func (g *Graph) step(n *Node, t Token) (*Node, *Error) {
	var prefix []*Node
	for _, ch := range n.Children {
		if ch.Type != nil || t.Quoted {
			continue
		}
		if g.equal(ch.Keyword, t.Text) {
			return ch, nil
		}
		if !g.policy.NoAbbreviation && t.Text != "" && g.hasPrefix(ch.Keyword, t.Text) {
			prefix = append(prefix, ch)
		}
	}
	if len(prefix) == 1 {
		return prefix[0], nil
	}
	if len(prefix) > 1 {
		e := &Error{Kind: ErrAmbiguous, Token: t.Text, Offset: t.Offset}
		for _, p := range prefix {
			e.Candidates = append(e.Candidates, p.Keyword)
		}
		return nil, e
	}
	var bad *Error
	for _, ch := range n.Children {
		if ch.Type == nil {
			continue
		}
		if ch.Type.Looks != nil && !ch.Type.Looks(t.Text) {
			continue
		}
		if why := ch.Type.Check(t.Text); why != "" {
			if bad == nil {
				bad = &Error{Kind: ErrBadValue, Token: t.Text, Offset: t.Offset, Detail: why}
			}
			continue
		}
		return ch, nil
	}
	if bad != nil {
		return nil, bad
	}
	return nil, &Error{Kind: ErrInvalid, Token: t.Text, Offset: t.Offset}
}

// Match is a successful parse: the command and what each token matched.
type Match struct {
	Command *Command
	Tokens  []Token
	nodes   []*Node
	rest    string // value of a rest-of-line parameter
}

// Match parses a whole line into a command. An empty line is
// ErrIncomplete with an empty token.
func (g *Graph) Match(line string) (*Match, error) {
	toks, err := Tokenize(line)
	if err != nil {
		return nil, err
	}
	m := &Match{Tokens: toks, nodes: make([]*Node, 0, len(toks))}
	n := g.root
	for i, t := range toks {
		next, perr := g.step(n, t)
		if perr != nil {
			return nil, perr
		}
		n = next
		m.nodes = append(m.nodes, n)
		if n.Type != nil && n.Type.Rest {
			m.rest = strings.TrimRight(line[t.Offset:], " \t")
			if t.Quoted && i == len(toks)-1 {
				m.rest = t.Text
			}
			break
		}
	}
	if n.Command == nil {
		e := &Error{Kind: ErrIncomplete, Offset: len(line)}
		if len(toks) > 0 {
			e.Token = toks[len(toks)-1].Text
		}
		return nil, e
	}
	m.Command = n.Command
	return m, nil
}

// Has reports whether the keyword was part of the line.
func (m *Match) Has(keyword string) bool {
	for _, n := range m.nodes {
		if n.Type == nil && n.Keyword == keyword {
			return true
		}
	}
	return false
}

// Value returns the value given for a parameter.
func (m *Match) Value(name string) (string, bool) {
	for i, n := range m.nodes {
		if n.Type != nil && n.Param == name {
			if n.Type.Rest {
				return m.rest, true
			}
			return m.Tokens[i].Text, true
		}
	}
	return "", false
}

// Item is one line of `?` help: a keyword or a parameter that may come
// next, or the end of the command (CR).
type Item struct {
	Word  string
	Help  string
	Param bool
	CR    bool
}

// walkTo follows every complete token of the line and returns the node
// reached and the partial last word ("" when the line ends in a blank).
func (g *Graph) walkTo(line string) (*Node, string, error) {
	toks, err := Tokenize(line)
	if err != nil {
		return nil, "", err
	}
	partial := ""
	if n := len(line); n > 0 && line[n-1] != ' ' && line[n-1] != '\t' && len(toks) > 0 {
		partial = toks[len(toks)-1].Text
		toks = toks[:len(toks)-1]
	}
	n := g.root
	for _, t := range toks {
		next, perr := g.step(n, t)
		if perr != nil {
			return nil, "", perr
		}
		n = next
		if n.Type != nil && n.Type.Rest {
			return n, "", nil
		}
	}
	return n, partial, nil
}

// Describe lists what may be typed at the end of the line, for `?`. When
// the line ends inside a word, only the keywords that word begins (and
// parameters it could be) are listed. Keywords come in alphabetical order,
// then parameters, then CR when the command may end here.
func (g *Graph) Describe(line string) ([]Item, error) {
	n, partial, err := g.walkTo(line)
	if err != nil {
		return nil, err
	}
	endsInWord := len(line) > 0 && line[len(line)-1] != ' ' && line[len(line)-1] != '\t'
	var kws, params []Item
	for _, ch := range n.Children {
		if ch.Type != nil {
			if n.Type != nil && n.Type.Rest {
				continue
			}
			if endsInWord && ch.Type.Looks != nil && !ch.Type.Looks(partial) {
				continue
			}
			params = append(params, Item{Word: ch.Param, Help: ch.Help, Param: true})
			continue
		}
		if endsInWord && !g.hasPrefix(ch.Keyword, partial) {
			continue
		}
		kws = append(kws, Item{Word: ch.Keyword, Help: ch.Help})
	}
	sort.Slice(kws, func(i, j int) bool { return kws[i].Word < kws[j].Word })
	items := append(kws, params...)
	if n.Command != nil && (!endsInWord || n.Type != nil && n.Type.Rest) {
		items = append(items, Item{CR: true})
	}
	return items, nil
}

// Complete returns the partial word at the end of the line and the
// keywords it could be completed to, sorted.
func (g *Graph) Complete(line string) (string, []string, error) {
	n, partial, err := g.walkTo(line)
	if err != nil {
		return "", nil, err
	}
	var out []string
	for _, ch := range n.Children {
		if ch.Type == nil && g.hasPrefix(ch.Keyword, partial) {
			out = append(out, ch.Keyword)
		}
	}
	sort.Strings(out)
	return partial, out, nil
}

package parser

import (
	"strings"
)

// element is one node of a parsed spec: a leaf (keyword or parameter), a
// choice between leaves, an optional sequence, or a sequence.
type element struct {
	kind     elemKind
	word     string // keyword text or parameter display name
	typeName string // parameter type
	help     string
	items    []*element // seq / optional contents; choice alternatives
}

type elemKind int

const (
	elemKeyword elemKind = iota
	elemParam
	elemChoice
	elemOptional
	elemSeq
)

// parseSpec compiles a spec string into a sequence element.
func parseSpec(spec string) (*element, error) {
	p := specParser{spec: spec}
	seq, err := p.seq(0)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, &SpecError{Spec: spec, Msg: "unexpected " + p.toks[p.pos]}
	}
	if len(seq.items) == 0 {
		return nil, &SpecError{Spec: spec, Msg: "empty spec"}
	}
	return seq, nil
}

type specParser struct {
	spec string
	toks []string
	pos  int
}

// lex splits a spec into words and the structural characters [ ] < > |.
func (p *specParser) lex() {
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			p.toks = append(p.toks, cur.String())
			cur.Reset()
		}
	}
	for _, r := range p.spec {
		switch r {
		case ' ', '\t':
			flush()
		case '[', ']', '<', '>', '|':
			flush()
			p.toks = append(p.toks, string(r))
		default:
			cur.WriteRune(r)
		}
	}
	flush()
}

func (p *specParser) seq(depth int) (*element, error) {
	if p.toks == nil {
		p.lex()
	}
	seq := &element{kind: elemSeq}
	for p.pos < len(p.toks) {
		t := p.toks[p.pos]
		switch t {
		case "]":
			if depth == 0 {
				return nil, &SpecError{Spec: p.spec, Msg: "unbalanced ]"}
			}
			return seq, nil
		case "[":
			p.pos++
			inner, err := p.seq(depth + 1)
			if err != nil {
				return nil, err
			}
			if p.pos >= len(p.toks) || p.toks[p.pos] != "]" {
				return nil, &SpecError{Spec: p.spec, Msg: "unclosed ["}
			}
			p.pos++
			if len(inner.items) == 0 {
				return nil, &SpecError{Spec: p.spec, Msg: "empty []"}
			}
			seq.items = append(seq.items, &element{kind: elemOptional, items: inner.items})
		case "<":
			p.pos++
			ch := &element{kind: elemChoice}
			for {
				if p.pos >= len(p.toks) {
					return nil, &SpecError{Spec: p.spec, Msg: "unclosed <"}
				}
				w := p.toks[p.pos]
				if isStructural(w) {
					return nil, &SpecError{Spec: p.spec, Msg: "expected a word in <>, got " + w}
				}
				leaf, err := p.leaf(w)
				if err != nil {
					return nil, err
				}
				ch.items = append(ch.items, leaf)
				p.pos++
				if p.pos >= len(p.toks) {
					return nil, &SpecError{Spec: p.spec, Msg: "unclosed <"}
				}
				if p.toks[p.pos] == ">" {
					p.pos++
					break
				}
				if p.toks[p.pos] != "|" {
					return nil, &SpecError{Spec: p.spec, Msg: "expected | or > in <>"}
				}
				p.pos++
			}
			seq.items = append(seq.items, ch)
		case ">", "|":
			return nil, &SpecError{Spec: p.spec, Msg: "unexpected " + t}
		default:
			leaf, err := p.leaf(t)
			if err != nil {
				return nil, err
			}
			seq.items = append(seq.items, leaf)
			p.pos++
		}
	}
	return seq, nil
}

func isStructural(s string) bool {
	return s == "[" || s == "]" || s == "<" || s == ">" || s == "|"
}

func (p *specParser) leaf(w string) (*element, error) {
	if i := strings.IndexByte(w, ':'); i >= 0 {
		name, typ := w[:i], w[i+1:]
		if name == "" || typ == "" {
			return nil, &SpecError{Spec: p.spec, Msg: "bad parameter " + w}
		}
		return &element{kind: elemParam, word: name, typeName: typ}, nil
	}
	return &element{kind: elemKeyword, word: w}, nil
}

// leaves lists the spec's leaves in the order they appear, which is the
// order of the help lines.
func (e *element) leaves(out []*element) []*element {
	switch e.kind {
	case elemKeyword, elemParam:
		return append(out, e)
	default:
		for _, it := range e.items {
			out = it.leaves(out)
		}
	}
	return out
}

// paths expands optional parts and choices into every concrete sequence of
// leaves the spec accepts.
func (e *element) paths() [][]*element {
	switch e.kind {
	case elemKeyword, elemParam:
		return [][]*element{{e}}
	case elemChoice:
		var out [][]*element
		for _, it := range e.items {
			out = append(out, []*element{it})
		}
		return out
	case elemOptional:
		inner := (&element{kind: elemSeq, items: e.items}).paths()
		return append([][]*element{{}}, inner...)
	}
	// sequence: cartesian product of the items' paths
	out := [][]*element{{}}
	for _, it := range e.items {
		sub := it.paths()
		var next [][]*element
		for _, prefix := range out {
			for _, s := range sub {
				p := make([]*element, 0, len(prefix)+len(s))
				p = append(p, prefix...)
				p = append(p, s...)
				next = append(next, p)
			}
		}
		out = next
	}
	return out
}

package netconf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// Node is an XML element as a client sent it or a reply holds it: its
// name (Space is the namespace URI on input; on output a prefix written
// as is, "junos:style"), attributes, text and children.
type Node struct {
	Name xml.Name
	Attr []xml.Attr
	Text string
	Kids []*Node
	// Indented (on output): the element and everything in it are written
	// indented, four spaces a level, as Junos writes a configuration
	// inside an otherwise flat reply.
	Indented bool
	// Raw (on output) is written as it is, escaped already, instead of
	// Text ("<![CDATA[" not used: Junos escapes).
	Raw bool
}

// Limits bound what one message may make the parser build.
type Limits struct {
	Depth    int // element nesting
	Elements int // elements in one message
}

// DefaultLimits are far above anything a client sends for a
// configuration (a Junos configuration nests about ten deep).
var DefaultLimits = Limits{Depth: 64, Elements: 200000}

// Parse errors.
var (
	ErrTooDeep       = errors.New("netconf: elements nested too deep")
	ErrTooMany       = errors.New("netconf: too many elements")
	ErrDirective     = errors.New("netconf: DTDs and directives are not accepted")
	ErrNotOneElement = errors.New("netconf: a message is one element")
)

// Parse reads one message into its root element. Go's decoder expands
// no entities but the five predefined and numeric ones, and refuses
// invalid UTF-8; a DOCTYPE (or any directive) is refused here, and Limits
// bound depth and size. Comments and processing instructions are dropped.
func Parse(data []byte, lim Limits) (*Node, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("netconf: invalid UTF-8")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var root *Node
	var stack []*Node
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, ErrNotOneElement
			}
			if lim.Depth > 0 && len(stack) >= lim.Depth {
				return nil, ErrTooDeep
			}
			count++
			if lim.Elements > 0 && count > lim.Elements {
				return nil, ErrTooMany
			}
			n := &Node{Name: t.Name}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue // namespace declarations: the names carry them
				}
				n.Attr = append(n.Attr, a)
			}
			if len(stack) == 0 {
				root = n
			} else {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, ErrNotOneElement
				}
				continue
			}
			stack[len(stack)-1].Text += string(t)
		case xml.Directive:
			return nil, ErrDirective
		}
	}
	if root == nil {
		return nil, ErrNotOneElement
	}
	return root, nil
}

// Kid is the first child with the local name, or nil.
func (n *Node) Kid(local string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Name.Local == local {
			return k
		}
	}
	return nil
}

// Has reports whether a child of that local name is there.
func (n *Node) Has(local string) bool { return n.Kid(local) != nil }

// KidText is the trimmed text of the first child with the local name.
func (n *Node) KidText(local string) string {
	if k := n.Kid(local); k != nil {
		return strings.TrimSpace(k.Text)
	}
	return ""
}

// Get is the value of the attribute with the local name ("" when absent).
func (n *Node) Get(local string) string {
	v, _ := n.Lookup(local)
	return v
}

// Lookup is the value of the attribute with the local name.
func (n *Node) Lookup(local string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// ---- building replies ----

// E builds an element: attrs are name, value pairs; kids are *Node,
// []*Node or a string (the element's text).
func E(name string, attrs []string, kids ...any) *Node {
	n := &Node{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.Attr = append(n.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	for _, k := range kids {
		switch v := k.(type) {
		case *Node:
			if v != nil {
				n.Kids = append(n.Kids, v)
			}
		case []*Node:
			n.Kids = append(n.Kids, v...)
		case string:
			n.Text += v
		}
	}
	return n
}

// T is an element holding text.
func T(name, text string) *Node { return &Node{Name: xml.Name{Local: name}, Text: text} }

// A lists attributes for E.
func A(pairs ...string) []string { return pairs }

// Escape writes s with &, < and > escaped (and quotes in attributes).
func Escape(s string, attr bool) string {
	if plain(s, attr) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case r == utf8.RuneError, r < 0x20 && r != '\n' && r != '\r' && r != '\t':
			// not allowed in XML 1.0
			b.WriteString("&#xFFFD;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plain reports whether s needs no escaping: no markup characters, no
// control characters, valid UTF-8.
func plain(s string, attr bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&' || c == '<' || c == '>' || attr && c == '"':
			return false
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t':
			return false
		case c >= 0x80:
			return utf8.ValidString(s[i:]) && !strings.ContainsRune(s[i:], utf8.RuneError) && plainRest(s[i:], attr)
		}
	}
	return true
}

// plainRest checks the rest of a string past its first non-ASCII byte.
func plainRest(s string, attr bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '&' || c == '<' || c == '>' || attr && c == '"' || c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

func (n *Node) open(b *strings.Builder) {
	b.WriteByte('<')
	b.WriteString(n.Name.Local)
	for _, a := range n.Attr {
		b.WriteByte(' ')
		if a.Name.Space != "" {
			b.WriteString(a.Name.Space)
			b.WriteByte(':')
		}
		b.WriteString(a.Name.Local)
		b.WriteString(`="`)
		b.WriteString(Escape(a.Value, true))
		b.WriteByte('"')
	}
}

func (n *Node) text() string {
	if n.Raw {
		return n.Text
	}
	return Escape(n.Text, false)
}

// WriteFlat writes the element one tag a line without indentation, as
// Junos's XML API writes replies; an Indented element inside is written
// indented from column 0.
func (n *Node) WriteFlat(b *strings.Builder) {
	if n.Indented {
		n.WriteIndented(b, 0)
		return
	}
	n.open(b)
	switch {
	case len(n.Kids) == 0 && n.Text == "":
		b.WriteString("/>\n")
	case len(n.Kids) == 0:
		b.WriteByte('>')
		b.WriteString(n.text())
		n.close(b)
	default:
		b.WriteString(">\n")
		if n.Text != "" {
			b.WriteString(n.text())
		}
		for _, k := range n.Kids {
			k.WriteFlat(b)
		}
		n.close(b)
	}
}

func (n *Node) close(b *strings.Builder) {
	b.WriteString("</")
	b.WriteString(n.Name.Local)
	b.WriteString(">\n")
}

// WriteIndented writes the element indented by level*4 spaces, its
// children a level further (the CLI's "| display xml").
func (n *Node) WriteIndented(b *strings.Builder, level int) {
	pad := strings.Repeat("    ", level)
	b.WriteString(pad)
	n.open(b)
	switch {
	case len(n.Kids) == 0 && n.Text == "":
		b.WriteString("/>\n")
	case len(n.Kids) == 0:
		b.WriteString(">" + n.text() + "</" + n.Name.Local + ">\n")
	default:
		b.WriteString(">\n")
		for _, k := range n.Kids {
			k.WriteIndented(b, level+1)
		}
		b.WriteString(pad + "</" + n.Name.Local + ">\n")
	}
}

// String is the element written flat.
func (n *Node) String() string {
	var b strings.Builder
	n.WriteFlat(&b)
	return b.String()
}

// OpenTag is the element's start tag without its closing ">"
// ("<configuration junos:commit-seconds=\"1\""), for writers of their own.
func (n *Node) OpenTag() string {
	var b strings.Builder
	n.open(&b)
	return b.String()
}

package scenario

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Error is a problem in a scenario file, with the file, line and field.
type Error struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Msg)
}

// Decoder walks a YAML tree by hand so every error can name the line and
// field, and unknown keys are refused rather than ignored. Scenario files
// use it, and so do the files that list scenarios (inventories).
type Decoder struct {
	file string
	err  *Error
}

// NewDecoder starts a decoder for a file (named in its errors).
func NewDecoder(file string) *Decoder { return &Decoder{file: file} }

// Err is the first error found, or nil.
func (d *Decoder) Err() error {
	if d.err == nil {
		return nil
	}
	return d.err
}

// ParseYAML parses YAML text into its node tree, or an Error with the line.
func ParseYAML(file string, data []byte) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, YAMLError(file, err)
	}
	return &root, nil
}

// Fail records the first error: at the node's line, naming the field.
func (d *Decoder) Fail(n *yaml.Node, field, format string, args ...any) {
	if d.err != nil {
		return
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	d.err = &Error{File: d.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Map is one YAML mapping being read, with the keys asked for so far.
type Map struct {
	d    *Decoder
	n    *yaml.Node
	path string
	seen map[string]bool
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Mapping reads n (a mapping, or a document holding one) at path; a
// missing or empty node reads as an empty mapping.
func (d *Decoder) Mapping(n *yaml.Node, path string) *Map {
	m := &Map{d: d, n: n, path: path, seen: map[string]bool{}}
	if n == nil || n.Kind == 0 || n.Kind == yaml.DocumentNode && len(n.Content) == 0 {
		m.n = nil
		return m
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		m.n = n.Content[0]
	}
	if m.n.Kind != yaml.MappingNode {
		if m.n.Tag == "!!null" {
			m.n = nil
			return m
		}
		d.Fail(m.n, path, "expected a mapping")
		m.n = nil
	}
	return m
}

// get returns the value node of key, or nil.
func (m *Map) Get(key string) *yaml.Node {
	m.seen[key] = true
	if m.n == nil {
		return nil
	}
	for i := 0; i+1 < len(m.n.Content); i += 2 {
		if m.n.Content[i].Value == key {
			v := m.n.Content[i+1]
			if v.Tag == "!!null" {
				return nil
			}
			return v
		}
	}
	return nil
}

func (m *Map) Has(key string) bool { return m.Get(key) != nil }

// done refuses keys nobody asked for.
func (m *Map) Done() {
	if m.n == nil {
		return
	}
	for i := 0; i+1 < len(m.n.Content); i += 2 {
		k := m.n.Content[i]
		if !m.seen[k.Value] {
			var known []string
			for s := range m.seen {
				known = append(known, s)
			}
			m.d.Fail(k, join(m.path, k.Value), "unknown field")
		}
	}
}

func (m *Map) Scalar(key string) (*yaml.Node, bool) {
	v := m.Get(key)
	if v == nil {
		return nil, false
	}
	if v.Kind != yaml.ScalarNode {
		m.d.Fail(v, join(m.path, key), "expected a single value")
		return nil, false
	}
	return v, true
}

func (m *Map) Str(key, def string) string {
	v, ok := m.Scalar(key)
	if !ok {
		return def
	}
	return v.Value
}

func (m *Map) Integer(key string, def int) int {
	v, ok := m.Scalar(key)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v.Value, "_", ""))
	if err != nil {
		m.d.Fail(v, join(m.path, key), "%q is not a whole number", v.Value)
		return def
	}
	return n
}

// IntegerIn reads a whole number that must lie in lo..hi.
func (m *Map) IntegerIn(key string, def, lo, hi int) int {
	v, ok := m.Scalar(key)
	if !ok {
		return def
	}
	n := m.Integer(key, def)
	if m.d.err == nil && (n < lo || n > hi) {
		m.d.Fail(v, join(m.path, key), "%d is not in %d-%d", n, lo, hi)
		return def
	}
	return n
}

// Node is the mapping's own node (nil when missing).
func (m *Map) Node() *yaml.Node { return m.n }

// Field names a key of this mapping as errors print it.
func (m *Map) Field(key string) string { return join(m.path, key) }

func (m *Map) Boolean(key string, def bool) bool {
	v, ok := m.Scalar(key)
	if !ok {
		return def
	}
	switch strings.ToLower(v.Value) {
	case "true", "yes", "on":
		return true
	case "false", "no", "off":
		return false
	}
	m.d.Fail(v, join(m.path, key), "%q is not true or false", v.Value)
	return def
}

// timeLayouts are the accepted date-time spellings.
var timeLayouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

func (m *Map) When(key string) time.Time {
	v, ok := m.Scalar(key)
	if !ok || v.Value == "" {
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, v.Value); err == nil {
			return t
		}
	}
	m.d.Fail(v, join(m.path, key), "%q is not a time like 2014-01-26 17:34:07", v.Value)
	return time.Time{}
}

func (m *Map) Duration(key string, def time.Duration) time.Duration {
	v, ok := m.Scalar(key)
	if !ok {
		return def
	}
	d, err := time.ParseDuration(v.Value)
	if err != nil || d < 0 {
		m.d.Fail(v, join(m.path, key), "%q is not a duration like 90s", v.Value)
		return def
	}
	return d
}

// oneOf reads a value that must be one of choices.
func (m *Map) OneOf(key, def string, choices ...string) string {
	v, ok := m.Scalar(key)
	if !ok {
		return def
	}
	for _, c := range choices {
		if v.Value == c {
			return c
		}
	}
	m.d.Fail(v, join(m.path, key), "%q is not one of %s", v.Value, strings.Join(choices, ", "))
	return def
}

// list returns the items of a sequence.
func (m *Map) List(key string) []*yaml.Node {
	v := m.Get(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.d.Fail(v, join(m.path, key), "expected a list")
		return nil
	}
	return v.Content
}

// ints reads a list of whole numbers.
func (m *Map) Ints(key string) []int {
	var out []int
	for i, it := range m.List(key) {
		n, err := strconv.Atoi(it.Value)
		if it.Kind != yaml.ScalarNode || err != nil {
			m.d.Fail(it, fmt.Sprintf("%s[%d]", join(m.path, key), i), "%q is not a whole number", it.Value)
			return nil
		}
		out = append(out, n)
	}
	return out
}

// strs reads a list of strings.
func (m *Map) Strs(key string) []string {
	var out []string
	for i, it := range m.List(key) {
		if it.Kind != yaml.ScalarNode {
			m.d.Fail(it, fmt.Sprintf("%s[%d]", join(m.path, key), i), "expected a single value")
			return nil
		}
		out = append(out, it.Value)
	}
	return out
}

// StrsDone reads a list of strings and finishes the mapping.
func (m *Map) StrsDone(key string) []string {
	v := m.Strs(key)
	m.Done()
	return v
}

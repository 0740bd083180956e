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

// decoder walks a YAML tree by hand so every error can name the line and
// field, and unknown keys are refused rather than ignored.
type decoder struct {
	file string
	err  *Error
}

func (d *decoder) fail(n *yaml.Node, field, format string, args ...any) {
	if d.err != nil {
		return
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	d.err = &Error{File: d.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

type mapping struct {
	d    *decoder
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

func (d *decoder) mapping(n *yaml.Node, path string) *mapping {
	m := &mapping{d: d, n: n, path: path, seen: map[string]bool{}}
	if n == nil {
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
		d.fail(m.n, path, "expected a mapping")
		m.n = nil
	}
	return m
}

// get returns the value node of key, or nil.
func (m *mapping) get(key string) *yaml.Node {
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

func (m *mapping) has(key string) bool { return m.get(key) != nil }

// done refuses keys nobody asked for.
func (m *mapping) done() {
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
			m.d.fail(k, join(m.path, k.Value), "unknown field")
		}
	}
}

func (m *mapping) scalar(key string) (*yaml.Node, bool) {
	v := m.get(key)
	if v == nil {
		return nil, false
	}
	if v.Kind != yaml.ScalarNode {
		m.d.fail(v, join(m.path, key), "expected a single value")
		return nil, false
	}
	return v, true
}

func (m *mapping) str(key, def string) string {
	v, ok := m.scalar(key)
	if !ok {
		return def
	}
	return v.Value
}

func (m *mapping) integer(key string, def int) int {
	v, ok := m.scalar(key)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v.Value, "_", ""))
	if err != nil {
		m.d.fail(v, join(m.path, key), "%q is not a whole number", v.Value)
		return def
	}
	return n
}

func (m *mapping) boolean(key string, def bool) bool {
	v, ok := m.scalar(key)
	if !ok {
		return def
	}
	switch strings.ToLower(v.Value) {
	case "true", "yes", "on":
		return true
	case "false", "no", "off":
		return false
	}
	m.d.fail(v, join(m.path, key), "%q is not true or false", v.Value)
	return def
}

// timeLayouts are the accepted date-time spellings.
var timeLayouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

func (m *mapping) when(key string) time.Time {
	v, ok := m.scalar(key)
	if !ok || v.Value == "" {
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, v.Value); err == nil {
			return t
		}
	}
	m.d.fail(v, join(m.path, key), "%q is not a time like 2014-01-26 17:34:07", v.Value)
	return time.Time{}
}

func (m *mapping) duration(key string, def time.Duration) time.Duration {
	v, ok := m.scalar(key)
	if !ok {
		return def
	}
	d, err := time.ParseDuration(v.Value)
	if err != nil || d < 0 {
		m.d.fail(v, join(m.path, key), "%q is not a duration like 90s", v.Value)
		return def
	}
	return d
}

// oneOf reads a value that must be one of choices.
func (m *mapping) oneOf(key, def string, choices ...string) string {
	v, ok := m.scalar(key)
	if !ok {
		return def
	}
	for _, c := range choices {
		if v.Value == c {
			return c
		}
	}
	m.d.fail(v, join(m.path, key), "%q is not one of %s", v.Value, strings.Join(choices, ", "))
	return def
}

// list returns the items of a sequence.
func (m *mapping) list(key string) []*yaml.Node {
	v := m.get(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.d.fail(v, join(m.path, key), "expected a list")
		return nil
	}
	return v.Content
}

// ints reads a list of whole numbers.
func (m *mapping) ints(key string) []int {
	var out []int
	for i, it := range m.list(key) {
		n, err := strconv.Atoi(it.Value)
		if it.Kind != yaml.ScalarNode || err != nil {
			m.d.fail(it, fmt.Sprintf("%s[%d]", join(m.path, key), i), "%q is not a whole number", it.Value)
			return nil
		}
		out = append(out, n)
	}
	return out
}

// strs reads a list of strings.
func (m *mapping) strs(key string) []string {
	var out []string
	for i, it := range m.list(key) {
		if it.Kind != yaml.ScalarNode {
			m.d.fail(it, fmt.Sprintf("%s[%d]", join(m.path, key), i), "expected a single value")
			return nil
		}
		out = append(out, it.Value)
	}
	return out
}

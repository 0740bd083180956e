package server

import (
	"encoding/json"
	"strconv"
	"strings"
)

// The Ansible and Nornir inventories are written by hand: a fleet of
// 10,000 chassis took yaml.v3 3.6 s and 600 MB of node trees, this takes
// tens of milliseconds. Strings that could be read as anything but a
// string are double-quoted (JSON's quoting, which YAML reads the same).

// yamlString is s as a YAML scalar.
func yamlString(s string) string {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
		return quoteJSON(s)
	}
	if plainWord(s) || plainIPv4(s) {
		return s
	}
	return quoteJSON(s)
}

// plainWord: a letter or _ first, then letters, digits and _ . : / -,
// not ending in ":".
func plainWord(s string) bool {
	if s == "" || s[len(s)-1] == ':' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '.' || c == ':' || c == '/' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// plainIPv4: four dotted groups of digits.
func plainIPv4(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 {
			return false
		}
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return false
			}
		}
	}
	return true
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// yamlFlow is a list of strings as a flow sequence, every item quoted.
func yamlFlow(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = quoteJSON(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// yamlWriter writes "key: value" lines at an indent.
type yamlWriter struct{ strings.Builder }

func (w *yamlWriter) line(indent int, key, value string) {
	for i := 0; i < indent; i++ {
		w.WriteString("  ")
	}
	w.WriteString(yamlString(key))
	w.WriteString(":")
	if value != "" {
		w.WriteString(" ")
		w.WriteString(value)
	}
	w.WriteString("\n")
}

func (w *yamlWriter) str(indent int, key, value string) { w.line(indent, key, yamlString(value)) }

func (w *yamlWriter) num(indent int, key string, n int) { w.line(indent, key, strconv.Itoa(n)) }

package parser

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
)

// ParamType decides whether a token can fill a parameter.
type ParamType struct {
	Name string
	// Check returns "" when the value is acceptable, otherwise a short reason
	// (shown to the user by vendors that print one).
	Check func(value string) string
	// Rest makes the parameter swallow the rest of the line as one value.
	Rest bool
	// Looks reports whether the token is of this type's shape at all; a
	// token that looks right but fails Check is a bad value, not an
	// invalid token. Nil means every token looks right.
	Looks func(value string) bool
}

// Types maps a type name used in specs to its definition.
type Types map[string]*ParamType

var intRange = regexp.MustCompile(`^int\((-?\d+)-(-?\d+)\)$`)

// BuiltinTypes are the parameter types every vendor gets.
func BuiltinTypes() Types {
	return Types{
		"word": {Name: "word", Check: func(v string) string {
			if v == "" {
				return "empty"
			}
			return ""
		}},
		"string": {Name: "string", Check: func(string) string { return "" }},
		"text":   {Name: "text", Rest: true, Check: func(string) string { return "" }},
		"ipv4": {Name: "ipv4", Check: func(v string) string {
			a, err := netip.ParseAddr(v)
			if err != nil || !a.Is4() {
				return "not an IPv4 address"
			}
			return ""
		}, Looks: func(v string) bool {
			return v != "" && strings.Trim(v, "0123456789.") == ""
		}},
		"int": {Name: "int", Check: func(v string) string {
			if _, err := strconv.Atoi(v); err != nil {
				return "not a number"
			}
			return ""
		}, Looks: looksNumber},
	}
}

func looksNumber(v string) bool {
	if v == "" {
		return false
	}
	if v[0] == '-' {
		v = v[1:]
	}
	return v != "" && strings.Trim(v, "0123456789") == ""
}

// lookup resolves a type name, including the int(a-b) range form.
func (t Types) lookup(name string) (*ParamType, error) {
	if pt, ok := t[name]; ok {
		return pt, nil
	}
	if m := intRange.FindStringSubmatch(name); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		if lo > hi {
			return nil, fmt.Errorf("empty range %s", name)
		}
		return &ParamType{Name: name, Looks: looksNumber, Check: func(v string) string {
			n, err := strconv.Atoi(v)
			if err != nil {
				return "not a number"
			}
			if n < lo || n > hi {
				return fmt.Sprintf("out of range %d-%d", lo, hi)
			}
			return ""
		}}, nil
	}
	return nil, fmt.Errorf("unknown parameter type %q", name)
}

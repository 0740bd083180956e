package commands

import (
	"regexp"
	"strings"
)

// Output filters ("show running-config | include vlan"): a Terminal
// whose Print keeps only some lines of a command's output, for vendors
// whose CLI has output pipes. Everything else (questions, the pager)
// goes to the terminal underneath.

// PipeKind is what a filter keeps.
type PipeKind int

const (
	// PipeInclude keeps the lines that match.
	PipeInclude PipeKind = iota + 1
	// PipeExclude keeps the lines that do not match.
	PipeExclude
	// PipeBegin keeps everything from the first line that matches.
	PipeBegin
)

// Filter is a Terminal that filters Print line by line.
type Filter struct {
	Terminal
	kind    PipeKind
	re      *regexp.Regexp
	begun   bool
	partial string
}

// NewFilter filters t's output by a regular expression.
func NewFilter(t Terminal, kind PipeKind, re *regexp.Regexp) *Filter {
	return &Filter{Terminal: t, kind: kind, re: re}
}

// Print passes on the whole lines the filter keeps; a line's end may
// come in a later Print.
func (f *Filter) Print(s string) {
	s = f.partial + s
	f.partial = ""
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			f.partial = s
			break
		}
		if f.keep(s[:i]) {
			b.WriteString(s[:i+1])
		}
		s = s[i+1:]
	}
	if b.Len() > 0 {
		f.Terminal.Print(b.String())
	}
}

// Flush passes on an unfinished last line, if the filter keeps it.
func (f *Filter) Flush() {
	if f.partial != "" && f.keep(f.partial) {
		f.Terminal.Print(f.partial)
	}
	f.partial = ""
}

func (f *Filter) keep(line string) bool {
	m := f.re.MatchString(line)
	switch f.kind {
	case PipeExclude:
		return !m
	case PipeBegin:
		f.begun = f.begun || m
		return f.begun
	}
	return m
}

package commands

import (
	"fmt"
	"regexp"
	"strings"
)

// Output pipes that need the whole output ("show log | match error |
// count", "| last 5"), for vendors whose CLI has them: a command runs
// against a Capture, and its text goes through TextFilters before it is
// printed. (Filter, in pipe.go, streams line by line.) The vendor parses
// the pipe syntax and prints the result.

// Capture is a Terminal that keeps what a command prints; questions and
// typed answers still go to the session's terminal.
type Capture struct {
	Terminal
	b strings.Builder
}

// NewCapture wraps a terminal.
func NewCapture(t Terminal) *Capture { return &Capture{Terminal: t} }

// Print keeps the text.
func (c *Capture) Print(s string) { c.b.WriteString(s) }

// Text is everything printed so far.
func (c *Capture) Text() string { return c.b.String() }

// TextFilter is one stage of a pipe: text in, text out.
type TextFilter func(text string) string

// lines splits text into lines without their line ends.
func lines(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

func join(ls []string) string {
	if len(ls) == 0 {
		return ""
	}
	return strings.Join(ls, "\n") + "\n"
}

// Keep keeps the lines that match (or, with invert, those that do not).
func Keep(re *regexp.Regexp, invert bool) TextFilter {
	return func(text string) string {
		var out []string
		for _, l := range lines(text) {
			if re.MatchString(l) != invert {
				out = append(out, l)
			}
		}
		return join(out)
	}
}

// From keeps the output from the first line that matches on; none when
// no line does.
func From(re *regexp.Regexp) TextFilter {
	return func(text string) string {
		ls := lines(text)
		for i, l := range ls {
			if re.MatchString(l) {
				return join(ls[i:])
			}
		}
		return ""
	}
}

// Last keeps the last n lines.
func Last(n int) TextFilter {
	return func(text string) string {
		ls := lines(text)
		if n < len(ls) {
			ls = ls[len(ls)-n:]
		}
		return join(ls)
	}
}

// Count replaces the text with a line counting its lines (format takes
// the number: "Count: %d lines").
func Count(format string) TextFilter {
	return func(text string) string {
		return fmt.Sprintf(format, len(lines(text))) + "\n"
	}
}

// RunFilters passes text through the filters in order.
func RunFilters(text string, fs ...TextFilter) string {
	for _, f := range fs {
		text = f(text)
	}
	return text
}

// SplitPipes cuts a line at the pipe characters outside double quotes:
// the command, then each pipe's text (with its offset in the line).
func SplitPipes(line string) (parts []string, offsets []int) {
	start, quoted := 0, false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			quoted = !quoted
		case '|':
			if !quoted {
				parts = append(parts, line[start:i])
				offsets = append(offsets, start)
				start = i + 1
			}
		}
	}
	return append(parts, line[start:]), append(offsets, start)
}

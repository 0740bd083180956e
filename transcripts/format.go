// Package transcripts replays golden transcripts against a chassis on a
// virtual clock and records live sessions as transcripts. A transcript is
// a text file a person can read and write: the scenario (or saved state)
// the chassis starts from, then steps (what is typed on which console,
// clock advances, physical events), each followed by the screen text every
// console showed because of it. Replaying a file runs the same steps on a
// fresh chassis and compares that text line for line, so the manual's
// figures stay guarded against any change in a renderer, a dialog or the
// model.
//
// The format, by example:
//
//	# comments and blank lines are kept as they are
//	scenario chapter15.yaml
//
//	open mgmt
//	-- mgmt
//	|ProCurve J9091A Switch 8212zl
//	|...
//	|Press any key to continue
//
//	key mgmt <Space>
//	-- mgmt
//	|ProCurve#
//
//	type mgmt show redundancy<Enter>
//	-- mgmt
//	|ProCurve# show redundancy
//	|...
//
// A step is one or more consecutive action lines; the lines after it that
// begin with "--" (a console), "|" (a screen line of that console) or "!"
// (an action the chassis refused) are what the step is expected to show.
// A console's block starts at the line the cursor was on, when the step
// changed it (so a typed command shows after its prompt, as in the
// manual's figures), and ends at the cursor's line now. See README.md in
// testdata for every action.
package transcripts

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is a parsed transcript.
type File struct {
	// Path names the file in messages.
	Path string
	// Scenario is the scenario file (relative to the transcript's
	// folder), or "default" for the built-in chassis; State, when set, is
	// a saved state to start from instead (a recording's snapshot).
	Scenario string
	State    []byte
	// Items are the file's parts in order: verbatim lines (comments,
	// blank lines, the header) and steps.
	Items []Item
}

// Item is a run of verbatim lines or one step.
type Item struct {
	Lines []string
	Step  *Step
}

// Step is consecutive actions and the output expected after them.
type Step struct {
	Line    int // line number of its first action
	Actions []Action
	Want    []string // the expected output lines, as written
}

// Action is one action line.
type Action struct {
	Line int
	Text string
	Verb string
	// Name is the console (open, close, type, key) or the module (press,
	// pull, insert, fail-selftest, crash, fail-hardware).
	Name string
	// Rest is what follows the name: the typed text, options, a duration.
	Rest string
	// Keys are the decoded bytes of type and key.
	Keys []byte
}

// Title is the first line of a step, naming it in messages.
func (s *Step) Title() string { return s.Actions[0].Text }

// ReadFile parses a transcript file.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Dir is the folder the transcript's scenario is relative to.
func (f *File) Dir() string { return filepath.Dir(f.Path) }

func isOutput(l string) bool {
	return strings.HasPrefix(l, "|") || strings.HasPrefix(l, "--") || strings.HasPrefix(l, "!")
}

// Parse reads a transcript from its text.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	fail := func(n int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", path, n, fmt.Sprintf(format, args...))
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	var cur *Step // the step whose actions or output are being read
	verbatim := func(l string) {
		cur = nil
		if n := len(f.Items); n > 0 && f.Items[n-1].Step == nil {
			f.Items[n-1].Lines = append(f.Items[n-1].Lines, l)
			return
		}
		f.Items = append(f.Items, Item{Lines: []string{l}})
	}
	steps := 0
	for i := 0; i < len(lines); i++ {
		l, n := lines[i], i+1
		switch {
		case isOutput(l):
			if cur == nil {
				return nil, fail(n, "output line outside a step: %q", l)
			}
			cur.Want = append(cur.Want, l)
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
			verbatim(l)
		case strings.HasPrefix(l, "scenario ") || l == "scenario":
			if steps > 0 || f.Scenario != "" || f.State != nil {
				return nil, fail(n, "scenario or state is given once, before the first step")
			}
			f.Scenario = strings.TrimSpace(strings.TrimPrefix(l, "scenario"))
			if f.Scenario == "" {
				return nil, fail(n, "scenario needs a file name (or default)")
			}
			verbatim(l)
		case strings.HasPrefix(l, "state <<"):
			if steps > 0 || f.Scenario != "" || f.State != nil {
				return nil, fail(n, "scenario or state is given once, before the first step")
			}
			end := strings.TrimSpace(strings.TrimPrefix(l, "state <<"))
			var body []string
			block := []string{l}
			j := i + 1
			for ; j < len(lines) && lines[j] != end; j++ {
				body = append(body, lines[j])
				block = append(block, lines[j])
			}
			if j == len(lines) {
				return nil, fail(n, "state has no end line %q", end)
			}
			block = append(block, lines[j])
			f.State = []byte(strings.Join(body, "\n") + "\n")
			for _, b := range block {
				verbatim(b)
			}
			i = j
		default:
			a, err := parseAction(l)
			if err != nil {
				return nil, fail(n, "%v", err)
			}
			a.Line = n
			if cur == nil || len(cur.Want) > 0 {
				cur = &Step{Line: n}
				f.Items = append(f.Items, Item{Step: cur})
				steps++
			}
			cur.Actions = append(cur.Actions, a)
		}
	}
	if f.Scenario == "" && f.State == nil {
		return nil, fail(1, "no scenario (write \"scenario default\" for the built-in chassis)")
	}
	return f, nil
}

// Steps lists the file's steps.
func (f *File) Steps() []*Step {
	var out []*Step
	for _, it := range f.Items {
		if it.Step != nil {
			out = append(out, it.Step)
		}
	}
	return out
}

// verbs says, for each action, whether a console or module name follows it.
var verbs = map[string]bool{
	"open": true, "close": true, "type": true, "key": true, "advance": false,
	"press": true, "pull": true, "insert": true, "fail-selftest": true, "crash": true,
	"fail-hardware": true, "cut-heartbeat": false, "power-cycle": false, "flash": true,
}

func parseAction(l string) (Action, error) {
	a := Action{Text: l}
	verb, rest, _ := strings.Cut(l, " ")
	named, ok := verbs[verb]
	if !ok {
		return a, fmt.Errorf("unknown step %q", verb)
	}
	a.Verb = verb
	if named {
		a.Name, a.Rest, _ = strings.Cut(rest, " ")
		if a.Name == "" {
			return a, fmt.Errorf("%s needs a console or module name", verb)
		}
	} else {
		a.Rest = rest
	}
	switch verb {
	case "type", "key":
		k, err := ParseKeys(a.Rest)
		if err != nil {
			return a, err
		}
		if len(k) == 0 {
			return a, fmt.Errorf("%s with nothing to type", verb)
		}
		if verb == "key" && len(k) != 1 {
			return a, fmt.Errorf("key takes one key, got %q (use type)", a.Rest)
		}
		a.Keys = k
	case "advance":
		if strings.TrimSpace(a.Rest) == "" {
			return a, fmt.Errorf("advance needs a duration like 2m12s")
		}
	}
	return a, nil
}

// Format writes the file back, each step followed by its output: want
// when got is nil, else got[i] for the i-th step.
func (f *File) Format(got [][]string) []byte {
	var b bytes.Buffer
	i := 0
	for k, it := range f.Items {
		if it.Step == nil {
			for _, l := range it.Lines {
				b.WriteString(l + "\n")
			}
			continue
		}
		for _, a := range it.Step.Actions {
			b.WriteString(a.Text + "\n")
		}
		out := it.Step.Want
		if got != nil && i < len(got) {
			out = got[i]
		}
		for _, l := range out {
			b.WriteString(l + "\n")
		}
		// a step with no output right before another would merge with it
		if len(out) == 0 && k+1 < len(f.Items) && f.Items[k+1].Step != nil {
			b.WriteString("\n")
		}
		i++
	}
	return b.Bytes()
}

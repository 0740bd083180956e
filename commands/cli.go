package commands

import (
	"strings"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
)

// The CLI kit every vendor builds its shell from: a command table of spec
// lines with their help, modes and handlers (FRR's install_element),
// compiled into one parser graph per mode; the handler context; the
// match-error-dispatch loop; and Tab's common-prefix rule.

// Modes is a set of a vendor's CLI modes, one bit per mode: where a
// command of the table is valid.
type Modes uint32

// Command is one spec line of a vendor's table. X is the vendor's handler
// context (usually a struct embedding Ctx).
type Command[X any] struct {
	Spec string
	Help []string
	In   Modes
	Run  func(x X) error
	// Context, in a context tree (contexts.go), makes the command a
	// context with this name in the prompt; Enter runs when a line
	// passes through or ends at it, and says whether it created what
	// the context names.
	Context string
	Enter   func(x X) (created bool, err error)
}

// BuildGraph compiles the commands of the tables that are valid in any of
// the modes into one graph. A bad table stops the program (it is built at
// start-up).
func BuildGraph[X any](in Modes, types parser.Types, policy parser.Policy, tables ...[]*Command[X]) *parser.Graph {
	var cmds []*parser.Command
	for _, tab := range tables {
		for _, c := range tab {
			if c.In&in != 0 {
				cmds = append(cmds, &parser.Command{Spec: c.Spec, Help: c.Help, Data: c})
			}
		}
	}
	return parser.MustBuild(cmds, types, policy)
}

// Dispatch matches a line against a graph and runs its command with the
// context mk makes for the match. A line that does not match prints
// errText's rendering of the parse error and fails.
func Dispatch[X any](t Terminal, g *parser.Graph, line string, mk func(*parser.Match) X, errText func(*parser.Error) string) error {
	m, err := g.Match(line)
	if err != nil {
		if pe, ok := parser.AsError(err); ok {
			if s := errText(pe); s != "" {
				t.Print(s)
			}
		}
		return ErrFailed
	}
	return m.Command.Data.(*Command[X]).Run(mk(m))
}

// Ctx is what every handler gets: the session, its terminal and the
// parsed line, with the small helpers handlers share.
type Ctx struct {
	S *Session
	T Terminal
	M *parser.Match
}

// Print writes output (through the pager).
func (x *Ctx) Print(s string) { x.T.Print(s) }

// Fail prints an error line and marks the command failed.
func (x *Ctx) Fail(line string) error {
	x.T.Print(line + "\n")
	return ErrFailed
}

// Render builds text under the chassis lock and prints it after, so the
// pager never waits for a key with the lock held.
func (x *Ctx) Render(fn func(c *model.Chassis) string) error {
	var out string
	x.S.Host.View(func(c *model.Chassis) { out = fn(c) })
	x.Print(out)
	return nil
}

// View reads the chassis; Do changes it (all or nothing).
func (x *Ctx) View(fn func(c *model.Chassis))           { x.S.Host.View(fn) }
func (x *Ctx) Do(fn func(c *model.Chassis) error) error { return x.S.Host.Do(fn) }

// Value is a parameter's value ("" when not given).
func (x *Ctx) Value(name string) string {
	v, _ := x.M.Value(name)
	return v
}

// Has reports whether a keyword was given.
func (x *Ctx) Has(keyword string) bool { return x.M.Has(keyword) }

// CompleteWord is Tab's rule on the keywords a partial word may become:
// a single candidate is completed with a blank after it; several extend
// to their longest common prefix, or, when that adds nothing, are
// returned to be listed.
func CompleteWord(partial string, cands []string) (insert string, list []string) {
	if len(cands) == 0 {
		return "", nil
	}
	if len(cands) == 1 {
		return cands[0][len(partial):] + " ", nil
	}
	common := cands[0]
	for _, c := range cands[1:] {
		for !strings.HasPrefix(strings.ToLower(c), strings.ToLower(common)) {
			common = common[:len(common)-1]
		}
	}
	if len(common) > len(partial) {
		return common[len(partial):], nil
	}
	return "", cands
}

// Package exos is ExtremeXOS 15.x on a BlackDiamond 8810 with MSM-A and
// MSM-B: the CLI's command graph, handlers and renderers, and the boot
// texts of the MSM consoles. Everything it prints is rendered from the
// chassis model with the texts of prompts/exos.
package exos

import (
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/exos"
)

// Shell is one CLI session: on the master, or on the backup MSM's
// console (where master-only commands are refused).
type Shell struct {
	s      *commands.Session
	backup bool
	// n is the prompt's counter: .1 at login, one up with every Enter.
	n int
	// noPrompting: "disable cli prompting": questions take their yes
	// action without being asked.
	noPrompting bool
	// prompt is the prompt last shown (the caret counts from its start).
	prompt string
}

func newShell(s *commands.Session, backup bool) *Shell {
	return &Shell{s: s, backup: backup, n: 1}
}

func (sh *Shell) graph() *parser.Graph {
	if sh.s.Manager {
		return graphs.admin
	}
	return graphs.user
}

// sysName is the running configuration's name, or (on a backup console
// with no master) the one the module booted with.
func sysName(c *model.Chassis, module int) string {
	if c.Running != nil {
		return c.Running.Hostname
	}
	if m := c.Module(module); m != nil {
		if cf := m.Startup(); cf != nil {
			return cf.Hostname
		}
	}
	return c.Info.Name
}

// Prompt is "<sysName>.<n> # " ("> " for a user account), with "* " in
// front while the running configuration has unsaved changes.
func (sh *Shell) Prompt() string {
	var name string
	unsaved := false
	sh.s.Host.View(func(c *model.Chassis) {
		name = sysName(c, sh.s.Module)
		unsaved = c.Unsaved()
	})
	mark, end := "", "#"
	if unsaved {
		mark = tx.Unsaved
	}
	if !sh.s.Manager {
		end = ">"
	}
	sh.prompt = fmt.Sprintf(tx.Prompt, mark, name, sh.n, end)
	return sh.prompt
}

// errorText renders a parse error: a caret under the failing token
// (counted from the prompt's first column) and the EXOS message.
func errorText(pe *parser.Error, prompt string) string {
	switch pe.Kind {
	case parser.ErrIncomplete:
		return tx.Incomplete + "\n"
	case parser.ErrAmbiguous:
		return strings.Replace(tx.Ambiguous, "%s", pe.Token, 1) + "\n"
	}
	return caret(len(prompt)+pe.Offset) + tx.InvalidInput + "\n"
}

func caret(col int) string { return strings.Repeat(" ", col) + "^\n" }

// Run executes one line; every line, an empty one included, moves the
// prompt's counter on.
func (sh *Shell) Run(t commands.Terminal, line string) error {
	prompt := sh.prompt
	if sh.s.Exec {
		prompt = ""
	}
	sh.n++
	if strings.TrimSpace(line) == "" {
		return nil
	}
	return commands.Dispatch(t, sh.graph(), line,
		func(m *parser.Match) *ctx {
			return &ctx{Ctx: commands.Ctx{S: sh.s, T: t, M: m}, sh: sh, prompt: prompt}
		},
		func(pe *parser.Error) string { return errorText(pe, prompt) })
}

// Help renders `?`: the words that may come next with their help, and
// <cr> where the command may end.
func (sh *Shell) Help(line string) string {
	items, err := sh.graph().Describe(line)
	if err != nil {
		if pe, ok := parser.AsError(err); ok {
			return errorText(pe, sh.prompt)
		}
		return ""
	}
	var b strings.Builder
	for _, it := range items {
		word, help := it.Word, it.Help
		if it.Param {
			word = "<" + strings.ToLower(it.Word) + ">"
		}
		if it.CR {
			word, help = "<cr>", tx.HelpCR
		}
		b.WriteString(strings.TrimRight(fmt.Sprintf(tx.HelpLine, word, help), " ") + "\n")
	}
	return b.String()
}

// Complete implements Tab with the kit's common-prefix rule.
func (sh *Shell) Complete(line string) (string, string) {
	partial, cands, err := sh.graph().Complete(line)
	if err != nil {
		return "", ""
	}
	ins, list := commands.CompleteWord(partial, cands)
	var b strings.Builder
	for _, c := range list {
		b.WriteString("  " + c + "\n")
	}
	return ins, b.String()
}

// Welcome prints the login banner of the software the MSM runs and logs
// the login.
func (sh *Shell) Welcome(t commands.Terminal) error {
	if sh.s.Exec {
		return nil
	}
	{
		var text string
		sh.s.Host.View(func(c *model.Chassis) {
			year := 2014
			if m := c.Module(sh.s.Module); m != nil && m.Running != nil && !m.Running.Built.IsZero() {
				year = m.Running.Built.Year()
			}
			text = fmt.Sprintf(tx.Banner, year)
		})
		t.Print(text)
	}
	sh.s.Host.Do(func(c *model.Chassis) error {
		c.LogSession(strings.ToLower(sh.s.Transport), sh.s.Peer, sh.s.User)
		return nil
	})
	return nil
}

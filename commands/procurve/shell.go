// Package procurve is the HP ProCurve 8212zl (K.12-K.15) CLI: its modes,
// command graph, handlers and console texts. Everything it prints is
// rendered from the chassis model with the texts of prompts/procurve.
package procurve

import (
	"errors"
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// CLI modes (Shell.mode). Operator and manager level are the session's
// privilege within modeExec.
const (
	modeExec = iota
	modeConfig
	modeVLAN
	modeIface
)

// Shell is the CLI of the active management module, or the standby
// console's small one.
type Shell struct {
	s       *commands.Session
	standby bool
	// enabled: the manager level was reached with enable, so exit goes
	// back to the operator level.
	enabled bool
	// mode and context are the CLI position (config mode, "vlan-10").
	mode    int
	context string
}

func (sh *Shell) graph() *parser.Graph {
	if sh.standby {
		return graphs.standby
	}
	switch sh.mode {
	case modeConfig:
		return graphs.config
	case modeVLAN:
		return graphs.vlan
	case modeIface:
		return graphs.iface
	}
	if sh.s.Manager {
		return graphs.manager
	}
	return graphs.operator
}

func (sh *Shell) hostname() string {
	name := ""
	sh.s.Host.View(func(c *model.Chassis) {
		if c.Running != nil {
			name = c.Running.Hostname
		}
	})
	return name
}

// Prompt is "<hostname>> ", "<hostname># ", "<hostname>(config)# " or
// "<hostname>(<context>)# ", with the one trailing space real switches send.
func (sh *Shell) Prompt() string {
	if sh.standby {
		return tx.StandbyPrompt
	}
	h := sh.hostname()
	switch sh.mode {
	case modeConfig:
		return h + "(config)# "
	case modeVLAN, modeIface:
		return h + "(" + sh.context + ")# "
	}
	if sh.s.Manager {
		return h + "# "
	}
	return h + "> "
}

// ErrorText renders a parse error in ProCurve's words.
func ErrorText(pe *parser.Error) string {
	switch pe.Kind {
	case parser.ErrAmbiguous:
		return fmt.Sprintf(tx.AmbiguousInput, pe.Token)
	case parser.ErrIncomplete:
		return fmt.Sprintf(tx.IncompleteInput, pe.Token)
	case parser.ErrBadValue:
		return fmt.Sprintf(tx.BadValue, pe.Token)
	case parser.ErrUnterminated:
		return fmt.Sprintf(tx.UnterminatedQuote, pe.Token)
	}
	return fmt.Sprintf(tx.InvalidInput, pe.Token)
}

// Run parses and executes one line; an output filter after "|" applies
// to what the command prints (pipe.go).
func (sh *Shell) Run(t commands.Terminal, line string) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	if cmd, pipe, ok := splitPipe(line); ok {
		return sh.runFiltered(t, cmd, pipe)
	}
	return sh.run(t, line)
}

func (sh *Shell) run(t commands.Terminal, line string) error {
	return commands.Dispatch(t, sh.graph(), line,
		func(m *parser.Match) *ctx { return &ctx{Ctx: commands.Ctx{S: sh.s, T: t, M: m}, sh: sh} },
		func(pe *parser.Error) string { return ErrorText(pe) + "\n" })
}

// helpWidth is where ProCurve help lines wrap; the description starts at
// column 24 (layout of a real 2650 `?` listing).
const (
	helpWidth  = 79
	helpIndent = 23
)

func helpLine(word, help string) string {
	lead := " " + pad(word, helpIndent-1)
	if len(lead) > helpIndent {
		lead += " "
	}
	if help == "" {
		return strings.TrimRight(lead, " ") + "\n"
	}
	var b strings.Builder
	cur := lead
	fresh := true
	for _, w := range strings.Fields(help) {
		if !fresh && len(cur)+1+len(w) > helpWidth {
			b.WriteString(cur + "\n")
			cur = strings.Repeat(" ", helpIndent) + w
			continue
		}
		if fresh {
			cur += w
			fresh = false
		} else {
			cur += " " + w
		}
	}
	b.WriteString(cur + "\n")
	return b.String()
}

// Help renders `?`. At the top of the manager level the manager-only
// commands come first, then a blank line and the operator commands, as a
// real listing shows.
func (sh *Shell) Help(line string) string {
	if _, pipe, ok := splitPipe(line); ok {
		return pipeHelp(pipe)
	}
	items, err := sh.graph().Describe(line)
	if err != nil {
		if pe, ok := parser.AsError(err); ok {
			return ErrorText(pe) + "\n"
		}
		return ""
	}
	var b strings.Builder
	split := sh.mode == modeExec && sh.s.Manager && !sh.standby && line == ""
	var second strings.Builder
	for _, it := range items {
		word := it.Word
		if it.CR {
			word = "<cr>"
		}
		l := helpLine(word, it.Help)
		if split && !it.CR && operatorHas(it.Word) {
			second.WriteString(l)
			continue
		}
		b.WriteString(l)
	}
	if second.Len() > 0 {
		b.WriteString("\n" + second.String())
	}
	return b.String()
}

// operatorHas reports whether a top-level keyword is an operator command.
func operatorHas(word string) bool { return operatorWords[word] }

// Complete implements Tab: a unique keyword is completed with a blank
// after it; several extend to their common prefix, or are listed.
func (sh *Shell) Complete(line string) (string, string) {
	partial, cands, err := sh.graph().Complete(line)
	if err != nil {
		return "", ""
	}
	ins, list := commands.CompleteWord(partial, cands)
	var b strings.Builder
	for _, c := range list {
		b.WriteString(" " + c + "\n")
	}
	return ins, b.String()
}

// Welcome prints the banner and waits for a key; on telnet it then asks
// for the login when a password is set.
func (sh *Shell) Welcome(t commands.Terminal) error {
	if sh.s.Exec {
		return nil
	}
	if sh.standby {
		var text string
		sh.s.Host.View(func(c *model.Chassis) {
			if m := c.Module(sh.s.Module); m != nil && m.State == model.Offline {
				text = fmt.Sprintf(tx.OfflineIdle, m.Slot)
			}
		})
		if text == "" {
			text = "\n"
		}
		t.Print(text)
		return nil
	}
	var text string
	sh.s.Host.View(func(c *model.Chassis) { text = Banner(c) })
	commands.ShowBanner(t, text)
	if err := commands.PressAnyKey(t, tx.PressAnyKey); err != nil {
		return err
	}
	t.Print("\n")
	if sh.s.Transport == "TELNET" {
		if err := sh.login(t); err != nil {
			return err
		}
	}
	sh.logSession()
	return nil
}

// logSession writes the session's login to the event log.
func (sh *Shell) logSession() {
	level := "manager"
	if !sh.s.Manager {
		level = "operator"
	}
	sh.s.Host.Do(func(c *model.Chassis) error {
		c.LogSession(sh.s.Transport, sh.s.Peer, level)
		return nil
	})
}

// login asks for the user and password on telnet.
func (sh *Shell) login(t commands.Terminal) error {
	var cr model.Credentials
	sh.s.Host.View(func(c *model.Chassis) { cr = c.Credentials })
	if cr.ManagerPassword == "" && cr.OperatorPassword == "" {
		sh.s.Manager = true
		return nil
	}
	for try := 0; try < 3; try++ {
		user, err := t.ReadLine(tx.LoginUser, true)
		if errors.Is(err, commands.ErrCancelled) {
			try-- // ^C starts the login over; it is not a wrong login
			continue
		}
		if err != nil {
			return err
		}
		pass, err := t.ReadLine(tx.LoginPassword, false)
		if errors.Is(err, commands.ErrCancelled) {
			try--
			continue
		}
		if err != nil {
			return err
		}
		switch {
		case user == cr.ManagerUser && pass == cr.ManagerPassword:
			sh.s.Manager, sh.s.User = true, user
			return nil
		case user == cr.OperatorUser && pass == cr.OperatorPassword && cr.OperatorPassword != "":
			sh.s.Manager, sh.s.User = false, user
			return nil
		}
		t.Print(tx.BadPassword + "\n")
		sh.s.Host.Do(func(c *model.Chassis) error {
			c.LogLoginFailed(sh.s.Transport, sh.s.Peer, user)
			return nil
		})
		if sh.s.OnAuthFail != nil {
			sh.s.OnAuthFail()
		}
	}
	return commands.ErrLogout
}

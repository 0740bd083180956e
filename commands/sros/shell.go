package sros

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/sros"
)

// Shell is the classic CLI of the active CPM.
type Shell struct {
	s *commands.Session
	// path is where the session is in the context tree.
	path commands.Path
	// savedInd: the prompt shows "*" while there are unsaved changes
	// (environment [no] saved-ind-prompt).
	savedInd bool
	loginAt  time.Time
	// unsaved caches the "*" for the configs it was computed from (the
	// handlers replace a config to change it; a save bumps the revision)
	unsaved struct {
		running, saved *model.Config
		rev            uint64
		v              bool
	}
}

// ctx is what a handler gets: the generic context, the shell, and the
// contexts the command runs in (the session's, and those its line named).
type ctx struct {
	commands.Ctx
	sh   *Shell
	path commands.Path
}

// val is a parameter of the line, or of a context the command runs in.
func (x *ctx) val(name string) string {
	if v, ok := x.M.Value(name); ok {
		return v
	}
	v, _ := x.path.Value(name)
	return v
}

// Prompt is "[*]A:<name>[>context...]# ", with "$" for a context the
// command that entered it created.
func (sh *Shell) Prompt() string {
	var letter, name string
	unsaved := false
	sh.s.Host.View(func(c *model.Chassis) {
		letter = label(c, sh.s.Module)
		if c.Running != nil {
			name = c.Running.Hostname
		}
		unsaved = sh.unsavedIn(c)
	})
	var b strings.Builder
	if unsaved && sh.savedInd {
		b.WriteByte('*')
	}
	b.WriteString(letter + ":" + name + sh.path.Prompt())
	if sh.path.Created() {
		b.WriteString("$ ")
	} else {
		b.WriteString("# ")
	}
	return b.String()
}

// unsavedIn is c.Unsaved, computed again only when the running or the
// saved config (or anything saved) changed since the last prompt.
func (sh *Shell) unsavedIn(c *model.Chassis) bool {
	var saved *model.Config
	if a := c.Active(); a != nil {
		saved = a.Startup()
	}
	rev, _ := c.Revision()
	u := &sh.unsaved
	if u.running != c.Running || u.saved != saved || u.rev != rev || u.running == nil {
		u.running, u.saved, u.rev, u.v = c.Running, saved, rev, c.Unsaved()
	}
	return u.v
}

// split reads a leading "/" (the line runs from the root); off is where
// the rest starts in the line.
func split(line string) (body string, root bool, off int) {
	trimmed := strings.TrimLeft(line, " \t")
	lead := len(line) - len(trimmed)
	if strings.HasPrefix(trimmed, "/") {
		return line[lead+1:], true, lead + 1
	}
	return line, false, 0
}

// errorText renders a parse error: a caret under the failing token
// (counting the prompt), then the classic error.
func (sh *Shell) errorText(pe *parser.Error, prompt string, off int) string {
	caret := fmt.Sprintf(tx.Caret, strings.Repeat(" ", len(prompt)+off+pe.Offset)) + "\n"
	switch pe.Kind {
	case parser.ErrIncomplete:
		return tx.MissingParameter + "\n"
	case parser.ErrBadValue, parser.ErrUnterminated:
		return caret + tx.InvalidParameter + "\n"
	}
	return caret + tx.BadCommand + "\n"
}

// Run parses and executes one line.
func (sh *Shell) Run(t commands.Terminal, line string) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	// the prompt the line was typed at, for the caret of an error (a
	// line that does not parse has changed nothing)
	prompt := func() string {
		if sh.s.Exec {
			return ""
		}
		return sh.Prompt()
	}
	line, pipe, perr := splitPipe(line)
	if perr != "" {
		t.Print(perr + "\n")
		return commands.ErrFailed
	}
	if pipe != nil {
		f := commands.NewFilter(t, commands.PipeInclude, pipe)
		defer f.Flush()
		t = f
	}
	body, root, off := split(line)
	if root && strings.TrimSpace(body) == "" {
		sh.path.Root()
		return nil
	}
	w, err := graphs.Walk(&sh.path, body, root)
	if err != nil {
		if pe, ok := parser.AsError(err); ok {
			t.Print(sh.errorText(pe, prompt(), off))
		}
		return commands.ErrFailed
	}
	path := commands.Path{Frames: append([]commands.Frame(nil), sh.path.Frames...)}
	if root {
		path = commands.Path{}
	}
	mk := func() *ctx {
		return &ctx{Ctx: commands.Ctx{S: sh.s, T: t, M: w.Match}, sh: sh,
			path: commands.Path{Frames: append([]commands.Frame(nil), path.Frames...)}}
	}
	if w.Global {
		return w.Last.Run(mk())
	}
	var frames []commands.Frame
	for _, st := range w.Through {
		created := false
		if st.Cmd.Enter != nil {
			if created, err = st.Cmd.Enter(mk()); err != nil {
				return err
			}
		}
		f := commands.Frame{Name: st.Cmd.Context, Words: st.Words, Created: created, Cmd: st.Cmd,
			Values: map[string]string{}}
		for _, name := range params(st.Cmd.Spec) {
			if v, ok := w.Match.Value(name); ok {
				f.Values[name] = v
			}
		}
		frames = append(frames, f)
		path.Enter(f)
	}
	if w.EndsInContext() {
		if root {
			sh.path.Root()
		}
		sh.path.Enter(frames...)
		return nil
	}
	return w.Last.Run(mk())
}

// splitPipe cuts an output filter off a line: "show system information
// | match "System Up Time"" (a real capture, FACTS 1.2) keeps the lines
// that match the pattern (a regular expression). A "|" inside quotes is
// text. A filter it cannot read gives the error to print.
func splitPipe(line string) (string, *regexp.Regexp, string) {
	quoted := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			quoted = !quoted
		case '|':
			if quoted {
				continue
			}
			toks, err := parser.Tokenize(line[i+1:])
			if err != nil || len(toks) != 2 || toks[0].Text != "match" {
				return line, nil, tx.BadCommand
			}
			re, err := regexp.Compile(toks[1].Text)
			if err != nil {
				return line, nil, tx.InvalidParameter
			}
			return line[:i], re, ""
		}
	}
	return line, nil, ""
}

// params are the parameter names of a spec.
func params(spec string) []string {
	var out []string
	for _, w := range strings.Fields(spec) {
		if i := strings.IndexByte(w, ':'); i > 0 {
			out = append(out, w[:i])
		}
	}
	return out
}

// Help renders `?`: one line per keyword, "+" for one that leads to a
// context, "-" for a command; parameters as <name>.
func (sh *Shell) Help(line string) string {
	body, root, off := split(line)
	items, err := graphs.Describe(&sh.path, body, root)
	if err != nil {
		if pe, ok := parser.AsError(err); ok {
			return sh.errorText(pe, sh.Prompt(), off)
		}
		return ""
	}
	if syn := syntaxHelp(body, items); syn != "" {
		return syn
	}
	var b strings.Builder
	for _, it := range items {
		word, mark := it.Word, "-"
		switch {
		case it.CR:
			word, mark = "<cr>", " "
		case it.Param:
			word = "<" + strings.ToLower(word) + ">"
		case it.Context:
			mark = "+"
		}
		b.WriteString(strings.TrimRight(fmt.Sprintf(tx.HelpLine, word, mark, it.Help), " ") + "\n")
	}
	return b.String()
}

// Complete implements Tab: a unique keyword is completed with a blank
// after it; several extend to their common prefix, or are listed.
func (sh *Shell) Complete(line string) (string, string) {
	body, root, _ := split(line)
	g := graphs.Graph(&sh.path)
	if root {
		g = graphs.Root()
	}
	partial, cands, err := g.Complete(body)
	if err != nil {
		return "", ""
	}
	ins, list := commands.CompleteWord(partial, cands)
	if len(list) == 0 {
		return ins, ""
	}
	return ins, strings.Join(list, "  ") + "\n"
}

// Welcome starts a session: a console or telnet session logs in first;
// then a blank line before the first prompt.
func (sh *Shell) Welcome(t commands.Terminal) error {
	sh.loginAt = sh.s.Host.Now()
	if sh.s.Exec {
		return nil
	}
	if sh.s.Transport == "CONSOLE" || sh.s.Transport == "TELNET" {
		if err := sh.login(t); err != nil {
			return err
		}
	}
	t.Print(tx.Welcome)
	return nil
}

// login asks for the user and password, three times at most.
func (sh *Shell) login(t commands.Terminal) error {
	var cr model.Credentials
	sh.s.Host.View(func(c *model.Chassis) { cr = c.Credentials })
	for try := 0; try < 3; try++ {
		user, err := t.ReadLine(tx.LoginUser, true)
		if err != nil {
			return err
		}
		pass, err := t.ReadLine(tx.LoginPassword, false)
		if err != nil {
			return err
		}
		if user == cr.ManagerUser && pass == cr.ManagerPassword {
			sh.s.Manager, sh.s.User = true, user
			return nil
		}
		t.Print(tx.LoginIncorrect + "\n")
		if sh.s.OnAuthFail != nil {
			sh.s.OnAuthFail()
		}
	}
	return commands.ErrLogout
}

// syntaxHelp is `?` after a command that takes one keyword out of
// several (synchronize {boot-env|config}): its syntax, then the values
// (manual 003: "Values <boot-env|config> : keywords"); "" otherwise.
func syntaxHelp(line string, items []commands.ContextItem) string {
	if line == "" || !strings.HasSuffix(line, " ") || len(items) < 2 {
		return ""
	}
	var words []string
	for _, it := range items {
		if it.CR || it.Param || it.Context {
			return ""
		}
		words = append(words, it.Word)
	}
	fields := strings.Fields(line)
	values := "<" + strings.Join(words, "|") + ">"
	return fmt.Sprintf(tx.HelpSyntax, fields[len(fields)-1], values) + "\n\n" + fmt.Sprintf(tx.HelpValues, values, "keywords") + "\n"
}

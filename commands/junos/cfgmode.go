package junos

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// Configuration mode: the candidate configuration, edited with set and
// delete at a place in the hierarchy, shown, compared, committed and
// rolled back.

var cfgPathVerbs = map[string]verb{"set": vSet, "delete": vDelete, "edit": vEdit, "show": vShow}

var cfgTable = []*commands.Command[*ctx]{
	{Spec: "set", In: mConfig, Help: []string{"Set a parameter"},
		Run: func(x *ctx) error { return x.sh.noPath(x, tx.SyntaxError) }},
	{Spec: "delete", In: mConfig, Help: []string{"Delete a data element"},
		Run: func(x *ctx) error { return x.sh.noPath(x, tx.SyntaxError) }},
	{Spec: "edit", In: mConfig, Help: []string{"Edit a sub-element"},
		Run: func(x *ctx) error { return nil }},
	{Spec: "show", In: mConfig, Help: []string{"Show a parameter"},
		Run: func(x *ctx) error { return x.sh.showCandidate(x.T, nil, false) }},
	{Spec: "up [LEVELS:levels]", In: mConfig, Help: []string{"Exit one level of configuration hierarchy", "Number of levels to move up"},
		Run: func(x *ctx) error {
			n := 1
			if v := x.Value("LEVELS"); v != "" {
				n, _ = strconv.Atoi(v)
			}
			return x.sh.up(x.T, n)
		}},
	{Spec: "top", In: mConfig, Help: []string{"Exit to top level of configuration"},
		Run: func(x *ctx) error { x.sh.setEdit(nil); return nil }},
	{Spec: "exit [configuration-mode]", In: mConfig, Help: []string{"Exit from this level", "Exit from configuration mode"},
		Run: func(x *ctx) error { return x.sh.exitConfig(x.T, x.Has("configuration-mode")) }},
	{Spec: "quit [configuration-mode]", In: mConfig, Help: []string{"Quit from this level", "Exit from configuration mode"},
		Run: func(x *ctx) error { return x.sh.exitConfig(x.T, x.Has("configuration-mode")) }},
	{Spec: "commit [OPTIONS:text]", In: mConfig, Help: []string{"Commit current set of changes", "Commit options"},
		Run: func(x *ctx) error { return x.sh.commitCmd(x.T, x.M) }},
	{Spec: "rollback [NUMBER:rollback]", In: mConfig, Help: []string{"Roll back to previous committed configuration", "Index of rollback configuration"},
		Run: func(x *ctx) error {
			n, _ := strconv.Atoi(x.Value("NUMBER"))
			return x.sh.rollback(x.T, n)
		}},
	{Spec: "run COMMAND:text", In: mConfig, Help: []string{"Run an operational-mode command", "Operational command"},
		Run: func(x *ctx) error { return nil }},
	{Spec: "status", In: mConfig, Help: []string{"Show users currently editing configuration"},
		Run: func(x *ctx) error {
			return x.Render(func(c *model.Chassis) string { return editorsText(c, x.S.Module, "") })
		}},
}

var cfgGraph = commands.BuildGraph(mConfig, junosTypes, policy, cfgTable)

// noPath: set or delete without a path.
func (sh *Shell) noPath(x *ctx, msg string) error {
	end := len(strings.TrimRight(sh.lastLine, " "))
	x.Print(sh.errorText(sh.lastBase+end+1, msg, "", ""))
	return commands.ErrFailed
}

// configLine runs a configuration-mode command.
func (sh *Shell) configLine(t commands.Terminal, line string, base int) error {
	sh.lastLine, sh.lastBase = line, base
	if v, rest, ok := sh.pathCommand(cfgGraph, line, cfgPathVerbs); ok {
		off := base + len(line) - len(rest)
		toks, err := parser.Tokenize(rest)
		if err != nil {
			pe, _ := parser.AsError(err)
			t.Print(sh.errorText(off+pe.Offset, tx.Unterminated, pe.Token, ""))
			return commands.ErrFailed
		}
		for i := range toks {
			toks[i].Offset += off
		}
		w, e := walkPath(v, nodeAt(sh.edit), toks, off+len(strings.TrimRight(rest, " \t")))
		if e != nil {
			tok := ""
			for _, tk := range toks {
				if tk.Offset == e.off {
					tok = tk.Text
				}
			}
			sh.printCfgError(t, e, tok)
			return commands.ErrFailed
		}
		switch v {
		case vSet:
			return sh.setPath(t, w)
		case vDelete:
			return sh.deletePath(t, w)
		case vEdit:
			sh.setEdit(append(append([]step(nil), sh.edit...), w.steps...))
			return nil
		default:
			return sh.showCandidate(t, w.steps, w.all)
		}
	}
	// run <operational command>
	if toks, err := parser.Tokenize(line); err == nil && len(toks) > 1 {
		if _, cands, err := cfgGraph.Complete(line[:toks[0].End()]); err == nil && (toks[0].Text == "run" || len(cands) == 1 && cands[0] == "run") {
			return sh.opLine(t, line[toks[1].Offset:], base+toks[1].Offset)
		}
	}
	m, err := cfgGraph.Match(line)
	if err != nil {
		sh.printParseError(t, line, base, err, cfgGraph, false)
		return commands.ErrFailed
	}
	return m.Command.Data.(*commands.Command[*ctx]).Run(&ctx{Ctx: commands.Ctx{S: sh.s, T: t, M: m}, sh: sh})
}

// configAccepts reports whether a configuration-mode line parses.
func (sh *Shell) configAccepts(line string) bool {
	if v, rest, ok := sh.pathCommand(cfgGraph, line, cfgPathVerbs); ok {
		toks, err := parser.Tokenize(rest)
		if err != nil {
			return false
		}
		_, e := walkPath(v, nodeAt(sh.edit), toks, len(rest))
		return e == nil
	}
	if toks, err := parser.Tokenize(line); err == nil && len(toks) > 1 {
		if _, cands, err := cfgGraph.Complete(line[:toks[0].End()]); err == nil && (toks[0].Text == "run" || len(cands) == 1 && cands[0] == "run") {
			sh.config = false
			defer func() { sh.config = true }()
			return sh.accepts(line[toks[1].Offset:])
		}
		if toks[0].Text == "commit" || strings.HasPrefix("commit", toks[0].Text) && len(toks[0].Text) >= 3 {
			_, e := parseCommit(toks[1:])
			return e == nil
		}
	}
	if line == "set" || line == "delete" {
		return false
	}
	_, err := cfgGraph.Match(line)
	return err == nil
}

// configHelp renders `?` in configuration mode.
func (sh *Shell) configHelp(line string) string {
	if v, rest, ok := sh.pathCommand(cfgGraph, line, cfgPathVerbs); ok {
		return sh.pathHelp(v, nodeAt(sh.edit), nil, rest, len(line)-len(rest))
	}
	if toks, err := parser.Tokenize(line); err == nil && len(toks) >= 1 && len(line) > toks[0].End() {
		_, cands, err := cfgGraph.Complete(line[:toks[0].End()])
		first := toks[0].Text
		if err == nil && len(cands) == 1 {
			first = cands[0]
		}
		switch first {
		case "run":
			rest := strings.TrimLeft(line[toks[0].End():], " ")
			sh.config = false
			defer func() { sh.config = true }()
			if v, r, ok := sh.pathCommand(opGraph, rest, opPathVerbs); ok {
				return sh.pathHelp(v, schema, nil, r, len(line)-len(r))
			}
			return sh.graphHelp(opGraph, rest, len(line)-len(rest), false)
		case "commit":
			return commitHelp(line[toks[0].End():])
		}
	}
	return sh.graphHelp(cfgGraph, line, 0, false)
}

// configCandidates lists what Tab and complete-on-space may complete to.
func (sh *Shell) configCandidates(line string) (string, []string, bool) {
	if v, rest, ok := sh.pathCommand(cfgGraph, line, cfgPathVerbs); ok {
		return walkCandidates(v, nodeAt(sh.edit), rest)
	}
	if toks, err := parser.Tokenize(line); err == nil && len(toks) >= 1 && len(line) > toks[0].End() {
		_, cands, err := cfgGraph.Complete(line[:toks[0].End()])
		if err == nil && (toks[0].Text == "run" || len(cands) == 1 && cands[0] == "run") {
			rest := strings.TrimLeft(line[toks[0].End():], " ")
			if _, r, ok := sh.pathCommand(opGraph, rest, opPathVerbs); ok {
				return walkCandidates(vShow, schema, r)
			}
			return graphCandidates(opGraph, rest)
		}
		if err == nil && (toks[0].Text == "commit" || len(cands) == 1 && cands[0] == "commit") {
			return commitCandidates(line[toks[0].End():])
		}
	}
	return graphCandidates(cfgGraph, line)
}

// setEdit moves the session in the hierarchy.
func (sh *Shell) setEdit(p []step) {
	sh.edit = p
	sh.s.Host.Do(func(c *model.Chassis) error {
		c.SetEditPath(sh.s.Module, sh.holder, sh.editLine())
		return nil
	})
}

func (sh *Shell) up(t commands.Terminal, n int) error {
	if len(sh.edit) == 0 {
		t.Print(tx.AtTop + "\n")
		return nil
	}
	if n > len(sh.edit) {
		n = len(sh.edit)
	}
	sh.setEdit(sh.edit[:len(sh.edit)-n])
	return nil
}

// ---- entering and leaving ----

func (sh *Shell) who(c *model.Chassis) model.CommitInfo {
	return model.CommitInfo{Time: c.Now(), User: sh.s.User, Via: "cli"}
}

// editor is how this session registers with the configuration database.
func (sh *Shell) editor(exclusive, private bool) model.Editor {
	return model.Editor{Holder: sh.holder, User: sh.s.User, Terminal: sh.tty, Exclusive: exclusive, Private: private, Path: "[edit]"}
}

// enterConfig is configure [exclusive|private].
func (sh *Shell) enterConfig(x *ctx) error {
	exclusive, private := x.Has("exclusive"), x.Has("private")
	var out strings.Builder
	err := x.Do(func(c *model.Chassis) error {
		i := sh.s.Module
		changed := c.CandidateChanged(i)
		if private && changed {
			out.WriteString(tx.SharedModified + "\n")
			return commands.ErrFailed
		}
		if exclusive && changed {
			out.WriteString(tx.DatabaseModified + "\n")
			return commands.ErrFailed
		}
		others := c.Editors(i)
		if err := c.EnterConfig(i, sh.editor(exclusive, private)); err != nil {
			out.WriteString(lockedText(c, i, sh.holder))
			return commands.ErrFailed
		}
		if private {
			out.WriteString(tx.PrivateWarning + "\n")
		}
		out.WriteString(tx.EnteringConfig + "\n")
		if len(others) > 0 {
			out.WriteString(editorsText(c, i, sh.holder))
		}
		if changed {
			out.WriteString(tx.ChangedNotCommitted + "\n")
		}
		if m := c.Module(i); m != nil && m.State != model.Active {
			out.WriteString(tx.ConfigBackupWarning + "\n")
		}
		c.LogLine(model.LogEntry{Subsystem: fmt.Sprintf("mgd[%d]", sh.pid), Text: fmt.Sprintf(tx.LogConfigEnter, sh.s.User)})
		if private {
			sh.private = c.Committed(i).Clone()
		}
		return nil
	})
	x.Print(out.String())
	if err != nil {
		return err
	}
	sh.config, sh.exclusive, sh.edit = true, exclusive, nil
	return nil
}

// lockedText is the refusal while another session holds the
// configuration exclusively.
func lockedText(c *model.Chassis, i int, holder string) string {
	e, ok := c.LockedBy(i, holder)
	if !ok {
		return tx.DatabaseLocked + "\n"
	}
	return tx.DatabaseLocked + "\n" + fmt.Sprintf(tx.EditorLine, e.User, e.Terminal, pidOf(e.Holder), stamp(e.Since)) + "\n" +
		fmt.Sprintf(tx.EditorPath, "exclusive "+e.Path) + "\n"
}

// editorsText lists the sessions editing an RE's configuration (but
// skip).
func editorsText(c *model.Chassis, i int, skip string) string {
	var b strings.Builder
	b.WriteString(tx.UsersEditing + "\n")
	for _, e := range c.Editors(i) {
		if e.Holder == skip {
			continue
		}
		fmt.Fprintf(&b, tx.EditorLine+"\n", e.User, e.Terminal, pidOf(e.Holder), stamp(e.Since))
		path := e.Path
		if e.Exclusive {
			path = "exclusive " + path
		}
		fmt.Fprintf(&b, tx.EditorPath+"\n", path)
	}
	return b.String()
}

// pidOf is the mgd process id shown for a session.
func pidOf(holder string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(holder, "cli-"))
	return 1200 + n%60000
}

// stamp is Junos's date and time.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") }

// leaveConfig returns to operational mode, letting go of the database
// (an exclusive session's changes are rolled back).
func (sh *Shell) leaveConfig() {
	sh.s.Host.Do(func(c *model.Chassis) error {
		if sh.exclusive {
			c.DiscardCandidate(sh.s.Module)
		}
		c.LeaveConfig(sh.s.Module, sh.holder)
		c.LogLine(model.LogEntry{Subsystem: fmt.Sprintf("mgd[%d]", sh.pid), Text: fmt.Sprintf(tx.LogConfigExit, sh.s.User)})
		return nil
	})
	sh.config, sh.exclusive, sh.private, sh.edit = false, false, nil, nil
}

// changed reports whether this session's candidate has uncommitted
// changes.
func (sh *Shell) changed() bool {
	ch := false
	sh.s.Host.View(func(c *model.Chassis) {
		if sh.private != nil {
			ch = !model.TreeEqual(sh.private.Tree, c.Committed(sh.s.Module).Tree)
		} else {
			ch = c.CandidateChanged(sh.s.Module)
		}
	})
	return ch
}

// exitConfig is exit/quit: one level up, or out of configuration mode at
// the top (or with configuration-mode), asking first when changes are
// not committed.
func (sh *Shell) exitConfig(t commands.Terminal, all bool) error {
	if !all && len(sh.edit) > 0 {
		sh.setEdit(sh.edit[:len(sh.edit)-1])
		return nil
	}
	if sh.changed() && !sh.s.Exec {
		t.Print(tx.ChangedNotCommitted + "\n")
		if sh.exclusive {
			a, err := t.Word(tx.ExclusiveQuit, []string{"yes", "no"}, "yes")
			if err != nil {
				return wordErr(err)
			}
			if a != "yes" {
				return nil
			}
			t.Print(tx.Discarding + "\n" + tx.LoadComplete + "\n")
		} else {
			a, err := t.Word(tx.ExitUncommitted, []string{"yes", "no"}, "yes")
			if err != nil {
				return wordErr(err)
			}
			if a != "yes" {
				return nil
			}
		}
	}
	t.Print(tx.ExitingConfig + "\n")
	sh.leaveConfig()
	return nil
}

// wordErr maps a cancelled question to doing nothing.
func wordErr(err error) error {
	if errors.Is(err, commands.ErrCancelled) {
		return nil
	}
	return err
}

// ---- editing ----

// locked prints the refusal when another session holds the database.
func (sh *Shell) locked(t commands.Terminal) bool {
	var text string
	sh.s.Host.View(func(c *model.Chassis) {
		if _, ok := c.LockedBy(sh.s.Module, sh.holder); ok {
			text = lockedText(c, sh.s.Module, sh.holder)
		}
	})
	if text != "" {
		t.Print(text)
		return true
	}
	return false
}

// editCandidate changes this session's candidate (the private copy, or
// the RE's shared one).
func (sh *Shell) editCandidate(fn func(cf *model.Config) error) error {
	if sh.private != nil {
		n := sh.private.Clone()
		if err := fn(n); err != nil {
			return err
		}
		sh.private = n
		return nil
	}
	return sh.s.Host.Do(func(c *model.Chassis) error {
		return c.EditCandidate(sh.s.Module, sh.who(c), fn)
	})
}

// candidate is a copy of this session's candidate.
func (sh *Shell) candidate() *model.Config {
	if sh.private != nil {
		return sh.private.Clone()
	}
	var cf *model.Config
	sh.s.Host.View(func(c *model.Chassis) { cf = c.Candidate(sh.s.Module).Clone() })
	return cf
}

func (sh *Shell) fullSteps(w *walk) *walk {
	w2 := *w
	w2.steps = append(append([]step(nil), sh.edit...), w.steps...)
	return &w2
}

func (sh *Shell) setPath(t commands.Terminal, w *walk) error {
	if sh.locked(t) {
		return commands.ErrFailed
	}
	full := sh.fullSteps(w)
	return sh.editCandidate(func(cf *model.Config) error {
		applySet(&cf.Tree, schema, full)
		derive(cf)
		return nil
	})
}

var errNotFound = errors.New("junos: statement not found")

func (sh *Shell) deletePath(t commands.Terminal, w *walk) error {
	if sh.locked(t) {
		return commands.ErrFailed
	}
	full := sh.fullSteps(w)
	err := sh.editCandidate(func(cf *model.Config) error {
		if !applyDelete(&cf.Tree, schema, full) {
			return errNotFound
		}
		derive(cf)
		return nil
	})
	if errors.Is(err, errNotFound) {
		t.Print(tx.StatementNotFound + "\n")
		return nil
	}
	return err
}

// rollback loads an earlier configuration into the candidate.
func (sh *Shell) rollback(t commands.Terminal, n int) error {
	if sh.locked(t) {
		return commands.ErrFailed
	}
	var old *model.Config
	sh.s.Host.View(func(c *model.Chassis) {
		if cf, err := c.Rollback(sh.s.Module, n); err == nil {
			old = cf.Clone()
		}
	})
	if old == nil {
		return sh.fail(t, fmt.Sprintf(tx.BadRollback, n))
	}
	if n == 0 && sh.private == nil {
		sh.s.Host.Do(func(c *model.Chassis) error { c.DiscardCandidate(sh.s.Module); return nil })
	} else if err := sh.editCandidate(func(cf *model.Config) error {
		cf.Tree = old.Tree
		derive(cf)
		return nil
	}); err != nil {
		return err
	}
	t.Print(tx.LoadComplete + "\n")
	return nil
}

// ---- show ----

// showCandidate is configuration-mode show: the candidate at the edit
// path and the given steps.
func (sh *Shell) showCandidate(t commands.Terminal, steps []step, all bool) error {
	cf := sh.candidate()
	full := append(append([]step(nil), sh.edit...), steps...)
	if len(full) == 0 {
		var b strings.Builder
		var ci model.CommitInfo
		sh.s.Host.View(func(c *model.Chassis) { ci = commitOf(c, sh.s.Module, cf) })
		b.WriteString(fmt.Sprintf(tx.LastChanged, stamp(ci.Time), ci.User) + "\n")
		render(&b, cf.Tree, schema, 0)
		t.Print(b.String())
		return nil
	}
	t.Print(subtreeText(cf.Tree, full, all))
	return nil
}

// subtreeText renders what a path holds, at indent 0.
func subtreeText(tree []*model.Stmt, steps []step, all bool) string {
	var b strings.Builder
	if all {
		// a list named without a key: its entries
		parentSteps := steps[:len(steps)-1]
		list, _, ok := subtree(tree, parentSteps)
		if !ok {
			return ""
		}
		pn := nodeAt(parentSteps)
		for _, s := range list {
			if k, _ := pn.nodeFor(s.Key); k == steps[len(steps)-1].n {
				render(&b, []*model.Stmt{s}, pn, 0)
			}
		}
		return b.String()
	}
	list, s, ok := subtree(tree, steps)
	if !ok {
		return ""
	}
	last := steps[len(steps)-1].n
	if last.isContainerLike() {
		render(&b, list, last, 0)
		return b.String()
	}
	render(&b, []*model.Stmt{s}, nodeAt(steps[:len(steps)-1]), 0)
	return b.String()
}

// showConfiguration is operational show configuration [path].
func (sh *Shell) showConfiguration(t commands.Terminal, v verb, rest string, off int, line string, base int) error {
	toks, err := parser.Tokenize(rest)
	if err != nil {
		pe, _ := parser.AsError(err)
		t.Print(sh.errorText(off+pe.Offset, tx.Unterminated, pe.Token, ""))
		return commands.ErrFailed
	}
	for i := range toks {
		toks[i].Offset += off
	}
	w, e := walkPath(vShow, schema, toks, off+len(rest))
	if e != nil {
		tok := ""
		for _, tk := range toks {
			if tk.Offset == e.off {
				tok = tk.Text
			}
		}
		sh.printCfgError(t, e, tok)
		return commands.ErrFailed
	}
	var cf *model.Config
	var ci model.CommitInfo
	sh.s.Host.View(func(c *model.Chassis) {
		cf = c.Committed(sh.s.Module).Clone()
		ci = commitOf(c, sh.s.Module, cf)
	})
	if cf == nil {
		return nil
	}
	if len(w.steps) == 0 {
		var b strings.Builder
		b.WriteString(fmt.Sprintf(tx.LastCommit, stamp(ci.Time), ci.User) + "\n")
		render(&b, cf.Tree, schema, 0)
		t.Print(b.String())
		return nil
	}
	t.Print(subtreeText(cf.Tree, w.steps, w.all))
	return nil
}

// showPiped is show (or show configuration) | compare / | display set.
func (sh *Shell) showPiped(t commands.Terminal, cmd string, rollbackN int, displaySetOn bool) error {
	if sh.config {
		// run show configuration | ...: the operational command
		if toks, err := parser.Tokenize(cmd); err == nil && len(toks) > 1 {
			if _, cands, err := cfgGraph.Complete(cmd[:toks[0].End()]); err == nil && (toks[0].Text == "run" || len(cands) == 1 && cands[0] == "run") {
				sh.config = false
				defer func() { sh.config = true }()
				cmd = cmd[toks[1].Offset:]
			}
		}
	}
	var steps []step
	var cf, old *model.Config
	g, verbs := opGraph, opPathVerbs
	if sh.config {
		g, verbs = cfgGraph, cfgPathVerbs
	}
	v, rest, ok := sh.pathCommand(g, cmd, verbs)
	bare := strings.TrimSpace(cmd)
	if !ok {
		// "show" or "show configuration" alone
		if m, err := g.Match(cmd); err != nil || !(m.Command.Spec == "show" || m.Command.Spec == "show configuration") {
			return sh.dispatch(t, cmd, 0)
		}
	} else if v != vShow {
		return sh.dispatch(t, cmd, 0)
	} else {
		toks, err := parser.Tokenize(rest)
		if err != nil {
			return sh.dispatch(t, cmd, 0)
		}
		at := schema
		if sh.config {
			at = nodeAt(sh.edit)
		}
		off := len(cmd) - len(rest)
		for i := range toks {
			toks[i].Offset += off
		}
		w, e := walkPath(vShow, at, toks, len(strings.TrimRight(cmd, " ")))
		if e != nil {
			sh.printCfgError(t, e, "")
			return commands.ErrFailed
		}
		steps = w.steps
	}
	_ = bare
	if sh.config {
		steps = append(append([]step(nil), sh.edit...), steps...)
		cf = sh.candidate()
	}
	var bad bool
	sh.s.Host.View(func(c *model.Chassis) {
		if cf == nil {
			cf = c.Committed(sh.s.Module).Clone()
		}
		if rollbackN >= 0 {
			r, err := c.Rollback(sh.s.Module, rollbackN)
			if err != nil {
				bad = true
				return
			}
			old = r.Clone()
		}
	})
	if bad {
		return sh.fail(t, fmt.Sprintf(tx.BadRollback, rollbackN))
	}
	if rollbackN >= 0 {
		if !sh.config && rollbackN >= 0 {
			// show configuration | compare rollback N: the committed
			// configuration against rollback N
		}
		oldList, _, _ := subtree(old.Tree, steps)
		curList, _, _ := subtree(cf.Tree, steps)
		var b strings.Builder
		var path []string
		for _, s := range steps {
			path = append(path, quoteKey(s.key))
		}
		diffLevel(&b, oldList, curList, nodeAt(steps), path)
		t.Print(b.String())
		return nil
	}
	// | display set
	list, s, ok2 := subtree(cf.Tree, steps)
	if !ok2 {
		return nil
	}
	var b strings.Builder
	prefix := ""
	for _, st := range steps {
		prefix += quoteKey(st.key) + " "
	}
	if len(steps) > 0 && !nodeAt(steps).isContainerLike() {
		pn := nodeAt(steps[:len(steps)-1])
		pp := ""
		for _, st := range steps[:len(steps)-1] {
			pp += quoteKey(st.key) + " "
		}
		displaySet(&b, []*model.Stmt{s}, pn, pp)
	} else {
		displaySet(&b, list, nodeAt(steps), prefix)
	}
	t.Print(b.String())
	return nil
}

// ---- commit ----

// commitOpts are the options of a commit.
type commitOpts struct {
	check, andQuit, sync, confirmed bool
	minutes                         int
	comment                         string
}

var commitWords = []struct{ word, help string }{
	{"and-quit", "Quit configuration mode if commit succeeds"},
	{"check", "Check correctness of syntax; do not apply changes"},
	{"comment", "Message to write to commit log"},
	{"confirmed", "Automatically rollback if not confirmed"},
	{"synchronize", "Synchronize commit on both Routing Engines"},
}

// parseCommit reads commit's options (in any order).
func parseCommit(toks []parser.Token) (commitOpts, *cfgError) {
	var o commitOpts
	seen := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var words []string
		for _, w := range commitWords {
			if !seen[w.word] {
				words = append(words, w.word)
			}
		}
		m := matchWord(t, words)
		if len(m) > 1 {
			return o, &cfgError{msg: fmt.Sprintf(tx.Ambiguous, t.Text), off: t.Offset}
		}
		if len(m) == 0 {
			return o, &cfgError{msg: tx.SyntaxError, off: t.Offset}
		}
		seen[m[0]] = true
		switch m[0] {
		case "and-quit":
			o.andQuit = true
		case "check":
			o.check = true
		case "synchronize":
			o.sync = true
		case "comment":
			if i+1 >= len(toks) {
				return o, &cfgError{msg: tx.MissingArgument, off: t.End() + 1}
			}
			i++
			o.comment = toks[i].Text
		case "confirmed":
			o.confirmed, o.minutes = true, 10
			if i+1 < len(toks) && !toks[i+1].Quoted && toks[i+1].Text != "" && strings.Trim(toks[i+1].Text, "0123456789") == "" {
				i++
				n, err := strconv.Atoi(toks[i].Text)
				if err != nil || n < 1 || n > 65535 {
					return o, &cfgError{msg: fmt.Sprintf(tx.OutOfRange, toks[i].Text, "1..65535"), off: toks[i].Offset}
				}
				o.minutes = n
			}
		}
	}
	if o.check && (o.andQuit || o.confirmed || o.comment != "") {
		for _, t := range toks {
			if t.Text != "check" && !strings.HasPrefix("check", t.Text) {
				return o, &cfgError{msg: tx.SyntaxError, off: t.Offset}
			}
		}
	}
	return o, nil
}

func commitHelp(rest string) string {
	toks, _ := parser.Tokenize(rest)
	partial := ""
	if rest != "" && rest[len(rest)-1] != ' ' && len(toks) > 0 {
		partial = toks[len(toks)-1].Text
		toks = toks[:len(toks)-1]
	}
	if len(toks) > 0 && (toks[len(toks)-1].Text == "comment") && partial == "" {
		return tx.PossibleCompletions + "\n" + helpLine(' ', "<log>", "Message to write to commit log")
	}
	seen := map[string]bool{}
	for _, t := range toks {
		for _, w := range commitWords {
			if strings.HasPrefix(w.word, t.Text) {
				seen[w.word] = true
			}
		}
	}
	var b strings.Builder
	b.WriteString(tx.PossibleCompletions + "\n")
	if partial == "" {
		b.WriteString(enterLine())
	}
	for _, w := range commitWords {
		if !seen[w.word] && strings.HasPrefix(w.word, partial) {
			b.WriteString(helpLine(' ', w.word, w.help))
		}
	}
	if partial == "" {
		b.WriteString(pipeLine())
	}
	return b.String()
}

func commitCandidates(rest string) (string, []string, bool) {
	toks, _ := parser.Tokenize(rest)
	partial := ""
	if rest != "" && rest[len(rest)-1] != ' ' && len(toks) > 0 {
		partial = toks[len(toks)-1].Text
		toks = toks[:len(toks)-1]
	}
	if len(toks) > 0 && (toks[len(toks)-1].Text == "comment" || toks[len(toks)-1].Text == "confirmed") {
		return partial, nil, true
	}
	var out []string
	for _, w := range commitWords {
		if strings.HasPrefix(w.word, partial) {
			out = append(out, w.word)
		}
	}
	return partial, out, false
}

// commitCmd is commit [check] [and-quit] [comment C] [confirmed [N]]
// [synchronize].
func (sh *Shell) commitCmd(t commands.Terminal, m *parser.Match) error {
	rest, _ := m.Value("OPTIONS")
	toks, _ := parser.Tokenize(rest)
	// the options' offsets in the typed line
	off := sh.lastBase
	if len(m.Tokens) > 1 {
		off += m.Tokens[1].Offset - 0
		for i := range toks {
			toks[i].Offset += m.Tokens[1].Offset + sh.lastBase
		}
	}
	o, e := parseCommit(toks)
	if e != nil {
		if e.msg == tx.MissingArgument {
			e.off = sh.lastBase + len(strings.TrimRight(sh.lastLine, " ")) + 1
		}
		sh.printCfgError(t, e, "")
		return commands.ErrFailed
	}
	_ = off
	return sh.commit(t, o)
}

// commit commits the candidate (or checks it).
func (sh *Shell) commit(t commands.Terminal, o commitOpts) error {
	if sh.locked(t) {
		return commands.ErrFailed
	}
	if sh.private != nil && len(sh.edit) > 0 && !o.check {
		return sh.fail(t, tx.PrivateTop)
	}
	if sh.private != nil && o.confirmed {
		return sh.fail(t, tx.ConfirmedPrivate)
	}
	cand := sh.candidate()
	var out strings.Builder
	var failed bool
	sh.s.Host.Do(func(c *model.Chassis) error {
		r := commitNow(c, sh.s.Module, cand, o, sh.who(c), sh.pid)
		// a virtual-chassis member prints the one-RE form
		vc := vcMember(c)
		header := func(name string) {
			if r.sync && !vc {
				out.WriteString(fmt.Sprintf(tx.REHeader, name) + "\n")
			}
		}
		switch {
		case r.backup:
			out.WriteString(tx.CommitOnBackup + "\n")
			failed = true
			return nil
		case r.prob != nil:
			out.WriteString(r.prob.cli + "\n")
			failed = true
			return nil
		}
		header(r.myName)
		out.WriteString(tx.ConfigCheckSucceeds + "\n")
		if r.sync && !r.otherUp && !vc {
			out.WriteString(tx.SyncUnreachable + "\n")
		}
		if o.check {
			if r.sync && r.otherUp {
				header(r.otherName)
				out.WriteString(tx.ConfigCheckSucceeds + "\n")
			}
			return nil
		}
		if o.confirmed {
			out.WriteString(fmt.Sprintf(tx.CommitConfirmedWill, o.minutes) + "\n")
		}
		if r.synced {
			header(r.otherName)
			out.WriteString(tx.CommitComplete + "\n")
			header(r.myName)
		}
		out.WriteString(tx.CommitComplete + "\n")
		return nil
	})
	t.Print(out.String())
	if failed {
		return commands.ErrFailed
	}
	if !o.check && sh.private != nil {
		sh.private = sh.candidateCommitted()
	}
	if o.andQuit && !o.check {
		t.Print(tx.ExitingConfig + "\n")
		sh.leaveConfig()
	}
	return nil
}

// candidateCommitted is a fresh private copy after a commit.
func (sh *Shell) candidateCommitted() *model.Config {
	var cf *model.Config
	sh.s.Host.View(func(c *model.Chassis) { cf = c.Committed(sh.s.Module).Clone() })
	return cf
}

// setVersion writes the RE's release into the version statement.
func setVersion(cf *model.Config, m *model.Module) {
	if m.Running == nil {
		return
	}
	if s := model.FindStmt(cf.Tree, "version"); s != nil {
		s.Value = m.Running.Version
		return
	}
	insertOrdered(&cf.Tree, schema, &model.Stmt{Key: "version", Value: m.Running.Version})
}

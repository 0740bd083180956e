package junos

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// Shell is the Junos CLI of one session on one Routing Engine. The RE's
// role is read at every prompt ({master} or {backup}): a session stays on
// its RE through a mastership switch.
type Shell struct {
	s      *commands.Session
	holder string // names the session in the configuration database
	tty    string // its terminal ("p0", "d0")
	pid    int

	config    bool
	edit      []step        // the [edit ...] path
	private   *model.Config // configure private: the private copy
	exclusive bool

	completeOnSpace bool
	timestamp       bool

	// other is the session on the other RE ("request routing-engine
	// login other-routing-engine") while it runs
	other *Shell
	// nested: this shell runs inside another's rlogin
	nested bool

	// the configuration-mode line being run and its offset in the typed
	// line (for carets)
	lastLine string
	lastBase int
}

func newShell(s *commands.Session) *Shell {
	n := 0
	s.Host.Do(func(c *model.Chassis) error { n = c.SessionNumber(); return nil })
	sh := &Shell{s: s, holder: fmt.Sprintf("cli-%d", n), pid: pidOf(fmt.Sprintf("cli-%d", n)), completeOnSpace: true}
	sh.tty = fmt.Sprintf("p%d", n)
	if s.Transport == "CONSOLE" {
		sh.tty = "d0"
	}
	return sh
}

// errRloginExit ends a nested session.
var errRloginExit = errors.New("junos: rlogin exit")

func (sh *Shell) cur() *Shell {
	if sh.other != nil {
		return sh.other.cur()
	}
	return sh
}

// role is this RE's banner word: "master" or "backup".
func (sh *Shell) role() string {
	r := "master"
	sh.s.Host.View(func(c *model.Chassis) {
		if m := c.Module(sh.s.Module); m != nil && m.State != model.Active {
			r = "backup"
		}
	})
	return r
}

// host is this RE's host name (from its committed configuration).
func (sh *Shell) host(c *model.Chassis) string {
	if cf := c.Committed(sh.s.Module); cf != nil {
		return cf.Hostname
	}
	return ""
}

// Prompt is the banner line ({master}, {backup}; with [edit ...] in
// configuration mode) and "user@host> " or "user@host# ".
func (sh *Shell) Prompt() string {
	if sh.other != nil {
		return sh.other.Prompt()
	}
	var b strings.Builder
	var host string
	role := "master"
	var pending, word string
	sh.s.Host.View(func(c *model.Chassis) {
		host = sh.host(c)
		if m := c.Module(sh.s.Module); m != nil && m.State != model.Active {
			role = "backup"
		}
		word = banner(c, role)
		if sh.config && role == "master" {
			if at, ok := c.ConfirmPending(); ok {
				mins := int((at.Sub(c.Now()) + 59*1e9) / (60 * 1e9))
				if mins < 1 {
					mins = 1
				}
				pending = fmt.Sprintf(tx.CommitConfirmedPending, mins) + "\n"
			}
		}
	})
	b.WriteString(pending)
	b.WriteString(word)
	if sh.config {
		b.WriteString(sh.editLine())
	}
	b.WriteString("\n")
	b.WriteString(sh.s.User)
	if host != "" {
		b.WriteString("@" + host)
	}
	if sh.config {
		b.WriteString("# ")
	} else {
		b.WriteString("> ")
	}
	return b.String()
}

// editLine is "[edit]" or "[edit interfaces ge-2/0/0]".
func (sh *Shell) editLine() string {
	if len(sh.edit) == 0 {
		return "[edit]"
	}
	return "[edit " + pathText(sh.edit) + "]"
}

// promptWidth is the width of the prompt's last line (carets count from
// the start of the prompt).
func (sh *Shell) promptWidth() int {
	p := sh.Prompt()
	if i := strings.LastIndexByte(p, '\n'); i >= 0 {
		p = p[i+1:]
	}
	return len(p)
}

// Welcome prints the login banner.
func (sh *Shell) Welcome(t commands.Terminal) error {
	if sh.s.Exec {
		return nil
	}
	var text string
	sh.s.Host.Do(func(c *model.Chassis) error {
		text = loginBanner(c, sh.s.Module)
		if sh.s.Transport != "CONSOLE" && !sh.nested {
			c.LogLine(model.LogEntry{Subsystem: fmt.Sprintf("sshd[%d]", sh.pid), Text: fmt.Sprintf(tx.LogLogin, sh.s.User, sh.s.Peer)})
		}
		return nil
	})
	t.Print(text)
	return nil
}

// loginBanner is "--- JUNOS <release> built <date>" for an RE's software.
func loginBanner(c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil || m.Running == nil {
		return ""
	}
	return fmt.Sprintf(tx.LoginBanner, m.Running.Version, m.Running.Built.UTC().Format("2006-01-02 15:04:05 UTC"))
}

// End lets go of the configuration database when the session ends.
func (sh *Shell) End() {
	if sh.other != nil {
		sh.other.End()
	}
	if sh.config {
		sh.leaveConfig()
	}
}

// ---- running a line ----

// Run executes one line: the command, its pipes, then the blank line
// Junos prints before the next prompt.
func (sh *Shell) Run(t commands.Terminal, line string) error {
	if sh.other != nil {
		err := sh.other.Run(t, line)
		if errors.Is(err, errRloginExit) {
			sh.other = nil
			t.Print("\n" + tx.RloginClosed + "\n\n")
			return nil
		}
		return err
	}
	if sh.s.Exec {
		// one command: whatever it took (configuration mode) ends with it
		defer sh.End()
	}
	if sh.timestamp && !sh.s.Exec {
		t.Print(sh.s.Host.Now().Format(tx.TimestampFormat) + "\n")
	}
	err := sh.run(t, line)
	if errors.Is(err, commands.ErrLogout) || errors.Is(err, errRloginExit) || errors.Is(err, commands.ErrInterrupted) {
		return err
	}
	if !sh.s.Exec && !errors.Is(err, errNoBlank) {
		t.Print("\n")
	}
	if errors.Is(err, errNoBlank) {
		return nil
	}
	return err
}

// errNoBlank: the command printed its own ending.
var errNoBlank = errors.New("junos: no blank line")

func (sh *Shell) run(t commands.Terminal, line string) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	parts, offs := commands.SplitPipes(line)
	cmd := parts[0]
	if len(parts) == 1 {
		return sh.dispatch(t, cmd, 0)
	}
	// pipes
	var filters []commands.TextFilter
	noMore, compare, displaySet, displayXML := false, -1, false, false
	for i, p := range parts[1:] {
		pm, err := pipeGraph.Match(p)
		if err != nil {
			sh.printParseError(t, p, offs[i+1], err, pipeGraph, true)
			return commands.ErrFailed
		}
		pc := pm.Command.Data.(*commands.Command[*pipeCtx])
		px := &pipeCtx{m: pm}
		if e := pc.Run(px); e != nil {
			return sh.fail(t, e.Error())
		}
		f := px.filter
		switch {
		case pm.Has("no-more"):
			noMore = true
		case pm.Has("compare"):
			compare = 0
			if v, ok := pm.Value("ROLLBACK"); ok {
				fmt.Sscan(v, &compare)
			}
		case pm.Has("display") && pm.Has("set"):
			displaySet = true
		case pm.Has("display") && pm.Has("xml"):
			displayXML = true
		}
		if f != nil {
			filters = append(filters, f)
		}
	}
	if noMore {
		old := sh.s.Paging
		sh.s.Paging = false
		defer func() { sh.s.Paging = old }()
	}
	cap := commands.NewCapture(t)
	var err error
	switch {
	case displayXML && compare < 0 && !displaySet:
		err = sh.displayXML(cap, cmd)
	case compare >= 0 || displaySet:
		err = sh.showPiped(cap, cmd, compare, displaySet)
	default:
		err = sh.dispatch(cap, cmd, 0)
	}
	t.Print(commands.RunFilters(cap.Text(), filters...))
	return err
}

// fail prints an error line and marks the command failed.
func (sh *Shell) fail(t commands.Terminal, text string) error {
	t.Print(text + "\n")
	return commands.ErrFailed
}

// dispatch runs a command (without pipes); base is its offset in the
// typed line, for carets.
func (sh *Shell) dispatch(t commands.Terminal, line string, base int) error {
	if sh.config {
		return sh.configLine(t, line, base)
	}
	return sh.opLine(t, line, base)
}

// opLine runs an operational command.
func (sh *Shell) opLine(t commands.Terminal, line string, base int) error {
	if v, rest, ok := sh.pathCommand(opGraph, line, opPathVerbs); ok {
		return sh.showConfiguration(t, v, rest, base+len(line)-len(rest), line, base)
	}
	m, err := opGraph.Match(line)
	if err != nil {
		sh.printParseError(t, line, base, err, opGraph, false)
		return commands.ErrFailed
	}
	return m.Command.Data.(*commands.Command[*ctx]).Run(&ctx{Ctx: commands.Ctx{S: sh.s, T: t, M: m}, sh: sh})
}

// ---- errors ----

// caret is the caret line under column off of the typed line, then the
// message.
func (sh *Shell) caret(off int, msg string) string {
	return strings.Repeat(" ", sh.promptWidth()+off) + "^\n" + msg + "\n"
}

// errorText renders a failure: a caret and message on an interactive
// session, the one-line "error: ...: token" form over ssh exec.
func (sh *Shell) errorText(off int, msg, token string, extra string) string {
	if sh.s.Exec {
		return fmt.Sprintf(tx.ExecError, strings.TrimSuffix(msg, "."), token) + "\n"
	}
	return sh.caret(off, msg) + extra
}

// printParseError prints a parse error of the graph for the line (at
// base in the typed line).
func (sh *Shell) printParseError(t sink, line string, base int, err error, g *parser.Graph, pipe bool) {
	pe, ok := parser.AsError(err)
	if !ok {
		return
	}
	toks, _ := parser.Tokenize(line)
	first := len(toks) == 0 || pe.Offset == toks[0].Offset
	switch pe.Kind {
	case parser.ErrInvalid:
		msg := tx.SyntaxExpecting
		switch {
		case first && !pipe:
			msg = tx.UnknownCommand
		case expectsValue(g, line[:pe.Offset]):
			msg = tx.SyntaxError
		}
		t.Print(sh.errorText(base+pe.Offset, msg, pe.Token, ""))
	case parser.ErrAmbiguous:
		items, _ := g.Describe(line[:pe.Offset+len(pe.Token)])
		var b strings.Builder
		b.WriteString(tx.PossibleCompletions + "\n")
		for _, it := range items {
			if !it.CR && !it.Param {
				b.WriteString(helpLine(' ', it.Word, it.Help))
			}
		}
		t.Print(sh.errorText(base+pe.Offset, fmt.Sprintf(tx.Ambiguous, pe.Token), pe.Token, b.String()))
	case parser.ErrIncomplete:
		end := len(strings.TrimRight(line, " \t"))
		msg := tx.SyntaxExpecting
		if expectsValue(g, line+" ") {
			msg = tx.MissingArgument
		}
		t.Print(sh.errorText(base+end+1, msg, pe.Token, ""))
	case parser.ErrBadValue:
		t.Print(sh.errorText(base+pe.Offset, pe.Detail, pe.Token, ""))
	case parser.ErrUnterminated:
		t.Print(sh.errorText(base+pe.Offset, tx.Unterminated, pe.Token, ""))
	}
}

// expectsValue reports whether the graph wants a parameter after line.
func expectsValue(g *parser.Graph, line string) bool {
	items, err := g.Describe(line)
	if err != nil {
		return false
	}
	for _, it := range items {
		if it.Param {
			return true
		}
	}
	return false
}

// printCfgError prints a configuration path error.
func (sh *Shell) printCfgError(t sink, e *cfgError, token string) {
	extra := ""
	if len(e.ambig) > 0 {
		var b strings.Builder
		b.WriteString(tx.PossibleCompletions + "\n")
		for _, it := range e.ambig {
			b.WriteString(helpLine(it.mark, it.word, it.help))
		}
		extra = b.String()
	}
	t.Print(sh.errorText(e.off, e.msg, token, extra))
}

// ---- help and completion ----

// helpLine is one `?` line: the marker, the word padded to 19, two
// spaces, the help (the description starts at column 23).
func helpLine(mark byte, word, help string) string {
	l := fmt.Sprintf("%c %-19s  %s", mark, word, help)
	return strings.TrimRight(l, " ") + "\n"
}

func enterLine() string { return helpLine(' ', tx.HelpEnter, tx.HelpEnterText) }
func pipeLine() string  { return helpLine(' ', "|", tx.HelpPipe) }

// Help renders `?` for the line typed so far.
func (sh *Shell) Help(line string) string {
	if sh.other != nil {
		return sh.other.Help(line)
	}
	parts, offs := commands.SplitPipes(line)
	if len(parts) > 1 {
		last := len(parts) - 1
		return sh.graphHelp(pipeGraph, parts[last], offs[last], true)
	}
	if sh.config {
		return sh.configHelp(line)
	}
	if v, rest, ok := sh.pathCommand(opGraph, line, opPathVerbs); ok {
		return sh.pathHelp(v, schema, nil, rest, len(line)-len(rest))
	}
	return sh.graphHelp(opGraph, line, 0, false)
}

// graphHelp lists a graph's completions.
func (sh *Shell) graphHelp(g *parser.Graph, line string, base int, pipe bool) string {
	items, err := g.Describe(line)
	if err != nil {
		pe, ok := parser.AsError(err)
		if !ok {
			return ""
		}
		var cap strings.Builder
		sh.printParseError(printer{&cap}, line, base, pe, g, pipe)
		return cap.String()
	}
	if len(items) == 0 {
		return tx.NoCompletions + "\n"
	}
	var b strings.Builder
	b.WriteString(tx.PossibleCompletions + "\n")
	cr := false
	for _, it := range items {
		if it.CR {
			cr = true
		}
	}
	if cr {
		b.WriteString(enterLine())
	}
	for _, it := range items {
		switch {
		case it.CR:
		case it.Param:
			b.WriteString(helpLine(' ', "<"+strings.ToLower(it.Word)+">", it.Help))
		default:
			b.WriteString(helpLine(' ', it.Word, it.Help))
		}
	}
	if cr && !pipe {
		b.WriteString(pipeLine())
	}
	return b.String()
}

// printer is a Terminal-like sink for texts built for help.
type printer struct{ b *strings.Builder }

func (p printer) Print(s string) { p.b.WriteString(s) }

// Complete implements Tab.
func (sh *Shell) Complete(line string) (string, string) {
	if sh.other != nil {
		return sh.other.Complete(line)
	}
	partial, cands := sh.candidates(line)
	if partial == "" && len(cands) == 0 {
		return "", ""
	}
	ins, list := commands.CompleteWord(partial, cands)
	if len(list) == 0 {
		return ins, ""
	}
	var b strings.Builder
	b.WriteString(tx.PossibleCompletions + "\n")
	for _, c := range list {
		b.WriteString(helpLine(' ', c, ""))
	}
	return "", b.String()
}

// candidates are the keywords the word being typed may become, and
// whether a value could stand there instead.
func (sh *Shell) candidates(line string) (string, []string) {
	p, c, _ := sh.candidatesValue(line)
	return p, c
}

func (sh *Shell) candidatesValue(line string) (partial string, cands []string, value bool) {
	parts, _ := commands.SplitPipes(line)
	if len(parts) > 1 {
		return graphCandidates(pipeGraph, parts[len(parts)-1])
	}
	if sh.config {
		return sh.configCandidates(line)
	}
	if _, rest, ok := sh.pathCommand(opGraph, line, opPathVerbs); ok {
		return walkCandidates(vShow, schema, rest)
	}
	return graphCandidates(opGraph, line)
}

func graphCandidates(g *parser.Graph, line string) (string, []string, bool) {
	items, err := g.Describe(line)
	if err != nil {
		return "", nil, true
	}
	partial := ""
	if n := len(line); n > 0 && line[n-1] != ' ' && line[n-1] != '\t' {
		i := strings.LastIndexAny(line, " \t")
		partial = line[i+1:]
	}
	// the keywords the word may become, and whether a parameter could
	// take it
	var cands []string
	value := false
	for _, it := range items {
		switch {
		case it.Param:
			value = true
		case !it.CR:
			cands = append(cands, it.Word)
		}
	}
	return partial, cands, value
}

// CompleteSpace is complete-on-space: a space typed after a strict prefix
// of exactly one keyword, where no value could stand, completes it. A
// whole keyword, a value and quoted text stay as typed.
func (sh *Shell) CompleteSpace(line string) string {
	c := sh.cur()
	if !c.completeOnSpace || c.s.Exec {
		return ""
	}
	if line == "" || line[len(line)-1] == ' ' || line[len(line)-1] == '"' {
		return ""
	}
	partial, cands, value := c.candidatesValue(line)
	if value || partial == "" || len(cands) != 1 || cands[0] == partial || !strings.HasPrefix(cands[0], partial) {
		return ""
	}
	return cands[0][len(partial):] + " "
}

// EnterEcho is the blank Junos echoes after a command it accepts.
func (sh *Shell) EnterEcho(line string) string {
	c := sh.cur()
	if strings.TrimSpace(line) == "" || strings.HasSuffix(line, " ") || !c.accepts(line) {
		return ""
	}
	return " "
}

// accepts reports whether a line parses (it would run, not fail with a
// syntax error).
func (sh *Shell) accepts(line string) bool {
	parts, _ := commands.SplitPipes(line)
	for _, p := range parts[1:] {
		if _, err := pipeGraph.Match(p); err != nil {
			return false
		}
	}
	cmd := parts[0]
	if sh.config {
		return sh.configAccepts(cmd)
	}
	if _, rest, ok := sh.pathCommand(opGraph, cmd, opPathVerbs); ok {
		toks, err := parser.Tokenize(rest)
		if err != nil {
			return false
		}
		_, e := walkPath(vShow, schema, toks, len(rest))
		return e == nil
	}
	_, err := opGraph.Match(cmd)
	return err == nil
}

// pathCommand recognises a command whose tail is a configuration path
// ("show configuration system"): it returns the verb, the path text and
// true when the line's first words resolve to one of verbs.
func (sh *Shell) pathCommand(g *parser.Graph, line string, verbs map[string]verb) (verb, string, bool) {
	toks, err := parser.Tokenize(line)
	if err != nil || len(toks) == 0 {
		return 0, "", false
	}
	for words, v := range verbs {
		seq := strings.Fields(words)
		if len(toks) < len(seq) {
			continue
		}
		ok := true
		for i, w := range seq {
			if toks[i].Quoted || !strings.HasPrefix(w, toks[i].Text) {
				ok = false
				break
			}
		}
		for i, w := range seq {
			if !ok {
				break
			}
			_, cands, err := g.Complete(line[:toks[i].End()])
			if err != nil || toks[i].Quoted {
				ok = false
				break
			}
			if !(toks[i].Text == w || len(cands) == 1 && cands[0] == w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		last := toks[len(seq)-1].End()
		if last == len(line) {
			// the verb is still being typed
			if len(seq) == len(toks) {
				return 0, "", false
			}
		}
		return v, strings.TrimLeft(line[last:], " \t"), true
	}
	return 0, "", false
}

// pathHelp renders `?` for a configuration path: rest is the path typed
// so far, base its offset in the line.
func (sh *Shell) pathHelp(v verb, at *node, pre []step, rest string, base int) string {
	toks, err := parser.Tokenize(rest)
	if err != nil {
		return ""
	}
	partial := ""
	if rest != "" && rest[len(rest)-1] != ' ' && len(toks) > 0 {
		partial = toks[len(toks)-1].Text
		toks = toks[:len(toks)-1]
	}
	w := newWalk(v, at)
	w.steps = append(w.steps, pre...)
	for _, tk := range toks {
		if e := w.feed(tk); e != nil {
			e.off += base
			var b strings.Builder
			sh.printCfgError(printer{&b}, e, tk.Text)
			return b.String()
		}
	}
	items, canEnd := w.options()
	var b strings.Builder
	n := 0
	for _, it := range items {
		if partial != "" && !strings.HasPrefix(it.word, partial) && !strings.HasPrefix(it.word, "<") {
			continue
		}
		if partial != "" && strings.HasPrefix(it.word, "<") && w.st == eKid && len(w.keywords()) > 0 {
			// a partial word lists the keywords it begins and the value it may be
		}
		if n == 0 {
			b.WriteString(tx.PossibleCompletions + "\n")
			if canEnd && partial == "" {
				b.WriteString(enterLine())
			}
		}
		b.WriteString(helpLine(it.mark, it.word, it.help))
		n++
	}
	if n == 0 {
		if partial == "" && canEnd {
			return tx.PossibleCompletions + "\n" + enterLine() + pipeLine()
		}
		return tx.NoCompletions + "\n"
	}
	if canEnd && partial == "" {
		b.WriteString(pipeLine())
	}
	return b.String()
}

// walkCandidates lists the keywords a path's last word may become.
func walkCandidates(v verb, at *node, rest string) (string, []string, bool) {
	toks, err := parser.Tokenize(rest)
	if err != nil {
		return "", nil, true
	}
	partial := ""
	if rest != "" && rest[len(rest)-1] != ' ' && len(toks) > 0 {
		partial = toks[len(toks)-1].Text
		toks = toks[:len(toks)-1]
	}
	w := newWalk(v, at)
	for _, tk := range toks {
		if e := w.feed(tk); e != nil {
			return "", nil, true
		}
	}
	var out []string
	for _, k := range w.keywords() {
		if strings.HasPrefix(k, partial) {
			out = append(out, k)
		}
	}
	value := false
	switch w.st {
	case eKid:
		value = w.n.anon() != nil
	case eKey:
		value = len(w.n.key.enum) == 0
	case eValue, eValues, eInList:
		value = len(w.n.val.enum) == 0
	}
	return partial, out, value
}

// ---- pipes ----

type pipeCtx struct {
	m      *parser.Match
	filter commands.TextFilter
}

func (p *pipeCtx) value(name string) string { v, _ := p.m.Value(name); return v }

func pattern(p *pipeCtx) (*regexp.Regexp, error) {
	re, err := regexp.Compile("(?i)" + p.value("PATTERN"))
	if err != nil {
		return nil, fmt.Errorf("error: invalid regular expression '%s'", p.value("PATTERN"))
	}
	return re, nil
}

var pipeTable = []*commands.Command[*pipeCtx]{
	{In: 1, Spec: "count", Help: []string{"Count occurrences"},
		Run: func(p *pipeCtx) error { p.filter = commands.Count(tx.CommitCount); return nil }},
	{In: 1, Spec: "except PATTERN:string", Help: []string{"Show only text that does not match a pattern", "Pattern to avoid"},
		Run: func(p *pipeCtx) error {
			re, err := pattern(p)
			p.filter = commands.Keep(re, true)
			return err
		}},
	{In: 1, Spec: "find PATTERN:string", Help: []string{"Search for first occurrence of pattern", "Pattern to search for"},
		Run: func(p *pipeCtx) error {
			re, err := pattern(p)
			p.filter = commands.From(re)
			return err
		}},
	{In: 1, Spec: "match PATTERN:string", Help: []string{"Show only text that matches a pattern", "Pattern to match"},
		Run: func(p *pipeCtx) error {
			re, err := pattern(p)
			p.filter = commands.Keep(re, false)
			return err
		}},
	{In: 1, Spec: "last [LINES:lines]", Help: []string{"Display end of output only", "Number of lines to display"},
		Run: func(p *pipeCtx) error {
			n := 0
			fmt.Sscan(p.value("LINES"), &n)
			if n == 0 {
				n = 24
			}
			p.filter = commands.Last(n)
			return nil
		}},
	{In: 1, Spec: "no-more", Help: []string{"Don't paginate output"},
		Run: func(p *pipeCtx) error { return nil }},
	{In: 1, Spec: "display set", Help: []string{"Show additional kinds of information", "Show 'set' commands that create configuration"},
		Run: func(p *pipeCtx) error { return nil }},
	{In: 1, Spec: "display xml", Help: []string{"Show additional kinds of information", "Show XML tags with output"},
		Run: func(p *pipeCtx) error { return nil }},
	{In: 1, Spec: "compare [rollback ROLLBACK:rollback]", Help: []string{"Compare configuration changes with prior version", "Compare with a rollback", "Index of rollback configuration"},
		Run: func(p *pipeCtx) error { return nil }},
}

// pipeGraph and the other graphs are built at start-up.
var pipeGraph = commands.BuildGraph(1, junosTypes, policy, pipeTable)

// sink is where error texts go (a terminal, or a help text being built).
type sink interface{ Print(s string) }

package console

import (
	"errors"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// Note types posted to a Conn by the server.
type (
	// Interrupt stops the program running on the conn (its module changed
	// role, or the session must end).
	Interrupt struct{}
	// Changed says the chassis changed (wakes Wait).
	Changed struct{}
	// Text is output to show at once (boot output on a module console).
	Text string
	// ModuleState is a module's state as of this point in the stream of
	// notes, so a module console switches programs in order with the boot
	// output that came before.
	ModuleState struct {
		State model.State
		Stage model.Stage
	}
)

var _ commands.Welcomer = (*CLI)(nil)

// Watcher registers a conn for Changed notes while it waits on the model.
type Watcher interface {
	Watch(c *Conn) (cancel func())
}

// CLI runs a vendor Shell on a Conn and is the Terminal its handlers use.
type CLI struct {
	conn  *Conn
	sess  *commands.Session
	shell commands.Shell
	watch Watcher
	texts commands.Texts
	// handle decides what a note does (true: interrupt).
	handle func(any) bool

	swallow bool // drop one Enter right after a single-key answer

	// paint, when set, paints the terminal (commands.Painter); fresh: a
	// painted session that has shown nothing yet
	paint commands.Painter
	fresh bool

	// pager state for the command being run: rows since the last pager
	// prompt, rows shown in all
	lines   int
	shown   int
	discard bool
	running bool
	stopped error // the session was interrupted at the pager
}

// NewCLI prepares a CLI with the vendor's texts (its pager).
func NewCLI(conn *Conn, sess *commands.Session, shell commands.Shell, watch Watcher, texts commands.Texts) *CLI {
	t := &CLI{conn: conn, sess: sess, shell: shell, watch: watch, texts: texts}
	t.handle = func(n any) bool {
		switch v := n.(type) {
		case Interrupt:
			return true
		case Text:
			conn.Write(string(v))
		}
		return false
	}
	return t
}

// SetHandler replaces the note handler (module consoles watch roles).
func (t *CLI) SetHandler(h func(any) bool) { t.handle = h }

// SetShell swaps the shell (after a role change on a module console).
func (t *CLI) SetShell(s commands.Shell) { t.shell = s }

// SetPainter makes the session paint its terminal with p (nil: plain
// text). Only interactive sessions on a terminal are painted.
func (t *CLI) SetPainter(p commands.Painter) {
	if t.sess.Exec || !t.conn.Terminal() {
		p = nil
	}
	t.paint = p
}

// EndPaint paints the end of a painted session on a terminal that stays
// connected (a module console); plain sessions write nothing.
func (t *CLI) EndPaint() {
	if t.paint != nil {
		t.conn.WritePainted(t.paint.End(t.conn.col, t.size()), t.conn.col)
	}
}

// size is the terminal's size, for the painter.
func (t *CLI) size() commands.Size {
	w, h := t.conn.Size()
	return commands.Size{Rows: h, Cols: w}
}

// begin paints the start of a session that shows no banner, before its
// first output.
func (t *CLI) begin() {
	if t.fresh {
		t.fresh = false
		t.conn.WritePainted(t.paint.Begin(t.size()), 0)
	}
}

// errStop maps the console's internal errors to what handlers see.
func errStop(err error) error {
	if errors.Is(err, errInterrupt) || errors.Is(err, ErrClosed) {
		return commands.ErrInterrupted
	}
	return err
}

// key reads one key: NULs (keepalives) are skipped, and right after a
// single-key answer one CR, LF or CRLF is dropped.
func (t *CLI) key() (byte, error) {
	for {
		b, err := t.conn.next(t.handle)
		if err != nil {
			return 0, err
		}
		if b == 0 {
			continue
		}
		if t.swallow {
			t.swallow = false
			if b == '\r' {
				t.conn.peek('\n')
				continue
			}
			if b == '\n' {
				continue
			}
		}
		return b, nil
	}
}

// Serve runs the session until logout, interruption or disconnect.
// It returns nil on logout and commands.ErrInterrupted otherwise.
func (t *CLI) Serve() error {
	if e, ok := t.shell.(commands.Ender); ok {
		defer e.End()
	}
	t.applySize()
	t.fresh = t.paint != nil
	if err := t.shell.Welcome(t); err != nil {
		if errors.Is(err, commands.ErrLogout) {
			return nil
		}
		return errStop(err)
	}
	if t.sess.OnLogin != nil {
		t.sess.OnLogin()
	}
	for {
		// a command may have ended this session (a switchover): stop
		// before showing another prompt
		if err := t.conn.poll(t.handle); err != nil {
			return errStop(err)
		}
		line, err := t.readLine(t.shell.Prompt())
		if err != nil {
			return errStop(err)
		}
		err = t.RunLine(line)
		if errors.Is(err, commands.ErrLogout) {
			return nil
		}
		if errors.Is(err, commands.ErrInterrupted) {
			return err
		}
	}
}

// RunLine executes one line with the pager armed.
func (t *CLI) RunLine(line string) error {
	t.applySize()
	if strings.TrimSpace(line) != "" {
		t.remember(line)
	}
	t.lines, t.shown, t.discard, t.running, t.stopped = 0, 0, false, true, nil
	err := t.shell.Run(t, line)
	t.running, t.discard = false, false
	if t.stopped != nil {
		err, t.stopped = t.stopped, nil
	}
	return err
}

func (t *CLI) applySize() {
	if w, h, ok := t.conn.takeResize(); ok {
		t.sess.Width, t.sess.Height = w, h
	}
}

func (t *CLI) remember(line string) {
	h := t.sess.History
	if n := len(h); n > 0 && h[n-1] == line {
		return
	}
	h = append(h, line)
	if len(h) > 100 {
		h = h[1:]
	}
	t.sess.History = h
}

// Print writes command output through the pager.
func (t *CLI) Print(s string) {
	if t.discard {
		return
	}
	if t.fresh {
		t.begin()
	}
	h := t.sess.Height
	if !t.running || t.sess.Exec || !t.sess.Paging || h < 2 {
		t.conn.Write(s)
		return
	}
	for s != "" {
		// the pager asks before a line that no longer fits, so an output
		// that fills the screen exactly ends at the prompt
		if t.lines >= h-1 {
			if !t.more(t.shown * 100 / (t.shown + strings.Count(s, "\n"))) {
				t.discard = true
				return
			}
		}
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			t.conn.Write(s)
			return
		}
		t.conn.Write(s[:i+1])
		s = s[i+1:]
		r := rows(i, t.sess.Width)
		t.lines += r
		t.shown += r
	}
}

// page prints a listing that is not a command's output (a `?` listing)
// through the pager; it returns the error that ended the session at the
// pager, if one did.
func (t *CLI) page(s string) error {
	t.applySize()
	t.lines, t.shown, t.discard, t.running, t.stopped = 0, 0, false, true, nil
	t.Print(s)
	t.running, t.discard = false, false
	err := t.stopped
	t.stopped = nil
	return err
}

// rows is how many screen rows a line of n characters takes.
func rows(n, width int) int {
	if width <= 0 || n <= width {
		return 1
	}
	return (n + width - 1) / width
}

// more shows the pager prompt (at percent of the output) and waits:
// Space for a page, Enter for a line, ^C (or q) to quit; with the
// vendor's any-key pager every other key is a page. It reports whether to
// go on.
func (t *CLI) more(percent int) bool {
	prompt := t.texts.Pager(percent)
	if t.paint != nil {
		t.conn.WritePainted(t.paint.More(prompt, t.size()), len(prompt))
	} else {
		t.conn.Write(prompt)
	}
	for {
		b, err := t.key()
		if err != nil {
			// the session is ending (a switchover, kill, a hang-up): keep
			// that, so the command and the session stop
			t.discard = true
			t.stopped = errStop(err)
			return false
		}
		switch b {
		case ' ':
			t.lines = 0
		case '\r', '\n':
			if b == '\r' {
				t.conn.peek('\n')
			}
			t.lines = t.sess.Height - 2
		case 3, 'q', 'Q':
			t.erase(len(prompt))
			return false
		default:
			if !t.texts.PagerAnyKey {
				continue
			}
			t.lines = 0
		}
		t.erase(len(prompt))
		return true
	}
}

func (t *CLI) erase(n int) {
	if t.paint != nil {
		t.conn.WritePainted(t.paint.Unmore(n, t.size()), 0)
		return
	}
	t.conn.WriteRaw([]byte("\r" + strings.Repeat(" ", n) + "\r"))
}

// Confirm asks a single-key [y/n] question that echoes the key.
func (t *CLI) Confirm(q string, cancel bool) (commands.Answer, error) {
	return t.Ask(commands.Question{Text: q, Cancel: cancel})
}

// Ask asks a single-key question.
func (t *CLI) Ask(q commands.Question) (commands.Answer, error) {
	t.begin()
	t.conn.Write(q.Text)
	if t.paint != nil {
		t.conn.WritePainted(t.paint.Park(t.conn.col, t.size()), t.conn.col)
	}
	t.lines = 0
	answer := func(b byte, a commands.Answer) (commands.Answer, error) {
		if q.Echo != nil {
			t.conn.Write(q.Echo(a))
		} else {
			t.conn.WriteRaw([]byte{b})
		}
		t.conn.Write("\n")
		return a, nil
	}
	for {
		b, err := t.key()
		if err != nil {
			if t.sess.Exec && errors.Is(err, ErrClosed) {
				t.conn.Write("\n")
				return commands.No, nil
			}
			return commands.No, errStop(err)
		}
		switch b {
		case 'y', 'Y':
			t.swallow = true
			return answer(b, commands.Yes)
		case 'n', 'N':
			t.swallow = true
			return answer(b, commands.No)
		case '\r', '\n':
			if q.EnterAnswers {
				if b == '\r' {
					t.conn.peek('\n')
				}
				if q.Echo != nil {
					return answer(b, q.Enter)
				}
				t.conn.Write("\n")
				return q.Enter, nil
			}
		case 3:
			// ^C answers only where the question offers it ([y/n/^C]);
			// elsewhere it is one of the keys that are ignored
			if q.Cancel {
				t.conn.Write("\n")
				return commands.Cancel, nil
			}
		}
	}
}

// Word asks a question answered by a word and Enter.
func (t *CLI) Word(q string, words []string, def string) (string, error) {
	for {
		line, err := t.ReadLine(q, true)
		if err != nil {
			return "", err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			return def, nil
		}
		var match []string
		for _, w := range words {
			if strings.HasPrefix(w, strings.ToLower(line)) {
				match = append(match, w)
			}
		}
		if len(match) == 1 {
			return match[0], nil
		}
	}
}

// ReadLine prompts for a line; echo false hides the typing.
func (t *CLI) ReadLine(prompt string, echo bool) (string, error) {
	t.begin()
	t.conn.Write(prompt)
	var line []byte
	for {
		b, err := t.key()
		if err != nil {
			return "", errStop(err)
		}
		switch {
		case b == '\r' || b == '\n':
			if b == '\r' {
				t.conn.peek('\n')
			}
			t.conn.Write("\n")
			return string(line), nil
		case b == 0x7f || b == 0x08:
			if len(line) > 0 {
				line = line[:len(line)-1]
				if echo {
					t.conn.WriteRaw([]byte("\b \b"))
				}
			}
		case b == 3:
			t.conn.Write("\n")
			return "", commands.ErrCancelled
		case b >= 0x20 && b < 0x7f || b >= 0x80:
			if len(line) < t.conn.MaxLine {
				line = append(line, b)
				if echo {
					t.conn.WriteRaw([]byte{b})
				}
			}
		}
	}
}

// Banner prints a login banner (commands.Welcomer); a painted session
// sets the screen up for it first.
func (t *CLI) Banner(text string) {
	if t.paint != nil {
		t.fresh = false
		t.conn.WritePainted(t.paint.Banner(t.size()), 0)
	}
	t.conn.Write(text)
}

// AnyKeyText prints text and waits for one key (commands.Welcomer).
func (t *CLI) AnyKeyText(text string) error {
	t.begin()
	if t.paint != nil {
		t.conn.WritePainted(t.paint.AnyKey(text, t.size()), len(text))
	} else {
		t.conn.Write(text)
	}
	return t.AnyKey()
}

// AnyKey waits for one key; a CRLF pair counts as one.
func (t *CLI) AnyKey() error {
	b, err := t.key()
	if err != nil {
		return errStop(err)
	}
	if b == '\r' {
		t.conn.peek('\n')
	}
	if t.paint != nil {
		t.conn.WritePainted(t.paint.Key(t.size()), 0)
	}
	return nil
}

// Wait blocks until cond holds on the chassis.
func (t *CLI) Wait(cond func(c *model.Chassis) bool) error {
	if t.watch != nil {
		cancel := t.watch.Watch(t.conn)
		defer cancel()
	}
	t.conn.mu.Lock()
	t.conn.waitingModel = true
	t.conn.mu.Unlock()
	defer func() {
		t.conn.mu.Lock()
		t.conn.waitingModel = false
		t.conn.mu.Unlock()
	}()
	for {
		ok := false
		t.sess.Host.View(func(c *model.Chassis) { ok = cond(c) })
		if ok {
			return nil
		}
		if err := t.conn.wait(t.handle, false); err != nil {
			return errStop(err)
		}
	}
}

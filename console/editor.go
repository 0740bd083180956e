package console

import (
	"bytes"
	"strings"

	"github.com/switchsim/switchsim/commands"
)

// Control keys of the line editor.
const (
	keyCtrlA     = 0x01
	keyCtrlB     = 0x02
	keyCtrlC     = 0x03
	keyCtrlD     = 0x04
	keyCtrlE     = 0x05
	keyCtrlF     = 0x06
	keyBackspace = 0x08
	keyTab       = 0x09
	keyCtrlK     = 0x0b
	keyCtrlL     = 0x0c
	keyCtrlN     = 0x0e
	keyCtrlP     = 0x10
	keyCtrlU     = 0x15
	keyCtrlW     = 0x17
	keyEsc       = 0x1b
	keyDelete    = 0x7f
)

// editor is the state of the line being typed. It redraws with plain
// backspaces and spaces only, so every client and the transcript
// terminal model see the same text. On a painted session (CLI.paint) the
// edits below write nothing: after each key, sync paints the difference
// between the line as shown and the line as it is.
type editor struct {
	t      *CLI
	prompt string
	line   []byte
	pos    int
	hist   int // index into history while browsing; len(history) = the new line
	saved  []byte

	// painted sessions: the line and cursor as the screen shows them;
	// wrapped: the line outgrew its row, so the rest of it is redrawn
	// the plain way
	shown    []byte
	shownPos int
	wrapped  bool
}

func (e *editor) painted() bool { return e.t.paint != nil }

func (e *editor) out(p []byte) {
	if !e.painted() {
		e.t.conn.WriteRaw(p)
	}
}
func (e *editor) outS(s string) {
	if !e.painted() {
		e.t.conn.WriteRaw([]byte(s))
	}
}
func (e *editor) back(n int) { e.outS(strings.Repeat("\b", n)) }

// showPrompt draws the prompt, painted or plain.
func (e *editor) showPrompt() {
	if e.painted() {
		e.t.conn.WritePainted(e.t.paint.Prompt(e.prompt, e.t.size()), len(e.prompt))
		e.shown, e.shownPos, e.wrapped = nil, 0, false
		return
	}
	e.t.conn.Write(e.prompt)
}

// sync paints what changed in the line since it was last shown: the
// text from the first difference on (blanks over what got shorter), the
// cursor left at its place. A line that no longer fits its row is
// redrawn from then on with backspaces and text, as plain sessions are.
func (e *editor) sync() {
	if !e.painted() {
		return
	}
	old, cur := e.shown, e.line
	if e.shownPos == e.pos && bytes.Equal(old, cur) {
		// nothing changed (a key past MaxLine, an ignored control key)
		return
	}
	i := 0
	for i < len(old) && i < len(cur) && old[i] == cur[i] {
		i++
	}
	text := append([]byte(nil), cur[i:]...)
	if len(old) > len(cur) {
		text = append(text, strings.Repeat(" ", len(old)-len(cur))...)
	}
	sz := e.t.size()
	p := len(e.prompt)
	if !e.wrapped && p+len(old) < sz.Cols && p+len(cur) < sz.Cols {
		if i == len(old) && i == len(cur) {
			// the cursor moved: nothing to draw
			i, text = e.shownPos, nil
		}
		e.t.conn.WritePainted(e.t.paint.Edit(p+i, string(text), p+e.pos, sz), p+e.pos)
	} else {
		e.wrapped = true
		var b []byte
		if e.shownPos > i {
			b = append(b, strings.Repeat("\b", e.shownPos-i)...)
		} else {
			b = append(b, old[e.shownPos:i]...)
		}
		b = append(b, text...)
		b = append(b, strings.Repeat("\b", i+len(text)-e.pos)...)
		e.t.conn.WriteRaw(b)
	}
	e.shown = append(e.shown[:0], cur...)
	e.shownPos = e.pos
}

func (e *editor) tail() []byte { return e.line[e.pos:] }
func (e *editor) redrawTail(extra int) {
	e.out(e.tail())
	e.outS(strings.Repeat(" ", extra))
	e.back(len(e.tail()) + extra)
}

func (e *editor) insert(b []byte) {
	room := e.t.conn.MaxLine - len(e.line)
	if room <= 0 {
		return
	}
	if len(b) > room {
		b = b[:room]
	}
	rest := append([]byte(nil), e.tail()...)
	e.line = append(append(e.line[:e.pos], b...), rest...)
	e.pos += len(b)
	e.out(b)
	if len(rest) > 0 {
		e.redrawTail(0)
	}
}

func (e *editor) deleteBack(n int) {
	if n > e.pos {
		n = e.pos
	}
	if n == 0 {
		return
	}
	e.line = append(e.line[:e.pos-n], e.line[e.pos:]...)
	e.pos -= n
	e.back(n)
	e.redrawTail(n)
}

// replace swaps the whole line (history).
func (e *editor) replace(s []byte) {
	e.back(e.pos)
	old := len(e.line)
	e.line = append([]byte(nil), s...)
	e.pos = len(e.line)
	e.out(e.line)
	if old > len(e.line) {
		e.outS(strings.Repeat(" ", old-len(e.line)))
		e.back(old - len(e.line))
	}
}

// paintAt draws text at the cursor, over what the line shows there (the
// ? of help), leaving the cursor after it.
func (e *editor) paintAt(text string) {
	sz := e.t.size()
	p := len(e.prompt)
	if e.wrapped || p+e.pos+len(text) >= sz.Cols {
		e.t.conn.WriteRaw([]byte(text))
		return
	}
	e.t.conn.WritePainted(e.t.paint.Edit(p+e.pos, text, p+e.pos+len(text), sz), p+e.pos+len(text))
}

// redraw prints the prompt and line again (after help or a listing).
func (e *editor) redraw() {
	e.showPrompt()
	e.out(e.line)
	e.back(len(e.line) - e.pos)
	e.sync()
}

// inQuote reports whether the cursor is inside an open double quote,
// where ? and Tab are ordinary characters.
func (e *editor) inQuote() bool {
	return strings.Count(string(e.line[:e.pos]), `"`)%2 == 1
}

// readLine shows the prompt and edits a line until Enter.
func (t *CLI) readLine(prompt string) (string, error) {
	e := &editor{t: t, prompt: prompt, hist: len(t.sess.History)}
	t.begin()
	e.showPrompt()
	for {
		e.sync()
		b, err := t.key()
		if err != nil {
			return "", err
		}
		switch b {
		case '\r', '\n':
			if b == '\r' {
				t.conn.peek('\n')
			}
			// to the end of the line first: what follows must not
			// overwrite the rest of a line that wrapped on the screen
			e.out(e.tail())
			e.pos = len(e.line)
			e.sync()
			if ee, ok := t.shell.(commands.EnterEchoer); ok {
				t.conn.Write(ee.EnterEcho(string(e.line)))
			}
			if e.painted() {
				t.conn.WritePainted(t.paint.Enter(t.size()), 0)
			} else {
				t.conn.Write("\n")
			}
			return string(e.line), nil
		case keyCtrlC:
			t.conn.Write("\n")
			e.line, e.pos = nil, 0
			e.showPrompt()
		case keyDelete, keyBackspace:
			e.deleteBack(1)
		case keyCtrlA:
			e.back(e.pos)
			e.pos = 0
		case keyCtrlE:
			e.out(e.tail())
			e.pos = len(e.line)
		case keyCtrlB:
			if e.pos > 0 {
				e.back(1)
				e.pos--
			}
		case keyCtrlF:
			if e.pos < len(e.line) {
				e.out(e.line[e.pos : e.pos+1])
				e.pos++
			}
		case keyCtrlU:
			e.deleteBack(e.pos)
		case keyCtrlK:
			n := len(e.tail())
			e.outS(strings.Repeat(" ", n))
			e.back(n)
			e.line = e.line[:e.pos]
		case keyCtrlW:
			i := e.pos
			for i > 0 && e.line[i-1] == ' ' {
				i--
			}
			for i > 0 && e.line[i-1] != ' ' {
				i--
			}
			e.deleteBack(e.pos - i)
		case keyCtrlD:
			if e.pos < len(e.line) {
				e.out(e.line[e.pos : e.pos+1])
				e.pos++
				e.deleteBack(1)
			}
		case keyCtrlP:
			e.history(-1)
		case keyCtrlN:
			e.history(1)
		case keyCtrlL:
			t.conn.Write("\n")
			e.redraw()
		case keyEsc:
			if err := e.escape(); err != nil {
				return "", err
			}
		case keyTab:
			if e.inQuote() {
				e.insert([]byte{' '})
				continue
			}
			e.complete()
		case '?':
			if e.inQuote() {
				e.insert([]byte{'?'})
				continue
			}
			help := t.shell.Help(string(e.line[:e.pos]))
			e.outS("?")
			if e.painted() {
				// the ? shows where it was typed; the listing starts on
				// the next line
				e.paintAt("?")
			}
			t.conn.Write("\n")
			if err := t.page(help); err != nil {
				return "", err
			}
			e.redraw()
		case ' ':
			if sc, ok := t.shell.(commands.SpaceCompleter); ok && e.pos == len(e.line) && !e.inQuote() {
				if ins := sc.CompleteSpace(string(e.line)); ins != "" {
					e.insert([]byte(ins))
					continue
				}
			}
			e.insert([]byte{b})
		default:
			if b >= 0x20 || b >= 0x80 {
				e.insert([]byte{b})
			}
		}
	}
}

func (e *editor) history(dir int) {
	h := e.t.sess.History
	n := e.hist + dir
	if n < 0 || n > len(h) {
		return
	}
	if e.hist == len(h) {
		e.saved = append([]byte(nil), e.line...)
	}
	e.hist = n
	if n == len(h) {
		e.replace(e.saved)
		return
	}
	e.replace([]byte(h[n]))
}

// escape handles cursor keys (ESC [ x, ESC O x) and drops other
// sequences, including cursor position reports (ESC [ r ; c R).
func (e *editor) escape() error {
	b, err := e.t.key()
	if err != nil {
		return err
	}
	if b != '[' && b != 'O' {
		return nil
	}
	var params []byte
	for {
		b, err = e.t.key()
		if err != nil {
			return err
		}
		if b >= 0x40 && b <= 0x7e {
			break
		}
		if len(params) > 16 {
			return nil
		}
		params = append(params, b)
	}
	switch {
	case b == 'A':
		e.history(-1)
	case b == 'B':
		e.history(1)
	case b == 'C':
		if e.pos < len(e.line) {
			e.out(e.line[e.pos : e.pos+1])
			e.pos++
		}
	case b == 'D':
		if e.pos > 0 {
			e.back(1)
			e.pos--
		}
	case b == 'H' || b == '~' && string(params) == "1":
		e.back(e.pos)
		e.pos = 0
	case b == 'F' || b == '~' && string(params) == "4":
		e.out(e.tail())
		e.pos = len(e.line)
	case b == '~' && string(params) == "3":
		if e.pos < len(e.line) {
			e.out(e.line[e.pos : e.pos+1])
			e.pos++
			e.deleteBack(1)
		}
	}
	return nil
}

// complete inserts the completion of the word before the cursor, or
// lists the candidates when there are several.
func (e *editor) complete() {
	ins, listing := e.t.shell.Complete(string(e.line[:e.pos]))
	if ins != "" {
		e.insert([]byte(ins))
		return
	}
	if listing != "" {
		e.t.conn.Write("\n")
		e.t.conn.Write(listing)
		e.redraw()
	}
}

package console

import (
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
// terminal model see the same text.
type editor struct {
	t      *CLI
	prompt string
	line   []byte
	pos    int
	hist   int // index into history while browsing; len(history) = the new line
	saved  []byte
}

func (e *editor) out(p []byte)  { e.t.conn.WriteRaw(p) }
func (e *editor) outS(s string) { e.t.conn.WriteRaw([]byte(s)) }
func (e *editor) back(n int)    { e.outS(strings.Repeat("\b", n)) }
func (e *editor) tail() []byte  { return e.line[e.pos:] }
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

// redraw prints the prompt and line again (after help or a listing).
func (e *editor) redraw() {
	e.t.conn.Write(e.prompt)
	e.out(e.line)
	e.back(len(e.line) - e.pos)
}

// inQuote reports whether the cursor is inside an open double quote,
// where ? and Tab are ordinary characters.
func (e *editor) inQuote() bool {
	return strings.Count(string(e.line[:e.pos]), `"`)%2 == 1
}

// readLine shows the prompt and edits a line until Enter.
func (t *CLI) readLine(prompt string) (string, error) {
	e := &editor{t: t, prompt: prompt, hist: len(t.sess.History)}
	t.conn.Write(prompt)
	for {
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
			if ee, ok := t.shell.(commands.EnterEchoer); ok {
				t.conn.Write(ee.EnterEcho(string(e.line)))
			}
			t.conn.Write("\n")
			return string(e.line), nil
		case keyCtrlC:
			t.conn.Write("\n")
			e.line, e.pos = nil, 0
			t.conn.Write(prompt)
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

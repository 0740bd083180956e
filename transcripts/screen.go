package transcripts

// Screen is the small terminal model a transcript compares through: what
// a console shows, line by line, rather than the bytes that drew it. CR
// returns to column 0, LF moves down a row (keeping the column, as a
// VT100 does), BS moves left, Tab moves to the next multiple of 8, and
// every other byte is written in place. Other control bytes are written
// visibly as ^X, so they show up in a diff instead of vanishing. Lines do
// not wrap: a screen row is a logical line of any length.
//
// A cell that was written keeps what was written there, spaces included,
// so a prompt's trailing blank is part of the text; cells never written
// are not. The byte-level details (CR CR LF, one write per response) are
// checked by the console's own tests.
//
// That is the plain screen (NewScreen), for sessions that write lines.
// A painted session's output needs a terminal of a fixed size that
// interprets cursor addressing and scroll regions (NewTerminal,
// terminal.go); its text is read the same way.
type Screen struct {
	rows [][]byte
	col  int
	vt   *terminal // NewTerminal's
}

// NewScreen is an empty screen with the cursor at the top left.
func NewScreen() *Screen { return &Screen{rows: [][]byte{nil}} }

func (s *Screen) put(b byte) {
	r := len(s.rows) - 1
	row := s.rows[r]
	for len(row) < s.col {
		row = append(row, ' ')
	}
	if s.col < len(row) {
		row[s.col] = b
	} else {
		row = append(row, b)
	}
	s.rows[r] = row
	s.col++
}

// Write draws output bytes.
func (s *Screen) Write(p []byte) {
	if s.vt != nil {
		s.vt.write(p)
		return
	}
	for _, b := range p {
		switch {
		case b == '\r':
			s.col = 0
		case b == '\n':
			s.rows = append(s.rows, nil)
		case b == '\b':
			if s.col > 0 {
				s.col--
			}
		case b == '\t':
			s.col = (s.col/8 + 1) * 8
		case b < 0x20:
			s.put('^')
			s.put(b + '@')
		case b == 0x7f:
			s.put('^')
			s.put('?')
		default:
			s.put(b)
		}
	}
}

// mark is where a screen stood at a checkpoint: rows above the cursor row
// never change again (nothing moves the cursor up), so the cursor row and
// its text are all that is needed to find what changed since.
type mark struct {
	row  int
	text string
}

// Mark records the screen as it is now.
func (s *Screen) Mark() mark {
	if s.vt != nil {
		return s.vt.mark()
	}
	r := len(s.rows) - 1
	return mark{row: r, text: string(s.rows[r])}
}

// Since returns the rows that changed after m: from the cursor row of
// then (when its text changed, as when a command is typed after a
// prompt) or the row after it, to the cursor row now.
func (s *Screen) Since(m mark) []string {
	if s.vt != nil {
		return s.vt.since(m)
	}
	start := m.row
	if start < len(s.rows) && string(s.rows[start]) == m.text {
		start++
	}
	var out []string
	for _, r := range s.rows[start:] {
		out = append(out, string(r))
	}
	return out
}

// Lines is the whole screen.
func (s *Screen) Lines() []string {
	if s.vt != nil {
		lines, _ := s.vt.doc()
		return lines
	}
	var out []string
	for _, r := range s.rows {
		out = append(out, string(r))
	}
	return out
}

package transcripts

import (
	"strconv"
	"strings"
)

// terminal is the screen model of a painted session (NewTerminal): a
// VT100 of a fixed size with a scrollback, for the output of a CLI that
// paints its terminal. It interprets what such a stream uses: absolute
// cursor moves (CUP, HVP, CHA, VPA) and relative ones, scroll regions
// (DECSTBM) and origin mode, line wrap on and off (DECAWM: a line wider
// than the terminal wraps onto the next row, or its last column is
// overwritten), NEL, IND and RI, erasing in the line and the display (EL,
// ED), inserting and deleting lines (IL, DL), saving the cursor; cursor
// visibility and character attributes change nothing it keeps. Any other
// sequence is written visibly, as control bytes are ("^[" and the rest),
// so it shows up in a diff.
//
// Its text, what a transcript compares, is the screen read as a page that
// scrolls: the rows that scrolled off the top (when the scroll region
// starts at the top) and the rows the screen holds, where
//   - a row counts once something was written on it or a line feed
//     left it (it ended a line, empty or not); the cursor's row counts
//     too, as the line the next text goes on. Rows the cursor jumped
//     over are layout, not text: a prompt drawn on the last row of a
//     screen that is not full yet follows the text above it;
//   - a row that wrapped onto the next is one line with it, as a
//     terminal's copy and reflow treat it;
//   - erasing the display (ED 2) moves what it shows into the scrollback
//     first, as VTE does (and xterm with cdXtraScroll): the rows above the
//     cursor, and the cursor's row if it holds text;
//   - as on the plain Screen, a cell that was written keeps what was
//     written there, spaces included, and erasing it (EL, ED 0 and 1)
//     leaves a blank there, as writing a space over it does on the plain
//     screen; cells never written are not part of the line, so a line
//     ends with its last written cell.
type terminal struct {
	cols, rows int
	grid       []*trow
	back       []*trow // scrolled off the top, oldest first
	r, c       int     // cursor, 0-based
	pending    bool    // the last column was written: the next character wraps
	top, bot   int     // scroll region, 0-based and inclusive
	wrap       bool    // DECAWM
	origin     bool    // DECOM
	saved      [2]int  // ESC 7

	state  int
	params []byte
}

// a row of the terminal
type trow struct {
	cells   []byte // 0: never written (or erased)
	touched bool   // written on, or left by a line feed
	wrapped bool   // its text goes on on the next row
}

// parser states
const (
	stGround = iota
	stEsc
	stCSI
	stCharset
)

// NewTerminal is an empty terminal of cols x rows with the cursor at the
// top left, line wrap on.
func NewTerminal(cols, rows int) *Screen {
	if cols < 2 {
		cols = 80
	}
	if rows < 2 {
		rows = 24
	}
	t := &terminal{cols: cols, rows: rows, bot: rows - 1, wrap: true}
	t.grid = make([]*trow, rows)
	for i := range t.grid {
		t.grid[i] = &trow{}
	}
	return &Screen{vt: t}
}

func (t *terminal) write(p []byte) {
	for _, b := range p {
		switch t.state {
		case stEsc:
			t.escape(b)
			continue
		case stCSI:
			if b >= 0x20 && b <= 0x3f {
				t.params = append(t.params, b)
				continue
			}
			t.state = stGround
			if b >= 0x40 && b <= 0x7e {
				t.csi(b)
				continue
			}
			// a control byte cuts the sequence short: show what came
			t.visible("^[[" + string(t.params))
		case stCharset:
			t.state = stGround
			continue
		}
		switch {
		case b == 0x1b:
			t.state = stEsc
		case b == '\r':
			t.c, t.pending = 0, false
		case b == '\n':
			t.lineFeed()
		case b == '\b':
			t.pending = false
			if t.c > 0 {
				t.c--
			}
		case b == '\t':
			t.pending = false
			t.c = min((t.c/8+1)*8, t.cols-1)
		case b < 0x20:
			t.put('^')
			t.put(b + '@')
		case b == 0x7f:
			t.put('^')
			t.put('?')
		default:
			t.put(b)
		}
	}
}

func (t *terminal) escape(b byte) {
	t.state = stGround
	switch b {
	case '[':
		t.state, t.params = stCSI, t.params[:0]
	case 'E': // NEL
		t.c, t.pending = 0, false
		t.lineFeed()
	case 'D': // IND
		t.lineFeed()
	case 'M': // RI
		t.pending = false
		if t.r == t.top {
			t.scrollDown(t.top, t.bot, 1)
		} else if t.r > 0 {
			t.r--
		}
	case '7':
		t.saved = [2]int{t.r, t.c}
	case '8':
		t.r, t.c, t.pending = t.saved[0], t.saved[1], false
	case '(', ')':
		t.state = stCharset
	case '=', '>':
	default:
		t.visible("^[" + string(b))
	}
}

// args are a CSI's numeric parameters, with def for missing or zero ones.
func (t *terminal) args(n, def int) []int {
	s := strings.TrimPrefix(string(t.params), "?")
	out := make([]int, n)
	parts := strings.Split(s, ";")
	for i := range out {
		out[i] = def
		if i < len(parts) {
			if v, err := strconv.Atoi(parts[i]); err == nil && v > 0 {
				out[i] = v
			}
		}
	}
	return out
}

func (t *terminal) csi(final byte) {
	private := strings.HasPrefix(string(t.params), "?")
	switch {
	case final == 'H' || final == 'f':
		a := t.args(2, 1)
		t.moveTo(a[0]-1, a[1]-1)
	case final == 'A':
		t.moveRel(-t.args(1, 1)[0], 0)
	case final == 'B':
		t.moveRel(t.args(1, 1)[0], 0)
	case final == 'C':
		t.moveRel(0, t.args(1, 1)[0])
	case final == 'D':
		t.moveRel(0, -t.args(1, 1)[0])
	case final == 'G':
		t.c, t.pending = min(t.args(1, 1)[0]-1, t.cols-1), false
	case final == 'd':
		t.moveTo(t.args(1, 1)[0]-1, t.c)
	case final == 'J':
		t.eraseDisplay(t.args(1, 0)[0])
	case final == 'K':
		t.eraseLine(t.grid[t.r], t.args(1, 0)[0])
	case final == 'r' && !private:
		a := t.args(2, 0)
		top, bot := a[0], a[1]
		if top == 0 {
			top = 1
		}
		if bot == 0 || bot > t.rows {
			bot = t.rows
		}
		if top < bot {
			t.top, t.bot = top-1, bot-1
			t.home()
		}
	case (final == 'h' || final == 'l') && private:
		on := final == 'h'
		for _, m := range strings.Split(strings.TrimPrefix(string(t.params), "?"), ";") {
			switch m {
			case "7":
				t.wrap = on
				if !on {
					t.pending = false
				}
			case "6":
				t.origin = on
				t.home()
			}
		}
	case final == 'L' || final == 'M':
		if t.r >= t.top && t.r <= t.bot {
			n := t.args(1, 1)[0]
			if final == 'L' {
				t.scrollDown(t.r, t.bot, n)
			} else {
				t.scrollUp(t.r, t.bot, n, false)
			}
			t.c, t.pending = 0, false
		}
	case final == 'm' || final == 'h' || final == 'l' || final == 'n' || final == 'c':
		// attributes, modes, reports: nothing on the screen changes
	default:
		t.visible("^[[" + string(t.params) + string(final))
	}
}

// visible writes an unknown sequence as text.
func (t *terminal) visible(s string) {
	for i := 0; i < len(s); i++ {
		t.put(s[i])
	}
}

func (t *terminal) home() {
	t.c, t.pending = 0, false
	t.r = 0
	if t.origin {
		t.r = t.top
	}
}

// moveTo moves to row r, column c (0-based; row relative to the scroll
// region in origin mode), inside the screen.
func (t *terminal) moveTo(r, c int) {
	lo, hi := 0, t.rows-1
	if t.origin {
		r += t.top
		lo, hi = t.top, t.bot
	}
	t.r = max(lo, min(r, hi))
	t.c = max(0, min(c, t.cols-1))
	t.pending = false
}

// moveRel moves the cursor, stopping at the scroll region's margins when
// it starts inside them.
func (t *terminal) moveRel(dr, dc int) {
	lo, hi := 0, t.rows-1
	if t.r >= t.top && t.r <= t.bot {
		lo, hi = t.top, t.bot
	}
	t.r = max(lo, min(t.r+dr, hi))
	t.c = max(0, min(t.c+dc, t.cols-1))
	t.pending = false
}

func (t *terminal) put(b byte) {
	if t.pending {
		t.pending = false
		if t.wrap {
			t.grid[t.r].wrapped = true
			t.c = 0
			t.lineFeed()
		}
	}
	row := t.grid[t.r]
	for len(row.cells) <= t.c {
		row.cells = append(row.cells, 0)
	}
	row.cells[t.c] = b
	row.touched = true
	if t.c == t.cols-1 {
		t.pending = t.wrap
		return
	}
	t.c++
}

// lineFeed moves down a row, scrolling the region at its bottom margin.
func (t *terminal) lineFeed() {
	t.pending = false
	// the line feed ends the row it leaves, empty or not
	t.grid[t.r].touched = true
	switch {
	case t.r == t.bot:
		t.scrollUp(t.top, t.bot, 1, true)
	case t.r < t.rows-1:
		t.r++
	}
}

// scrollUp moves rows top+n..bot up by n; the rows leaving at the top go
// to the scrollback when the region starts at the top of the screen (and
// keep is set: a scroll, not a deletion).
func (t *terminal) scrollUp(top, bot, n int, keep bool) {
	for ; n > 0; n-- {
		gone := t.grid[top]
		if keep && top == 0 && gone.touched {
			t.back = append(t.back, gone)
		}
		copy(t.grid[top:bot], t.grid[top+1:bot+1])
		t.grid[bot] = &trow{}
	}
}

// scrollDown moves rows top..bot-n down by n, blank rows coming in at
// the top.
func (t *terminal) scrollDown(top, bot, n int) {
	for ; n > 0; n-- {
		copy(t.grid[top+1:bot+1], t.grid[top:bot])
		t.grid[top] = &trow{}
	}
}

// blank erases cells from..to-1 of a row: written cells become written
// blanks, as writing spaces over them would (the plain way to erase);
// cells never written stay so.
func blank(row *trow, from, to int) {
	for i := from; i < to && i < len(row.cells); i++ {
		if row.cells[i] != 0 {
			row.cells[i] = ' '
		}
	}
}

func (t *terminal) eraseLine(row *trow, mode int) {
	switch mode {
	case 0:
		blank(row, t.c, t.cols)
		row.wrapped = false
	case 1:
		blank(row, 0, t.c+1)
	case 2:
		blank(row, 0, t.cols)
		row.wrapped = false
	}
}

func (t *terminal) eraseDisplay(mode int) {
	switch mode {
	case 0:
		t.eraseLine(t.grid[t.r], 0)
		for _, row := range t.grid[t.r+1:] {
			blank(row, 0, t.cols)
			row.wrapped = false
		}
	case 1:
		t.eraseLine(t.grid[t.r], 1)
		for _, row := range t.grid[:t.r] {
			blank(row, 0, t.cols)
			row.wrapped = false
		}
	case 2:
		// what the screen showed goes to the scrollback first
		for i, row := range t.grid {
			if i < t.r && row.touched || i == t.r && written(row) {
				t.back = append(t.back, row)
			}
			t.grid[i] = &trow{}
		}
	}
}

func written(row *trow) bool {
	for _, b := range row.cells {
		if b != 0 {
			return true
		}
	}
	return false
}

func (row *trow) text() string {
	b := []byte(strings.TrimRight(string(row.cells), "\x00"))
	for i, x := range b {
		if x == 0 {
			b[i] = ' '
		}
	}
	return string(b)
}

// doc is the terminal's text as lines, and the line the cursor is on.
func (t *terminal) doc() ([]string, int) {
	var lines []string
	var cur strings.Builder
	joining := false
	cursor := -1
	add := func(row *trow, isCursor bool) {
		cur.WriteString(row.text())
		if isCursor {
			cursor = len(lines)
		}
		if row.wrapped {
			joining = true
			return
		}
		joining = false
		lines = append(lines, cur.String())
		cur.Reset()
	}
	for _, row := range t.back {
		add(row, false)
	}
	for i, row := range t.grid {
		if row.touched || i == t.r {
			add(row, i == t.r)
		}
	}
	if joining {
		lines = append(lines, cur.String())
	}
	if cursor < 0 || cursor >= len(lines) {
		cursor = len(lines) - 1
	}
	return lines, cursor
}

func (t *terminal) mark() mark {
	lines, r := t.doc()
	return mark{row: r, text: lines[r]}
}

func (t *terminal) since(m mark) []string {
	lines, _ := t.doc()
	start := m.row
	if start < len(lines) && lines[start] == m.text {
		start++
	}
	if start >= len(lines) {
		return nil
	}
	return append([]string(nil), lines[start:]...)
}

package commands

import "github.com/switchsim/switchsim/model"

// Painting: some CLIs do not write plain lines to an interactive terminal
// but paint it, with VT100 cursor addressing, scroll regions and screen
// clearing around the banner, the prompt and each echoed key (the
// ProCurve K software does). A vendor whose CLI paints gives the console
// a Painter (ConsolePolicy.Paint); the console asks it for the bytes of
// each moment it draws and otherwise writes what it writes for every
// vendor. Vendors that do not paint leave Paint nil and their bytes are
// unchanged.
//
// Only interactive sessions on a terminal are painted (SSH with a pty,
// telnet, the CLI on module consoles); exec sessions and boot output are
// plain.

// Size is a terminal's size in rows and columns.
type Size struct {
	Rows, Cols int
}

// Painter returns the raw bytes (no newline translation) of each moment
// the console paints. Columns are 0-based positions on the row the cursor
// is on (the bottom row, where a painting CLI keeps its input line).
type Painter interface {
	// Banner comes before a login banner (ShowBanner): the screen
	// set up for it.
	Banner(sz Size) string
	// AnyKey draws text ("Press any key to continue") and leaves the
	// cursor after it.
	AnyKey(text string, sz Size) string
	// Key comes after the key that answered AnyKey, before the session
	// goes on with a line break of its own.
	Key(sz Size) string
	// Begin comes before the first output of a CLI session that shows
	// no banner.
	Begin(sz Size) string
	// Prompt draws a prompt at the start of the cursor's row (the
	// previous output ended with a line break), leaving the cursor after
	// it.
	Prompt(prompt string, sz Size) string
	// Edit draws text from column from of the input row and leaves the
	// cursor at column at (a typed key's echo, a redrawn tail).
	Edit(from int, text string, at int, sz Size) string
	// Enter ends a typed line that is submitted (instead of a line
	// break).
	Enter(sz Size) string
	// Park leaves the cursor at column col of its row after a question.
	Park(col int, sz Size) string
	// More draws the pager's text; Unmore removes it (n: its length) and
	// leaves the cursor where the next output line starts.
	More(text string, sz Size) string
	Unmore(n int, sz Size) string
	// End comes when a CLI session ends on a terminal that stays
	// connected (a module console, whose module reboots or changes
	// role): the terminal left as plain output expects it, the cursor
	// where it was (column col of the bottom row).
	End(col int, sz Size) string
}

// Welcomer is what a console's Terminal adds for a vendor's Welcome, so
// that a terminal the CLI paints can set its screen up for a login banner
// and draw "Press any key" where the switch draws it. ShowBanner and
// PressAnyKey use it when the Terminal has it (a Terminal that keeps
// text, for a pipe or an XML session, does not need to).
type Welcomer interface {
	// Banner prints a login banner: what comes before the first prompt.
	Banner(text string)
	// AnyKeyText prints text ("Press any key to continue") and waits for
	// one key.
	AnyKeyText(text string) error
}

// ShowBanner prints a login banner on t.
func ShowBanner(t Terminal, text string) {
	if w, ok := t.(Welcomer); ok {
		w.Banner(text)
		return
	}
	t.Print(text)
}

// PressAnyKey prints text on t and waits for one key.
func PressAnyKey(t Terminal, text string) error {
	if w, ok := t.(Welcomer); ok {
		return w.AnyKeyText(text)
	}
	t.Print(text)
	return t.AnyKey()
}

// PaintPolicy decides whether a chassis's CLI sessions are painted (a
// switch's own terminal setting may turn painting off) and returns the
// Painter for one; nil: plain text.
type PaintPolicy func(c *model.Chassis) Painter

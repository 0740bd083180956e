package procurve

// The VT100 painting of an interactive K session (commands/procurve
// paint.go puts it together). Each sequence is a format: %[1]d is the
// terminal's last row (its height), and the others are named at each.
// Columns are 1-based, as on the wire. Where a capture shows a sequence,
// it shows it for one height (24 rows for the banner, 42 for the prompt);
// that the rows follow the terminal's height elsewhere is listed below.
var (
	// %[2]d: the last row of the scroll region (the row above the last).
	VTBanner = t("vt100-banner", "\x1b[2J\x1b[?7l\x1b[3;%[2]dr\x1b[?6l\x1b[1;1H\x1b[?25l\x1b[1;1H",
		"capture: exscript hp_pro_curve.1 (5406zl K.13.60) and .2 (K.15.03.0007), 24 rows (ESC[3;23r), VERIFIED-RAW")
	// %[2]s: the text; %[3]d: the column after it.
	VTAnyKey = t("vt100-any-key", "\x1b[%[1]d;1H%[2]s\x1b[1;1H\x1b[?25h\x1b[%[1]d;%[3]dH",
		"capture: exscript hp_pro_curve.1 (5406zl K.13.60), 24 rows, VERIFIED-RAW")
	// %[2]s: the prompt; %[3]d: the column after it.
	VTPrompt = t("vt100-prompt",
		"\x1b[1;%[1]dr\x1b[%[1]d;1H\x1b[%[1]d;1H\x1b[2K\x1b[%[1]d;1H\x1b[?25h\x1b[%[1]d;1H\x1b[%[1]d;1H%[2]s"+
			"\x1b[%[1]d;1H\x1b[%[1]d;%[3]dH\x1b[%[1]d;1H\x1b[?25h\x1b[%[1]d;%[3]dH",
		"capture: oxidized issue #681 (E5412zl K.15.07.0008 over SSH, 42 rows), VERIFIED-RAW")
	// %[2]d: the column the text starts at; %[3]s: the text; %[4]d: the
	// column the cursor is left at.
	VTEdit = t("vt100-edit", "\x1b[%[1]d;%[2]dH%[3]s\x1b[%[1]d;%[2]dH\x1b[?25h\x1b[%[1]d;%[4]dH",
		"capture: oxidized issue #681 (the echo of each typed character), VERIFIED-RAW")
	VTEnter = t("vt100-enter", "\x1bE",
		"tool: oxidized procurve.rb ('previous command is repeated followed by \\eE'), netmiko ('HP does ESC-E'), Exscript hp_pro_curve.py (\\x1bE -> \\r\\n)")

	VTKey = t("vt100-key", "\x1b[1;%[1]dr\x1b[%[1]d;1H\x1b[?7h",
		"no source: after the key, the scroll region back to the whole screen, the cursor to the last row and line wrap back on (rancid's hpuifilter and netmiko 4 strip ESC[?7h, so ProVision sends it somewhere); the session's own line break follows")
	VTBegin = t("vt100-begin", "\x1b[1;%[1]dr\x1b[%[1]d;1H",
		"no source: a CLI session with no banner (the standby console) starts with the first half of the prompt's redraw, the cursor on the last row")
	// %[2]d: the column after the question.
	VTPark = t("vt100-park", "\x1b[%[1]d;%[2]dH",
		"no source: a tool's test fixture (repository not recorded, perhaps hand-made) shows 'Do you want to log out [y/n]? \\x1b[24;31H'")
	// %[2]d: the cursor's column.
	VTEnd = t("vt100-end", "\x1b[1;%[1]dr\x1b[%[1]d;%[2]dH\x1b[?7h",
		"no source: a console's CLI session that ends (its module reboots or changes role, even at Press any key) gives the whole screen back to the boot output that follows, the cursor where it was, line wrap on")
	// %[2]s: the pager's text.
	VTMore = t("vt100-more", "\x1b[%[1]d;1H%[2]s",
		"no source: the pager's line drawn on the last row (NOTES-procurve 2.4: its redraw was not captured)")
	// %[2]s: blanks as long as the pager's text.
	VTUnmore = t("vt100-unmore", "\x1b[%[1]d;1H%[2]s\x1b[%[1]d;1H",
		"no source: the pager's line blanked and the cursor back at its start (a 2930F leaves a stray [24;1H after the pager's Space, rConfig issue #11)")
)

// PaintMoment is a moment of a painted session whose bytes no capture
// shows, or shows for another case than ours.
type PaintMoment struct {
	Moment, Note string
}

// UnsourcedPainting lists how the painting goes where the captures stop
// (UNSOURCED.md lists it with the texts above marked no source).
var UnsourcedPainting = []PaintMoment{
	{"the terminal's height", "the banner's scroll region (3 to the row above the last), the row of Press any key and the prompt's row follow the terminal's rows (the pty's, or telnet's NAWS, 24 without; a window change applies from the next thing drawn; terminal length sets the pager's page, not these rows); the captures show 24 and 42 rows. A W.15.14 2910al on a 15-row terminal drew Press any key on row 24 all the same (ansible issue #33414)"},
	{"what the key is followed by", "vt100-key, then the line break the plain session has, then the prompt's redraw"},
	{"line wrap", "off (ESC[?7l) for the banner, as captured; back on after the key (vt100-key), so an output line wider than the terminal (show version's Image stamp) wraps instead of being cut"},
	{"output", "command output is written as plain lines (CR LF) from the last row up; only the echo, the prompt and the moments listed here are painted"},
	{"edits other than typing at the end", "a deletion, a cursor move, a history recall or Tab redraw the line from the first changed column with the captured echo form (vt100-edit), blanks over what got shorter; the captures show only characters typed at the end"},
	{"a typed line wider than the row", "once the prompt and line no longer fit the row, the rest of that line is echoed as a plain session echoes it (no cursor addressing)"},
	{"?, Tab listings, ^C and ^L", "the ? is echoed in place (vt100-edit); the listing, ^C and ^L start their next line with CR LF, not ESC E, and the prompt and line are redrawn"},
	{"questions", "the question is written as text, then the cursor is parked after it (vt100-park); the key typed is echoed as it is, and CR LF ends the line"},
	{"typed prompts", "Username:, Password: and telnet's login prompts are written as text and echoed as typed, without cursor addressing"},
	{"console terminal ansi", "painted as vt100; none: plain text. Read when a CLI session starts (a change applies to the sessions after it)"},
}

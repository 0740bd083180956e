package procurve

import (
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// vt100 paints an interactive session as a K switch does
// (prompts/procurve vt100.go has the sequences and their sources).
type vt100 struct{}

// paint is the 8212zl's painting policy: every interactive session is
// painted unless the switch's own "console terminal none" says plain
// text ("ansi" paints as "vt100").
func paint(c *model.Chassis) commands.Painter {
	if c.Running != nil && c.Running.Console.Terminal == "none" {
		return nil
	}
	return vt100{}
}

func rows(sz commands.Size) int {
	if sz.Rows < 2 {
		return 24
	}
	return sz.Rows
}

func (vt100) Banner(sz commands.Size) string {
	r := rows(sz)
	return fmt.Sprintf(tx.VTBanner, r, r-1)
}

func (vt100) AnyKey(text string, sz commands.Size) string {
	// the capture parks the cursor one column further than after the text
	return fmt.Sprintf(tx.VTAnyKey, rows(sz), text, len(text)+2)
}

func (vt100) Key(sz commands.Size) string { return fmt.Sprintf(tx.VTKey, rows(sz)) }

func (vt100) Begin(sz commands.Size) string { return fmt.Sprintf(tx.VTBegin, rows(sz)) }

func (vt100) Prompt(prompt string, sz commands.Size) string {
	return fmt.Sprintf(tx.VTPrompt, rows(sz), prompt, len(prompt)+1)
}

func (vt100) Edit(from int, text string, at int, sz commands.Size) string {
	return fmt.Sprintf(tx.VTEdit, rows(sz), from+1, text, at+1)
}

func (vt100) Enter(commands.Size) string { return tx.VTEnter }

func (vt100) Park(col int, sz commands.Size) string { return fmt.Sprintf(tx.VTPark, rows(sz), col+1) }

func (vt100) More(text string, sz commands.Size) string {
	return fmt.Sprintf(tx.VTMore, rows(sz), text)
}

func (vt100) End(col int, sz commands.Size) string {
	return fmt.Sprintf(tx.VTEnd, rows(sz), col+1)
}

func (vt100) Unmore(n int, sz commands.Size) string {
	return fmt.Sprintf(tx.VTUnmore, rows(sz), strings.Repeat(" ", n))
}

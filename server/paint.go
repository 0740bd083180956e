package server

import (
	"fmt"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// Terminal modes (Config.Terminal): whether the CLI of a vendor that
// paints its terminal (commands.Painter) does so.
const (
	// TerminalPlain sends plain lines to every session, whatever the
	// vendor and the switch's own terminal setting.
	TerminalPlain = "plain"
	// TerminalVT100 paints interactive sessions as the vendor's CLI does
	// (the 8212zl's VT100 sequences), as the switch's own setting allows
	// ("console terminal none" turns it off per chassis). Vendors that
	// do not paint send plain lines either way.
	TerminalVT100 = "vt100"
)

// CheckTerminal checks a terminal mode ("" is plain).
func CheckTerminal(mode string) error {
	switch mode {
	case "", TerminalPlain, TerminalVT100:
		return nil
	}
	return fmt.Errorf("terminal %q: want %s or %s", mode, TerminalVT100, TerminalPlain)
}

// painter is the painter for a CLI session starting now on the chassis,
// or nil for plain text.
func (h *Host) painter() commands.Painter {
	if !h.paint {
		return nil
	}
	policy := h.Vendor.Console().Paint
	if policy == nil {
		return nil
	}
	var p commands.Painter
	h.View(func(c *model.Chassis) { p = policy(c) })
	return p
}

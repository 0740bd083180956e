package exos

import (
	"fmt"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/exos"
)

// Vendor is ExtremeXOS on a BlackDiamond 8810.
type Vendor struct{}

var _ commands.Vendor = Vendor{}

// Name is the vendor's name in scenarios.
func (Vendor) Name() string { return "exos" }

// Texts are the BlackDiamond's engine texts and client names.
func (Vendor) Texts() commands.Texts {
	return commands.Texts{
		Pager:        func(int) string { return tx.Pager },
		SessionLimit: tx.SessionLimit,
		IdleTimeout:  tx.IdleTimeout,
		Prompt:       `(?:^|\n)(?:\* )?[^\r\n]*\.\d+ [#>] $`,
		NetmikoType:  "extreme_exos",
		AnsibleOS:    "community.network.exos",
		BenchCommand: "show version",
		BenchExpect:  "Image   : ExtremeXOS version",
	}
}

// Console: an MSM's console takes no keys while it boots (the BootROM's
// spacebar menu is not modelled), and a new role starts a new CLI
// session (the old master reboots).
func (Vendor) Console() commands.ConsolePolicy { return commands.ConsolePolicy{} }

// Shell is the CLI of the master, the backup console's CLI (where the
// master-only commands are refused), and none otherwise.
func (Vendor) Shell(s *commands.Session, st model.State) commands.Shell {
	switch st {
	case model.Active:
		return newShell(s, false)
	case model.Standby, model.WarmStandby, model.Offline, model.OfflineIncompat:
		return newShell(s, true)
	}
	return nil
}

// Boot renders boot output for an MSM's console.
func (Vendor) Boot(out model.ConsoleOut, c *model.Chassis, i int) string {
	switch out.Kind {
	case model.ConROM:
		return fmt.Sprintf(tx.BootROM, out.ROM.Version)
	case model.ConProfile:
		return fmt.Sprintf(tx.BootLoading, capital(out.Bank.String()))
	case model.ConLoaded:
		if out.Image != nil {
			return fmt.Sprintf(tx.BootStarting, out.Image.Version)
		}
	case model.ConSelftestFailed:
		return tx.BootFailed
	case model.ConDown:
		return tx.BootDown
	case model.ConShutdown:
		return tx.ShutdownIdle
	case model.ConNoImage:
		return fmt.Sprintf(tx.BootNoImage, out.Bank)
	}
	return ""
}

// Idle is what the console of an MSM without a CLI shows.
func (Vendor) Idle(c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil {
		return ""
	}
	switch m.State {
	case model.Failed:
		return tx.FailedIdle
	case model.Shutdown:
		return tx.ShutdownIdle
	}
	return ""
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

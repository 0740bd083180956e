// Package junos is Junos on an MX240 with two Routing Engines and on a
// standalone QFX5100 (qfx.go): the operational and configuration CLI, the
// candidate configuration with its commits and rollbacks, GRES, the
// in-service software reboot of manual 004 (issr.go), and the console
// texts. Everything it prints is rendered from the chassis model with the
// texts of prompts/junos.
package junos

import (
	"fmt"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// Vendor is Junos.
type Vendor struct{}

var _ commands.Vendor = Vendor{}

// Name is the vendor's name in scenarios.
func (Vendor) Name() string { return "junos" }

// Texts are Junos's engine texts and client names.
func (Vendor) Texts() commands.Texts {
	return commands.Texts{
		Pager: func(p int) string {
			if p < 0 {
				return tx.Pager
			}
			return fmt.Sprintf(tx.PagerPercent, p)
		},
		SessionLimit: tx.SessionLimit,
		IdleTimeout:  tx.IdleTimeout,
		Prompt:       `(?:^|\n)[^\r\n]*[>#] $`,
		NetmikoType:  "juniper_junos",
		AnsibleOS:    "junipernetworks.junos.junos",
		BenchCommand: "show version | no-more",
		BenchExpect:  "Junos:",
	}
}

// running reports whether a state runs the CLI.
func running(s model.State) bool { return s == model.Active || s == model.Standby }

// Console: the loader takes no keys; an RE's CLI (on its console, and a
// management session on it) goes on when it changes between master and
// backup.
func (Vendor) Console() commands.ConsolePolicy {
	return commands.ConsolePolicy{
		KeepCLI: func(from, to model.State) bool { return running(from) && running(to) },
	}
}

// Shell is the Junos CLI on a master or backup RE.
func (Vendor) Shell(s *commands.Session, st model.State) commands.Shell {
	if !running(st) {
		return nil
	}
	return newShell(s)
}

// Boot renders an RE's boot output on its console.
func (Vendor) Boot(out model.ConsoleOut, c *model.Chassis, i int) string {
	switch out.Kind {
	case model.ConROM:
		return tx.BootLoader
	case model.ConProfile:
		return tx.BootKernel
	case model.ConSelftestFailed:
		return tx.BootFailed
	case model.ConDown:
		return tx.BootDown
	case model.ConShutdown:
		return tx.BootHalted
	case model.ConNoImage:
		return tx.BootNoImage
	}
	return ""
}

// Idle is what the console of an RE that runs no CLI shows.
func (Vendor) Idle(c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil {
		return ""
	}
	switch m.State {
	case model.Failed:
		return tx.BootFailed
	case model.Shutdown:
		return tx.BootHalted
	}
	return ""
}

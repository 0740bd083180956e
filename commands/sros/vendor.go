// Package sros is the Alcatel-Lucent 7750 SR-12 with two CPMs, on TiMOS
// 13.0's classic CLI: a context tree (commands.ContextTree), the show
// commands automation uses, admin save, the redundancy operations of
// manual 003 and the console texts of a CPM. Everything it prints is
// rendered from the chassis model with the texts of prompts/sros.
package sros

import (
	"fmt"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/sros"
)

// Vendor is the 7750 SR.
type Vendor struct{}

var _ commands.Vendor = Vendor{}

// Name is the vendor's name in scenarios.
func (Vendor) Name() string { return "sros" }

// Texts are the SR OS engine texts and client names. No Ansible
// platform of Debian's can drive it (README).
func (Vendor) Texts() commands.Texts {
	return commands.Texts{
		Pager:        func(int) string { return tx.Pager },
		PagerAnyKey:  true,
		SessionLimit: tx.SessionLimit,
		IdleTimeout:  tx.IdleTimeout,
		Prompt:       `(?:^|\n)\*?[AB]:[^\r\n]*[#$] $`,
		NetmikoType:  "alcatel_sros",
		BenchCommand: "show version",
		BenchExpect:  "TiMOS-C-",
	}
}

// Console: the boot takes no keys; a console starts a new CLI session on
// every role change.
func (Vendor) Console() commands.ConsolePolicy { return commands.ConsolePolicy{} }

// Shell is the CLI of the active CPM; the standby CPM runs none (its
// console shows that it is the standby).
func (Vendor) Shell(s *commands.Session, st model.State) commands.Shell {
	if st != model.Active {
		return nil
	}
	return &Shell{s: s, savedInd: true}
}

// label is how a CPM slot is named ("A").
func label(c *model.Chassis, i int) string { return c.Profile.ModuleLabel(i) }

// imageDir is where a release's images live on a CPM's compact flash.
func imageDir(im *model.Image) string {
	if im == nil {
		return `cf3:\`
	}
	return `cf3:\TiMOS-` + im.Version + `\`
}

// Boot renders boot output for CPM i's console.
func (Vendor) Boot(out model.ConsoleOut, c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil {
		return ""
	}
	switch out.Kind {
	case model.ConROM:
		year := 2015
		if im := m.Flash[out.Bank]; im != nil && !im.Built.IsZero() {
			year = im.Built.Year()
		}
		return fmt.Sprintf(tx.ROMBanner, year)
	case model.ConProfile:
		return fmt.Sprintf(tx.BootImage, imageDir(m.Flash[out.Bank])+"cpm.tim")
	case model.ConNoImage:
		return fmt.Sprintf(tx.BootNoImage, imageDir(m.Flash[out.Bank])+"cpm.tim")
	case model.ConLoaded:
		return versionText(out.Image)
	case model.ConSelftestFailed:
		return tx.BootFailed
	case model.ConDown:
		return tx.BootDown
	case model.ConTakeover:
		return fmt.Sprintf(tx.TakeoverStopped, label(c, 1-i)) + fmt.Sprintf(tx.TakeoverNow, label(c, i))
	case model.ConActive:
		text := savedFileText(c, m)
		if text == "" {
			return ""
		}
		return fmt.Sprintf(tx.ExecConfig, "cf3:/"+configFile) +
			fmt.Sprintf(tx.ExecDone, lineCount(text), execSeconds(text), `cf3:\`+configFile)
	}
	return ""
}

// Idle is what the console of a CPM without a CLI shows.
func (Vendor) Idle(c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil {
		return ""
	}
	switch m.State {
	case model.Standby, model.WarmStandby, model.Offline, model.OfflineIncompat:
		return fmt.Sprintf(tx.StandbyIdle, label(c, i))
	case model.Failed:
		return fmt.Sprintf(tx.FailedIdle, label(c, i))
	}
	return ""
}

package procurve

import (
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// Vendor is the ProCurve 8212zl.
type Vendor struct{}

var _ commands.Vendor = Vendor{}

// Name is the vendor's name in scenarios.
func (Vendor) Name() string { return "procurve" }

// Texts are the 8212zl's engine texts and client names.
func (Vendor) Texts() commands.Texts {
	return commands.Texts{
		Pager:        func(int) string { return tx.Pager },
		SessionLimit: tx.SessionLimit,
		IdleTimeout:  tx.IdleTimeout,
		Prompt:       `(?:^|\n)[^\r\n]*[#>] $`,
		AnyKey:       tx.PressAnyKey,
		NetmikoType:  "hp_procurve",
		AnsibleOS:    "community.network.aruba",
		BenchCommand: "show version",
		BenchExpect:  "Boot Image:",
	}
}

// Console: the boot profile menu takes 0 (ROM monitor), 1 (primary) or
// 2 (secondary); the monitor boots on "boot"; a console starts a new
// CLI session on every role change; interactive sessions are painted
// with VT100 sequences unless "console terminal none" (paint.go).
func (Vendor) Console() commands.ConsolePolicy {
	return commands.ConsolePolicy{
		ProfileKey: func(b byte) (int, bool) {
			if b >= '0' && b <= '2' {
				return int(b - '0'), true
			}
			return 0, false
		},
		MonitorLine: func(line string) (bool, string) {
			switch strings.TrimSpace(line) {
			case "boot":
				return true, ""
			case "":
				// an empty line: the prompt again, no error
				return false, strings.TrimPrefix(tx.MonitorPrompt, "\n")
			}
			return false, tx.MonitorUnknown
		},
		Paint: paint,
	}
}

// Shell is the full CLI on the active module, the standby console's CLI on
// a standby (or offline) module, and none otherwise.
func (Vendor) Shell(s *commands.Session, st model.State) commands.Shell {
	switch st {
	case model.Active:
		return &Shell{s: s}
	case model.Standby, model.WarmStandby, model.Offline, model.OfflineIncompat:
		return &Shell{s: s, standby: true}
	}
	return nil
}

// FactoryConfig is the config after erase startup-config: the factory
// hostname and the default VLAN with DHCP.
func FactoryConfig(c *model.Chassis) *model.Config {
	host := c.Info.Model
	if c.Info.Name != "" {
		host = c.Info.Name
	}
	return &model.Config{
		Hostname:      host,
		VLANs:         []model.VLAN{{ID: 1, Name: "DEFAULT_VLAN", IP: "dhcp-bootp"}},
		SNMPCommunity: "public", // the factory default of ProVision switches
	}
}

// Banner is the login banner for the active module's software: the HP
// legal text from K.15 on, the ProCurve one before.
func Banner(c *model.Chassis) string {
	a := c.Active()
	if a == nil || a.Running == nil {
		return ""
	}
	im := a.Running
	year := im.Built.Year()
	var b string
	name := chassisName(c.Info, im.Version)
	if model.CompareVersions(im.Version, "K.15") >= 0 {
		b = fmt.Sprintf(tx.BannerK15, name, im.Version, year)
	} else {
		b = fmt.Sprintf(tx.BannerK12, name, im.Version, year)
	}
	if c.Running != nil && c.Running.MOTD != "" {
		b += c.Running.MOTD + "\n\n"
	}
	return b
}

// Boot renders boot output for module i's console.
func (Vendor) Boot(out model.ConsoleOut, c *model.Chassis, i int) string {
	switch out.Kind {
	case model.ConROM:
		r := out.ROM
		return "\n" + fmt.Sprintf(tx.ROMBanner, r.Dir, r.Built.Format("Jan _2 2006"), r.Built.Format("15:04:05"), r.Version, r.Number) +
			tx.BootProfiles + fmt.Sprintf(tx.SelectProfile, out.Bank)
	case model.ConProfile:
		return fmt.Sprintf(tx.BootingImage, bankName(out.Bank))
	case model.ConMonitor:
		return tx.MonitorPrompt
	case model.ConLoaded:
		return tx.Decompressing
	case model.ConROMUpdate:
		return fmt.Sprintf(tx.ROMUpdate, out.ROM.Version)
	case model.ConSelftestFailed:
		return tx.SelftestFailed
	case model.ConDown:
		if out.Cause == model.CauseCrash {
			return tx.CrashConsole
		}
		return tx.GoingDown
	case model.ConShutdown:
		return tx.ShutdownDone
	case model.ConSyncing:
		return tx.SyncingImages
	case model.ConNoImage:
		return fmt.Sprintf(tx.ImageMissing, out.Bank)
	}
	return ""
}

// Idle is what the console of a module without a CLI shows.
func (Vendor) Idle(c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil {
		return ""
	}
	switch m.State {
	case model.Failed:
		return tx.FailedIdle
	case model.Offline:
		return fmt.Sprintf(tx.OfflineIdle, m.Slot)
	}
	return ""
}

// slotLabel names a module in the active-management messages.
func moduleLabel(idx int) string { return fmt.Sprintf("management-module%d", idx+1) }

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

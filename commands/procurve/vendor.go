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

// Pager is the pager prompt.
func (Vendor) Pager() string { return tx.Pager }

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

// MonitorReply answers a ROM monitor line other than "boot".
func (Vendor) MonitorReply(string) string { return tx.MonitorUnknown }

// Prepare gives the chassis ProCurve's rules.
func (Vendor) Prepare(c *model.Chassis) {
	c.Rules.BootLog = tx.BootLog
	c.Rules.DefaultVLANName = func(id int) string { return fmt.Sprintf("VLAN%d", id) }
	c.Rules.FactoryConfig = FactoryConfig
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
	if model.CompareVersions(im.Version, "K.15") >= 0 {
		b = fmt.Sprintf(tx.BannerK15, c.Info.Name, im.Version, year)
	} else {
		b = fmt.Sprintf(tx.BannerK12, c.Info.Name, im.Version, year)
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

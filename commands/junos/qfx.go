package junos

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The QFX5100: a standalone switch that is a one-member virtual chassis
// (member 0), whose Routing Engine runs in a virtual machine. It has two
// RE slots of which one is empty: an in-service software reboot (ISSR,
// issr.go) spawns the backup RE in the empty slot, switches roles and
// shuts the old primary down, which empties its slot, so the RE indexes
// alternate (1, 0, 1, ...). Its console port is the box's, wired to
// whichever RE is primary; the second port shows the other RE index.
//
// It is a second profile of the same vendor (a scenario says "platform:
// qfx5100"): the engine's rules for it differ from the MX240's (consoles
// by role, interface modules that keep forwarding across the switch, RE
// boot times), and so do a few renderings, which read vcMember.

// qfxPlatform names the QFX5100's images and its scenarios' platform.
const qfxPlatform = "qfx5100"

var qfxProfile = &model.Profile{
	Vendor:       "junos",
	Platform:     qfxPlatform,
	ModuleLabels: []string{"re0", "re1"},
	ModuleNames:  []string{"re0", "re1"},
	Timings:      qfxTimings(),
	Fate:         model.DemoteOld,
	ConfigSync:   func(*model.Chassis) bool { return false },
	// the FPC warm boots under the ISSR and keeps forwarding across it
	KeepSlots:         true,
	SwitchoverHoldoff: 240 * time.Second,
	FactoryConfig:     FactoryConfig,
	ReadConfig:        ReadConfig,
	PortName:          qfxPortName,
	RoleConsoles:      []string{"box (primary RE)", "other RE"},
	Defaults: model.Defaults{
		Called:       "a QFX5100",
		CardCalled:   "the QFX5100's FPC",
		Info:         model.Info{Name: "QFX5100-48S-6Q", Product: "QFX5100-48S-6Q", Model: "qfx5100-48s-6q", Serial: "VF3715020166"},
		Module:       model.Hardware{Product: "BUILTIN", Description: "QFX Routing Engine", Serial: "BUILTIN"},
		Fabrics:      0,
		SlotNames:    []string{"0"},
		SlotsCalled:  "one FPC (0)",
		Slot:         model.LineCard{Hardware: model.Hardware{Product: "650-056265", Description: "QFX5100-48S-6Q"}, Ports: 54, PortType: "10GE", Rate: 1250000},
		SlotSerial:   func(int) string { return "VF3715020166" },
		MaxPorts:     54,
		Flash:        [2]string{"18.1R3.3", "18.1R3.3"},
		ConfigFile:   "juniper.conf",
		DefaultVLAN:  "default",
		ManagerUser:  "admin",
		OperatorUser: "",
	},
}

// qfxTimings are a QFX5100 RE's durations (no source gives them;
// estimates): the RE virtual machine boots in about two minutes, so a
// backup spawned by the ISSR is up well before 004's log says "GRES
// operational"; the new primary serves the management address five
// seconds after the switch.
func qfxTimings() model.Timings {
	t := model.DefaultTimings()
	t.ProfileWait = 5 * time.Second
	t.Load = 60 * time.Second
	t.Selftest = 60 * time.Second
	t.Finish = 10 * time.Second
	t.Takeover = 5 * time.Second
	t.ConfigSync = 0
	return t
}

// qfxPortName: 48 10-Gigabit ports xe-0/0/0..47, then six 40-Gigabit
// ports et-0/0/48..53.
func qfxPortName(s *model.LineCard, n int) string {
	if n > 48 {
		return fmt.Sprintf("et-%s/0/%d", s.Name, n-1)
	}
	return fmt.Sprintf("xe-%s/0/%d", s.Name, n-1)
}

//go:embed scenarios/qfx5100.yaml
var scenarioQFX5100 []byte

// vcMember reports whether the chassis is a virtual-chassis member: its
// banner names the member ({master:0}) and show version the FPC.
func vcMember(c *model.Chassis) bool { return c.Profile != nil && c.Profile.Platform == qfxPlatform }

// memberID is the chassis's virtual-chassis member id (a standalone
// switch is member 0).
const memberID = 0

// banner is the banner line's word in braces: {master}, {backup}, or on
// a virtual-chassis member {master:0}, {backup:0}.
func banner(c *model.Chassis, role string) string {
	if vcMember(c) {
		return fmt.Sprintf(tx.VCBanner, role, memberID)
	}
	return "{" + role + "}"
}

// vcMembers is the number of virtual-chassis members (the scenario's
// "options: vc-members:"; a standalone switch has one).
func vcMembers(c *model.Chassis) int {
	n := 1
	if v, ok := c.Options["vc-members"]; ok {
		fmt.Sscan(v, &n)
	}
	return n
}

// invRow is a row of show chassis hardware, with the sub-modules listed
// below it.
type invRow struct {
	item, version, part, serial, desc string
	kids                              []invRow
}

// fixedRow is a registered row ("item|version|part|serial|description").
func fixedRow(row string, args ...any) invRow {
	if len(args) > 0 {
		row = fmt.Sprintf(row, args...)
	}
	f := strings.Split(row, "|")
	return invRow{item: f[0], version: f[1], part: f[2], serial: f[3], desc: f[4]}
}

// qfxInventory is what a QFX5100's show chassis hardware lists below the
// chassis, from the model: the CLI's table and the XML API's
// chassis-inventory are both rendered from it.
func qfxInventory(c *model.Chassis) []invRow {
	rows := []invRow{fixedRow(tx.QFXPseudoCB)}
	for i, m := range c.Modules {
		if m.Present {
			rows = append(rows, invRow{item: fmt.Sprintf("Routing Engine %d", i), part: m.Hardware.Product, serial: m.Hardware.Serial, desc: m.Hardware.Description})
		}
	}
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		pic := fixedRow(tx.QFXPIC)
		for _, n := range s.LinkUp {
			if n >= 1 && n <= s.Ports {
				pic.kids = append(pic.kids, fixedRow(tx.QFXXcvr, n-1, 4711+n))
			}
		}
		rows = append(rows, invRow{item: "FPC " + s.Name, version: "REV 12", part: s.Hardware.Product, serial: s.Hardware.Serial, desc: s.Hardware.Description,
			kids: []invRow{fixedRow(tx.QFXCPU), pic}})
	}
	for i := 0; i < 2; i++ {
		rows = append(rows, fixedRow(tx.QFXPower, i, 16+i))
	}
	for i := 0; i < 5; i++ {
		rows = append(rows, fixedRow(tx.QFXFan, i))
	}
	return rows
}

// qfxHardware is show chassis hardware on a QFX5100.
func qfxHardware(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.HardwareHead)
	b.WriteString(hwRow("Chassis", "", "", c.Info.Serial, c.Info.Name))
	var write func(rows []invRow)
	write = func(rows []invRow) {
		for _, r := range rows {
			b.WriteString(hwRow(r.item, r.version, r.part, r.serial, r.desc))
			write(r.kids)
		}
	}
	write(qfxInventory(c))
	return b.String()
}

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

// qfxHardware is show chassis hardware on a QFX5100.
func qfxHardware(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.HardwareHead)
	b.WriteString(hwRow("Chassis", "", "", c.Info.Serial, c.Info.Name))
	b.WriteString(hwFixed(tx.QFXPseudoCB))
	for i, m := range c.Modules {
		if m.Present {
			b.WriteString(hwRow(fmt.Sprintf("Routing Engine %d", i), "", m.Hardware.Product, m.Hardware.Serial, m.Hardware.Description))
		}
	}
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		b.WriteString(hwRow("FPC "+s.Name, "REV 12", s.Hardware.Product, s.Hardware.Serial, s.Hardware.Description))
		b.WriteString(hwFixed(tx.QFXCPU))
		b.WriteString(hwFixed(tx.QFXPIC))
		for _, n := range s.LinkUp {
			if n >= 1 && n <= s.Ports {
				b.WriteString(hwFixed(tx.QFXXcvr, n-1, 4711+n))
			}
		}
	}
	for i := 0; i < 2; i++ {
		b.WriteString(hwFixed(tx.QFXPower, i, 16+i))
	}
	for i := 0; i < 5; i++ {
		b.WriteString(hwFixed(tx.QFXFan, i))
	}
	return b.String()
}

package procurve

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// profile is the 8212zl to the engine. Its defaults are those of
// scenarios/8212zl.yaml, which says where each comes from.
var profile = &model.Profile{
	Vendor:       "procurve",
	Platform:     "procurve",
	ModuleLabels: []string{"MM1", "MM2"},
	ModuleNames:  []string{"mm1", "mm2"},
	Timings:      model.DefaultTimings(),
	Fate:         model.RebootOld,
	// the active pushes its flash images to a joining standby and copies
	// every download to it (Table 15-1); both modules boot the same flash
	ImageSync:        model.Always,
	MirrorBootChoice: true,
	IncompatState:    model.WarmOrOffline,
	FactoryConfig:    FactoryConfig,
	BootLog:          tx.BootLog,
	DefaultVLANName:  defaultVLANName,
	Defaults: model.Defaults{
		Called:  "an 8212zl",
		Info:    model.Info{Name: "HP J9091A Switch E8212zl", Product: "J9091A", Model: "8212zl", Serial: "LP711BX00Z", BaseMAC: "7446a0-41a56f"},
		Support: model.Hardware{Product: "J9095A", Description: "HP J9095A System Support Module 8200zl"},
		Module:  model.Hardware{Product: "J9092A", Description: "HP J9092A Management Module 8200zl"},
		ModuleSerial: func(i int) string {
			return strings.Repeat(fmt.Sprint(i+1), 12)
		},
		Fabrics:      2,
		Fabric:       model.Hardware{Product: "J9093A", Description: "HP J9093A F2 Fabric Module 8200zl"},
		FabricSerial: func(i int) string { return fmt.Sprintf("SG7%02dFB%03d", i+1, 100+i) },
		SlotNames:    []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"},
		SlotsCalled:  "12 interface module slots (A-L)",
		Slot: model.LineCard{Hardware: model.Hardware{Product: "J8702A", Description: "HP J8702A 24p Gig-T zl Module"},
			Ports: 24, PortType: "100/1000T", Rate: 1250},
		SlotSerial:    func(i int) string { return fmt.Sprintf("SG71%dAT%03d", i, 400+i) },
		MaxPorts:      24,
		CardCalled:    "a zl module",
		Flash:         [2]string{"K.15.06.0017", "K.15.06.0008"},
		ConfigFile:    "config1",
		Hostname:      "HP-E8212zl",
		DefaultVLAN:   "DEFAULT_VLAN",
		DefaultVLANIP: "dhcp-bootp",
		SNMPCommunity: "public", // ProVision's factory default community
		ManagerUser:   "manager",
		OperatorUser:  "operator",
	},
}

func defaultVLANName(id int) string {
	if id == 1 {
		return "DEFAULT_VLAN"
	}
	return fmt.Sprintf("VLAN%d", id)
}

//go:embed scenarios/8212zl.yaml
var scenario8212zl []byte

// Profile is the 8212zl's rules and defaults.
func (Vendor) Profile() *model.Profile { return profile }

// Scenarios are the built-in 8212zl chassis.
func (Vendor) Scenarios() []commands.Scenario {
	return []commands.Scenario{{Name: "8212zl", YAML: scenario8212zl,
		Summary: "HP ProCurve 8212zl, K.15.06.0017, management modules MM1 (active) and MM2 (standby)"}}
}

package junos

import (
	_ "embed"
	"fmt"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// profile is the MX240 with two Routing Engines to the engine. Its
// defaults are those of scenarios/mx240.yaml, which says where each comes
// from.
var profile = &model.Profile{
	Vendor:       "junos",
	Platform:     "junos",
	ModuleLabels: []string{"re0", "re1"},
	ModuleNames:  []string{"re0", "re1"},
	Timings:      timings(),
	// GRES: the old master becomes the backup at once and keeps its
	// sessions; the new master runs its own committed configuration
	// (commit synchronize keeps the two the same)
	Fate:              model.DemoteOld,
	KeepRunning:       false,
	ConfigSync:        func(*model.Chassis) bool { return false },
	SwitchoverHoldoff: 240 * time.Second,
	FactoryConfig:     FactoryConfig,
	ReadConfig:        ReadConfig,
	PortName:          portName,
	// the QFX5100 is the vendor's second chassis ("platform: qfx5100")
	Variants: []*model.Profile{qfxProfile},
	Defaults: model.Defaults{
		Called:       "an MX240",
		CardCalled:   "an MPC",
		Info:         model.Info{Name: "MX240", Product: "MX240", Model: "mx240", Serial: "JN11F1A2BAFC"},
		Module:       model.Hardware{Product: "740-051822", Description: "RE-S-1800x4"},
		ModuleSerial: func(i int) string { return []string{"9009219380", "9013084966"}[i%2] },
		Fabrics:      2,
		Fabric:       model.Hardware{Product: "750-062572", Description: "Enhanced MX SCB 2"},
		FabricSerial: func(i int) string { return fmt.Sprintf("CAGF%04d", 4711+i) },
		SlotNames:    []string{"2"},
		SlotsCalled:  "one FPC slot (2) with both Routing Engines in",
		Slot: model.LineCard{Hardware: model.Hardware{Product: "750-054902", Description: "MPC3E NG PQ & Flex Q"},
			Ports: 20, PortType: "1GE", Rate: 125000},
		SlotSerial:   func(i int) string { return fmt.Sprintf("CAGC%04d", 1850+i) },
		MaxPorts:     20,
		Flash:        [2]string{"13.3R1.4", "13.3R1.4"},
		ConfigFile:   "juniper.conf",
		DefaultVLAN:  "default",
		ManagerUser:  "admin",
		OperatorUser: "",
	},
}

// timings are an RE's durations: a boot of about four minutes (no source
// gives one; estimate), a mastership switch that completes at once.
func timings() model.Timings {
	t := model.DefaultTimings()
	t.ProfileWait = 10 * time.Second // the loader's countdown (estimate)
	t.Load = 90 * time.Second
	t.Selftest = 120 * time.Second
	t.Finish = 30 * time.Second
	t.Takeover = 1 * time.Second // "Resolving mastership..." to the new master serving (estimate)
	t.ConfigSync = 0
	return t
}

// portName is ge-<fpc>/<pic>/<port>: an MPC's 20x1GE MIC holds two PICs
// of ten ports each.
func portName(s *model.LineCard, n int) string {
	pic, port := (n-1)/10, (n-1)%10
	return fmt.Sprintf("ge-%s/%d/%d", s.Name, pic, port)
}

//go:embed scenarios/mx240.yaml
var scenarioMX240 []byte

// Profile is the MX240's rules and defaults (the QFX5100's are its
// variant).
func (Vendor) Profile() *model.Profile { return profile }

// Scenarios are the built-in Junos chassis.
func (Vendor) Scenarios() []commands.Scenario {
	return []commands.Scenario{{Name: "mx240", YAML: scenarioMX240,
		Summary: "Juniper MX240, Junos 13.3R1.4, Routing Engines re0 (master) and re1 (backup), GRES and NSR"},
		{Name: "qfx5100", YAML: scenarioQFX5100,
			Summary: "Juniper QFX5100 sw-duckhorn-01, Junos 18.1R3.3, a single-node virtual chassis: the in-service software reboot of manual 004"}}
}

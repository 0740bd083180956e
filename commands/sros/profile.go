package sros

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// profile is the 7750 SR-12 to the engine. Its defaults are those of
// scenarios/7750-sr12.yaml, which says where each comes from.
var profile = &model.Profile{
	Vendor:       "sros",
	Platform:     "sros",
	ModuleLabels: []string{"A", "B"},
	ModuleNames:  []string{"cpm-a", "cpm-b"},
	Timings:      timings(),
	// "The primary CPM reloads its software image and becomes the
	// secondary CPM" (7450 ESS guide, NOTES §2.4)
	Fate: model.RebootOld,
	// "The active CPM/CFM ensures that the active configuration is
	// maintained on the standby CPM/CFM" (manual 003)
	KeepRunning: true,
	// the IOMs forward on through a CPM switchover
	KeepSlots: true,
	// config>redundancy>synchronize decides what reaches the standby
	// automatically: boot-env (images, BOF, config files) or config
	ImageSync:       func(c *model.Chassis) bool { return syncMode(c) == syncBootEnv },
	ConfigSync:      func(c *model.Chassis) bool { return syncMode(c) != syncNone },
	SaveSyncsImages: true,
	FactoryConfig:   factoryConfig,
	PortName:        portName,
	ParsePorts:      parsePorts,
	Defaults: model.Defaults{
		Called:       "a 7750 SR-12",
		CardCalled:   "an IOM",
		Info:         model.Info{Name: "7750 SR-12", Product: "3HE03620AA", Model: "7750 SR-12", Serial: "NS0000000000", BaseMAC: "00:00:00:00:00:00"},
		Modules:      2,
		Module:       model.Hardware{Product: "sfm3-12", Description: "sfm3-12"},
		ModuleSerial: func(i int) string { return fmt.Sprintf("NS12345%05d", 6780+i) },
		SlotNames:    []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"},
		SlotsCalled:  "10 IOM slots (1-10)",
		Slot: model.LineCard{Hardware: model.Hardware{Product: "iom3-xp", Description: "m20-1gb-xp-sfp m20-1gb-xp-sfp"},
			Ports: 40, PortType: "GIGE-SX"},
		SlotSerial:  func(i int) string { return fmt.Sprintf("NS13%08d", 100+i) },
		MaxPorts:    60,
		Flash:       [2]string{"13.0.R1", ""},
		ConfigFile:  configFile,
		Hostname:    "SR12",
		ManagerUser: "admin",
	},
}

// configFile is the saved config the BOF's primary-config names.
const configFile = "config.cfg"

// timings are the SR-12's durations. No source gives them: a CPM boot of
// about two minutes, a takeover of a second (the standby "takes control
// without rebooting or initializing itself"), IOMs up a minute after the
// CPM, and compact flash copies at 8 MB/s.
func timings() model.Timings {
	t := model.DefaultTimings()
	t.ProfileWait = 3 * time.Second
	t.Load = 50 * time.Second
	t.Selftest = 40 * time.Second
	t.Finish = 15 * time.Second
	t.Takeover = time.Second
	t.SlotInsert = 20 * time.Second
	t.SlotDownload = 15 * time.Second
	t.SlotReady = 25 * time.Second
	t.ConfigSync = 3 * time.Second
	t.OSSyncRate = 8 * 1024 * 1024
	t.HeartbeatLoss = time.Second
	return t
}

//go:embed scenarios/7750-sr12.yaml
var scenarioSR12 []byte

// Profile is the SR-12's rules and defaults.
func (Vendor) Profile() *model.Profile { return profile }

// Scenarios are the built-in SR OS chassis.
func (Vendor) Scenarios() []commands.Scenario {
	return []commands.Scenario{{Name: "7750-sr12", YAML: scenarioSR12,
		Summary: "Alcatel-Lucent 7750 SR-12, TiMOS-C-13.0.R1 classic CLI, CPM A (active) and CPM B (standby)"}}
}

// factoryConfig is the config of a CPM with none: the system name only.
func factoryConfig(c *model.Chassis) *model.Config {
	return &model.Config{Hostname: c.Profile.Defaults.Hostname}
}

// mdaPorts is how many ports each MDA type has; mdaPortType what its
// ports show in show port's C/QS/S/XFP column and Port Type.
var mdaPorts = map[string]int{
	"m20-1gb-xp-sfp": 20, "m2-10gb-xp-xfp": 2, "m5-1gb-sfp-b": 5, "m16-oc3-sfp": 16,
	"imm5-10gb-xp-xfp": 5, "imm12-10gb-xp-sf+": 12,
}

func mdaPortType(mda string) (portType, optic string) {
	if strings.Contains(mda, "10gb") {
		return "xgige", "10GBASE-LR"
	}
	return "xcme", "GIGE-SX"
}

// mdas are the MDA types of an IOM: its description lists them, one word
// each (an IMM has one).
func mdas(s *model.LineCard) []string { return strings.Fields(s.Hardware.Description) }

// portName names port n (1-based, counted over the card's MDAs in order)
// "slot/mda/port".
func portName(s *model.LineCard, n int) string {
	left := n
	for i, t := range mdas(s) {
		k := mdaPorts[t]
		if k == 0 {
			k = 20
		}
		if left <= k {
			return s.Name + "/" + strconv.Itoa(i+1) + "/" + strconv.Itoa(left)
		}
		left -= k
	}
	return s.Name + "/1/" + strconv.Itoa(n)
}

// parsePorts reads a comma-separated list of SR OS port ids.
func parsePorts(list string) ([]string, string) {
	var out []string
	for _, p := range strings.Split(list, ",") {
		p = strings.TrimSpace(p)
		if !looksPort(p) {
			return nil, p
		}
		out = append(out, p)
	}
	return out, ""
}

// looksPort reports whether s is written like a port id: slot/mda/port
// or a CPM's A/1.
func looksPort(s string) bool {
	parts := strings.Split(s, "/")
	switch len(parts) {
	case 2:
		return (parts[0] == "A" || parts[0] == "B") && isNumber(parts[1])
	case 3:
		return isNumber(parts[0]) && isNumber(parts[1]) && isNumber(parts[2])
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

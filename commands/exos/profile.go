package exos

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/exos"
)

// timings are the BlackDiamond's durations. No source gives any of them:
// all are estimates (README, Limitations), chosen so an MSM boots in a
// little over two minutes, as the 8212zl's modules do.
func timings() model.Timings {
	return model.Timings{
		ProfileWait:   3 * time.Second,  // the BootROM's spacebar window
		Load:          45 * time.Second, // bootloader to ExtremeXOS running
		Selftest:      75 * time.Second, // diagnostics
		Finish:        15 * time.Second, // processes up, master elected
		ROMUpdate:     20 * time.Second,
		SlotInsert:    10 * time.Second, // an I/O module reset: booting
		SlotDownload:  30 * time.Second, // loading its I/O image
		SlotReady:     20 * time.Second, // to operational
		Takeover:      5 * time.Second,  // the backup takes over
		ConfigSync:    2 * time.Second,
		OSSyncRate:    2 * 1024 * 1024, // synchronize copies both partitions
		TFTPRate:      1024 * 1024,
		InstallRate:   512 * 1024,
		TFTPTimeout:   20 * time.Second,
		HeartbeatLoss: 3 * time.Second,
	}
}

// profile is the BlackDiamond 8810 to the engine. Its defaults are those
// of scenarios/bd8810.yaml, which says where each comes from.
var profile = &model.Profile{
	Vendor:       "exos",
	Platform:     "bd8800",
	ModuleLabels: []string{"MSM-A", "MSM-B"},
	ModuleNames:  []string{"msm-a", "msm-b"},
	Timings:      timings(),
	// the old master reboots and its sessions end (run msm-failover,
	// documented); the backup holds the running configuration
	// (checkpointing), so unsaved changes survive a failover
	Fate:        model.RebootOld,
	KeepRunning: true,
	// no image push: each MSM has its own partitions and its own
	// selected image; saved configurations go to both MSMs ("When you
	// save the switch configuration, it is saved to all MSMs")
	HitlessSlots:    true,
	FactoryConfig:   FactoryConfig,
	DefaultVLANName: func(id int) string { return fmt.Sprintf("VLAN_%04d", id) },
	PortName:        func(s *model.LineCard, n int) string { return s.Name + ":" + strconv.Itoa(n) },
	ParsePorts:      ParsePorts,
	Defaults: model.Defaults{
		Called:     "a BlackDiamond 8810",
		CardCalled: "an I/O module",
		Info: model.Info{Name: tx.SystemType, Product: "800347-00-03", Model: tx.SystemType,
			Serial: "0841F-00312", BaseMAC: "00:04:96:2b:1a:00"},
		Modules:      2,
		Module:       model.Hardware{Product: "800353-00-05", Description: "MSM-48c"},
		ModuleSerial: func(i int) string { return fmt.Sprintf("0846G-0041%d", i+1) },
		SlotNames:    []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"},
		SlotsCalled:  "10 slots (1-10; the MSMs sit in 5 and 6)",
		Slot: model.LineCard{Hardware: model.Hardware{Product: "800356-00-03", Description: "G48Tc"},
			Ports: 48, PortType: "1000BASE-T", Rate: 1250},
		SlotSerial:   func(i int) string { return fmt.Sprintf("0850G-%05d", 1201+i) },
		MaxPorts:     48,
		Flash:        [2]string{"15.3.1.4", "15.3.1.4"},
		ConfigFile:   "primary.cfg",
		Hostname:     tx.SystemType,
		DefaultVLAN:  "Default",
		ManagerUser:  "admin",
		OperatorUser: "user",
	},
}

// FactoryConfig is a configuration with no saved file: the sysName of
// the chassis, Extreme's support contact, and every port untagged in the
// Default VLAN.
func FactoryConfig(c *model.Chassis) *model.Config {
	return &model.Config{
		Hostname: c.Info.Name,
		Contact:  tx.DefaultContact,
		VLANs:    []model.VLAN{{ID: 1, Name: "Default", Untagged: c.PortNames()}},
	}
}

// ParsePorts reads an EXOS port list: "slot:port", "slot:first-last" or
// "slot:first-slot:last", separated by commas.
func ParsePorts(list string) ([]string, string) {
	if strings.TrimSpace(list) == "" {
		return nil, ""
	}
	var out []string
	for _, part := range strings.Split(list, ",") {
		part = strings.TrimSpace(part)
		slot, rest, ok := strings.Cut(part, ":")
		sn, err := strconv.Atoi(slot)
		if !ok || err != nil || sn < 1 || sn > 10 {
			return nil, part
		}
		lo, hi, isRange := strings.Cut(rest, "-")
		if s2, h2, ok := strings.Cut(hi, ":"); isRange && ok {
			if s2 != slot {
				return nil, part
			}
			hi = h2
		}
		a, err := strconv.Atoi(lo)
		if err != nil || a < 1 || a > 64 {
			return nil, part
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a || b > 64 {
				return nil, part
			}
		}
		for p := a; p <= b; p++ {
			out = append(out, slot+":"+strconv.Itoa(p))
		}
	}
	return out, ""
}

//go:embed scenarios/bd8810.yaml
var scenarioBD8810 []byte

// Profile is the BlackDiamond 8810's rules and defaults.
func (Vendor) Profile() *model.Profile { return profile }

// Scenarios are the built-in BlackDiamond chassis.
func (Vendor) Scenarios() []commands.Scenario {
	return []commands.Scenario{{Name: "bd8810", YAML: scenarioBD8810,
		Summary: "Extreme BlackDiamond 8810, ExtremeXOS 15.3.1.4, MSM-A (master) and MSM-B (backup)"}}
}

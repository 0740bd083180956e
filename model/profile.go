package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Profile is what one vendor's chassis is to the engine: the names of its
// slots, the defaults a scenario starts from, and the few redundancy rules
// in which vendors differ. Each vendor builds its own
// (commands/<vendor>/profile.go); the scenario reader takes its defaults
// from it and the chassis applies its rules. A profile is shared by every
// chassis of the vendor: treat it as read-only.
type Profile struct {
	// Vendor is the vendor's name in scenarios ("procurve", "exos").
	Vendor string
	// Platform names the images this chassis runs: an image of the
	// catalog with another platform is not a software image for it.
	// "" accepts every image.
	Platform string
	// ModuleLabels are the management module slots as the vendor prints
	// them ("MSM-A", "MSM-B"); ModuleNames as the control API, "switchsim
	// ctl" and transcripts name them ("msm-a", "msm-b"). Both have one
	// entry per slot.
	ModuleLabels []string
	ModuleNames  []string

	// Timings are the vendor's durations (a scenario may override them).
	Timings Timings

	// Fate is what a switchover does to the module that stops being
	// active: it reboots and its sessions end, or it is demoted to
	// standby at once and keeps them.
	Fate Fate
	// KeepRunning: the standby holds the running configuration, so an
	// unsaved change survives a switchover (EXOS checkpointing, SR OS,
	// Junos); otherwise the new active runs its saved config.
	KeepRunning bool
	// KeepSlots: the interface modules keep running across a
	// switchover (SR OS IOMs); otherwise they reload under the new
	// active.
	KeepSlots bool
	// ImageSync reports whether a joining standby receives the active's
	// flash images (rebooting to the matching one) and downloads are
	// copied to the standby (ProCurve); nil: never.
	ImageSync func(c *Chassis) bool
	// ConfigSync reports whether the active copies its saved config files
	// to the standby when it joins and on every save; nil: always.
	ConfigSync func(c *Chassis) bool
	// SaveSyncsImages: where ImageSync holds, a save copies the whole
	// boot environment (images, boot choices, config files) to the
	// standby, not only the config files (SR OS "synchronize boot-env").
	SaveSyncsImages bool
	// MirrorBootChoice: the default flash (the image selected for the
	// next boot) is one setting for both modules; otherwise each module
	// keeps its own.
	MirrorBootChoice bool
	// IncompatState is the state of a standby whose software the active
	// cannot synchronize with (Standby when it can); nil: every standby
	// is Standby.
	IncompatState func(active, standby *Image) State
	// SwitchoverHoldoff: a standby is not ready for an operator's
	// switchover until it has been standby this long; 0: at once.
	SwitchoverHoldoff time.Duration
	// HitlessSlots: across an operator's switchover (or one after a
	// software crash) the interface modules keep forwarding when the new
	// active's software accepts their I/O module image, and only the
	// others reload (Chassis.SwitchoverIO); otherwise every switchover
	// reloads them all.
	HitlessSlots bool

	// FactoryConfig is the config of a module that has none (and after
	// an erase); nil: a bare config with the default hostname.
	FactoryConfig func(c *Chassis) *Config
	// ReadConfig reads a configuration written as the vendor's text (a
	// scenario's "config: text:") into cf, deriving cf's fields; an error
	// names the line of the text (1-based) it is about. nil: the vendor
	// takes no configuration text.
	ReadConfig func(cf *Config, text string) (line int, err error)
	// BootLog are the vendor's own log lines when the system finishes
	// booting (feature start-up messages).
	BootLog []LogEntry
	// DefaultVLANName names a new VLAN ("VLAN10").
	DefaultVLANName func(id int) string
	// PortName names port n of an interface module ("A1", "2:1",
	// "1/1/1", "ge-0/0/1"); nil: the slot name followed by the number.
	PortName func(slot *LineCard, n int) string
	// ParsePorts reads a port list as the vendor writes it into port
	// names, returning the first part it cannot read as bad; nil: the
	// ProCurve syntax of ExpandPorts.
	ParsePorts func(list string) (ports []string, bad string)

	// Defaults are what a scenario leaves out.
	Defaults Defaults

	// Variants are the vendor's other chassis, each with its own
	// Platform, chosen by a scenario's "platform:" (platform.go); only
	// the vendor's own profile lists them.
	Variants []*Profile
	// RoleConsoles, when set, wires the console ports by role instead of
	// by slot: the first is the chassis's own console, on whichever
	// module is active (or taking over), the others follow the
	// remaining slots in order. Each entry names its port as "switchsim
	// serve" prints it.
	RoleConsoles []string
}

// Fate is what a switchover does to the module that stops being active.
type Fate int

const (
	// RebootOld: the old active reboots and comes back as standby; its
	// sessions end.
	RebootOld Fate = iota
	// DemoteOld: the old active becomes the standby at once, without a
	// reboot; its sessions stay and see the new role.
	DemoteOld
)

// Defaults are a vendor's values for what a scenario does not say.
type Defaults struct {
	// Called is how scenario errors name the chassis ("an 8212zl"),
	// CardCalled an interface module ("a zl module").
	Called     string
	CardCalled string
	Info       Info
	// Support is the chassis's support hardware (ProCurve's System
	// Support Module); empty for chassis without one.
	Support Hardware
	// Modules is the number of management module slots (0: two); Module
	// their hardware, ModuleSerial the serial of slot index i.
	Modules      int
	Module       Hardware
	ModuleSerial func(i int) string
	// Fabrics is the number of fabric module slots; Fabric their
	// hardware and FabricSerial the serial of fabric index i.
	Fabrics      int
	Fabric       Hardware
	FabricSerial func(i int) string
	// SlotNames are the interface module slots in order (SlotsCalled as
	// errors say it: "12 interface module slots (A-L)"); Slot is the
	// default card with its port count, type and rate, SlotSerial the
	// serial at position i; MaxPorts bounds a card's ports.
	SlotNames   []string
	SlotsCalled string
	Slot        LineCard
	SlotSerial  func(i int) string
	MaxPorts    int
	// Flash are the image versions of a module's two banks.
	Flash [2]string
	// ConfigFile is the saved config a bank boots with.
	ConfigFile string
	// Hostname, the default VLAN (1) and its IP setting, and the SNMP
	// community of a new config.
	Hostname      string
	DefaultVLAN   string
	DefaultVLANIP string
	SNMPCommunity string
	// ManagerUser and OperatorUser are the privileged and unprivileged
	// accounts.
	ManagerUser  string
	OperatorUser string
}

// DefaultProfile is a neutral profile: the engine's behaviour when a
// chassis is built without a vendor (model tests).
func DefaultProfile() *Profile {
	return &Profile{
		Vendor:       "generic",
		ModuleLabels: []string{"MM1", "MM2"},
		ModuleNames:  []string{"mm1", "mm2"},
		Timings:      DefaultTimings(),
		Defaults:     Defaults{ConfigFile: "config1", Hostname: "Switch", DefaultVLAN: "DEFAULT_VLAN"},
	}
}

// ModuleLabel is how the vendor prints management module i.
func (p *Profile) ModuleLabel(i int) string {
	if i >= 0 && i < len(p.ModuleLabels) {
		return p.ModuleLabels[i]
	}
	return strconv.Itoa(i + 1)
}

// ModuleName is the control name of management module i.
func (p *Profile) ModuleName(i int) string {
	if i >= 0 && i < len(p.ModuleNames) {
		return p.ModuleNames[i]
	}
	return strconv.Itoa(i + 1)
}

// ModuleIndex reads a control name (or a 1-based slot number) as a
// management module index, -1 when it names none.
func (p *Profile) ModuleIndex(name string) int {
	for i, n := range p.ModuleNames {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	if n, err := strconv.Atoi(name); err == nil && n >= 1 && n <= len(p.ModuleNames) {
		return n - 1
	}
	return -1
}

// portName names port n of a slot.
func (p *Profile) portName(s *LineCard, n int) string {
	if p.PortName != nil {
		return p.PortName(s, n)
	}
	return s.Name + strconv.Itoa(n)
}

// SplitPorts reads a port list in the vendor's syntax.
func (p *Profile) SplitPorts(list string) ([]string, string) {
	if p.ParsePorts != nil {
		return p.ParsePorts(list)
	}
	return ExpandPorts(list)
}

// VLANName is the name a new VLAN gets.
func (p *Profile) VLANName(id int) string {
	if p.DefaultVLANName != nil {
		return p.DefaultVLANName(id)
	}
	return fmt.Sprintf("VLAN%d", id)
}

func (p *Profile) imageSync(c *Chassis) bool { return p.ImageSync != nil && p.ImageSync(c) }

func (p *Profile) configSync(c *Chassis) bool { return p.ConfigSync == nil || p.ConfigSync(c) }

func (p *Profile) incompatState(a, s *Image) State {
	if p.IncompatState == nil {
		return Standby
	}
	return p.IncompatState(a, s)
}

// Always is a policy that always holds (ImageSync, ConfigSync).
func Always(*Chassis) bool { return true }

// WarmOrOffline is the K.12/K.15 rule for an incompatible standby: an
// active whose software can hold a warm standby pauses it there (K.15),
// otherwise the standby goes offline (K.12). Compatible software makes a
// standby.
func WarmOrOffline(a, s *Image) State {
	switch {
	case a.CompatibleWith(s):
		return Standby
	case a != nil && a.WarmStandby:
		return WarmStandby
	}
	return OfflineIncompat
}

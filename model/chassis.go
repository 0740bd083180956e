package model

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// Chassis is one switch. Its exported fields are its state (what a
// snapshot saves and a scenario sets); timers and the outbox are not.
type Chassis struct {
	Info    Info        `json:"info"`
	Modules []*Module   `json:"modules"` // management modules, slot 1 first
	Fabrics []*Fabric   `json:"fabrics"`
	Slots   []*LineCard `json:"slots"` // interface module slots A, B, ...
	SSM     Hardware    `json:"ssm"`

	Failovers    int       `json:"failovers"`
	LastFailover time.Time `json:"lastFailover"`
	// LastFailoverCause is why the last switchover happened.
	LastFailoverCause Cause `json:"lastFailoverCause,omitempty"`
	// NextActive is the module (index) chosen with "redundancy
	// active-management" for the next system boot or switchover; -1: none.
	NextActive int `json:"nextActive"`

	Credentials Credentials `json:"credentials"`
	// Running is the running config of the active module; nil while no
	// module is active.
	Running *Config `json:"running,omitempty"`

	Log   []LogEntry `json:"log"`
	Epoch int        `json:"epoch"` // system boots so far; "events since boot" are this epoch's
	// BootedAt is when the system last booted (for uptime).
	BootedAt time.Time `json:"bootedAt"`
	// HostKeys counts crypto key generations; 0 means the keys were
	// cleared with "clear crypto" and none generated since.
	HostKeys int `json:"hostKeys"`
	// Locator is the chassis locator LED (chassislocate): "off", "on" or
	// "blink"; it goes off when its time runs out or on a switchover.
	Locator      string    `json:"locator,omitempty"`
	LocatorUntil time.Time `json:"locatorUntil"`

	// Options are the scenario's vendor-specific settings (a service
	// contract, a second virtual-chassis member), read by the vendor.
	Options map[string]string `json:"options,omitempty"`

	// Sync is what reached the standby and when, and the alarm a failed
	// copy raised (standbysync.go); nil until the first copy.
	Sync *SyncRecord `json:"sync,omitempty"`

	// Profile is the vendor's rules; Timings its durations as the
	// scenario may have changed them.
	Profile *Profile `json:"-"`
	Timings Timings  `json:"-"`

	now          time.Time
	kept         *Config // the running config held across a takeover (Profile.KeepRunning)
	timers       []timer
	seq          uint64
	outbox       []Event
	syncs        []*syncJob
	transfer     *Transfer
	afterSync    []func() // operations waiting for file sync to finish
	reloadAt     time.Time
	reloadOrigin Origin
	lastRule     int
	rev          uint64 // bumps when state worth saving changes
	logRev       uint64 // bumps when the log grows
	jobSeq       int    // numbers copies to the standby (SyncResult)
	jobResults   map[int]error
	db           dbState    // configuration editors and a commit to confirm (candidate.go)
	proc         *Procedure // the vendor procedure in progress (procedure.go)
}

// Info identifies the chassis.
type Info struct {
	Name    string `json:"name"`    // HP J9091A Switch E8212zl: the banner's first line
	Product string `json:"product"` // J9091A
	Model   string `json:"model"`   // 8212zl
	Serial  string `json:"serial"`
	BaseMAC string `json:"baseMAC"`
}

// Hardware is a module's identity.
type Hardware struct {
	Product     string `json:"product"`
	Description string `json:"description"`
	Serial      string `json:"serial"`
}

// Credentials are the switch's users. A user with no password needs
// none (the factory default).
type Credentials struct {
	ManagerUser      string `json:"managerUser"`
	ManagerPassword  string `json:"managerPassword,omitempty"`
	OperatorUser     string `json:"operatorUser"`
	OperatorPassword string `json:"operatorPassword,omitempty"`
	// Authorized client public keys (authorized_keys lines) per level;
	// "clear crypto" deletes them.
	ManagerKeys  []string `json:"managerKeys,omitempty"`
	OperatorKeys []string `json:"operatorKeys,omitempty"`
}

// Module is a management module slot.
type Module struct {
	Slot     int      `json:"slot"` // 1-based
	Present  bool     `json:"present"`
	Hardware Hardware `json:"hardware"`
	State    State    `json:"state"`
	Stage    Stage    `json:"stage,omitempty"`

	Flash       [2]*Image `json:"flash"`
	ROM         ROM       `json:"rom"`
	DefaultBank Bank      `json:"defaultBank"`
	BootedBank  Bank      `json:"bootedBank"`
	// Running is the software the module runs (nil while it is not
	// running any).
	Running *Image `json:"running,omitempty"`

	Configs    map[string]*Config `json:"configs"`
	BankConfig [2]string          `json:"bankConfig"`
	// Candidate is the configuration being edited on this module before
	// a commit (nil: none is, it equals the committed one); Rollbacks the
	// configurations committed before the current one, newest first
	// (candidate.go).
	Candidate *Config   `json:"candidate,omitempty"`
	Rollbacks []*Config `json:"rollbacks,omitempty"`

	EverBooted bool      `json:"everBooted"`
	LastActive bool      `json:"lastActive"`
	ActiveAt   time.Time `json:"activeAt"`
	UpSince    time.Time `json:"upSince"`
	// StandbySince is when the module last became the standby (a
	// switchover hold-off counts from it).
	StandbySince time.Time `json:"standbySince"`

	// SelftestFailures is how many coming selftests fail.
	SelftestFailures int  `json:"selftestFailures,omitempty"`
	HardwareFault    bool `json:"hardwareFault,omitempty"`
	// FlashFault is a flash that cannot take files ("full", "removed";
	// standbysync.go).
	FlashFault string `json:"flashFault,omitempty"`
	// Crashes is the saved crash information, most recent first.
	Crashes []CrashRecord `json:"crashes"`
	// Staged are software images downloaded to the module's storage and
	// not installed into a bank yet (StartInstall installs one).
	Staged []*Image `json:"staged,omitempty"`
	// Spawned: the chassis made this module for itself (Spawn): a
	// virtual one, which a system boot does not bring back unless it is
	// the active one.
	Spawned bool `json:"spawned,omitempty"`

	gen             int   // bumps on every boot; stale timers compare it
	shutdownPending bool  // MM Shutdown pressed, waiting for file sync
	hotswapped      bool  // inserted while the chassis ran: boots to the active's software
	forceBank       *Bank // bank for the coming boot, overriding the profile default
	pendingUp       bool  // waiting to join as standby once an active exists
}

// Fabric is a fabric module slot.
type Fabric struct {
	Number   int      `json:"number"`
	Present  bool     `json:"present"`
	Hardware Hardware `json:"hardware"`
}

// LineCard is an interface module slot.
type LineCard struct {
	Name     string   `json:"name"` // the slot as the vendor names it: "A", "3"
	Present  bool     `json:"present"`
	Hardware Hardware `json:"hardware"`
	Ports    int      `json:"ports"`
	PortType string   `json:"portType"`
	// Status: "Up", "Downloading", "Booting" or "" when not present.
	Status string `json:"status"`
	// LinkUp lists the ports (by number) with a link.
	LinkUp []int `json:"linkUp,omitempty"`
	// Rate is the bytes per second each linked port counts, so counters
	// move with the clock and visibly reset on switchover.
	Rate          int64     `json:"rate"`
	CountersSince time.Time `json:"countersSince"`
	// Software is the release whose I/O module image the card runs, and
	// IOVersion that image's version (Image.IOVersion): the active's when
	// the card last loaded its image.
	Software  string `json:"software,omitempty"`
	IOVersion int    `json:"ioVersion,omitempty"`
}

type timer struct {
	at  time.Time
	seq uint64
	fn  func()
}

// Now is the chassis's current time.
func (c *Chassis) Now() time.Time { return c.now }

// after runs fn once the clock reaches now+d.
func (c *Chassis) after(d time.Duration, fn func()) {
	c.seq++
	c.timers = append(c.timers, timer{at: c.now.Add(d), seq: c.seq, fn: fn})
}

// afterFor runs fn after d unless the module has rebooted since.
func (c *Chassis) afterFor(m *Module, d time.Duration, fn func()) {
	gen := m.gen
	c.after(d, func() {
		if m.gen == gen {
			fn()
		}
	})
}

// NextDeadline is the time of the earliest pending timer.
func (c *Chassis) NextDeadline() (time.Time, bool) {
	if len(c.timers) == 0 {
		return time.Time{}, false
	}
	min := c.timers[0]
	for _, t := range c.timers[1:] {
		if t.at.Before(min.at) || t.at.Equal(min.at) && t.seq < min.seq {
			min = t
		}
	}
	return min.at, true
}

// Advance moves the clock to now, firing every due timer in order of its
// deadline (then of its creation), each at its own time.
func (c *Chassis) Advance(now time.Time) {
	for {
		if len(c.timers) == 0 {
			break
		}
		sort.SliceStable(c.timers, func(i, j int) bool {
			a, b := c.timers[i], c.timers[j]
			if !a.at.Equal(b.at) {
				return a.at.Before(b.at)
			}
			return a.seq < b.seq
		})
		t := c.timers[0]
		if t.at.After(now) {
			break
		}
		c.timers = c.timers[1:]
		if t.at.After(c.now) {
			c.now = t.at
		}
		t.fn()
	}
	if now.After(c.now) {
		c.now = now
	}
}

// Revision tells the caller when to save: durable bumps when saved state
// (config files, flash, boot history, roles, counters, keys) changed, log
// when only the event log grew.
func (c *Chassis) Revision() (durable, log uint64) { return c.rev, c.logRev }

func (c *Chassis) touch() { c.rev++ }

// TakeEvents drains the outbox.
func (c *Chassis) TakeEvents() []Event {
	ev := c.outbox
	c.outbox = nil
	return ev
}

func (c *Chassis) emit(e Event) { c.outbox = append(c.outbox, e) }

// Module returns the management module with the given index, or nil.
func (c *Chassis) Module(i int) *Module {
	if i < 0 || i >= len(c.Modules) {
		return nil
	}
	return c.Modules[i]
}

// Index is the module's position in Modules.
func (c *Chassis) Index(m *Module) int {
	for i, x := range c.Modules {
		if x == m {
			return i
		}
	}
	return -1
}

// Active is the active management module, or nil.
func (c *Chassis) Active() *Module {
	for _, m := range c.Modules {
		if m.Present && m.State == Active {
			return m
		}
	}
	return nil
}

// ActiveIndex is the active module's index, or -1.
func (c *Chassis) ActiveIndex() int { return c.Index(c.Active()) }

// Other is the other management module slot of a two-module chassis.
func (c *Chassis) Other(m *Module) *Module {
	for _, x := range c.Modules {
		if x != m {
			return x
		}
	}
	return nil
}

// RedundancyEnabled reports the setting of the active module's config.
func (c *Chassis) RedundancyEnabled() bool {
	if c.Running != nil {
		return !c.Running.RedundancyDisabled
	}
	if a := c.Active(); a != nil {
		if cf := a.Startup(); cf != nil {
			return !cf.RedundancyDisabled
		}
	}
	return true
}

// FabricEnabled reports whether fabric module n (1-based) is enabled.
func (c *Chassis) FabricEnabled(n int) bool {
	cf := c.Running
	if cf == nil {
		if a := c.Active(); a != nil {
			cf = a.Startup()
		}
	}
	if cf == nil || n < 1 || n > 2 {
		return true
	}
	return !cf.FabricDisabled[n-1]
}

// Startup is the saved config the module boots with from its booted bank.
func (m *Module) Startup() *Config {
	return m.Configs[m.BankConfig[m.BootedBank]]
}

// StartupFor is the saved config the module would boot with from a bank.
func (m *Module) StartupFor(b Bank) *Config {
	return m.Configs[m.BankConfig[b]]
}

// Unsaved reports whether the running config differs from the saved one.
func (c *Chassis) Unsaved() bool {
	a := c.Active()
	if a == nil || c.Running == nil {
		return false
	}
	return !c.Running.Equal(a.Startup())
}

// Mismatch reports whether the standby runs other software than the
// active (the warning of Figure 15-11).
func (c *Chassis) Mismatch() bool {
	a := c.Active()
	if a == nil {
		return false
	}
	s := c.Other(a)
	if s == nil || !s.Present || !s.State.Ready() || s.Running == nil || a.Running == nil {
		return false
	}
	return !a.Running.Same(s.Running)
}

// Pending reports whether an operation (a switchover, a shutdown) waits
// for file synchronization to finish.
func (c *Chassis) Pending() bool { return len(c.afterSync) > 0 }

// SyncInProgress reports whether files are being copied to the standby.
func (c *Chassis) SyncInProgress() bool { return len(c.syncs) > 0 }

// Transfer returns the download in progress, if any.
func (c *Chassis) Transfer() *Transfer { return c.transfer }

// Start validates a chassis built from a scenario or snapshot and sets
// its clock. Modules in a running state start as they are.
func (c *Chassis) Start(now time.Time) error {
	c.now = now
	if c.Profile == nil {
		c.Profile = DefaultProfile()
	}
	if c.Timings == (Timings{}) {
		c.Timings = c.Profile.Timings
	}
	if len(c.Modules) == 0 {
		return fmt.Errorf("model: a chassis needs management module slots")
	}
	actives := 0
	for i, m := range c.Modules {
		if m.Slot == 0 {
			m.Slot = i + 1
		}
		if m.Configs == nil {
			m.Configs = map[string]*Config{}
		}
		c.defaultBankConfig(m)
		if !m.Present {
			m.State = Absent
			continue
		}
		switch m.State {
		case Active:
			actives++
		case Absent:
			return fmt.Errorf("model: management module %d is present but has state absent", m.Slot)
		case Booting, TakingOver:
			return fmt.Errorf("model: management module %d cannot start in state %s", m.Slot, m.State)
		}
		if m.State != Failed && m.State != Shutdown && m.Running == nil {
			m.Running = m.Flash[m.BootedBank].Clone()
			if m.Running == nil {
				return fmt.Errorf("model: management module %d runs from an empty %s flash", m.Slot, m.BootedBank)
			}
		}
		if m.UpSince.IsZero() {
			m.UpSince = now
		}
	}
	if actives > 1 {
		return fmt.Errorf("model: %d active management modules", actives)
	}
	if a := c.Active(); a != nil {
		if a.Startup() == nil {
			return fmt.Errorf("model: management module %d has no %s", a.Slot, a.BankConfig[a.BootedBank])
		}
		if c.Running == nil {
			c.Running = a.Startup().Clone()
		}
		if a.ActiveAt.IsZero() {
			a.ActiveAt = now
		}
	} else {
		c.Running = nil
	}
	if c.NextActive >= len(c.Modules) {
		return fmt.Errorf("model: next active module %d does not exist", c.NextActive+1)
	}
	for i, f := range c.Fabrics {
		if f.Number == 0 {
			f.Number = i + 1
		}
	}
	for _, s := range c.Slots {
		if s.Present && s.Status == "" {
			s.Status = "Up"
		}
		if s.CountersSince.IsZero() {
			s.CountersSince = now
		}
	}
	c.initSlotSoftware()
	if c.BootedAt.IsZero() {
		c.BootedAt = now
	}
	return nil
}

// defaultBankConfig names the vendor's config file for a bank that names
// none.
func (c *Chassis) defaultBankConfig(m *Module) {
	for b := range m.BankConfig {
		if m.BankConfig[b] == "" {
			m.BankConfig[b] = c.Profile.Defaults.ConfigFile
		}
	}
}

// Resume makes a saved chassis ready to serve: like a fresh scenario, it
// starts booted, with the module that was last active active again and
// the other in the role its state allows. A module caught in a transition
// (booting, syncing) when the process stopped is settled here. Call it
// before Start.
func (c *Chassis) Resume() {
	var act *Module
	for _, m := range c.Modules {
		if m.Present && m.LastActive && m.State != Failed && m.State != Shutdown {
			act = m
		}
	}
	if act == nil {
		for _, m := range c.Modules {
			if m.Present && act == nil && m.State != Failed && m.State != Shutdown && m.State != Absent {
				act = m
			}
		}
	}
	enabled := true
	if act != nil {
		if cf := act.Startup(); cf != nil {
			enabled = !cf.RedundancyDisabled
		}
	}
	for _, m := range c.Modules {
		if m.Spawned && m != act {
			m.Present = false // a spawned module does not outlive the system
		}
		if !m.Present {
			m.State = Absent
			continue
		}
		m.Stage = StageNone
		m.Running = nil
		switch {
		case m == act:
			m.State = Active
		case m.State == Failed || m.State == Shutdown:
		case !enabled:
			m.State = Offline
		case m.State == OfflineIncompat || m.State == WarmStandby:
		default:
			m.State = Standby
		}
	}
	c.Running = nil
	for _, s := range c.Slots {
		if s.Present {
			s.Status = "Up"
		}
	}
}

// UnmarshalJSON reads a slot, also as state files before vendors wrote it
// (its name under "letter").
func (l *LineCard) UnmarshalJSON(b []byte) error {
	type plain LineCard
	var v struct {
		plain
		Letter string `json:"letter"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*l = LineCard(v.plain)
	if l.Name == "" {
		l.Name = v.Letter
	}
	return nil
}

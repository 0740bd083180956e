package model

import (
	"fmt"
	"time"
)

var zeroTime time.Time

// standbyReady returns the active module and a standby that can take
// over, or ErrNoStandby ("The other management module does not exist or
// is not in standby mode").
func (c *Chassis) standbyReady() (*Module, *Module, error) {
	a := c.Active()
	if a == nil {
		return nil, nil, ErrNoActive
	}
	s := c.Other(a)
	if s == nil || !s.Present || !s.State.Ready() || !c.RedundancyEnabled() {
		return a, nil, ErrNoStandby
	}
	return a, s, nil
}

// CanSwitchover reports whether a switchover is possible now.
func (c *Chassis) CanSwitchover() bool {
	_, _, err := c.standbyReady()
	return err == nil
}

// Switchover is the operator's switchover ("redundancy switchover", "run
// msm-failover"): once all files have finished synchronizing, the standby
// takes over, and the old active meets the vendor's fate: it reboots from
// its default flash to become the standby, or it is demoted at once.
// Within the vendor's hold-off after the standby came up it fails with a
// *HoldoffError.
func (c *Chassis) Switchover(o Origin) error {
	if _, _, err := c.standbyReady(); err != nil {
		return err
	}
	if err := c.holdoff(); err != nil {
		return err
	}
	fate := rebootOld
	if c.Profile.Fate == DemoteOld {
		fate = demoteOld
	}
	c.whenSynced(func() { c.switchover(CauseSwitchover, o, fate) })
	return nil
}

// HoldoffError says the standby is not ready for a switchover yet.
type HoldoffError struct {
	Remaining time.Duration
}

func (e *HoldoffError) Error() string {
	return fmt.Sprintf("model: the standby is not ready for a switchover for %s", e.Remaining)
}

// holdoff reports whether the standby is still within the vendor's
// switchover hold-off.
func (c *Chassis) holdoff() error {
	h := c.Profile.SwitchoverHoldoff
	_, s, err := c.standbyReady()
	if h <= 0 || err != nil {
		return nil
	}
	if left := s.StandbySince.Add(h).Sub(c.now); left > 0 {
		return &HoldoffError{Remaining: left}
	}
	return nil
}

// SwitchoverCheck reports whether an operator's switchover could start
// now: nil, the reason there is no standby, or a *HoldoffError.
func (c *Chassis) SwitchoverCheck() error {
	if _, _, err := c.standbyReady(); err != nil {
		return err
	}
	return c.holdoff()
}

// oldFate says what happens to the module that stops being active.
type oldFate int

const (
	rebootOld oldFate = iota
	warmRebootOld
	shutdownOld
	removeOld
	failOld
	demoteOld
)

// switchover hands control to the standby now.
func (c *Chassis) switchover(cause Cause, o Origin, fate oldFate) {
	a, s, err := c.standbyReady()
	if err != nil {
		return
	}
	c.abortSyncs()
	if fate != demoteOld {
		c.crash(a, cause, o)
	}
	running := c.Running
	c.leaveActive(a, fate != demoteOld)
	if c.Profile.KeepRunning {
		c.kept = running
	}
	c.Locator, c.LocatorUntil = "", zeroTime // "the LED does not remain lit"
	s.gen++
	s.State = TakingOver
	s.Stage = StageFinishing
	c.changed(s)
	c.console(s, ConsoleOut{Kind: ConTakeover, Cause: cause})
	tk := &takeover{cause: cause, origin: o, from: a.Slot}
	c.afterFor(s, c.Timings.Takeover, func() { c.becomeActive(s, tk) })
	c.retire(a, cause, fate)
}

// leaveActive ends the module's time as active: its sessions close unless
// it stays up (a demoted module keeps them).
func (c *Chassis) leaveActive(a *Module, endSessions bool) {
	a.shutdownPending = false
	if endSessions {
		c.emit(Event{Kind: EvEndSessions, Module: c.Index(a)})
	}
	c.Running = nil
	if c.transfer != nil && !c.transfer.Done {
		c.finishTransfer(ErrTransferAborted)
	}
	c.emit(Event{Kind: EvActive, Module: -1})
	// a module that passed selftest and was joining (receiving images or
	// files) has nobody to join now: it is a candidate of the election
	for _, m := range c.Modules {
		if m != a && m.Present && m.State == Booting && (m.Stage == StageSyncing || m.Stage == StageWaitRole) {
			m.gen++
			m.Stage = StageWaitRole
			m.pendingUp = false
			c.changed(m)
		}
	}
}

// retire applies the fate of a module that went down.
func (c *Chassis) retire(m *Module, cause Cause, fate oldFate) {
	switch fate {
	case rebootOld, warmRebootOld:
		c.console(m, ConsoleOut{Kind: ConDown, Cause: cause})
		c.bootModule(m, fate == warmRebootOld)
	case shutdownOld:
		m.gen++
		m.State = Shutdown
		m.Stage = StageNone
		m.Running = nil
		c.log(MsgOfflineShutdown, m.Slot)
		c.changed(m)
		c.console(m, ConsoleOut{Kind: ConShutdown})
	case removeOld:
		c.touch()
		m.gen++
		m.Present = false
		m.State = Absent
		m.Stage = StageNone
		m.Running = nil
		c.changed(m)
	case failOld:
		c.console(m, ConsoleOut{Kind: ConDown, Cause: cause})
		m.gen++
		m.State = Failed
		m.Stage = StageNone
		m.Running = nil
		c.changed(m)
	case demoteOld:
		// still running: it is the standby at once, its sessions stay
		c.touch()
		m.gen++
		m.State = Standby
		m.Stage = StageNone
		m.StandbySince = c.now
		c.log(MsgStandby, m.Slot)
		c.changed(m)
	}
}

// whenSynced runs fn now, or once the file syncs in progress are done:
// "the switch will switchover after all files have finished
// synchronizing".
//
// A waiting operation belongs to the module that was active when it was
// asked for; if that module is no longer active by then, it is dropped.
func (c *Chassis) whenSynced(fn func()) {
	if len(c.syncs) == 0 {
		fn()
		return
	}
	req := c.Active()
	c.afterSync = append(c.afterSync, func() {
		if c.Active() == req {
			fn()
		}
	})
}

// rebootSystem reboots every running module at once (no switchover).
func (c *Chassis) rebootSystem(cause Cause, o Origin, bank *Bank, warm bool) {
	c.abortSyncs()
	c.endProcedure(ErrSystemRebooted)
	a := c.Active()
	saved := false
	if a != nil {
		before := len(a.Crashes)
		c.crash(a, cause, o)
		saved = len(a.Crashes) > before
		c.leaveActive(a, true)
	}
	c.Epoch++
	c.BootedAt = c.now
	c.log(MsgReboot, 0, cause.String(), o.Session)
	c.log(MsgBootSeparator, 0)
	if a != nil {
		if saved {
			c.log(MsgDown, a.Slot)
		} else {
			c.log(MsgDownNoCrash, a.Slot)
		}
	}
	for _, m := range c.Modules {
		if !m.Present {
			continue
		}
		if m.Spawned && m != a {
			// a spawned module is gone with the system that made it
			c.emit(Event{Kind: EvEndSessions, Module: c.Index(m)})
			c.retire(m, cause, removeOld)
			continue
		}
		if m.State == Shutdown && cause != CausePowerFailure {
			continue
		}
		if m != a && m.State != Absent {
			c.emit(Event{Kind: EvEndSessions, Module: c.Index(m)})
		}
		if bank != nil {
			b := *bank
			m.forceBank = &b
		}
		if m.State != Booting || m.Stage != StageNone {
			c.console(m, ConsoleOut{Kind: ConDown, Cause: cause})
		}
		c.bootModule(m, warm)
	}
	for _, s := range c.Slots {
		if s.Present {
			s.Status = "Booting"
		}
	}
}

// BootPlan tells a handler what "boot" (or "reload") would do, so it can
// ask the right question before changing anything.
type BootPlan struct {
	Switchover   bool // the standby takes over
	OtherPresent bool // another module is present (not in standby mode)
	Bank         Bank // the flash the active module reboots from
}

// PlanBoot describes "boot"/"boot active"/"reload" now.
func (c *Chassis) PlanBoot() BootPlan {
	a := c.Active()
	p := BootPlan{}
	if a == nil {
		return p
	}
	p.Bank = a.DefaultBank
	_, _, err := c.standbyReady()
	p.Switchover = err == nil
	if o := c.Other(a); o != nil && o.Present {
		p.OtherPresent = true
	}
	return p
}

// Boot is "boot" or "boot active": a switchover when the standby is ready,
// otherwise a reboot of the system.
func (c *Chassis) Boot(o Origin) error {
	if c.Active() == nil {
		return ErrNoActive
	}
	c.whenSynced(func() { c.switchOrReboot(CauseColdReboot, o, false) })
	return nil
}

// switchOrReboot is what boot and reload do once files are in sync: a
// switchover when the standby can take over then, else a reboot of the
// system (the standby may have gone while the sync ran).
func (c *Chassis) switchOrReboot(cause Cause, o Origin, warm bool) {
	if c.Active() == nil {
		return
	}
	if c.CanSwitchover() {
		fate := rebootOld
		if warm {
			fate = warmRebootOld
		}
		c.switchover(cause, o, fate)
		return
	}
	c.rebootSystem(cause, o, nil, warm)
}

// Reload is "reload": a warm reboot of the active module, with a
// switchover when redundancy allows one.
func (c *Chassis) Reload(o Origin) error {
	if c.Active() == nil {
		return ErrNoActive
	}
	c.reloadAt = zeroTime
	c.whenSynced(func() { c.switchOrReboot(CauseWarmReload, o, true) })
	return nil
}

// BootStandby reboots the standby module; no switchover.
func (c *Chassis) BootStandby(o Origin) error {
	a := c.Active()
	if a == nil {
		return ErrNoActive
	}
	s := c.Other(a)
	if s == nil || !s.Present {
		return ErrNotPresent
	}
	c.abortSyncsTo(s)
	c.rebootStandby(s, o)
	return nil
}

// rebootStandby reboots standby module s (boot standby, EXOS's
// synchronize): its sessions end, it goes down and boots again.
func (c *Chassis) rebootStandby(s *Module, o Origin) {
	c.emit(Event{Kind: EvEndSessions, Module: c.Index(s)})
	c.crash(s, CauseColdReboot, o)
	c.log(MsgDown, s.Slot)
	c.console(s, ConsoleOut{Kind: ConDown, Cause: CauseColdReboot})
	c.bootModule(s, false)
}

// BootSystem is "boot system [flash <bank>]": both modules reboot, no
// switchover; the election picks the active one again.
func (c *Chassis) BootSystem(o Origin, bank *Bank) error {
	if c.Active() == nil {
		return ErrNoActive
	}
	if bank != nil && c.Active().Flash[*bank] == nil {
		return ErrNoImage
	}
	c.rebootSystem(CauseColdReboot, o, bank, false)
	return nil
}

// ScheduleReload arranges a reload at t ("reload at/after"); the running
// config is not saved and no question is asked then.
func (c *Chassis) ScheduleReload(t time.Time, o Origin) error {
	if c.Active() == nil {
		return ErrNoActive
	}
	c.reloadAt = t
	c.reloadOrigin = o
	d := t.Sub(c.now)
	if d < 0 {
		d = 0
	}
	c.after(d, func() {
		if !c.reloadAt.Equal(t) || c.Active() == nil {
			return
		}
		c.reloadAt = zeroTime
		c.whenSynced(func() { c.switchOrReboot(CauseScheduled, o, true) })
	})
	return nil
}

// CancelReload is "no reload".
func (c *Chassis) CancelReload() error {
	if c.reloadAt.IsZero() {
		return ErrReloadPending
	}
	c.reloadAt = zeroTime
	return nil
}

// ReloadScheduled returns the time of a scheduled reload.
func (c *Chassis) ReloadScheduled() (time.Time, bool) {
	return c.reloadAt, !c.reloadAt.IsZero()
}

// SetRedundancy is "[no] redundancy management-module". Disabling takes
// the standby offline and records the setting in the active module's
// config file; enabling overwrites the offline module's files and images
// with the active's and brings it to standby.
func (c *Chassis) SetRedundancy(enable bool) error {
	a := c.Active()
	if a == nil || c.Running == nil {
		return ErrNoActive
	}
	if enable == c.RedundancyEnabled() {
		return nil
	}
	c.Running.RedundancyDisabled = !enable
	c.touch()
	if cf := a.Startup(); cf != nil {
		cf.RedundancyDisabled = !enable
	}
	o := c.Other(a)
	if !enable {
		c.abortSyncs()
		// a module still booting goes offline when it joins
		if o != nil && o.Present && (o.State.Ready() || o.State == OfflineIncompat) {
			o.gen++
			o.State = Offline
			o.Stage = StageNone
			o.pendingUp = false
			c.emit(Event{Kind: EvEndSessions, Module: c.Index(o)})
			c.log(MsgOfflineDisabled, o.Slot)
			c.changed(o)
		}
		return nil
	}
	if o != nil && o.Present && (o.State == Offline || o.State == OfflineIncompat) {
		if o.Running == nil {
			c.bootModule(o, false) // it joins when booted
			return nil
		}
		o.gen++
		o.State = Booting
		o.Stage = StageWaitRole
		c.changed(o)
		c.joinStandby(o)
	}
	return nil
}

// NextActiveStandby is the target "standby" of SetNextActive.
const NextActiveStandby = -2

// SetNextActive is "redundancy active-management <target>": the module
// becomes active at the next system boot or switchover. It returns the
// chosen module's index. The module must be present and not failed.
func (c *Chassis) SetNextActive(target int) (int, error) {
	a := c.Active()
	if a == nil {
		return -1, ErrNoActive
	}
	idx := target
	if target == NextActiveStandby {
		idx = c.Index(c.Other(a))
	}
	m := c.Module(idx)
	if m == nil || !m.Present || m.State == Failed || m.State == Absent {
		return -1, ErrTargetNotReady
	}
	c.NextActive = idx
	c.touch()
	return idx, nil
}

// SetFabric is "redundancy fabric-module <n> <enable|disable>". Fabric
// modules can be set even when absent, but one must stay enabled.
func (c *Chassis) SetFabric(n int, enable bool) error {
	if n < 1 || n > 2 {
		return ErrNoSuchSlot
	}
	return c.Configure(func(cf *Config) error {
		cf.FabricDisabled[n-1] = !enable
		if cf.FabricDisabled[0] && cf.FabricDisabled[1] {
			return ErrBothFabrics
		}
		return nil
	})
}

// Configure applies fn to a copy of the running config and keeps the copy
// only if fn succeeds: all or nothing.
func (c *Chassis) Configure(fn func(*Config) error) error {
	if c.Running == nil {
		return ErrNoActive
	}
	n := c.Running.Clone()
	if err := fn(n); err != nil {
		return err
	}
	c.Running = n
	return nil
}

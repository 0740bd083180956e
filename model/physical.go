package model

// Physical events: what buttons, slots and faults do. The control API and
// tests call these; no CLI command reaches them.

var buttonOrigin = Origin{Session: "BUTTON"}

// PressReset is the MM Reset button of module i. On the active module with
// redundancy available it causes a switchover (files being copied are
// aborted); without a standby the module reboots and stays in control if
// it passes selftest. On any other module only that module reboots.
func (c *Chassis) PressReset(i int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if !m.Present {
		return ErrSlotEmpty
	}
	c.log(MsgResetting, m.Slot)
	if m.State == Active {
		if c.CanSwitchover() {
			c.switchover(CauseResetButton, buttonOrigin, rebootOld)
			return nil
		}
		c.abortSyncs()
		c.crash(m, CauseResetButton, buttonOrigin)
		c.leaveActive(m, true)
		c.retire(m, CauseResetButton, rebootOld)
		return nil
	}
	c.abortSyncsTo(m)
	if m.State.Ready() || m.State == Offline || m.State == OfflineIncompat {
		c.crash(m, CauseResetButton, buttonOrigin)
	}
	c.emit(Event{Kind: EvEndSessions, Module: i})
	c.retire(m, CauseResetButton, rebootOld)
	return nil
}

// PressShutdown is the MM Shutdown button. On the active module it needs a
// standby in standby mode (otherwise it is ignored and logged); file
// synchronization completes, the standby takes over and this module goes
// offline, safe to remove.
func (c *Chassis) PressShutdown(i int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if !m.Present {
		return ErrSlotEmpty
	}
	switch {
	case m.State == Active:
		if !c.CanSwitchover() {
			c.log(MsgShutdownIgnored, 0)
			return ErrShutdownIgnored
		}
		m.shutdownPending = true
		c.whenSynced(func() {
			m.shutdownPending = false
			// the standby may have gone while the sync ran
			if !c.CanSwitchover() {
				c.log(MsgShutdownIgnored, 0)
				return
			}
			c.switchover(CauseShutdownButton, buttonOrigin, shutdownOld)
		})
		return nil
	case m.State.Ready():
		// "a management module must be in active or standby mode to be
		// shut down"
		c.abortSyncsTo(m)
		c.emit(Event{Kind: EvEndSessions, Module: i})
		c.retire(m, CauseShutdownButton, shutdownOld)
		return nil
	}
	c.log(MsgShutdownIgnored, 0)
	return ErrShutdownIgnored
}

// PressClear is the System Support Module's Clear button: it clears the
// passwords (front-panel security) and causes no switchover.
func (c *Chassis) PressClear() {
	c.touch()
	c.Credentials.ManagerPassword = ""
	c.Credentials.OperatorPassword = ""
}

// Pull hotswaps module i out. Pulling the active module without pressing
// MM Shutdown aborts any file transfer; the standby takes over if it can.
// With no standby, a present offline module boots and takes control.
func (c *Chassis) Pull(i int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if !m.Present {
		return ErrSlotEmpty
	}
	if m.State == Active {
		if c.CanSwitchover() {
			c.switchover(CauseHotswapOut, Origin{}, removeOld)
			return nil
		}
		c.abortSyncs()
		c.leaveActive(m, true)
		c.retire(m, CauseHotswapOut, removeOld)
		c.takeOverAfterLoss(m)
		return nil
	}
	// the active notices that the module it talked to is gone
	if a := c.Active(); a != nil && (m.State.Ready() || m.State == Offline || m.State == OfflineIncompat) {
		c.log(MsgLostComm, m.Slot)
	}
	c.abortSyncsTo(m)
	c.emit(Event{Kind: EvEndSessions, Module: i})
	c.retire(m, CauseHotswapOut, removeOld)
	c.electIfReady()
	return nil
}

// takeOverAfterLoss boots the other module when the active one is lost
// with no standby ("enabled as the active management module in the event
// of a hardware failure").
func (c *Chassis) takeOverAfterLoss(lost *Module) {
	o := c.Other(lost)
	if o == nil || !o.Present || o.State == Failed || o.State == Shutdown || o.State == Booting {
		c.electIfReady()
		return
	}
	c.emit(Event{Kind: EvEndSessions, Module: c.Index(o)})
	c.console(o, ConsoleOut{Kind: ConDown, Cause: CauseHardware})
	c.bootModule(o, false)
}

// Insert hotswaps a module into empty slot i. It boots; with an active
// module present it becomes the standby (after receiving the active's
// images if its own differ).
func (c *Chassis) Insert(i int, m *Module) error {
	cur := c.Module(i)
	if cur == nil {
		return ErrNoSuchModule
	}
	if cur.Present {
		return ErrSlotOccupied
	}
	if m.Configs == nil {
		m.Configs = map[string]*Config{}
	}
	c.defaultBankConfig(m)
	c.touch()
	m.Slot = cur.Slot
	m.Present = true
	m.hotswapped = true
	m.gen = cur.gen + 1
	c.Modules[i] = m
	// a fresh module ends a flash fault of the one it replaces
	c.clearSyncAlarm(m.Slot)
	c.bootModule(m, false)
	return nil
}

// FailSelftest makes module i's next n selftests fail.
func (c *Chassis) FailSelftest(i, n int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if !m.Present {
		return ErrSlotEmpty
	}
	m.SelftestFailures = n
	return nil
}

// Crash makes module i's software crash. The active's standby takes over;
// alone, the module reboots.
func (c *Chassis) Crash(i int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if !m.Present || m.State == Absent || m.State == Shutdown || m.State == Failed {
		return ErrSlotEmpty
	}
	if m.State == Active {
		if c.CanSwitchover() {
			c.switchover(CauseCrash, Origin{}, rebootOld)
			return nil
		}
		c.abortSyncs()
		c.crash(m, CauseCrash, Origin{})
		c.leaveActive(m, true)
		c.retire(m, CauseCrash, rebootOld)
		return nil
	}
	c.abortSyncsTo(m)
	c.crash(m, CauseCrash, Origin{})
	c.emit(Event{Kind: EvEndSessions, Module: i})
	c.retire(m, CauseCrash, rebootOld)
	return nil
}

// CutHeartbeat stops the active module's heartbeats: after the heartbeat
// timeout the standby logs the lost communication and takes over, and
// the old active is reset.
func (c *Chassis) CutHeartbeat() error {
	a, s, err := c.standbyReady()
	if err != nil {
		return err
	}
	gen := a.gen
	c.afterFor(s, c.Timings.HeartbeatLoss, func() {
		if c.Active() != a || a.gen != gen {
			return
		}
		c.log(MsgLostComm, a.Slot)
		c.switchover(CauseHeartbeat, Origin{}, rebootOld)
	})
	return nil
}

// FailHardware is a hardware failure of module i: it fails; an active
// module's standby takes over, or, with redundancy disabled, the other
// module boots and takes control.
func (c *Chassis) FailHardware(i int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if !m.Present {
		return ErrSlotEmpty
	}
	m.HardwareFault = true
	if m.State == Active {
		if c.CanSwitchover() {
			c.switchover(CauseHardware, Origin{}, failOld)
			return nil
		}
		c.abortSyncs()
		c.crash(m, CauseHardware, Origin{})
		c.leaveActive(m, true)
		c.retire(m, CauseHardware, failOld)
		c.takeOverAfterLoss(m)
		return nil
	}
	c.abortSyncsTo(m)
	c.emit(Event{Kind: EvEndSessions, Module: i})
	c.retire(m, CauseHardware, failOld)
	c.electIfReady()
	return nil
}

// PowerCycle turns the chassis off and on: every module boots from power
// on and no crash information is saved.
func (c *Chassis) PowerCycle() {
	c.rebootSystem(CausePowerFailure, Origin{}, nil, false)
}

// SetPassword sets (or with "" clears) a user's password. It takes effect
// at once; it is kept with the security files, not the config.
func (c *Chassis) SetPassword(manager bool, user, password string) {
	c.touch()
	if manager {
		if user != "" {
			c.Credentials.ManagerUser = user
		}
		c.Credentials.ManagerPassword = password
		return
	}
	if user != "" {
		c.Credentials.OperatorUser = user
	}
	c.Credentials.OperatorPassword = password
}

package model

import "time"

// bootModule starts a module from its ROM. warm skips selftest (a reload
// is a warm reboot that skips the power-on self test).
func (c *Chassis) bootModule(m *Module, warm bool) {
	m.gen++
	m.State = Booting
	m.Stage = StageProfile
	m.Running = nil
	m.pendingUp = false
	m.UpSince = c.now
	bank := m.DefaultBank
	if m.forceBank != nil {
		bank = *m.forceBank
	}
	c.changed(m)
	c.console(m, ConsoleOut{Kind: ConROM, Bank: bank, ROM: m.ROM})
	c.afterFor(m, c.Timings.ProfileWait, func() { c.profileTaken(m, bank, false, warm) })
}

// SelectProfile answers the boot profile prompt on module i's console:
// 0 enters the ROM monitor, 1 boots primary, 2 boots secondary.
func (c *Chassis) SelectProfile(i, choice int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if m.State != Booting || m.Stage != StageProfile {
		return ErrNotBooting
	}
	switch choice {
	case 0:
		m.gen++ // cancels the profile timeout
		m.Stage = StageMonitor
		c.changed(m)
		c.console(m, ConsoleOut{Kind: ConMonitor})
	case 1, 2:
		m.gen++
		c.profileTaken(m, Bank(choice-1), true, false)
	default:
		return ErrNotBooting
	}
	return nil
}

// MonitorBoot leaves the ROM monitor and boots the default flash.
func (c *Chassis) MonitorBoot(i int) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if m.State != Booting || m.Stage != StageMonitor {
		return ErrNotBooting
	}
	c.bootModule(m, false)
	return nil
}

func (c *Chassis) profileTaken(m *Module, bank Bank, typed, warm bool) {
	m.forceBank = nil
	c.console(m, ConsoleOut{Kind: ConProfile, Bank: bank, Typed: typed})
	if m.flashImage(bank) == nil {
		c.console(m, ConsoleOut{Kind: ConNoImage, Bank: bank})
		if m.flashImage(bank.Other()) == nil {
			c.fail(m)
			return
		}
		bank = bank.Other()
	}
	m.BootedBank = bank
	m.Stage = StageLoading
	c.changed(m)
	c.afterFor(m, c.Timings.Load, func() { c.loaded(m, warm) })
}

func (c *Chassis) loaded(m *Module, warm bool) {
	img := m.flashImage(m.BootedBank)
	if img == nil { // erased (or its flash pulled) while loading
		c.fail(m)
		return
	}
	if img.ROM != nil && CompareVersions(img.ROM.Version, m.ROM.Version) > 0 {
		m.Stage = StageROMUpdate
		c.changed(m)
		rom := *img.ROM
		c.console(m, ConsoleOut{Kind: ConROMUpdate, ROM: rom})
		c.afterFor(m, c.Timings.ROMUpdate, func() {
			m.ROM = rom
			c.touch()
			c.log(MsgROMUpdate, m.Slot, rom.Version)
			b := m.BootedBank
			m.forceBank = &b
			c.crash(m, CauseROMUpdate, Origin{})
			c.bootModule(m, true)
		})
		return
	}
	m.Running = img.Clone()
	m.Stage = StageSelftest
	c.changed(m)
	c.console(m, ConsoleOut{Kind: ConLoaded, Bank: m.BootedBank, Image: m.Running})
	// a warm reboot skips the power-on self test, and so does every boot
	// with fastboot set in the config the module boots with
	d := c.Timings.Selftest
	if cf := m.StartupFor(m.BootedBank); warm || cf != nil && cf.Fastboot {
		d = 0
	}
	c.afterFor(m, d, func() { c.selftestDone(m) })
}

func (c *Chassis) selftestDone(m *Module) {
	if m.HardwareFault || m.SelftestFailures > 0 {
		if m.SelftestFailures > 0 {
			m.SelftestFailures--
		}
		c.log(MsgFailedSelftest, m.Slot)
		c.console(m, ConsoleOut{Kind: ConSelftestFailed})
		c.fail(m)
		if c.allFailed() {
			// both modules failed selftest: the switch does not boot
			c.log(MsgSelftestFatal, 0)
		}
		return
	}
	m.Stage = StageWaitRole
	c.changed(m)
	if c.activeOrTakingOver() != nil {
		c.joinStandby(m)
		return
	}
	c.electIfReady()
}

// fail leaves a module failed and lets the other one go on alone.
func (c *Chassis) fail(m *Module) {
	m.gen++
	m.State = Failed
	m.Stage = StageNone
	m.Running = nil
	m.pendingUp = false
	c.changed(m)
	c.electIfReady()
	c.bootOfflineIfAlone()
}

// bootOfflineIfAlone: when no module is active, taking over or booting,
// an offline module (redundancy disabled) boots and takes control, as the
// second module does "in the event of a hardware failure of the first".
func (c *Chassis) bootOfflineIfAlone() {
	for _, m := range c.Modules {
		if m.Present && (m.State == Active || m.State == TakingOver || m.State == Booting) {
			return
		}
	}
	for _, m := range c.Modules {
		if m.Present && (m.State == Offline || m.State == OfflineIncompat) {
			c.emit(Event{Kind: EvEndSessions, Module: c.Index(m)})
			c.bootModule(m, false)
			return
		}
	}
}

// allFailed reports whether every present management module failed.
func (c *Chassis) allFailed() bool {
	n := 0
	for _, m := range c.Modules {
		if !m.Present {
			continue
		}
		if m.State != Failed {
			return false
		}
		n++
	}
	return n > 0
}

func (c *Chassis) activeOrTakingOver() *Module {
	for _, m := range c.Modules {
		if m.Present && (m.State == Active || m.State == TakingOver) {
			return m
		}
	}
	return nil
}

// Election rules of "Notes on How the Active Module is Determined".
const (
	RuleNextActive    = 0 // redundancy active-management chose it
	RuleOnlyOne       = 1 // only one management module
	RulePassed        = 3 // the other failed selftest
	RuleEverBooted    = 4 // only one was ever booted in this chassis
	RuleLastActive    = 5 // it was active on the last boot
	RuleMostRecent    = 6 // both were active last; it booted most recently
	RuleLowestSlot    = 7 // none of the above
	ruleAlreadyActive = 2
)

// electIfReady elects an active module among those waiting, once every
// module still booting has reached its selftest result.
func (c *Chassis) electIfReady() {
	if c.activeOrTakingOver() != nil {
		return
	}
	var waiting []*Module
	for _, m := range c.Modules {
		if !m.Present || m.State != Booting {
			continue
		}
		switch {
		case m.Stage == StageWaitRole:
			waiting = append(waiting, m)
		case m.Stage != StageMonitor:
			return // wait for its selftest result
		}
	}
	if len(waiting) == 0 {
		return // both failed: the switch does not boot
	}
	w, rule := c.elect(waiting)
	c.lastRule = rule
	if rule == RuleNextActive {
		c.NextActive = -1 // the choice was for one boot; it is spent
	}
	for _, m := range waiting {
		if m != w {
			m.pendingUp = true
		}
	}
	w.Stage = StageFinishing
	c.changed(w)
	c.afterFor(w, c.Timings.Finish, func() { c.becomeActive(w, nil) })
}

// LastElection is the rule that decided the most recent election.
func (c *Chassis) LastElection() int { return c.lastRule }

func (c *Chassis) elect(cands []*Module) (*Module, int) {
	if len(cands) == 1 {
		present := 0
		for _, m := range c.Modules {
			if m.Present {
				present++
			}
		}
		if present == 1 {
			return cands[0], RuleOnlyOne
		}
		return cands[0], RulePassed
	}
	if c.NextActive >= 0 {
		for _, m := range cands {
			if c.Index(m) == c.NextActive {
				return m, RuleNextActive
			}
		}
	}
	var ever, last []*Module
	for _, m := range cands {
		if m.EverBooted {
			ever = append(ever, m)
		}
		if m.LastActive {
			last = append(last, m)
		}
	}
	if len(ever) == 1 {
		return ever[0], RuleEverBooted
	}
	if len(last) == 1 {
		return last[0], RuleLastActive
	}
	if len(last) > 1 {
		best := last[0]
		for _, m := range last[1:] {
			if m.ActiveAt.After(best.ActiveAt) {
				best = m
			}
		}
		tie := false
		for _, m := range last {
			if m != best && m.ActiveAt.Equal(best.ActiveAt) {
				tie = true
			}
		}
		if !tie {
			return best, RuleMostRecent
		}
	}
	low := cands[0]
	for _, m := range cands[1:] {
		if m.Slot < low.Slot {
			low = m
		}
	}
	return low, RuleLowestSlot
}

// takeover describes a switchover for the new active's log.
type takeover struct {
	cause  Cause
	origin Origin
	from   int // slot of the module that stopped being active
}

// becomeActive finishes a module's boot as the active module. tk is set
// for a switchover: the new active logs why the other went down.
func (c *Chassis) becomeActive(m *Module, tk *takeover) {
	c.touch()
	m.State = Active
	m.Stage = StageNone
	m.EverBooted = true
	m.LastActive = true
	m.ActiveAt = c.now
	for _, o := range c.Modules {
		if o != m {
			o.LastActive = false
		}
	}
	kept := c.kept
	c.kept = nil
	if cf := m.Startup(); tk != nil && kept != nil {
		// the standby held the running config: unsaved changes survive
		c.Running = kept
		if cf == nil {
			m.Configs[m.BankConfig[m.BootedBank]] = c.factoryConfig()
		}
	} else if cf != nil {
		c.Running = cf.Clone()
	} else {
		c.Running = c.factoryConfig()
		m.Configs[m.BankConfig[m.BootedBank]] = c.Running.Clone()
	}
	if tk != nil {
		c.Failovers++
		c.LastFailover = c.now
		c.LastFailoverCause = tk.cause
		// "The reason for the switchover is entered in log messages on
		// the newly active management module"
		c.log(MsgDown, tk.from, tk.cause.String(), tk.origin.Session)
		if tk.cause == CauseSwitchover {
			c.log(MsgUserSwitchover, m.Slot)
		} else {
			c.log(MsgFailover, m.Slot)
		}
		c.log(MsgActive, m.Slot)
		c.slotsAfterSwitchover(m, tk.cause)
	} else {
		for _, f := range c.Fabrics {
			if f.Present {
				c.log(MsgFabricInserted, 0, itoa(f.Number))
			}
		}
		c.reloadSlots(true)
		for _, e := range c.Profile.BootLog {
			c.logLiteral(e)
		}
		c.log(MsgBooted, m.Slot)
		c.log(MsgActive, m.Slot)
	}
	// the console shows it before the module's CLI starts
	c.console(m, ConsoleOut{Kind: ConActive, Takeover: tk != nil})
	c.changed(m)
	c.emit(Event{Kind: EvActive, Module: c.Index(m)})
	for _, o := range c.Modules {
		if o != m && o.Present && o.pendingUp {
			c.joinStandby(o)
		}
	}
}

// reloadSlots restarts the interface modules: counters reset, and each
// goes through downloading to ready (Figure 15-31's timings).
func (c *Chassis) reloadSlots(inserted bool) {
	for _, s := range c.Slots {
		if s.Present {
			c.reloadSlot(s, inserted)
		}
	}
}

// reloadSlot restarts one interface module, which loads the I/O image of
// the active's software.
func (c *Chassis) reloadSlot(s *LineCard, inserted bool) {
	if inserted {
		c.log(MsgSlotInserted, 0, s.Name)
	}
	c.loadSlotSoftware(s)
	s.Status = "Booting"
	s.CountersSince = c.now
	t := c.Timings
	c.after(t.SlotInsert, func() {
		s.Status = "Downloading"
		c.log(MsgSlotDownloading, 0, s.Name)
	})
	c.after(t.SlotInsert+t.SlotDownload, func() { c.log(MsgSlotDownloaded, 0, s.Name) })
	c.after(t.SlotInsert+t.SlotDownload+t.SlotReady, func() {
		s.Status = "Up"
		s.CountersSince = c.now
		c.log(MsgSlotReady, 0, s.Name)
	})
}

// joinStandby brings a booted module next to the active one: offline when
// redundancy is disabled; otherwise the active sends it its images if its
// flash differs (and it reboots to the matching one), then the config
// files, and it becomes the standby. Incompatible software leaves it in
// warm standby (K.15) or offline.
func (c *Chassis) joinStandby(m *Module) {
	a := c.activeOrTakingOver()
	m.pendingUp = false
	if a == nil || a.State != Active {
		m.pendingUp = true
		return
	}
	m.EverBooted = true
	c.log(MsgBooted, m.Slot)
	if !c.RedundancyEnabled() {
		m.State = Offline
		m.Stage = StageNone
		c.log(MsgOfflineDisabled, m.Slot)
		c.changed(m)
		return
	}
	sync := c.Profile.imageSync(c)
	if sync && (!a.Flash[Primary].Same(m.Flash[Primary]) || !a.Flash[Secondary].Same(m.Flash[Secondary])) {
		m.Stage = StageSyncing
		c.changed(m)
		c.log(MsgSyncBegin, 0)
		c.console(m, ConsoleOut{Kind: ConSyncing})
		var size int64
		for _, im := range a.Flash {
			if im != nil {
				size += im.Size
			}
		}
		c.afterFor(m, c.rateDuration(size, c.Timings.OSSyncRate), func() {
			if c.Active() != a {
				return
			}
			if !c.writable(m, SyncBootEnv) {
				// its flash takes nothing: it joins with what it has
				c.standbyNow(m, a)
				return
			}
			m.Flash = [2]*Image{a.Flash[0].Clone(), a.Flash[1].Clone()}
			c.touch()
			c.log(MsgSyncEnd, 0)
			if !m.Running.Same(a.Running) {
				c.log(MsgStandbyReboot, 0)
				b := a.BootedBank
				if !m.Flash[b].Same(a.Running) {
					b = b.Other()
				}
				m.forceBank = &b
				c.crash(m, CauseImageUpdate, Origin{})
				c.bootModule(m, true)
				return
			}
			c.syncFilesThenStandby(m, a)
		})
		return
	}
	// a hotswapped module "reboots if necessary to primary or secondary
	// flash, whichever matches": its flash may be the active's already
	// while it runs the other image
	if sync && m.hotswapped && !m.Running.Same(a.Running) {
		for _, b := range []Bank{a.BootedBank, a.BootedBank.Other()} {
			if m.Flash[b].Same(a.Running) {
				c.log(MsgStandbyReboot, 0)
				m.forceBank = &b
				c.crash(m, CauseImageUpdate, Origin{})
				c.bootModule(m, true)
				return
			}
		}
	}
	m.hotswapped = false
	switch c.Profile.incompatState(a.Running, m.Running) {
	case WarmStandby:
		m.State, m.Stage = WarmStandby, StageNone
		c.log(MsgDifferentSW, m.Slot)
		c.changed(m)
		return
	case OfflineIncompat:
		m.State, m.Stage = OfflineIncompat, StageNone
		c.log(MsgOfflineIncompat, m.Slot)
		c.changed(m)
		return
	}
	c.syncFilesThenStandby(m, a)
}

func (c *Chassis) syncFilesThenStandby(m, a *Module) {
	m.Stage = StageSyncing
	c.changed(m)
	d := c.Timings.ConfigSync
	if !c.Profile.configSync(c) || c.filesInSync(a, m) {
		d = 0 // nothing to copy: standby at once, as in Figure 15-31
	}
	c.afterFor(m, d, func() {
		if c.Active() != a {
			m.pendingUp = true
			return
		}
		if c.Profile.configSync(c) && c.writable(m, SyncConfig) {
			c.copyFiles(a, m)
			kind := SyncConfig
			if c.Profile.imageSync(c) {
				kind = SyncBootEnv
			}
			c.synced(kind)
		}
		c.standbyNow(m, a)
	})
}

// standbyNow makes a joining module the standby.
func (c *Chassis) standbyNow(m, a *Module) {
	m.State = Standby
	m.Stage = StageNone
	m.StandbySince = c.now
	m.EverBooted = true
	c.touch()
	c.log(MsgStandby, m.Slot)
	if !m.Running.Same(a.Running) {
		c.log(MsgDifferentSW, m.Slot)
	}
	c.changed(m)
}

// filesInSync reports whether the standby already has the active's files.
func (c *Chassis) filesInSync(a, s *Module) bool {
	if len(a.Configs) != len(s.Configs) || a.BankConfig != s.BankConfig ||
		c.Profile.MirrorBootChoice && a.DefaultBank != s.DefaultBank {
		return false
	}
	for k, v := range a.Configs {
		if !v.Equal(s.Configs[k]) {
			return false
		}
	}
	return true
}

// copyFiles gives the standby the active's config files and boot choices.
func (c *Chassis) copyFiles(a, s *Module) {
	c.touch()
	s.Configs = map[string]*Config{}
	for k, v := range a.Configs {
		s.Configs[k] = v.Clone()
	}
	s.BankConfig = a.BankConfig
	if c.Profile.MirrorBootChoice {
		s.DefaultBank = a.DefaultBank
	}
}

func (c *Chassis) rateDuration(size, rate int64) time.Duration {
	if rate <= 0 {
		return 0
	}
	return time.Duration(size * int64(time.Second) / rate)
}

func (c *Chassis) factoryConfig() *Config {
	if c.Profile.FactoryConfig != nil {
		return c.Profile.FactoryConfig(c)
	}
	d := c.Profile.Defaults
	return &Config{Hostname: d.Hostname, VLANs: []VLAN{{ID: 1, Name: d.DefaultVLAN}}}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

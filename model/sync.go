package model

// The standby's synchronization as a state of its own: "in sync" (EXOS
// "BACKUP (In Sync)"), a switchover that does not wait for it, and a full
// synchronization that copies the active's software and files and
// reboots the standby.

// StandbyInSync reports whether the standby is in standby mode and
// nothing is being copied to it.
func (c *Chassis) StandbyInSync() bool {
	_, s, err := c.standbyReady()
	if err != nil || s.State != Standby {
		return false
	}
	for _, j := range c.syncs {
		if j.to == s {
			return false
		}
	}
	return true
}

// ForceSwitchover is a switchover that does not wait for file
// synchronization: copies in progress are abandoned, the standby takes
// over at once.
func (c *Chassis) ForceSwitchover(o Origin) error {
	if err := c.SwitchoverCheck(); err != nil {
		return err
	}
	fate := rebootOld
	if c.Profile.Fate == DemoteOld {
		fate = demoteOld
	}
	c.switchover(CauseSwitchover, o, fate)
	return nil
}

// Synchronize copies the active's flash images, boot choice and config
// files to the standby, which then reboots to run what the active runs
// (EXOS "synchronize"). The copy takes the OS sync time of the images
// plus the config sync time; the standby is not in sync meanwhile.
func (c *Chassis) Synchronize(o Origin) error {
	a, s, err := c.standbyReady()
	if err != nil {
		return err
	}
	var size int64
	for _, im := range a.Flash {
		if im != nil {
			size += im.Size
		}
	}
	c.abortSyncsTo(s)
	d := c.rateDuration(size, c.Timings.OSSyncRate) + c.Timings.ConfigSync
	c.startSync(&syncJob{to: s}, d, func() {
		if c.Active() != a || !s.Present {
			return
		}
		s.Flash = [2]*Image{a.Flash[0].Clone(), a.Flash[1].Clone()}
		c.copyFiles(a, s)
		s.DefaultBank = a.DefaultBank
		b := a.BootedBank
		s.forceBank = &b
		c.rebootStandby(s, o)
	})
	return nil
}

// AddLog adds a vendor's own event-log line (Severity, Subsystem, Text,
// Module and Args as the vendor renders them); its time and epoch are
// set here.
func (c *Chassis) AddLog(e LogEntry) { c.logLiteral(e) }

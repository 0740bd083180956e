package model

// Virtual management modules: a chassis whose control plane runs in
// virtual machines (a QFX5100's Routing Engines) makes a second module for
// itself and lets the old one go, rather than having one inserted and
// pulled by hand. Spawn and HandOver are those two moves; a vendor's
// procedure (Junos's in-service software reboot) chains them.

// Spawn starts a management module in empty slot i as a copy of the
// active one: the same hardware and the same software in its flash,
// booting the image the active runs, with the active's configuration
// files and its earlier committed configurations. It boots like an
// inserted module and joins as the standby. Being virtual, it does not
// outlive a system boot (or a restart of the emulator) unless it is the
// active one by then.
func (c *Chassis) Spawn(i int) error {
	a := c.Active()
	if a == nil {
		return ErrNoActive
	}
	cur := c.Module(i)
	if cur == nil {
		return ErrNoSuchModule
	}
	if cur.Present {
		return ErrSlotOccupied
	}
	m := &Module{
		Spawned:     true,
		Hardware:    a.Hardware,
		Flash:       [2]*Image{a.Flash[0].Clone(), a.Flash[1].Clone()},
		ROM:         a.ROM,
		DefaultBank: a.BootedBank,
		BankConfig:  a.BankConfig,
		Configs:     map[string]*Config{},
	}
	for k, v := range a.Configs {
		m.Configs[k] = v.Clone()
	}
	for _, r := range a.Rollbacks {
		m.Rollbacks = append(m.Rollbacks, r.Clone())
	}
	if err := c.Insert(i, m); err != nil {
		return err
	}
	// made by the chassis with the active's software: nothing to match
	m.hotswapped = false
	return nil
}

// HandOver is a switchover after which the old active does not stay: the
// standby takes over, and the old active shuts down and leaves its slot
// empty (its sessions end). No hold-off applies: the caller has checked
// readiness in its own way.
func (c *Chassis) HandOver(o Origin) error {
	if _, _, err := c.standbyReady(); err != nil {
		return err
	}
	c.whenSynced(func() { c.switchover(CauseSwitchover, o, removeOld) })
	return nil
}

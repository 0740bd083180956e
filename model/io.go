package model

// I/O module images. Each interface module runs the I/O image of the
// software the active module ran when the card last loaded it; an image
// declares its I/O image's version (Image.IOVersion), whether it supports
// a hitless upgrade (Image.Hitless) and which older I/O versions it keeps
// running at reduced function (Image.IOReduced). Where the vendor's
// profile says so (Profile.HitlessSlots), a switchover then leaves the
// interface modules forwarding unless the new active's software cannot
// run with their image.

// IOOutcome is what a switchover would do to the interface modules.
type IOOutcome int

const (
	// IOSame: the new active runs their I/O image; they keep forwarding
	// (a hitless switchover).
	IOSame IOOutcome = iota
	// IOReduced: they keep forwarding with their older I/O image, and
	// the new software runs with reduced function.
	IOReduced
	// IOReset: they must load the new active's I/O image: they reset.
	IOReset
)

var ioNames = [...]string{"same", "reduced", "reset"}

func (o IOOutcome) String() string {
	if int(o) < len(ioNames) {
		return ioNames[o]
	}
	return "unknown"
}

// ioAccepts is what software im does with an interface module running
// I/O version v.
func ioAccepts(im *Image, v int) IOOutcome {
	switch {
	case im == nil || !im.Hitless:
		return IOReset
	case im.IOVersion == v:
		return IOSame
	}
	for _, r := range im.IOReduced {
		if r == v {
			return IOReduced
		}
	}
	return IOReset
}

// SwitchoverIO reports what a switchover to the standby now would do to
// the interface modules: the worst outcome over the present ones (IOSame
// when there are none, or no standby).
func (c *Chassis) SwitchoverIO() IOOutcome {
	_, s, err := c.standbyReady()
	if err != nil {
		return IOSame
	}
	worst := IOSame
	for _, sl := range c.Slots {
		if !sl.Present {
			continue
		}
		if o := ioAccepts(s.Running, sl.IOVersion); o > worst {
			worst = o
		}
	}
	return worst
}

// loadSlotSoftware gives a card the I/O image of the active's software.
func (c *Chassis) loadSlotSoftware(s *LineCard) {
	if a := c.activeOrTakingOver(); a != nil && a.Running != nil {
		s.Software = a.Running.Version
		s.IOVersion = a.Running.IOVersion
	}
}

// initSlotSoftware: cards of a scenario that says nothing run the
// active's I/O image.
func (c *Chassis) initSlotSoftware() {
	for _, s := range c.Slots {
		if s.Present && s.Software == "" {
			c.loadSlotSoftware(s)
		}
	}
}

// slotsAfterSwitchover restarts the interface modules after a switchover
// to m, except, where the vendor's switchovers can be hitless, those
// whose I/O image m's software accepts.
func (c *Chassis) slotsAfterSwitchover(m *Module, cause Cause) {
	if c.Profile.KeepSlots {
		return // the interface modules run on through any switchover
	}
	hitless := c.Profile.HitlessSlots && (cause == CauseSwitchover || cause == CauseCrash)
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		if hitless && ioAccepts(m.Running, s.IOVersion) != IOReset {
			continue
		}
		c.reloadSlot(s, false)
	}
}

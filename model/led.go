package model

import "time"

// LED is the state of a module's Actv LED (Table 15-2).
type LED int

const (
	LEDOff           LED = iota // not lit
	LEDGreen                    // solid green
	LEDFlashingGreen            // flashing green
	LEDFastOrange               // fast orange flashing
)

var ledNames = [...]string{"off", "solid green", "flashing green", "fast orange flashing"}

func (l LED) String() string { return ledNames[l] }

// ActvLED is module i's Actv LED, per Table 15-2: solid green on the
// active module and on a module that has just completed a switchover;
// flashing green on a standby that is starting to take over; fast orange
// on a failed standby; off on a correct standby.
func (c *Chassis) ActvLED(i int) LED {
	m := c.Module(i)
	if m == nil || !m.Present {
		return LEDOff
	}
	switch m.State {
	case Active:
		return LEDGreen
	case TakingOver:
		return LEDFlashingGreen
	case Failed:
		return LEDFastOrange
	}
	return LEDOff
}

// DwnLED is module i's Dwn LED: flashing green while an MM Shutdown waits
// for file synchronization, solid green when the module is shut down and
// safe to remove (chapter 15, Hotswapping Out the Active Management Module).
func (c *Chassis) DwnLED(i int) LED {
	m := c.Module(i)
	if m == nil || !m.Present {
		return LEDOff
	}
	if m.State == Shutdown {
		return LEDGreen
	}
	if m.shutdownPending {
		return LEDFlashingGreen
	}
	return LEDOff
}

// Locate is "chassislocate": the locator LED is lit (or blinks) for d.
// A switchover turns it off.
func (c *Chassis) Locate(mode string, d time.Duration) {
	if mode == "off" || d <= 0 {
		c.Locator, c.LocatorUntil = "", time.Time{}
		return
	}
	c.Locator, c.LocatorUntil = mode, c.now.Add(d)
	until := c.LocatorUntil
	c.after(d, func() {
		if c.LocatorUntil.Equal(until) {
			c.Locator, c.LocatorUntil = "", time.Time{}
		}
	})
}

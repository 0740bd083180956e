package model

import "time"

// WakeAt makes the clock reach t as an event (EvWake): a session that
// waits for chassis time to pass (a ping's timeout) re-checks then, on a
// virtual clock as on a real one.
func (c *Chassis) WakeAt(t time.Time) {
	if !t.After(c.now) {
		return
	}
	c.after(t.Sub(c.now), func() { c.emit(Event{Kind: EvWake, Module: -1}) })
}

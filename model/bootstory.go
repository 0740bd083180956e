package model

import (
	"encoding/json"
	"time"
)

// LogBootStory gives a chassis that starts booted (a scenario's warm
// start, or a restart of the emulator, which is a power cycle of the box)
// the event log of the boot that brought it where it is. The story is not
// written out per chassis: it is the model's own power-on boot, run on a
// copy of the chassis (each module booting the flash it runs, the active
// one elected again, a failed module failing its selftest, a shut-down
// one left out), its lines back-dated so that the last falls at now. It
// starts a new epoch ("events since boot"), and the system's up time
// counts from the power-on. The power-on is not before notBefore (when a
// restarted emulator stopped) nor before the log's last line: the clock
// moves on as far as the story needs. Call it after Start.
func (c *Chassis) LogBootStory(notBefore time.Time) {
	story := c.bootStory()
	if len(story) == 0 {
		return
	}
	first, last := story[0].Time, story[len(story)-1].Time
	if n := len(c.Log); n > 0 && c.Log[n-1].Time.After(notBefore) {
		notBefore = c.Log[n-1].Time
	}
	if earliest := notBefore.Add(last.Sub(first)); c.now.Before(earliest) {
		c.now = earliest
	}
	shift := c.now.Sub(last)
	c.Epoch++
	for _, e := range story {
		e.Time = e.Time.Add(shift)
		e.Epoch = c.Epoch
		c.appendLog(e)
	}
	c.BootedAt = first.Add(shift)
	for _, m := range c.Modules {
		if m.Present && m.Running != nil {
			m.UpSince = c.BootedAt
		}
	}
	c.touch()
}

// bootStory runs a power-on boot of a copy of the chassis until nothing
// is pending and returns the log it wrote.
func (c *Chassis) bootStory() []LogEntry {
	// the copy needs no log (a long one would cost the most to copy)
	log := c.Log
	c.Log = nil
	data, err := json.Marshal(c)
	c.Log = log
	if err != nil {
		return nil
	}
	k := &Chassis{}
	if err := json.Unmarshal(data, k); err != nil {
		return nil
	}
	k.Profile, k.Timings, k.now = c.Profile, c.Timings, c.now
	// the module active now is the one the boot elected
	k.NextActive = c.ActiveIndex()
	for i, m := range k.Modules {
		if m.Configs == nil {
			m.Configs = map[string]*Config{}
		}
		switch m.State {
		case Failed:
			m.HardwareFault = true
		case Shutdown:
			m.Present, m.State = false, Absent
		}
		b := c.Modules[i].BootedBank
		m.forceBank = &b
	}
	k.PowerCycle()
	limit := k.now.Add(24 * time.Hour)
	for {
		at, ok := k.NextDeadline()
		if !ok || at.After(limit) {
			break
		}
		k.Advance(at)
	}
	return k.Log
}

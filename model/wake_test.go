package model

import (
	"testing"
	"time"
)

func TestWakeAtIsAnEventAtItsTime(t *testing.T) {
	c := &Chassis{}
	t0 := time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)
	c.now = t0
	c.WakeAt(t0) // now: nothing to wait for
	if _, ok := c.NextDeadline(); ok {
		t.Fatal("a wake-up at the present was scheduled")
	}
	c.WakeAt(t0.Add(5 * time.Second))
	c.Advance(t0.Add(4 * time.Second))
	if ev := c.TakeEvents(); len(ev) != 0 {
		t.Fatalf("early: %+v", ev)
	}
	c.Advance(t0.Add(5 * time.Second))
	ev := c.TakeEvents()
	if len(ev) != 1 || ev[0].Kind != EvWake {
		t.Fatalf("at the time: %+v", ev)
	}
}

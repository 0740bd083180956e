package model

import (
	"errors"
	"testing"
	"time"
)

// newSingle is a chassis with one module active and the other slot
// empty, whose modules are virtual (a QFX5100's REs): no image sync.
func newSingle(t *testing.T) *Chassis {
	t.Helper()
	c := newChassis(t)
	c.Profile = DefaultProfile()
	c.Modules[1] = &Module{Slot: 2, State: Absent}
	if err := c.Start(t0); err != nil {
		t.Fatal(err)
	}
	c.TakeEvents()
	return c
}

func TestSpawnBootsACopyOfTheActive(t *testing.T) {
	c := newSingle(t)
	c.Running.Hostname = "unsaved" // the running config is not what a spawn copies
	if err := c.Spawn(0); !errors.Is(err, ErrSlotOccupied) {
		t.Fatalf("spawn into the active's slot: %v", err)
	}
	if err := c.Spawn(1); err != nil {
		t.Fatal(err)
	}
	m := c.Modules[1]
	if !m.Present || m.State != Booting || !m.Flash[0].Same(c.Modules[0].Flash[0]) || m.Hardware != c.Modules[0].Hardware {
		t.Fatalf("spawned: present %v, %s, flash %v", m.Present, m.State, m.Flash[0])
	}
	settle(c)
	if m.State != Standby || !m.Running.Same(c.Modules[0].Running) || m.Startup().Hostname != "ProCurve" {
		t.Fatalf("after the boot: %s running %v, hostname %q", m.State, m.Running, m.Startup().Hostname)
	}
	if err := c.Spawn(1); !errors.Is(err, ErrSlotOccupied) {
		t.Fatalf("a second spawn: %v", err)
	}
}

func TestHandOverEmptiesTheOldSlot(t *testing.T) {
	c := newSingle(t)
	if err := c.HandOver(Origin{}); !errors.Is(err, ErrNoStandby) {
		t.Fatalf("hand over without a standby: %v", err)
	}
	c.Spawn(1)
	settle(c)
	c.TakeEvents()
	// no hold-off: the caller decides when the standby is ready
	c.Profile.SwitchoverHoldoff = time.Hour
	if err := c.HandOver(Origin{Session: "SSH"}); err != nil {
		t.Fatal(err)
	}
	ended := false
	for _, e := range c.TakeEvents() {
		if e.Kind == EvEndSessions && e.Module == 0 {
			ended = true
		}
	}
	if !ended || c.Modules[0].Present || c.Modules[0].State != Absent || c.Modules[1].State != TakingOver {
		t.Fatalf("after the hand-over: sessions ended %v, %s", ended, states(c))
	}
	run(c, c.Timings.Takeover)
	if c.ActiveIndex() != 1 || c.Failovers != 1 || !c.LastFailover.Equal(c.Now()) {
		t.Fatalf("active %d, failovers %d", c.ActiveIndex(), c.Failovers)
	}
	// the emptied slot takes the next spawn: the indexes alternate
	if err := c.Spawn(0); err != nil {
		t.Fatal(err)
	}
}

func TestProcedureStepsOnTheClock(t *testing.T) {
	c := newChassis(t)
	ready := false
	p, err := c.StartProcedure("test", []Step{
		{At: 0, Run: func(*Chassis) ([]string, error) { return []string{"a"}, nil }},
		{At: 10 * time.Second, Run: func(*Chassis) ([]string, error) { return []string{"b", "c"}, nil }},
		{At: 12 * time.Second, Until: func(*Chassis) bool { return ready },
			Run: func(*Chassis) ([]string, error) { return []string{"d"}, nil }},
		{At: 13 * time.Second, Run: func(*Chassis) ([]string, error) { return []string{"e"}, nil }},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.StartProcedure("other", nil); !errors.Is(err, ErrBusy) {
		t.Fatalf("a second procedure: %v", err)
	}
	run(c, 0)
	if len(p.Lines) != 1 || c.RunningProcedure() != p {
		t.Fatalf("at 0: %q", p.Lines)
	}
	run(c, 9*time.Second)
	if len(p.Lines) != 1 {
		t.Fatalf("at 9s: %q", p.Lines)
	}
	run(c, time.Second)
	if len(p.Lines) != 3 {
		t.Fatalf("at 10s: %q", p.Lines)
	}
	// held by its Until, the step waits; the next waits for it
	run(c, 20*time.Second)
	if len(p.Lines) != 3 || p.Done {
		t.Fatalf("held: %q", p.Lines)
	}
	ready = true
	run(c, ProcedurePoll)
	if len(p.Lines) != 5 || !p.Done || p.Failed || c.RunningProcedure() != nil {
		t.Fatalf("after: %q done %v", p.Lines, p.Done)
	}
	woke := 0
	for _, e := range c.TakeEvents() {
		if e.Kind == EvWake {
			woke++
		}
	}
	if woke < 4 {
		t.Fatalf("%d wake events", woke)
	}
}

func TestProcedureEndsOnErrorAndOnReboot(t *testing.T) {
	c := newChassis(t)
	boom := errors.New("boom")
	p, _ := c.StartProcedure("t", []Step{
		{Run: func(*Chassis) ([]string, error) { return []string{"x"}, boom }},
		{Run: func(*Chassis) ([]string, error) { t.Fatal("ran after a failed step"); return nil, nil }},
	})
	run(c, time.Second)
	if !p.Done || !p.Failed || !errors.Is(p.Err, boom) || len(p.Lines) != 1 {
		t.Fatalf("failed step: %+v", p)
	}
	q, _ := c.StartProcedure("t", []Step{{At: time.Hour}})
	c.PowerCycle()
	if !q.Done || !errors.Is(q.Err, ErrSystemRebooted) || c.RunningProcedure() != nil {
		t.Fatalf("after a power cycle: %+v", q)
	}
}

func TestProfileForPlatform(t *testing.T) {
	a := &Profile{Vendor: "v", Platform: "a"}
	b := &Profile{Vendor: "v", Platform: "b"}
	a.Variants = []*Profile{b}
	for name, want := range map[string]*Profile{"": a, "a": a, "b": b} {
		if got, err := a.ForPlatform(name); got != want || err != nil {
			t.Errorf("%q: %v %v", name, got, err)
		}
	}
	if _, err := a.ForPlatform("c"); err == nil || err.Error() != `v has no platform "c" (known: a, b)` {
		t.Fatalf("unknown: %v", err)
	}
}

// A spawned module is the system's own: a system boot (or a restart of
// the emulator, Resume) does not bring it back unless it is the active
// one by then.
func TestSpawnedModuleDoesNotOutliveTheSystem(t *testing.T) {
	c := newSingle(t)
	c.Spawn(1)
	settle(c)
	c.PowerCycle()
	settle(c)
	if c.Modules[1].Present || c.Modules[1].State != Absent || c.ActiveIndex() != 0 {
		t.Fatalf("after a power cycle: %s", states(c))
	}
	c.Spawn(1)
	settle(c)
	c.Resume()
	if c.Modules[1].Present || c.Modules[0].State != Active {
		t.Fatalf("after Resume: %s", states(c))
	}
	// handed over to, it is the active one: it stays
	c = newSingle(t)
	c.Spawn(1)
	settle(c)
	c.HandOver(Origin{})
	settle(c)
	c.PowerCycle()
	settle(c)
	if c.ActiveIndex() != 1 || c.Modules[0].Present {
		t.Fatalf("the spawned active after a power cycle: %s", states(c))
	}
}

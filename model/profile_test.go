package model

import (
	"errors"
	"testing"
	"time"
)

// demoteProfile switches over like Junos GRES: the old active is demoted
// and keeps its sessions, the running config survives, and the standby
// needs a hold-off before the next operator switchover.
func demoteProfile() *Profile {
	p := testProfile()
	p.Fate = DemoteOld
	p.KeepRunning = true
	p.ImageSync = nil
	p.SwitchoverHoldoff = 240 * time.Second
	p.Timings.Takeover = time.Second
	return p
}

func newWith(t *testing.T, p *Profile) *Chassis {
	t.Helper()
	c := &Chassis{
		Modules:    []*Module{testModule(1, Active), testModule(2, Standby)},
		Fabrics:    []*Fabric{{Number: 1, Present: true}},
		NextActive: -1,
		Profile:    p,
	}
	if err := c.Start(t0); err != nil {
		t.Fatal(err)
	}
	c.TakeEvents()
	return c
}

func TestDemotedModuleStaysUpWithItsSessions(t *testing.T) {
	c := newWith(t, demoteProfile())
	c.Running.Hostname = "CHANGED" // unsaved
	c.Modules[1].StandbySince = t0.Add(-time.Hour)
	if err := c.Switchover(Origin{Session: "SSH"}); err != nil {
		t.Fatal(err)
	}
	for _, e := range c.TakeEvents() {
		if e.Kind == EvEndSessions {
			t.Fatalf("sessions of module %d ended", e.Module+1)
		}
		if e.Kind == EvConsole && e.Console.Kind == ConDown {
			t.Fatal("the old active went down")
		}
	}
	if got := states(c); got != "standby,taking-over" {
		t.Fatalf("states %s", got)
	}
	run(c, time.Second)
	if got := states(c); got != "standby,active" {
		t.Fatalf("states %s", got)
	}
	if c.Running.Hostname != "CHANGED" || !c.Unsaved() {
		t.Fatalf("the running config did not survive: %q unsaved=%v", c.Running.Hostname, c.Unsaved())
	}
	if c.Failovers != 1 || len(c.Modules[0].Crashes) != 0 {
		t.Fatalf("failovers %d, crash records %d", c.Failovers, len(c.Modules[0].Crashes))
	}
}

func TestSwitchoverHoldoff(t *testing.T) {
	c := newWith(t, demoteProfile())
	c.Modules[1].StandbySince = t0.Add(-time.Hour)
	if err := c.SwitchoverCheck(); err != nil {
		t.Fatal(err)
	}
	c.Switchover(Origin{})
	run(c, time.Second)
	// the demoted module became the standby a second ago
	var he *HoldoffError
	if err := c.Switchover(Origin{}); !errors.As(err, &he) || he.Remaining != 239*time.Second {
		t.Fatalf("got %v", err)
	}
	run(c, 200*time.Second)
	if err := c.SwitchoverCheck(); !errors.As(err, &he) || he.Remaining != 39*time.Second {
		t.Fatalf("got %v", err)
	}
	run(c, 39*time.Second)
	if err := c.Switchover(Origin{}); err != nil {
		t.Fatal(err)
	}
}

func TestRebootOldLosesTheUnsavedConfig(t *testing.T) {
	c := newChassis(t)
	c.Running.Hostname = "CHANGED"
	c.Switchover(Origin{})
	settle(c)
	if c.ActiveIndex() != 1 || c.Running.Hostname == "CHANGED" {
		t.Fatalf("active %d hostname %q", c.ActiveIndex()+1, c.Running.Hostname)
	}
}

// Without image sync (EXOS, Junos) each module keeps its own software and
// boot choice: a standby on another release joins as it is, a download
// goes to the module named, and a boot choice is per module.
func TestPerModuleSoftware(t *testing.T) {
	p := testProfile()
	p.ImageSync = nil
	p.MirrorBootChoice = false
	p.IncompatState = nil
	c := newWith(t, p)
	newer := testImage("K.15.07.0008", 1)
	tr, err := c.StartDownload(Download{Module: 1, Bank: Secondary, Image: newer, Server: "h", File: "f"})
	if err != nil {
		t.Fatal(err)
	}
	settle(c)
	if !tr.Done || tr.Err != nil || tr.Module != 1 {
		t.Fatalf("transfer %+v", tr)
	}
	if !c.Modules[1].Flash[Secondary].Same(newer) || c.Modules[0].Flash[Secondary].Same(newer) {
		t.Fatal("the download went to the wrong module")
	}
	if err := c.SetDefaultBank(1, Secondary); err != nil {
		t.Fatal(err)
	}
	if c.Modules[0].DefaultBank != Primary {
		t.Fatal("the boot choice was mirrored")
	}
	// the standby reboots onto the new release and comes back standby
	c.PressReset(1)
	settle(c)
	if got := states(c); got != "active,standby" || c.Modules[1].Running.Version != "K.15.07.0008" {
		t.Fatalf("states %s, standby runs %v", got, c.Modules[1].Running)
	}
	if c.Modules[1].DefaultBank != Secondary {
		t.Fatal("the standby's boot choice was overwritten when it joined")
	}
	if _, err := c.StartDownload(Download{Module: 5, Bank: Primary, Image: newer}); !errors.Is(err, ErrNoSuchModule) {
		t.Fatalf("got %v", err)
	}
}

func TestProfileModuleNames(t *testing.T) {
	p := &Profile{ModuleNames: []string{"msm-a", "msm-b"}, ModuleLabels: []string{"MSM-A", "MSM-B"}}
	for name, want := range map[string]int{"msm-a": 0, "MSM-B": 1, "2": 1, "mm1": -1, "3": -1} {
		if got := p.ModuleIndex(name); got != want {
			t.Errorf("%s: %d, want %d", name, got, want)
		}
	}
	if p.ModuleLabel(1) != "MSM-B" || p.ModuleName(0) != "msm-a" || p.ModuleLabel(7) != "8" {
		t.Fatal("labels")
	}
}

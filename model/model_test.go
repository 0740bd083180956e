package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)

func testImage(v string, build int) *Image {
	return &Image{Version: v, Build: build, Size: 13_000_000, Compat: "K.15", WarmStandby: true,
		Built: time.Date(2012, 4, 20, 12, 34, 21, 0, time.UTC), Stamp: "/sw/code/build/btm"}
}

func testModule(slot int, st State) *Module {
	cf := &Config{Hostname: "ProCurve", VLANs: []VLAN{{ID: 1, Name: "DEFAULT_VLAN"}}}
	return &Module{
		Slot: slot, Present: true, State: st,
		Hardware:   Hardware{Product: "J9092A", Description: "ProCurve J9092A Management Module 8200zl", Serial: fmt.Sprint(slot)},
		Flash:      [2]*Image{testImage("K.15.06.0017", 13), testImage("K.15.06.0008", 8)},
		ROM:        ROM{Version: "K.15.29"},
		Configs:    map[string]*Config{"config1": cf},
		EverBooted: st == Active || st == Standby,
		LastActive: st == Active,
	}
}

// newChassis is a booted 8212zl-like chassis: module 1 active, 2 standby.
func newChassis(t *testing.T) *Chassis {
	t.Helper()
	c := &Chassis{
		Modules:    []*Module{testModule(1, Active), testModule(2, Standby)},
		Fabrics:    []*Fabric{{Number: 1, Present: true}, {Number: 2, Present: true}},
		Slots:      []*LineCard{{Name: "A", Present: true, Ports: 24, LinkUp: []int{1}, Rate: 1000}},
		NextActive: -1,
		Profile:    testProfile(),
	}
	if err := c.Start(t0); err != nil {
		t.Fatal(err)
	}
	return c
}

// testProfile has the 8212zl's redundancy rules.
func testProfile() *Profile {
	p := DefaultProfile()
	p.ImageSync = Always
	p.MirrorBootChoice = true
	p.IncompatState = WarmOrOffline
	return p
}

func run(c *Chassis, d time.Duration) { c.Advance(c.Now().Add(d)) }

// settle runs the clock until nothing is pending (or an hour passed).
func settle(c *Chassis) {
	end := c.Now().Add(time.Hour)
	for {
		at, ok := c.NextDeadline()
		if !ok || at.After(end) {
			return
		}
		c.Advance(at)
	}
}

func states(c *Chassis) string {
	var s []string
	for _, m := range c.Modules {
		s = append(s, m.State.String())
	}
	return strings.Join(s, ",")
}

func logged(c *Chassis, msg Msg, module int) bool {
	for _, e := range c.Log {
		if e.Msg == msg && (module == 0 || e.Module == module) {
			return true
		}
	}
	return false
}

func TestSwitchoverCommand(t *testing.T) {
	c := newChassis(t)
	run(c, time.Hour)
	c.TakeEvents()
	if err := c.Switchover(Origin{Session: "SSH"}); err != nil {
		t.Fatal(err)
	}
	ev := c.TakeEvents()
	ended := false
	for _, e := range ev {
		if e.Kind == EvEndSessions && e.Module == 0 {
			ended = true
		}
	}
	if !ended {
		t.Fatal("sessions on the old active did not end")
	}
	if got := states(c); got != "booting,taking-over" {
		t.Fatalf("states %s", got)
	}
	if c.Active() != nil || c.Running != nil {
		t.Fatal("an active module during the takeover")
	}
	run(c, c.Timings.Takeover)
	if c.ActiveIndex() != 1 {
		t.Fatalf("active %d", c.ActiveIndex())
	}
	if !logged(c, MsgUserSwitchover, 2) || !logged(c, MsgActive, 2) {
		t.Fatal("switchover reason not logged on the new active")
	}
	if c.Failovers != 1 || !c.LastFailover.Equal(t0.Add(time.Hour+c.Timings.Takeover)) {
		t.Fatalf("failovers %d at %v", c.Failovers, c.LastFailover)
	}
	// port counters were reset: zero until the slot is ready again
	if p := c.Ports()[0]; p.Bytes != 0 {
		t.Fatalf("counters not reset: %d", p.Bytes)
	}
	settle(c)
	if got := states(c); got != "standby,active" {
		t.Fatalf("after boot: %s", got)
	}
	if len(c.Modules[0].Crashes) != 1 || c.Modules[0].Crashes[0].Cause != CauseSwitchover || c.Modules[0].Crashes[0].State != Active {
		t.Fatalf("crash record %+v", c.Modules[0].Crashes)
	}
}

func TestSwitchoverRefused(t *testing.T) {
	c := newChassis(t)
	if err := c.SetRedundancy(false); err != nil {
		t.Fatal(err)
	}
	if got := states(c); got != "active,offline" {
		t.Fatalf("states %s", got)
	}
	if err := c.Switchover(Origin{}); !errors.Is(err, ErrNoStandby) {
		t.Fatalf("switchover with redundancy disabled: %v", err)
	}
	if !c.Running.RedundancyDisabled || !c.Modules[0].Startup().RedundancyDisabled {
		t.Fatal("disable not recorded in the active's config file")
	}
	// re-enable: the offline module is overwritten and becomes standby
	if err := c.SetRedundancy(true); err != nil {
		t.Fatal(err)
	}
	settle(c)
	if got := states(c); got != "active,standby" {
		t.Fatalf("re-enabled: %s", got)
	}
}

func TestSwitchoverWaitsForSync(t *testing.T) {
	c := newChassis(t)
	c.Configure(func(cf *Config) error { cf.Hostname = "Core"; return nil })
	c.WriteMemory()
	if !c.SyncInProgress() {
		t.Fatal("no sync after write memory")
	}
	c.Switchover(Origin{})
	if c.ActiveIndex() != 0 || c.Modules[1].State != Standby {
		t.Fatal("switched before the sync finished")
	}
	run(c, c.Timings.ConfigSync)
	if c.Modules[1].State != TakingOver {
		t.Fatalf("no switchover after sync: %s", states(c))
	}
	if c.Modules[1].Configs["config1"].Hostname != "Core" {
		t.Fatal("standby did not get the saved config")
	}
	run(c, c.Timings.Takeover)
	if c.Running.Hostname != "Core" {
		t.Fatal("new active does not run the synced config")
	}
}

func TestUnsavedConfigIsNotSynced(t *testing.T) {
	c := newChassis(t)
	c.Configure(func(cf *Config) error { cf.Hostname = "Unsaved"; return nil })
	if !c.Unsaved() {
		t.Fatal("running differs but not unsaved")
	}
	c.Switchover(Origin{})
	run(c, c.Timings.Takeover)
	if c.Running.Hostname != "ProCurve" {
		t.Fatalf("unsaved change survived a switchover: %q", c.Running.Hostname)
	}
}

func TestTriggers(t *testing.T) {
	cases := []struct {
		name  string
		do    func(c *Chassis) error
		cause Cause
		old   State // state of module 1 right after
		msg   Msg
	}{
		{"crash", func(c *Chassis) error { return c.Crash(0) }, CauseCrash, Booting, MsgFailover},
		{"reset button", func(c *Chassis) error { return c.PressReset(0) }, CauseResetButton, Booting, MsgFailover},
		{"shutdown button", func(c *Chassis) error { return c.PressShutdown(0) }, CauseShutdownButton, Shutdown, MsgFailover},
		{"hotswap out", func(c *Chassis) error { return c.Pull(0) }, CauseHotswapOut, Absent, MsgFailover},
		{"boot", func(c *Chassis) error { return c.Boot(Origin{}) }, CauseColdReboot, Booting, MsgFailover},
		{"reload", func(c *Chassis) error { return c.Reload(Origin{}) }, CauseWarmReload, Booting, MsgFailover},
		{"hardware", func(c *Chassis) error { return c.FailHardware(0) }, CauseHardware, Failed, MsgFailover},
		{"switchover", func(c *Chassis) error { return c.Switchover(Origin{}) }, CauseSwitchover, Booting, MsgUserSwitchover},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newChassis(t)
			if err := tc.do(c); err != nil {
				t.Fatal(err)
			}
			if c.Modules[1].State != TakingOver {
				t.Fatalf("standby did not take over: %s", states(c))
			}
			if c.Modules[0].State != tc.old {
				t.Fatalf("old active is %s, want %s", c.Modules[0].State, tc.old)
			}
			run(c, c.Timings.Takeover)
			if c.ActiveIndex() != 1 || !logged(c, tc.msg, 2) {
				t.Fatalf("no takeover logged: active %d", c.ActiveIndex())
			}
		})
	}
	t.Run("heartbeat", func(t *testing.T) {
		c := newChassis(t)
		if err := c.CutHeartbeat(); err != nil {
			t.Fatal(err)
		}
		run(c, c.Timings.HeartbeatLoss)
		if !logged(c, MsgLostComm, 1) || c.Modules[1].State != TakingOver {
			t.Fatalf("heartbeat loss: %s", states(c))
		}
	})
}

func TestNonTriggers(t *testing.T) {
	c := newChassis(t)
	c.NextActive = -1
	if err := c.BootSystem(Origin{}, nil); err != nil {
		t.Fatal(err)
	}
	settle(c)
	if c.ActiveIndex() != 0 || c.Failovers != 0 {
		t.Fatalf("boot system switched over: active %d failovers %d", c.ActiveIndex(), c.Failovers)
	}
	c.Credentials.ManagerPassword = "x"
	c.PressClear()
	if c.ActiveIndex() != 0 || c.Credentials.ManagerPassword != "" {
		t.Fatal("clear button")
	}
	// redundancy disabled: a crash reboots the active, which stays in control
	c.SetRedundancy(false)
	c.Crash(0)
	settle(c)
	if c.ActiveIndex() != 0 || c.Failovers != 0 || c.Modules[1].State != Offline {
		t.Fatalf("crash with redundancy disabled: %s failovers %d", states(c), c.Failovers)
	}
}

func TestShutdownIgnoredWithoutStandby(t *testing.T) {
	c := newChassis(t)
	c.SetRedundancy(false)
	if err := c.PressShutdown(0); !errors.Is(err, ErrShutdownIgnored) {
		t.Fatalf("got %v", err)
	}
	if c.ActiveIndex() != 0 || !logged(c, MsgShutdownIgnored, 0) {
		t.Fatal("shutdown not ignored")
	}
}

func TestShutdownWaitsForSync(t *testing.T) {
	c := newChassis(t)
	c.WriteMemory()
	c.PressShutdown(0)
	if c.Modules[0].State != Active {
		t.Fatal("shut down before the sync completed")
	}
	run(c, c.Timings.ConfigSync)
	if c.Modules[0].State != Shutdown || !logged(c, MsgOfflineShutdown, 1) {
		t.Fatalf("after sync: %s", states(c))
	}
}

func TestResetAbortsSync(t *testing.T) {
	c := newChassis(t)
	c.Configure(func(cf *Config) error { cf.Hostname = "Lost"; return nil })
	c.WriteMemory()
	c.PressReset(0)
	settle(c)
	if c.Modules[1].Configs["config1"].Hostname == "Lost" {
		t.Fatal("sync completed despite the reset")
	}
}

func TestStandbyReset(t *testing.T) {
	c := newChassis(t)
	c.PressReset(1)
	if c.ActiveIndex() != 0 || c.Modules[1].State != Booting {
		t.Fatalf("%s", states(c))
	}
	settle(c)
	if got := states(c); got != "active,standby" {
		t.Fatal(got)
	}
}

// coldBoot power-cycles and returns the election rule used.
func coldBoot(t *testing.T, c *Chassis) int {
	t.Helper()
	c.PowerCycle()
	settle(c)
	return c.LastElection()
}

func TestElectionRules(t *testing.T) {
	t.Run("1 only one module", func(t *testing.T) {
		c := newChassis(t)
		c.Pull(1)
		if r := coldBoot(t, c); r != RuleOnlyOne || c.ActiveIndex() != 0 {
			t.Fatalf("rule %d active %d", r, c.ActiveIndex())
		}
	})
	t.Run("2 a module booting next to an active one becomes standby", func(t *testing.T) {
		c := newChassis(t)
		c.Modules[1].LastActive = true
		c.Modules[1].ActiveAt = t0.Add(time.Hour)
		c.BootStandby(Origin{})
		settle(c)
		if c.ActiveIndex() != 0 || c.Modules[1].State != Standby {
			t.Fatal(states(c))
		}
	})
	t.Run("3 one fails selftest", func(t *testing.T) {
		c := newChassis(t)
		c.FailSelftest(0, 1)
		if r := coldBoot(t, c); r != RulePassed || c.ActiveIndex() != 1 || c.Modules[0].State != Failed {
			t.Fatalf("rule %d %s", r, states(c))
		}
		if !logged(c, MsgFailedSelftest, 1) {
			t.Fatal("selftest failure not logged")
		}
	})
	t.Run("4 only one ever booted", func(t *testing.T) {
		c := newChassis(t)
		c.Modules[0].EverBooted = false
		c.Modules[0].LastActive = false
		c.Modules[1].LastActive = false
		if r := coldBoot(t, c); r != RuleEverBooted || c.ActiveIndex() != 1 {
			t.Fatalf("rule %d active %d", r, c.ActiveIndex())
		}
	})
	t.Run("5 active on the last boot", func(t *testing.T) {
		c := newChassis(t)
		c.Switchover(Origin{})
		settle(c) // module 2 active now
		if r := coldBoot(t, c); r != RuleLastActive || c.ActiveIndex() != 1 {
			t.Fatalf("rule %d active %d", r, c.ActiveIndex())
		}
	})
	t.Run("6 both were active: most recent", func(t *testing.T) {
		c := newChassis(t)
		c.Modules[0].LastActive, c.Modules[0].ActiveAt = true, t0.Add(-2*time.Hour)
		c.Modules[1].LastActive, c.Modules[1].ActiveAt = true, t0.Add(-time.Hour)
		if r := coldBoot(t, c); r != RuleMostRecent || c.ActiveIndex() != 1 {
			t.Fatalf("rule %d active %d", r, c.ActiveIndex())
		}
	})
	t.Run("7 lowest slot", func(t *testing.T) {
		c := newChassis(t)
		c.Modules[0].LastActive = false
		if r := coldBoot(t, c); r != RuleLowestSlot || c.ActiveIndex() != 0 {
			t.Fatalf("rule %d active %d", r, c.ActiveIndex())
		}
	})
	t.Run("both fail selftest", func(t *testing.T) {
		c := newChassis(t)
		c.FailSelftest(0, 1)
		c.FailSelftest(1, 1)
		coldBoot(t, c)
		if c.Active() != nil || states(c) != "failed,failed" {
			t.Fatal(states(c))
		}
		if !logged(c, MsgSelftestFatal, 0) {
			t.Fatal("Boot-up selftest failed not logged")
		}
	})
	t.Run("active-management chooses", func(t *testing.T) {
		c := newChassis(t)
		idx, err := c.SetNextActive(1)
		if err != nil || idx != 1 {
			t.Fatal(err)
		}
		if r := coldBoot(t, c); r != RuleNextActive || c.ActiveIndex() != 1 {
			t.Fatalf("rule %d active %d", r, c.ActiveIndex())
		}
		if c.NextActive != -1 {
			t.Fatal("choice not consumed")
		}
	})
}

func TestSetNextActiveRefusesFailed(t *testing.T) {
	c := newChassis(t)
	c.FailHardware(1)
	if _, err := c.SetNextActive(NextActiveStandby); !errors.Is(err, ErrTargetNotReady) {
		t.Fatalf("got %v", err)
	}
	c.Pull(1)
	if _, err := c.SetNextActive(1); !errors.Is(err, ErrTargetNotReady) {
		t.Fatalf("absent: %v", err)
	}
}

func TestFabric(t *testing.T) {
	c := newChassis(t)
	if err := c.SetFabric(2, false); err != nil {
		t.Fatal(err)
	}
	if err := c.SetFabric(1, false); !errors.Is(err, ErrBothFabrics) {
		t.Fatalf("both disabled: %v", err)
	}
	if !c.FabricEnabled(1) || c.FabricEnabled(2) {
		t.Fatal("fabric states")
	}
}

func TestDownloadAndSync(t *testing.T) {
	c := newChassis(t)
	img := testImage("K.15.07.0008", 1323)
	tr, err := c.StartDownload(Download{Module: -1, Bank: Secondary, Image: img, Server: "10.0.0.1", File: "K_15_07_0008.swi"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.StartDownload(Download{Module: -1, Bank: Primary, Image: img, Server: "10.0.0.1", File: "x"}); !errors.Is(err, ErrBusy) {
		t.Fatalf("second download: %v", err)
	}
	run(c, tr.Ends.Sub(c.Now()))
	if !tr.Done || tr.Err != nil || c.Modules[0].Flash[Secondary].Version != "K.15.07.0008" {
		t.Fatalf("download: %+v", tr)
	}
	if c.Modules[1].Flash[Secondary].Version == "K.15.07.0008" {
		t.Fatal("standby got the image without the sync time")
	}
	if !logged(c, MsgOSSync, 0) {
		t.Fatal("sync not logged")
	}
	settle(c)
	if c.Modules[1].Flash[Secondary].Version != "K.15.07.0008" || c.Modules[1].Flash[Primary].Version != "K.15.06.0017" {
		t.Fatal("Table 15-1: standby's corresponding flash not updated")
	}
	// the recommended upgrade: set default, boot standby, switchover
	c.SetDefaultBank(-1, Secondary)
	c.BootStandby(Origin{})
	settle(c)
	if c.Modules[1].State != Standby || c.Modules[1].Running.Version != "K.15.07.0008" || !c.Mismatch() {
		t.Fatalf("standby after boot: %s %v", states(c), c.Modules[1].Running)
	}
	c.Switchover(Origin{})
	settle(c)
	if c.ActiveIndex() != 1 || c.Active().Running.Version != "K.15.07.0008" || c.Modules[0].Running.Version != "K.15.07.0008" {
		t.Fatal("upgrade did not complete on both modules")
	}
}

func TestNoSyncWhenDisabled(t *testing.T) {
	c := newChassis(t)
	c.SetRedundancy(false)
	tr, _ := c.StartDownload(Download{Module: -1, Bank: Primary, Image: testImage("K.15.07.0008", 1), Server: "h", File: "f"})
	settle(c)
	if tr.Err != nil || c.Modules[1].Flash[Primary].Version == "K.15.07.0008" {
		t.Fatal("image reached an offline module")
	}
}

func TestTFTPTimeout(t *testing.T) {
	c := newChassis(t)
	tr, _ := c.StartDownload(Download{Module: -1, Bank: Primary, Server: "10.9.9.9", File: "f", Unreachable: true})
	settle(c)
	if !errors.Is(tr.Err, ErrTFTPTimeout) || c.Modules[0].Flash[Primary].Version != "K.15.06.0017" {
		t.Fatalf("timeout: %v", tr.Err)
	}
}

func TestHotswapInMismatch(t *testing.T) {
	c := newChassis(t)
	c.Pull(1)
	m := testModule(2, Absent)
	m.Present = false
	m.Flash = [2]*Image{testImage("K.15.03.0008", 5), testImage("K.15.03.0008", 5)}
	m.EverBooted, m.LastActive = false, false
	if err := c.Insert(1, m); err != nil {
		t.Fatal(err)
	}
	settle(c)
	nm := c.Modules[1]
	if nm.State != Standby || !nm.Flash[Primary].Same(c.Modules[0].Flash[Primary]) || nm.Running.Version != "K.15.06.0017" {
		t.Fatalf("hotswapped module: %s running %v", nm.State, nm.Running)
	}
	if !logged(c, MsgSyncBegin, 0) || !logged(c, MsgStandbyReboot, 0) {
		t.Fatal("sync and reboot not logged")
	}
	if c.Mismatch() {
		t.Fatal("mismatch left")
	}
}

func TestHotswapInWithRedundancyDisabled(t *testing.T) {
	c := newChassis(t)
	c.SetRedundancy(false)
	c.Pull(1)
	m := testModule(2, Absent)
	m.Present = false
	c.Insert(1, m)
	settle(c)
	if c.Modules[1].State != Offline {
		t.Fatal(states(c))
	}
}

// The K.15.15 page, "Other software version mismatch conditions".
func TestROMUpgradeSequence(t *testing.T) {
	c := newChassis(t)
	old := &Image{Version: "K.15.03.0008", Build: 8, Size: 12_000_000, Compat: "K.15.03", WarmStandby: true}
	for _, m := range c.Modules {
		m.Flash = [2]*Image{old.Clone(), old.Clone()}
		m.Running = old.Clone()
		m.ROM = ROM{Version: "K.15.09"}
	}
	newer := &Image{Version: "K.15.04.0002", Build: 2, Size: 12_500_000, Compat: "K.15.04", WarmStandby: true,
		ROM: &ROM{Version: "K.15.12"}}
	// 1-2: installed in the AMM's secondary, synced to the SMM's
	tr, _ := c.StartDownload(Download{Module: -1, Bank: Secondary, Image: newer, Server: "h", File: "K_15_04_0002.swi"})
	run(c, tr.Ends.Sub(c.Now()))
	settle(c)
	if c.Modules[1].Flash[Secondary].Version != "K.15.04.0002" {
		t.Fatal("step 2: not synced")
	}
	// 3: the SMM boots from secondary: ROM written, reboot
	c.BootStandby(Origin{})
	run(c, c.Timings.ProfileWait-time.Second)
	if err := c.SelectProfile(1, 2); err != nil {
		t.Fatal(err)
	}
	run(c, c.Timings.Load)
	if c.Modules[1].Stage != StageROMUpdate {
		t.Fatalf("step 3: stage %s", c.Modules[1].Stage)
	}
	settle(c)
	sm := c.Modules[1]
	if sm.ROM.Version != "K.15.12" || sm.Running.Version != "K.15.04.0002" {
		t.Fatalf("step 3-4: ROM %s running %v", sm.ROM.Version, sm.Running)
	}
	// 5: mismatch: the SMM pauses in warm standby
	if sm.State != WarmStandby {
		t.Fatalf("step 5: %s", sm.State)
	}
	// 6: switchover: the SMM finishes booting and becomes active
	if err := c.Switchover(Origin{}); err != nil {
		t.Fatal(err)
	}
	// 7: the old AMM reboots into primary (old software): warm standby
	settle(c)
	if c.ActiveIndex() != 1 || c.Modules[0].Running.Version != "K.15.03.0008" || c.Modules[0].State != WarmStandby {
		t.Fatalf("step 7: %s running %v", states(c), c.Modules[0].Running)
	}
	// 8: forced to boot secondary, it takes the new ROM and the standby role
	c.SetDefaultBank(-1, Secondary)
	c.Modules[0].DefaultBank = Secondary
	c.BootStandby(Origin{})
	settle(c)
	m1 := c.Modules[0]
	if m1.State != Standby || m1.ROM.Version != "K.15.12" || m1.Running.Version != "K.15.04.0002" {
		t.Fatalf("step 8: %s ROM %s", states(c), m1.ROM.Version)
	}
}

func TestIncompatibleOnK12GoesOffline(t *testing.T) {
	c := newChassis(t)
	k12 := &Image{Version: "K.12.57", Build: 57, Size: 7_800_000, Compat: "K.12"} // K.12: no warm standby
	for _, m := range c.Modules {
		m.Flash[Primary] = k12.Clone()
		m.Running = k12.Clone()
	}
	// the standby boots its secondary flash (K.15.06, another compat group)
	s := c.Modules[1]
	s.DefaultBank = Secondary
	c.BootStandby(Origin{})
	settle(c)
	if s.State != OfflineIncompat || !logged(c, MsgOfflineIncompat, 2) {
		t.Fatalf("got %s", s.State)
	}
	if c.CanSwitchover() {
		t.Fatal("switchover to an incompatible offline module")
	}
}

func TestBootProfileMenu(t *testing.T) {
	c := newChassis(t)
	c.TakeEvents()
	c.BootStandby(Origin{})
	ev := c.TakeEvents()
	var rom *ConsoleOut
	for _, e := range ev {
		if e.Kind == EvConsole && e.Console.Kind == ConROM && e.Module == 1 {
			rom = &e.Console
		}
	}
	if rom == nil || rom.Bank != Primary {
		t.Fatalf("no ROM banner: %+v", ev)
	}
	run(c, c.Timings.ProfileWait)
	found := false
	for _, e := range c.TakeEvents() {
		if e.Kind == EvConsole && e.Console.Kind == ConProfile && !e.Console.Typed && e.Console.Bank == Primary {
			found = true
		}
	}
	if !found {
		t.Fatal("profile prompt did not fall back to the default")
	}
	if err := c.SelectProfile(1, 2); !errors.Is(err, ErrNotBooting) {
		t.Fatal("selected a profile after the prompt ended")
	}
}

func TestPowerCycleLog(t *testing.T) {
	c := newChassis(t)
	c.PowerCycle()
	settle(c)
	var got []string
	for _, e := range c.Log {
		if e.Epoch == c.Epoch {
			got = append(got, fmt.Sprintf("%s %s %d %v", e.Time.Sub(t0), e.Msg, e.Module, e.Args))
		}
	}
	want := []string{
		"0s reboot 0 [power-failure ]",
		"0s boot-separator 0 []",
		"0s down-no-crash 1 []",
		"2m12s fabric-inserted 0 [1]",
		"2m12s fabric-inserted 0 [2]",
		"2m12s slot-inserted 0 [A]",
		"2m12s booted 1 []",
		"2m12s active 1 []",
		"2m12s booted 2 []",
		"2m12s standby 2 []",
		"2m20s slot-downloading 0 [A]",
		"2m22s slot-downloaded 0 [A]",
		"2m37s slot-ready 0 [A]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("log:\n%s", strings.Join(got, "\n"))
	}
}

func TestConfigureAllOrNothing(t *testing.T) {
	c := newChassis(t)
	err := c.Configure(func(cf *Config) error {
		cf.Hostname = "half"
		return errors.New("refused")
	})
	if err == nil || c.Running.Hostname != "ProCurve" {
		t.Fatal("half-applied change")
	}
}

func TestScheduledReload(t *testing.T) {
	c := newChassis(t)
	c.ScheduleReload(c.Now().Add(10*time.Minute), Origin{Session: "SSH"})
	run(c, 9*time.Minute)
	if c.Failovers != 0 {
		t.Fatal("early")
	}
	run(c, time.Minute)
	if c.Modules[1].State != TakingOver {
		t.Fatal(states(c))
	}
	c2 := newChassis(t)
	c2.ScheduleReload(c2.Now().Add(time.Minute), Origin{})
	c2.CancelReload()
	settle(c2)
	if c2.Failovers != 0 {
		t.Fatal("cancelled reload happened")
	}
}

func TestLEDs(t *testing.T) {
	c := newChassis(t)
	if c.ActvLED(0) != LEDGreen || c.ActvLED(1) != LEDOff {
		t.Fatal("correct active/standby: solid green / not lit")
	}
	c.WriteMemory()
	c.PressShutdown(0)
	if c.DwnLED(0) != LEDFlashingGreen {
		t.Fatal("Dwn LED does not flash while the sync completes")
	}
	run(c, c.Timings.ConfigSync)
	if c.ActvLED(1) != LEDFlashingGreen || c.DwnLED(0) != LEDGreen {
		t.Fatalf("taking over: actv %v dwn %v", c.ActvLED(1), c.DwnLED(0))
	}
	run(c, c.Timings.Takeover)
	if c.ActvLED(1) != LEDGreen {
		t.Fatal("switchover complete: solid green")
	}
	c2 := newChassis(t)
	c2.FailHardware(1)
	if c2.ActvLED(1) != LEDFastOrange {
		t.Fatal("failed standby: fast orange")
	}
}

func TestFastbootSkipsSelftest(t *testing.T) {
	c := newChassis(t)
	c.Configure(func(cf *Config) error { cf.Fastboot = true; return nil })
	c.WriteMemory()
	settle(c)
	c.BootStandby(Origin{})
	run(c, c.Timings.ProfileWait+c.Timings.Load)
	if c.Modules[1].State != Standby {
		t.Fatalf("fastboot still ran selftest: %s %s", c.Modules[1].State, c.Modules[1].Stage)
	}
}

func TestLocatorGoesOffOnSwitchover(t *testing.T) {
	c := newChassis(t)
	c.Locate("blink", 30*time.Minute)
	if c.Locator != "blink" {
		t.Fatal("not lit")
	}
	c.Switchover(Origin{})
	if c.Locator != "" {
		t.Fatal("locator stayed lit across a switchover")
	}
	c2 := newChassis(t)
	c2.Locate("on", time.Minute)
	run(c2, time.Minute)
	if c2.Locator != "" {
		t.Fatal("locator did not go out")
	}
}

func TestEraseConfigOnBothModules(t *testing.T) {
	c := newChassis(t)
	c.Modules[0].Configs["config2"] = &Config{Hostname: "spare"}
	c.Modules[1].Configs["config2"] = &Config{Hostname: "spare"}
	if err := c.EraseConfig("config1"); !errors.Is(err, ErrConfigInUse) {
		t.Fatalf("erased the file in use: %v", err)
	}
	if err := c.EraseConfig("config3"); !errors.Is(err, ErrNoSuchConfig) {
		t.Fatalf("missing file: %v", err)
	}
	if err := c.EraseConfig("config2"); err != nil || c.Modules[0].Configs["config2"] != nil || c.Modules[1].Configs["config2"] != nil {
		t.Fatalf("erase config2: %v", err)
	}
}

// Review findings: none of these sequences may leave the chassis without
// an active module, and each follows the chapter.

func exactlyOneActive(t *testing.T, c *Chassis) {
	t.Helper()
	settle(c)
	n := 0
	for _, m := range c.Modules {
		if m.State == Active {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d active modules: %s", n, states(c))
	}
}

func TestActiveLostWhileOtherJoins(t *testing.T) {
	for _, lose := range []func(c *Chassis){
		func(c *Chassis) { c.Crash(0) },
		func(c *Chassis) { c.PressReset(0) },
		func(c *Chassis) { c.Pull(0) },
		func(c *Chassis) { c.FailHardware(0) },
	} {
		c := newChassis(t)
		c.Pull(1)
		m := testModule(2, Absent)
		m.Present = false
		m.Flash = [2]*Image{testImage("K.15.07.0008", 1), testImage("K.15.07.0008", 1)}
		c.Insert(1, m)
		for c.Modules[1].Stage != StageSyncing {
			at, _ := c.NextDeadline()
			c.Advance(at)
		}
		lose(c)
		exactlyOneActive(t, c)
	}
}

func TestPendingOperationsRecheckTheStandby(t *testing.T) {
	// MM Shutdown waits for the sync; the standby is pulled meanwhile:
	// the shutdown is ignored and logged, the active stays in control
	c := newChassis(t)
	c.WriteMemory()
	c.PressShutdown(0)
	c.Pull(1)
	settle(c)
	if c.ActiveIndex() != 0 || c.Modules[0].State != Active || !logged(c, MsgShutdownIgnored, 0) || c.DwnLED(0) != LEDOff {
		t.Fatalf("shutdown with the standby gone: %s", states(c))
	}
	// boot waits for the sync; the standby crashes meanwhile: the system
	// reboots instead of a switchover, and comes back with an active
	c = newChassis(t)
	c.WriteMemory()
	c.Boot(Origin{Session: "SSH"})
	c.Crash(1)
	run(c, 0)
	if c.Modules[0].State != Booting || c.Failovers != 0 {
		t.Fatalf("boot with the standby gone: %s failovers %d", states(c), c.Failovers)
	}
	exactlyOneActive(t, c)
	// a switchover asked for is dropped when the standby goes
	c = newChassis(t)
	c.WriteMemory()
	c.Switchover(Origin{})
	c.BootStandby(Origin{})
	settle(c)
	if c.ActiveIndex() != 0 || c.Failovers != 0 {
		t.Fatalf("switchover to a rebooting standby: %s", states(c))
	}
}

func TestOfflineModuleTakesControlWhenTheActiveFailsSelftest(t *testing.T) {
	c := newChassis(t)
	c.SetRedundancy(false)
	c.FailSelftest(0, 1)
	c.PressReset(0)
	exactlyOneActive(t, c)
	if c.ActiveIndex() != 1 {
		t.Fatalf("the offline module did not take control: %s", states(c))
	}
}

func TestSwitchoverReasonLoggedOnTheNewActive(t *testing.T) {
	c := newChassis(t)
	c.Crash(0)
	run(c, c.Timings.Takeover)
	for _, e := range c.Log {
		if e.Msg == MsgDown && e.Module == 1 && len(e.Args) > 0 && e.Args[0] == "crash" {
			return
		}
	}
	t.Fatal("the crash was not logged as the reason")
}

func TestHotswappedModuleBootsTheMatchingFlash(t *testing.T) {
	c := newChassis(t)
	c.Pull(1)
	m := testModule(2, Absent)
	m.Present = false
	m.DefaultBank = Secondary // same images as the active, other bank
	c.Insert(1, m)
	settle(c)
	if nm := c.Modules[1]; nm.State != Standby || nm.Running.Version != "K.15.06.0017" || nm.BootedBank != Primary || c.Mismatch() {
		t.Fatalf("hotswapped module runs %v from %s (%s)", nm.Running, nm.BootedBank, nm.State)
	}
}

func TestRedundancyChangedWhileTheOtherBoots(t *testing.T) {
	c := newChassis(t)
	c.BootStandby(Origin{})
	c.SetRedundancy(false)
	settle(c)
	if s := c.Modules[1]; s.State != Offline || s.Running == nil {
		t.Fatalf("booting module: %s running %v", s.State, s.Running)
	}
	c.SetRedundancy(true)
	settle(c)
	if c.Modules[1].State != Standby {
		t.Fatalf("after enabling: %s", states(c))
	}
}

func TestNextActiveSurvivesAnElectionItDidNotDecide(t *testing.T) {
	c := newChassis(t)
	c.SetRedundancy(false)
	c.SetNextActive(1)
	c.PressReset(0) // module 1 reboots alone and is elected again
	settle(c)
	if c.NextActive != 1 {
		t.Fatal("the choice for the next system boot was spent")
	}
	c.BootSystem(Origin{}, nil)
	settle(c)
	if c.ActiveIndex() != 1 {
		t.Fatalf("next system boot: %s", states(c))
	}
}

func TestOfflineModuleCannotBeShutDown(t *testing.T) {
	c := newChassis(t)
	c.SetRedundancy(false)
	if err := c.PressShutdown(1); !errors.Is(err, ErrShutdownIgnored) || c.Modules[1].State != Offline {
		t.Fatalf("offline shutdown: %v %s", err, states(c))
	}
}

func TestScheduledReloadWaitsForSync(t *testing.T) {
	c := newChassis(t)
	c.ScheduleReload(c.Now(), Origin{})
	c.Configure(func(cf *Config) error { cf.Hostname = "Synced"; return nil })
	c.WriteMemory()
	run(c, 0)
	if c.Modules[1].State != Standby {
		t.Fatal("scheduled reload did not wait for the sync")
	}
	run(c, c.Timings.ConfigSync)
	run(c, c.Timings.Takeover)
	if c.ActiveIndex() != 1 || c.Running.Hostname != "Synced" {
		t.Fatalf("after the reload: %s %q", states(c), c.Running.Hostname)
	}
}

func TestExpandPorts(t *testing.T) {
	got, bad := ExpandPorts("a1-a3, B2")
	if bad != "" || strings.Join(got, ",") != "A1,A2,A3,B2" {
		t.Fatalf("%v %q", got, bad)
	}
	if got, bad := ExpandPorts(" "); got != nil || bad != "" {
		t.Fatalf("empty list: %v %q", got, bad)
	}
	for _, in := range []string{"A3-A1", "A1-B2", "x", "A1-A100000", "A1,,A2", "7"} {
		if _, bad := ExpandPorts(in); bad == "" {
			t.Errorf("%q accepted", in)
		}
	}
}

// A chassis that starts booted carries the story of its boot: the same
// lines a power cycle writes (Figure 15-31), back-dated so that the last
// falls at the start; the up time counts from the power-on (issue 14,
// defect 9).
func TestBootStoryOfAFreshChassis(t *testing.T) {
	c := newChassis(t)
	if len(c.Log) != 0 {
		t.Fatalf("fresh log: %v", c.Log)
	}
	c.LogBootStory(time.Time{})
	var got []string
	for _, e := range c.Log {
		if e.Epoch != c.Epoch {
			t.Fatalf("entry of another epoch: %+v", e)
		}
		got = append(got, fmt.Sprintf("%s %s %d %v", e.Time.Sub(t0), e.Msg, e.Module, e.Args))
	}
	want := []string{
		"-2m37s reboot 0 [power-failure ]",
		"-2m37s boot-separator 0 []",
		"-2m37s down-no-crash 1 []",
		"-25s fabric-inserted 0 [1]",
		"-25s fabric-inserted 0 [2]",
		"-25s slot-inserted 0 [A]",
		"-25s booted 1 []",
		"-25s active 1 []",
		"-25s booted 2 []",
		"-25s standby 2 []",
		"-17s slot-downloading 0 [A]",
		"-15s slot-downloaded 0 [A]",
		"0s slot-ready 0 [A]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("log:\n%s", strings.Join(got, "\n"))
	}
	if !c.Now().Equal(t0) || !c.BootedAt.Equal(t0.Add(-157*time.Second)) {
		t.Fatalf("now %v, booted at %v", c.Now(), c.BootedAt)
	}
	// the chassis itself did not move: same roles, running config, no timers
	if c.Modules[0].State != Active || c.Modules[1].State != Standby || c.Running == nil {
		t.Fatal("the story changed the chassis")
	}
	if _, ok := c.NextDeadline(); ok {
		t.Fatal("the story left timers")
	}
}

// The story follows the chassis as it is: a failed module fails its
// selftest in it, the booted flash is the one each module runs, and a log
// already later than the story's start pushes the clock on.
func TestBootStoryFollowsTheChassis(t *testing.T) {
	c := newChassis(t)
	c.Modules[1].State = Failed
	c.Modules[1].Running = nil
	c.Log = []LogEntry{{Time: t0.Add(-time.Minute), Msg: MsgBooted, Module: 1}}
	c.LogBootStory(time.Time{})
	var msgs []string
	for _, e := range c.Log[1:] {
		msgs = append(msgs, fmt.Sprintf("%s %d", e.Msg, e.Module))
	}
	joined := strings.Join(msgs, ",")
	if !strings.Contains(joined, "failed-selftest 2") || strings.Contains(joined, "standby 2") {
		t.Fatalf("story of a failed standby: %s", joined)
	}
	if c.Log[1].Time.Before(c.Log[0].Time) || !c.Log[len(c.Log)-1].Time.Equal(c.Now()) || !c.Now().After(t0) {
		t.Fatalf("story not after the older log: first %v, last %v, now %v", c.Log[1].Time, c.Log[len(c.Log)-1].Time, c.Now())
	}
	if c.Log[0].Epoch == c.Epoch {
		t.Fatal("the older log is still 'since boot'")
	}
}

func BenchmarkBootStory(b *testing.B) {
	t := &testing.T{}
	c := newChassis(t)
	for i := 0; i < 2000; i++ {
		c.Log = append(c.Log, LogEntry{Time: t0, Msg: MsgBooted, Module: 1})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.bootStory()
	}
}

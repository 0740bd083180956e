package model

import (
	"errors"
	"testing"
	"time"
)

// hitlessProfile switches over like an EXOS chassis: the old active
// reboots, the running config survives, the I/O modules keep forwarding
// when the new active's software accepts their image.
func hitlessProfile() *Profile {
	p := DefaultProfile()
	p.KeepRunning = true
	p.HitlessSlots = true
	p.Timings.InstallRate = 1_000_000
	return p
}

func ioImage(v string, io int, reduced ...int) *Image {
	return &Image{Version: v, Size: 10_000_000, IOVersion: io, IOReduced: reduced, Hitless: true, File: "img-" + v}
}

// newIO is a chassis whose modules run a (active) and b (standby).
func newIO(t *testing.T, p *Profile, a, b *Image) *Chassis {
	t.Helper()
	ma, mb := testModule(1, Active), testModule(2, Standby)
	ma.Flash = [2]*Image{a, a.Clone()}
	mb.Flash = [2]*Image{b, b.Clone()}
	c := &Chassis{
		Modules:    []*Module{ma, mb},
		Slots:      []*LineCard{{Name: "1", Present: true, Ports: 48}, {Name: "2"}},
		NextActive: -1,
		Profile:    p,
	}
	if err := c.Start(t0); err != nil {
		t.Fatal(err)
	}
	c.TakeEvents()
	return c
}

func TestSwitchoverIOOutcomes(t *testing.T) {
	old := ioImage("15.3.1.4", 8)
	for _, tc := range []struct {
		name string
		b    *Image
		want IOOutcome
		up   bool // the card stays up across the switchover
	}{
		{"same", ioImage("15.3.3.5", 8), IOSame, true},
		{"reduced", ioImage("15.3.5.2", 9, 8), IOReduced, true},
		{"reset", ioImage("15.4.1.3", 10), IOReset, false},
		{"not hitless", &Image{Version: "15.0", IOVersion: 8}, IOReset, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newIO(t, hitlessProfile(), old, tc.b)
			if c.Slots[0].IOVersion != 8 || c.Slots[0].Software != "15.3.1.4" {
				t.Fatalf("card runs %s/%d", c.Slots[0].Software, c.Slots[0].IOVersion)
			}
			if got := c.SwitchoverIO(); got != tc.want {
				t.Fatalf("SwitchoverIO %s, want %s", got, tc.want)
			}
			if err := c.Switchover(Origin{}); err != nil {
				t.Fatal(err)
			}
			run(c, c.Timings.Takeover)
			s := c.Slots[0]
			if up := s.Status == "Up"; up != tc.up {
				t.Fatalf("card %s after the switchover", s.Status)
			}
			if tc.up && s.Software != "15.3.1.4" || !tc.up && (s.Software != tc.b.Version || s.IOVersion != tc.b.IOVersion) {
				t.Fatalf("card runs %s/%d", s.Software, s.IOVersion)
			}
			if c.LastFailoverCause != CauseSwitchover {
				t.Fatalf("cause %s", c.LastFailoverCause)
			}
		})
	}
}

func TestSlotsReloadOnEverySwitchoverWithoutHitlessSlots(t *testing.T) {
	p := hitlessProfile()
	p.HitlessSlots = false
	c := newIO(t, p, ioImage("1", 8), ioImage("1", 8))
	c.Switchover(Origin{})
	run(c, c.Timings.Takeover)
	if c.Slots[0].Status != "Booting" {
		t.Fatalf("card %s", c.Slots[0].Status)
	}
}

func TestHardwareFailoverIsNotHitless(t *testing.T) {
	c := newIO(t, hitlessProfile(), ioImage("1", 8), ioImage("1", 8))
	c.FailHardware(0)
	run(c, c.Timings.Takeover)
	if c.Slots[0].Status != "Booting" {
		t.Fatalf("card %s after a hardware failover", c.Slots[0].Status)
	}
}

func TestStagedDownloadAndInstall(t *testing.T) {
	old, next := ioImage("1", 8), ioImage("2", 8)
	c := newIO(t, hitlessProfile(), old, old.Clone())
	tr, err := c.StartDownload(Download{Module: 1, Bank: Secondary, Image: next, File: next.File, Stage: true})
	if err != nil {
		t.Fatal(err)
	}
	run(c, time.Minute)
	b := c.Modules[1]
	if !tr.Done || tr.Err != nil || b.StagedImage(next.File) == nil || b.Flash[Secondary].Version != "1" {
		t.Fatalf("staged download: %+v flash %s", tr, b.Flash[Secondary].Version)
	}
	if _, err := c.StartInstall(1, next.File, Primary); !errors.Is(err, ErrBootedBank) {
		t.Fatalf("install to the booted bank: %v", err)
	}
	if _, err := c.StartInstall(1, "nope", Secondary); !errors.Is(err, ErrNoSuchFile) {
		t.Fatalf("install of a missing file: %v", err)
	}
	tr, err = c.StartInstall(1, next.File, Secondary)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.StartInstall(1, next.File, Secondary); !errors.Is(err, ErrBusy) {
		t.Fatalf("second install: %v", err)
	}
	run(c, 9*time.Second)
	if tr.Done {
		t.Fatal("install finished before its time")
	}
	run(c, time.Second)
	if !tr.Done || b.Flash[Secondary].Version != "2" || b.DefaultBank != Secondary || b.StagedImage(next.File) != nil ||
		!b.Flash[Secondary].Installed.Equal(c.Now()) || c.Modules[0].Flash[Secondary].Version != "1" {
		t.Fatalf("after install: %+v", b)
	}
}

func TestDownloadToARebootedModuleEndsAborted(t *testing.T) {
	c := newIO(t, hitlessProfile(), ioImage("1", 8), ioImage("1", 8))
	tr, err := c.StartDownload(Download{Module: 1, Bank: Secondary, Image: ioImage("2", 8), Stage: true})
	if err != nil {
		t.Fatal(err)
	}
	c.BootStandby(Origin{})
	run(c, time.Minute)
	if !tr.Done || !errors.Is(tr.Err, ErrTransferAborted) {
		t.Fatalf("transfer %+v", tr)
	}
}

func TestStandbyInSyncAndForcedSwitchover(t *testing.T) {
	c := newIO(t, hitlessProfile(), ioImage("1", 8), ioImage("1", 8))
	if !c.StandbyInSync() {
		t.Fatal("a standby with nothing to copy is not in sync")
	}
	c.Running.Hostname = "saved"
	c.SaveConfig("")
	if c.StandbyInSync() {
		t.Fatal("in sync while the saved config is being copied")
	}
	if err := c.ForceSwitchover(Origin{}); err != nil {
		t.Fatal(err)
	}
	if c.Pending() || c.Modules[1].State != TakingOver {
		t.Fatal("the forced switchover waited for the copy")
	}
	run(c, c.Timings.Takeover)
	if c.ActiveIndex() != 1 || c.Running.Hostname != "saved" || !c.Unsaved() {
		t.Fatalf("after the forced switchover: active %d %q unsaved %v", c.ActiveIndex(), c.Running.Hostname, c.Unsaved())
	}
}

func TestSynchronize(t *testing.T) {
	c := newIO(t, hitlessProfile(), ioImage("1", 8), ioImage("2", 8))
	b := c.Modules[1]
	b.DefaultBank = Secondary
	c.Modules[0].Configs["extra.cfg"] = &Config{Hostname: "x"}
	if err := c.Synchronize(Origin{}); err != nil {
		t.Fatal(err)
	}
	if c.StandbyInSync() {
		t.Fatal("in sync while synchronizing")
	}
	settle(c)
	if b.State != Standby || b.Running.Version != "1" || b.Flash[Secondary].Version != "1" || b.DefaultBank != Primary || b.Configs["extra.cfg"] == nil {
		t.Fatalf("after synchronize: %s runs %v, default %s", b.State, b.Running.Version, b.DefaultBank)
	}
	c.Pull(1)
	if err := c.Synchronize(Origin{}); !errors.Is(err, ErrNoStandby) {
		t.Fatalf("synchronize without a standby: %v", err)
	}
}

func TestSavedConfigKeepsItsTimeButStaysEqual(t *testing.T) {
	c := newIO(t, hitlessProfile(), ioImage("1", 8), ioImage("1", 8))
	run(c, time.Minute)
	c.SaveConfig("")
	cf := c.Active().Startup()
	if !cf.SavedAt.Equal(c.Now()) || cf.SavedBy != "1" || c.Unsaved() {
		t.Fatalf("saved %v by %q, unsaved %v", cf.SavedAt, cf.SavedBy, c.Unsaved())
	}
}

func TestLogLinesNameTheNodeInControl(t *testing.T) {
	c := newIO(t, hitlessProfile(), ioImage("1", 8), ioImage("1", 8))
	c.AddLog(LogEntry{Severity: "Info", Subsystem: "x", Text: "hello"})
	if e := c.Log[len(c.Log)-1]; e.Node != 1 || e.Msg != MsgLiteral || e.Text != "hello" || !e.Time.Equal(c.Now()) {
		t.Fatalf("entry %+v", e)
	}
}

package model

import (
	"errors"
	"testing"
	"time"
)

// The operator's synchronization copies config files (or the boot
// environment) whatever the automatic setting, records when, and wakes
// waiters with EvSync.
func TestSyncStandbyCopiesAndRecords(t *testing.T) {
	c := newChassis(t)
	c.Profile.ConfigSync = func(*Chassis) bool { return false }
	if err := c.Configure(func(cf *Config) error { cf.Location = "lab"; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteMemory(); err != nil {
		t.Fatal(err)
	}
	if c.ConfigInSync() || c.LastSyncJob() != 0 {
		t.Fatalf("a save with config sync off reached the standby (job %d)", c.LastSyncJob())
	}
	c.TakeEvents()
	job, err := c.SyncStandby(SyncConfig)
	if err != nil {
		t.Fatal(err)
	}
	if done, _ := c.SyncResult(job); done {
		t.Fatal("the copy finished at once")
	}
	run(c, c.Timings.ConfigSync)
	done, err := c.SyncResult(job)
	if !done || err != nil {
		t.Fatalf("copy %d: done %v, %v", job, done, err)
	}
	if !c.ConfigInSync() || c.Modules[1].Startup().Location != "lab" {
		t.Fatal("the standby did not get the config file")
	}
	r := c.Synced()
	if !r.ConfigAt.Equal(c.Now()) || !r.BootEnvAt.IsZero() {
		t.Fatalf("record %+v", r)
	}
	woke := false
	for _, e := range c.TakeEvents() {
		woke = woke || e.Kind == EvSync
	}
	if !woke {
		t.Fatal("no EvSync when the copy finished")
	}

	// the boot environment: images and boot choices too
	c.Modules[1].Flash[Secondary] = nil
	c.Modules[1].DefaultBank = Secondary
	if c.BootEnvInSync() {
		t.Fatal("boot environment in sync with another image and boot choice")
	}
	job, _ = c.SyncStandby(SyncBootEnv)
	settle(c)
	if done, err := c.SyncResult(job); !done || err != nil || !c.BootEnvInSync() {
		t.Fatalf("boot-env copy: %v, %v, in sync %v", done, err, c.BootEnvInSync())
	}
	if r := c.Synced(); !r.BootEnvAt.Equal(r.ConfigAt) {
		t.Fatalf("record %+v", r)
	}
}

// A flash that cannot take files fails the copy and raises the alarm
// once; the alarm clears when the condition ends, and not before.
func TestFlashFaultRaisesAndClearsTheAlarm(t *testing.T) {
	c := newChassis(t)
	if err := c.SetFlashFault(1, "bent"); err == nil {
		t.Fatal("an unknown flash condition was taken")
	}
	if err := c.SetFlashFault(1, FlashFull); err != nil {
		t.Fatal(err)
	}
	before := len(c.Log)
	job, err := c.SyncStandby(SyncConfig)
	if err != nil {
		t.Fatal(err)
	}
	settle(c)
	if done, err := c.SyncResult(job); !done || !errors.Is(err, ErrFlashFault) {
		t.Fatalf("copy to a full flash: %v, %v", done, err)
	}
	r := c.Synced()
	if r.Alarm != FlashFull || r.AlarmKind != SyncConfig || r.AlarmSlot != 2 || r.LastFailure.IsZero() || !r.ConfigAt.IsZero() {
		t.Fatalf("record %+v", r)
	}
	// a save fails the same way: a second log message, the same alarm
	if err := c.WriteMemory(); err != nil {
		t.Fatal(err)
	}
	settle(c)
	var failed, cleared int
	for _, e := range c.Log[before:] {
		switch e.Msg {
		case MsgSyncFailed:
			failed++
		case MsgSyncAlarmClear:
			cleared++
		}
	}
	if failed != 2 || cleared != 0 {
		t.Fatalf("%d failure and %d clear messages", failed, cleared)
	}
	// the active's own flash condition is not the standby's
	if err := c.SetFlashFault(0, FlashOK); err != nil || c.Synced().Alarm == "" {
		t.Fatalf("the alarm cleared for another module (%v)", err)
	}
	if err := c.SetFlashFault(1, FlashOK); err != nil {
		t.Fatal(err)
	}
	if r := c.Synced(); r.Alarm != "" || r.LastFailure.IsZero() {
		t.Fatalf("after the condition ended: %+v", r)
	}
	if last := c.Log[len(c.Log)-1]; last.Msg != MsgSyncAlarmClear || last.Module != 2 {
		t.Fatalf("last log entry %+v", last)
	}
}

// A module whose flash card is out boots from nothing.
func TestRemovedFlashDoesNotBoot(t *testing.T) {
	c := newChassis(t)
	if err := c.SetFlashFault(1, FlashRemoved); err != nil {
		t.Fatal(err)
	}
	if err := c.BootStandby(Origin{Session: "CONSOLE"}); err != nil {
		t.Fatal(err)
	}
	run(c, time.Hour)
	if st := c.Modules[1].State; st != Failed {
		t.Fatalf("standby with its flash out is %s", st)
	}
}

// An aborted copy reports ErrSyncAbort (the standby went away).
func TestSyncAbortedWhenTheStandbyGoes(t *testing.T) {
	c := newChassis(t)
	job, err := c.SyncStandby(SyncBootEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Pull(1); err != nil {
		t.Fatal(err)
	}
	settle(c)
	if done, err := c.SyncResult(job); !done || !errors.Is(err, ErrSyncAbort) {
		t.Fatalf("after the pull: %v, %v", done, err)
	}
	if _, err := c.SyncStandby(SyncConfig); !errors.Is(err, ErrNoStandby) {
		t.Fatalf("sync without a standby: %v", err)
	}
}

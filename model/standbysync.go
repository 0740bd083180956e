package model

import (
	"errors"
	"time"
)

// What reached the standby, and when; what a flash that cannot take files
// does to synchronization. The copies themselves are the file syncs of
// flash.go and boot.go (a save, a download, a standby joining); this file
// adds the operator's synchronization (SR OS "admin redundancy
// synchronize {boot-env|config}"), the times of the last successful
// copies, and the alarm a failed copy raises until its cause is gone.

// SyncKind is what a synchronization copies.
type SyncKind int

const (
	// SyncConfig: the saved config files.
	SyncConfig SyncKind = iota + 1
	// SyncBootEnv: the boot environment: the flash images, the boot
	// choices and the config files.
	SyncBootEnv
)

func (k SyncKind) String() string {
	if k == SyncBootEnv {
		return "boot-env"
	}
	return "config"
}

// Flash faults: a module's flash that cannot take files.
const (
	FlashOK      = ""
	FlashFull    = "full"    // no space left: writes fail
	FlashRemoved = "removed" // the flash card is out: writes fail, nothing boots from it
)

// ValidFlashFault reports whether s names a flash condition.
func ValidFlashFault(s string) bool {
	return s == FlashOK || s == FlashFull || s == FlashRemoved
}

// SyncRecord is the standby synchronization's history: when each kind of
// copy last reached the standby, and the alarm a failed copy raised.
type SyncRecord struct {
	// ConfigAt and BootEnvAt are when config files (alone or with the
	// boot environment) and the whole boot environment last reached the
	// standby.
	ConfigAt  time.Time `json:"configAt"`
	BootEnvAt time.Time `json:"bootEnvAt"`
	// Alarm is the flash fault that made the last copy fail, while it
	// stands ("" when no alarm stands); AlarmKind what that copy was,
	// AlarmSlot the module it went to.
	Alarm     string   `json:"alarm,omitempty"`
	AlarmKind SyncKind `json:"alarmKind,omitempty"`
	AlarmSlot int      `json:"alarmSlot,omitempty"`
	// LastFailure is when a copy last failed (it stays after the alarm
	// clears).
	LastFailure time.Time `json:"lastFailure"`
}

// Synced returns the synchronization record (zero when nothing was ever
// synchronized).
func (c *Chassis) Synced() SyncRecord {
	if c.Sync == nil {
		return SyncRecord{}
	}
	return *c.Sync
}

func (c *Chassis) syncRecord() *SyncRecord {
	if c.Sync == nil {
		c.Sync = &SyncRecord{}
	}
	return c.Sync
}

// Errors of synchronization.
var (
	ErrFlashFault = errors.New("model: the standby's flash cannot take the files")
	ErrSyncAbort  = errors.New("model: the synchronization was interrupted")
)

// SetFlashFault is a physical event on module i's flash: "full" (no space
// left), "removed" (the card is out) or "" (the condition ends). Copies
// to a faulted flash fail and raise the synchronization alarm; when the
// condition ends, a standing alarm on that module clears.
func (c *Chassis) SetFlashFault(i int, fault string) error {
	m := c.Module(i)
	if m == nil {
		return ErrNoSuchModule
	}
	if !m.Present {
		return ErrSlotEmpty
	}
	if !ValidFlashFault(fault) {
		return ErrNoSuchModule
	}
	m.FlashFault = fault
	c.touch()
	if fault == FlashOK {
		c.clearSyncAlarm(m.Slot)
	}
	return nil
}

// clearSyncAlarm clears a standing alarm raised by copies to the module
// in slot.
func (c *Chassis) clearSyncAlarm(slot int) {
	r := c.Sync
	if r == nil || r.Alarm == "" || r.AlarmSlot != slot {
		return
	}
	c.touch()
	c.log(MsgSyncAlarmClear, slot, r.AlarmKind.String(), r.Alarm)
	r.Alarm, r.AlarmKind, r.AlarmSlot = "", 0, 0
}

// writable reports whether module s's flash takes a copy of kind; when
// it does not, the copy fails: its log message, and the alarm if none
// stands.
func (c *Chassis) writable(s *Module, kind SyncKind) bool {
	if s.FlashFault == FlashOK {
		return true
	}
	c.touch()
	r := c.syncRecord()
	r.LastFailure = c.now
	c.log(MsgSyncFailed, s.Slot, kind.String(), s.FlashFault)
	if r.Alarm == "" {
		r.Alarm, r.AlarmKind, r.AlarmSlot = s.FlashFault, kind, s.Slot
	}
	return false
}

// synced records a copy of kind that reached the standby.
func (c *Chassis) synced(kind SyncKind) {
	r := c.syncRecord()
	r.ConfigAt = c.now
	if kind == SyncBootEnv {
		r.BootEnvAt = c.now
	}
	c.touch()
}

// copyBootEnv gives the standby the active's flash images, boot choices
// and config files.
func (c *Chassis) copyBootEnv(a, s *Module) {
	s.Flash = [2]*Image{a.Flash[0].Clone(), a.Flash[1].Clone()}
	s.DefaultBank = a.DefaultBank
	c.copyFiles(a, s)
	s.BankConfig = a.BankConfig
}

// bootEnvDuration is how long copying the boot environment to s takes:
// the images it lacks at the OS sync rate, then the config files.
func (c *Chassis) bootEnvDuration(a, s *Module) time.Duration {
	var size int64
	for b, im := range a.Flash {
		if im != nil && !im.Same(s.Flash[b]) {
			size += im.Size
		}
	}
	return c.rateDuration(size, c.Timings.OSSyncRate) + c.Timings.ConfigSync
}

// SyncStandby is the operator's synchronization of the standby ("admin
// redundancy synchronize {boot-env|config}"): whatever the automatic
// synchronization is set to, the active's config files (and for the boot
// environment its images and boot choices) are copied to the standby. It
// returns the copy's number for SyncResult; the copy fails, with the
// alarm, when the standby's flash cannot take it.
func (c *Chassis) SyncStandby(kind SyncKind) (int, error) {
	a, s, err := c.standbyReady()
	if err != nil {
		return 0, err
	}
	if s.State != Standby {
		return 0, ErrNoStandby
	}
	d := c.Timings.ConfigSync
	if kind == SyncBootEnv {
		d = c.bootEnvDuration(a, s)
	}
	j := &syncJob{to: s, config: true}
	c.startSync(j, d, func() {
		if c.Active() != a {
			c.finishJob(j, ErrSyncAbort)
			return
		}
		if !c.writable(s, kind) {
			c.finishJob(j, ErrFlashFault)
			return
		}
		if kind == SyncBootEnv {
			c.copyBootEnv(a, s)
		} else {
			c.copyFiles(a, s)
		}
		c.synced(kind)
		c.finishJob(j, nil)
	})
	return j.n, nil
}

// LastSyncJob is the number of the most recent copy to the standby (0:
// none yet), so a command that may have started one (a save) can wait
// for it with SyncResult.
func (c *Chassis) LastSyncJob() int { return c.jobSeq }

// SyncResult reports whether copy n has finished, and how: nil when it
// reached the standby, ErrFlashFault, or ErrSyncAbort when it was dropped
// (the standby or the active went away).
func (c *Chassis) SyncResult(n int) (done bool, err error) {
	for _, j := range c.syncs {
		if j.n == n {
			return false, nil
		}
	}
	if err, ok := c.jobResults[n]; ok {
		return true, err
	}
	return true, ErrSyncAbort
}

// finishJob records how copy j ended (the last few are kept).
func (c *Chassis) finishJob(j *syncJob, err error) {
	if c.jobResults == nil {
		c.jobResults = map[int]error{}
	}
	c.jobResults[j.n] = err
	delete(c.jobResults, j.n-16)
	c.emit(Event{Kind: EvSync, Module: -1})
}

// ConfigInSync reports whether the standby holds the active's config
// files (and the choice of which one each flash boots with).
func (c *Chassis) ConfigInSync() bool {
	a, s, err := c.standbyReady()
	if err != nil || s.State != Standby {
		return false
	}
	return c.filesSame(a, s)
}

// BootEnvInSync reports whether the standby holds the active's whole boot
// environment: its images, boot choices and config files.
func (c *Chassis) BootEnvInSync() bool {
	a, s, err := c.standbyReady()
	if err != nil || s.State != Standby {
		return false
	}
	return c.filesSame(a, s) && a.DefaultBank == s.DefaultBank &&
		a.Flash[0].Same(s.Flash[0]) && a.Flash[1].Same(s.Flash[1])
}

func (c *Chassis) filesSame(a, s *Module) bool {
	if len(a.Configs) != len(s.Configs) || a.BankConfig != s.BankConfig {
		return false
	}
	for k, v := range a.Configs {
		if !v.Equal(s.Configs[k]) {
			return false
		}
	}
	return true
}

// flashImage is the image module m can boot from bank b: none when its
// flash card is out.
func (m *Module) flashImage(b Bank) *Image {
	if m.FlashFault == FlashRemoved {
		return nil
	}
	return m.Flash[b]
}

package model

import (
	"errors"
	"time"
)

// More errors of downloads and files.
var (
	ErrTransferAborted = errors.New("model: transfer aborted")
	ErrTFTPTimeout     = errors.New("model: TFTP server did not answer")
)

// syncJob is a copy from the active to the standby in progress.
type syncJob struct {
	n      int // its number (SyncResult)
	to     *Module
	gen    int
	config bool // config files (else an OS image)
	bank   Bank
	image  *Image
}

// Transfer is a software download into a module's flash.
type Transfer struct {
	Module  int // management module index
	Bank    Bank
	Image   *Image
	Server  string
	File    string
	Started time.Time
	Ends    time.Time
	Done    bool
	Err     error
	// Stage: the image goes to the module's staged files, not a bank;
	// Install: the transfer installs a staged image into Bank.
	Stage   bool
	Install bool
}

func (c *Chassis) syncTarget() *Module {
	a, s, err := c.standbyReady()
	if err != nil || a == nil || s.State != Standby {
		return nil
	}
	return s
}

// startSync copies something to the standby over d, then applies it.
func (c *Chassis) startSync(j *syncJob, d time.Duration, apply func()) {
	c.jobSeq++
	j.n = c.jobSeq
	j.gen = j.to.gen
	c.syncs = append(c.syncs, j)
	c.after(d, func() {
		if !c.removeSync(j) || j.to.gen != j.gen || !j.to.Present {
			return
		}
		apply()
		c.runAfterSync()
	})
}

func (c *Chassis) removeSync(j *syncJob) bool {
	for i, x := range c.syncs {
		if x == j {
			c.syncs = append(c.syncs[:i], c.syncs[i+1:]...)
			return true
		}
	}
	return false
}

// abortSyncs drops every copy in progress ("files being copied over at the
// time of the reset will be aborted") and the operations waiting on them.
//
// The operations that waited on them re-check the chassis on the next
// tick (most find their module no longer active and drop out).
func (c *Chassis) abortSyncs() {
	c.syncs = nil
	if len(c.afterSync) > 0 {
		c.after(0, c.runAfterSync)
	}
}

// The operations waiting on those copies run on the next tick, after the
// caller has finished changing the module, so each re-checks the chassis
// as it then is (a switchover does not go to a standby being pulled).
func (c *Chassis) abortSyncsTo(m *Module) {
	var keep []*syncJob
	for _, j := range c.syncs {
		if j.to != m {
			keep = append(keep, j)
		}
	}
	c.syncs = keep
	if len(c.syncs) == 0 && len(c.afterSync) > 0 {
		c.after(0, c.runAfterSync)
	}
}

// runAfterSync runs the operations that waited for file sync, once no
// copy is left.
func (c *Chassis) runAfterSync() {
	if len(c.syncs) > 0 {
		return
	}
	waiting := c.afterSync
	c.afterSync = nil
	for _, fn := range waiting {
		fn()
	}
}

// syncConfig sends the active's config files to the standby, where the
// vendor synchronizes them.
func (c *Chassis) syncConfig() {
	s := c.syncTarget()
	if s == nil || !c.Profile.configSync(c) {
		return
	}
	a := c.Active()
	kind, d := SyncConfig, c.Timings.ConfigSync
	if c.Profile.SaveSyncsImages && c.Profile.imageSync(c) {
		kind, d = SyncBootEnv, c.bootEnvDuration(a, s)
	}
	j := &syncJob{to: s, config: true}
	c.startSync(j, d, func() {
		switch {
		case c.Active() != a:
			c.finishJob(j, ErrSyncAbort)
		case !c.writable(s, kind):
			c.finishJob(j, ErrFlashFault)
		default:
			if kind == SyncBootEnv {
				c.copyBootEnv(a, s)
			} else {
				c.copyFiles(a, s)
			}
			c.synced(kind)
			c.finishJob(j, nil)
		}
	})
}

// syncImage sends one flash image to the standby's corresponding bank
// (Table 15-1).
func (c *Chassis) syncImage(b Bank) {
	s := c.syncTarget()
	if s == nil {
		return
	}
	a := c.Active()
	img := a.Flash[b].Clone()
	c.log(MsgOSSync, 0, b.String())
	var size int64
	if img != nil {
		size = img.Size
	}
	j := &syncJob{to: s, bank: b, image: img}
	c.startSync(j, c.rateDuration(size, c.Timings.OSSyncRate), func() {
		if !c.writable(s, SyncBootEnv) {
			c.finishJob(j, ErrFlashFault)
			return
		}
		s.Flash[b] = img
		c.touch()
		c.finishJob(j, nil)
	})
}

// WriteMemory saves the running config into the config file the active
// module boots with, and syncs the files to the standby.
func (c *Chassis) WriteMemory() error { return c.SaveConfig("") }

// SaveConfig saves the running config into a config file of the active
// module ("" = the one it boots with) and syncs the files to the standby.
func (c *Chassis) SaveConfig(file string) error {
	a := c.Active()
	if a == nil || c.Running == nil {
		return ErrNoActive
	}
	if file == "" {
		file = a.BankConfig[a.BootedBank]
	}
	cf := c.Running.Clone()
	cf.SavedAt = c.now
	if a.Running != nil {
		cf.SavedBy = a.Running.Version
	}
	a.Configs[file] = cf
	c.touch()
	c.syncConfig()
	return nil
}

// Download describes a software download into a module's flash bank.
type Download struct {
	// Module is the management module index; -1 is the active module.
	Module int
	Bank   Bank
	// Image is the file the server found (the caller reads the TFTP
	// stand-in); nil or Unreachable: the server does not answer.
	Image        *Image
	Server, File string
	Unreachable  bool
	// Stage keeps the downloaded image in the module's staged files, to
	// be installed into a bank later (StartInstall), instead of writing a
	// bank.
	Stage bool
}

// StartDownload begins a download ("copy tftp flash", "download image"):
// into the active module's flash (copied to the standby where the vendor
// synchronizes images) or into another running module's. The transfer
// ends on a timer with an EvTransfer event.
func (c *Chassis) StartDownload(d Download) (*Transfer, error) {
	a := c.Active()
	if a == nil {
		return nil, ErrNoActive
	}
	m := a
	if d.Module >= 0 {
		if m = c.Module(d.Module); m == nil {
			return nil, ErrNoSuchModule
		}
		if !m.takesTransfers() {
			return nil, ErrNotPresent
		}
	}
	if c.transfer != nil && !c.transfer.Done {
		return nil, ErrBusy
	}
	b, img := d.Bank, d.Image
	t := &Transfer{Module: c.Index(m), Bank: b, Image: img.Clone(), Server: d.Server, File: d.File, Started: c.now, Stage: d.Stage}
	if d.Unreachable || img == nil {
		c.transfer = t
		t.Ends = c.now.Add(c.Timings.TFTPTimeout)
		c.after(c.Timings.TFTPTimeout, func() {
			if c.transfer == t && !t.Done {
				c.finishTransfer(ErrTFTPTimeout)
			}
		})
		return t, nil
	}
	c.runTransfer(t, a, m, c.rateDuration(img.Size, c.Timings.TFTPRate), func() {
		if d.Stage {
			m.stage(t.Image.Clone())
			c.touch()
			c.finishTransfer(nil)
			return
		}
		m.Flash[b] = t.Image.Clone()
		c.touch()
		c.finishTransfer(nil)
		if m == a && c.Profile.imageSync(c) {
			c.syncImage(b)
		}
	})
	return t, nil
}

// takesTransfers: a module a download or an install may write to (in
// the chassis, running, neither booting nor taking over).
func (m *Module) takesTransfers() bool {
	return m.Present && m.Running != nil && m.State != Booting && m.State != TakingOver
}

// runTransfer makes t the chassis's transfer into module m and calls done
// after d, unless another transfer took its place or it was finished; a
// transfer whose module rebooted, or whose chassis changed its active
// module (a), under it ends aborted instead.
func (c *Chassis) runTransfer(t *Transfer, a, m *Module, d time.Duration, done func()) {
	c.transfer = t
	t.Ends = c.now.Add(d)
	gen := m.gen
	c.after(d, func() {
		if c.transfer != t || t.Done {
			return
		}
		if c.Active() != a || m.gen != gen {
			c.finishTransfer(ErrTransferAborted)
			return
		}
		done()
	})
}

func (c *Chassis) finishTransfer(err error) {
	c.transfer.Done = true
	c.transfer.Err = err
	c.emit(Event{Kind: EvTransfer, Module: c.ActiveIndex()})
}

// EraseFlash is "erase flash <bank>": the image goes from the active and,
// when the standby is in standby mode, from the standby too.
func (c *Chassis) EraseFlash(b Bank) error {
	a := c.Active()
	if a == nil {
		return ErrNoActive
	}
	if a.Flash[b] == nil {
		return ErrNoImage
	}
	a.Flash[b] = nil
	if s := c.syncTarget(); s != nil && c.Profile.imageSync(c) {
		s.Flash[b] = nil
	}
	c.touch()
	return nil
}

// SetDefaultBank is "boot set-default flash <bank>" ("use image"): the
// flash module i (-1: the active) boots from next. Where the vendor keeps
// one choice for both modules it is kept with the config files, so the
// standby gets it too.
func (c *Chassis) SetDefaultBank(i int, b Bank) error {
	a := c.Active()
	if a == nil {
		return ErrNoActive
	}
	m := a
	if i >= 0 {
		if m = c.Module(i); m == nil {
			return ErrNoSuchModule
		}
		if !m.Present {
			return ErrNotPresent
		}
	}
	m.DefaultBank = b
	if c.Profile.MirrorBootChoice && m == a {
		if s := c.syncTarget(); s != nil {
			s.DefaultBank = b
		}
	}
	c.touch()
	return nil
}

// SetStartupDefault is "startup-default [primary|secondary] config <file>":
// which config file a flash boots with (both flashes when bank is nil).
// The file must exist; the choice reaches the standby at once.
func (c *Chassis) SetStartupDefault(bank *Bank, file string) error {
	a := c.Active()
	if a == nil {
		return ErrNoActive
	}
	if a.Configs[file] == nil {
		return ErrNoSuchConfig
	}
	for b := Primary; b <= Secondary; b++ {
		if bank == nil || *bank == b {
			a.BankConfig[b] = file
		}
	}
	c.touch()
	c.syncConfig()
	return nil
}

// EraseConfig is "erase config <file>": the config file goes from the
// active module and, when the standby is in standby mode, from the standby
// too. A file a flash boots with cannot be erased this way.
func (c *Chassis) EraseConfig(file string) error {
	a := c.Active()
	if a == nil {
		return ErrNoActive
	}
	if a.Configs[file] == nil {
		return ErrNoSuchConfig
	}
	if a.BankConfig[Primary] == file || a.BankConfig[Secondary] == file {
		return ErrConfigInUse
	}
	delete(a.Configs, file)
	if s := c.syncTarget(); s != nil && c.Profile.configSync(c) {
		delete(s.Configs, file)
	}
	c.touch()
	return nil
}

// EraseStartup is "erase startup-config": the config file is replaced by
// the factory default on both modules, then the system reboots.
func (c *Chassis) EraseStartup(o Origin) error {
	a := c.Active()
	if a == nil {
		return ErrNoActive
	}
	f := c.factoryConfig()
	a.Configs[a.BankConfig[a.BootedBank]] = f.Clone()
	if s := c.syncTarget(); s != nil && c.Profile.configSync(c) {
		s.Configs[a.BankConfig[a.BootedBank]] = f.Clone()
	}
	c.rebootSystem(CauseEraseStartup, o, nil, false)
	return nil
}

// ClearCrypto is "clear crypto": the SSH host keys and the authorized
// client public keys are deleted from both modules; SSH stops working until
// keys are generated again.
func (c *Chassis) ClearCrypto() {
	c.HostKeys = 0
	c.Credentials.ManagerKeys = nil
	c.Credentials.OperatorKeys = nil
	c.touch()
}

// GenerateHostKey is "crypto key generate ssh".
func (c *Chassis) GenerateHostKey() { c.HostKeys++; c.touch() }

package exos

import (
	"errors"
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/exos"
)

// label is how EXOS names MSM i ("MSM-A").
func label(i int) string { return profile.ModuleLabel(i) }

// msmArg is the MSM "msm A|B" names, or -1.
func msmArg(x *ctx) int {
	switch {
	case !x.Has("msm"):
		return -1
	case x.Has("A"):
		return 0
	}
	return 1
}

// partitionArg is the partition named (primary/secondary), if any.
func partitionArg(x *ctx) (model.Bank, bool) {
	switch {
	case x.Has("primary"):
		return model.Primary, true
	case x.Has("secondary"):
		return model.Secondary, true
	}
	return 0, false
}

// target is an MSM a download or install goes to, and its partition.
type target struct {
	module int
	bank   model.Bank
}

// targets are the MSMs named (msm A|B) or, without msm, every running
// one, the master first; each with the partition named, the one it runs
// ("active") or the other one ("inactive", the default). A partition an
// MSM runs cannot be installed to.
func (x *ctx) targets(c *model.Chassis) ([]target, error) {
	var mods []int
	if i := msmArg(x); i >= 0 {
		m := c.Module(i)
		if m == nil || !m.Present || m.Running == nil || m.State == model.Booting || m.State == model.TakingOver {
			return nil, fmt.Errorf(tx.NotPresent, label(i))
		}
		mods = []int{i}
	} else {
		a := c.ActiveIndex()
		mods = []int{a}
		if o := c.Other(c.Active()); o != nil && o.Present && o.Running != nil && o.State.Ready() {
			mods = append(mods, c.Index(o))
		}
	}
	var out []target
	for _, i := range mods {
		m := c.Module(i)
		b, named := partitionArg(x)
		switch {
		case named:
		case x.Has("active"):
			b = m.BootedBank
		default:
			b = m.BootedBank.Other()
		}
		if b == m.BootedBank {
			return nil, errors.New(tx.NonActive)
		}
		out = append(out, target{i, b})
	}
	return out, nil
}

// dots is the progress of a transfer of size bytes, one dot per step.
func dots(size, step int64) string {
	n := size / step
	if n < 1 {
		n = 1
	}
	return strings.Repeat(".", int(n))
}

// wait waits for a transfer to end and returns its error.
func (x *ctx) wait(tr *model.Transfer) error {
	if err := x.T.Wait(func(*model.Chassis) bool { return tr.Done }); err != nil {
		return err
	}
	var err error
	x.View(func(*model.Chassis) { err = tr.Err })
	return err
}

// downloadImage is "download image": the service contract, the install
// question, then per MSM the download and (on y) the install into its
// inactive partition, which becomes the selected one.
func downloadImage(x *ctx) error {
	expired := false
	var tgs []target
	var terr error
	x.View(func(c *model.Chassis) {
		expired = c.Options["service-contract"] == "expired"
		if !expired {
			tgs, terr = x.targets(c)
		}
	})
	if expired {
		return x.Fail(tx.ContractExpired)
	}
	if terr != nil {
		return x.Fail(terr.Error())
	}
	a, err := x.ask(tx.InstallQuestion, true)
	if err != nil || a == commands.Cancel {
		return err
	}
	install := a == commands.Yes
	server, file := x.Value("HOST"), x.Value("FILE")
	img, ferr := x.S.Host.TFTP(server, file)
	unreachable := errors.Is(ferr, commands.ErrTFTPUnreachable)
	switch {
	case errors.Is(ferr, commands.ErrTFTPNotFound), errors.Is(ferr, commands.ErrTFTPUnreadable):
		return x.Fail(fmt.Sprintf(tx.FileNotFound, file, server))
	case ferr != nil && !unreachable, img != nil && img.Platform != profile.Platform:
		return x.Fail(fmt.Sprintf(tx.NotAnImage, file))
	}
	x.Print("\n")
	for _, tg := range tgs {
		x.Print(fmt.Sprintf(tx.Downloading, label(tg.module)))
		var tr *model.Transfer
		err := x.Do(func(c *model.Chassis) error {
			var err error
			tr, err = c.StartDownload(model.Download{Module: tg.module, Bank: tg.bank, Image: img,
				Server: server, File: file, Unreachable: unreachable, Stage: true})
			return err
		})
		if err == nil {
			err = x.wait(tr)
		}
		if err != nil {
			x.Print("\n")
			return x.transferError(err, server, tg.module)
		}
		x.Print(dots(img.Size, 640*1024) + "\n")
		x.Do(func(c *model.Chassis) error { x.log(c, tx.LogDownload, file, label(tg.module)); return nil })
		if install {
			if err := x.install(tg, file, img.Size); err != nil {
				return err
			}
		}
	}
	return nil
}

// transferError prints why a download or install did not finish.
func (x *ctx) transferError(err error, server string, module int) error {
	switch {
	case errors.Is(err, commands.ErrInterrupted):
		return err
	case errors.Is(err, model.ErrTFTPTimeout):
		return x.Fail(fmt.Sprintf(tx.ServerTimeout, server))
	case errors.Is(err, model.ErrBusy):
		return x.Fail(tx.TransferBusy)
	case errors.Is(err, model.ErrNotPresent), errors.Is(err, model.ErrNoSuchModule):
		return x.Fail(fmt.Sprintf(tx.NotPresent, label(module)))
	case errors.Is(err, model.ErrBootedBank):
		return x.Fail(tx.NonActive)
	}
	return x.Fail(tx.Aborted)
}

// install installs a staged image into an MSM's partition.
func (x *ctx) install(tg target, file string, size int64) error {
	x.Print(fmt.Sprintf(tx.InstallingTo, tg.bank) + "\n\n" + fmt.Sprintf(tx.Installing, label(tg.module)))
	var tr *model.Transfer
	var version string
	err := x.Do(func(c *model.Chassis) error {
		var err error
		if im := c.Module(tg.module).StagedImage(file); im != nil {
			version = im.Version
		}
		tr, err = c.StartInstall(tg.module, file, tg.bank)
		return err
	})
	if err == nil {
		err = x.wait(tr)
	}
	if err != nil {
		x.Print("\n")
		return x.transferError(err, "", tg.module)
	}
	x.Print(dots(size, 224*1024) + "\n" + tx.Installed + "\n" + tx.AfterReboot + "\n")
	x.Do(func(c *model.Chassis) error {
		x.log(c, tx.LogInstall, version, tg.bank, label(tg.module))
		return nil
	})
	return nil
}

// installImage is "install image": a downloaded image into the inactive
// (or named) partition of the MSMs.
func installImage(x *ctx) error {
	file := x.Value("FILE")
	var tgs []target
	var terr error
	missing := -1
	var size int64
	x.View(func(c *model.Chassis) {
		if tgs, terr = x.targets(c); terr != nil {
			return
		}
		for _, tg := range tgs {
			im := c.Module(tg.module).StagedImage(file)
			if im == nil {
				missing = tg.module
				return
			}
			size = im.Size
		}
	})
	switch {
	case terr != nil:
		return x.Fail(terr.Error())
	case missing >= 0:
		return x.Fail(fmt.Sprintf(tx.NoStagedFile, file, label(missing)))
	}
	for _, tg := range tgs {
		if err := x.install(tg, file, size); err != nil {
			return err
		}
	}
	return nil
}

// useImage selects the partition an MSM (without msm: both) boots next.
func useImage(x *ctx) error {
	b, _ := partitionArg(x)
	var msg string
	err := x.Do(func(c *model.Chassis) error {
		mods := []int{msmArg(x)}
		if mods[0] < 0 {
			mods = nil
			for i, m := range c.Modules {
				if m.Present {
					mods = append(mods, i)
				}
			}
		}
		for _, i := range mods {
			m := c.Module(i)
			if !m.Present {
				msg = fmt.Sprintf(tx.NotPresent, label(i))
				return errShown
			}
			if m.Flash[b] == nil {
				msg = fmt.Sprintf(tx.EmptyPartition, b, label(i))
				return errShown
			}
		}
		for _, i := range mods {
			if err := c.SetDefaultBank(i, b); err != nil {
				return err
			}
			x.log(c, tx.LogUseImage, label(i), b)
		}
		return nil
	})
	if msg != "" {
		return x.Fail(msg)
	}
	return err
}

// reboot is "reboot": the switch, or one MSM. Rebooting the backup leaves
// the master forwarding; rebooting the master fails over to a backup
// that can take over.
func reboot(x *ctx) error {
	i := msmArg(x)
	if i < 0 {
		return rebootSwitch(x)
	}
	present, isMaster := false, false
	x.View(func(c *model.Chassis) {
		m := c.Module(i)
		present = m != nil && m.Present
		isMaster = c.ActiveIndex() == i
	})
	if !present {
		return x.Fail(fmt.Sprintf(tx.NotPresent, label(i)))
	}
	ok, err := x.yes(fmt.Sprintf(tx.RebootMSMQuestion, label(i)))
	if err != nil || !ok {
		return err
	}
	o := x.S.Origin()
	err = x.Do(func(c *model.Chassis) error {
		x.log(c, tx.LogRebootMSM, label(i), x.S.User)
		if isMaster {
			return c.Boot(o)
		}
		return c.BootStandby(o)
	})
	if err != nil {
		return err
	}
	if isMaster {
		return x.untilOver()
	}
	return nil
}

// rebootSwitch reboots both MSMs, offering to save first.
func rebootSwitch(x *ctx) error {
	unsaved := false
	file := ""
	x.View(func(c *model.Chassis) { unsaved, file = c.Unsaved(), selectedConfig(c) })
	if unsaved {
		a, err := x.ask(fmt.Sprintf(tx.RebootSave, file), true)
		if err != nil || a == commands.Cancel {
			return err
		}
		if a == commands.Yes {
			if err := x.save(file); err != nil {
				return err
			}
		}
	} else {
		ok, err := x.yes(tx.RebootQuestion)
		if err != nil || !ok {
			return err
		}
	}
	return x.Do(func(c *model.Chassis) error { return c.BootSystem(x.S.Origin(), nil) })
}

// untilOver waits while a failover waits on file synchronization: the
// session ends when this MSM stops being the master.
func (x *ctx) untilOver() error {
	return x.T.Wait(func(c *model.Chassis) bool {
		return !c.Pending() || c.ActiveIndex() != x.S.Module
	})
}

// synchronize copies the master's images and configuration to the backup
// and reboots it, offering to save unsaved changes first.
func synchronize(x *ctx) error {
	can, unsaved := false, false
	file := ""
	x.View(func(c *model.Chassis) {
		can = c.CanSwitchover()
		unsaved, file = c.Unsaved(), selectedConfig(c)
	})
	if !can {
		return x.Fail(tx.NoSyncBackup)
	}
	if unsaved {
		a, err := x.ask(fmt.Sprintf(tx.SyncQuestion, file), false)
		if err != nil {
			return err
		}
		if a == commands.Yes {
			if err := x.Do(func(c *model.Chassis) error {
				x.log(c, tx.LogSaved, file)
				return c.SaveConfig(file)
			}); err != nil {
				return err
			}
			x.Print(tx.SyncSaving + "\n")
		}
	}
	err := x.Do(func(c *model.Chassis) error {
		x.log(c, tx.LogSync)
		return c.Synchronize(x.S.Origin())
	})
	if errors.Is(err, model.ErrNoStandby) {
		return x.Fail(tx.NoSyncBackup)
	}
	if err != nil {
		return err
	}
	x.Print(tx.SyncDone + "\n")
	return nil
}

// failover is "run msm-failover {force}": refused without a backup that
// can take over, or (without force) one that is not in sync; the I/O
// version check warns before a failover that is not hitless.
func failover(x *ctx) error {
	force := x.Has("force")
	var check error
	inSync := false
	io := model.IOSame
	x.View(func(c *model.Chassis) {
		check = c.SwitchoverCheck()
		inSync = c.StandbyInSync()
		io = c.SwitchoverIO()
	})
	switch {
	case check != nil:
		return x.Fail(tx.NoBackup)
	case !force && !inSync:
		return x.Fail(tx.NotInSync)
	}
	var a commands.Answer
	var err error
	switch io {
	case model.IOReset:
		x.Print(tx.IOWarning)
		a, err = x.ask(tx.IOQuestion, false)
	case model.IOReduced:
		x.Print(tx.ReducedWarning)
		a, err = x.ask(tx.IOQuestion, false)
	default:
		a, err = x.ask(tx.FailoverQuestion, false)
	}
	if err != nil || a != commands.Yes {
		return err
	}
	o := x.S.Origin()
	err = x.Do(func(c *model.Chassis) error {
		var err error
		if force {
			err = c.ForceSwitchover(o)
		} else {
			err = c.Switchover(o)
		}
		if err == nil {
			x.log(c, tx.LogFailover, x.S.User, io)
		}
		return err
	})
	if err != nil {
		return x.Fail(tx.NoBackup)
	}
	return x.untilOver()
}

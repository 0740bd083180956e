package procurve

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// Show commands: rendered under the lock, printed after.

func showRedundancy(x *ctx) error { return x.Render(ShowRedundancy) }
func showVersion(x *ctx) error    { return x.Render(ShowVersion) }
func showModules(x *ctx) error    { return x.Render(ShowModules) }
func showSystem(x *ctx) error     { return x.Render(ShowSystem) }
func showVLANs(x *ctx) error      { return x.Render(ShowVLANs) }
func showBootHistory(x *ctx) error {
	return x.Render(ShowBootHistory)
}

func showFlash(x *ctx) error {
	return x.Render(func(c *model.Chassis) string { return ShowFlash(c, x.S.Module) })
}

func showLog(x *ctx) error {
	all, rev := x.M.Has("-a"), x.M.Has("-r")
	return x.Render(func(c *model.Chassis) string { return ShowLog(c, all, rev) })
}

func showRunning(x *ctx) error {
	return x.Render(func(c *model.Chassis) string { return ConfigText(c, c.Running, false) })
}

func showConfig(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		var cf *model.Config
		if a := c.Active(); a != nil {
			cf = a.Startup()
		}
		return ConfigText(c, cf, true)
	})
}

func showInterfaces(x *ctx) error {
	if x.M.Has("brief") {
		return x.Render(ShowInterfacesBrief)
	}
	return x.Render(ShowInterfaces)
}

// Standby console commands.

// standbyRedundancy is show redundancy on the standby console. An
// offline module (redundancy disabled) takes no part in redundancy and
// knows nothing of the other module: it says that redundancy is
// disabled, in the words the active's show version uses for it (15-17).
func standbyRedundancy(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		if m := c.Module(x.S.Module); m != nil && m.State == model.Offline {
			return strings.TrimPrefix(fmt.Sprintf(tx.OfflineIdle, m.Slot), "\n")
		}
		return ShowRedundancyOn(c, x.S.Module)
	})
}
func standbyVersion(x *ctx) error {
	return x.Render(func(c *model.Chassis) string { return ShowVersionStandby(c, x.S.Module) })
}
func standbyFlash(x *ctx) error {
	return x.Render(func(c *model.Chassis) string { return ShowFlash(c, x.S.Module) })
}

// Session commands.

func enable(x *ctx) error {
	var cr model.Credentials
	x.View(func(c *model.Chassis) { cr = c.Credentials })
	if cr.ManagerPassword != "" {
		user, err := x.T.ReadLine(tx.EnableUser, true)
		if err != nil {
			return abandoned(err)
		}
		pass, err := x.T.ReadLine(tx.EnablePassword, false)
		if err != nil {
			return abandoned(err)
		}
		if user != cr.ManagerUser || pass != cr.ManagerPassword {
			return x.Fail(tx.BadPassword)
		}
	}
	x.S.Manager = true
	x.sh.enabled = true
	return nil
}

func configure(x *ctx) error {
	x.sh.mode = modeConfig
	x.sh.context = ""
	return nil
}

func exit(x *ctx) error {
	switch x.sh.mode {
	case modeVLAN, modeIface:
		x.sh.mode, x.sh.context = modeConfig, ""
		return nil
	case modeConfig:
		x.sh.mode = modeExec
		return nil
	}
	if x.S.Manager && x.sh.enabled {
		x.S.Manager, x.sh.enabled = false, false
		return nil
	}
	return logout(x)
}

func end(x *ctx) error {
	x.sh.mode, x.sh.context = modeExec, ""
	return nil
}

// logout asks to log out, then (if the running config is unsaved) to
// save it; ^C at the save question returns to the prompt.
func logout(x *ctx) error {
	ok, err := x.yes(tx.LogoutQuestion)
	if err != nil || !ok {
		return err
	}
	unsaved := false
	x.View(func(c *model.Chassis) { unsaved = c.Unsaved() })
	if unsaved && x.S.Manager {
		a, err := x.T.Confirm(tx.SaveOnLogout, true)
		if err != nil {
			return err
		}
		switch a {
		case commands.Cancel:
			return nil
		case commands.Yes:
			if err := x.Do(func(c *model.Chassis) error { return c.WriteMemory() }); err != nil {
				return err
			}
		}
	}
	return commands.ErrLogout
}

func page(x *ctx) error   { x.S.Paging = true; return nil }
func noPage(x *ctx) error { x.S.Paging = false; return nil }

func terminalLength(x *ctx) error {
	n, _ := strconv.Atoi(x.Value("LINES"))
	x.S.Height = n
	return nil
}

func terminalWidth(x *ctx) error {
	n, _ := strconv.Atoi(x.Value("COLUMNS"))
	x.S.Width = n
	return nil
}

func kill(x *ctx) error {
	x.S.Host.KillOthers(x.S)
	return nil
}

// Files and images.

func writeMemory(x *ctx) error {
	return x.Do(func(c *model.Chassis) error { return c.WriteMemory() })
}

func chosenBank(x *ctx) model.Bank {
	if x.M.Has("secondary") {
		return model.Secondary
	}
	return model.Primary
}

func eraseStartup(x *ctx) error {
	ok, err := x.yes(tx.EraseStartupQuestion)
	if err != nil || !ok {
		return err
	}
	return x.Do(func(c *model.Chassis) error { return c.EraseStartup(x.S.Origin()) })
}

func eraseConfig(x *ctx) error {
	file := x.Value("FILENAME")
	err := x.Do(func(c *model.Chassis) error { return c.EraseConfig(file) })
	switch {
	case errors.Is(err, model.ErrNoSuchConfig):
		return x.Fail(fmt.Sprintf(tx.ConfigNotFound, file))
	case errors.Is(err, model.ErrConfigInUse):
		return x.Fail(fmt.Sprintf(tx.ConfigInUse, file))
	}
	return err
}

func eraseFlash(x *ctx) error {
	b := chosenBank(x)
	empty := false
	x.View(func(c *model.Chassis) { empty = c.Active().Flash[b] == nil })
	if empty {
		return x.Fail(fmt.Sprintf(tx.NoImage, bankName(b)))
	}
	ok, err := x.yes(fmt.Sprintf(tx.DeleteImageQuestion, bankName(b)))
	if err != nil || !ok {
		return err
	}
	return x.Do(func(c *model.Chassis) error { return c.EraseFlash(b) })
}

// copyTFTPFlash is "copy tftp flash": the question, the download from
// the TFTP stand-in (on the model's clock), the counter and the
// validation message, then the sync to the standby runs in the
// background.
func copyTFTPFlash(x *ctx) error {
	b := chosenBank(x)
	server, file := x.Value("IP-ADDR"), x.Value("FILENAME")
	ok, err := x.yes(fmt.Sprintf(tx.DeleteImageQuestion, bankName(b)))
	if err != nil || !ok {
		return err
	}
	img, ferr := x.S.Host.TFTP(server, file)
	unreachable := errors.Is(ferr, commands.ErrTFTPUnreachable)
	switch {
	case errors.Is(ferr, commands.ErrTFTPNotFound):
		return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + tx.TFTPNotFound)
	case errors.Is(ferr, commands.ErrTFTPUnreadable):
		return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + tx.TFTPAccess)
	case errors.Is(ferr, commands.ErrTFTPBadImage):
		return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + tx.TFTPBadImage)
	case ferr != nil && !unreachable:
		return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + tx.TFTPAccess)
	}
	var tr *model.Transfer
	err = x.Do(func(c *model.Chassis) error {
		var err error
		tr, err = c.StartDownload(model.Download{Module: -1, Bank: b, Image: img, Server: server, File: file, Unreachable: unreachable})
		return err
	})
	if errors.Is(err, model.ErrBusy) {
		return x.Fail(tx.TransferBusy)
	}
	if err != nil {
		return err
	}
	if err := x.T.Wait(func(*model.Chassis) bool { return tr.Done }); err != nil {
		return err
	}
	var terr error
	x.View(func(*model.Chassis) { terr = tr.Err })
	if terr != nil {
		return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + tx.TFTPTimeout)
	}
	x.Print(fmt.Sprintf(tx.DownloadCounter, img.Size/1024) + "\n" + tx.Validating + "\n")
	return nil
}

func copyCrash(x *ctx) error {
	slot := strings.ToLower(x.Value("SLOT-ID"))
	data := x.M.Has("crash-data")
	var text string
	x.View(func(c *model.Chassis) { text = CrashLog(c, slot, data) })
	if err := x.S.Host.TFTPPut(x.Value("IP-ADDR"), x.Value("FILENAME"), []byte(text)); err != nil {
		if errors.Is(err, commands.ErrTFTPUnreachable) {
			return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + tx.TFTPTimeout)
		}
		return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + tx.TFTPAccess)
	}
	return nil
}

// Boot and reload.

// saveFirst asks whether to save an unsaved running config before a
// reboot and saves it on y.
func saveFirst(x *ctx) error {
	unsaved := false
	x.View(func(c *model.Chassis) { unsaved = c.Unsaved() })
	if !unsaved {
		return nil
	}
	ok, err := x.yes(tx.SaveOnReboot)
	if err != nil || !ok {
		return err
	}
	return x.Do(func(c *model.Chassis) error { return c.WriteMemory() })
}

func boot(x *ctx) error {
	var plan model.BootPlan
	x.View(func(c *model.Chassis) { plan = c.PlanBoot() })
	var q string
	switch {
	case plan.Switchover:
		q = fmt.Sprintf(tx.SwitchoverQuestion, plan.Bank)
	case plan.OtherPresent:
		q = fmt.Sprintf(tx.BootNotStandby, plan.Bank)
	default:
		q = fmt.Sprintf(tx.BootSystemQuestion, plan.Bank)
	}
	ok, err := x.yes(q)
	if err != nil || !ok {
		return err
	}
	if err := saveFirst(x); err != nil {
		return err
	}
	if err := x.Do(func(c *model.Chassis) error { return c.Boot(x.S.Origin()) }); err != nil {
		return err
	}
	return x.untilOver()
}

// untilOver waits while a switchover asked for waits on file
// synchronization: the command does not return; the session ends when
// this module stops being active.
func (x *ctx) untilOver() error {
	return x.T.Wait(func(c *model.Chassis) bool {
		return !c.Pending() || c.ActiveIndex() != x.S.Module
	})
}

func bootStandby(x *ctx) error {
	err := x.Do(func(c *model.Chassis) error { return c.BootStandby(x.S.Origin()) })
	if errors.Is(err, model.ErrNotPresent) {
		return x.Fail(tx.StandbyNotPresent)
	}
	return err
}

func bootSystem(x *ctx) error {
	var bank model.Bank
	var forced *model.Bank
	x.View(func(c *model.Chassis) { bank = c.Active().DefaultBank })
	if x.M.Has("flash") {
		b := chosenBank(x)
		bank, forced = b, &b
	}
	ok, err := x.yes(fmt.Sprintf(tx.BootSystemQuestion, bank))
	if err != nil || !ok {
		return err
	}
	if err := saveFirst(x); err != nil {
		return err
	}
	err = x.Do(func(c *model.Chassis) error { return c.BootSystem(x.S.Origin(), forced) })
	if errors.Is(err, model.ErrNoImage) {
		return x.Fail(fmt.Sprintf(tx.NoImage, bankName(bank)))
	}
	return err
}

func bootSetDefault(x *ctx) error {
	b := chosenBank(x)
	ok, err := x.yes(fmt.Sprintf(tx.SetDefaultQuestion, b, b))
	if err != nil || !ok {
		return err
	}
	return x.Do(func(c *model.Chassis) error { return c.SetDefaultBank(-1, b) })
}

func reload(x *ctx) error {
	var plan model.BootPlan
	x.View(func(c *model.Chassis) { plan = c.PlanBoot() })
	q := tx.ReloadQuestion
	if plan.Switchover {
		q = tx.ReloadSwitchoverQuestion
	}
	ok, err := x.yes(q)
	if err != nil || !ok {
		return err
	}
	if err := saveFirst(x); err != nil {
		return err
	}
	if err := x.Do(func(c *model.Chassis) error { return c.Reload(x.S.Origin()) }); err != nil {
		return err
	}
	return x.untilOver()
}

// parseDelay reads [[DD:]HH:]MM.
func parseDelay(s string) (time.Duration, bool) {
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, false
	}
	units := []time.Duration{time.Minute, time.Hour, 24 * time.Hour}
	var d time.Duration
	for i := range parts {
		n, err := strconv.Atoi(parts[len(parts)-1-i])
		if err != nil || n < 0 {
			return 0, false
		}
		d += time.Duration(n) * units[i]
	}
	return d, d > 0
}

func reloadAfter(x *ctx) error {
	d, ok := parseDelay(x.Value("TIME"))
	if !ok {
		return x.Fail(fmt.Sprintf(tx.InvalidInput, x.Value("TIME")))
	}
	return x.Do(func(c *model.Chassis) error { return c.ScheduleReload(c.Now().Add(d), x.S.Origin()) })
}

func reloadAt(x *ctx) error {
	tm, date := x.Value("TIME"), x.Value("DATE")
	var at time.Time
	err := x.Do(func(c *model.Chassis) error {
		now := c.Now()
		clock, err := time.Parse("15:04:05", tm)
		if err != nil {
			if clock, err = time.Parse("15:04", tm); err != nil {
				return err
			}
		}
		y, mo, d := now.Date()
		if date != "" {
			var dt time.Time
			for _, f := range []string{"01/02/2006", "01/02/06", "01/02"} {
				if dt, err = time.Parse(f, date); err == nil {
					if f == "01/02" {
						dt = dt.AddDate(y-dt.Year(), 0, 0)
					}
					break
				}
			}
			if err != nil {
				return err
			}
			y, mo, d = dt.Date()
		}
		at = time.Date(y, mo, d, clock.Hour(), clock.Minute(), clock.Second(), 0, now.Location())
		if date == "" && !at.After(now) {
			at = at.AddDate(0, 0, 1)
		}
		return c.ScheduleReload(at, x.S.Origin())
	})
	if err != nil && !errors.Is(err, model.ErrNoActive) {
		return x.Fail(fmt.Sprintf(tx.InvalidInput, tm))
	}
	return err
}

func noReload(x *ctx) error {
	err := x.Do(func(c *model.Chassis) error { return c.CancelReload() })
	if errors.Is(err, model.ErrReloadPending) {
		return x.Fail(tx.NoReload)
	}
	return err
}

// Redundancy.

func switchover(x *ctx) error {
	can := false
	var bank model.Bank
	x.View(func(c *model.Chassis) {
		can = c.CanSwitchover()
		if a := c.Active(); a != nil {
			bank = a.DefaultBank
		}
	})
	if !can {
		return x.Fail(tx.NoStandby)
	}
	ok, err := x.yes(fmt.Sprintf(tx.SwitchoverQuestion, bank))
	if err != nil || !ok {
		return err
	}
	err = x.Do(func(c *model.Chassis) error { return c.Switchover(x.S.Origin()) })
	if errors.Is(err, model.ErrNoStandby) {
		return x.Fail(tx.NoStandby)
	}
	if err != nil {
		return err
	}
	return x.untilOver()
}

func redundancyManagement(x *ctx) error {
	enable := !x.M.Has("no")
	q := tx.EnableRedundancyQuestion
	if !enable {
		q = tx.DisableRedundancyQuestion
	}
	var already bool
	x.View(func(c *model.Chassis) { already = c.RedundancyEnabled() == enable })
	if already {
		return nil
	}
	ok, err := x.yes(q)
	if err != nil || !ok {
		return err
	}
	return x.Do(func(c *model.Chassis) error { return c.SetRedundancy(enable) })
}

func activeManagement(x *ctx) error {
	target, label := model.NextActiveStandby, "standby"
	switch {
	case x.M.Has("management-module1"):
		target, label = 0, moduleLabel(0)
	case x.M.Has("management-module2"):
		target, label = 1, moduleLabel(1)
	}
	disabled := false
	chosen := -1
	err := x.Do(func(c *model.Chassis) error {
		disabled = !c.RedundancyEnabled()
		var err error
		chosen, err = c.SetNextActive(target)
		return err
	})
	if errors.Is(err, model.ErrTargetNotReady) || errors.Is(err, model.ErrNoSuchModule) {
		return x.Fail(fmt.Sprintf(tx.TargetNotReady, label))
	}
	if err != nil {
		return err
	}
	x.Print(fmt.Sprintf(tx.NextActive, label) + "\n")
	// the other module has not been synchronized while redundancy was
	// disabled ("You are warned that you may not be using current
	// configurations")
	if disabled && chosen != x.S.Module {
		x.Print(tx.NextActiveUnsynced + "\n")
	}
	return nil
}

func fabricModule(x *ctx) error {
	n, _ := strconv.Atoi(x.Value("FABRIC"))
	err := x.Do(func(c *model.Chassis) error { return c.SetFabric(n, x.M.Has("enable")) })
	if errors.Is(err, model.ErrBothFabrics) {
		return x.Fail(tx.FabricBoth)
	}
	return err
}

// chassisLocate lights the locator LED; a switchover turns it off.
func chassisLocate(x *ctx) error {
	mode := "blink"
	switch {
	case x.M.Has("on"):
		mode = "on"
	case x.M.Has("off"):
		mode = "off"
	}
	mins := 30
	if v, ok := x.M.Value("MINUTES"); ok {
		mins, _ = strconv.Atoi(v)
	}
	return x.Do(func(c *model.Chassis) error {
		c.Locate(mode, time.Duration(mins)*time.Minute)
		return nil
	})
}

func clearCrypto(x *ctx) error {
	return x.Do(func(c *model.Chassis) error { c.ClearCrypto(); return nil })
}

func cryptoGenerate(x *ctx) error {
	return x.Do(func(c *model.Chassis) error { c.GenerateHostKey(); return nil })
}

package sros

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/sros"
)

// configure changes the running config, all or nothing.
func (x *ctx) configure(fn func(c *model.Chassis, cf *model.Config) error) error {
	return x.Do(func(c *model.Chassis) error {
		return c.Configure(func(cf *model.Config) error { return fn(c, cf) })
	})
}

// Globals.

func back(x *ctx) error { x.sh.path.Back(); return nil }

func exit(x *ctx) error {
	if x.Has("all") {
		x.sh.path.Root()
		return nil
	}
	if !x.sh.path.Exit() {
		return commands.ErrLogout
	}
	return nil
}

func logout(*ctx) error { return commands.ErrLogout }

func info(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		if c.Running == nil {
			return ""
		}
		return infoText(c, c.Running, &x.sh.path)
	})
}

func enableAdmin(x *ctx) error { x.Print(tx.AlreadyAdmin + "\n"); return nil }

// environment

func envMore(x *ctx) error { x.S.Paging = true; return nil }

func envNo(x *ctx) error {
	if x.Has("more") {
		x.S.Paging = false
	} else {
		x.sh.savedInd = false
	}
	return nil
}

func envSavedInd(x *ctx) error { x.sh.savedInd = true; return nil }

func envLength(x *ctx) error {
	n, _ := strconv.Atoi(x.val("LINES"))
	x.S.Height = n
	return nil
}

func envWidth(x *ctx) error {
	n, _ := strconv.Atoi(x.val("COLUMNS"))
	x.S.Width = n
	return nil
}

// configure system

func setName(x *ctx) error {
	name := x.val("NAME")
	return x.configure(func(_ *model.Chassis, cf *model.Config) error { cf.Hostname = name; return nil })
}

func setContact(x *ctx) error {
	v := x.val("TEXT")
	return x.configure(func(_ *model.Chassis, cf *model.Config) error { cf.Contact = v; return nil })
}

func setLocation(x *ctx) error {
	v := x.val("TEXT")
	return x.configure(func(_ *model.Chassis, cf *model.Config) error { cf.Location = v; return nil })
}

func noSystemText(x *ctx) error {
	contact := x.Has("contact")
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		if contact {
			cf.Contact = ""
		} else {
			cf.Location = ""
		}
		return nil
	})
}

// configure redundancy

func setSync(x *ctx) error {
	mode := syncConfig
	if x.Has("boot-env") {
		mode = syncBootEnv
	}
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		red := child(&cf.Tree, "redundancy", true)
		remove(&red.Kids, "no synchronize")
		if mode == syncBootEnv {
			// the default: the config file does not write it
			remove(&red.Kids, "synchronize")
		} else {
			setLeaf(&red.Kids, "synchronize", mode)
		}
		if len(red.Kids) == 0 {
			remove(&cf.Tree, "redundancy")
		}
		return nil
	})
}

func noSync(x *ctx) error {
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		red := child(&cf.Tree, "redundancy", true)
		remove(&red.Kids, "synchronize")
		setLeaf(&red.Kids, "no synchronize", "")
		return nil
	})
}

// configure card, port, router interface

func enterCard(x *ctx) (bool, error) {
	slot := x.val("SLOT")
	ok := false
	x.View(func(c *model.Chassis) {
		s := c.Slot(slot)
		ok = s != nil && s.Present
	})
	if !ok {
		return false, x.Fail(fmt.Sprintf(tx.CardNotProvisioned, slot))
	}
	return false, nil
}

func enterMDA(x *ctx) (bool, error) {
	slot, mda := x.val("SLOT"), x.val("MDA")
	n, _ := strconv.Atoi(mda)
	ok := false
	x.View(func(c *model.Chassis) {
		if s := c.Slot(slot); s != nil && s.Present {
			ok = n <= len(mdas(s))
		}
	})
	if !ok {
		return false, x.Fail(fmt.Sprintf(tx.MDANotProvisioned, slot, n))
	}
	return false, nil
}

// portExists reports whether the chassis has the port: an IOM port or a
// CPM's management port.
func portExists(c *model.Chassis, port string) bool {
	if port == "A/1" || port == "B/1" {
		return true
	}
	return c.HasPort(port)
}

func enterPort(x *ctx) (bool, error) {
	port := x.val("PORT")
	ok := false
	x.View(func(c *model.Chassis) { ok = portExists(c, port) })
	if !ok {
		return false, x.Fail(fmt.Sprintf(tx.InvalidPort, port))
	}
	return false, nil
}

// portStmt changes a port's statement (created when missing).
func (x *ctx) portStmt(fn func(kids *[]*model.Stmt)) error {
	key := portKey(x.val("PORT"))
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		fn(&child(&cf.Tree, key, true).Kids)
		return nil
	})
}

func portDescription(x *ctx) error {
	d := x.val("TEXT")
	return x.portStmt(func(k *[]*model.Stmt) { setLeaf(k, "description", d) })
}

func portNoDescription(x *ctx) error {
	return x.portStmt(func(k *[]*model.Stmt) { remove(k, "description") })
}

func portShutdown(x *ctx) error {
	return x.portStmt(func(k *[]*model.Stmt) { remove(k, "no shutdown") })
}

func portNoShutdown(x *ctx) error {
	return x.portStmt(func(k *[]*model.Stmt) { setLeaf(k, "no shutdown", "") })
}

// enterIface creates the interface when it does not exist: the prompt
// then ends in "$".
func enterIface(x *ctx) (bool, error) {
	key := ifaceKey(x.val("NAME"))
	created := false
	err := x.configure(func(_ *model.Chassis, cf *model.Config) error {
		r := child(&cf.Tree, "router", true)
		if child(&r.Kids, key, false) == nil {
			child(&r.Kids, key, true)
			created = true
		}
		return nil
	})
	return created, err
}

// ifaceStmt changes an existing interface's statement.
func (x *ctx) ifaceStmt(fn func(kids *[]*model.Stmt)) error {
	key := ifaceKey(x.val("NAME"))
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		r := child(&cf.Tree, "router", true)
		fn(&child(&r.Kids, key, true).Kids)
		return nil
	})
}

func ifaceAddress(x *ctx) error {
	a := x.val("PREFIX")
	return x.ifaceStmt(func(k *[]*model.Stmt) { setLeaf(k, "address", a) })
}

func ifacePort(x *ctx) error {
	port := x.val("PORT")
	ok := false
	x.View(func(c *model.Chassis) { ok = portExists(c, port) })
	if !ok {
		return x.Fail(fmt.Sprintf(tx.InvalidPort, port))
	}
	return x.ifaceStmt(func(k *[]*model.Stmt) { setLeaf(k, "port", port) })
}

func ifaceDescription(x *ctx) error {
	d := x.val("TEXT")
	return x.ifaceStmt(func(k *[]*model.Stmt) { setLeaf(k, "description", d) })
}

func ifaceShutdown(x *ctx) error {
	return x.ifaceStmt(func(k *[]*model.Stmt) { setLeaf(k, "shutdown", "") })
}

func ifaceNo(x *ctx) error {
	var key string
	for _, k := range []string{"address", "port", "description", "shutdown"} {
		if x.Has(k) {
			key = k
		}
	}
	return x.ifaceStmt(func(k *[]*model.Stmt) { remove(k, key) })
}

var errIfaceUp = errors.New("interface is up")

// noIface deletes an interface; it must be shut down first.
func noIface(x *ctx) error {
	name := x.val("NAME")
	key := ifaceKey(name)
	err := x.configure(func(_ *model.Chassis, cf *model.Config) error {
		r := model.FindStmt(cf.Tree, "router")
		if r == nil || r.Child(key) == nil {
			return model.ErrNoSuchConfig
		}
		if r.Child(key).Child("shutdown") == nil {
			return errIfaceUp
		}
		remove(&r.Kids, key)
		return nil
	})
	switch {
	case errors.Is(err, model.ErrNoSuchConfig):
		return x.Fail(fmt.Sprintf(tx.NoSuchInterface, name))
	case errors.Is(err, errIfaceUp):
		return x.Fail(fmt.Sprintf(tx.InterfaceNotDown, name))
	}
	return err
}

// admin

// waitSync prints a synchronization's progress and waits for copy job.
func (x *ctx) waitSync(job int, kind model.SyncKind) error {
	start, done, failed := tx.SyncConfigStart, tx.SyncConfigDone, tx.SyncConfigFailed
	if kind == model.SyncBootEnv {
		start, done, failed = tx.SyncBootEnvStart, tx.SyncBootEnvDone, tx.SyncBootEnvFailed
	}
	x.Print(start + "\n")
	var res error
	if err := x.T.Wait(func(c *model.Chassis) bool {
		d, e := c.SyncResult(job)
		res = e
		return d
	}); err != nil {
		return err
	}
	if res != nil {
		x.Print(failed + "\n")
		return commands.ErrFailed
	}
	x.Print(done + "\n")
	return nil
}

// adminSave saves the running config to the file the BOF names; with
// automatic synchronization on, the standby gets it (or the boot
// environment) too.
func adminSave(x *ctx) error {
	job := 0
	kind := model.SyncConfig
	err := x.Do(func(c *model.Chassis) error {
		before := c.LastSyncJob()
		err := c.Configure(func(cf *model.Config) error {
			cf.Commit = &model.CommitInfo{Time: c.Now(), User: x.S.User, Via: "cli"}
			return nil
		})
		if err != nil {
			return err
		}
		if err := c.SaveConfig(""); err != nil {
			return err
		}
		if n := c.LastSyncJob(); n != before {
			job = n
			if syncMode(c) == syncBootEnv {
				kind = model.SyncBootEnv
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	x.Print(fmt.Sprintf(tx.SaveWriting, `cf3:\`+configFile) + "\n" + tx.SaveOK + "\n" + tx.Completed + "\n")
	if job != 0 {
		return x.waitSync(job, kind)
	}
	return nil
}

func displayConfig(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		a := c.Active()
		if a == nil || c.Running == nil {
			return ""
		}
		return configFileText(c, c.Running, a.Running, c.Now())
	})
}

// adminSync is "admin redundancy synchronize {boot-env|config}".
func adminSync(x *ctx) error {
	kind := model.SyncConfig
	if x.Has("boot-env") {
		kind = model.SyncBootEnv
	}
	var job int
	err := x.Do(func(c *model.Chassis) error {
		var err error
		job, err = c.SyncStandby(kind)
		return err
	})
	if err != nil {
		return x.Fail(tx.SyncNoStandby)
	}
	return x.waitSync(job, kind)
}

// forceSwitchover is "admin redundancy force-switchover [now]": the
// warning and question of manual 003 unless now is given.
func forceSwitchover(x *ctx) error {
	var err error
	x.View(func(c *model.Chassis) { err = c.SwitchoverCheck() })
	if err != nil {
		return x.Fail(tx.SwitchoverNoStandby)
	}
	if !x.Has("now") {
		x.Print(tx.SwitchoverWarning + "\n")
		a, err := x.T.Ask(commands.Question{Text: tx.SwitchoverQuestion})
		if err != nil {
			return err
		}
		if a != commands.Yes {
			return nil
		}
	}
	if err := x.Do(func(c *model.Chassis) error { return c.Switchover(x.S.Origin()) }); err != nil {
		return x.Fail(tx.SwitchoverNoStandby)
	}
	return nil
}

// adminReboot is "admin reboot [active|standby] [now]": the whole system,
// the active CPM (the standby takes over) or the standby CPM.
func adminReboot(x *ctx) error {
	standby, active := x.Has("standby"), x.Has("active")
	unsaved := false
	ok := true
	x.View(func(c *model.Chassis) {
		unsaved = c.Unsaved()
		if standby {
			a := c.Active()
			o := c.Other(a)
			ok = a != nil && o != nil && o.Present
		}
	})
	if !ok {
		return x.Fail(tx.RebootNoStandby)
	}
	if !x.Has("now") {
		if unsaved {
			x.Print(tx.SwitchoverWarning + "\n")
		}
		a, err := x.T.Ask(commands.Question{Text: tx.RebootQuestion})
		if err != nil {
			return err
		}
		if a != commands.Yes {
			return nil
		}
	}
	o := x.S.Origin()
	return x.Do(func(c *model.Chassis) error {
		switch {
		case standby:
			return c.BootStandby(o)
		case active:
			return c.Boot(o)
		}
		return c.BootSystem(o, nil)
	})
}

// file

// flashOf reads a compact flash name ("cf3:", "cf3-A:", "cf3-B:") at the
// start of a URL: the CPM it is on (the active for cf3:) and the path
// after it.
func flashOf(c *model.Chassis, url string) (m *model.Module, slot, path string, ok bool) {
	lower := strings.ToLower(url)
	a := c.Active()
	switch {
	case strings.HasPrefix(lower, "cf3-a:"), strings.HasPrefix(lower, "cf3-b:"):
		i := c.Profile.ModuleIndex("cpm-" + lower[4:5])
		m = c.Module(i)
		slot, path = strings.ToUpper(lower[4:5]), url[6:]
	case strings.HasPrefix(lower, "cf3:"):
		m = a
		if a != nil {
			slot = label(c, c.Index(a))
		}
		path = url[4:]
	default:
		return nil, "", "", false
	}
	path = strings.Trim(strings.ReplaceAll(path, "/", `\`), `\`)
	return m, slot, path, m != nil
}

func fileDir(x *ctx) error {
	url := x.val("URL")
	if url == "" {
		url = "cf3:"
	}
	return x.Render(func(c *model.Chassis) string {
		m, slot, path, ok := flashOf(c, url)
		if !ok {
			return tx.InvalidURL + "\n"
		}
		if !m.Present || m.FlashFault == model.FlashRemoved {
			return fmt.Sprintf(tx.FlashNotPresent, "cf3-"+slot+":") + "\n"
		}
		return dirText(c, m, slot, path)
	})
}

func fileType(x *ctx) error {
	url := x.val("URL")
	return x.Render(func(c *model.Chassis) string {
		m, slot, path, ok := flashOf(c, url)
		if !ok {
			return tx.InvalidURL + "\n"
		}
		if !m.Present || m.FlashFault == model.FlashRemoved {
			return fmt.Sprintf(tx.FlashNotPresent, "cf3-"+slot+":") + "\n"
		}
		for _, f := range flashFiles(c, m) {
			if strings.EqualFold(f.path, path) && !f.dir {
				return f.textOr()
			}
		}
		return tx.FileNotFound + "\n"
	})
}

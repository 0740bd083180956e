package junos

import (
	"errors"
	"fmt"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// Routing Engine redundancy: the mastership switch (GRES), its check,
// the backup's switchover status, and logging in to the other RE.

// secs is a hold-off's remaining time in whole seconds, rounded up.
func secs(d time.Duration) int { return int((d + time.Second - 1) / time.Second) }

// switchReadiness is why a mastership switch cannot happen now: the
// hold-off text, the no-backup error, or "".
func switchReadiness(c *model.Chassis) string {
	err := c.SwitchoverCheck()
	var h *model.HoldoffError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &h):
		return fmt.Sprintf(tx.NotReadyForSwitch, secs(h.Remaining))
	}
	return tx.NoBackup
}

// masterSwitch is request chassis routing-engine master switch [check].
func masterSwitch(x *ctx) error {
	var why string
	var gresOn bool
	x.View(func(c *model.Chassis) {
		why = switchReadiness(c)
		gresOn = gres(c.Running)
	})
	if x.Has("check") {
		if why != "" {
			return x.Fail(why)
		}
		x.Print(tx.SwitchoverReady + "\n")
		return nil
	}
	if why != "" {
		return x.Fail(why)
	}
	if !gresOn {
		x.Print(tx.PFEWarning + "\n")
	}
	if x.S.Exec {
		return nil
	}
	a, err := x.T.Word(tx.MasterSwitchQuestion, []string{"yes", "no"}, "no")
	if err != nil {
		return wordErr(err)
	}
	if a != "yes" {
		return nil
	}
	if x.sh.timestamp {
		x.Print(x.S.Host.Now().Format(tx.TimestampFormat) + "\n")
	}
	err = x.Do(func(c *model.Chassis) error { return c.Switchover(x.S.Origin()) })
	if err != nil {
		var text string
		x.View(func(c *model.Chassis) { text = switchReadiness(c) })
		if text == "" {
			text = tx.NoBackup
		}
		return x.Fail(text)
	}
	x.Print("\n" + tx.ResolvingMastership + "\n" + tx.MastershipComplete + "\n")
	return nil
}

// showSwitchover is show system switchover: on the backup RE, whether it
// is ready to take over.
func showSwitchover(x *ctx) error {
	var out string
	var failed bool
	x.View(func(c *model.Chassis) {
		m := c.Module(x.S.Module)
		if m == nil || m.State == model.Active {
			out, failed = tx.SwitchoverOnMaster+"\n", true
			return
		}
		on, ready := "Off", "Ready"
		if gres(c.Committed(x.S.Module)) {
			on = "On"
		}
		status := "Ready"
		if c.SwitchoverCheck() != nil {
			status = "Not Ready"
		}
		out = fmt.Sprintf(tx.SwitchoverShow, on, ready, ready, status)
	})
	x.Print(out)
	if failed {
		return commands.ErrFailed
	}
	return nil
}

// rlogin is request routing-engine login other-routing-engine (or re0,
// re1): a CLI session on that RE inside this one, until its exit.
func rlogin(x *ctx) error {
	target := -1
	var banner string
	x.View(func(c *model.Chassis) {
		me := c.Module(x.S.Module)
		switch {
		case x.Has("re0"):
			target = 0
		case x.Has("re1"):
			target = 1
		default:
			target = c.Index(c.Other(me))
		}
		m := c.Module(target)
		if m == nil || !m.Present || m.Running == nil || !running(m.State) {
			target = -1
			return
		}
		banner = loginBanner(c, target)
	})
	if target < 0 || target == x.S.Module || x.sh.nested || x.S.Exec {
		return x.Fail(tx.OtherRENotReady)
	}
	s := *x.S
	s.Module = target
	s.Exec = false
	o := newShell(&s)
	o.nested = true
	o.completeOnSpace = x.sh.completeOnSpace
	x.Print("\n" + banner)
	x.sh.other = o
	return errNoBlank
}

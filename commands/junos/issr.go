package junos

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The in-service software reboot (ISSR) of manual 004: request system
// reboot in-service on a standalone QFX5100. After the question, the
// pre-checks read the model; then the log of 004 comes out line by line
// on the chassis clock, with 004's spacing of time between its
// timestamps, while the model does what the lines say: the backup RE is
// spawned in the empty RE slot with the same software, joins as the
// backup, takes over, and the old primary shuts down (its slot empties,
// its sessions end). The procedure runs on the chassis (model.Procedure),
// so it goes on whoever follows it; StartISSR and RebootInService are
// callable from any caller (the CLI here, NETCONF's request-reboot).

// ErrISSRCheck: a pre-check failed; nothing was started.
var ErrISSRCheck = errors.New("junos: ISSR pre-check failed")

// issrEntry is one line of the log and when it is printed, after the
// answer.
type issrEntry struct {
	line tx.ISSRLine
	at   time.Duration
}

// issrPlan is the log with its times: a timestamped line as far after
// the first as 004's timestamp is; a paced line evenly between the lines
// around it; any other line with the line before it.
var issrPlan = planISSR(tx.ISSRLines())

func planISSR(lines []tx.ISSRLine) []issrEntry {
	out := make([]issrEntry, len(lines))
	var first time.Time
	var at time.Duration
	for i, l := range lines {
		if l.Stamped {
			t, err := time.Parse(tx.ISSRStampLayout, l.Stamp)
			if err != nil {
				panic("junos: ISSR log timestamp " + l.Stamp + ": " + err.Error())
			}
			if first.IsZero() {
				first = t
			}
			at = t.Sub(first)
		}
		out[i] = issrEntry{line: l, at: at}
	}
	for i := 0; i < len(out); {
		if !out[i].line.Paced || i == 0 {
			i++
			continue
		}
		j := i
		for j < len(out) && out[j].line.Paced {
			j++
		}
		if j == len(out) {
			break // no line after the run to pace towards
		}
		from, to, n := out[i-1].at, out[j].at, j-i
		for k := 0; k < n; k++ {
			out[i+k].at = from + (to-from)*time.Duration(k+1)/time.Duration(n+1)
		}
		i = j
	}
	return out
}

// issrRun is one ISSR in progress.
type issrRun struct {
	origin  model.Origin
	checks  []string // the pre-checks' values, in 004's order
	primary int      // the index of the primary RE that started it
	spawned int      // the index of the spawned RE (-1 before)
}

// issrChecks evaluates 004's pre-checks on the model: their values, and
// the index of the first that fails (-1 when all pass).
func issrChecks(c *model.Chassis) ([]string, int) {
	a := c.Active()
	vals := make([]string, len(tx.ISSRChecks))
	fail := -1
	set := func(i int, ok bool, bad string) {
		if ok {
			vals[i] = tx.ISSRValid
			return
		}
		vals[i] = bad
		if fail < 0 {
			fail = i
		}
	}
	for i, name := range tx.ISSRChecks {
		switch name {
		case "PFE Status":
			up := true
			for _, s := range c.Slots {
				if s.Present && s.Status != "Up" {
					up = false
				}
			}
			set(i, up, tx.ISSROffline)
			if up {
				vals[i] = tx.ISSROnline
			}
		case "Member is single node vc":
			set(i, vcMembers(c) <= 1, tx.ISSRInvalid)
		case "GRES enabled":
			set(i, a != nil && gres(c.Committed(c.Index(a))), tx.ISSRInvalid)
		case "NSR enabled":
			set(i, a != nil && nsr(c.Committed(c.Index(a))), tx.ISSRInvalid)
		case "Ready for ISSR":
			set(i, true, "")
			if why := issrReadiness(c); why != "" {
				set(i, false, why)
			}
		default:
			// member 0, not mixed or fabric mode, no BFD below its
			// minimum, no drop-all-tcp: what the scenario is
			set(i, true, "")
		}
	}
	return vals, fail
}

// issrReadiness is why the chassis is not ready for an ISSR ("" when it
// is): one runs, a backup RE is up, or the backup and GRES are not ready
// after the last switch or ISSR (the mastership switch's readiness
// window, counted from the switch).
func issrReadiness(c *model.Chassis) string {
	if c.RunningProcedure() != nil {
		return tx.ISSRInProgress
	}
	a := c.Active()
	if a == nil {
		return tx.ISSRBackupPresent
	}
	if o := c.Other(a); o != nil && o.Present {
		return tx.ISSRBackupPresent
	}
	if c.Failovers > 0 {
		if left := c.LastFailover.Add(c.Profile.SwitchoverHoldoff).Sub(c.Now()); left > 0 {
			return fmt.Sprintf(tx.ISSRNotReady, secs(left))
		}
	}
	return ""
}

// stamp prints a log line's timestamp from the chassis clock.
func issrStamp(c *model.Chassis) string {
	return fmt.Sprintf(tx.ISSRStampFormat, c.Now().Format(tx.ISSRStampLayout))
}

// render fills one line of the log from the model (it may become
// several: one FPC row per FPC).
func (r *issrRun) render(c *model.Chassis, l tx.ISSRLine) []string {
	text := l.Text
	switch {
	case text == tx.ISSRImage:
		img := ""
		if a := c.Active(); a != nil && a.Running != nil {
			img = a.Running.File
		}
		text = fmt.Sprintf(text, img)
	case text == tx.ISSRSpawned:
		text = fmt.Sprintf(text, r.spawned)
	case text == tx.ISSRFinal:
		host := ""
		if cf := c.Committed(c.ActiveIndex()); cf != nil {
			host = cf.Hostname
		}
		text = fmt.Sprintf(text, host)
	case text == tx.ISSRFPCRow:
		var rows []string
		for _, s := range c.Slots {
			if s.Present {
				rows = append(rows, fmt.Sprintf(text, s.Name))
			}
		}
		return rows
	case strings.HasSuffix(text, " : %s"):
		name := strings.TrimSuffix(text, " : %s")
		for i, n := range tx.ISSRChecks {
			if n == name {
				text = fmt.Sprintf(text, r.checks[i])
			}
		}
	}
	if l.Stamped {
		text = issrStamp(c) + text
	}
	return []string{text}
}

// StartISSR starts an in-service software reboot on the chassis now (the
// answer to the question was yes). When a pre-check fails it starts
// nothing and returns the lines printed (the check table up to the
// failing check, then the abort) with ErrISSRCheck; otherwise the
// procedure that prints the log as it goes. Call it with the chassis
// locked (Host.Do).
func StartISSR(c *model.Chassis, o model.Origin) (*model.Procedure, []string, error) {
	r := &issrRun{origin: o, primary: c.ActiveIndex(), spawned: -1}
	vals, fail := issrChecks(c)
	r.checks = vals
	if fail >= 0 {
		var out []string
		for _, e := range issrPlan {
			out = append(out, r.render(c, e.line)...)
			if e.line.Text == tx.ISSRChecks[fail]+" : %s" {
				break
			}
		}
		return nil, append(out, tx.ISSUAborted), ErrISSRCheck
	}
	p, err := c.StartProcedure("issr", r.steps())
	if err != nil {
		return nil, []string{tx.ISSUAborted}, err
	}
	return p, nil, nil
}

// steps are the log's lines grouped by the time they are printed, with
// what the model does at some of them.
func (r *issrRun) steps() []model.Step {
	var steps []model.Step
	for i := 0; i < len(issrPlan); {
		j := i + 1
		for j < len(issrPlan) && issrPlan[j].at == issrPlan[i].at {
			j++
		}
		group := issrPlan[i:j]
		steps = append(steps, r.step(group))
		i = j
	}
	return steps
}

// step is one group of lines printed at one time.
func (r *issrRun) step(group []issrEntry) model.Step {
	var spawn, ready, handover bool
	for _, e := range group {
		switch e.line.Text {
		case tx.ISSRSpawning:
			spawn = true
		case tx.ISSRGRESOperational:
			ready = true
		case tx.ISSRFinal:
			handover = true
		}
	}
	s := model.Step{At: group[0].at}
	if ready {
		// GRES is operational once the spawned RE is the backup (or has
		// failed: then the ISSR aborts)
		s.Until = func(c *model.Chassis) bool {
			m := c.Module(r.spawned)
			return m == nil || !m.Present || m.State != model.Booting
		}
	}
	s.Run = func(c *model.Chassis) ([]string, error) {
		var out []string
		lines := func() {
			for _, e := range group {
				out = append(out, r.render(c, e.line)...)
			}
		}
		switch {
		case spawn:
			a := c.Active()
			r.spawned = c.Index(c.Other(a))
			if err := c.Spawn(r.spawned); err != nil {
				return r.abort(c, fmt.Sprintf(tx.ISSRSpawnFailed, r.spawned)), err
			}
		case ready:
			if m := c.Module(r.spawned); m == nil || !m.Present || m.State != model.Standby {
				return r.abort(c, tx.ISSRBackupNotReady), errors.New("junos: the backup RE is not ready")
			}
		case handover:
			// the lines name the old primary: render them before it goes
			lines()
			if c.ActiveIndex() != r.primary {
				// the roles changed under the ISSR (a mastership switch,
				// a crash): nothing to hand over
				return r.abort(c, tx.ISSRBackupNotReady), errors.New("junos: the primary RE changed")
			}
			if err := c.HandOver(r.origin); err != nil {
				return r.abort(c, tx.ISSRBackupNotReady), err
			}
			return out, nil
		}
		lines()
		return out, nil
	}
	return s
}

// abort ends a failed ISSR: the spawned RE goes away, and the log ends
// with why and the abort line.
func (r *issrRun) abort(c *model.Chassis, why string) []string {
	if m := c.Module(r.spawned); m != nil && m.Present && m.State != model.Active {
		c.Pull(r.spawned)
	}
	return []string{why, tx.ISSUAborted}
}

// RebootInService runs an ISSR on h to its end: the pre-checks, then the
// log, each line passed to out (with its line end) as the chassis clock
// reaches it. wait blocks until cond holds on the chassis or the caller
// is interrupted (a Terminal's Wait). It returns nil when the ISSR
// finished, ErrISSRCheck when a pre-check failed (having passed its
// lines), another error when a step failed, or wait's error: the
// caller's session ends when the old primary shuts down (the lines up to
// that moment are passed first).
func RebootInService(h commands.Host, o model.Origin, wait func(func(*model.Chassis) bool) error, out func(string)) error {
	var p *model.Procedure
	var first []string
	var err error
	h.Do(func(c *model.Chassis) error {
		p, first, err = StartISSR(c, o)
		return nil
	})
	for _, l := range first {
		out(l + "\n")
	}
	if p == nil {
		return err
	}
	n := 0
	flush := func() (done bool, failed error) {
		var lines []string
		h.View(func(c *model.Chassis) {
			lines = append(lines, p.Lines[n:]...)
			n = len(p.Lines)
			done = p.Done
			if p.Failed {
				failed = p.Err
			}
		})
		for _, l := range lines {
			out(l + "\n")
		}
		return done, failed
	}
	for {
		if done, failed := flush(); done {
			return failed
		}
		err := wait(func(*model.Chassis) bool { return len(p.Lines) > n || p.Done })
		if err != nil {
			flush()
			return err
		}
	}
}

// rebootCmd is request system reboot [in-service]: the question, then
// the ISSR (or a reboot of this RE).
func rebootCmd(x *ctx) error {
	if x.Has("in-service") {
		vc := false
		x.View(func(c *model.Chassis) { vc = vcMember(c) })
		if !vc {
			// the ISSR of a standalone virtual-chassis switch (QFX5100)
			return x.Fail(tx.ISSRUnsupported)
		}
	}
	if x.S.Exec {
		return nil // no question over ssh exec: nothing happens
	}
	a, err := x.T.Word(tx.RebootQuestion, []string{"yes", "no"}, "no")
	if err != nil {
		return wordErr(err)
	}
	if a != "yes" {
		return nil
	}
	if !x.Has("in-service") {
		return x.sh.reboot(x)
	}
	// the log is not paged
	old := x.S.Paging
	x.S.Paging = false
	defer func() { x.S.Paging = old }()
	err = RebootInService(x.S.Host, x.S.Origin(), x.T.Wait, x.Print)

	switch {
	case errors.Is(err, commands.ErrInterrupted):
		return err
	case err != nil:
		return commands.ErrFailed
	}
	return nil
}

// reboot is request system reboot: the shutdown lines, then this RE
// reboots (the master's backup takes over where there is one; alone,
// the system reboots) and the session ends with it.
func (sh *Shell) reboot(x *ctx) error {
	var host string
	x.View(func(c *model.Chassis) { host = sh.host(c) })
	x.Print(fmt.Sprintf(tx.RebootShutdown, host, sh.pid))
	o := x.S.Origin()
	err := x.Do(func(c *model.Chassis) error {
		if c.ActiveIndex() != x.S.Module {
			return c.BootStandby(o)
		}
		return c.Reload(o)
	})
	if err != nil {
		return commands.ErrFailed
	}
	// the session goes down with its RE
	if err := x.T.Wait(func(c *model.Chassis) bool {
		m := c.Module(x.S.Module)
		return m == nil || !running(m.State)
	}); err != nil {
		return err
	}
	return commands.ErrInterrupted
}

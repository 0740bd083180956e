package model

import (
	"errors"
	"time"
)

// A Procedure is a vendor's operation that runs in steps on the chassis
// clock (Junos's in-service software reboot): each step waits for its
// moment, acts on the chassis and prints lines. The lines collect in the
// procedure for whoever follows it (the session that started it, a
// NETCONF reply); it goes on whether anyone follows it or not, as the
// switch's own process would. One runs at a time; it is not saved (a
// restart of the emulator, like a system reboot, ends it).
type Procedure struct {
	Name string
	// Start is when it started; each step's At counts from it.
	Start time.Time
	// Lines are what the steps printed so far, one line each, without
	// line ends.
	Lines []string
	// Done: it has ended, Failed when a step ended it early (Err says
	// why).
	Done   bool
	Failed bool
	Err    error

	steps []Step
	next  int
}

// Step is one step of a procedure.
type Step struct {
	// At is when the step is due after the procedure's start; a step
	// never runs before the one before it.
	At time.Duration
	// Until, when set, holds a due step until it reports true (asked
	// again every ProcedurePoll of the chassis clock).
	Until func(c *Chassis) bool
	// Run acts on the chassis and returns the lines the step prints; an
	// error ends the procedure after those lines.
	Run func(c *Chassis) ([]string, error)
}

// ErrSystemRebooted ends a procedure the system rebooted under.
var ErrSystemRebooted = errors.New("model: the system rebooted")

// ProcedurePoll is how often a step held by its Until asks again.
const ProcedurePoll = time.Second

// StartProcedure starts a procedure now; ErrBusy while another runs.
func (c *Chassis) StartProcedure(name string, steps []Step) (*Procedure, error) {
	if c.proc != nil {
		return nil, ErrBusy
	}
	p := &Procedure{Name: name, Start: c.now, steps: steps}
	c.proc = p
	c.procSchedule(p)
	return p, nil
}

// RunningProcedure is the procedure in progress, nil when none is.
func (c *Chassis) RunningProcedure() *Procedure { return c.proc }

// procSchedule arms the next step, or ends the procedure after its last.
func (c *Chassis) procSchedule(p *Procedure) {
	if p.next >= len(p.steps) {
		c.procEnd(p, nil)
		return
	}
	d := p.Start.Add(p.steps[p.next].At).Sub(c.now)
	if d < 0 {
		d = 0
	}
	c.after(d, func() { c.procFire(p) })
}

// procFire runs the next step once its Until holds.
func (c *Chassis) procFire(p *Procedure) {
	if c.proc != p {
		return
	}
	s := p.steps[p.next]
	if s.Until != nil && !s.Until(c) {
		c.after(ProcedurePoll, func() { c.procFire(p) })
		return
	}
	var lines []string
	var err error
	if s.Run != nil {
		lines, err = s.Run(c)
	}
	p.Lines = append(p.Lines, lines...)
	p.next++
	// sessions following the procedure look again
	c.emit(Event{Kind: EvWake, Module: -1})
	if err != nil {
		c.procEnd(p, err)
		return
	}
	c.procSchedule(p)
}

func (c *Chassis) procEnd(p *Procedure, err error) {
	p.Done = true
	p.Failed = err != nil
	p.Err = err
	if c.proc == p {
		c.proc = nil
	}
	c.emit(Event{Kind: EvWake, Module: -1})
}

// endProcedure ends the procedure in progress (the system reboots under
// it).
func (c *Chassis) endProcedure(err error) {
	if p := c.proc; p != nil {
		c.procEnd(p, err)
	}
}

package console

import (
	"errors"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// ModuleConsole is a management module's serial console, as a terminal
// server port would present it: it stays connected whatever the module
// does, shows its boot output, takes the boot profile choice, and runs the
// CLI that fits the module's role (the full CLI when active, the small
// standby CLI when standby).
//
// It follows the module through the ModuleState notes the server posts in
// order with the boot output, never by reading the live model: so text
// and role changes come out in the order they happened, however far the
// clock ran ahead.
type ModuleConsole struct {
	Conn   *Conn
	Vendor commands.Vendor
	Module int
	Watch  Watcher
	// Session is the template for each CLI session on this console.
	Session commands.Session
	// Painter, when set, gives the painter of each CLI session started on
	// the console (nil from it: plain text); boot output is never painted.
	Painter func() commands.Painter

	cur ModuleState
}

func booting(s model.State) bool { return s == model.Booting || s == model.TakingOver }

// program is which of the console's programs a state calls for.
type program int

const (
	progBoot program = iota
	progIdle
	progCLI
)

func programFor(s model.State) program {
	switch {
	case booting(s):
		return progBoot
	case s == model.Absent || s == model.Failed || s == model.Shutdown:
		return progIdle
	}
	return progCLI
}

// follow returns a note handler that prints boot output and records the
// module's state, interrupting the running program when the state calls
// for another one (or, for a CLI, another role).
func (mc *ModuleConsole) follow(running model.State) func(any) bool {
	return func(n any) bool {
		switch v := n.(type) {
		case Text:
			mc.Conn.Write(string(v))
		case ModuleState:
			mc.cur = v
			if programFor(running) == progBoot {
				return programFor(v.State) != progBoot
			}
			if v.State == running {
				return false
			}
			keep := mc.Vendor.Console().KeepCLI
			if keep != nil && v.State == model.TakingOver && keep(running, model.Active) {
				// a CLI kept when its module becomes active is kept
				// through the takeover on the way
				return false
			}
			if keep != nil && programFor(v.State) == progCLI && keep(running, v.State) {
				// the CLI goes on in the new role (a demoted RE)
				running = v.State
				return false
			}
			return true
		case Rewire:
			// the port now shows another module (console ports wired
			// by role)
			mc.Module = v.Module
			mc.Session.Module = v.Module
			mc.cur = v.State
			return true
		case Interrupt:
			return true
		}
		return false
	}
}

// Run serves the console until the connection closes.
func (mc *ModuleConsole) Run() {
	defer mc.Conn.End()
	mc.Session.Host.View(func(c *model.Chassis) {
		if m := c.Module(mc.Module); m != nil {
			mc.cur = ModuleState{State: m.State, Stage: m.Stage}
		}
	})
	for {
		var err error
		switch st := mc.cur.State; programFor(st) {
		case progBoot:
			err = mc.boot()
		case progIdle:
			err = mc.idle(st)
		default:
			err = mc.cli(st)
		}
		if errors.Is(err, ErrClosed) || mc.closed() {
			return
		}
	}
}

func (mc *ModuleConsole) closed() bool {
	select {
	case <-mc.Conn.Done():
		return true
	default:
	}
	mc.Conn.mu.Lock()
	defer mc.Conn.mu.Unlock()
	return mc.Conn.eof || mc.Conn.inClosed && mc.Conn.taken == mc.Conn.fed
}

// cli runs the module's CLI until its role changes. A logout starts a new
// session, as a serial console does.
func (mc *ModuleConsole) cli(state model.State) error {
	sess := mc.Session
	sess.Module = mc.Module
	shell := mc.Vendor.Shell(&sess, state)
	if shell == nil {
		return mc.idle(state)
	}
	// a prompt of the module's last role may still be showing (boot
	// output starts on a line of its own; a banner does not)
	mc.Conn.NewLine()
	t := NewCLI(mc.Conn, &sess, shell, mc.Watch, mc.Vendor.Texts())
	t.SetHandler(mc.follow(state))
	if mc.Painter != nil {
		t.SetPainter(mc.Painter())
	}
	err := t.Serve()
	if mc.closed() && err != nil {
		return ErrClosed
	}
	t.EndPaint()
	return nil
}

// boot shows boot output and takes the vendor's boot input (a boot
// profile choice, ROM monitor lines) until the module has a role.
func (mc *ModuleConsole) boot() error {
	handle := mc.follow(mc.cur.State)
	policy := mc.Vendor.Console()
	var line []byte
	for programFor(mc.cur.State) == progBoot {
		b, err := mc.Conn.next(handle)
		if errors.Is(err, errInterrupt) {
			continue
		}
		if err != nil {
			return err
		}
		switch mc.cur.Stage {
		case model.StageProfile:
			if policy.ProfileKey == nil {
				continue
			}
			if choice, ok := policy.ProfileKey(b); ok {
				mc.Conn.WriteRaw([]byte{b})
				mc.Session.Host.Do(func(c *model.Chassis) error {
					return c.SelectProfile(mc.Module, choice)
				})
			}
		case model.StageMonitor:
			switch {
			case b == '\r' || b == '\n':
				if b == '\r' {
					mc.Conn.peek('\n')
				}
				mc.Conn.Write("\n")
				cmd := string(line)
				line = nil
				if policy.MonitorLine == nil {
					continue
				}
				boot, reply := policy.MonitorLine(cmd)
				if boot {
					mc.Session.Host.Do(func(c *model.Chassis) error { return c.MonitorBoot(mc.Module) })
					continue
				}
				mc.Conn.Write(reply)
			case b == 0x7f || b == 0x08:
				if len(line) > 0 {
					line = line[:len(line)-1]
					mc.Conn.WriteRaw([]byte("\b \b"))
				}
			case b >= 0x20 && b < 0x7f:
				if len(line) < 256 {
					line = append(line, b)
					mc.Conn.WriteRaw([]byte{b})
				}
			}
		}
	}
	return nil
}

// idle shows what the console of a module without a CLI shows (absent,
// failed, or in a role the vendor runs no CLI in), and waits for the
// module to change, discarding input.
func (mc *ModuleConsole) idle(state model.State) error {
	var text string
	mc.Session.Host.View(func(c *model.Chassis) { text = mc.Vendor.Idle(c, mc.Module) })
	mc.Conn.Write(text)
	handle := mc.follow(state)
	mod := mc.Module
	for mc.cur.State == state && mc.Module == mod {
		_, err := mc.Conn.next(handle)
		if errors.Is(err, errInterrupt) {
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

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
			return v.State != running
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
	shell := mc.Vendor.Shell(&sess, state)
	if shell == nil {
		return mc.idle(state)
	}
	// a prompt of the module's last role may still be showing (boot
	// output starts on a line of its own; a banner does not)
	mc.Conn.NewLine()
	t := NewCLI(mc.Conn, &sess, shell, mc.Watch, mc.Vendor.Pager())
	t.SetHandler(mc.follow(state))
	if err := t.Serve(); err != nil && mc.closed() {
		return ErrClosed
	}
	return nil
}

// boot shows boot output and takes the boot profile choice (0, 1, 2)
// and ROM monitor lines until the module has a role.
func (mc *ModuleConsole) boot() error {
	handle := mc.follow(mc.cur.State)
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
			if b >= '0' && b <= '2' {
				mc.Conn.WriteRaw([]byte{b})
				mc.Session.Host.Do(func(c *model.Chassis) error {
					return c.SelectProfile(mc.Module, int(b-'0'))
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
				if cmd == "boot" {
					mc.Session.Host.Do(func(c *model.Chassis) error { return c.MonitorBoot(mc.Module) })
					continue
				}
				mc.Conn.Write(monitorReply(mc.Vendor, cmd))
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

// MonitorTexts is implemented by vendors with a ROM monitor.
type MonitorTexts interface {
	MonitorReply(cmd string) string
}

func monitorReply(v commands.Vendor, cmd string) string {
	if m, ok := v.(MonitorTexts); ok {
		return m.MonitorReply(cmd)
	}
	return ""
}

// idle shows what the console of a module without a CLI shows, and waits
// for the module to change, discarding input.
func (mc *ModuleConsole) idle(state model.State) error {
	var text string
	mc.Session.Host.View(func(c *model.Chassis) { text = mc.Vendor.Idle(c, mc.Module) })
	mc.Conn.Write(text)
	handle := mc.follow(state)
	for programFor(mc.cur.State) == progIdle && mc.cur.State == state {
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

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
type ModuleConsole struct {
	Conn   *Conn
	Vendor commands.Vendor
	Module int
	Watch  Watcher
	// Session is the template for each CLI session on this console.
	Session commands.Session
	Pager   string
}

type modState struct {
	state model.State
	stage model.Stage
}

func (mc *ModuleConsole) state() modState {
	var s modState
	mc.Session.Host.View(func(c *model.Chassis) {
		if m := c.Module(mc.Module); m != nil {
			s = modState{m.State, m.Stage}
		}
	})
	return s
}

// handler prints boot output and reports role changes as interrupts.
func (mc *ModuleConsole) handler(n any) bool {
	switch v := n.(type) {
	case Text:
		mc.Conn.Write(string(v))
	case Interrupt:
		return true
	}
	return false
}

// Run serves the console until the connection closes.
func (mc *ModuleConsole) Run() {
	defer mc.Conn.End()
	for {
		st := mc.state()
		var err error
		switch st.state {
		case model.Booting, model.TakingOver:
			err = mc.booting()
		case model.Absent, model.Failed, model.Shutdown:
			err = mc.idle(st.state)
		default:
			err = mc.cli(st.state)
		}
		if errors.Is(err, ErrClosed) {
			return
		}
		select {
		case <-mc.Conn.Done():
			return
		default:
		}
	}
}

// cli runs the module's CLI until its role changes. A logout starts a new
// session, as a serial console does.
func (mc *ModuleConsole) cli(state model.State) error {
	sess := mc.Session
	shell := mc.Vendor.Shell(&sess, state)
	if shell == nil {
		return mc.idle(state)
	}
	t := NewCLI(mc.Conn, &sess, shell, mc.Watch, mc.Pager)
	t.SetHandler(func(n any) bool {
		if _, ok := n.(Interrupt); ok {
			return mc.state().state != state
		}
		return mc.handler(n)
	})
	err := t.Serve()
	if err == nil {
		return nil
	}
	select {
	case <-mc.Conn.Done():
		return ErrClosed
	default:
	}
	if mc.inputClosed() {
		return ErrClosed
	}
	return nil
}

func (mc *ModuleConsole) inputClosed() bool {
	mc.Conn.mu.Lock()
	defer mc.Conn.mu.Unlock()
	return mc.Conn.inClosed && mc.Conn.taken == mc.Conn.fed
}

// booting shows boot output and takes the boot profile choice (0, 1, 2)
// and ROM monitor lines until the module has a role.
func (mc *ModuleConsole) booting() error {
	var line []byte
	for {
		st := mc.state()
		if st.state != model.Booting && st.state != model.TakingOver {
			return nil
		}
		b, err := mc.Conn.next(mc.handler)
		if errors.Is(err, errInterrupt) {
			continue
		}
		if err != nil {
			return err
		}
		switch st.stage {
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
	for {
		if mc.state().state != state {
			return nil
		}
		_, err := mc.Conn.next(mc.handler)
		if errors.Is(err, errInterrupt) {
			continue
		}
		if err != nil {
			return err
		}
	}
}

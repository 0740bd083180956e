// Package switchsimtest runs emulated chassis inside go test, in the style
// of net/http/httptest: New starts a chassis from a scenario on 127.0.0.1:0
// (management address, one console port per management module, telnet if
// asked), on a virtual clock the test moves with Advance, and stops it with
// t.Cleanup. The test presses buttons, pulls modules and reads the chassis
// state through the embedded server.Host, and talks to the switch over
// real SSH, so the code under test connects exactly as it would to the
// real box.
//
// Every Switch has its own server, chassis and clock, and nothing is saved
// unless Options.StateFile says so, so switches in parallel tests never
// see each other.
//
// Interactive sessions are painted as the switch paints them (the
// 8212zl's VT100 cursor addressing; Options.Terminal "plain" turns it
// off). A Session reads the text of a painted terminal, so Expect,
// Command and the prompt pattern work the same in both modes;
// Terminal.Raw keeps the bytes.
package switchsimtest

import (
	"errors"
	"fmt"
	"regexp"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// DefaultClock is where a virtual clock starts when the scenario names no
// time: the power-on of the manual's Figure 15-31, so that output which
// shows the clock is the same on every run.
var DefaultClock = time.Date(2014, time.January, 26, 17, 34, 7, 0, time.UTC)

// Options say what to start. The zero value is the built-in 8212zl
// (manager/manager, operator/operator, module 1 active, module 2
// standby) on a virtual clock.
type Options struct {
	// Scenario is the chassis to start (nil: the built-in one named by
	// Builtin). A Scenario holds the chassis it describes, so use each one
	// for one switch only; ScenarioYAML or Builtin make a fresh one every
	// time.
	Scenario *scenario.Scenario
	// ScenarioYAML is a scenario's text, parsed when Scenario is nil.
	ScenarioYAML string
	// Builtin names a built-in scenario ("switchsim scenarios" lists
	// them; "": the default 8212zl), used when neither of the above is set.
	Builtin string
	// TimeScale, when above zero, runs the chassis on the real clock
	// compressed by this factor (0.001: a 5 s takeover takes 5 ms) instead
	// of the virtual clock. Advance then cannot be used.
	TimeScale float64
	// Telnet also serves telnet for the management CLI.
	Telnet bool
	// ColdBoot starts from power-on instead of booted: the modules boot
	// as the clock moves, with their output on the console ports.
	ColdBoot bool
	// StateFile keeps the chassis in a file ("" = memory only): a second
	// switch started on the same file continues where the first stopped.
	StateFile string
	// Images is the TFTP stand-in (nil: the built-in releases).
	Images *scenario.Catalog
	// Logf receives server messages (a session that panicked, ...).
	Logf func(format string, args ...any)
	// Terminal is how interactive sessions are drawn, as "switchsim
	// serve --terminal" says: "vt100" (the default, "") paints them as
	// the switch does (the 8212zl's cursor addressing, scroll regions and
	// ESC E; Sessions read its text unless Terminal.Raw), "plain" sends
	// plain lines. Vendors that do not paint send plain lines either way.
	Terminal string
}

// Switch is a running chassis. The embedded Host presses buttons
// (Press, Pull, Insert, Crash, PowerCycle, ...), moves the virtual clock
// (Advance) and reports the chassis (State, View).
type Switch struct {
	*server.Host
	// Server is the server the chassis runs on (OpenLocal opens
	// in-process sessions without SSH).
	Server *server.Server
	// Mgmt is the management address ("127.0.0.1:port"): the active
	// management module's CLI.
	Mgmt string
	// Consoles are the console ports of management modules 1 and 2.
	Consoles []string
	// Telnet is the telnet address ("" unless Options.Telnet).
	Telnet string
	// NETCONF is the NETCONF-only port of a vendor with an XML API
	// (Junos), "" for the others.
	NETCONF string

	prompt *regexp.Regexp // the vendor's prompt
}

// New starts a switch for a test and stops it when the test ends. It
// fails the test if the switch cannot start.
func New(tb testing.TB, o Options) *Switch {
	tb.Helper()
	if o.Logf == nil {
		o.Logf = tb.Logf
	}
	sw, err := Start(o)
	if err != nil {
		tb.Fatalf("switchsimtest: %v", err)
	}
	tb.Cleanup(func() { sw.Close() })
	return sw
}

// Start starts a switch; Close stops it. Tests usually call New instead.
func Start(o Options) (*Switch, error) {
	sc := o.Scenario
	if sc == nil {
		var err error
		if o.ScenarioYAML != "" {
			sc, err = scenario.Parse("scenario.yaml", []byte(o.ScenarioYAML), o.Images, vendors.Profiles)
		} else {
			sc, err = vendors.Scenario(o.Builtin, o.Images)
		}
		if err != nil {
			return nil, err
		}
	}
	virtual := o.TimeScale <= 0
	if virtual && sc.Clock.IsZero() {
		sc.Clock = DefaultClock
	}
	cc := server.ChassisConfig{
		Name:      "switch",
		Scenario:  sc,
		Mgmt:      "127.0.0.1:0",
		Consoles:  []string{"127.0.0.1:0", "127.0.0.1:0"},
		StateFile: o.StateFile,
		ColdBoot:  o.ColdBoot,
		NETCONF:   "127.0.0.1:0",
	}
	if o.Telnet {
		cc.Telnet = "127.0.0.1:0"
	}
	srv, err := server.Start(server.Config{
		Vendors:   vendors.Registry,
		Chassis:   []server.ChassisConfig{cc},
		Images:    o.Images,
		Virtual:   virtual,
		TimeScale: o.TimeScale,
		Logf:      o.Logf,
		Terminal:  terminal(o.Terminal),
	})
	if err != nil {
		return nil, err
	}
	a := srv.Addrs()[0]
	h := srv.Hosts()[0]
	prompt, err := regexp.Compile(h.Vendor.Texts().Prompt)
	if err != nil {
		srv.Close()
		return nil, fmt.Errorf("switchsimtest: the vendor's prompt pattern: %w", err)
	}
	return &Switch{Host: h, Server: srv, Mgmt: a.Mgmt, Consoles: a.Consoles, Telnet: a.Telnet, NETCONF: a.NETCONF, prompt: prompt}, nil
}

// terminal is the server's terminal mode for Options.Terminal.
func terminal(mode string) string {
	if mode == "" {
		return server.TerminalVT100
	}
	return mode
}

// Close stops the switch: it ends every session and saves the state
// file if there is one. It may be called more than once.
func (sw *Switch) Close() error { return sw.Server.Close() }

// ClientConfig is an SSH client configuration for the switch: password
// (and keyboard-interactive) authentication, any host key accepted. An
// empty password uses "none" authentication, which a switch without
// passwords accepts.
func (sw *Switch) ClientConfig(user, password string) *gossh.ClientConfig {
	auth := []gossh.AuthMethod{
		gossh.Password(password),
		gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			answers := make([]string, len(qs))
			for i := range answers {
				answers[i] = password
			}
			return answers, nil
		}),
	}
	if password == "" {
		auth = nil
	}
	return &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	}
}

// Dial opens an SSH connection to the management address.
func (sw *Switch) Dial(user, password string) (*gossh.Client, error) {
	return gossh.Dial("tcp", sw.Mgmt, sw.ClientConfig(user, password))
}

// Exec runs one command the way "ssh host 'show flash'" does and returns
// its output; a command the switch rejects returns its output and an
// *ssh.ExitError.
func (sw *Switch) Exec(user, password, command string) (string, error) {
	return sshtest.Exec(sw.Mgmt, user, password, command)
}

// Login opens an interactive session on the management address, as a
// user at a terminal would: it answers the vendor's "Press any key to
// continue", if it asks one, and returns at the first prompt.
func (sw *Switch) Login(user, password string) (*Session, error) {
	s, err := sw.Shell(sw.Mgmt, user, password, Terminal{})
	if err != nil {
		return nil, err
	}
	if key := sw.Vendor.Texts().AnyKey; key != "" {
		if _, err := s.Expect(key); err != nil {
			s.Close()
			return nil, err
		}
		if err := s.Write("\r"); err != nil {
			s.Close()
			return nil, err
		}
	}
	if _, err := s.ExpectPrompt(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Console opens management module n's console port (1 or 2) and returns
// before anything was read: what it shows depends on the module (boot
// output, the CLI, the standby console).
func (sw *Switch) Console(n int, user, password string) (*Session, error) {
	if n < 1 || n > len(sw.Consoles) {
		return nil, fmt.Errorf("switchsimtest: no console for management module %d", n)
	}
	return sw.Shell(sw.Consoles[n-1], user, password, Terminal{})
}

// Terminal is the pty a Shell asks for.
type Terminal struct {
	Type          string // "vt100" unless set
	Width, Height int    // 80x24 unless set
	// Raw keeps the output as the switch sent it. Otherwise a Session
	// reads the text of a painted terminal: escape sequences removed
	// (also when split across reads) and ESC E, the switch's line break
	// after a typed line, made CR LF, so Expect, Command and the prompt
	// pattern see the same text in both terminal modes.
	Raw bool
}

// Shell opens an interactive session with a pty on addr (Mgmt or a
// console port) and returns before anything was read.
func (sw *Switch) Shell(addr, user, password string, term Terminal) (*Session, error) {
	if term.Type == "" {
		term.Type = "vt100"
	}
	if term.Width <= 0 {
		term.Width = 80
	}
	if term.Height <= 0 {
		term.Height = 24
	}
	c, err := gossh.Dial("tcp", addr, sw.ClientConfig(user, password))
	if err != nil {
		return nil, err
	}
	s, err := openSession(c, term, sw.prompt)
	if err != nil {
		c.Close()
		return nil, err
	}
	return s, nil
}

// Errors of the Session methods (wrapped with what was awaited and the
// output so far).
var (
	// ErrTimeout: the awaited output did not come within Session.Timeout.
	ErrTimeout = errors.New("switchsimtest: timed out")
	// ErrClosed: the switch ended the session before it came.
	ErrClosed = errors.New("switchsimtest: session closed")
)

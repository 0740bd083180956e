package procurve_test

import (
	"strings"
	"testing"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/server"
)

// openConsole opens module i's console and answers "Press any key" when
// the module is active.
func (f *fixture) openConsole(i int) *session {
	f.t.Helper()
	scr := &testterm.Screen{}
	l, err := f.srv.OpenLocal("c", server.Console(i), scr)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(l.Close)
	s := &session{t: f.t, f: f, l: l, scr: scr}
	l.Conn.WaitIdle()
	return s
}

// ^C at a typed prompt abandons the dialog and returns to the prompt,
// still logged in: at enable's Username: and Password:, and at both
// password questions (defect 2 of issue 14).
func TestCtrlCAtTypedPromptsReturnsToThePrompt(t *testing.T) {
	for _, where := range []string{"management", "console"} {
		t.Run(where, func(t *testing.T) {
			f := newFixture(t, nil)
			var op, mgr *session
			if where == "management" {
				op = f.open(false)
				mgr = f.open(true)
			} else {
				// the active module's console: an operator session there
				// is reached through enable after the console logs in
				mgr = f.openConsole(0)
				mgr.typ(" ")
				op = mgr
			}
			const opPrompt = "HP-E8212zl> "
			if where == "management" {
				op.expect("enable\r", "enable\nUsername: ")
				op.expect("\x03", "\n"+opPrompt)
				op.expect("enable\r", "enable\nUsername: ")
				op.expect("manager\r", "manager\nPassword: ")
				op.expect("\x03", "\n"+opPrompt)
				// still the operator, still logged in
				op.expect("show config\r", "show config\nInvalid input: config\n"+opPrompt)
			}
			mgr.typ("configure\r")
			mgr.expect("password manager\r", "password manager\nNew password for manager: ")
			mgr.expect("abc\x03", "\n"+pc)
			mgr.expect("password manager\r", "password manager\nNew password for manager: ")
			mgr.expect("abc\r", "\nPlease retype new password for manager: ")
			mgr.expect("\x03", "\n"+pc)
			var cr model.Credentials
			f.h.View(func(c *model.Chassis) { cr = c.Credentials })
			if cr.ManagerPassword != "manager" {
				t.Fatalf("the abandoned dialog changed the password to %q", cr.ManagerPassword)
			}
			// the console is still at its prompt, not back at its banner
			mgr.expect("end\r", "end\n"+p)
		})
	}
}

// ^C at the telnet login prompts starts the login over instead of
// hanging up, and is not counted as a wrong login.
func TestCtrlCAtTelnetLoginStartsOver(t *testing.T) {
	f := newFixture(t, nil)
	scr := &testterm.Screen{}
	conn := console.NewConn(scr, true, 80, 24)
	sess := &commands.Session{Host: f.h, Transport: "TELNET", Peer: "127.0.0.1", Paging: true, Width: 80, Height: 24}
	fails := 0
	sess.OnAuthFail = func() { fails++ }
	v := procurve.Vendor{}
	cli := console.NewCLI(conn, sess, v.Shell(sess, model.Active), f.h, v.Texts())
	done := make(chan error, 1)
	go func() { done <- cli.Serve(); conn.End() }()
	t.Cleanup(func() { conn.Close(); <-done })
	s := &session{t: t, f: f, scr: scr, l: &server.Local{Conn: conn}}
	conn.WaitIdle()
	scr.Fresh()
	s.expect(" ", "\nPlease Enter Login Name: ")
	s.expect("man\x03", "man\nPlease Enter Login Name: ")
	s.expect("manager\r", "manager\nPlease Enter Password: ")
	s.expect("\x03", "\nPlease Enter Login Name: ")
	s.expect("manager\r", "manager\nPlease Enter Password: ")
	s.expect("manager\r", "\n"+p)
	if fails != 0 {
		t.Fatalf("^C counted as %d wrong logins", fails)
	}
}

// A wrong telnet login is written to the event log (issue 14, defect 10).
func TestWrongTelnetLoginIsLogged(t *testing.T) {
	f := newFixture(t, nil)
	scr := &testterm.Screen{}
	conn := console.NewConn(scr, true, 80, 24)
	sess := &commands.Session{Host: f.h, Transport: "TELNET", Peer: "10.1.1.1", Paging: true, Width: 80, Height: 24}
	v := procurve.Vendor{}
	cli := console.NewCLI(conn, sess, v.Shell(sess, model.Active), f.h, v.Texts())
	done := make(chan error, 1)
	go func() { done <- cli.Serve(); conn.End() }()
	t.Cleanup(func() { conn.Close(); <-done })
	s := &session{t: t, f: f, scr: scr, l: &server.Local{Conn: conn}}
	conn.WaitIdle()
	s.typ(" ")
	s.typ("manager\r")
	s.expect("nope\r", "\nInvalid password\nPlease Enter Login Name: ")
	var last model.LogEntry
	f.h.View(func(c *model.Chassis) { last = c.Log[len(c.Log)-1] })
	if last.Msg != model.MsgLoginFailed || strings.Join(last.Args, " ") != "TELNET 10.1.1.1 manager" {
		t.Fatalf("last log entry %+v", last)
	}
}

package server

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/model"
)

// logText is the chassis's event log rendered by its vendor (show log -a).
func logText(t *testing.T, h *Host) string {
	t.Helper()
	var msgs []string
	h.View(func(c *model.Chassis) {
		for _, e := range c.Log {
			msgs = append(msgs, e.Msg.String()+" "+strings.Join(e.Args, " ")+" "+string(rune('0'+e.Module)))
		}
	})
	return strings.Join(msgs, "\n")
}

// Events leave a trace (issue 14, defect 10): a crash prints its text on
// the module's console before the ROM banner; pulling the standby is
// logged on the active; exec sessions and refused logins are logged.
func TestCrashTextOnTheConsole(t *testing.T) {
	s := startServer(t, nil)
	h := s.Host("c1")
	c1 := openLocal(t, s, Console(0))
	c2 := openLocal(t, s, Console(1))
	c1.s.FreshLF()
	c2.s.FreshLF()
	// the standby crashes: its console
	if err := h.Crash("mm2"); err != nil {
		t.Fatal(err)
	}
	settleAll(c2)
	inOrder(t, c2.s.FreshLF(), "\nSoftware exception in task. The management module reboots.\n", "\nROM information:\n")
	// the active crashes: the standby takes over, and the old active's
	// console shows the crash before it reboots
	h.Advance(10 * 60e9)
	settleAll(c1, c2)
	c1.s.FreshLF()
	if err := h.Crash("mm1"); err != nil {
		t.Fatal(err)
	}
	settleAll(c1)
	inOrder(t, c1.s.FreshLF(), "\nSoftware exception in task. The management module reboots.\n", "\nROM information:\n")
}

func TestPullingTheStandbyIsLogged(t *testing.T) {
	s := startServer(t, nil)
	h := s.Host("c1")
	if err := h.Pull("mm2"); err != nil {
		t.Fatal(err)
	}
	c := openLocal(t, s, Management("manager", true))
	c.typ(" ")
	c.typ("no page\r")
	if out := c.typ("show log\r"); !strings.Contains(out, "W 01/26/14 17:34:07 00266 system: Lost Communication with Mgmt Module 2\n") {
		t.Fatalf("the pull left no trace:\n%s", out)
	}
}

func TestExecSessionsAndRefusedLoginsAreLogged(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.Chassis[0].Telnet = "127.0.0.1:0" })
	h := s.Host("c1")
	addr := s.Addrs()[0].Mgmt
	conn, err := sshtest.Dial(addr, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := conn.NewSession()
	if _, err := sess.Output("show version"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if _, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "manager", Auth: []gossh.AuthMethod{gossh.Password("wrong")},
		HostKeyCallback: gossh.InsecureIgnoreHostKey()}); err == nil {
		t.Fatal("a wrong password logged in")
	}
	// a wrong password on a console port is the terminal server's: not logged
	if _, err := sshtest.Dial(s.Addrs()[0].Consoles[0], "manager", "wrong"); err == nil {
		t.Fatal("a wrong console password logged in")
	}
	got := logText(t, h)
	if !strings.Contains(got, "session SSH 127.0.0.1 manager") {
		t.Fatalf("the exec session is not in the log:\n%s", got)
	}
	if n := strings.Count(got, "login-failed SSH 127.0.0.1 manager"); n != 1 {
		t.Fatalf("%d refused SSH logins in the log:\n%s", n, got)
	}
	c := openLocal(t, s, Management("manager", true))
	c.typ(" ")
	c.typ("no page\r")
	if out := c.typ("show log\r"); !strings.Contains(out, "W 01/26/14 17:34:07 00279 auth: Invalid user name/password on SSH session from\n"+strings.Repeat(" ", 32)+"127.0.0.1\n") {
		t.Fatalf("show log:\n%s", out)
	}
}

package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/vendors"
)

var testStart = time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)

// startServer serves the default chassis on ephemeral ports with a
// virtual clock.
func startServer(t *testing.T, edit func(*scenario.Scenario), opts ...func(*Config)) *Server {
	t.Helper()
	sc := vendors.Default()
	sc.Clock = testStart
	if edit != nil {
		edit(sc)
	}
	cfg := Config{
		Vendors: vendors.Registry,
		Virtual: true,
		Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0",
			Consoles: []string{"127.0.0.1:0", "127.0.0.1:0"}}},
	}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const showVersionBothModules = "show version\r\n" +
	"Management Module 1: Active\r\n" +
	"Image stamp:    /ws/swbuildm/ec_rel_eureka_qaoff/code/build/btm(swbuildm_ec_rel_eureka_qaoff_ec_rel_eureka)\r\n" +
	"                Apr 20 2012 12:34:21\r\n" +
	"                K.15.06.0017\r\n" +
	"                13\r\n" +
	"Boot Image:     Primary\r\n" +
	"\r\n" +
	"Management Module 2: Standby\r\n" +
	"Image stamp:    /ws/swbuildm/ec_rel_eureka_qaoff/code/build/btm(swbuildm_ec_rel_eureka_qaoff_ec_rel_eureka)\r\n" +
	"                Apr 20 2012 12:34:21\r\n" +
	"                K.15.06.0017\r\n" +
	"                13\r\n" +
	"Boot Image:     Primary\r\n" +
	"HP-E8212zl# "

func TestManagementAddressShowVersion(t *testing.T) {
	s := startServer(t, nil)
	c := sshtest.Open(t, s.Addrs()[0].Mgmt, "manager", "manager", 80, 24)
	c.Login("HP-E8212zl# ")
	c.Send("show version\r")
	if got := c.Until("HP-E8212zl# "); got != showVersionBothModules {
		t.Fatalf("got %q\nwant %q", got, showVersionBothModules)
	}
}

func TestModuleConsoles(t *testing.T) {
	s := startServer(t, nil)
	a := s.Addrs()[0]
	// module 1 is active: its console runs the full CLI
	c1 := sshtest.Open(t, a.Consoles[0], "manager", "manager", 80, 24)
	c1.Login("HP-E8212zl# ")
	c1.Send("show version\r")
	if got := c1.Until("HP-E8212zl# "); got != showVersionBothModules {
		t.Fatalf("console 1: %q", got)
	}
	// module 2 is standby: the standby prompt, its own software only
	c2 := sshtest.Open(t, a.Consoles[1], "manager", "manager", 80, 24)
	c2.Until("Standby Console> ")
	c2.Send("show version\r")
	want := "show version\r\n" +
		"Image stamp:    /ws/swbuildm/ec_rel_eureka_qaoff/code/build/btm(swbuildm_ec_rel_eureka_qaoff_ec_rel_eureka)\r\n" +
		"                Apr 20 2012 12:34:21\r\n" +
		"                K.15.06.0017\r\n" +
		"                13\r\n" +
		"Boot Image:     Primary\r\n" +
		"Standby Console> "
	if got := c2.Until("Standby Console> "); got != want {
		t.Fatalf("console 2: %q", got)
	}
	c2.Send("show running-config\r")
	if got := c2.Until("Standby Console> "); got != "show running-config\r\nInvalid input: running-config\r\nStandby Console> " {
		t.Fatalf("standby other command: %q", got)
	}
}

func TestSwitchoverEndsSessionsAndMovesTheAddress(t *testing.T) {
	s := startServer(t, nil)
	a := s.Addrs()[0]
	h := s.Host("c1")
	c2 := sshtest.Open(t, a.Consoles[1], "manager", "manager", 80, 24)
	c2.Until("Standby Console> ")
	c := sshtest.Open(t, a.Mgmt, "manager", "manager", 80, 24)
	c.Login("HP-E8212zl# ")
	c.Send("redundancy switchover\r")
	c.Until("Do you want to continue [y/n]? ")
	c.Send("y")
	out := c.WaitEOF()
	if !strings.HasSuffix(out, "y\r\n") {
		t.Fatalf("after y: %q", out)
	}
	// the takeover is in progress: new connections are refused
	if h.ActiveModule() != -1 {
		t.Fatalf("active %d during takeover", h.ActiveModule())
	}
	if conn, err := sshtest.Dial(a.Mgmt, "manager", "manager"); err == nil {
		conn.Close()
		t.Fatal("connected while no module was active")
	}
	h.Advance(10 * time.Minute)
	if h.ActiveModule() != 1 {
		t.Fatalf("active %d", h.ActiveModule())
	}
	// module 2's console followed it: standby prompt gone, CLI banner
	c2.Until("Press any key to continue")
	c3 := sshtest.Open(t, a.Mgmt, "manager", "manager", 80, 24)
	c3.Login("HP-E8212zl# ")
	c3.Send("show redundancy\r")
	got := c3.Until("HP-E8212zl# ")
	if !strings.Contains(got, "Failovers       : 1\r\n  Last Failover   : Sun Jan 26 17:34:12 2014\r\n") ||
		!strings.Contains(got, "1    HP J9092A Management Module 8200zl        Standby  K.15.06.0017 Primary\r\n2    HP J9092A Management Module 8200zl        Active   K.15.06.0017 Primary\r\n") {
		t.Fatalf("after switchover: %q", got)
	}
}

func TestExec(t *testing.T) {
	s := startServer(t, nil)
	conn, err := sshtest.Dial(s.Addrs()[0].Mgmt, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, _ := conn.NewSession()
	out, err := sess.Output("show flash")
	if err != nil {
		t.Fatalf("exit: %v", err)
	}
	want := "Image           Size(Bytes)   Date   Version       Build #\n" +
		"-----           ----------  -------- ------------  -------\n" +
		"Primary Image   : 15604392  04/20/12 K.15.06.0017  13\n" +
		"Secondary Image : 15581106  12/05/11 K.15.06.0008  2\n" +
		"Boot Rom Version: K.15.29\n" +
		"Default Boot    : Primary\n"
	if string(out) != want {
		t.Fatalf("got %q\nwant %q", out, want)
	}
	sess, _ = conn.NewSession()
	out, err = sess.Output("show nothing")
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 || string(out) != "Invalid input: nothing\n" {
		t.Fatalf("unknown command: %q %v", out, err)
	}
}

func TestAuthentication(t *testing.T) {
	s := startServer(t, nil)
	addr := s.Addrs()[0].Mgmt
	if _, err := sshtest.Dial(addr, "manager", "wrong"); err == nil {
		t.Fatal("wrong password accepted")
	}
	if _, err := sshtest.Dial(addr, "nobody", "manager"); err == nil {
		t.Fatal("unknown user accepted")
	}
	// keyboard-interactive
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "manager", HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			if len(qs) != 1 || qs[0] != "Password: " {
				return nil, fmt.Errorf("questions %q", qs)
			}
			return []string{"manager"}, nil
		})}})
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	// the operator lands at ">", and enable asks for the manager's credentials
	c := sshtest.Open(t, addr, "operator", "operator", 80, 24)
	c.Login("HP-E8212zl> ")
	c.Send("enable\r")
	c.Until("Username: ")
	c.Send("manager\r")
	c.Until("Password: ")
	c.Send("manager\r")
	// the password is not echoed
	if got := c.Until("HP-E8212zl# "); got != "\r\nHP-E8212zl# " {
		t.Fatalf("enable: %q", got)
	}
}

func TestNoPasswordMeansNoneAuth(t *testing.T) {
	s := startServer(t, func(sc *scenario.Scenario) {
		sc.Chassis.Credentials.ManagerPassword = ""
		sc.Chassis.Credentials.OperatorPassword = ""
	})
	conn, err := gossh.Dial("tcp", s.Addrs()[0].Mgmt, &gossh.ClientConfig{User: "manager", HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatalf("none auth refused: %v", err)
	}
	conn.Close()
}

func TestHostKeyPersists(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "state.json")
	keyOf := func() string {
		sc := vendors.Default()
		sc.Clock = testStart
		s, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: file}}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var key gossh.PublicKey
		conn, err := gossh.Dial("tcp", s.Addrs()[0].Mgmt, &gossh.ClientConfig{User: "manager", Auth: []gossh.AuthMethod{gossh.Password("manager")},
			HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { key = k; return nil }})
		if err != nil {
			t.Fatal(err)
		}
		conn.Close()
		return string(key.Marshal())
	}
	k1 := keyOf()
	k2 := keyOf()
	if k1 != k2 {
		t.Fatal("host key changed across restarts")
	}
	st, err := os.Stat(file)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("state file mode %v %v", st.Mode(), err)
	}
}

// panicShell breaks on one command, as a bug in a handler would.
type panicShell struct{ commands.Shell }

func (p panicShell) Run(t commands.Terminal, line string) error {
	if line == "boom" {
		panic("handler bug")
	}
	return p.Shell.Run(t, line)
}

func TestSessionPanicIsContained(t *testing.T) {
	s := startServer(t, nil, func(c *Config) {
		c.wrapShell = func(sh commands.Shell) commands.Shell { return panicShell{sh} }
		c.Logf = func(string, ...any) {}
	})
	c1 := sshtest.Open(t, s.Addrs()[0].Mgmt, "manager", "manager", 80, 24)
	c1.Login("HP-E8212zl# ")
	c2 := sshtest.Open(t, s.Addrs()[0].Mgmt, "manager", "manager", 80, 24)
	c2.Login("HP-E8212zl# ")
	c1.Send("boom\r")
	c1.WaitEOF()
	// the other session and the server go on
	c2.Send("show flash\r")
	c2.Until("Default Boot    : Primary\r\n")
	c3 := sshtest.Open(t, s.Addrs()[0].Mgmt, "manager", "manager", 80, 24)
	c3.Login("HP-E8212zl# ")
}

func TestControlAPI(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.Control, c.ControlToken = "127.0.0.1:0", "sekrit" })
	base := "http://" + s.ControlAddr() + "/v1/chassis/c1/"
	call := func(method, path, body, token, host string) (int, string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := call("GET", "state", "", "", ""); code != 401 {
		t.Fatalf("no token: %d", code)
	}
	if code, _ := call("GET", "state", "", "sekrit", "evil.example:80"); code != 403 {
		t.Fatalf("foreign Host header: %d", code)
	}
	code, body := call("GET", "state", "", "sekrit", "")
	var st State
	if code != 200 || json.Unmarshal([]byte(body), &st) != nil || st.Active != 1 {
		t.Fatalf("state: %d %s", code, body)
	}
	if code, body := call("POST", "press", `{"module":"mm3","button":"reset"}`, "sekrit", ""); code != 400 || !strings.Contains(body, "mm3") {
		t.Fatalf("bad module: %d %s", code, body)
	}
	if code, _ := call("POST", "press", `{"module":"mm1","button":"reset","bogus":1}`, "sekrit", ""); code != 400 {
		t.Fatalf("unknown field: %d", code)
	}
	if code, _ := call("POST", "explode", `{}`, "sekrit", ""); code != 404 {
		t.Fatalf("unknown action: %d", code)
	}
	// pull the standby, then try to pull it again: refused, nothing changed
	if code, body := call("POST", "pull", `{"module":"mm2"}`, "sekrit", ""); code != 200 || !strings.Contains(body, `"present":false`) {
		t.Fatalf("pull: %d %s", code, body)
	}
	if code, body := call("POST", "pull", `{"module":"mm2"}`, "sekrit", ""); code != 409 || !strings.Contains(body, "empty") {
		t.Fatalf("pull twice: %d %s", code, body)
	}
	// insert it back and let it boot
	if code, body := call("POST", "insert", `{"module":"mm2","primary":"K.15.06.0017","secondary":"K.15.06.0008"}`, "sekrit", ""); code != 200 {
		t.Fatalf("insert: %d %s", code, body)
	}
	if code, _ := call("POST", "advance", `{"duration":"10m"}`, "sekrit", ""); code != 200 {
		t.Fatal("advance")
	}
	var mods []string
	s.Host("c1").View(func(c *model.Chassis) {
		for _, m := range c.Modules {
			mods = append(mods, m.State.String())
		}
	})
	if strings.Join(mods, ",") != "active,standby" {
		t.Fatalf("after insert: %v", mods)
	}
}

// The bytes on the wire are the console's: nothing in the SSH layer
// rewrites "\r\r\n" (the real banner's line ends) or "\n".
func TestWireBytesUntouched(t *testing.T) {
	s := startServer(t, nil)
	c := sshtest.Open(t, s.Addrs()[0].Mgmt, "manager", "manager", 80, 24)
	got := c.Until("Press any key to continue")
	if !strings.HasPrefix(got, "HP J9091A Switch E8212zl\r\r\nSoftware revision K.15.06.0017\r\r\n\r\r\nCopyright (C) 1991-2012 Hewlett-Packard Development Company, L.P.\r\n\r\n") {
		t.Fatalf("banner bytes: %q", got[:140])
	}
	if strings.Contains(strings.ReplaceAll(got, "\r\n", ""), "\n") {
		t.Fatal("a bare LF on the wire")
	}
}

func TestNoneAuthKeepsTheOperatorAnOperator(t *testing.T) {
	s := startServer(t, func(sc *scenario.Scenario) {
		sc.Chassis.Credentials.ManagerPassword = ""
		sc.Chassis.Credentials.OperatorPassword = ""
	})
	conn, err := gossh.Dial("tcp", s.Addrs()[0].Mgmt, &gossh.ClientConfig{User: "operator", HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, _ := conn.NewSession()
	out, _ := sess.Output("configure")
	if string(out) != "Invalid input: configure\n" {
		t.Fatalf("operator with none auth: %q", out)
	}
}

// A client that connects and never authenticates is dropped after the
// login grace time; one that logs in keeps its session past it.
func TestLoginGrace(t *testing.T) {
	const grace = time.Second
	s := startServer(t, nil, func(c *Config) { c.LoginGrace = grace })
	start := time.Now()
	c := sshtest.Open(t, s.Addrs()[0].Mgmt, "manager", "manager", 80, 24)
	c.Login("HP-E8212zl# ")
	raw, err := net.Dial("tcp", s.Addrs()[0].Mgmt)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.ReadAll(raw); err != nil {
		t.Fatalf("the idle connection was not closed by the server: %v", err)
	}
	// the idle one is gone, so the grace has passed for the logged-in one
	// too (it connected first): it still answers
	if time.Since(start) < grace {
		t.Fatalf("dropped before the grace: %v", time.Since(start))
	}
	c.Send("\r")
	c.Until("HP-E8212zl# ")
}

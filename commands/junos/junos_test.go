package junos_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/switchsimtest"
	"github.com/switchsim/switchsim/vendors"
)

var start = time.Date(2014, 6, 2, 9, 15, 0, 0, time.UTC)

type fixture struct {
	t   *testing.T
	srv *server.Server
	h   *server.Host
}

// newFixture serves the built-in mx240, optionally edited.
func newFixture(t *testing.T, edit func(*scenario.Scenario)) *fixture {
	t.Helper()
	sc, err := vendors.Scenario("mx240", nil)
	if err != nil {
		t.Fatal(err)
	}
	sc.Clock = start
	if edit != nil {
		edit(sc)
	}
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc,
		Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &fixture{t: t, srv: srv, h: srv.Host("c")}
}

// withConfig replaces the scenario's configuration text.
func withConfig(text string) func(*scenario.Scenario) {
	return func(sc *scenario.Scenario) {
		for _, m := range sc.Chassis.Modules {
			cf := m.Configs["juniper.conf"]
			if _, err := vendors.Registry.Profiles("junos"); err != nil {
				panic(err)
			}
			p, _ := vendors.Profiles("junos")
			if _, err := p.ReadConfig(cf, text); err != nil {
				panic(err)
			}
		}
	}
}

type session struct {
	t   *testing.T
	f   *fixture
	l   *server.Local
	scr *testterm.Screen
}

// open logs in on the management address (or a console) and returns at
// the prompt.
func (f *fixture) open(t server.Target) *session {
	f.t.Helper()
	scr := &testterm.Screen{}
	l, err := f.srv.OpenLocal("c", t, scr)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(l.Close)
	s := &session{t: f.t, f: f, l: l, scr: scr}
	l.Conn.WaitIdle()
	return s
}

func (f *fixture) mgmt() *session { return f.open(server.Management("admin", true)) }

func (s *session) typ(in string) string {
	s.t.Helper()
	s.l.Conn.Feed([]byte(in))
	s.l.Conn.WaitIdle()
	return strings.ReplaceAll(s.scr.Fresh(), "\r\n", "\n")
}

// expect types and compares the output exactly ("\r\n" written "\n").
func (s *session) expect(in, want string) {
	s.t.Helper()
	if got := s.typ(in); got != want {
		s.t.Fatalf("after %q:\n got %q\nwant %q", in, got, want)
	}
}

// contains types and checks that the output holds each part.
func (s *session) contains(in string, parts ...string) string {
	s.t.Helper()
	got := s.typ(in)
	for _, p := range parts {
		if !strings.Contains(got, p) {
			s.t.Fatalf("after %q: no %q in\n%s", in, p, got)
		}
	}
	return got
}

const (
	op  = "\n{master}\nadmin@mx240-lab> "
	cfg = "\n{master}[edit]\nadmin@mx240-lab# "
)

func TestLoginBannerAndPrompt(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	if got := strings.ReplaceAll(s.scr.Fresh(), "\r\n", "\n"); got != "--- JUNOS 13.3R1.4 built 2013-12-21 07:24:59 UTC\n{master}\nadmin@mx240-lab> " {
		t.Fatalf("login: %q", got)
	}
	// an empty line: a blank line, the banner and the prompt
	s.expect("\r", "\n"+op)
}

func TestEchoAndCompleteOnSpace(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	// a unique strict prefix is completed at the space; Enter on an
	// accepted command echoes one blank
	if got := s.typ("sh sys upt\r"); !strings.HasPrefix(got, "show system upt \nCurrent time: 2014-06-02 09:15:00 UTC\n") {
		t.Fatalf("completion: %q", got)
	}
	// whole keywords, values and quoted text are echoed as typed
	s.typ("configure\r")
	got := s.typ(`set snmp contact "sh ow"` + "\r")
	if !strings.HasPrefix(got, `set snmp contact "sh ow" `+"\n") {
		t.Fatalf("quoted text rewritten: %q", got)
	}
	got = s.typ("set system host-name ro\r")
	if !strings.HasPrefix(got, "set system host-name ro \n") {
		t.Fatalf("value rewritten: %q", got)
	}
	s.typ("exit\ryes\r")
	// a rejected command: no blank after the echo
	s.expect("show foo\r", "show foo\n"+strings.Repeat(" ", 22)+"^\nsyntax error, expecting <command>.\n"+op)
	// ambiguous and unknown prefixes stay as typed
	if got := s.typ("s "); got != "s " {
		t.Fatalf("ambiguous prefix completed: %q", got)
	}
	s.typ("\x15")
	s.expect("set cli complete-on-space off\r", "set cli complete-on-space off \nDisabling complete-on-space\n"+op)
	if got := s.typ("sh "); got != "sh " {
		t.Fatalf("completed with complete-on-space off: %q", got)
	}
}

func TestCaretErrors(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	pad := func(n int) string { return strings.Repeat(" ", n) }
	// the prompt "admin@mx240-lab> " is 17 wide
	s.expect("dis clock\r", "dis clock\n"+pad(17)+"^\nunknown command.\n"+op)
	s.expect("show chassis i\r", "show chassis i\n"+pad(30)+"^\nsyntax error, expecting <command>.\n"+op)
	s.expect("show system s\r", "show system s\n"+pad(29)+"^\n's' is ambiguous.\nPossible completions:\n"+
		"  storage              Show local storage data\n  switchover           Display graceful switchover information\n"+op)
	s.expect("set cli screen-length abc\r", "set cli screen-length abc\n"+pad(39)+"^\ninvalid numeric value: 'abc'.\n"+op)
	s.expect("set cli screen-length\r", "set cli screen-length\n"+pad(39)+"^\nmissing argument.\n"+op)
	s.typ("configure\r")
	s.expect("set\r", "set\n"+pad(21)+"^\nsyntax error.\n"+cfg)
	s.expect("set interfaces\r", "set interfaces\n"+pad(32)+"^\nmissing argument.\n"+cfg)
	s.expect("set interfaces sdfsdf\r", "set interfaces sdfsdf\n"+pad(32)+"^\ninvalid interface type in 'sdfsdf'.\n"+cfg)
	s.expect("set system arrr\r", "set system arrr\n"+pad(28)+"^\nsyntax error.\n"+cfg)
	s.expect("s\r", "s\n"+pad(17)+"^\n's' is ambiguous.\nPossible completions:\n"+
		"  set                  Set a parameter\n  show                 Show a parameter\n  status               Show users currently editing configuration\n"+cfg)
	// nothing of it reached the candidate
	s.expect("show | compare\r", "show | compare \n"+cfg)
}

func TestHelpLayout(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.expect("show chassis ?", "show chassis ?\nPossible completions:\n"+
		"  hardware             Show installed hardware components\n"+
		"  routing-engine       Show Routing Engine information\n"+
		"{master}\nadmin@mx240-lab> show chassis ")
	s.typ("\x15")
	s.expect("show version ?", "show version ?\nPossible completions:\n"+
		"  <[Enter]>            Execute this command\n"+
		"  invoke-on            Invoke the command on other Routing Engines\n"+
		"  |                    Pipe through a command\n"+
		"{master}\nadmin@mx240-lab> show version ")
	s.typ("\x15configure\r")
	s.expect("set chassis redundancy ?", "set chassis redundancy ?\nPossible completions:\n"+
		"> failover             Failover to other Routing Engine\n"+
		"  graceful-switchover  Enable graceful switchover on supported hardware\n"+
		"  routing-engine       Redundancy options for Routing Engines\n"+
		"{master}[edit]\nadmin@mx240-lab# set chassis redundancy ")
	s.typ("\x15")
	s.expect("set routing-options static route 10.0.0.0/8 ?", "set routing-options static route 10.0.0.0/8 ?\nPossible completions:\n"+
		"  <[Enter]>            Execute this command\n"+
		"  discard              Drop packets to destination; send no ICMP unreachables\n"+
		"+ next-hop             Next hop to destination\n"+
		"  reject               Drop packets to destination; send ICMP unreachables\n"+
		"  |                    Pipe through a command\n"+
		"{master}[edit]\nadmin@mx240-lab# set routing-options static route 10.0.0.0/8 ")
	s.typ("\x15")
	s.expect("show foo?", "show foo?\nNo valid completions\n{master}[edit]\nadmin@mx240-lab# show foo")
}

func TestCommitOnBothREs(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.expect("configure\r", "configure \nEntering configuration mode\n"+cfg)
	s.expect("set snmp contact ops\r", "set snmp contact ops \n"+cfg)
	s.expect("show | compare\r", "show | compare \n[edit snmp]\n-  contact \"noc@example.net\";\n+  contact ops;\n"+cfg)
	s.expect("commit check\r", "commit check \nre0:\nconfiguration check succeeds\nre1:\nconfiguration check succeeds\n"+cfg)
	s.expect("commit comment \"contact\"\r", "commit comment \"contact\" \nre0:\nconfiguration check succeeds\nre1:\ncommit complete\nre0:\ncommit complete\n"+cfg)
	f.h.View(func(c *model.Chassis) {
		for i := range c.Modules {
			if got := c.Committed(i).Contact; got != "ops" {
				t.Errorf("re%d contact %q", i, got)
			}
			if n := len(c.Modules[i].Rollbacks); n != 1 {
				t.Errorf("re%d keeps %d rollbacks", i, n)
			}
		}
	})
	s.contains("run show system commit\r", "0   2014-06-02 09:15:00 UTC by admin via cli\n    contact\n")
	s.expect("run show configuration | compare rollback 1\r", "run show configuration | compare rollback 1 \n[edit snmp]\n-  contact \"noc@example.net\";\n+  contact ops;\n"+cfg)
	s.expect("run show configuration snmp | display set\r", "run show configuration snmp | display set \nset snmp location \"Lab rack 4\"\nset snmp contact ops\nset snmp community public authorization read-only\n"+cfg)
	// rollback 1 brings the old contact back into the candidate
	s.expect("rollback 1\r", "rollback 1 \nload complete\n"+cfg)
	s.expect("show snmp contact\r", "show snmp contact \ncontact \"noc@example.net\";\n"+cfg)
	s.expect("rollback 60\r", "rollback 60\n"+strings.Repeat(" ", 26)+"^\nvalue is out of range: '60' (0..49)\n"+cfg)
	s.expect("rollback 7\r", "rollback 7 \nerror: invalid rollback number: 7\n"+cfg)
	// leaving with uncommitted changes asks; Enter takes the default
	s.expect("exit\r", "exit \nThe configuration has been changed but not committed\nExit with uncommitted changes? [yes,no] (yes) ")
	s.expect("\r", "\nExiting configuration mode\n"+op)
	// coming back shows the pending change
	s.expect("configure\r", "configure \nEntering configuration mode\nThe configuration has been changed but not committed\n"+cfg)
	s.expect("commit and-quit\r", "commit and-quit \nre0:\nconfiguration check succeeds\nre1:\ncommit complete\nre0:\ncommit complete\nExiting configuration mode\n"+op)
}

func TestCommitChecks(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.typ("configure\r")
	s.expect("delete system root-authentication\r", "delete system root-authentication \n"+cfg)
	s.expect("commit\r", "commit \n[edit]\n  'system'\n    Missing mandatory statement: 'root-authentication'\nerror: commit failed: (missing mandatory statements)\n"+cfg)
	s.typ("rollback 0\r")
	s.expect("delete system commit\r", "delete system commit \n"+cfg)
	s.contains("commit\r", "'nonstop-routing'\n", "error: commit failed")
	f.h.View(func(c *model.Chassis) {
		if !strings.Contains(c.Running.Location, "Lab rack") || len(c.Modules[0].Rollbacks) != 0 {
			t.Fatal("a failed commit changed the configuration")
		}
	})
	// without synchronize, a commit stays on this RE and prints no blocks
	s.typ("delete routing-options nonstop-routing\r")
	s.expect("commit\r", "commit \nconfiguration check succeeds\ncommit complete\n"+cfg)
	f.h.View(func(c *model.Chassis) {
		if len(c.Modules[1].Rollbacks) != 0 || len(c.Modules[0].Rollbacks) != 1 {
			t.Fatal("commit without synchronize reached re1")
		}
	})
}

func TestMastershipSwitch(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.expect("request chassis routing-engine master switch\r", "request chassis routing-engine master switch \nToggle mastership between routing engines ? [yes,no] (no) ")
	s.expect("yes\r", "yes\n\nResolving mastership...\nComplete. The other routing engine becomes the master.\n\n{backup}\nadmin@mx240-lab> ")
	f.h.Advance(2 * time.Second)
	if a := f.h.ActiveModule(); a != 1 {
		t.Fatalf("active RE %d after the switch", a)
	}
	// the session stays on re0, now the backup
	s.contains("show chassis routing-engine | match state\r", "Current state                  Backup\n    Current state                  Master\n\n{backup}\n")
	s.expect("show system switchover\r", "show system switchover \nGraceful switchover: On\nConfiguration database: Ready\nKernel database: Ready\nSwitchover Status: Not Ready\n\n{backup}\nadmin@mx240-lab> ")
	// a new session lands on the new master, which waits 240 s before the
	// next switch
	n := f.mgmt()
	n.scr.Fresh()
	n.expect("request chassis routing-engine master switch check\r", "request chassis routing-engine master switch check \nCommand aborted. Not ready for mastership switch, try after 238 secs.\n"+op)
	f.h.Advance(100 * time.Second)
	n.expect("request chassis routing-engine master switch\r", "request chassis routing-engine master switch \nCommand aborted. Not ready for mastership switch, try after 138 secs.\n"+op)
	f.h.Advance(138 * time.Second)
	n.expect("request chassis routing-engine master switch check\r", "request chassis routing-engine master switch check \nSwitchover Ready\n"+op)
	n.expect("request chassis routing-engine master switch\r", "request chassis routing-engine master switch \nToggle mastership between routing engines ? [yes,no] (no) ")
	n.expect("no\r", "no\n"+op)
	// rlogin to the other RE and back
	n.expect("request routing-engine login other-routing-engine\r", "request routing-engine login other-routing-engine \n\n--- JUNOS 13.3R1.4 built 2013-12-21 07:24:59 UTC\n{backup}\nadmin@mx240-lab> ")
	n.contains("show system switchover\r", "Switchover Status: Ready\n")
	n.expect("exit\r", "exit \n\nrlogin: connection closed\n"+op)
}

func TestSwitchWithoutGRES(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.typ("configure\r")
	s.typ("delete chassis redundancy graceful-switchover\r")
	s.typ("delete routing-options nonstop-routing\r")
	s.contains("commit and-quit\r", "commit complete\nExiting configuration mode\n")
	s.expect("request chassis routing-engine master switch\r", "request chassis routing-engine master switch \nwarning: Traffic will be interrupted while the PFE is re-initialized\nToggle mastership between routing engines ? [yes,no] (no) ")
	s.typ("\r")
}

func TestPipes(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.expect(`show version invoke-on all-routing-engines | match "re0|re1|junos:"`+"\r",
		`show version invoke-on all-routing-engines | match "re0|re1|junos:" `+"\nre0:\nJunos: 13.3R1.4\nre1:\nJunos: 13.3R1.4\n"+op)
	s.expect("show version | count\r", "show version | count \nCount: 33 lines\n"+op)
	s.expect("show version | except JUNOS | last 2\r", "show version | except JUNOS | last 2 \nHostname: mx240-lab\nModel: mx240\n"+op)
	s.expect("show configuration snmp | display set\r", "show configuration snmp | display set \n"+
		"set snmp location \"Lab rack 4\"\nset snmp contact \"noc@example.net\"\nset snmp community public authorization read-only\n"+op)
	s.expect("show configuration system commit\r", "show configuration system commit \nsynchronize;\n"+op)
	s.expect("show version | frob\r", "show version | frob\n"+strings.Repeat(" ", 32)+"^\nsyntax error, expecting <command>.\n"+op)
}

func TestExclusiveAndPrivate(t *testing.T) {
	f := newFixture(t, nil)
	a, b := f.mgmt(), f.mgmt()
	a.scr.Fresh()
	b.scr.Fresh()
	a.expect("configure exclusive\r", "configure exclusive \nEntering configuration mode\n"+cfg)
	a.typ("set snmp contact a\r")
	b.contains("configure\r", "Entering configuration mode\nUsers currently editing the configuration:\n  admin terminal p", "      exclusive [edit]\nThe configuration has been changed but not committed\n")
	b.contains("set snmp contact b\r", "error: configuration database locked by:\n  admin terminal p")
	b.expect("exit\r", "exit \nThe configuration has been changed but not committed\nExit with uncommitted changes? [yes,no] (yes) ")
	b.typ("yes\r")
	b.expect("configure private\r", "configure private \nerror: shared configuration database modified\n"+op)
	// leaving exclusive mode with changes rolls them back
	a.expect("exit\r", "exit \nThe configuration has been changed but not committed\nwarning: Auto rollback on exiting 'configure exclusive'\nDiscard uncommitted changes? [yes,no] (yes) ")
	a.expect("yes\r", "yes\nwarning: discarding uncommitted changes\nload complete\nExiting configuration mode\n"+op)
	b.expect("configure private\r", "configure private \nwarning: uncommitted changes will be discarded on exit\nEntering configuration mode\n"+cfg)
	b.typ("set snmp contact private\r")
	a.expect("configure exclusive\r", "configure exclusive \nEntering configuration mode\nUsers currently editing the configuration:\n  admin terminal "+b.tty()+" (pid "+b.pid()+") on since 2014-06-02 09:15:00 UTC\n      [edit]\n"+cfg)
	a.typ("exit\r")
	b.typ("edit snmp\r")
	b.contains("commit\r", "error: commit must be done from the top of the hierarchy in private mode\n")
	b.typ("top\r")
	b.contains("commit\r", "commit complete\n")
	f.h.View(func(c *model.Chassis) {
		if c.Running.Contact != "private" || c.CandidateChanged(0) {
			t.Fatalf("private commit: contact %q, shared candidate changed %v", c.Running.Contact, c.CandidateChanged(0))
		}
	})
}

func (s *session) tty() string {
	var out string
	s.f.h.View(func(c *model.Chassis) {
		for _, e := range c.Editors(0) {
			out = e.Terminal
		}
	})
	return out
}

func (s *session) pid() string {
	var out string
	s.f.h.View(func(c *model.Chassis) {
		for _, e := range c.Editors(0) {
			out = strings.TrimPrefix(e.Holder, "cli-")
		}
	})
	n := 0
	for _, ch := range out {
		n = n*10 + int(ch-'0')
	}
	return itoa(1200 + n%60000)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestCommitConfirmedRollsBack(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.typ("configure\r")
	s.typ("set system host-name tmp\r")
	s.expect("commit confirmed 2\r", "commit confirmed 2 \nre0:\nconfiguration check succeeds\ncommit confirmed will be automatically rolled back in 2 minutes unless confirmed\nre1:\ncommit complete\nre0:\ncommit complete\n\n# commit confirmed will be rolled back in 2 minutes\n{master}[edit]\nadmin@tmp# ")
	f.h.Advance(2*time.Minute + time.Second)
	s.expect("\r", "\n\n{master}[edit]\nadmin@mx240-lab# ")
	f.h.View(func(c *model.Chassis) {
		if c.Running.Hostname != "mx240-lab" || c.Committed(1).Hostname != "mx240-lab" {
			t.Fatalf("not rolled back: %q %q", c.Running.Hostname, c.Committed(1).Hostname)
		}
	})
	// a later commit confirms
	s.typ("set system host-name kept\r")
	s.typ("commit confirmed\r")
	s.typ("commit check\r")
	f.h.Advance(11 * time.Minute)
	f.h.View(func(c *model.Chassis) {
		if c.Running.Hostname != "kept" {
			t.Fatalf("confirmed commit rolled back: %q", c.Running.Hostname)
		}
	})
}

func TestConfigTextErrorsNameTheLine(t *testing.T) {
	y := "vendor: junos\nconfig:\n  text: |\n    system {\n        host-name a;\n        bogus-stanza 1;\n    }\n"
	_, err := scenario.Parse("x.yaml", []byte(y), nil, vendors.Profiles)
	if err == nil || !strings.Contains(err.Error(), "x.yaml:6: config.text: syntax error: bogus-stanza") {
		t.Fatalf("error %v", err)
	}
}

// Bad input of every kind is refused in Junos's words and changes nothing.
func TestBadInputLosesNothing(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	var before []byte
	f.h.View(func(c *model.Chassis) { before = []byte(strings.Join(renderAll(c), "\n")) })
	s.typ("configure\r")
	for _, l := range []string{
		"set interfaces ge-2/0/0 unit x", "set interfaces ge-2/0/0 unit 99999", "set routing-options static route 1.2.3 next-hop 1.1.1.1",
		"set snmp community", `set snmp contact "open`, "delete bogus", "set system login user", "edit system host-name",
		"set chassis redundancy routing-engine 2 master", "set chassis redundancy routing-engine 0 boss", "commit bogus",
		"commit comment", "rollback -1", "up up", "set version", "]]>]]>", strings.Repeat("set ", 400),
	} {
		out := s.typ(l + "\r")
		if !strings.Contains(out, "^\n") && !strings.Contains(out, "error:") && !strings.Contains(out, "warning:") {
			t.Errorf("%q got no error:\n%s", l, out)
		}
	}
	s.typ("exit\ryes\r")
	var after []byte
	f.h.View(func(c *model.Chassis) {
		after = []byte(strings.Join(renderAll(c), "\n"))
		if c.CandidateChanged(0) {
			t.Error("bad input changed the candidate")
		}
	})
	if string(before) != string(after) {
		t.Fatal("bad input changed the configuration")
	}
}

func renderAll(c *model.Chassis) []string {
	var out []string
	for i := range c.Modules {
		cf := c.Committed(i)
		out = append(out, cf.Hostname, cf.Contact, cf.Location)
		for _, s := range cf.Tree {
			out = append(out, s.Key)
		}
	}
	return out
}

// A commit is kept in the state file with its history; the candidate
// being edited survives too, as Junos keeps its candidate database.
func TestCommitsSurviveARestart(t *testing.T) {
	file := filepath.Join(t.TempDir(), "state.json")
	sw := switchsimtest.New(t, switchsimtest.Options{Builtin: "mx240", StateFile: file})
	s, err := sw.Login("admin", "admin123")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"configure", "set snmp contact kept", "commit comment \"before restart\"", "set snmp location pending", "exit configuration-mode"} {
		s.Write(l + "\n")
		if l == "exit configuration-mode" {
			if _, err := s.Expect("(yes) "); err != nil {
				t.Fatal(err)
			}
			s.Write("yes\n")
		}
		if _, err := s.ExpectPrompt(); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	sw.Close()
	sw2 := switchsimtest.New(t, switchsimtest.Options{Builtin: "mx240", StateFile: file})
	for cmd, want := range map[string]string{
		"show configuration snmp contact": "contact kept;\n",
		"show system commit":              "    before restart\n",
	} {
		out, err := sw2.Exec("admin", "admin123", cmd)
		if err != nil || !strings.Contains(out, want) {
			t.Fatalf("%s after the restart: %q, %v", cmd, out, err)
		}
	}
	sw2.View(func(c *model.Chassis) {
		if c.Candidate(0).Location != "pending" || len(c.Modules[1].Rollbacks) != 1 {
			t.Fatalf("candidate %q, re1 rollbacks %d", c.Candidate(0).Location, len(c.Modules[1].Rollbacks))
		}
	})
}

package exos_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/switchsimtest"
	"github.com/switchsim/switchsim/vendors"
)

var start = time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)

type fixture struct {
	t   *testing.T
	srv *server.Server
	h   *server.Host
}

func newFixture(t *testing.T, edit func(*scenario.Scenario)) *fixture {
	t.Helper()
	sc, err := vendors.Scenario("bd8810", nil)
	if err != nil {
		t.Fatal(err)
	}
	sc.Clock = start
	sc.Unreachable = []string{"10.9.9.9"}
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

type session struct {
	t   *testing.T
	f   *fixture
	l   *server.Local
	scr *testterm.Screen
}

// open logs in on the management address (admin, or user) and returns at
// the first prompt, past the banner.
func (f *fixture) open(admin bool) *session {
	f.t.Helper()
	scr := &testterm.Screen{}
	l, err := f.srv.OpenLocal("c", server.Management("", admin), scr)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(l.Close)
	s := &session{t: f.t, f: f, l: l, scr: scr}
	l.Conn.WaitIdle()
	if out := scr.Fresh(); !strings.HasPrefix(out, "ExtremeXOS\r\n") {
		f.t.Fatalf("banner: %q", out)
	}
	return s
}

func (s *session) typ(in string) string {
	s.t.Helper()
	s.l.Conn.Feed([]byte(in))
	s.l.Conn.WaitIdle()
	return s.scr.Fresh()
}

// expect types and compares the output exactly (raw bytes).
func (s *session) expect(in, want string) {
	s.t.Helper()
	if got := s.typ(in); got != want {
		s.t.Fatalf("after %q:\n got %q\nwant %q", in, got, want)
	}
}

func (s *session) advance(d time.Duration) {
	s.f.h.Advance(d)
	s.l.Conn.WaitIdle()
	s.scr.Fresh()
}

func TestPromptCounterAndUnsavedMarker(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("\r", "\r\nBD-8810.2 # ")
	s.expect("\r\n", "\r\nBD-8810.3 # ")
	s.expect("\n", "\r\nBD-8810.4 # ")
	s.expect("configure snmp sysName core1\r", "configure snmp sysName core1\r\n* core1.5 # ")
	s.expect("disable cli prompting\r", "disable cli prompting\r\n* core1.6 # ")
	s.expect("save\r", "save\r\nSaving configuration primary.cfg on master...... done!\r\n"+
		"Synchronizing configuration to backup MSM .. done!\r\ncore1.7 # ")
	u := f.open(false)
	u.expect("\r", "\r\ncore1.2 > ")
}

func TestSingleKeyAnswersSwallowTheLineEnd(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	q := "The configuration file primary.cfg already exists.\r\n" +
		"Do you want to save configuration to primary.cfg and overwrite it? (y/N) "
	s.expect("save configuration\r", "save configuration\r\n"+q)
	s.expect("\r", "") // Enter is not an answer
	s.expect("x", "")
	s.expect("n\r\n", "No\r\nBD-8810.2 # ")
	s.expect("save configuration\n", "save configuration\r\n"+q)
	s.expect("Y\n", "Yes\r\nSaving configuration primary.cfg on master...... done!\r\n"+
		"Synchronizing configuration to backup MSM .. done!\r\nBD-8810.3 # ")
	// the install question: Enter cancels
	s.expect("download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos msm B\r",
		"download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos msm B\r\n"+
			"Do you want to install image after downloading? (y - yes, n - no, <cr> - cancel) ")
	s.expect("\r\n", "\r\nBD-8810.4 # ")
}

func TestCaretUnderTheFailingToken(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("show  swich\r", "show  swich\r\n"+strings.Repeat(" ", len("BD-8810.1 # show  "))+"^\r\n"+
		"%% Invalid input detected at '^' marker.\r\nBD-8810.2 # ")
	s.expect("show\r", "show\r\n%% Incomplete command\r\nBD-8810.3 # ")
	s.expect("configure vlan Nope add ports 1:1\r", "configure vlan Nope add ports 1:1\r\n"+
		strings.Repeat(" ", len("BD-8810.3 # configure vlan "))+"^\r\n%% Invalid input detected at '^' marker.\r\nBD-8810.4 # ")
	s.expect("configure snmp sysLocation x\r", "configure snmp sysLocation x\r\n* BD-8810.5 # ")
	// the "* " is part of the prompt the caret counts from
	s.expect("sh sw x\r", "sh sw x\r\n"+strings.Repeat(" ", len("* BD-8810.5 # sh sw "))+"^\r\n"+
		"%% Invalid input detected at '^' marker.\r\n* BD-8810.6 # ")
}

// snapshot is the chassis as a state file saves it.
func (f *fixture) snapshot() []byte { return f.h.Snapshot() }

func TestBadInputChangesNothing(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("disable clipaging\r")
	before := f.snapshot()
	for _, c := range []struct{ in, want string }{
		{"download image 10.0.0.1 no-such-file.xos secondary msm B\ry", "Error: Failed to download image - file no-such-file.xos not found on server 10.0.0.1."},
		{"download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos tertiary msm B\r", "%% Invalid input detected at '^' marker."},
		{"download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos secondary msm C\r", "%% Invalid input detected at '^' marker."},
		{"download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos primary msm B\r", "Error: Image can only be installed to the non-active partition."},
		{"download image active 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos msm A\r", "Error: Image can only be installed to the non-active partition."},
		{"install image bd8800-15.3.3.5-patch1-10.xos msm B\r", "Error: Image file bd8800-15.3.3.5-patch1-10.xos has not been downloaded to MSM-B."},
		{"use image tertiary msm A\r", "%% Invalid input detected at '^' marker."},
		{"reboot msm C\r", "%% Invalid input detected at '^' marker."},
		{"configure vlan Default add ports 11:1\r", "%% Invalid input detected at '^' marker."},
		{"delete vlan Default\r", "Error: The default VLAN cannot be deleted."},
	} {
		if out := s.typ(c.in); !strings.Contains(out, c.want+"\r\n") {
			t.Errorf("%q: got %q, want %q", c.in, out, c.want)
		}
	}
	if after := f.snapshot(); !bytes.Equal(before, after) {
		t.Errorf("bad input changed the chassis:\n%s\n---\n%s", before, after)
	}
	// with no backup, failover is refused and nothing changes
	f.h.Pull("msm-b")
	s.l.Conn.WaitIdle()
	before = f.snapshot()
	for _, in := range []string{"run msm-failover\r", "run msm-failover force\r"} {
		if out := s.typ(in); !strings.Contains(out, "Error: There is no backup MSM that can take over; failover is not possible.\r\n") {
			t.Errorf("%q: got %q", in, out)
		}
	}
	if after := f.snapshot(); !bytes.Equal(before, after) {
		t.Errorf("a refused failover changed the chassis")
	}
}

func TestExpiredContract(t *testing.T) {
	f := newFixture(t, func(sc *scenario.Scenario) { sc.Chassis.Options["service-contract"] = "expired" })
	s := f.open(true)
	before := f.snapshot()
	s.expect("download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos secondary msm B\r",
		"download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos secondary msm B\r\n"+
			"Service contract expired, please renew it to be able to download the new software image.\r\nBD-8810.2 # ")
	if !bytes.Equal(before, f.snapshot()) {
		t.Error("the refused download changed the chassis")
	}
}

func TestNoPromptingFailoverStillWarns(t *testing.T) {
	f := newFixture(t, func(sc *scenario.Scenario) {
		b := sc.Chassis.Modules[1]
		b.Flash[model.Secondary] = scenario.Builtin().Find("bd8800", "15.4.1.3")
		b.DefaultBank, b.BootedBank = model.Secondary, model.Secondary
	})
	s := f.open(true)
	s.typ("disable cli prompting\r")
	s.expect("run msm-failover\r", "run msm-failover\r\n"+
		"WARNING: The other MSM operates with a different version of I/O module image.\r\n"+
		"If you continue with the MSM failover, all I/O modules will be reset.\r\n")
	select {
	case <-s.l.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the session on the old master did not end")
	}
	f.h.Advance(5 * time.Second)
	st := f.h.State()
	if st.Active != 2 || st.Failovers != 1 {
		t.Fatalf("active %d, failovers %d", st.Active, st.Failovers)
	}
	var status []string
	f.h.View(func(c *model.Chassis) {
		for _, sl := range c.Slots {
			if sl.Present {
				status = append(status, sl.Status)
			}
		}
	})
	if status[0] != "Booting" {
		t.Fatalf("the I/O modules were not reset: %v", status)
	}
}

func TestHitlessFailoverKeepsTheIOModulesAndTheRunningConfig(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("configure snmp sysLocation unsaved\r")
	s.typ("run msm-failover\r")
	s.typ("y")
	f.h.Advance(5 * time.Second)
	f.h.View(func(c *model.Chassis) {
		if c.ActiveIndex() != 1 {
			t.Fatalf("MSM-B is not master")
		}
		for _, sl := range c.Slots {
			if sl.Present && sl.Status != "Up" {
				t.Fatalf("slot %s %s after a hitless failover", sl.Name, sl.Status)
			}
		}
		if c.Running.Location != "unsaved" || !c.Unsaved() {
			t.Fatal("the running configuration did not survive the failover")
		}
		if c.LastFailoverCause != model.CauseSwitchover {
			t.Fatalf("cause %s", c.LastFailoverCause)
		}
	})
	n := f.open(true)
	n.expect("\r", "\r\n* BD-8810.2 # ")
}

func TestExecAndNetmikoName(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{Builtin: "bd8810"})
	if sw.Vendor.Texts().NetmikoType != "extreme_exos" {
		t.Fatal(sw.Vendor.Texts().NetmikoType)
	}
	out, err := sw.Exec("admin", "", "show switch")
	if err != nil || !strings.Contains(out, "Current State:    MASTER                       BACKUP (In Sync)        \n") {
		t.Fatalf("show switch: %v %q", err, out)
	}
	out, err = sw.Exec("admin", "", "show swich")
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 || out != "     ^\n%% Invalid input detected at '^' marker.\n" {
		t.Fatalf("bad command: %v %q", err, out)
	}
	sess, err := sw.Login("user", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Command("show version"); err != nil {
		t.Fatal(err)
	}
}

func TestDownloadWithoutMSMGoesToBoth(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("disable clipaging\r")
	s.typ("download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos\r")
	s.typ("y")
	for i := 0; i < 4; i++ {
		s.advance(200 * time.Second)
	}
	f.h.View(func(c *model.Chassis) {
		for _, m := range c.Modules {
			if im := m.Flash[model.Secondary]; im == nil || im.Version != "15.3.3.5" || m.DefaultBank != model.Secondary {
				t.Errorf("MSM slot %d: secondary %v, selected %s", m.Slot, im, m.DefaultBank)
			}
		}
	})
	// use image without msm selects on both
	s.typ("use image primary\r")
	f.h.View(func(c *model.Chassis) {
		for _, m := range c.Modules {
			if m.DefaultBank != model.Primary {
				t.Errorf("MSM slot %d selects %s", m.Slot, m.DefaultBank)
			}
		}
	})
}

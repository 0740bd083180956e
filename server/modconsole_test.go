package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/vendors"
)

type localTerm struct {
	t *testing.T
	l *Local
	s *testterm.Screen
}

func openLocal(t *testing.T, srv *Server, tg Target) *localTerm {
	t.Helper()
	s := &testterm.Screen{}
	l, err := srv.OpenLocal("c1", tg, s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Close)
	l.Conn.WaitIdle()
	return &localTerm{t: t, l: l, s: s}
}

func (lt *localTerm) typ(in string) string {
	lt.l.Conn.Feed([]byte(in))
	lt.l.Conn.WaitIdle()
	return lt.s.FreshLF()
}

// settleAll waits for every given session after the clock moved.
func settleAll(ts ...*localTerm) {
	for _, lt := range ts {
		lt.l.Conn.WaitIdle()
	}
}

// inOrder checks that the pieces appear in the text in that order.
func inOrder(t *testing.T, text string, pieces ...string) {
	t.Helper()
	at := 0
	for _, p := range pieces {
		i := strings.Index(text[at:], p)
		if i < 0 {
			t.Fatalf("missing %q after offset %d in:\n%s", p, at, text)
		}
		at += i + len(p)
	}
}

func TestConsoleFollowsItsModuleThroughSwitchover(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	c1 := openLocal(t, srv, Console(0))
	c1.typ(" ")
	c1.s.FreshLF()
	c1.typ("redundancy switchover\r")
	// the console stays: the module reboots and shows its ROM banner and
	// the boot profile menu, waiting for a choice
	inOrder(t, c1.typ("y"),
		"ROM information:\n",
		"   Build directory: /ws/swbuildm/btmrom_t5b_qaoff/rom/build/btmrom(btmrom_t5b_qaoff)\n",
		"   Build date:      Mar 14 2012\n",
		"   Build time:      09:21:47\n",
		"   Build version:   K.15.29\n",
		"   Build number:    10904\n",
		"Boot Profiles:\n0. Monitor ROM Console\n1. Primary Software Image\n2. Secondary Software Image\n\n",
		"Select profile (primary): ")
	// 2 boots the secondary flash
	if got := c1.typ("2"); !strings.HasPrefix(got, "2") || !strings.Contains(got, "Booting Secondary Software Image...\n") {
		t.Fatalf("profile choice: %q", got)
	}
	h.Advance(10 * time.Minute)
	settleAll(c1)
	out := c1.s.FreshLF()
	inOrder(t, out, "Decompressing...done.\n", "Standby Console> ")
	st := h.State()
	if st.Active != 2 || st.Modules[0].State != "standby" || st.Modules[0].Booted != "secondary" {
		t.Fatalf("after switchover: %+v", st)
	}
	// the standby shows the mismatch as the manual's warning
	out = c1.typ("show redundancy\r")
	if !strings.Contains(out, "Warning: Standby module is running a different software version") {
		t.Fatalf("no mismatch warning: %q", out)
	}
}

func TestBootProfileTimesOutToDefault(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	c2 := openLocal(t, srv, Console(1))
	c2.s.FreshLF()
	if err := h.Do(func(c *model.Chassis) error { return c.BootStandby(model.Origin{Session: "SSH"}) }); err != nil {
		t.Fatal(err)
	}
	settleAll(c2)
	c2.s.FreshLF()
	// a key other than 0, 1, 2 is ignored at the profile prompt
	if got := c2.typ("x"); got != "" {
		t.Fatalf("ignored key echoed: %q", got)
	}
	h.Advance(3 * time.Second)
	settleAll(c2)
	if got := c2.s.FreshLF(); got != "\n\nBooting Primary Software Image...\n" {
		t.Fatalf("timeout: %q", got)
	}
}

func TestROMMonitor(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	c2 := openLocal(t, srv, Console(1))
	h.Do(func(c *model.Chassis) error { return c.BootStandby(model.Origin{}) })
	settleAll(c2)
	c2.s.FreshLF()
	if got := c2.typ("0"); got != "0\n=> " {
		t.Fatalf("monitor: %q", got)
	}
	if got := c2.typ("help\r"); !strings.HasSuffix(got, "=> ") {
		t.Fatalf("monitor line: %q", got)
	}
	// the monitor waits as long as it takes
	h.Advance(time.Hour)
	settleAll(c2)
	if st := h.State(); st.Modules[1].Stage != "monitor" {
		t.Fatalf("left the monitor: %+v", st.Modules[1])
	}
	c2.typ("boot\r")
	h.Advance(10 * time.Minute)
	settleAll(c2)
	if st := h.State(); st.Modules[1].State != "standby" {
		t.Fatalf("after boot: %+v", st.Modules[1])
	}
}

func TestColdBootShowsBootOutput(t *testing.T) {
	sc := vendors.Default()
	sc.Clock = testStart
	srv, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0",
		Consoles: []string{}, ColdBoot: true}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	h := srv.Host("c1")
	if _, err := srv.OpenLocal("c1", Management("manager", true), &testterm.Screen{}); err == nil {
		t.Fatal("management address answered while booting")
	}
	c1 := openLocal(t, srv, Console(0))
	c2 := openLocal(t, srv, Console(1))
	h.Advance(10 * time.Minute)
	settleAll(c1, c2)
	out1, out2 := c1.s.FreshLF(), c2.s.FreshLF()
	inOrder(t, out1, "Booting Primary Software Image...", "Decompressing...done.\n", "Press any key to continue")
	inOrder(t, out2, "Booting Primary Software Image...", "Decompressing...done.\n", "Standby Console> ")
	if h.ActiveModule() != 0 {
		t.Fatalf("active %d", h.ActiveModule())
	}
}

func TestFailedAndShutdownConsoles(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	c2 := openLocal(t, srv, Console(1))
	c2.s.FreshLF()
	h.Press("mm2", "shutdown")
	settleAll(c2)
	if got := c2.s.FreshLF(); got != "\nManagement module shut down. It is now safe to remove it.\n" {
		t.Fatalf("shutdown: %q", got)
	}
	if got := c2.typ("show flash\r"); got != "" {
		t.Fatalf("a shut down module answered: %q", got)
	}
	h.Pull("mm2")
	h.Insert("mm2", InsertSpec{Primary: "K.15.06.0017", Secondary: "K.15.06.0008"})
	h.FailSelftest("mm2", 1)
	h.Advance(10 * time.Minute)
	settleAll(c2)
	inOrder(t, c2.s.FreshLF(), "Select profile (primary): ", "Decompressing...done.\n", "Selftest failed.")
	if st := h.State(); st.Modules[1].State != "failed" || st.Modules[1].ActvLED != "fast orange flashing" {
		t.Fatalf("failed module: %+v", st.Modules[1])
	}
}

func TestDamagedStateStopsStartup(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "state.json")
	if err := os.WriteFile(file, []byte(`{"version":1,"chassis":{"modules":[{"slot":1`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: []ChassisConfig{{Name: "c1", Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: file}}})
	if err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "damaged state file") {
		t.Fatalf("damaged state: %v", err)
	}
	data, _ := os.ReadFile(file)
	if string(data) != `{"version":1,"chassis":{"modules":[{"slot":1` {
		t.Fatal("the damaged file was overwritten")
	}
}

func TestStatePersistsAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "state.json")
	startIt := func() *Server {
		sc := vendors.Default()
		sc.Clock = testStart
		srv, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: file}}})
		if err != nil {
			t.Fatal(err)
		}
		return srv
	}
	srv := startIt()
	lt := openLocal(t, srv, Management("manager", true))
	lt.typ(" ")
	lt.typ("config\r")
	lt.typ("hostname Saved\r")
	lt.typ("write memory\r")
	lt.typ("hostname NotSaved\r")
	lt.typ("boot set-default flash secondary\r")
	lt.typ("y")
	h := srv.Host("c1")
	h.Advance(time.Minute)
	h.Press("mm2", "reset") // a crash record and log entries
	h.Advance(10 * time.Minute)
	lt.l.Close()
	srv.Close()

	srv = startIt()
	defer srv.Close()
	st := srv.Host("c1").State()
	if st.Hostname != "Saved" || st.Modules[0].Default != "secondary" || st.Modules[1].Crashes != 1 {
		t.Fatalf("restored: hostname %q default %s crashes %d", st.Hostname, st.Modules[0].Default, st.Modules[1].Crashes)
	}
	var logged bool
	srv.Host("c1").View(func(c *model.Chassis) {
		for _, e := range c.Log {
			if e.Msg == model.MsgResetting && e.Module == 2 {
				logged = true
			}
		}
	})
	if !logged {
		t.Fatal("the log was not kept")
	}
}

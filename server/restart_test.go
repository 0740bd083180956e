package server

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/vendors"
)

// Restarting the emulator is a power cycle of the box: the unsaved
// running config is lost, the log says "System reboot due to Power
// Failure" with the boot after it, and the up time starts again (issue
// 14, defect 7).
func TestRestartIsAPowerCycle(t *testing.T) {
	file := filepath.Join(t.TempDir(), "state.json")
	start := func() *Server {
		sc := vendors.Default()
		sc.Clock = testStart
		s, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Chassis: []ChassisConfig{{Name: "c1", Scenario: sc,
			Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: file}}})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := start()
	h := s.Host("c1")
	if err := h.Do(func(c *model.Chassis) error {
		if err := c.Configure(func(cf *model.Config) error { cf.Hostname = "saved"; return nil }); err != nil {
			return err
		}
		if err := c.WriteMemory(); err != nil {
			return err
		}
		return c.Configure(func(cf *model.Config) error { cf.Hostname = "unsaved"; return nil })
	}); err != nil {
		t.Fatal(err)
	}
	h.Advance(5 * time.Hour)
	stopped := h.Now()
	s.Close()

	s = start()
	defer s.Close()
	h = s.Host("c1")
	st := h.State()
	if st.Hostname != "saved" || st.Unsaved {
		t.Fatalf("after the restart: hostname %q, unsaved %v", st.Hostname, st.Unsaved)
	}
	c1 := openLocal(t, s, Management("manager", true))
	c1.typ(" ")
	c1.typ("no page\r")
	out := c1.typ("show log\r")
	inOrder(t, out,
		" sys: 'System reboot due to Power Failure'\n",
		"00062 system: Mgmt Module 1 went down without saving crash\n",
		"00066 system: Mgmt Module 1 Booted\n",
		"00260 system: Mgmt Module 1 Active\n",
		"00261 system: Mgmt Module 2 in Standby Mode\n",
		"00179 mgr: SME SSH from 127.0.0.1 - MANAGER Mode\n")
	if strings.Contains(out, "00179 mgr: SME SSH from 127.0.0.1 - MANAGER Mode\n"+"I") {
		t.Fatalf("the log since boot holds the earlier session:\n%s", out)
	}
	var booted time.Time
	h.View(func(c *model.Chassis) { booted = c.BootedAt })
	if booted.Before(stopped) || !h.Now().After(booted) {
		t.Fatalf("up time counts from %v (stopped at %v, now %v)", booted, stopped, h.Now())
	}
	if out := c1.typ("show system\r"); !strings.Contains(out, "Up Time            : 2 mins") {
		t.Fatalf("up time after the restart:\n%s", out)
	}
}

package server

import (
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/vendors"
)

// demoteVendor is the 8212zl CLI on a chassis that switches over like
// Junos GRES: the old active is demoted and keeps its sessions, and its
// console's CLI goes on.
type demoteVendor struct{ procurve.Vendor }

var demoteProfile = func() *model.Profile {
	p := *procurve.Vendor{}.Profile()
	p.Fate = model.DemoteOld
	p.KeepRunning = true
	return &p
}()

func (demoteVendor) Profile() *model.Profile { return demoteProfile }
func (demoteVendor) Console() commands.ConsolePolicy {
	c := procurve.Vendor{}.Console()
	c.KeepCLI = func(from, to model.State) bool { return true }
	return c
}

type demoteRegistry struct{ Vendors }

func (demoteRegistry) Lookup(string) (commands.Vendor, error) { return demoteVendor{}, nil }

func TestDemotedModuleKeepsItsSessions(t *testing.T) {
	srv := startServer(t, nil, func(c *Config) { c.Vendors = demoteRegistry{vendors.Registry} })
	h := srv.Host("c1")
	mgmt := openLocal(t, srv, Management("manager", true))
	mgmt.typ(" ")
	con := openLocal(t, srv, Console(0))
	con.typ(" ")
	mgmt.typ("configure\rhostname CHANGED\r")
	if err := h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "SSH"}) }); err != nil {
		t.Fatal(err)
	}
	h.Advance(10 * time.Second)
	settleAll(mgmt, con)
	if mgmt.l.Conn.Ended() {
		t.Fatal("the management session on the demoted module ended")
	}
	con.s.FreshLF()
	if out := con.typ("\r"); !strings.HasSuffix(out, "\nCHANGED# ") {
		t.Fatalf("the demoted module's console started a new session:\n%q", out)
	}
	if st := h.State(); st.Active != 2 || st.Modules[0].State != "standby" || st.Hostname != "CHANGED" {
		t.Fatalf("after the switch: active %d, module 1 %s, hostname %q", st.Active, st.Modules[0].State, st.Hostname)
	}
	// the session still answers, and a new one lands on the new active
	if out := mgmt.typ("show version\r"); !strings.Contains(out, "Management Module 2: Active") {
		t.Fatalf("show version on the demoted module:\n%s", out)
	}
	if h.ActiveModule() != 1 {
		t.Fatalf("management address lands on module %d", h.ActiveModule()+1)
	}
}

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

// roleVendor is the 8212zl with its console ports wired by role: port 0
// is the chassis's console on the active module, port 1 the other slot.
type roleVendor struct{ procurve.Vendor }

var roleProfile = func() *model.Profile {
	p := *procurve.Vendor{}.Profile()
	p.RoleConsoles = []string{"console", "other console"}
	return &p
}()

func (roleVendor) Profile() *model.Profile { return roleProfile }

type roleRegistry struct{ Vendors }

func (roleRegistry) Lookup(string) (commands.Vendor, error) { return roleVendor{}, nil }

func TestConsolePortsFollowTheRoles(t *testing.T) {
	srv := startServer(t, nil, func(c *Config) { c.Vendors = roleRegistry{vendors.Registry} })
	h := srv.Host("c1")
	con := openLocal(t, srv, Console(0))
	other := openLocal(t, srv, Console(1))
	con.typ(" ")
	other.typ(" ")
	if out := con.typ("\r"); !strings.HasSuffix(out, "HP-E8212zl# ") {
		t.Fatalf("port 0 before: %q", out)
	}
	if out := other.typ("\r"); !strings.HasSuffix(out, "Standby Console> ") {
		t.Fatalf("port 1 before: %q", out)
	}
	con.s.FreshLF()
	other.s.FreshLF()
	if err := h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "SSH"}) }); err != nil {
		t.Fatal(err)
	}
	settleAll(con, other)
	// port 1 now shows module 1 rebooting, port 0 module 2 taking over
	if out := other.s.FreshLF(); !strings.Contains(out, "ROM information:") {
		t.Fatalf("port 1 at the switchover: %q", out)
	}
	h.Advance(10 * time.Minute)
	settleAll(con, other)
	con.s.FreshLF()
	other.s.FreshLF()
	if out := con.typ("\r"); !strings.HasSuffix(out, "HP-E8212zl# ") {
		t.Fatalf("port 0 after: %q", out)
	}
	if out := other.typ("\r"); !strings.HasSuffix(out, "Standby Console> ") {
		t.Fatalf("port 1 after: %q", out)
	}
	if st := h.State(); st.Active != 2 {
		t.Fatalf("active %d", st.Active)
	}
	// a console that connects now lands by role too
	late := openLocal(t, srv, Console(0))
	late.typ(" ")
	if out := late.typ("\r"); !strings.HasSuffix(out, "HP-E8212zl# ") {
		t.Fatalf("a new port 0 session: %q", out)
	}
}

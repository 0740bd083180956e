package procurve_test

import (
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
)

// openRaw opens a session on the management address and returns what it
// shows before its first key (the banner).
func (f *fixture) openRaw(manager bool) string {
	f.t.Helper()
	scr := &testterm.Screen{}
	user := "operator"
	if manager {
		user = "manager"
	}
	l, err := f.srv.OpenLocal("c", server.Management(user, manager), scr)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(l.Close)
	l.Conn.WaitIdle()
	return scr.Fresh()
}

// The branding follows the release a module runs: after booting K.12.57
// the banner, show modules and show redundancy say ProCurve, and show
// system the release it runs, with the ROM the module has (a boot ROM
// is never downgraded) (issue 14, defect 12).
func TestBrandingFollowsTheRelease(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("copy tftp flash 10.0.0.1 K_12_57.swi secondary\r")
	s.typ("y")
	s.advance(10 * time.Minute)
	s.typ("boot system flash secondary\r")
	s.typ("y")
	if !s.ended() {
		t.Fatal("the session did not end with the reboot")
	}
	f.h.Advance(10 * time.Minute)
	if st := f.h.State(); st.Modules[0].Running != "K.12.57" {
		t.Fatalf("module 1 runs %q", st.Modules[0].Running)
	}
	if banner := f.openRaw(true); !strings.HasPrefix(banner, "ProCurve J9091A Switch 8212zl\r\r\nSoftware revision K.12.57\r\r\n") {
		t.Fatalf("banner after booting K.12.57: %q", banner[:min(len(banner), 80)])
	}
	scr := f.open(true)
	out := scr.typ("show modules\r")
	for _, want := range []string{"ProCurve J9092A Management Module 8200zl", "ProCurve J9093A F2 Fabric Module 8200zl", "ProCurve J8702A 24p Gig-T zl Module"} {
		if !strings.Contains(out, want) {
			t.Fatalf("show modules lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "HP J") {
		t.Fatalf("show modules on K.12.57 says HP:\n%s", out)
	}
	out = scr.typ("show redundancy\r")
	if !strings.Contains(out, "1    ProCurve J9092A Management Module 8200zl  Active   K.12.57      Secondary") {
		t.Fatalf("show redundancy on K.12.57:\n%s", out)
	}
	out = scr.typ("show system\r")
	if !strings.Contains(out, "Software revision  : K.12.57 ") || !strings.Contains(out, "ROM Version        : K.15.29 ") {
		t.Fatalf("show system on K.12.57:\n%s", out)
	}
}

// The banner's first line: ProCurve up to K.15.03, HP from K.15.04; a
// name in neither pattern is printed as the scenario gives it.
func TestBannerBrand(t *testing.T) {
	for _, tc := range []struct{ flash, name, want string }{
		{"K.15.03.0008", "", "ProCurve J9091A Switch 8212zl\r\r\nSoftware revision K.15.03.0008"},
		{"K.15.04.0002", "", "HP J9091A Switch E8212zl\r\r\nSoftware revision K.15.04.0002"},
		{"K.15.06.0017", "ProCurve J9091A Switch 8212zl", "HP J9091A Switch E8212zl\r\r\n"},
		{"K.12.57", "Lab chassis 7", "Lab chassis 7\r\r\nSoftware revision K.12.57"},
	} {
		f := newFixture(t, func(sc *scenario.Scenario) {
			im := scenario.Builtin().ByVersion(tc.flash)
			for _, m := range sc.Chassis.Modules {
				m.Flash[0], m.Flash[1] = im.Clone(), im.Clone()
			}
			if tc.name != "" {
				sc.Chassis.Info.Name = tc.name
			}
		})
		scr := f.openRaw(true)
		if !strings.HasPrefix(scr, tc.want) {
			t.Fatalf("%s: banner %q", tc.flash, scr[:min(len(scr), 80)])
		}
	}
}

// Each module's software prints its own brand: the standby console of a
// module on K.15.03 says ProCurve while the active on K.15.06 says HP.
func TestStandbyPrintsItsOwnBrand(t *testing.T) {
	f := newFixture(t, func(sc *scenario.Scenario) {
		im := scenario.Builtin().ByVersion("K.15.03.0008")
		m := sc.Chassis.Modules[1]
		m.Flash[0], m.Flash[1] = im.Clone(), im.Clone()
		m.State = model.WarmStandby
	})
	con := f.openConsole(1)
	out := con.typ("show redundancy\r")
	if !strings.Contains(out, "2    ProCurve J9092A Management Module 8200zl  Standby  K.15.03.0008 Primary") {
		t.Fatalf("standby console:\n%s", out)
	}
	s := f.open(true)
	out = s.typ("show redundancy\r")
	if !strings.Contains(out, "2    HP J9092A Management Module 8200zl        Standby  K.15.03.0008 Primary") {
		t.Fatalf("active:\n%s", out)
	}
}

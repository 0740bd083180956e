package server

import (
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/vendors"
)

// With time running fast, the boot profile menu (a wait for a person)
// still waits its floor of wall time; the machine's durations stay
// scaled (issue 14, defect 6).
func TestProfileMenuKeepsAHumanFloor(t *testing.T) {
	for _, tc := range []struct {
		scale float64
		floor time.Duration
		want  time.Duration
	}{
		{0.01, 3 * time.Second, 300 * time.Second}, // 3 s of wall time at 100x
		{1, 3 * time.Second, 3 * time.Second},      // real time: the menu's own 3 s
		{0.01, 0, 3 * time.Second},                 // no floor: scaled like the rest (30 ms of wall time)
	} {
		sc := vendors.Default()
		s, err := Start(Config{Vendors: vendors.Registry, TimeScale: tc.scale, HumanWait: tc.floor,
			Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
		if err != nil {
			t.Fatal(err)
		}
		var tm model.Timings
		s.Host("c1").View(func(c *model.Chassis) { tm = c.Timings })
		s.Close()
		if tm.ProfileWait != tc.want || tm.Load != model.DefaultTimings().Load {
			t.Errorf("scale %v floor %v: profile wait %v (load %v), want %v", tc.scale, tc.floor, tm.ProfileWait, tm.Load, tc.want)
		}
		if wall := time.Duration(float64(tm.ProfileWait) * tc.scale); tc.floor > 0 && wall < tc.floor {
			t.Errorf("scale %v: the menu waits %v of wall time", tc.scale, wall)
		}
	}
}

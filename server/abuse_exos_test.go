package server

import (
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/abusetest"
	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/vendors"
)

// The abuse tests again, on the BlackDiamond 8810: what a careless script,
// a fuzzer or an attacker sends leaves the server up, memory bounded, the
// chassis unchanged and other sessions unaware.

func TestExosAbuse(t *testing.T) { abusetest.Run(t, bd8810) }

func startExos(t *testing.T) *Server {
	t.Helper()
	sc, err := vendors.Scenario("bd8810", nil)
	if err != nil {
		t.Fatal(err)
	}
	sc.Clock = testStart
	s, err := Start(Config{Vendors: vendors.Registry, Virtual: true,
		Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{"127.0.0.1:0", "127.0.0.1:0"}}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const exosImages = "Card  Partition     Installation Date        Version     Name      Branch\r\n" +
	"------------------------------------------------------------------------------\r\n" +
	"MSM-A primary   Fri Sep 20 14:57:37 UTC 2013 15.3.1.4 bd8800-15.3.1.4-patch1-19.xos v1531b4-patch1-19\r\n" +
	"MSM-A secondary Fri Sep 20 14:57:37 UTC 2013 15.3.1.4 bd8800-15.3.1.4-patch1-19.xos v1531b4-patch1-19\r\n" +
	"MSM-B primary   Fri Sep 20 14:57:37 UTC 2013 15.3.1.4 bd8800-15.3.1.4-patch1-19.xos v1531b4-patch1-19\r\n" +
	"MSM-B secondary Fri Sep 20 14:57:37 UTC 2013 15.3.1.4 bd8800-15.3.1.4-patch1-19.xos v1531b4-patch1-19\r\n" +
	" \r\n\r\n"

var bd8810 = abusetest.Vendor[*Host]{
	Start: func(t *testing.T) (string, *Host) {
		s := startExos(t)
		return s.Addrs()[0].Mgmt, s.Host("c1")
	},
	Ready: " # ",
	Admin: abusetest.Account{User: "admin", Prompt: "BD-8810.1 # "},
	Same:  sameState,
	Bystander: abusetest.Bystander[*Host]{Cmd: "show version images", End: " \r\n\r\n", Then: " # ",
		Want: "show version images\r\n" + exosImages},
	Pager: abusetest.Pager{Rows: 6, Cut: "MSM-B primary", Text: "Press <SPACE> to continue or <Q> to quit:"},
	HugeLine: []abusetest.Line{{
		Reply: "\r\n" + strings.Repeat(" ", len("BD-8810.1 # ")) + "^\r\n%% Invalid input detected at '^' marker.\r\nBD-8810.2 # "}},
	// the user account: random keys there cannot reboot or fail over
	Junk: abusetest.Junk{Account: abusetest.Account{User: "user", Prompt: " > "}, Seed: 2,
		Rounds: []abusetest.Round{{Early: true}, {Early: true}, {Early: true}, {Early: true}}},
	// ^C during the banner and at the prompt: the counter does not move;
	// ^C at a question is no
	Storm: abusetest.Storm{End: "BD-8810.2 # ",
		Ask: abusetest.Step{Send: "run msm-failover\r", Until: "(y/N) "}, Reply: "\r\nBD-8810.3 # ", Quit: "BD-8810.4 # "},
	Dialogs: abusetest.Dialogs[*Host]{
		List: []abusetest.Dialog{
			{Steps: []abusetest.Step{{Send: "run msm-failover\r", Until: "(y/N) "}}},
			{Steps: []abusetest.Step{{Send: "reboot\r", Until: "(y/N) "}}},
			{Steps: []abusetest.Step{{Send: "reboot msm B\r", Until: "(y/N) "}}},
			// nothing unsaved: no question (the backup reboots; let it
			// come back)
			{Steps: []abusetest.Step{{Send: "synchronize\r", Until: "BD-8810.2 # "}}, Advance: 10 * time.Minute},
			{Steps: []abusetest.Step{{Send: "download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos msm B\r", Until: "<cr> - cancel) "}}},
			{Steps: []abusetest.Step{{Send: "save configuration\r", Until: "(y/N) "}}},
			{Steps: []abusetest.Step{{Send: "show log\r", Until: "Press <SPACE>"}}},
			{Steps: []abusetest.Step{{Send: "show switch\r", Until: "Press <SPACE>"}}},
		},
		// the exec form: cli prompting is off there
		Exec:      "show log",
		Unchanged: func(t *testing.T, _ string, h *Host) func() { return standbyStays(t, h) },
	},
	Events: abusetest.Events[*Host]{Sessions: 60, Short: 20, Count: 40, Seed: 3, Within: 20 * time.Millisecond,
		Lines:   []string{"show version", "show switch", "show slot", "show log", ""},
		Modules: []string{"msm-a", "msm-b"},
		Event: func(h *Host, m string, rng *rand.Rand) error {
			switch rng.Intn(8) {
			case 0:
				return h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "SSH"}) })
			case 1:
				return h.Press(m, "reset")
			case 2:
				return h.Pull(m)
			case 3:
				return h.Insert(m, InsertSpec{Primary: "15.3.1.4", Secondary: "15.3.1.4"})
			case 4:
				return h.Crash(m)
			case 5:
				return h.Do(func(c *model.Chassis) error { return c.Synchronize(model.Origin{}) })
			}
			h.Advance(time.Duration(rng.Intn(180)) * time.Second)
			return nil
		},
		Invalid: ErrBadRequest,
		Settle: func(h *Host) {
			for _, m := range []string{"msm-a", "msm-b"} {
				h.Insert(m, InsertSpec{Primary: "15.3.1.4", Secondary: "15.3.1.4"})
			}
		},
	},
}

// A hang-up during a download: the download finishes in the model, the
// hung-up session waiting for it as the switch does; then it ends too.
func TestExosAbuseHangUpDuringDownload(t *testing.T) {
	addr, h := bd8810.Start(t)
	check := abusetest.OpenBystander(t, bd8810, addr, h)
	base := runtime.NumGoroutine()
	p := sshtest.Open(t, addr, "admin", "", 80, 24)
	p.Until("BD-8810.1 # ")
	p.Send("download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos msm B\r")
	p.Until("<cr> - cancel) ")
	p.Send("n")
	p.Until("Downloading to MSM-B")
	p.Close()
	h.Advance(10 * time.Minute)
	wait.Goroutines(t, base)
	wait.For(t, "the bystander's session alone", func() bool { return h.Sessions() == 1 })
	standbyStays(t, h)()
	staged := false
	h.View(func(c *model.Chassis) { staged = c.Modules[1].StagedImage("bd8800-15.3.3.5-patch1-10.xos") != nil })
	if !staged {
		t.Fatal("the download of the hung-up session did not finish")
	}
	check()
}

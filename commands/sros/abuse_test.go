package sros_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/abusetest"
	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/sros"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/switchsimtest"
)

// Abuse against the 7750: what a careless script, a fuzzer or an attacker
// sends. The server stays up and other sessions do not notice. The steps
// are internal/abusetest's; this is the 7750's table for them.

func TestAbuse(t *testing.T) { abusetest.Run(t, sr12) }

type sw = *switchsimtest.Switch

const config = "A:SR12>config>system# "

// badLine is the reply to a line of x's at prompt p.
func badLine(p string) string {
	return "\r\n" + fmt.Sprintf(tx.Caret, strings.Repeat(" ", len(p))) + "\r\n" + tx.BadCommand + "\r\n" + p
}

var sr12 = abusetest.Vendor[sw]{
	Start: func(t *testing.T) (string, sw) { s := newSR12(t); return s.Mgmt, s },
	Ready: "# ",
	Admin: abusetest.Account{User: "admin", Pass: "admin", Prompt: "A:SR12# "},
	Same:  fingerprint,
	// what a session shows is what an exec prints
	Bystander: abusetest.Bystander[sw]{Cmd: "show version", End: "A:SR12# ",
		First: func(t *testing.T, s sw, reply string) {
			want, err := s.Exec("admin", "admin", "show version")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.ReplaceAll(reply, "\r\n", "\n"); got != "show version\n"+want+"A:SR12# " {
				t.Fatalf("bystander saw %q", got)
			}
		}},
	Pager: abusetest.Pager{Rows: 4, Cut: "Built on", Text: tx.Pager},
	// the error comes back, in a context too, and the session goes on
	HugeLine: []abusetest.Line{{Reply: badLine("A:SR12# ")},
		{Enter: []abusetest.Step{{Send: "configure system\r", Until: config}}, Reply: badLine(config),
			Leave: []abusetest.Step{{Send: "exit all\r", Until: "A:SR12# "}}}},
	// keep the junk from spelling a line that reboots or switches over:
	// no line ends in it
	Junk: abusetest.Junk{Account: abusetest.Account{User: "admin", Pass: "admin", Prompt: "A:SR12# "}, Seed: 1,
		Rounds: []abusetest.Round{{}, {}, {}, {}}, NoLineEnds: true},
	// the (y/n) questions offer no ^C: it is ignored, then the answer taken
	Storm: abusetest.Storm{Cmd: "show version", End: "panos/main\r\nA:SR12# ",
		Ask:    abusetest.Step{Send: "admin redundancy force-switchover\r", Until: tx.SwitchoverQuestion},
		Answer: "n", Reply: "n\r\nA:SR12# ", Quit: "A:SR12# "},
	// hanging up in the (y/n) questions and at the pager changes nothing
	Dialogs: abusetest.Dialogs[sw]{
		List: []abusetest.Dialog{
			{Steps: []abusetest.Step{{Send: "admin redundancy force-switchover\r", Until: tx.SwitchoverQuestion}}},
			{Steps: []abusetest.Step{{Send: "admin reboot\r", Until: tx.RebootQuestion}}},
			{Steps: []abusetest.Step{{Send: "admin reboot standby\r", Until: tx.RebootQuestion}}},
			{Steps: []abusetest.Step{{Send: "show port\r", Until: tx.Pager}}},
			{Steps: []abusetest.Step{{Send: "admin display-config\r", Until: tx.Pager}}},
		},
		// the exec form: the question reads EOF and answers no
		Exec: "admin redundancy force-switchover", ExecSays: tx.SwitchoverQuestion,
		Unchanged: func(t *testing.T, _ string, s sw) func() {
			before := fingerprint(t, s)
			return func() {
				// the exec session is logged (as every login is); nothing
				// else changed
				logged := s.State().Log
				if after := fingerprint(t, s); after != strings.Replace(before, fmt.Sprintf(`"logEntries":%d`, logged-1), fmt.Sprintf(`"logEntries":%d`, logged), 1) {
					t.Fatalf("a hung-up dialog changed the chassis:\n%s\n%s", before, after)
				}
			}
		},
	},
	// sessions typing show commands while CPMs switch over, reset, are
	// pulled and inserted, and their flashes fill up
	Events: abusetest.Events[sw]{Sessions: 20, Count: 40, Seed: 7, Within: 20 * time.Millisecond,
		Lines:   []string{"show version", "show redundancy synchronization", "show card", "info"},
		Modules: []string{"cpm-a", "cpm-b"},
		Event: func(s sw, m string, rng *rand.Rand) error {
			switch rng.Intn(8) {
			case 0:
				return s.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "CONSOLE"}) })
			case 1:
				return s.Press(m, "reset")
			case 2:
				return s.Pull(m)
			case 3:
				return s.Insert(m, server.InsertSpec{Primary: "13.0.R1"})
			case 4:
				return s.SetFlash(m, []string{"full", "removed", "ok"}[rng.Intn(3)])
			case 5:
				s.Do(func(c *model.Chassis) error { _, err := c.SyncStandby(model.SyncBootEnv); return err })
				return nil
			}
			s.Advance(time.Duration(rng.Intn(180)) * time.Second)
			return nil
		},
		Invalid: server.ErrBadRequest,
		Settle: func(s sw) {
			for _, m := range []string{"cpm-a", "cpm-b"} {
				s.SetFlash(m, "ok")
				s.Insert(m, server.InsertSpec{Primary: "13.0.R1"})
			}
		},
		// an exec is served too
		After: func(t *testing.T, s sw, _ *sshtest.Term) {
			if _, err := s.Exec("admin", "admin", "show version"); err != nil {
				t.Fatal(err)
			}
		},
	},
}

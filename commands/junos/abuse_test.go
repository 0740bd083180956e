package junos_test

import (
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/abusetest"
	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// Abuse against the mx240, over SSH: what a careless script, a fuzzer or
// an attacker sends. The server stays up, memory stays bounded, other
// sessions do not notice, and the configuration loses nothing. The steps
// are internal/abusetest's; this is the mx240's table for them.

func TestAbuse(t *testing.T) { abusetest.Run(t, mx240) }

const prompt = "{master}\r\nadmin@mx240-lab> "

var mx240 = abusetest.Vendor[*server.Host]{
	Start: func(t *testing.T) (string, *server.Host) {
		sc, err := vendors.Scenario("mx240", nil)
		if err != nil {
			t.Fatal(err)
		}
		sc.Clock = start
		srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Logf: t.Logf,
			Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{"127.0.0.1:0", "127.0.0.1:0"}}}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { srv.Close() })
		return srv.Addrs()[0].Mgmt, srv.Host("c")
	},
	Ready: "> ",
	Admin: abusetest.Account{User: "admin", Pass: "admin123", Prompt: prompt},
	// the committed configuration and the hostname
	Same:      func(_ *testing.T, h *server.Host) string { return committedText(h) },
	Bystander: abusetest.Bystander[*server.Host]{Cmd: "show configuration snmp", End: prompt},
	Pager:     abusetest.Pager{Rows: 6, Cut: "\r\n{master}", Text: "---(more 83%)---"},
	// in both modes; nothing is changed
	HugeLine: []abusetest.Line{
		{Reply: "\r\n" + strings.Repeat(" ", 17) + "^\r\nunknown command.\r\n\r\n" + prompt},
		{Enter: []abusetest.Step{{Send: "configure\r", Until: "{master}[edit]\r\nadmin@mx240-lab# "}},
			Prefix: "set system host-name ", End: "# ",
			Leave: []abusetest.Step{{Send: "exit configuration-mode\r", Until: "(yes) "}, {Send: "yes\r", Until: prompt}}},
	},
	// the same in configuration mode
	Junk: abusetest.Junk{Account: abusetest.Account{User: "admin", Pass: "admin123", Prompt: prompt}, Seed: 1,
		Rounds: []abusetest.Round{{}, {Enter: configure}, {}, {Enter: configure}}},
	// ^C at the question cancels it
	Storm: abusetest.Storm{Cmd: "show configuration snmp", End: "}\r\n\r\n" + prompt,
		Ask:   abusetest.Step{Send: "request chassis routing-engine master switch\r", Until: "[yes,no] (no) "},
		Reply: "\r\n\r\n" + prompt, Quit: prompt},
	// a session that hangs up in a question, at the pager or holding the
	// configuration exclusively lets go of everything
	Dialogs: abusetest.Dialogs[*server.Host]{
		List: []abusetest.Dialog{
			{Steps: []abusetest.Step{{Send: "request chassis routing-engine master switch\r", Until: "[yes,no] (no) "}}},
			{Steps: []abusetest.Step{{Send: "show configuration\r", Until: "---(more"}}},
			{Steps: []abusetest.Step{{Send: "configure exclusive\r", Until: "# "}, {Send: "set snmp location y\r", Until: "# "}}},
			{Steps: []abusetest.Step{{Send: "configure private\r", Until: "# "}, {Send: "set snmp location z\r", Until: "# "}}},
			{Steps: []abusetest.Step{{Send: "configure\r", Until: "# "}, {Send: "set snmp contact x\r", Until: "# "}, {Send: "exit\r", Until: "(yes) "}}},
			{Steps: []abusetest.Step{{Send: "request routing-engine login other-routing-engine\r", Until: "{backup}"}}},
		},
		// the next one starts once this one has let go of the
		// configuration (a session still editing is listed at configure)
		Settled: func(h *server.Host) bool {
			editing := 0
			h.View(func(c *model.Chassis) { editing = len(c.Editors(0)) })
			return editing == 0
		},
		Unchanged: func(t *testing.T, addr string, h *server.Host) func() {
			return func() {
				h.View(func(c *model.Chassis) {
					if c.ActiveIndex() != 0 || c.Failovers != 0 {
						t.Fatalf("a hung-up question switched mastership")
					}
					if eds := c.Editors(0); len(eds) != 0 {
						t.Fatalf("editors left behind: %+v", eds)
					}
					// the exclusive session's change was rolled back; the
					// shared candidate keeps the plain session's
					if cand := c.Candidate(0); cand.Location != "Lab rack 4" || cand.Contact != "x" {
						t.Fatalf("candidate %q %q", cand.Location, cand.Contact)
					}
				})
				// the lock is gone: another session edits
				p := sshtest.Open(t, addr, "admin", "admin123", 80, 24)
				p.Until(prompt)
				p.Send("configure\r")
				p.Until("# ")
				p.Send("set snmp location w\r")
				if out := p.Until("# "); strings.Contains(out, "error") {
					t.Fatalf("editing after a hang-up: %q", out)
				}
			}
		},
	},
	// sessions keep working while mastership switches back and forth and
	// the REs are reset: the management address always lands on the
	// master, a session on a demoted RE answers as the backup
	Events: abusetest.Events[*server.Host]{Sessions: 20, Count: 30, Seed: 7, Pace: 10, Within: 200 * time.Millisecond,
		Lines:   []string{"show version | no-more", "show chassis routing-engine | match state", "show system uptime", "show configuration snmp"},
		Modules: []string{"re0", "re1"},
		Event: func(h *server.Host, m string, rng *rand.Rand) error {
			switch rng.Intn(4) {
			case 0, 1:
				h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "SSH"}) })
			case 2:
				h.Press(m, "reset")
			}
			h.Advance(time.Duration(rng.Intn(300)) * time.Second)
			return nil
		},
		Commands: 100,
		After: func(t *testing.T, _ *server.Host, p *sshtest.Term) {
			p.Send("show chassis routing-engine | match state\r")
			out := p.Until(prompt)
			if strings.Count(out, "Master") != 1 || strings.Count(out, "Backup") != 1 {
				t.Fatalf("after the storm:\n%s", out)
			}
		},
	},
}

var configure = []abusetest.Step{{Send: "configure\r", Until: "# "}}

// committedText is each module's committed configuration, and the
// running hostname.
func committedText(h *server.Host) string {
	var b strings.Builder
	h.View(func(c *model.Chassis) {
		b.WriteString(c.Running.Hostname + "\n")
		for i := range c.Modules {
			cf := c.Committed(i)
			b.WriteString(cf.Hostname + "|" + cf.Contact + "|" + cf.Location + "|")
			var walk func(list []*model.Stmt, depth int)
			walk = func(list []*model.Stmt, depth int) {
				for _, s := range list {
					b.WriteString(strings.Repeat(" ", depth) + s.Key + "=" + s.Value + strings.Join(s.Values, ",") + "\n")
					walk(s.Kids, depth+1)
				}
			}
			walk(cf.Tree, 0)
		}
	})
	return b.String()
}

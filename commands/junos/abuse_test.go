package junos_test

import (
	"bytes"
	"math/rand"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// Abuse against the mx240, over SSH: what a careless script, a fuzzer or
// an attacker sends. The server stays up, memory stays bounded, other
// sessions do not notice, and the configuration loses nothing.

const prompt = "{master}\r\nadmin@mx240-lab> "

func serveSSH(t *testing.T) (*server.Server, *server.Host, string) {
	t.Helper()
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
	return srv, srv.Host("c"), srv.Addrs()[0].Mgmt
}

func login(t *testing.T, addr string, height int) *sshtest.Term {
	t.Helper()
	p := sshtest.Open(t, addr, "admin", "admin123", 80, height)
	p.Until(prompt)
	return p
}

// bystander is a session whose output must not change while another is
// abused.
func bystander(t *testing.T, addr string) func() {
	t.Helper()
	b := login(t, addr, 1000)
	b.Send("show configuration snmp\r")
	want := b.Until(prompt)
	return func() {
		t.Helper()
		b.Send("show configuration snmp\r")
		if got := b.Until(prompt); got != want {
			t.Fatalf("bystander saw %q, want %q", got, want)
		}
	}
}

func committedText(h *server.Host) string {
	var b strings.Builder
	h.View(func(c *model.Chassis) {
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

func TestAbuseHugeLine(t *testing.T) {
	_, h, addr := serveSSH(t)
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	p := login(t, addr, 24)
	written := p.WriteBehind(bytes.Repeat([]byte("x"), 1<<20))
	check()
	p.Until(strings.Repeat("x", 1024))
	<-written // Enter after the whole megabyte, not in the middle of it
	p.Send("\r")
	got := p.Until(prompt)
	if want := "\r\n" + strings.Repeat(" ", 17) + "^\r\nunknown command.\r\n\r\n" + prompt; got != want {
		t.Fatalf("after the line: %q", got[max(0, len(got)-200):])
	}
	// the same inside configuration mode, then nothing was changed
	p.Send("configure\r")
	p.Until("# ")
	written = p.WriteBehind(append([]byte("set system host-name "), bytes.Repeat([]byte("y"), 1<<20)...))
	p.Until(strings.Repeat("y", 512))
	<-written
	p.Send("\r")
	p.Until("# ")
	p.Send("exit configuration-mode\r")
	p.Until("(yes) ")
	p.Send("yes\r")
	p.Until(prompt)
	if after := wait.Heap(); after > before+8<<20 {
		t.Fatalf("heap grew from %d to %d", before, after)
	}
	check()
	h.View(func(c *model.Chassis) {
		if c.Running.Hostname != "mx240-lab" {
			t.Fatalf("hostname %q", c.Running.Hostname)
		}
	})
	p.Close()
	wait.Goroutines(t, base)
}

func TestAbuseRandomBinary(t *testing.T) {
	_, h, addr := serveSSH(t)
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	want := committedText(h)
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 4; round++ {
		p := login(t, addr, 24)
		if round%2 == 1 {
			// the same in configuration mode
			p.Send("configure\r")
			p.Until("# ")
		}
		junk := make([]byte, 64*1024)
		rng.Read(junk)
		p.Send(string(junk))
		check()
		p.Close()
	}
	p := login(t, addr, 24)
	p.Close()
	if after := wait.Heap(); after > before+8<<20 {
		t.Fatalf("heap grew from %d to %d", before, after)
	}
	wait.Goroutines(t, base)
	if got := committedText(h); got != want {
		t.Fatal("random input changed the committed configuration")
	}
}

// A session that hangs up in a question, at the pager or holding the
// configuration exclusively lets go of everything.
func TestAbuseDisconnectMidDialog(t *testing.T) {
	_, h, addr := serveSSH(t)
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	for _, q := range []struct{ cmds []string }{
		{[]string{"request chassis routing-engine master switch\r", "[yes,no] (no) "}},
		{[]string{"show configuration\r", "---(more"}},
		{[]string{"configure exclusive\r", "# ", "set snmp location y\r", "# "}},
		{[]string{"configure private\r", "# ", "set snmp location z\r", "# "}},
		{[]string{"configure\r", "# ", "set snmp contact x\r", "# ", "exit\r", "(yes) "}},
		{[]string{"request routing-engine login other-routing-engine\r", "{backup}"}},
	} {
		p := login(t, addr, 5)
		for i := 0; i < len(q.cmds); i += 2 {
			p.Send(q.cmds[i])
			p.Until(q.cmds[i+1])
		}
		p.Close()
		// the next one starts once this one has let go of the
		// configuration (a session still editing is listed at configure)
		wait.For(t, "the hung-up session to stop editing the configuration", func() bool {
			editing := 0
			h.View(func(c *model.Chassis) { editing = len(c.Editors(0)) })
			return editing == 0
		})
	}
	wait.Goroutines(t, base)
	h.Advance(10 * time.Minute)
	h.View(func(c *model.Chassis) {
		if c.ActiveIndex() != 0 || c.Failovers != 0 {
			t.Fatalf("a hung-up question switched mastership")
		}
		if eds := c.Editors(0); len(eds) != 0 {
			t.Fatalf("editors left behind: %+v", eds)
		}
		// the exclusive session's change was rolled back; the shared
		// candidate keeps the plain session's
		if cand := c.Candidate(0); cand.Location != "Lab rack 4" || cand.Contact != "x" {
			t.Fatalf("candidate %q %q", cand.Location, cand.Contact)
		}
	})
	// the lock is gone: another session edits
	p := login(t, addr, 24)
	p.Send("configure\r")
	p.Until("# ")
	p.Send("set snmp location w\r")
	if out := p.Until("# "); strings.Contains(out, "error") {
		t.Fatalf("editing after a hang-up: %q", out)
	}
	check()
}

// Sessions keep working while mastership switches back and forth and the
// REs are reset: the management address always lands on the master, a
// session on a demoted RE answers as the backup, and there is never more
// than one master.
func TestSessionsDuringSwitchesAndResets(t *testing.T) {
	srv, h, addr := serveSSH(t)
	_ = srv
	base := runtime.NumGoroutine()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var cmds atomic.Int64
	lines := []string{"show version | no-more\r", "show chassis routing-engine | match state\r", "show system uptime\r", "show configuration snmp\r"}
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				p, err := sshtest.TryOpen(t, addr, "admin", "admin123", 200, 1000)
				if err != nil {
					select {
					case <-stop:
						return
					case <-time.After(time.Millisecond):
					}
					continue
				}
				p.Soft = true
				for k := i; ; k++ {
					if _, ok := p.Seek("> "); !ok {
						break
					}
					select {
					case <-stop:
						p.Close()
						return
					default:
					}
					if _, err := p.Write([]byte(lines[k%len(lines)])); err != nil {
						break
					}
					cmds.Add(1)
				}
				p.Close()
			}
		}(i)
	}
	rng := rand.New(rand.NewSource(7))
	for e := 0; e < 30; e++ {
		n := cmds.Load()
		wait.Until(200*time.Millisecond, func() bool { return cmds.Load() >= n+10 })
		switch rng.Intn(4) {
		case 0, 1:
			h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "SSH"}) })
		case 2:
			h.Do(func(c *model.Chassis) error { return c.PressReset(rng.Intn(2)) })
		}
		h.Advance(time.Duration(rng.Intn(300)) * time.Second)
		h.View(func(c *model.Chassis) {
			n := 0
			for _, m := range c.Modules {
				if m.State == model.Active {
					n++
				}
			}
			if n > 1 {
				t.Fatalf("event %d: %d masters", e, n)
			}
		})
	}
	h.Advance(time.Hour)
	close(stop)
	wg.Wait()
	if cmds.Load() < 100 {
		t.Fatalf("only %d commands ran", cmds.Load())
	}
	p := login(t, addr, 1000)
	p.Send("show chassis routing-engine | match state\r")
	out := p.Until(prompt)
	if strings.Count(out, "Master") != 1 || strings.Count(out, "Backup") != 1 {
		t.Fatalf("after the storm:\n%s", out)
	}
	p.Close()
	wait.Goroutines(t, base)
}

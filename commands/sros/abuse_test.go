package sros_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/sros"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/switchsimtest"
)

// Abuse against the 7750: what a careless script, a fuzzer or an attacker
// sends. The server stays up and other sessions do not notice.

// bystander is a session whose output must not change while another is
// abused.
func bystander(t *testing.T, sw *switchsimtest.Switch) func() {
	t.Helper()
	b := sshtest.Open(t, sw.Mgmt, "admin", "admin", 80, 24)
	b.Until("A:SR12# ")
	want, err := sw.Exec("admin", "admin", "show version")
	if err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		b.Send("show version\r")
		got := strings.ReplaceAll(b.Until("A:SR12# "), "\r\n", "\n")
		if got != "show version\n"+want+"A:SR12# " {
			t.Fatalf("bystander saw %q", got)
		}
	}
}

// A 1 MB line: the editor keeps MaxLine characters; the error comes back,
// in a context too, and the session goes on.
func TestAbuseHugeLine(t *testing.T) {
	sw := newSR12(t)
	check := bystander(t, sw)
	p := sshtest.Open(t, sw.Mgmt, "admin", "admin", 80, 24)
	p.Until("A:SR12# ")
	for _, where := range []string{"", "configure system\r"} {
		if where != "" {
			p.Send(where)
			p.Until("A:SR12>config>system# ")
		}
		written := p.WriteBehind(bytes.Repeat([]byte("x"), 1<<20))
		check()
		p.Until(strings.Repeat("x", 1024))
		<-written // Enter after the whole megabyte, not in the middle of it
		p.Send("\r")
		out := p.Until(tx.BadCommand)
		if !strings.Contains(out, "^\r\n") {
			t.Fatalf("no caret line: %q", out[max(0, len(out)-200):])
		}
		p.Until("# ")
	}
	p.Send("exit all\r")
	p.Until("A:SR12# ")
	check()
}

// Random bytes typed into a session, and as a whole connection.
func TestAbuseRandomBinary(t *testing.T) {
	sw := newSR12(t)
	check := bystander(t, sw)
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 4; round++ {
		p := sshtest.Open(t, sw.Mgmt, "admin", "admin", 80, 24)
		p.Until("A:SR12# ")
		junk := make([]byte, 64*1024)
		rng.Read(junk)
		// keep the junk from spelling a line that reboots or switches
		// over: no line ends in it
		for i, b := range junk {
			if b == '\r' || b == '\n' {
				junk[i] = ' '
			}
		}
		p.Send(string(junk))
		check()
		p.Close()
	}
	for i := 0; i < 10; i++ {
		p, err := sshtest.TryOpen(t, sw.Mgmt, "admin", "admin", 80, 24)
		if err != nil {
			t.Fatal(err)
		}
		p.Close()
	}
	if st := sw.State(); st.Active != 1 || st.Failovers != 0 {
		t.Fatalf("the junk changed the chassis: %+v", st)
	}
	check()
}

// Hanging up in the (y/n) questions and at the pager changes nothing.
func TestAbuseDisconnectMidDialog(t *testing.T) {
	sw := newSR12(t)
	check := bystander(t, sw)
	before := fingerprint(t, sw)
	for _, q := range []struct{ cmd, wait string }{
		{"admin redundancy force-switchover\r", tx.SwitchoverQuestion},
		{"admin reboot\r", tx.RebootQuestion},
		{"admin reboot standby\r", tx.RebootQuestion},
		{"show port\r", tx.Pager},
		{"admin display-config\r", tx.Pager},
	} {
		p := sshtest.Open(t, sw.Mgmt, "admin", "admin", 80, 5)
		p.Until("A:SR12# ")
		p.Send(q.cmd)
		p.Until(q.wait)
		p.Close()
	}
	// the exec form: the question reads EOF and answers no
	if out, _ := sw.Exec("admin", "admin", "admin redundancy force-switchover"); !strings.Contains(out, tx.SwitchoverQuestion) {
		t.Fatalf("exec: %q", out)
	}
	sw.Advance(10 * time.Minute)
	// the exec session is logged (as every login is); nothing else changed
	logged := sw.State().Log
	if after := fingerprint(t, sw); after != strings.Replace(before, fmt.Sprintf(`"logEntries":%d`, logged-1), fmt.Sprintf(`"logEntries":%d`, logged), 1) {
		t.Fatalf("a hung-up dialog changed the chassis:\n%s\n%s", before, after)
	}
	check()
}

// Sessions typing show commands while CPMs switch over, reset, are pulled
// and inserted, and their flashes fill up: one active CPM at every step,
// the server serving at the end.
func TestAbuseSessionsDuringRedundancyEvents(t *testing.T) {
	sessions, events := 20, 40
	sw := newSR12(t)
	h := sw.Server.Host("switch")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var cmds atomic.Int64
	lines := []string{"show version\r", "show redundancy synchronization\r", "show card\r", "info\r"}
	for i := 0; i < sessions; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				p, err := sshtest.TryOpen(t, sw.Mgmt, "admin", "admin", 200, 1000)
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
					if _, ok := p.Seek("# "); !ok {
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
	mods := []string{"cpm-a", "cpm-b"}
	for e := 0; e < events; e++ {
		want := cmds.Load() + int64(sessions/4)
		wait.Until(20*time.Millisecond, func() bool { return cmds.Load() >= want })
		m := mods[rng.Intn(2)]
		var err error
		switch rng.Intn(8) {
		case 0:
			err = h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "CONSOLE"}) })
		case 1:
			err = h.Press(m, "reset")
		case 2:
			err = h.Pull(m)
		case 3:
			err = h.Insert(m, server.InsertSpec{Primary: "13.0.R1"})
		case 4:
			err = h.SetFlash(m, []string{"full", "removed", "ok"}[rng.Intn(3)])
		case 5:
			_, err = h.Do(func(c *model.Chassis) error { _, err := c.SyncStandby(model.SyncBootEnv); return err }), nil
		default:
			h.Advance(time.Duration(rng.Intn(180)) * time.Second)
		}
		if errors.Is(err, server.ErrBadRequest) {
			t.Fatalf("event %d: %v", e, err)
		}
		h.View(func(c *model.Chassis) {
			n := 0
			for _, md := range c.Modules {
				if md.State == model.Active {
					n++
				}
			}
			if n > 1 {
				t.Fatalf("event %d: %d active CPMs", e, n)
			}
		})
	}
	for _, m := range mods {
		h.SetFlash(m, "ok")
		h.Insert(m, server.InsertSpec{Primary: "13.0.R1"})
	}
	h.Advance(time.Hour)
	close(stop)
	wg.Wait()
	st := sw.State()
	if st.Active == 0 {
		t.Fatalf("no active CPM after the events: %+v", st)
	}
	t.Logf("%d commands during %d events", cmds.Load(), events)
	if _, err := sw.Exec("admin", "admin", "show version"); err != nil {
		t.Fatal(err)
	}
}

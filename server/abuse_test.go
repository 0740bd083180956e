package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// Abuse: what a careless script, a fuzzer or an attacker sends. The server
// stays up, memory stays bounded, and other sessions don't notice.

// peer is an SSH session for abuse tests: it streams output through a
// bounded window, so a flood of output costs the test no memory.
func netDial(addr string) (net.Conn, error) {
	c, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err == nil {
		c.SetDeadline(time.Now().Add(20 * time.Second))
	}
	return c, err
}

// bystander is a session whose output must not change while another is
// abused.
func bystander(t *testing.T, addr string) func() {
	t.Helper()
	b := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	b.Login("HP-E8212zl# ")
	return func() {
		t.Helper()
		b.Send("show version\r")
		if got := b.Until("HP-E8212zl# "); got != showVersionBothModules {
			t.Fatalf("bystander saw %q", got)
		}
	}
}

func TestAbuseHugeLine(t *testing.T) {
	s := startServer(t, nil)
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	p.Login("HP-E8212zl# ")
	// 1 MB without a line end: the editor keeps MaxLine characters and
	// drops the rest; input is taken as fast as it comes, not buffered
	line := bytes.Repeat([]byte("x"), 1<<20)
	written := p.WriteBehind(line)
	check()
	echo := p.Until(strings.Repeat("x", 1024))
	if echo != strings.Repeat("x", 1024) {
		t.Fatalf("echo: %d bytes", len(echo))
	}
	// Enter after the whole megabyte, not in the middle of it
	<-written
	p.Send("\r")
	got := p.Until("HP-E8212zl# ")
	if want := "\r\nInvalid input: " + strings.Repeat("x", 1024) + "\r\nHP-E8212zl# "; got != want {
		t.Fatalf("after the line: %q", got[max(0, len(got)-300):])
	}
	p.Send("show flash\r")
	p.Until("Default Boot    : Primary\r\nHP-E8212zl# ")
	wait.HeapBounded(t, before, 8<<20, "1 MB line")
	check()
	p.Close()
	wait.Goroutines(t, base)
}

func TestAbuseRandomBinary(t *testing.T) {
	s := startServer(t, nil)
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	// the operator level: random keys there cannot reboot the chassis,
	// which would rightly end the bystander's session too
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 4; round++ {
		p := sshtest.Open(t, addr, "operator", "operator", 80, 24)
		if round > 0 {
			p.Login("HP-E8212zl> ")
		}
		junk := make([]byte, 64*1024)
		rng.Read(junk)
		p.Send(string(junk))
		check()
		p.Close()
	}
	// and the listeners still serve
	p := sshtest.Open(t, addr, "operator", "operator", 80, 24)
	p.Login("HP-E8212zl> ")
	p.Close()
	wait.HeapBounded(t, before, 8<<20, "random binary")
	wait.Goroutines(t, base)
	// random bytes as a whole SSH connection: not even a version line
	for i := 0; i < 20; i++ {
		c, err := netDial(addr)
		if err != nil {
			t.Fatal(err)
		}
		junk := make([]byte, 4096)
		rng.Read(junk)
		c.Write(junk)
		io.Copy(io.Discard, c)
		c.Close()
	}
	check()
	wait.Goroutines(t, base)
}

func TestAbuseCtrlCStorm(t *testing.T) {
	s := startServer(t, nil)
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	// during the banner, at the prompt, in a dialog and in the pager
	p.Send(strings.Repeat("\x03", 1000))
	p.Until("HP-E8212zl# ")
	p.Send(strings.Repeat("\x03", 100000) + "show flash\r")
	p.Until("Default Boot    : Primary\r\nHP-E8212zl# ")
	// a question that offers no ^C ignores it, then takes its answer
	p.Send("redundancy switchover\r")
	p.Until("[y/n]? ")
	p.Send(strings.Repeat("\x03", 1000) + "n")
	if got := p.Until("HP-E8212zl# "); got != "n\r\nHP-E8212zl# " {
		t.Fatalf("after ^C storm in a dialog: %q", got)
	}
	if s.Host("c1").ActiveModule() != 0 {
		t.Fatal("^C answered yes")
	}
	// in the pager, ^C quits
	if ok, err := p.Session.SendRequest("window-change", true, gossh.Marshal(struct{ W, H, PW, PH uint32 }{80, 5, 0, 0})); err != nil || !ok {
		t.Fatalf("window-change: %v %v", ok, err)
	}
	p.Send("show version\r")
	p.Until(tx.Pager)
	p.Send(strings.Repeat("\x03", 1000))
	p.Until("HP-E8212zl# ")
	check()
	p.Close()
	wait.Goroutines(t, base)
}

func TestAbuseWindowChangeFlood(t *testing.T) {
	s := startServer(t, nil)
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	p.Login("HP-E8212zl# ")
	for i := 0; i < 10000; i++ {
		if err := p.Session.WindowChange(10+i%50, 40+i%100); err != nil {
			t.Fatal(err)
		}
	}
	// the last size holds: 6 rows page show version after 5 lines. It
	// asks for a reply: requests are handled in order, so the reply also
	// says the flood before it has been applied.
	if ok, err := p.Session.SendRequest("window-change", true, gossh.Marshal(struct{ W, H, PW, PH uint32 }{80, 6, 0, 0})); err != nil || !ok {
		t.Fatalf("window-change: %v %v", ok, err)
	}
	p.Send("show version\r")
	got := p.Until(tx.Pager)
	// five rows: the image stamp line wraps at 80 columns
	if want := showVersionBothModules[:strings.Index(showVersionBothModules, "                13\r\n")] + tx.Pager; got != want {
		t.Fatalf("after the flood: %q", got)
	}
	p.Send("q")
	p.Until("HP-E8212zl# ")
	wait.HeapBounded(t, before, 8<<20, "window-change flood")
	check()
	p.Close()
	wait.Goroutines(t, base)
}

func TestAbuseDisconnectMidDialog(t *testing.T) {
	s := startServer(t, nil)
	h := s.Host("c1")
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	for _, q := range []struct{ cmd, wait string }{
		{"redundancy switchover\r", "[y/n]? "},
		{"boot system\r", "[y/n]? "},
		{"reload\r", "[y/n]? "},
		{"logout\r", tx.LogoutQuestion},
		{"show running-config\r", tx.Pager},
		{"show log -a\r", tx.Pager},
	} {
		p := sshtest.Open(t, addr, "manager", "manager", 80, 5)
		p.Login("HP-E8212zl# ")
		p.Send(q.cmd)
		p.Until(q.wait)
		p.Close()
	}
	// the exec form: the dialog reads EOF and answers no
	conn, err := sshtest.Dial(addr, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := conn.NewSession()
	sess.Output("redundancy switchover")
	conn.Close()
	wait.Goroutines(t, base)
	if n := h.Sessions(); n != 1 {
		t.Fatalf("%d sessions left (the bystander's only)", n)
	}
	h.Advance(10 * time.Minute)
	st := h.State()
	if st.Active != 1 || st.Modules[1].State != "standby" || st.Failovers != 0 {
		t.Fatalf("a hung-up dialog changed the chassis: %+v", st)
	}
	check()
}

func TestAbuseWrongLogins(t *testing.T) {
	const n = 1000
	s := startServer(t, nil, func(c *Config) { c.AuthFailDelay = time.Millisecond })
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	tries := wrongLogins(t, addr, n)
	check()
	p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	p.Login("HP-E8212zl# ")
	p.Close()
	wait.HeapBounded(t, before, 8<<20, fmt.Sprintf("%d wrong logins", tries))
	wait.Goroutines(t, base)
}

// wrongLogins tries n wrong passwords from 8 clients at once (each
// connection as many times as the server allows) and returns how many
// were tried.
func wrongLogins(t *testing.T, addr string, n int) int64 {
	var tries atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for tries.Load() < int64(n) {
				cb := gossh.RetryableAuthMethod(gossh.PasswordCallback(func() (string, error) {
					tries.Add(1)
					return "wrong", nil
				}), 10)
				c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "manager", Auth: []gossh.AuthMethod{cb},
					HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
				if err == nil {
					c.Close()
					t.Error("wrong password accepted")
					return
				}
			}
		}()
	}
	wg.Wait()
	return tries.Load()
}

func TestAuthFailDelaySlowsOnlyTheFailingClient(t *testing.T) {
	const delay = 1500 * time.Millisecond
	s := startServer(t, nil, func(c *Config) { c.AuthFailDelay = delay })
	addr := s.Addrs()[0].Mgmt
	sent := make(chan struct{})
	badDone := make(chan time.Duration, 1)
	go func() {
		t0 := time.Now()
		_, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "manager", HostKeyCallback: gossh.InsecureIgnoreHostKey(),
			Auth: []gossh.AuthMethod{gossh.PasswordCallback(func() (string, error) { close(sent); return "wrong", nil })}})
		if err == nil {
			t.Error("wrong password accepted")
		}
		badDone <- time.Since(t0)
	}()
	<-sent
	// while the server makes the failing client wait, another logs in
	conn, err := sshtest.Dial(addr, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	select {
	case d := <-badDone:
		t.Fatalf("the failing client was answered (after %s) before the good one got in", d)
	default:
	}
	if d := <-badDone; d < delay {
		t.Fatalf("a wrong password was answered after %s, not slowed down by %s", d, delay)
	}
}

func TestMaxSessionsRefusesWithTheSwitchText(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.MaxSessions = 2 })
	addr := s.Addrs()[0].Mgmt
	// many at once: exactly two get in
	var wg sync.WaitGroup
	var mu sync.Mutex
	var in []*sshtest.Term
	refused := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
			got, ok := p.Seek(tx.PressAnyKey)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case ok:
				in = append(in, p)
			case got == tx.SessionLimit+"\r\n":
				refused++
			default:
				t.Errorf("neither banner nor refusal: %q", got)
			}
		}()
	}
	wg.Wait()
	if len(in) != 2 || refused != 6 {
		t.Fatalf("%d sessions in, %d refused", len(in), refused)
	}
	// the limit is for management sessions: consoles still open
	c := sshtest.Open(t, s.Addrs()[0].Consoles[0], "manager", "manager", 80, 24)
	c.Until(tx.PressAnyKey)
	// one leaves, one more gets in
	in[0].Close()
	wait.For(t, "the sessions over the limit to end", func() bool { return s.Host("c1").Sessions() <= 1 })
	p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	p.Login("HP-E8212zl# ")
}

func TestIdleTimeoutEndsTheSession(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.IdleTimeout = time.Second })
	p := sshtest.Open(t, s.Addrs()[0].Mgmt, "manager", "manager", 80, 24)
	p.Login("HP-E8212zl# ")
	p.Send("show flash\r")
	p.Until("HP-E8212zl# ")
	got := p.WaitEOF()
	if !strings.HasSuffix(got, tx.IdleTimeout+"\r\n") {
		t.Fatalf("idle session ended with %q", got)
	}
}

// The control interface fires random physical events while 100 sessions
// run commands; afterwards no goroutine is left behind and the chassis
// is consistent.
func TestConcurrentSessionsAndPhysicalEvents(t *testing.T) {
	sessions, events := 100, 40
	if testing.Short() {
		sessions, events = 20, 40
	}
	stressChassis(t, sessions, events, 1)
}

func stressChassis(t *testing.T, sessions, events int, seed int64) {
	s := startServer(t, nil, func(c *Config) {
		c.Control, c.ControlToken = "127.0.0.1:0", "tok"
		c.Logf = func(string, ...any) {}
	})
	h := s.Host("c1")
	addr := s.Addrs()[0].Mgmt
	base := runtime.NumGoroutine()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var cmds, logins atomic.Int64
	for i := 0; i < sessions; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			lines := []string{"show version\r", "show redundancy\r", "show flash\r", "show modules\r"}
			for {
				select {
				case <-stop:
					return
				default:
				}
				p, err := sshtest.TryOpen(t, addr, "manager", "manager", 200, 1000)
				if err != nil {
					// refused during a takeover: wait for a change and retry
					select {
					case <-stop:
						return
					case <-time.After(time.Millisecond):
					}
					continue
				}
				p.Soft = true
				if _, ok := p.Seek(tx.PressAnyKey); !ok {
					p.Close()
					continue
				}
				if _, err := p.Write([]byte(" ")); err != nil {
					p.Close()
					continue
				}
				logins.Add(1)
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
	// start once every session is in, and let the sessions make
	// progress between events (a takeover refuses them until the clock
	// moves, so progress is waited for only briefly)
	progress := func(want int64, limit time.Duration) {
		wait.Until(limit, func() bool { return cmds.Load() >= want })
	}
	wait.Until(30*time.Second, func() bool { return logins.Load() >= int64(sessions) })
	ctl := func(action string, req ControlRequest) error { return s.control1(h, action, req) }
	rng := rand.New(rand.NewSource(seed))
	mods := []string{"mm1", "mm2"}
	for e := 0; e < events; e++ {
		progress(cmds.Load()+int64(sessions/4), 20*time.Millisecond)
		m := mods[rng.Intn(2)]
		var err error
		switch rng.Intn(8) {
		case 0:
			err = h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "CONSOLE"}) })
		case 1:
			err = ctl("press", ControlRequest{Module: m, Button: "reset"})
		case 2:
			err = ctl("pull", ControlRequest{Module: m})
		case 3:
			err = ctl("insert", ControlRequest{Module: m, InsertSpec: InsertSpec{Primary: "K.15.06.0017", Secondary: "K.15.06.0008"}})
		case 4:
			err = ctl("crash", ControlRequest{Module: m})
		case 5:
			err = ctl("cut-heartbeat", ControlRequest{})
		default:
			h.Advance(time.Duration(rng.Intn(180)) * time.Second)
		}
		if errors.Is(err, ErrBadRequest) {
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
				t.Fatalf("event %d: %d active modules", e, n)
			}
		})
	}
	// settle: every module back in and booted
	for _, m := range mods {
		ctl("insert", ControlRequest{Module: m, InsertSpec: InsertSpec{Primary: "K.15.06.0017", Secondary: "K.15.06.0008"}})
	}
	h.Advance(time.Hour)
	close(stop)
	wg.Wait()
	h.View(func(c *model.Chassis) {
		var states []string
		active := 0
		for _, md := range c.Modules {
			states = append(states, md.State.String())
			if md.State == model.Active {
				active++
			}
		}
		if active != 1 || c.Running == nil {
			t.Fatalf("after the events: modules %v, running config %v", states, c.Running != nil)
		}
	})
	wait.Goroutines(t, base)
	if n := h.Sessions(); n != 0 {
		t.Fatalf("%d management sessions left", n)
	}
	t.Logf("%d logins, %d commands during %d events", logins.Load(), cmds.Load(), events)
	if logins.Load() < int64(sessions) {
		t.Fatalf("only %d logins", logins.Load())
	}
	// and it still serves
	p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	p.Login("# ")
}

package server

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
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
	"github.com/switchsim/switchsim/vendors"
)

// The abuse tests again, on the BlackDiamond 8810: what a careless script,
// a fuzzer or an attacker sends leaves the server up, memory bounded, the
// chassis unchanged and other sessions unaware.

func startExos(t *testing.T, opts ...func(*Config)) *Server {
	t.Helper()
	sc, err := vendors.Scenario("bd8810", nil)
	if err != nil {
		t.Fatal(err)
	}
	sc.Clock = testStart
	cfg := Config{Vendors: vendors.Registry, Virtual: true,
		Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{"127.0.0.1:0", "127.0.0.1:0"}}}}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := Start(cfg)
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

// exosBystander is a session whose output must not change while another
// is abused.
func exosBystander(t *testing.T, addr string) func() {
	t.Helper()
	b := sshtest.Open(t, addr, "admin", "", 80, 24)
	b.Until("BD-8810.1 # ")
	return func() {
		t.Helper()
		b.Send("show version images\r")
		b.Until("show version images\r\n")
		if got := b.Until(" \r\n\r\n"); got != exosImages {
			t.Fatalf("bystander saw %q", got)
		}
		b.Until(" # ")
	}
}

func TestExosAbuseHugeLine(t *testing.T) {
	s := startExos(t)
	addr := s.Addrs()[0].Mgmt
	check := exosBystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	p := sshtest.Open(t, addr, "admin", "", 80, 24)
	p.Until("BD-8810.1 # ")
	written := p.WriteBehind(bytes.Repeat([]byte("x"), 1<<20))
	check()
	if echo := p.Until(strings.Repeat("x", 1024)); echo != strings.Repeat("x", 1024) {
		t.Fatalf("echo: %d bytes", len(echo))
	}
	<-written // Enter after the whole megabyte, not in the middle of it
	p.Send("\r")
	if got, want := p.Until("BD-8810.2 # "), "\r\n"+strings.Repeat(" ", len("BD-8810.1 # "))+"^\r\n%% Invalid input detected at '^' marker.\r\nBD-8810.2 # "; got != want {
		t.Fatalf("after the line: %q", got[max(0, len(got)-300):])
	}
	wait.HeapBounded(t, before, 8<<20, "1 MB line")
	check()
	p.Close()
	wait.Goroutines(t, base)
}

func TestExosAbuseRandomBinary(t *testing.T) {
	s := startExos(t)
	addr := s.Addrs()[0].Mgmt
	check := exosBystander(t, addr)
	base := runtime.NumGoroutine()
	before := wait.Heap()
	// the user account: random keys there cannot reboot or fail over
	rng := rand.New(rand.NewSource(2))
	for round := 0; round < 4; round++ {
		p := sshtest.Open(t, addr, "user", "", 80, 24)
		junk := make([]byte, 64*1024)
		rng.Read(junk)
		p.Send(string(junk))
		check()
		p.Close()
	}
	p := sshtest.Open(t, addr, "user", "", 80, 24)
	p.Until(" > ")
	p.Close()
	wait.HeapBounded(t, before, 8<<20, "random binary")
	wait.Goroutines(t, base)
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

func TestExosAbuseCtrlCStorm(t *testing.T) {
	s := startExos(t)
	h := s.Host("c1")
	addr := s.Addrs()[0].Mgmt
	check := exosBystander(t, addr)
	base := runtime.NumGoroutine()
	p := sshtest.Open(t, addr, "admin", "", 80, 24)
	// during the banner and at the prompt: the counter does not move
	p.Send(strings.Repeat("\x03", 1000))
	p.Send(strings.Repeat("\x03", 100000) + "\r")
	p.Until("BD-8810.2 # ")
	// ^C at a question is no
	p.Send("run msm-failover\r")
	p.Until("(y/N) ")
	p.Send(strings.Repeat("\x03", 1000))
	p.Until("BD-8810.3 # ")
	if h.ActiveModule() != 0 {
		t.Fatal("^C answered yes")
	}
	// in the pager, ^C quits
	if ok, err := p.Session.SendRequest("window-change", true, gossh.Marshal(struct{ W, H, PW, PH uint32 }{80, 5, 0, 0})); err != nil || !ok {
		t.Fatalf("window-change: %v %v", ok, err)
	}
	p.Send("show version\r")
	p.Until("Press <SPACE> to continue or <Q> to quit:")
	p.Send(strings.Repeat("\x03", 1000))
	p.Until("BD-8810.4 # ")
	check()
	p.Close()
	wait.Goroutines(t, base)
}

func TestExosAbuseDisconnectMidDialog(t *testing.T) {
	s := startExos(t)
	h := s.Host("c1")
	addr := s.Addrs()[0].Mgmt
	check := exosBystander(t, addr)
	base := runtime.NumGoroutine()
	for _, q := range []struct{ cmd, wait string }{
		{"run msm-failover\r", "(y/N) "},
		{"reboot\r", "(y/N) "},
		{"reboot msm B\r", "(y/N) "},
		{"synchronize\r", "BD-8810.2 # "}, // nothing unsaved: no question (the backup reboots)
		{"download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos msm B\r", "<cr> - cancel) "},
		{"save configuration\r", "(y/N) "},
		{"show log\r", "Press <SPACE>"},
		{"show switch\r", "Press <SPACE>"},
	} {
		p := sshtest.Open(t, addr, "admin", "", 80, 5)
		p.Until("BD-8810.1 # ")
		p.Send(q.cmd)
		p.Until(q.wait)
		p.Close()
		if strings.HasPrefix(q.cmd, "synchronize") {
			h.Advance(10 * time.Minute) // let the backup come back
		}
	}
	// a hang-up during a download: the download finishes in the model
	p := sshtest.Open(t, addr, "admin", "", 80, 24)
	p.Until("BD-8810.1 # ")
	p.Send("download image 10.0.0.1 bd8800-15.3.3.5-patch1-10.xos msm B\r")
	p.Until("<cr> - cancel) ")
	p.Send("n")
	p.Until("Downloading to MSM-B")
	p.Close()
	// the exec form: a question reads EOF; cli prompting is off there
	conn, err := sshtest.Dial(addr, "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := conn.NewSession()
	sess.Output("show log")
	conn.Close()
	// the hung-up session waits for its download, as the switch finishes
	// it; then it ends too
	h.Advance(10 * time.Minute)
	wait.Goroutines(t, base)
	if n := h.Sessions(); n != 1 {
		t.Fatalf("%d sessions left (the bystander's only)", n)
	}
	st := h.State()
	if st.Active != 1 || st.Modules[1].State != "standby" || st.Failovers != 0 {
		t.Fatalf("a hung-up dialog changed the chassis: %+v", st)
	}
	staged := false
	h.View(func(c *model.Chassis) { staged = c.Modules[1].StagedImage("bd8800-15.3.3.5-patch1-10.xos") != nil })
	if !staged {
		t.Fatal("the download of the hung-up session did not finish")
	}
	check()
}

func TestExosConcurrentSessionsAndPhysicalEvents(t *testing.T) {
	sessions, events := 60, 40
	if testing.Short() {
		sessions = 20
	}
	s := startExos(t, func(c *Config) {
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
			lines := []string{"show version\r", "show switch\r", "show slot\r", "show log\r", "\r"}
			for {
				select {
				case <-stop:
					return
				default:
				}
				p, err := sshtest.TryOpen(t, addr, "admin", "", 200, 1000)
				if err != nil {
					select {
					case <-stop:
						return
					case <-time.After(time.Millisecond):
					}
					continue
				}
				p.Soft = true
				logins.Add(1)
				for k := i; ; k++ {
					if _, ok := p.Seek(" # "); !ok {
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
	wait.Until(30*time.Second, func() bool { return logins.Load() >= int64(sessions) })
	ctl := func(action string, req ControlRequest) error { return s.control1(h, action, req) }
	rng := rand.New(rand.NewSource(3))
	mods := []string{"msm-a", "msm-b"}
	for e := 0; e < events; e++ {
		want := cmds.Load() + int64(sessions/4)
		wait.Until(20*time.Millisecond, func() bool { return cmds.Load() >= want })
		m := mods[rng.Intn(2)]
		var err error
		switch rng.Intn(8) {
		case 0:
			err = h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "SSH"}) })
		case 1:
			err = ctl("press", ControlRequest{Module: m, Button: "reset"})
		case 2:
			err = ctl("pull", ControlRequest{Module: m})
		case 3:
			err = ctl("insert", ControlRequest{Module: m, InsertSpec: InsertSpec{Primary: "15.3.1.4", Secondary: "15.3.1.4"}})
		case 4:
			err = ctl("crash", ControlRequest{Module: m})
		case 5:
			err = h.Do(func(c *model.Chassis) error { return c.Synchronize(model.Origin{}) })
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
				t.Fatalf("event %d: %d masters", e, n)
			}
		})
	}
	for _, m := range mods {
		ctl("insert", ControlRequest{Module: m, InsertSpec: InsertSpec{Primary: "15.3.1.4", Secondary: "15.3.1.4"}})
	}
	h.Advance(time.Hour)
	close(stop)
	wg.Wait()
	h.View(func(c *model.Chassis) {
		if c.Active() == nil || c.Running == nil {
			t.Fatal("no master after the events")
		}
	})
	wait.Goroutines(t, base)
	if n := h.Sessions(); n != 0 {
		t.Fatalf("%d management sessions left", n)
	}
	t.Logf("%d logins, %d commands during %d events", logins.Load(), cmds.Load(), events)
	p := sshtest.Open(t, addr, "admin", "", 80, 24)
	p.Until(" # ")
}

package server

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/abusetest"
	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// Abuse: what a careless script, a fuzzer or an attacker sends. The server
// stays up, memory stays bounded, and other sessions don't notice. The
// steps every vendor runs are internal/abusetest's; this is the 8212zl's
// table for them, and the steps only it runs.

func TestAbuse(t *testing.T) { abusetest.Run(t, hp8212zl) }

var hp8212zl = abusetest.Vendor[*Host]{
	Start: func(t *testing.T) (string, *Host) {
		s := startServer(t, nil)
		return s.Addrs()[0].Mgmt, s.Host("c1")
	},
	Banner:    tx.PressAnyKey,
	Ready:     "# ",
	Admin:     abusetest.Account{User: "manager", Pass: "manager", Prompt: "HP-E8212zl# "},
	Same:      sameState,
	Bystander: abusetest.Bystander[*Host]{Cmd: "show version", End: "HP-E8212zl# ", Want: showVersionBothModules},
	// 6 rows page show version after 5 lines: the image stamp line wraps
	// at 80 columns
	Pager: abusetest.Pager{Rows: 6, Cut: "                13\r\n", Text: tx.Pager},
	HugeLine: []abusetest.Line{{
		Reply: "\r\nInvalid input: " + strings.Repeat("x", 1024) + "\r\nHP-E8212zl# ",
		Leave: []abusetest.Step{{Send: "show flash\r", Until: "Default Boot    : Primary\r\nHP-E8212zl# "}},
	}},
	// the operator level: random keys there cannot reboot the chassis
	Junk: abusetest.Junk{Account: abusetest.Account{User: "operator", Pass: "operator", Prompt: "HP-E8212zl> "}, Seed: 1,
		Rounds: []abusetest.Round{{Early: true}, {}, {}, {}}},
	// a question that offers no ^C ignores it, then takes its answer
	Storm: abusetest.Storm{Cmd: "show flash", End: "Default Boot    : Primary\r\nHP-E8212zl# ",
		Ask: abusetest.Step{Send: "redundancy switchover\r", Until: "[y/n]? "}, Answer: "n", Reply: "n\r\nHP-E8212zl# ",
		Quit: "HP-E8212zl# "},
	Dialogs: abusetest.Dialogs[*Host]{
		List: []abusetest.Dialog{
			{Steps: []abusetest.Step{{Send: "redundancy switchover\r", Until: "[y/n]? "}}},
			{Steps: []abusetest.Step{{Send: "boot system\r", Until: "[y/n]? "}}},
			{Steps: []abusetest.Step{{Send: "reload\r", Until: "[y/n]? "}}},
			{Steps: []abusetest.Step{{Send: "logout\r", Until: tx.LogoutQuestion}}},
			{Steps: []abusetest.Step{{Send: "show running-config\r", Until: tx.Pager}}},
			{Steps: []abusetest.Step{{Send: "show log -a\r", Until: tx.Pager}}},
		},
		// the exec form: the dialog reads EOF and answers no
		Exec:      "redundancy switchover",
		Unchanged: func(t *testing.T, _ string, h *Host) func() { return standbyStays(t, h) },
	},
	// the control interface's random physical events while 100 sessions
	// run commands
	Events: abusetest.Events[*Host]{Sessions: 100, Short: 20, Count: 40, Seed: 1, Within: 20 * time.Millisecond,
		Lines:   []string{"show version", "show redundancy", "show flash", "show modules"},
		Modules: []string{"mm1", "mm2"},
		Event: func(h *Host, m string, rng *rand.Rand) error {
			switch rng.Intn(8) {
			case 0:
				return h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "CONSOLE"}) })
			case 1:
				return h.Press(m, "reset")
			case 2:
				return h.Pull(m)
			case 3:
				return h.Insert(m, InsertSpec{Primary: "K.15.06.0017", Secondary: "K.15.06.0008"})
			case 4:
				return h.Crash(m)
			case 5:
				return h.CutHeartbeat()
			}
			h.Advance(time.Duration(rng.Intn(180)) * time.Second)
			return nil
		},
		Invalid: ErrBadRequest,
		// every module back in and booted
		Settle: func(h *Host) {
			for _, m := range []string{"mm1", "mm2"} {
				h.Insert(m, InsertSpec{Primary: "K.15.06.0017", Secondary: "K.15.06.0008"})
			}
		},
	},
}

// sameState is the chassis as the control API reports it, without the
// clock, the sessions and the log (logins are logged).
func sameState(t *testing.T, h *Host) string {
	st := h.State()
	st.Time, st.Sessions, st.Log = time.Time{}, 0, 0
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// standbyStays is the check that a hang-up left module 1 active and
// module 2 standby, with no failover.
func standbyStays(t *testing.T, h *Host) func() {
	return func() {
		t.Helper()
		st := h.State()
		if st.Active != 1 || st.Modules[1].State != "standby" || st.Failovers != 0 {
			t.Fatalf("a hung-up dialog changed the chassis: %+v", st)
		}
	}
}

// bystander is a session whose output must not change while another is
// abused.
func bystander(t *testing.T, s *Server) func() {
	t.Helper()
	return abusetest.OpenBystander(t, hp8212zl, s.Addrs()[0].Mgmt, s.Host("c1"))
}

func TestAbuseWrongLogins(t *testing.T) {
	const n = 1000
	s := startServer(t, nil, func(c *Config) { c.AuthFailDelay = time.Millisecond })
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, s)
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

// stressChassis is the events step at another size (make soak).
func stressChassis(t *testing.T, sessions, events int, seed int64) {
	v := hp8212zl
	v.Events.Sessions, v.Events.Short, v.Events.Count, v.Events.Seed = sessions, sessions, events, seed
	abusetest.SessionsDuringEvents(t, v)
}

package server

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/internal/wait"
)

// A switchover while the pager waits for a key ends the session: the
// interrupt is not lost at the -- MORE -- prompt.
func TestInterruptAtThePagerEndsTheSession(t *testing.T) {
	s := startServer(t, nil)
	scr := &testterm.Screen{}
	l, err := s.OpenLocal("c1", Target{Module: -1, User: "manager", Manager: true, Height: 5}, scr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Close)
	l.Conn.WaitIdle()
	l.Conn.Feed([]byte(" show running-config\r"))
	l.Conn.WaitIdle()
	if !strings.HasSuffix(scr.Fresh(), "Control-C") {
		t.Fatal("no pager")
	}
	s.Host("c1").Press("mm1", "reset")
	select {
	case <-l.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the session survived the reset at the pager")
	}
}

// A client that stops reading cannot hold its session once the switch
// ends it: the transport is closed after the grace.
func TestSessionOfAClientThatStopsReadingEnds(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.EndGrace = 100 * time.Millisecond })
	h := s.Host("c1")
	conn, err := sshtest.Dial(s.Addrs()[0].Mgmt, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, _ := conn.NewSession()
	sess.RequestPty("vt100", 1000, 200, gossh.TerminalModes{})
	in, _ := sess.StdinPipe()
	sess.Shell() // stdout is never read
	in.Write([]byte(" no page\r"))
	// fill the channel's window with output nobody reads
	go func() {
		for i := 0; i < 2000; i++ {
			if _, err := in.Write([]byte("show interfaces brief\r")); err != nil {
				return
			}
		}
	}()
	wait.For(t, "the session to attach", func() bool { return h.Sessions() == 1 })
	h.Press("mm1", "reset")
	wait.For(t, "the session of a client that stopped reading to be ended", func() bool { return h.Sessions() == 0 })
}

// A telnet subnegotiation cannot grow memory without bound.
func TestTelnetSubnegotiationIsBounded(t *testing.T) {
	var in bytes.Buffer
	in.Write([]byte{tnIAC, tnSB, optNAWS})
	for i := 0; i < 1<<20; i++ {
		in.Write([]byte{tnIAC, 1})
	}
	in.Write([]byte{tnIAC, tnSE})
	in.WriteString("ok")
	before := wait.Heap()
	cc := console.NewConn(io.Discard, true, 80, 24)
	done := make(chan struct{})
	go func() { telnetPump(&in, cc); close(done) }()
	<-done
	wait.HeapBounded(t, before, 8<<20, "telnet subnegotiation")
}

// An idle telnet connection that never logs in is closed after the
// login grace, so it cannot hold a session slot.
func TestTelnetLoginGrace(t *testing.T) {
	s := startServer(t, nil, func(c *Config) {
		c.LoginGrace = 300 * time.Millisecond
		c.Chassis[0].Telnet = "127.0.0.1:0"
	})
	c, err := net.Dial("tcp", s.Addrs()[0].Telnet)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.Copy(io.Discard, c); err != nil {
		t.Fatalf("the idle telnet client was not dropped: %v", err)
	}
}

// An authenticated client that opens a session channel but never starts
// a shell is dropped after the login grace.
func TestLoginGraceEndsAtShellNotAtChannel(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.LoginGrace = 300 * time.Millisecond })
	conn, err := sshtest.Dial(s.Addrs()[0].Mgmt, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.NewSession(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- conn.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a channel without a shell held the connection past the grace")
	}
}

func TestControlAPIRefusesBareTokenAndTrailingData(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.Control, c.ControlToken = "127.0.0.1:0", "sekrit" })
	call := func(auth, body string) int {
		req, _ := http.NewRequest("POST", "http://"+s.ControlAddr()+"/v1/chassis/c1/press", strings.NewReader(body))
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := call("sekrit", `{"button":"clear"}`); code != 401 {
		t.Fatalf("bare token: %d", code)
	}
	if code := call("Bearer sekrit", `{"button":"clear"} {"button":"clear"}`); code != 400 {
		t.Fatalf("trailing data: %d", code)
	}
	if code := call("Bearer sekrit", `{"button":"clear"}`); code != 200 {
		t.Fatalf("good request: %d", code)
	}
}

package server

import (
	"io"
	"net"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/scenario"
)

// connPair is a TCP connection on loopback, both ends (net.Pipe does not
// buffer, and SSH's two sides both write first).
func connPair(t *testing.T) (client, server net.Conn) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	client, err = net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server, err = l.Accept()
	if err != nil {
		t.Fatal(err)
	}
	return client, server
}

// peerConn is a connection that says it comes from peer.
type peerConn struct {
	net.Conn
	peer net.Addr
}

func (c peerConn) RemoteAddr() net.Addr { return c.peer }

// dialFrom opens an SSH connection to a chassis's management address as
// a client at peer would, over a loopback connection that says it comes from peer; it returns the client's error.
func dialFrom(t *testing.T, s *Server, peer string, auth ...gossh.AuthMethod) error {
	t.Helper()
	h := s.Hosts()[0]
	f := newSSHFront(s, h, route{mgmt: true})
	cl, sv := connPair(t)
	addr, err := net.ResolveTCPAddr("tcp", peer)
	if err != nil {
		t.Fatal(err)
	}
	go f.ssh.HandleConn(peerConn{sv, addr})
	defer cl.Close()
	c, chans, reqs, err := gossh.NewClientConn(cl, "switch", &gossh.ClientConfig{User: "manager", Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return err
	}
	gossh.NewClient(c, chans, reqs).Close()
	return nil
}

func noPasswords(sc *scenario.Scenario) {
	sc.Chassis.Credentials.ManagerPassword = ""
	sc.Chassis.Credentials.OperatorPassword = ""
}

// A chassis without passwords takes "none", an empty password and
// keyboard-interactive from loopback only; from another address every
// way in is refused, unless the network is trusted.
func TestNoPasswordsOnlyFromLoopback(t *testing.T) {
	s := startServer(t, noPasswords)
	kbd := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return []string{""}, nil })
	for _, auth := range [][]gossh.AuthMethod{nil, {gossh.Password("")}, {gossh.Password("anything")}, {kbd}} {
		if err := dialFrom(t, s, "127.0.0.1:40000", auth...); err != nil {
			t.Errorf("from loopback with %d methods: %v", len(auth), err)
		}
		if err := dialFrom(t, s, "192.0.2.7:40000", auth...); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
			t.Errorf("from 192.0.2.7 with %d methods: %v, want a refusal", len(auth), err)
		}
	}
	trusted := startServer(t, noPasswords, func(c *Config) { c.TrustedNetwork = true })
	if err := dialFrom(t, trusted, "192.0.2.7:40000"); err != nil {
		t.Errorf("from 192.0.2.7 on a trusted network: %v", err)
	}
}

// Passwords removed while serving: an account left without one takes no
// login from off loopback; the other account's password still works.
func TestPasswordlessAccountOnlyFromLoopback(t *testing.T) {
	s := startServer(t, func(sc *scenario.Scenario) { sc.Chassis.Credentials.ManagerPassword = "" })
	if err := dialFrom(t, s, "192.0.2.7:40000", gossh.Password("")); err == nil {
		t.Error("the manager account without a password took a login from 192.0.2.7")
	}
	if err := dialFrom(t, s, "127.0.0.1:40000", gossh.Password("")); err != nil {
		t.Errorf("from loopback: %v", err)
	}
	withPw := startServer(t, nil)
	if err := dialFrom(t, withPw, "192.0.2.7:40000", gossh.Password("manager")); err != nil {
		t.Errorf("a password from 192.0.2.7: %v", err)
	}
}

// Telnet off loopback to a chassis without passwords is told why and
// closed.
func TestTelnetNoPasswordsOnlyFromLoopback(t *testing.T) {
	s := startServer(t, noPasswords)
	cl, sv := connPair(t)
	defer cl.Close()
	addr, _ := net.ResolveTCPAddr("tcp", "192.0.2.7:40000")
	go s.telnetSession(s.Hosts()[0], peerConn{sv, addr})
	b, _ := io.ReadAll(cl)
	if string(b) != OpenDoorRefusal {
		t.Fatalf("telnet from 192.0.2.7 read %q", b)
	}
}

// Package sshtest is the small interactive SSH client the tests share: a
// PTY session whose output is collected and searched with deadlines, so
// tests wait for text instead of sleeping.
package sshtest

import (
	"bytes"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Timeout bounds every wait.
const Timeout = 20 * time.Second

// window is how much unread output a session keeps: a flood keeps its
// tail, so memory stays bounded and searches stay fast.
const window = 1 << 20

// Dial logs in with a password.
func Dial(addr, user, pass string) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.Password(pass)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
}

// Exec logs in, runs one command on an exec channel and returns what it
// printed (a non-zero exit status is an *ssh.ExitError).
func Exec(addr, user, pass, cmd string) (string, error) {
	c, err := Dial(addr, user, pass)
	if err != nil {
		return "", err
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		return "", err
	}
	defer s.Close()
	out, err := s.Output(cmd)
	return string(out), err
}

// HostKey logs in and returns the server's host key.
func HostKey(addr, user, pass string) (gossh.PublicKey, error) {
	var key gossh.PublicKey
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.Password(pass)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { key = k; return nil }, Timeout: 10 * time.Second})
	if err != nil {
		return nil, err
	}
	conn.Close()
	return key, nil
}

// Term is an interactive session with a PTY.
type Term struct {
	tb      testing.TB
	Conn    *gossh.Client
	Session *gossh.Session
	// Soft makes a failed wait an error of the test rather than the end
	// of it, for sessions driven from goroutines other than the test's.
	Soft bool

	in   io.Writer
	mu   sync.Mutex
	cond *sync.Cond
	buf  []byte // unread output (its last window bytes)
	eof  bool
	shut bool // hung up: output is dropped
}

// Open logs in and starts a shell on a width x height PTY; the session is
// closed when the test ends.
func Open(tb testing.TB, addr, user, pass string, width, height int) *Term {
	tb.Helper()
	t, err := TryOpen(tb, addr, user, pass, width, height)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// TryOpen is Open that returns the error (a refused login, a full switch).
func TryOpen(tb testing.TB, addr, user, pass string, width, height int) (*Term, error) {
	conn, err := Dial(addr, user, pass)
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err == nil {
		err = sess.RequestPty("vt100", height, width, gossh.TerminalModes{})
	}
	var in io.Writer
	var out io.Reader
	if err == nil {
		in, _ = sess.StdinPipe()
		out, _ = sess.StdoutPipe()
		err = sess.Shell()
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	t := &Term{tb: tb, Conn: conn, Session: sess, in: in}
	t.cond = sync.NewCond(&t.mu)
	tb.Cleanup(t.Close)
	go func() {
		b := make([]byte, 32*1024)
		for {
			n, err := out.Read(b)
			t.mu.Lock()
			if !t.shut {
				t.buf = append(t.buf, b[:n]...)
			}
			if over := len(t.buf) - window; over > 0 {
				t.buf = append(t.buf[:0], t.buf[over:]...)
			}
			if err != nil {
				t.eof = true
			}
			t.cond.Broadcast()
			t.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return t, nil
}

// Close hangs up. The unread output is dropped: nothing reads it any more,
// and a test that bounds the heap should not count it (it is kept until
// the test ends, with the session).
func (t *Term) Close() {
	t.Conn.Close()
	t.mu.Lock()
	t.shut, t.buf = true, nil
	t.mu.Unlock()
}

// Write types p without failing the test (for use from a goroutine).
func (t *Term) Write(p []byte) (int, error) { return t.in.Write(p) }

// WriteBehind types p from a goroutine (a flood the session takes as it
// comes) and returns a channel closed once all of it is written: wait on it
// before typing what must come after the flood.
func (t *Term) WriteBehind(p []byte) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.in.Write(p)
	}()
	return done
}

// Send types s.
func (t *Term) Send(s string) {
	t.tb.Helper()
	if _, err := t.in.Write([]byte(s)); err != nil {
		t.fail("send: %v", err)
	}
}

func (t *Term) fail(format string, args ...any) {
	t.tb.Helper()
	if t.Soft {
		t.tb.Errorf(format, args...)
		return
	}
	t.tb.Fatalf(format, args...)
}

// Seek waits for s in the unread output and returns the output up to and
// including it, consumed; ok is false when the session ended first or the
// wait timed out (then out is what is unread).
func (t *Term) Seek(s string) (out string, ok bool) {
	stop := time.AfterFunc(Timeout, func() { t.mu.Lock(); t.cond.Broadcast(); t.mu.Unlock() }).Stop
	defer stop()
	deadline := time.Now().Add(Timeout)
	t.mu.Lock()
	defer t.mu.Unlock()
	for {
		if i := bytes.Index(t.buf, []byte(s)); i >= 0 {
			out = string(t.buf[:i+len(s)])
			t.buf = append(t.buf[:0], t.buf[i+len(s):]...)
			return out, true
		}
		if t.eof || time.Now().After(deadline) {
			return string(t.buf), false
		}
		t.cond.Wait()
	}
}

// Until is Seek that fails the test when s does not come.
func (t *Term) Until(s string) string {
	t.tb.Helper()
	out, ok := t.Seek(s)
	if !ok {
		t.fail("waiting for %q, got %q", s, tail(out))
	}
	return out
}

// Has reports whether the unread output holds s, consuming nothing.
func (t *Term) Has(s string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Contains(t.buf, []byte(s))
}

// WaitEOF waits for the server to end the session and returns the unread
// output.
func (t *Term) WaitEOF() string {
	t.tb.Helper()
	out, _ := t.Seek("\x00 the end \x00")
	t.mu.Lock()
	eof := t.eof
	t.mu.Unlock()
	if !eof {
		t.fail("no end of session; got %q", tail(out))
	}
	return out
}

// Login answers "Press any key" and waits for the prompt.
func (t *Term) Login(prompt string) {
	t.tb.Helper()
	t.Until("Press any key to continue")
	t.Send(" ")
	t.Until(prompt)
}

func tail(s string) string {
	if len(s) > 300 {
		return "..." + s[len(s)-300:]
	}
	return s
}

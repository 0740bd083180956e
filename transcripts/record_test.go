package transcripts

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
)

// sshTerm is an interactive SSH session with a PTY, as a person's client.
type sshTerm struct {
	t    *testing.T
	in   io.WriteCloser
	mu   sync.Mutex
	cond *sync.Cond
	buf  bytes.Buffer
	seen int
	eof  bool
}

func dialTerm(t *testing.T, addr string) *sshTerm {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "manager", Auth: []gossh.AuthMethod{gossh.Password("manager")},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("vt100", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	st := &sshTerm{t: t, in: in}
	st.cond = sync.NewCond(&st.mu)
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := out.Read(b)
			st.mu.Lock()
			st.buf.Write(b[:n])
			if err != nil {
				st.eof = true
			}
			st.cond.Broadcast()
			st.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return st
}

// until waits for s to appear in the output after what was seen already.
func (st *sshTerm) until(s string) {
	st.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	timer := time.AfterFunc(20*time.Second, func() { st.mu.Lock(); st.cond.Broadcast(); st.mu.Unlock() })
	defer timer.Stop()
	st.mu.Lock()
	defer st.mu.Unlock()
	for {
		if i := strings.Index(st.buf.String()[st.seen:], s); i >= 0 {
			st.seen += i + len(s)
			return
		}
		if st.eof || time.Now().After(deadline) {
			st.t.Fatalf("waiting for %q; got %q", s, st.buf.String()[st.seen:])
		}
		st.cond.Wait()
	}
}

func (st *sshTerm) waitEOF() {
	st.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	timer := time.AfterFunc(20*time.Second, func() { st.mu.Lock(); st.cond.Broadcast(); st.mu.Unlock() })
	defer timer.Stop()
	st.mu.Lock()
	defer st.mu.Unlock()
	for !st.eof {
		if time.Now().After(deadline) {
			st.t.Fatal("no end of session")
		}
		st.cond.Wait()
	}
}

func (st *sshTerm) send(s string) {
	st.t.Helper()
	if _, err := st.in.Write([]byte(s)); err != nil {
		st.t.Fatal(err)
	}
}

// typeEcho types like a person's client: each key waits for its echo.
func (st *sshTerm) typeEcho(s string) {
	st.t.Helper()
	for _, c := range s {
		st.send(string(c))
		st.until(string(c))
	}
}

// TestRecordedSessionReplays records a live SSH session (keys typed one
// by one, a button pressed through the control API, a switchover) and
// replays the transcript it wrote: every step must match.
func TestRecordedSessionReplays(t *testing.T) {
	rec := NewRecorder()
	sc := scenario.Default()
	sc.Clock = DefaultClock
	srv, err := server.Start(server.Config{
		Virtual:  true,
		Recorder: rec,
		Control:  "127.0.0.1:0", ControlToken: "tok",
		Chassis: []server.ChassisConfig{{Name: "rec", Scenario: sc, Mgmt: "127.0.0.1:0",
			Consoles: []string{"127.0.0.1:0", "127.0.0.1:0"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	h := srv.Host("rec")
	if err := rec.Start(h); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	clockDone := make(chan struct{})
	go func() { defer close(clockDone); rec.Clock(h, 0.001, stop) }()
	stopClock := func() {
		if stop != nil {
			close(stop)
			<-clockDone
			stop = nil
		}
	}
	defer stopClock()

	a := srv.Addrs()[0]
	mgmt := dialTerm(t, a.Mgmt)
	mgmt.until("Press any key to continue")
	mgmt.send(" ")
	mgmt.until("HP-E8212zl# ")
	con2 := dialTerm(t, a.Consoles[1])
	con2.until("Standby Console> ")
	mgmt.typeEcho("show flash")
	mgmt.send("\r")
	mgmt.until("HP-E8212zl# ")

	// the MM Reset button of the standby, through the control API
	req, _ := http.NewRequest("POST", "http://"+srv.ControlAddr()+"/v1/chassis/rec/press",
		strings.NewReader(`{"module":"mm2","button":"reset"}`))
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("press: %d", resp.StatusCode)
	}
	con2.until("Decompressing...done.")
	con2.until("Standby Console> ")

	mgmt.typeEcho("redundancy switchover")
	mgmt.send("\r")
	mgmt.until("[y/n]? ")
	mgmt.send("y")
	mgmt.waitEOF()
	con2.until("Press any key to continue")
	con2.send(" ")
	con2.until("HP-E8212zl# ")
	con2.typeEcho("show redundancy")
	con2.send("\r")
	con2.until("HP-E8212zl# ")

	stopClock()
	data := rec.Transcript()
	for _, want := range []string{"\ntype mgmt show flash<Enter>\n", "\npress mm2 reset\n", "\nkey mgmt y\n", "-- mgmt (ended)\n"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the transcript has no %q:\n%s", want, data)
		}
	}
	f, err := Parse("recorded.txt", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	res, err := Run(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Mismatches() {
		t.Error(m)
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("transcript:\n%s", data)
	}
}

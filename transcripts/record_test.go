package transcripts

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// dialTerm opens an interactive session as a person's client would.
func dialTerm(t *testing.T, addr string) *sshtest.Term {
	return sshtest.Open(t, addr, "manager", "manager", 80, 24)
}

// typeEcho types s one key at a time, waiting for each echo.
func typeEcho(st *sshtest.Term, s string) {
	for _, c := range s {
		st.Send(string(c))
		st.Until(string(c))
	}
}

// TestRecordedSessionReplays records a live SSH session (keys typed one
// by one, a button pressed through the control API, a switchover) and
// replays the transcript it wrote: every step must match. A session
// recorded plain or painted replays the same in both modes.
func TestRecordedSessionReplays(t *testing.T) {
	for _, mode := range []string{server.TerminalPlain, server.TerminalVT100} {
		t.Run(mode, func(t *testing.T) { recordAndReplay(t, mode) })
	}
}

func recordAndReplay(t *testing.T, terminal string) {
	rec := NewRecorder()
	rec.Terminal = terminal
	sc := vendors.Default()
	sc.Clock = DefaultClock
	srv, err := server.Start(server.Config{Vendors: vendors.Registry,
		Terminal: terminal,
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
	mgmt.Until("Press any key to continue")
	mgmt.Send(" ")
	mgmt.Until("HP-E8212zl# ")
	con2 := dialTerm(t, a.Consoles[1])
	con2.Until("Standby Console> ")
	typeEcho(mgmt, "show flash")
	mgmt.Send("\r")
	mgmt.Until("HP-E8212zl# ")

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
	con2.Until("Decompressing...done.")
	con2.Until("Standby Console> ")

	typeEcho(mgmt, "redundancy switchover")
	mgmt.Send("\r")
	mgmt.Until("[y/n]? ")
	mgmt.Send("y")
	mgmt.WaitEOF()
	con2.Until("Press any key to continue")
	con2.Send(" ")
	con2.Until("HP-E8212zl# ")
	typeEcho(con2, "show redundancy")
	con2.Send("\r")
	con2.Until("HP-E8212zl# ")

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
	for _, mode := range []string{server.TerminalPlain, server.TerminalVT100} {
		res, err := Run(f, Options{Terminal: mode})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range res.Mismatches() {
			t.Errorf("replayed %s: %v", mode, m)
		}
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("transcript:\n%s", data)
	}
}

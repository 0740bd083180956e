package sros_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/switchsimtest"
)

func newSR12(t *testing.T) *switchsimtest.Switch {
	t.Helper()
	return switchsimtest.New(t, switchsimtest.Options{Builtin: "7750-sr12"})
}

func login(t *testing.T, sw *switchsimtest.Switch) *switchsimtest.Session {
	t.Helper()
	s, err := sw.Login("admin", "admin")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Command("environment no more"); err != nil {
		t.Fatal(err)
	}
	return s
}

func cmd(t *testing.T, s *switchsimtest.Session, line string) string {
	t.Helper()
	out, err := s.Command(line)
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	return out
}

// expectPrompt types a line and checks the prompt the session shows
// after it.
func expectPrompt(t *testing.T, s *switchsimtest.Session, line, want string) {
	t.Helper()
	if err := s.Write(line + "\n"); err != nil {
		t.Fatal(err)
	}
	if err := s.ExpectExact(line + "\r\n" + want); err != nil {
		t.Fatalf("after %q: %v (pending %q)", line, err, s.Pending())
	}
}

func TestPromptsFollowTheContexts(t *testing.T) {
	sw := newSR12(t)
	s := login(t, sw)
	expectPrompt(t, s, "configure", "A:SR12>config# ")
	expectPrompt(t, s, "router", "A:SR12>config>router# ")
	expectPrompt(t, s, `interface "lab"`, "*A:SR12>config>router>if$ ")
	expectPrompt(t, s, "address 10.9.9.1/32", "*A:SR12>config>router>if$ ")
	expectPrompt(t, s, "back", "*A:SR12>config>router# ")
	expectPrompt(t, s, `interface "lab"`, "*A:SR12>config>router>if# ")
	expectPrompt(t, s, "exit all", "*A:SR12# ")
	expectPrompt(t, s, `configure system name "Edge-1"`, "*A:Edge-1# ")
	expectPrompt(t, s, "configure port 1/1/3", "*A:Edge-1>config>port# ")
	// exit goes back to where the line that entered was typed: the root
	expectPrompt(t, s, "exit", "*A:Edge-1# ")
	expectPrompt(t, s, "environment no saved-ind-prompt", "A:Edge-1# ")
	if err := s.Write("exit\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Wait(); err != nil {
		t.Fatalf("exit at the root did not end the session: %v", err)
	}
}

// fingerprint is the chassis as the control API reports it, without the
// clock and the sessions.
func fingerprint(t *testing.T, sw *switchsimtest.Switch) string {
	t.Helper()
	st := sw.State()
	st.Time, st.Sessions = time.Time{}, 0
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Bad input gets the SR OS error and changes nothing.
func TestBadInputChangesNothing(t *testing.T) {
	sw := newSR12(t)
	s := login(t, sw)
	before := fingerprint(t, sw)
	for _, c := range []struct{ line, want string }{
		{"configure foo", "           ^\nError: Bad command.\n"},
		{"configure port 9/9/9", "MINOR: CLI Invalid port \"9/9/9\".\n"},
		{"configure port 9/9/9 description x", "MINOR: CLI Invalid port \"9/9/9\".\n"},
		{"configure card 7 mda 1", "MINOR: CLI Card 7 is not provisioned.\n"},
		{"configure router interface x address 10.0.0.300/24", "Error: Invalid parameter.\n"},
		{`configure system location "open`, "Error: Invalid parameter.\n"},
		{"configure system name", "Error: Missing parameter\n"},
		{`configure router no interface "system"`, "MINOR: CLI Interface \"system\" must be shut down before it is deleted.\n"},
		{`file type cf3:\nope.cfg`, "File Not Found\n"},
		{`file dir cf3:\nope.cfg`, "File Not Found\n"},
		{"file dir cf9:", "Invalid element value\n"},
		{"show log log-id 12", "Error: Invalid parameter.\n"},
	} {
		out := cmd(t, s, c.line)
		if !strings.HasSuffix(out, c.want) {
			t.Errorf("%s:\n%q\nwant it to end with\n%q", c.line, out, c.want)
		}
	}
	if after := fingerprint(t, sw); after != before {
		t.Fatalf("bad input changed the chassis:\n%s\n%s", before, after)
	}
	// without a standby: refused, nothing changes
	if err := sw.Pull("cpm-b"); err != nil {
		t.Fatal(err)
	}
	before = fingerprint(t, sw)
	for _, line := range []string{"admin redundancy force-switchover now", "admin redundancy force-switchover",
		"admin redundancy synchronize config", "admin reboot standby now"} {
		out := cmd(t, s, line)
		if !strings.HasPrefix(out, "MINOR: CLI ") {
			t.Errorf("%s: %q", line, out)
		}
	}
	if after := fingerprint(t, sw); after != before {
		t.Fatalf("a refused switchover changed the chassis:\n%s\n%s", before, after)
	}
}

// An ssh exec prints the output and exits 0, or the error and 1.
func TestExecExitStatus(t *testing.T) {
	sw := newSR12(t)
	out, err := sw.Exec("admin", "admin", "show version")
	if err != nil || !strings.HasPrefix(out, "TiMOS-C-13.0.R1 cpm/hops64 ALCATEL SR 7750 ") {
		t.Fatalf("show version: %q, %v", out, err)
	}
	out, err = sw.Exec("admin", "admin", "show foo")
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 || !strings.HasSuffix(out, "Error: Bad command.\n") {
		t.Fatalf("show foo: %q, %v", out, err)
	}
}

// Manual 003: the standby takes over without rebooting and keeps the
// running configuration: the unsaved change and the "*" survive.
func TestSwitchoverKeepsTheRunningConfig(t *testing.T) {
	sw := newSR12(t)
	s := login(t, sw)
	cmd(t, s, `configure system location "unsaved"`)
	if err := s.Write("admin redundancy force-switchover\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Expect("WARNING: Configuration and/or Boot options may have changed since the last save.\r\nAre you sure you want to switchover (y/n)? "); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("y\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Wait(); err != nil {
		t.Fatal(err)
	}
	sw.Advance(2 * time.Second)
	st := sw.State()
	if st.Active != 2 || st.Failovers != 1 || !st.Unsaved || st.Modules[0].State != "booting" {
		t.Fatalf("after the switchover: %+v", st)
	}
	s2 := login(t, sw)
	expectPrompt(t, s2, "", "*B:SR12# ")
	if out := cmd(t, s2, "show system information"); !strings.Contains(out, "System Location        : unsaved\n") ||
		!strings.Contains(out, "System Active Slot     : B\n") || !strings.Contains(out, "Changes Since Last Save: Yes\n") {
		t.Fatal(out)
	}
}

// The transcripts' scenario is the built-in one with a clock.
func TestTranscriptScenarioIsTheBuiltin(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		return s[strings.Index(s, "\nvendor: sros\n"):]
	}
	if read("scenarios/7750-sr12.yaml") != read("../../transcripts/testdata/sros/sr12.yaml") {
		t.Fatal("transcripts/testdata/sros/sr12.yaml differs from the built-in scenario (below its clock)")
	}
}

// The flash event through the host: unknown conditions are refused.
func TestFlashConditions(t *testing.T) {
	sw := newSR12(t)
	h := sw.Server.Host("switch")
	if err := h.SetFlash("cpm-b", "melted"); !errors.Is(err, server.ErrBadRequest) {
		t.Fatalf("melted: %v", err)
	}
	if err := h.SetFlash("cpm-c", "full"); !errors.Is(err, server.ErrBadRequest) {
		t.Fatalf("cpm-c: %v", err)
	}
	if err := h.SetFlash("cpm-b", "full"); err != nil {
		t.Fatal(err)
	}
	if st := sw.State(); st.Modules[1].Flash != "full" {
		t.Fatalf("flash %q", st.Modules[1].Flash)
	}
}

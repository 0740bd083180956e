package switchsimtest_test

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/switchsimtest"
)

func TestAddresses(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{Telnet: true})
	addrs := append([]string{sw.Mgmt, sw.Telnet}, sw.Consoles...)
	if len(addrs) != 4 {
		t.Fatalf("want management, telnet and two consoles, got %q", addrs)
	}
	seen := map[string]bool{}
	for _, a := range addrs {
		host, port, err := net.SplitHostPort(a)
		if err != nil || host != "127.0.0.1" || port == "0" || seen[a] {
			t.Fatalf("address %q: want a distinct 127.0.0.1 port (all: %q)", a, addrs)
		}
		seen[a] = true
	}
	if sw2 := switchsimtest.New(t, switchsimtest.Options{}); sw2.Telnet != "" {
		t.Fatalf("telnet served without Options.Telnet: %q", sw2.Telnet)
	}
}

// Switches started by parallel tests share nothing: a change on one is
// not seen on the others.
func TestParallelSwitchesAreIsolated(t *testing.T) {
	for i := 1; i <= 3; i++ {
		name := fmt.Sprintf("lab-%d", i)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sw := switchsimtest.New(t, switchsimtest.Options{})
			sess, err := sw.Login("manager", "manager")
			if err != nil {
				t.Fatal(err)
			}
			defer sess.Close()
			for _, line := range []string{"configure", "hostname " + name, "end"} {
				if _, err := sess.Command(line); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := sess.Command("show flash"); err != nil {
				t.Fatal(err)
			}
			if got := sw.State().Hostname; got != name {
				t.Fatalf("hostname %q, want %q", got, name)
			}
			if !sw.State().Unsaved {
				t.Fatal("the change is not shown as unsaved")
			}
		})
	}
	// a switch started now still has the scenario's hostname
	if got := switchsimtest.New(t, switchsimtest.Options{}).State().Hostname; got != "HP-E8212zl" {
		t.Fatalf("fresh switch has hostname %q", got)
	}
}

func TestCommandOutputAndExec(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{})
	want := "Image           Size(Bytes)   Date   Version       Build #\n" +
		"-----           ----------  -------- ------------  -------\n" +
		"Primary Image   : 15604392  04/20/12 K.15.06.0017  13\n" +
		"Secondary Image : 15581106  12/05/11 K.15.06.0008  2\n" +
		"Boot Rom Version: K.15.29\n" +
		"Default Boot    : Primary\n"
	got, err := sw.Exec("manager", "manager", "show flash")
	if err != nil || got != want {
		t.Fatalf("exec: %q, %v; want %q", got, err, want)
	}
	sess, err := sw.Login("operator", "operator")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if got, err := sess.Command("show flash"); err != nil || got != want {
		t.Fatalf("interactive: %q, %v; want %q", got, err, want)
	}
	if got, err := sess.Command(""); err != nil || got != "" {
		t.Fatalf("empty line: %q, %v", got, err)
	}
	got, err = sw.Exec("manager", "manager", "show hostname")
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 || got != "Invalid input: hostname\n" {
		t.Fatalf("exec of an unknown command: %q, %v", got, err)
	}
}

// The virtual clock moves only with Advance: a switchover leaves the
// management address refusing connections until the takeover time has
// passed.
func TestSwitchoverOnTheVirtualClock(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{})
	sess, err := sw.Login("manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.Write("redundancy switchover\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Expect("Do you want to continue [y/n]? "); err != nil {
		t.Fatal(err)
	}
	if err := sess.Write("y\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Wait(); err != nil {
		t.Fatal(err)
	}
	if st := sw.State(); st.Active != 0 {
		t.Fatalf("active module %d during the takeover, want none (0)", st.Active)
	}
	if _, err := sw.Login("manager", "manager"); err == nil {
		t.Fatal("login accepted while no module is active")
	}
	sw.Advance(5 * time.Second)
	if st := sw.State(); st.Active != 2 || st.Failovers != 1 {
		t.Fatalf("after the takeover: active %d, failovers %d", st.Active, st.Failovers)
	}
	again, err := sw.Login("manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
}

// A console port shows what its module does, also while the clock moves.
func TestConsoleFollowsTheModule(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{})
	con, err := sw.Console(2, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer con.Close()
	if err := con.Write("\r"); err != nil {
		t.Fatal(err)
	}
	if _, err := con.Expect("Standby Console> "); err != nil {
		t.Fatal(err)
	}
	if err := sw.Pull("mm1"); err != nil {
		t.Fatal(err)
	}
	sw.Advance(time.Minute)
	if err := con.Write("\r"); err != nil {
		t.Fatal(err)
	}
	if _, err := con.Expect("Press any key to continue"); err != nil {
		t.Fatal(err)
	}
	if st := sw.State(); st.Active != 2 {
		t.Fatalf("active module %d after pulling module 1", st.Active)
	}
	if _, err := sw.Console(3, "manager", "manager"); err == nil {
		t.Fatal("console 3 opened")
	}
}

// With a state file a second switch continues where the first stopped.
func TestStateFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "state.json")
	sw := switchsimtest.New(t, switchsimtest.Options{StateFile: file})
	sess, err := sw.Login("manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"configure", "hostname kept", "write memory", "end"} {
		if _, err := sess.Command(line); err != nil {
			t.Fatal(err)
		}
	}
	sess.Close()
	if err := sw.Close(); err != nil {
		t.Fatal(err)
	}
	sw = switchsimtest.New(t, switchsimtest.Options{StateFile: file})
	if got := sw.State().Hostname; got != "kept" {
		t.Fatalf("hostname after restart %q", got)
	}
}

func TestScenarioYAMLAndNoPassword(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{ScenarioYAML: "vendor: procurve\nconfig:\n  hostname: factory\n"})
	sess, err := sw.Login("manager", "")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out, err := sess.Command("show flash")
	if err != nil || !strings.HasPrefix(out, "Image ") {
		t.Fatalf("%q, %v", out, err)
	}
	if _, err := switchsimtest.Start(switchsimtest.Options{ScenarioYAML: "vendor: nosuchvendor\n"}); err == nil {
		t.Fatal("a bad scenario started")
	}
}

func TestRealClock(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{TimeScale: 0.0001})
	if err := sw.Press("mm1", "reset"); err != nil {
		t.Fatal(err)
	}
	wait.For(t, "the takeover", func() bool { return sw.State().Active == 2 }, func() string { return fmt.Sprintf("%+v", sw.State()) })
}

func TestSessionErrors(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{})
	sess, err := sw.Login("manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	sess.Timeout = 50 * time.Millisecond
	if _, err := sess.Expect("never printed"); !errors.Is(err, switchsimtest.ErrTimeout) {
		t.Fatalf("got %v, want ErrTimeout", err)
	}
	sess.Timeout = 0 // the default
	if err := sess.Write("logout\n"); err != nil {
		t.Fatal(err)
	}
	// a difference fails at once, and consumes nothing
	err = sess.ExpectExact("logout\r\nDo you want to log in [y/n]? ")
	if err == nil || errors.Is(err, switchsimtest.ErrTimeout) {
		t.Fatalf("got %v, want a mismatch", err)
	}
	if err := sess.ExpectExact("logout\r\nDo you want to log out [y/n]? "); err != nil {
		t.Fatal(err)
	}
	if err := sess.Write("y"); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Expect("never printed"); !errors.Is(err, switchsimtest.ErrClosed) {
		t.Fatalf("got %v, want ErrClosed", err)
	}
}

// Both terminal modes read the same through a Session: painted (the
// default, as a real K.15) the escape sequences are removed and ESC E is
// a line break, so Login, Command and the prompt pattern work alike; a
// Raw session sees the bytes the switch sent.
func TestTerminalModes(t *testing.T) {
	for _, mode := range []string{"plain", "vt100", ""} {
		t.Run("mode "+mode, func(t *testing.T) {
			sw := switchsimtest.New(t, switchsimtest.Options{Terminal: mode})
			want, err := sw.Exec("manager", "manager", "show modules")
			if err != nil {
				t.Fatal(err)
			}
			sess, err := sw.Login("manager", "manager")
			if err != nil {
				t.Fatal(err)
			}
			defer sess.Close()
			if got, err := sess.Command("show modules"); err != nil || got != want {
				t.Fatalf("%q, %v; want %q", got, err, want)
			}
			raw, err := sw.Shell(sw.Mgmt, "manager", "manager", switchsimtest.Terminal{Raw: true})
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			banner, err := raw.Expect("Press any key to continue")
			if err != nil {
				t.Fatal(err)
			}
			painted := mode != "plain"
			if got := strings.HasPrefix(banner, "\x1b[2J"); got != painted {
				t.Fatalf("raw banner %q: painted %v, want %v", banner[:20], got, painted)
			}
		})
	}
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/model"
)

// The persistence tests kill a real "switchsim serve" process (this test
// binary, re-run as the helper below) with SIGKILL at random points of
// "write memory" and "copy tftp flash", restart it on the same state
// directory, and check that the saved state is the old one or the new
// one, never damaged.

const helperEnv = "SWITCHSIM_SERVE_HELPER"

// TestServeHelperProcess is "switchsim serve" when re-run by killLoop.
func TestServeHelperProcess(t *testing.T) {
	args := os.Getenv(helperEnv)
	if args == "" {
		t.Skip("runs only as the server process of the kill tests")
	}
	if err := serve(strings.Split(args, "\n"), nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// proc is a "switchsim serve" process: this test binary re-run as the
// server (TestServeHelperProcess).
type proc struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
}

// start runs serve with args and returns the first line it printed (its
// ports); if it ends before printing one, it has been waited for (its
// stderr is complete) and the error says so.
func (p *proc) start(t *testing.T, args []string) ([]byte, error) {
	t.Helper()
	p.cmd = exec.Command(os.Args[0], "-test.run=^TestServeHelperProcess$")
	p.cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join(args, "\n"))
	p.cmd.Stderr = &p.stderr
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadBytes('\n')
	if err != nil {
		p.cmd.Wait()
		return nil, err
	}
	go io.Copy(io.Discard, out)
	return line, nil
}

func (p *proc) kill() {
	p.cmd.Process.Kill()
	p.cmd.Wait()
}

// serveProc is a server of one chassis.
type serveProc struct {
	proc
	mgmt string
}

func startServeProc(t *testing.T, dir string) *serveProc {
	t.Helper()
	args := []string{"--state-dir", dir, "--listen", "127.0.0.1:0", "--console1", "off", "--console2", "off",
		"--control", "off", "--web", "off", "--quiet", "--time-scale", "0.001", "--auth-fail-delay", "0"}
	p := &serveProc{}
	line, err := p.start(t, args)
	if err != nil {
		t.Fatalf("the server did not start: %v\n%s", err, p.stderr.String())
	}
	var ports struct {
		Chassis []struct{ Mgmt string }
	}
	if err := json.Unmarshal(line, &ports); err != nil || len(ports.Chassis) != 1 {
		p.kill()
		t.Fatalf("first line %q: %v", line, err)
	}
	p.mgmt = ports.Chassis[0].Mgmt
	return p
}

// openCLI logs in on a tall terminal (no pager in the way).
func openCLI(t *testing.T, addr string) *sshtest.Term {
	return sshtest.Open(t, addr, "manager", "manager", 200, 1000)
}

// saved reads the state file as the next start will.
func saved(t *testing.T, dir string) *model.Chassis {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Version int
		Chassis *model.Chassis
	}
	if err := json.Unmarshal(b, &st); err != nil || st.Version != 1 || st.Chassis == nil || len(st.Chassis.Modules) != 2 {
		t.Fatalf("damaged state file (%v):\n%.300s", err, b)
	}
	return st.Chassis
}

// killLoop changes something durable n times, killing the server at a
// random point of each change, and checks what was saved each time.
// kind is "write" (hostname + write memory) or "copy" (copy tftp flash
// into the secondary bank).
func killLoop(t *testing.T, kind string, n int, seed int64) {
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(seed))
	images := []struct{ file, version string }{{"K_15_07_0008.swi", "K.15.07.0008"}, {"K_15_06_0008.swi", "K.15.06.0008"}}
	value := func(c *model.Chassis) string {
		if kind == "write" {
			return c.Modules[0].Startup().Hostname
		}
		if im := c.Modules[0].Flash[model.Secondary]; im != nil {
			return im.Version
		}
		return "empty"
	}
	var old string
	var took time.Duration // how long the change takes when not killed
	killedDuring, acked := 0, 0
	for i := 0; i <= n; i++ {
		p := startServeProc(t, dir)
		c := openCLI(t, p.mgmt)
		c.Until("Press any key to continue")
		c.Send(" ")
		c.Until("# ")
		if i == 0 {
			old = value(saved(t, dir))
		}
		var next, line string
		if kind == "write" {
			next = fmt.Sprintf("H%d", i)
			c.Send("configure\r")
			c.Until("(config)# ")
			c.Send("hostname " + next + "\r")
			c.Until(next + "(config)# ")
			line = "write memory\r"
		} else {
			im := images[i%2]
			next = im.version
			c.Send("copy tftp flash 10.0.0.1 " + im.file + " secondary\r")
			c.Until("[y/n]? ")
			line = "y"
		}
		t0 := time.Now()
		c.Send(line)
		var ack bool
		if i == 0 {
			// the first change runs to its end: how long one takes
			c.Until("# ")
			took = time.Since(t0)
			ack = true
		} else {
			// kill somewhere from before the change to a little after it
			d := time.Duration(rng.Int63n(int64(took)*3/2 + 1))
			<-time.After(d)
			ack = c.Has("# ")
		}
		p.kill()
		c.Conn.Close()
		got := value(saved(t, dir))
		switch {
		case got == next:
			old = next
		case ack:
			t.Fatalf("round %d: %s acknowledged, yet %q was saved, not %q", i, strings.TrimSpace(line), got, next)
		case got != old:
			t.Fatalf("round %d: saved %q, neither the old %q nor the new %q", i, got, old, next)
		default:
			killedDuring++
		}
		if ack {
			acked++
		}
	}
	// the last state starts cleanly
	p := startServeProc(t, dir)
	c := openCLI(t, p.mgmt)
	c.Until("Press any key to continue")
	p.kill()
	tmp, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*"))
	if len(tmp) > 0 {
		t.Errorf("temp files of killed writes left behind: %v", tmp)
	}
	t.Logf("%s: %d kills: %d before the change was saved, %d after it was acknowledged; one change takes %s",
		kind, n, killedDuring, acked-1, took)
}

func TestKillDuringWriteMemory(t *testing.T) { killLoop(t, "write", 8, 1) }

func TestKillDuringCopy(t *testing.T) { killLoop(t, "copy", 8, 2) }

// seek waits for s; false when the session ended first.
func seek(c *sshtest.Term, s string) bool {
	_, ok := c.Seek(s)
	return ok
}

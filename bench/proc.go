package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/server"
)

// Ports is the JSON line "switchsim serve" prints first (and writes to
// ports.json in its state directory).
type Ports struct {
	Chassis  []server.Addrs `json:"chassis"`
	Control  string         `json:"control"`
	StateDir string         `json:"stateDir"`
}

// ReadPorts reads ports.json from a running server's state directory.
func ReadPorts(stateDir string) (*Ports, error) {
	b, err := os.ReadFile(filepath.Join(stateDir, "ports.json"))
	if err != nil {
		return nil, err
	}
	var p Ports
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(stateDir, "ports.json"), err)
	}
	return &p, nil
}

// ReadFleet reads fleet.json (every chassis with its accounts and vendor)
// from a running server's state directory.
func ReadFleet(stateDir string) ([]server.Listed, error) {
	path := filepath.Join(stateDir, "fleet.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct{ Chassis []server.Listed }
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f.Chassis, nil
}

// StatsFunc reads GET /v1/stats from a control API.
func StatsFunc(control, token string) func() (server.Stats, error) {
	return statsFunc(control, token, "/v1/stats")
}

// SettledStatsFunc reads the stats after a garbage collection that
// returns free memory to the system (GET /v1/stats?gc=1): what the
// process holds, not what it has yet to collect.
func SettledStatsFunc(control, token string) func() (server.Stats, error) {
	return statsFunc(control, token, "/v1/stats?gc=1")
}

func statsFunc(control, token, path string) func() (server.Stats, error) {
	client := &http.Client{Timeout: 30 * time.Second}
	return func() (server.Stats, error) {
		var st server.Stats
		req, err := http.NewRequest(http.MethodGet, "http://"+control+path, nil)
		if err != nil {
			return st, err
		}
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			return st, err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			return st, fmt.Errorf("GET /v1/stats: %s: %s", resp.Status, bytes.TrimSpace(b))
		}
		return st, json.Unmarshal(b, &st)
	}
}

// ServerStats reads the stats of the server whose state directory is dir.
func ServerStats(dir string) (func() (server.Stats, error), error) {
	p, err := ReadPorts(dir)
	if err != nil {
		return nil, err
	}
	if p.Control == "" {
		return nil, fmt.Errorf("the server in %s has no control API", dir)
	}
	tok, err := os.ReadFile(filepath.Join(dir, "control-token"))
	if err != nil {
		return nil, err
	}
	return StatsFunc(p.Control, strings.TrimSpace(string(tok))), nil
}

// Proc is a "switchsim serve" child process.
type Proc struct {
	Cmd   *exec.Cmd
	Ports Ports
	// Started is when the process was started; Ready when its first line
	// (every address, listening) arrived.
	Started, Ready time.Time
	stdout         *bufio.Reader
	stderr         syncBuffer
}

// syncBuffer keeps what the child writes on stderr (shown when it fails).
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() < 64*1024 {
		b.buf.Write(p)
	}
	return len(p), nil
}

// Bytes is what was written so far.
func (b *syncBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]byte(nil), b.buf.Bytes()...)
}

// StartServe runs bin serve with args and waits for its first line.
func StartServe(bin string, args ...string) (*Proc, error) {
	cmd := exec.Command(bin, append([]string{"serve"}, args...)...)
	p0 := &Proc{}
	cmd.Stderr = &p0.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p := p0
	p.Cmd, p.stdout = cmd, bufio.NewReader(out)
	p.Started = time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := p.stdout.ReadBytes('\n')
	p.Ready = time.Now()
	if err != nil {
		p.Kill()
		return nil, fmt.Errorf("%s serve: no address line: %v\n%s", bin, err, p.stderr.Bytes())
	}
	if err := json.Unmarshal(line, &p.Ports); err != nil {
		p.Kill()
		return nil, fmt.Errorf("%s serve: first line %q: %v", bin, line, err)
	}
	go io.Copy(io.Discard, p.stdout)
	return p, nil
}

// Stop ends the server with SIGTERM (it saves its state) and waits.
func (p *Proc) Stop() error {
	p.Cmd.Process.Signal(syscall.SIGTERM)
	return p.Cmd.Wait()
}

// Kill ends the server with SIGKILL and waits.
func (p *Proc) Kill() {
	p.Cmd.Process.Kill()
	p.Cmd.Wait()
}

// FirstPrompt logs in on addr and returns when the first byte after
// "Press any key to continue" (the key pressed) arrives.
func FirstPrompt(addr, user, password string, timeout time.Duration) error {
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.Password(password)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: timeout})
	if err != nil {
		return err
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		return err
	}
	if err := sess.RequestPty("vt100", 24, 80, gossh.TerminalModes{}); err != nil {
		return err
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		return err
	}
	t := &term{r: out, chunk: make([]byte, 4096), conn: conn, d: timeout}
	t.timer = time.AfterFunc(time.Hour, func() { t.timed.Store(true); conn.Close() })
	t.timer.Stop()
	if err := t.until("the banner", func(b []byte) bool { return bytes.HasSuffix(b, []byte(anyKey)) }); err != nil {
		return err
	}
	t.buf = t.buf[:0]
	if _, err := in.Write([]byte(" ")); err != nil {
		return err
	}
	return t.until("the first prompt byte", func(b []byte) bool { return len(b) > 0 })
}

// StartupResult is one start-up measurement.
type StartupResult struct {
	Listening time.Duration // exec to the address line (every port listening)
	Prompt    time.Duration // exec to the first byte after "Press any key"
}

// Startup measures how fast a server with a state directory already
// present gets a user to the prompt: runs+1 starts (the first creates
// the state and is not counted), each from exec to the first byte after
// "Press any key". serveArgs go to serve as well (--terminal).
func Startup(bin, stateDir string, runs int, serveArgs ...string) ([]StartupResult, error) {
	args := []string{"--state-dir", stateDir, "--listen", "127.0.0.1:0", "--console1", "127.0.0.1:0",
		"--console2", "127.0.0.1:0", "--control", "127.0.0.1:0", "--web", "127.0.0.1:0", "--quiet"}
	args = append(args, serveArgs...)
	var out []StartupResult
	for i := 0; i <= runs; i++ {
		p, err := StartServe(bin, args...)
		if err != nil {
			return out, err
		}
		err = FirstPrompt(p.Ports.Chassis[0].Mgmt, "manager", "manager", 10*time.Second)
		done := time.Now()
		p.Stop()
		if err != nil {
			return out, err
		}
		if i > 0 {
			out = append(out, StartupResult{Listening: p.Ready.Sub(p.Started), Prompt: done.Sub(p.Started)})
		}
	}
	return out, nil
}

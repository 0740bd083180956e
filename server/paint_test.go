package server

import (
	"bytes"
	"math/rand"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/termtext"
	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/internal/wait"
	tx "github.com/switchsim/switchsim/prompts/procurve"
	"github.com/switchsim/switchsim/vendors"
)

// sessionBytes runs keys on an in-process session of a built-in
// scenario, in a terminal mode, and returns every byte it wrote.
func sessionBytes(t *testing.T, scenarioName, terminal string, target Target, keys []string) string {
	t.Helper()
	sc, ok, err := vendors.Registry.Builtin(scenarioName, nil)
	if !ok || err != nil {
		t.Fatalf("%s: %v", scenarioName, err)
	}
	sc.Clock = testStart
	s, err := Start(Config{Vendors: vendors.Registry, Virtual: true, Terminal: terminal,
		Chassis: []ChassisConfig{{Name: "c", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out testterm.Screen
	l, err := s.OpenLocal("c", target, &out)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.Conn.WaitIdle()
	for _, k := range keys {
		if err := l.Conn.Feed([]byte(k)); err != nil {
			break
		}
		l.Conn.WaitIdle()
	}
	return out.String()
}

// A vendor that does not paint sends the same bytes in vt100 mode as in
// plain mode, on the management address and on a console port.
func TestVendorsThatDoNotPaintSendTheSameBytes(t *testing.T) {
	for _, b := range vendors.Scenarios() {
		if b.Vendor.Console().Paint != nil {
			continue
		}
		texts := b.Vendor.Texts()
		keys := []string{}
		if texts.AnyKey != "" {
			keys = append(keys, " ")
		}
		keys = append(keys, texts.BenchCommand+"\r", "show nothing-like-this\r", "sh\t", "\x03", "?")
		for _, tg := range []Target{Management("", true), Console(0), Console(1)} {
			plain := sessionBytes(t, b.Name, TerminalPlain, tg, keys)
			painted := sessionBytes(t, b.Name, TerminalVT100, tg, keys)
			if plain != painted {
				t.Errorf("%s, module %d: vt100 mode changed the bytes:\nplain   %q\npainted %q", b.Name, tg.Module, plain, painted)
			}
			if strings.Contains(plain, "\x1b") {
				t.Errorf("%s: an escape sequence: %q", b.Name, plain)
			}
		}
	}
}

// The 8212zl paints interactive sessions on a terminal only: an SSH exec
// and a shell without a pty get plain bytes in vt100 mode, a pty, telnet
// and a console port are painted, and the switch's own "console terminal
// none" makes the sessions after it plain.
func TestPaintedOnlyOnTerminals(t *testing.T) {
	vt := func(c *Config) { c.Terminal = TerminalVT100 }
	painted := startServer(t, nil, vt, func(c *Config) { c.Chassis[0].Telnet = "127.0.0.1:0" })
	plain := startServer(t, nil)
	pa, pl := painted.Addrs()[0], plain.Addrs()[0]

	// exec: the same bytes
	if a, b := execOut(t, pa.Mgmt, "show flash"), execOut(t, pl.Mgmt, "show flash"); a != b || strings.Contains(a, "\x1b") {
		t.Errorf("exec in vt100 mode: %q, plain %q", a, b)
	}
	// a shell without a pty: the same bytes
	if a, b := noPty(t, pa.Mgmt), noPty(t, pl.Mgmt); a != b || strings.Contains(a, "\x1b") {
		t.Errorf("a shell without a pty in vt100 mode: %q, plain %q", a, b)
	}
	// a pty: painted
	c := sshtest.Open(t, pa.Mgmt, "manager", "manager", 80, 24)
	banner := c.Until("Press any key to continue")
	if !strings.HasPrefix(banner, "\x1b[2J\x1b[?7l\x1b[3;23r") {
		t.Errorf("a pty: %q", banner)
	}
	c.Send(" ")
	c.Until("HP-E8212zl# \x1b[24;1H\x1b[24;13H\x1b[24;1H\x1b[?25h\x1b[24;13H")
	// the switch's own setting: the sessions after it are plain
	c.Send("configure\rconsole terminal none\rend\r")
	const atPrompt = "HP-E8212zl# \x1b[24;1H\x1b[24;13H"
	c.Until(atPrompt)
	c2 := sshtest.Open(t, pa.Mgmt, "manager", "manager", 80, 24)
	banner = c2.Until("Press any key to continue")
	if strings.Contains(banner, "\x1b") {
		t.Errorf("after console terminal none: %q", banner)
	}
	c2.Send(" ")
	if got := c2.Until("HP-E8212zl# "); got != "\r\nHP-E8212zl# " {
		t.Errorf("after console terminal none: %q", got)
	}
	c.Send("configure\rconsole terminal vt100\rend\r")
	c.Until(atPrompt)
	// a console port
	con := sshtest.Open(t, pa.Consoles[0], "manager", "manager", 80, 30)
	con.Until("\x1b[2J\x1b[?7l\x1b[3;29r")
	con.Until("\x1b[30;1HPress any key to continue\x1b[1;1H\x1b[?25h\x1b[30;27H")
	// telnet (no window size reported: 24 rows)
	tc, err := net.Dial("tcp", pa.Telnet)
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	tc.SetDeadline(time.Now().Add(10 * time.Second))
	var got []byte
	buf := make([]byte, 4096)
	for !bytes.Contains(got, []byte("\x1b[24;1HPress any key to continue")) {
		n, err := tc.Read(buf)
		if err != nil {
			t.Fatalf("telnet: %v after %q", err, got)
		}
		got = append(got, buf[:n]...)
	}
}

func execOut(t *testing.T, addr, cmd string) string {
	t.Helper()
	out, err := sshtest.Exec(addr, "manager", "manager", cmd)
	if _, exited := err.(*gossh.ExitError); err != nil && !exited {
		t.Fatal(err)
	}
	return out
}

// noPty runs a shell without a pty, types a key and logs out.
func noPty(t *testing.T, addr string) string {
	t.Helper()
	c, err := sshtest.Dial(addr, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Stdin = strings.NewReader(" show flash\rlogout\ry")
	var out bytes.Buffer
	s.Stdout = &out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	// how the session ends (exit status or not) is not what is compared
	s.Wait()
	return out.String()
}

// The abuse tests, on painted sessions: a 1 MB line, random binary, ^C
// storms (at the prompt, in a question, in the pager) and a window-change
// flood end as on plain ones, with bounded memory and a bystander served
// throughout.
func TestAbusePainted(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.Terminal = TerminalVT100 })
	addr := s.Addrs()[0].Mgmt
	const prompt = "HP-E8212zl# \x1b[24;1H\x1b[24;13H\x1b[24;1H\x1b[?25h\x1b[24;13H"
	// a painted bystander: the text it reads must not change
	b := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	b.Until("Press any key to continue")
	b.Send(" ")
	b.Until(prompt)
	check := func() {
		t.Helper()
		b.Send("show version\r")
		if got := termtext.String(b.Until(prompt)); got != showVersionBothModules {
			t.Fatalf("bystander saw %q", got)
		}
	}
	base := runtime.NumGoroutine()
	before := wait.Heap()

	p := sshtest.Open(t, addr, "manager", "manager", 80, 24)
	p.Until("Press any key to continue")
	p.Send(" ")
	p.Until(prompt)
	// a megabyte without a line end: MaxLine characters are kept
	p.Write(bytes.Repeat([]byte("x"), 1<<20))
	check()
	p.Send("\r")
	p.Until("Invalid input: " + strings.Repeat("x", 1024) + "\r\n")
	p.Until(prompt)
	// ^C storms at the prompt and in a question that offers no ^C
	p.Send(strings.Repeat("\x03", 100000) + "redundancy switchover\r")
	p.Until("[y/n]? ")
	p.Send(strings.Repeat("\x03", 1000) + "n")
	p.Until(prompt)
	if s.Host("c1").ActiveModule() != 0 {
		t.Fatal("^C answered yes")
	}
	// a window-change flood, then 6 rows: the pager on row 6, ^C quits it
	for i := 0; i < 10000; i++ {
		if err := p.Session.WindowChange(10+i%50, 40+i%100); err != nil {
			t.Fatal(err)
		}
	}
	if ok, err := p.Session.SendRequest("window-change", true, gossh.Marshal(struct{ W, H, PW, PH uint32 }{80, 6, 0, 0})); err != nil || !ok {
		t.Fatalf("window-change: %v %v", ok, err)
	}
	p.Send("show version\r")
	p.Until("\x1b[6;1H" + tx.Pager)
	p.Send(strings.Repeat("\x03", 1000))
	p.Until("HP-E8212zl# \x1b[6;1H")
	p.Close()
	// random keys at the operator level
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 2; round++ {
		q := sshtest.Open(t, addr, "operator", "operator", 80, 24)
		junk := make([]byte, 64*1024)
		rng.Read(junk)
		q.Send(string(junk))
		check()
		q.Close()
	}
	// the abusers' sessions end first (their buffers with them)
	wait.Goroutines(t, base)
	wait.HeapBounded(t, before, 8<<20, "painted abuse")
	check()
}

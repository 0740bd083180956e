// Package abusetest is the abuse suite every vendor's chassis runs over
// SSH: what a careless script, a fuzzer or an attacker sends. The server
// stays up, memory stays bounded, the chassis does not change, the
// goroutines come back to their base and a bystander session does not
// notice. A vendor's test gives a table (Vendor: how to start its
// chassis, its accounts, prompts, commands and texts) and Run runs every
// step with it; each step is also exported for tests that run one.
package abusetest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
)

// Host is the chassis as the suite reads and moves it (a server's host,
// or anything that embeds one).
type Host interface {
	View(fn func(c *model.Chassis))
	Advance(d time.Duration)
	Sessions() int
}

// Step types Send, then waits for Until.
type Step struct{ Send, Until string }

// Account is a user, its password and the prompt its login ends at.
type Account struct{ User, Pass, Prompt string }

// Vendor is one vendor's table.
type Vendor[H Host] struct {
	// Start serves a fresh chassis on 127.0.0.1:0 on a virtual clock,
	// stopped when the test ends, and returns its management address.
	Start func(t *testing.T) (addr string, h H)
	// Banner is the text a login stops at until a key is pressed (""
	// none); the suite presses Space.
	Banner string
	// Ready is how every command prompt ends, for waits where the exact
	// prompt varies (a counter, a context).
	Ready string
	// Admin is the account that types commands and answers questions.
	Admin Account
	// Same is the chassis's state that no abuse may change, beyond the
	// mastership the suite checks itself (nil: nothing more).
	Same func(t *testing.T, h H) string

	Bystander Bystander[H]
	Pager     Pager
	HugeLine  []Line
	Junk      Junk
	Storm     Storm
	Dialogs   Dialogs[H]
	Events    Events[H]
}

// Bystander is a command a session (Admin's) types before and after each
// abuse: its reply must not change.
type Bystander[H Host] struct {
	Cmd  string
	End  string // the reply is read up to this
	Then string // then this is waited for ("": nothing)
	// Want is the exact reply ("": whatever the first one is).
	Want string
	// First checks the first reply (nil: no more than Want).
	First func(t *testing.T, h H, reply string)
}

// Pager: the bystander's command on a window of Rows rows stops at the
// pager's Text, after its reply up to Cut.
type Pager struct {
	Rows      int
	Cut, Text string
}

// Line is a place a 1 MB line is typed at.
type Line struct {
	Enter  []Step // from the prompt to the place
	Prefix string // typed before the megabyte
	Reply  string // the exact reply to the Enter after it
	End    string // where the reply ends, when Reply is "" (not checked)
	Leave  []Step // the session goes on
}

// Junk is random binary typed into sessions.
type Junk struct {
	// Account types it: one whose random keys cannot reboot the chassis
	// or switch it over, which would rightly end the bystander's session.
	Account
	Seed   int64
	Rounds []Round // one session each
	// NoLineEnds takes CR and LF out of the junk (where a random line
	// could spell a reboot).
	NoLineEnds bool
}

// Round is where one session types its junk.
type Round struct {
	Early bool   // at once, during the banner or the login
	Enter []Step // from the prompt
}

// Storm is where ^C storms go: at the prompt, in a question and at the
// pager.
type Storm struct {
	// Cmd is typed after 100,000 ^C at the prompt; its reply ends with
	// End.
	Cmd, End string
	Ask      Step   // a question: the command and the question's text
	Answer   string // typed after 1,000 ^C at the question ("": ^C answers it)
	Reply    string // the exact reply from there
	Quit     string // the reply to 1,000 ^C at the pager ends with this
}

// Dialogs are the questions and pagers a session hangs up in.
type Dialogs[H Host] struct {
	List []Dialog
	// Exec is a command run as an ssh exec: its question reads EOF ("":
	// none); its output must contain ExecSays.
	Exec, ExecSays string
	// Settled holds once a hung-up session has let go of what it held
	// (nil: nothing to wait for).
	Settled func(h H) bool
	// Unchanged looks at the chassis before the hang-ups and returns the
	// check that nothing changed, run after them (nil: the mastership
	// only).
	Unchanged func(t *testing.T, addr string, h H) func()
}

// Dialog is one hang-up: the session opens on a 5-row window, types
// Steps and hangs up; then the clock moves by Advance.
type Dialog struct {
	Steps   []Step
	Advance time.Duration
}

// Events: sessions typing commands while the chassis goes through
// physical and redundancy events.
type Events[H Host] struct {
	Sessions, Short int // sessions at once; with -short, Short of them (if set)
	Count           int // events
	Seed            int64
	Lines           []string // the commands the sessions type in turn
	// Pace commands (0: a quarter of the sessions) are waited for between
	// events, for at most Within.
	Pace    int
	Within  time.Duration
	Modules []string // the module an event acts on is one of these
	// Event makes one event happen (drawn with rng). An error that is
	// Invalid fails the test; others are refusals of the moment.
	Event   func(h H, module string, rng *rand.Rand) error
	Invalid error
	// Settle brings every module back before the clock runs an hour (nil:
	// nothing).
	Settle func(h H)
	// Commands is how many commands must have run, at least.
	Commands int64
	// After checks a session opened after the events (nil: its login).
	After func(t *testing.T, h H, p *sshtest.Term)
}

// MaxLine is how many characters of a line the editor keeps.
const MaxLine = 1024

// Run runs every step.
func Run[H Host](t *testing.T, v Vendor[H]) {
	t.Run("HugeLine", func(t *testing.T) { HugeLine(t, v) })
	t.Run("RandomBinary", func(t *testing.T) { RandomBinary(t, v) })
	t.Run("CtrlCStorm", func(t *testing.T) { CtrlCStorm(t, v) })
	t.Run("WindowChangeFlood", func(t *testing.T) { WindowChangeFlood(t, v) })
	t.Run("DisconnectMidDialog", func(t *testing.T) { DisconnectMidDialog(t, v) })
	t.Run("SessionsDuringEvents", func(t *testing.T) { SessionsDuringEvents(t, v) })
}

// Open opens a session of account a on an 80-column window of rows rows;
// login waits for its prompt.
func (v Vendor[H]) Open(t *testing.T, addr string, a Account, rows int, login bool) *sshtest.Term {
	t.Helper()
	p := sshtest.Open(t, addr, a.User, a.Pass, 80, rows)
	if login {
		if v.Banner != "" {
			p.Until(v.Banner)
			p.Send(" ")
		}
		p.Until(a.Prompt)
	}
	return p
}

// OpenBystander opens the bystander session and returns its check: the
// command's reply has not changed.
func OpenBystander[H Host](t *testing.T, v Vendor[H], addr string, h H) func() {
	t.Helper()
	check, _ := bystander(t, v, addr, h)
	return check
}

func bystander[H Host](t *testing.T, v Vendor[H], addr string, h H) (check func(), ref string) {
	t.Helper()
	b := v.Bystander
	p := v.Open(t, addr, v.Admin, 24, true)
	reply := func() string {
		t.Helper()
		p.Send(b.Cmd + "\r")
		got := p.Until(b.End)
		if b.Then != "" {
			p.Until(b.Then)
		}
		return got
	}
	ref = reply()
	if b.Want != "" && ref != b.Want {
		t.Fatalf("bystander saw %q, want %q", ref, b.Want)
	}
	if b.First != nil {
		b.First(t, h, ref)
	}
	// the bystander's session alone (not one First opened) is left, for
	// the goroutine count the test takes as its base
	alone(t, h, "the bystander's session alone")
	return func() {
		t.Helper()
		if got := reply(); got != ref {
			t.Fatalf("bystander saw %q, want %q", got, ref)
		}
	}, ref
}

// alone waits until the bystander's is the only session.
func alone(t *testing.T, h Host, what string) {
	t.Helper()
	wait.For(t, what, func() bool { return h.Sessions() == 1 }, func() string { return fmt.Sprintf("%d sessions", h.Sessions()) })
}

// expect reads up to the end of want (its last line) and fails unless
// that is want.
func expect(t *testing.T, p *sshtest.Term, want, what string) {
	t.Helper()
	if got := p.Until(want[strings.LastIndexByte(want, '\n')+1:]); got != want {
		t.Fatalf("%s: %q, want %q", what, tail(got), tail(want))
	}
}

func tail(s string) string {
	if len(s) > 300 {
		return "..." + s[len(s)-300:]
	}
	return s
}

func steps(p *sshtest.Term, list []Step) {
	for _, s := range list {
		p.Send(s.Send)
		p.Until(s.Until)
	}
}

func ctrlC(n int) string { return strings.Repeat("\x03", n) }

// resize asks for a reply: requests are handled in order, so the reply
// also says that every resize before it has been applied.
func resize(t *testing.T, p *sshtest.Term, rows int) {
	t.Helper()
	ok, err := p.Session.SendRequest("window-change", true, gossh.Marshal(struct{ W, H, PW, PH uint32 }{80, uint32(rows), 0, 0}))
	if err != nil || !ok {
		t.Fatalf("window-change: %v %v", ok, err)
	}
}

// mastership is which module is active, the modules' states and the
// failovers so far.
func mastership(h Host) string {
	var s string
	h.View(func(c *model.Chassis) {
		s = fmt.Sprintf("module %d active, failovers %d:", c.ActiveIndex()+1, c.Failovers)
		for _, m := range c.Modules {
			s += " " + m.State.String()
		}
	})
	return s
}

// unchanged looks at the chassis now and returns the check that it is
// the same later.
func unchanged[H Host](t *testing.T, v Vendor[H], h H) func() {
	t.Helper()
	m := mastership(h)
	var same string
	if v.Same != nil {
		same = v.Same(t, h)
	}
	return func() {
		t.Helper()
		if got := mastership(h); got != m {
			t.Fatalf("the abuse changed the mastership: %s, before %s", got, m)
		}
		if v.Same != nil {
			if got := v.Same(t, h); got != same {
				t.Fatalf("the abuse changed the chassis:\n%s\nbefore:\n%s", got, same)
			}
		}
	}
}

// scene is what a step starts from: a fresh chassis, a bystander whose
// reply must not change (ref, its first reply), and the baselines the
// step ends against.
type scene[H Host] struct {
	addr  string
	h     H
	check func() // the bystander's reply is unchanged
	ref   string
	same  func() // the chassis is unchanged
	base  int    // goroutines
	heap  uint64
}

func begin[H Host](t *testing.T, v Vendor[H]) *scene[H] {
	addr, h := v.Start(t)
	sc := &scene[H]{addr: addr, h: h}
	sc.check, sc.ref = bystander(t, v, addr, h)
	sc.same = unchanged(t, v, h)
	sc.base = runtime.NumGoroutine()
	sc.heap = wait.Heap()
	return sc
}

// end checks a step that abused p: memory bounded (what the abuse was;
// "" not measured), the bystander and the chassis unchanged, and once p
// is closed the goroutines back to their base.
func (sc *scene[H]) end(t *testing.T, p *sshtest.Term, what string) {
	if what != "" {
		wait.HeapBounded(t, sc.heap, 8<<20, what)
	}
	sc.check()
	sc.same()
	p.Close()
	wait.Goroutines(t, sc.base)
}

// HugeLine: 1 MB without a line end, at each of the vendor's places. The
// editor keeps MaxLine characters and drops the rest, taking the input
// as fast as it comes instead of buffering it; Enter after the whole
// megabyte gets the vendor's error, and the session goes on.
func HugeLine[H Host](t *testing.T, v Vendor[H]) {
	sc := begin(t, v)
	p := v.Open(t, sc.addr, v.Admin, 24, true)
	fill := bytes.Repeat([]byte("x"), 1<<20)
	for _, l := range v.HugeLine {
		steps(p, l.Enter)
		line := append([]byte(l.Prefix), fill...)
		written := p.WriteBehind(line)
		sc.check()
		expect(t, p, string(line[:MaxLine]), "the echo")
		// Enter after the whole megabyte, not in the middle of it
		<-written
		p.Send("\r")
		if l.Reply != "" {
			expect(t, p, l.Reply, "after the line")
		} else {
			p.Until(l.End)
		}
		steps(p, l.Leave)
	}
	sc.end(t, p, "1 MB line")
}

// RandomBinary: random bytes typed into sessions, then sent as whole
// connections (not even an SSH version line).
func RandomBinary[H Host](t *testing.T, v Vendor[H]) {
	sc := begin(t, v)
	addr := sc.addr
	j := v.Junk
	rng := rand.New(rand.NewSource(j.Seed))
	for _, r := range j.Rounds {
		p := v.Open(t, addr, j.Account, 24, !r.Early)
		steps(p, r.Enter)
		junk := make([]byte, 64*1024)
		rng.Read(junk)
		if j.NoLineEnds {
			for i, b := range junk {
				if b == '\r' || b == '\n' {
					junk[i] = ' '
				}
			}
		}
		p.Send(string(junk))
		sc.check()
		p.Close()
	}
	// and the listeners still serve; once the sessions have ended, what
	// they took is given back
	v.Open(t, addr, j.Account, 24, true).Close()
	alone(t, sc.h, "the junk sessions to end")
	wait.Goroutines(t, sc.base)
	wait.HeapBounded(t, sc.heap, 8<<20, "random binary")
	for i := 0; i < 20; i++ {
		c, err := net.DialTimeout("tcp", addr, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(sshtest.Timeout))
		junk := make([]byte, 4096)
		rng.Read(junk)
		c.Write(junk)
		io.Copy(io.Discard, c)
		c.Close()
	}
	sc.check()
	wait.Goroutines(t, sc.base)
	sc.same()
}

// CtrlCStorm: ^C during the login, at the prompt, in a question (it
// answers only where the vendor's question takes it) and at the pager
// (it quits).
func CtrlCStorm[H Host](t *testing.T, v Vendor[H]) {
	sc := begin(t, v)
	s := v.Storm
	p := v.Open(t, sc.addr, v.Admin, 24, false)
	p.Send(ctrlC(1000))
	p.Until(v.Admin.Prompt)
	p.Send(ctrlC(100000) + s.Cmd + "\r")
	p.Until(s.End)
	p.Send(s.Ask.Send)
	p.Until(s.Ask.Until)
	p.Send(ctrlC(1000) + s.Answer)
	expect(t, p, s.Reply, "after a ^C storm in a question")
	resize(t, p, v.Pager.Rows)
	p.Send(v.Bystander.Cmd + "\r")
	p.Until(v.Pager.Text)
	p.Send(ctrlC(1000))
	p.Until(s.Quit)
	sc.end(t, p, "")
}

// WindowChangeFlood: 10,000 window changes; the last size holds (the
// bystander's command pages on it).
func WindowChangeFlood[H Host](t *testing.T, v Vendor[H]) {
	sc := begin(t, v)
	ref := sc.ref
	p := v.Open(t, sc.addr, v.Admin, 24, true)
	for i := 0; i < 10000; i++ {
		if err := p.Session.WindowChange(10+i%50, 40+i%100); err != nil {
			t.Fatal(err)
		}
	}
	resize(t, p, v.Pager.Rows)
	p.Send(v.Bystander.Cmd + "\r")
	cut := strings.Index(ref, v.Pager.Cut)
	if cut < 0 {
		t.Fatalf("the pager's cut %q is not in the bystander's reply %q", v.Pager.Cut, ref)
	}
	expect(t, p, ref[:cut]+v.Pager.Text, "after the flood")
	p.Send("q")
	p.Until(v.Ready)
	sc.end(t, p, "window-change flood")
}

// DisconnectMidDialog: a session hangs up in each question and at the
// pager, and an exec reads EOF at a question. Nothing changes, nothing
// stays behind.
func DisconnectMidDialog[H Host](t *testing.T, v Vendor[H]) {
	addr, h := v.Start(t)
	check := OpenBystander(t, v, addr, h)
	base := runtime.NumGoroutine()
	d := v.Dialogs
	m := mastership(h)
	after := func() {}
	if d.Unchanged != nil {
		after = d.Unchanged(t, addr, h)
	}
	for _, q := range d.List {
		p := v.Open(t, addr, v.Admin, 5, true)
		steps(p, q.Steps)
		p.Close()
		if q.Advance > 0 {
			h.Advance(q.Advance)
		}
		if d.Settled != nil {
			wait.For(t, "the hung-up session to let go", func() bool { return d.Settled(h) })
		}
	}
	if d.Exec != "" {
		conn, err := sshtest.Dial(addr, v.Admin.User, v.Admin.Pass)
		if err != nil {
			t.Fatal(err)
		}
		sess, err := conn.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		out, _ := sess.Output(d.Exec)
		conn.Close()
		if !strings.Contains(string(out), d.ExecSays) {
			t.Fatalf("exec %s: %q", d.Exec, out)
		}
	}
	wait.Goroutines(t, base)
	alone(t, h, "the bystander's session alone")
	h.Advance(10 * time.Minute)
	if got := mastership(h); got != m {
		t.Fatalf("a hung-up dialog changed the mastership: %s, before %s", got, m)
	}
	after()
	check()
}

// masters counts the active modules.
func masters(c *model.Chassis) int {
	n := 0
	for _, m := range c.Modules {
		if m.State == model.Active {
			n++
		}
	}
	return n
}

// SessionsDuringEvents: many sessions log in and type commands while
// events happen; there are never two masters, there is one at the end,
// no goroutine or session is left behind, and sessions log in again.
func SessionsDuringEvents[H Host](t *testing.T, v Vendor[H]) {
	e := v.Events
	sessions := e.Sessions
	if testing.Short() && e.Short > 0 {
		sessions = e.Short
	}
	pace := int64(e.Pace)
	if pace == 0 {
		pace = int64(sessions / 4)
	}
	addr, h := v.Start(t)
	base := runtime.NumGoroutine()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var cmds, logins atomic.Int64
	for i := 0; i < sessions; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				p, err := sshtest.TryOpen(t, addr, v.Admin.User, v.Admin.Pass, 200, 1000)
				if err != nil {
					// refused during a takeover: wait for a change and retry
					select {
					case <-stop:
						return
					case <-time.After(time.Millisecond):
					}
					continue
				}
				p.Soft = true
				if v.Banner != "" {
					if _, ok := p.Seek(v.Banner); !ok {
						p.Close()
						continue
					}
					if _, err := p.Write([]byte(" ")); err != nil {
						p.Close()
						continue
					}
				}
				logins.Add(1)
				for k := i; ; k++ {
					if _, ok := p.Seek(v.Ready); !ok {
						break
					}
					select {
					case <-stop:
						p.Close()
						return
					default:
					}
					if _, err := p.Write([]byte(e.Lines[k%len(e.Lines)] + "\r")); err != nil {
						break
					}
					cmds.Add(1)
				}
				p.Close()
			}
		}(i)
	}
	// start once every session is in, and let the sessions make progress
	// between events (a takeover refuses them until the clock moves, so
	// progress is waited for only briefly)
	wait.Until(30*time.Second, func() bool { return logins.Load() >= int64(sessions) })
	rng := rand.New(rand.NewSource(e.Seed))
	for n := 0; n < e.Count; n++ {
		want := cmds.Load() + pace
		wait.Until(e.Within, func() bool { return cmds.Load() >= want })
		err := e.Event(h, e.Modules[rng.Intn(len(e.Modules))], rng)
		if e.Invalid != nil && errors.Is(err, e.Invalid) {
			t.Fatalf("event %d: %v", n, err)
		}
		h.View(func(c *model.Chassis) {
			if m := masters(c); m > 1 {
				t.Fatalf("event %d: %d masters", n, m)
			}
		})
	}
	if e.Settle != nil {
		e.Settle(h)
	}
	h.Advance(time.Hour)
	close(stop)
	wg.Wait()
	h.View(func(c *model.Chassis) {
		var states []string
		for _, m := range c.Modules {
			states = append(states, m.State.String())
		}
		if masters(c) != 1 || c.Running == nil {
			t.Fatalf("after the events: modules %v, running config %v", states, c.Running != nil)
		}
	})
	wait.Goroutines(t, base)
	wait.For(t, "every session to end", func() bool { return h.Sessions() == 0 },
		func() string { return fmt.Sprintf("%d management sessions left", h.Sessions()) })
	t.Logf("%d logins, %d commands during %d events", logins.Load(), cmds.Load(), e.Count)
	if logins.Load() < int64(sessions) || cmds.Load() < e.Commands {
		t.Fatalf("only %d logins and %d commands", logins.Load(), cmds.Load())
	}
	// and it still serves (maybe with another configuration: an inserted
	// module may bring its own)
	a := v.Admin
	a.Prompt = v.Ready
	p := v.Open(t, addr, a, 1000, true)
	if e.After != nil {
		e.After(t, h, p)
	}
	p.Close()
}

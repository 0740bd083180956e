package transcripts

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// Options configure a replay.
type Options struct {
	// Images is the TFTP stand-in (default: the built-in releases).
	Images *scenario.Catalog
	// Settle bounds the wall time a step may take before the replay
	// gives up on a console that never waits for input (default 10s).
	Settle time.Duration
	// Terminal is the server's terminal mode (server.TerminalVT100 or
	// plain, the default). In vt100 mode the consoles of a vendor that
	// paints its terminal are painted, and every console is read through
	// a VT100 of its size (NewTerminal) instead of the plain screen: a
	// transcript shows the same lines either way.
	Terminal string
}

// Result is what a replay showed.
type Result struct {
	File *File
	// Got is the output of each step, in the file's notation.
	Got [][]string
	// Painted: some console's output held escape sequences (a vendor
	// that paints its terminal, in vt100 mode).
	Painted bool
}

// Mismatch is a step whose output differs from the file.
type Mismatch struct {
	File      *File
	Step      *Step
	Want, Got []string
}

// Mismatches lists the steps whose output differs.
func (r *Result) Mismatches() []Mismatch {
	var out []Mismatch
	for i, s := range r.File.Steps() {
		if i < len(r.Got) && !equal(s.Want, r.Got[i]) {
			out = append(out, Mismatch{File: r.File, Step: s, Want: s.Want, Got: r.Got[i]})
		}
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Error names the file, line and step, then shows the difference.
func (m Mismatch) Error() string {
	return fmt.Sprintf("%s:%d: step %q: output differs (- expected, + got):\n%s",
		m.File.Path, m.Step.Line, m.Step.Title(), Diff(m.Want, m.Got))
}

// Updated is the file's text with the output this replay showed.
func (r *Result) Updated() []byte { return r.File.Format(r.Got) }

// DefaultClock is when the chassis clock starts for a scenario that sets
// none (the built-in one included), so that every replay shows the same
// times: the power failure of Figure 15-31.
var DefaultClock = time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)

// chassisName is the one chassis a transcript runs.
const chassisName = "transcript"

// ErrTranscript marks a transcript that cannot be replayed as written
// (an unknown console, a bad duration): a mistake in the file, not a
// difference in the output.
var ErrTranscript = errors.New("transcript error")

// loadScenario reads a transcript's scenario: "default", a built-in
// scenario by name, or a file next to the transcript.
func loadScenario(f *File, cat *scenario.Catalog) (*scenario.Scenario, error) {
	if sc, ok, err := vendors.Registry.Builtin(f.Scenario, cat); ok {
		return sc, err
	}
	return scenario.Load(filepath.Join(f.Dir(), f.Scenario), cat, vendors.Profiles)
}

// Run replays a transcript on a fresh chassis with a virtual clock.
func Run(f *File, opt Options) (*Result, error) {
	if opt.Images == nil {
		opt.Images = scenario.Builtin()
	}
	if opt.Settle <= 0 {
		opt.Settle = 10 * time.Second
	}
	cc := server.ChassisConfig{Name: chassisName, Mgmt: "127.0.0.1:0", Consoles: []string{}}
	if f.State != nil {
		cc.State = f.State
	} else {
		sc, err := loadScenario(f, opt.Images)
		if err != nil {
			return nil, err
		}
		if sc.Clock.IsZero() {
			sc.Clock = DefaultClock
		}
		cc.Scenario = sc
	}
	// the TFTP stand-in's upload directory, for this replay only
	tftp, err := os.MkdirTemp("", "switchsim-tftp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tftp)
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Images: opt.Images, TFTPOut: tftp,
		Chassis: []server.ChassisConfig{cc}, Terminal: opt.Terminal})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	r := &runner{srv: srv, h: srv.Host(chassisName), terms: map[string]*term{}, settleMax: opt.Settle,
		vt100: opt.Terminal == server.TerminalVT100}
	defer func() {
		r.closeAll()
		srv.Close()
	}()
	res := &Result{File: f}
	for _, st := range f.Steps() {
		var refused []string
		for _, a := range st.Actions {
			err := r.do(a)
			if errors.Is(err, ErrTranscript) {
				return res, fmt.Errorf("%s:%d: %w", f.Path, a.Line, err)
			}
			if err != nil {
				refused = append(refused, "! "+a.Text+": "+err.Error())
			}
			if err := r.settle(); err != nil {
				return res, fmt.Errorf("%s:%d: %v", f.Path, a.Line, err)
			}
		}
		res.Got = append(res.Got, append(refused, r.checkpoint()...))
		res.Painted = r.painted
	}
	return res, nil
}

// syncBuffer collects a console's output from its session goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.buf = append(b.buf, p...)
	b.mu.Unlock()
	return len(p), nil
}

// take returns what was written since the last call, and the total.
func (b *syncBuffer) take(from int) ([]byte, int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]byte(nil), b.buf[from:]...), len(b.buf)
}

func (b *syncBuffer) size() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.buf)
}

// term is one console of the transcript: a session and its screen.
type term struct {
	name   string
	local  *server.Local
	out    *syncBuffer
	read   int
	screen *Screen
	mark   mark
	ended  bool // reported as ended
}

type runner struct {
	srv       *server.Server
	h         *server.Host
	terms     map[string]*term
	order     []string
	settleMax time.Duration
	vt100     bool // read consoles through a VT100 (Options.Terminal)
	painted   bool // an escape sequence was seen
}

func terr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrTranscript, fmt.Sprintf(format, args...))
}

// target reads "open NAME [on mgmt|con1|con2] [operator] [user=U]
// [size=WxH]": by default a name starting with mgmt opens the management
// address and con1/con2 the module consoles.
func target(a Action) (server.Target, error) {
	on := a.Name
	opts := strings.Fields(a.Rest)
	if len(opts) >= 2 && opts[0] == "on" {
		on, opts = opts[1], opts[2:]
	}
	var t server.Target
	switch {
	case strings.HasPrefix(on, "mgmt"):
		t = server.Management("", true)
	case strings.HasPrefix(on, "con1"):
		t = server.Console(0)
	case strings.HasPrefix(on, "con2"):
		t = server.Console(1)
	default:
		return t, terr("open %s: say where (on mgmt, on con1, on con2)", a.Name)
	}
	for _, o := range opts {
		k, v, _ := strings.Cut(o, "=")
		switch k {
		case "operator":
			t.Manager = false
		case "user":
			t.User = v
		case "size":
			w, h, ok := strings.Cut(v, "x")
			wi, err1 := strconv.Atoi(w)
			hi, err2 := strconv.Atoi(h)
			if !ok || err1 != nil || err2 != nil || wi < 10 || hi < 2 {
				return t, terr("open %s: size %q is not like 80x24", a.Name, v)
			}
			t.Width, t.Height = wi, hi
		default:
			return t, terr("open %s: unknown option %q", a.Name, o)
		}
	}
	return t, nil
}

func (r *runner) term(a Action) (*term, error) {
	t := r.terms[a.Name]
	if t == nil {
		return nil, terr("%s: no console %q was opened", a.Verb, a.Name)
	}
	return t, nil
}

// do performs one action. Errors wrapping ErrTranscript stop the replay;
// others are the chassis refusing, part of the expected output.
func (r *runner) do(a Action) error {
	switch a.Verb {
	case "open":
		tg, err := target(a)
		if err != nil {
			return err
		}
		if t := r.terms[a.Name]; t != nil && t.local != nil && !t.local.Conn.Ended() {
			return terr("open %s: it is open already", a.Name)
		}
		t := r.terms[a.Name]
		if t == nil {
			t = &term{name: a.Name}
			r.terms[a.Name] = t
			r.order = append(r.order, a.Name)
		}
		t.out, t.read, t.screen, t.ended, t.local = &syncBuffer{}, 0, NewScreen(), false, nil
		if r.vt100 {
			w, h := tg.Width, tg.Height
			if w <= 0 || h <= 0 {
				w, h = 80, 24
			}
			t.screen = NewTerminal(w, h)
		}
		t.mark = t.screen.Mark()
		l, err := r.srv.OpenLocal(chassisName, tg, t.out)
		if err != nil {
			t.ended = true
			return err
		}
		t.local = l
	case "close":
		t, err := r.term(a)
		if err != nil {
			return err
		}
		if t.local != nil {
			t.local.Close()
		}
	case "type", "key":
		t, err := r.term(a)
		if err != nil {
			return err
		}
		if t.local == nil || t.local.Conn.Ended() {
			return errors.New("the session has ended")
		}
		if err := t.local.Conn.Feed(a.Keys); err != nil {
			return errors.New("the session has ended")
		}
	case "advance":
		d, err := time.ParseDuration(strings.TrimSpace(a.Rest))
		if err != nil || d < 0 {
			return terr("advance %q: not a duration like 2m12s", a.Rest)
		}
		return r.advance(d)
	default:
		return r.physical(a)
	}
	return nil
}

// physical performs a button press, hotswap or fault.
func (r *runner) physical(a Action) error {
	h := r.h
	args := strings.Fields(a.Rest)
	var err error
	switch a.Verb {
	case "press":
		if a.Name == "clear" {
			err = h.PressClear()
			break
		}
		if len(args) != 1 {
			return terr("press %s: which button (reset or shutdown)?", a.Name)
		}
		err = h.Press(a.Name, args[0])
	case "pull":
		err = h.Pull(a.Name)
	case "insert":
		spec, perr := server.ParseInsert(args)
		if perr != nil {
			return terr("insert: %v", perr)
		}
		err = h.Insert(a.Name, spec)
	case "fail-selftest":
		n := 1
		if len(args) == 1 {
			var e error
			if n, e = strconv.Atoi(args[0]); e != nil {
				return terr("fail-selftest: count %q", args[0])
			}
		}
		err = h.FailSelftest(a.Name, n)
	case "crash":
		err = h.Crash(a.Name)
	case "cut-heartbeat":
		err = h.CutHeartbeat()
	case "fail-hardware":
		err = h.FailHardware(a.Name)
	case "power-cycle":
		err = h.PowerCycle()
	case "flash":
		if len(args) != 1 {
			return terr("flash %s: which condition (full, removed or ok)?", a.Name)
		}
		err = h.SetFlash(a.Name, args[0])
	}
	if errors.Is(err, server.ErrBadRequest) {
		return terr("%v", err)
	}
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "model: "))
	}
	return nil
}

// advance moves the virtual clock by d one timer deadline at a time,
// letting every console react at each (so a command waiting on the
// chassis acts at the moment it would on a real clock).
func (r *runner) advance(d time.Duration) error {
	end := r.h.Now().Add(d)
	for i := 0; ; i++ {
		if i > 1000000 {
			return errors.New("advance: the chassis keeps setting timers that are due at once")
		}
		var next time.Time
		var ok bool
		r.h.View(func(c *model.Chassis) { next, ok = c.NextDeadline() })
		if !ok || next.After(end) {
			break
		}
		if step := next.Sub(r.h.Now()); step > 0 {
			r.h.Advance(step)
		} else {
			r.h.Advance(0)
		}
		if err := r.settle(); err != nil {
			return err
		}
	}
	if rest := end.Sub(r.h.Now()); rest > 0 {
		r.h.Advance(rest)
	}
	return nil
}

// activity sums what can change while sessions work: output written and
// sessions ended.
func (r *runner) activity() int {
	n := 0
	for _, t := range r.terms {
		if t.out != nil {
			n += t.out.size()
		}
		if t.local != nil && t.local.Conn.Ended() {
			n++
		}
	}
	return n
}

// settle waits until every console waits for input with nothing queued.
// A session done with its work may have posted to another one already
// looked at, so passes repeat until two in a row change nothing.
func (r *runner) settle() error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		last, quiet := -1, 0
		for quiet < 2 {
			for _, name := range r.order {
				if t := r.terms[name]; t.local != nil {
					t.local.Conn.WaitIdle()
				}
			}
			if n := r.activity(); n == last {
				quiet++
			} else {
				last, quiet = n, 0
			}
		}
	}()
	select {
	case <-done:
		return nil
	case <-time.After(r.settleMax):
		return fmt.Errorf("a console did not come back to waiting for input within %s", r.settleMax)
	}
}

// checkpoint renders what each console showed since the last one.
func (r *runner) checkpoint() []string {
	var out []string
	for _, name := range r.order {
		t := r.terms[name]
		if t.out != nil {
			p, n := t.out.take(t.read)
			t.read = n
			t.screen.Write(p)
			r.painted = r.painted || bytes.IndexByte(p, 0x1b) >= 0
		}
		lines := t.screen.Since(t.mark)
		t.mark = t.screen.Mark()
		ended := !t.ended && t.local != nil && t.local.Conn.Ended()
		if ended {
			t.ended = true
		}
		out = append(out, block(name, lines, ended)...)
	}
	return out
}

// block is one console's part of a step's output.
func block(name string, lines []string, ended bool) []string {
	if len(lines) == 0 && !ended {
		return nil
	}
	head := "-- " + name
	if ended {
		head += " (ended)"
	}
	out := []string{head}
	for _, l := range lines {
		out = append(out, "|"+l)
	}
	return out
}

func (r *runner) closeAll() {
	for _, t := range r.terms {
		if t.local != nil {
			t.local.Close()
		}
	}
}

// Package bench measures a running switchsim the way automation uses it:
// many concurrent SSH sessions that log in, answer "Press any key", run a
// loop of commands and leave. It reports sessions per second, command
// round trips (p50/p99), errors, and the server's RSS and goroutine count
// as its control API reports them. It also holds the yardstick (a bare
// x/crypto/ssh server answering every line with a fixed block) and the
// start-up and fleet-size measurements, so every figure in the README is
// reproduced by one command.
package bench

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/termtext"

	"github.com/switchsim/switchsim/server"
)

// Options configure a load run.
type Options struct {
	// Targets are the chassis to load, with their accounts; sessions are
	// spread over them. When empty, Addrs with User, Password and AnyKey.
	Targets []Target
	// Addrs are management addresses; sessions are spread over them.
	Addrs          []string
	User, Password string
	// AnyKey is what a login on Addrs waits for and answers with a key
	// (default: the 8212zl's "Press any key to continue", which the
	// yardstick speaks too).
	AnyKey string
	// Sessions is how many sessions run at once (the closed loop's width).
	Sessions int
	// Rounds is how many sessions each of them opens one after another.
	Rounds int
	// Commands is how many times each session runs Command.
	Commands int
	Command  string
	// Setup lines run after login, before the timed commands ("no page").
	Setup []string
	// Expect, when set, must appear in every command's output.
	Expect string
	// Width and Height of the pseudo-terminal (default 80x24).
	Width, Height int
	// Timeout bounds each step (dial, login, one command).
	Timeout time.Duration
	// Stats, when set, samples the server while the load runs.
	Stats func() (server.Stats, error)
	// StatsEvery is the sampling period (default 100ms).
	StatsEvery time.Duration
}

// Target is one chassis to load: its management address, an account, and
// what its login waits for a key after ("" : nothing, the prompt comes).
type Target struct {
	Addr, User, Password, AnyKey string
	// Prompt matches the vendor's prompt at the end of output (its
	// commands.Texts.Prompt), for prompts that change from command to
	// command (the EXOS counter); nil: the first prompt, byte for byte.
	Prompt *regexp.Regexp
	// Command and Expect, when set, replace Options' for this chassis
	// (a fleet of several vendors).
	Command, Expect string
}

// Dist summarizes durations.
type Dist struct {
	N                  int
	P50, P90, P99, Max time.Duration
}

func distOf(ds []time.Duration) Dist {
	if len(ds) == 0 {
		return Dist{}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(q float64) time.Duration {
		i := int(q*float64(len(ds))+0.5) - 1
		if i < 0 {
			i = 0
		}
		if i >= len(ds) {
			i = len(ds) - 1
		}
		return ds[i]
	}
	return Dist{N: len(ds), P50: at(0.50), P90: at(0.90), P99: at(0.99), Max: ds[len(ds)-1]}
}

// Result is what a load run measured.
type Result struct {
	Sessions int // sessions that ran to the end
	Commands int // commands answered
	Errors   int // sessions that failed (dial, login, timeout, unexpected output)
	Elapsed  time.Duration
	Login    Dist // connect to first prompt
	RTT      Dist // command sent to prompt back
	// ErrorSamples are the first few failures, verbatim.
	ErrorSamples []string
	// Server samples (zero when no Stats function was given).
	Before, Peak, After server.Stats
}

// SessionsPerSec is completed sessions over the wall time.
func (r *Result) SessionsPerSec() float64 { return float64(r.Sessions) / r.Elapsed.Seconds() }

// CommandsPerSec is answered commands over the wall time.
func (r *Result) CommandsPerSec() float64 { return float64(r.Commands) / r.Elapsed.Seconds() }

// String is the report "switchsim bench" prints.
func (r *Result) String() string {
	var b strings.Builder
	ms := func(d time.Duration) string { return fmt.Sprintf("%.3fms", float64(d)/1e6) }
	fmt.Fprintf(&b, "sessions   %d in %s: %.1f sessions/s\n", r.Sessions, r.Elapsed.Round(time.Millisecond), r.SessionsPerSec())
	fmt.Fprintf(&b, "commands   %d: %.0f commands/s\n", r.Commands, r.CommandsPerSec())
	fmt.Fprintf(&b, "round trip p50 %s  p90 %s  p99 %s  max %s\n", ms(r.RTT.P50), ms(r.RTT.P90), ms(r.RTT.P99), ms(r.RTT.Max))
	fmt.Fprintf(&b, "login      p50 %s  p99 %s  max %s\n", ms(r.Login.P50), ms(r.Login.P99), ms(r.Login.Max))
	fmt.Fprintf(&b, "errors     %d\n", r.Errors)
	for _, e := range r.ErrorSamples {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	if r.Peak.Goroutines > 0 {
		mb := func(n uint64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
		fmt.Fprintf(&b, "server     RSS %s before, %s peak, %s after; goroutines %d before, %d peak, %d after\n",
			mb(r.Before.RSS), mb(r.Peak.RSS), mb(r.After.RSS), r.Before.Goroutines, r.Peak.Goroutines, r.After.Goroutines)
	}
	return b.String()
}

// Run opens the sessions and measures. It fails only when nothing could
// be measured; session failures are counted in Result.Errors.
func Run(o Options) (*Result, error) {
	if len(o.Targets) == 0 {
		if o.AnyKey == "" {
			o.AnyKey = anyKey
		}
		for _, a := range o.Addrs {
			o.Targets = append(o.Targets, Target{Addr: a, User: o.User, Password: o.Password, AnyKey: o.AnyKey})
		}
	}
	if len(o.Targets) == 0 {
		return nil, errors.New("bench: no address")
	}
	if o.Sessions <= 0 {
		o.Sessions = 1
	}
	if o.Rounds <= 0 {
		o.Rounds = 1
	}
	if o.Command == "" {
		o.Command = "show version"
	}
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.Height <= 0 {
		o.Height = 24
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.StatsEvery <= 0 {
		o.StatsEvery = 100 * time.Millisecond
	}
	res := &Result{}
	var smu sync.Mutex
	stopStats := make(chan struct{})
	statsDone := make(chan struct{})
	if o.Stats != nil {
		st, err := o.Stats()
		if err != nil {
			return nil, fmt.Errorf("bench: server stats: %w", err)
		}
		res.Before, res.Peak = st, st
		go func() {
			defer close(statsDone)
			t := time.NewTicker(o.StatsEvery)
			defer t.Stop()
			for {
				select {
				case <-stopStats:
					return
				case <-t.C:
				}
				if st, err := o.Stats(); err == nil {
					smu.Lock()
					if st.RSS > res.Peak.RSS {
						res.Peak.RSS = st.RSS
					}
					if st.Goroutines > res.Peak.Goroutines {
						res.Peak.Goroutines = st.Goroutines
					}
					if st.Sessions > res.Peak.Sessions {
						res.Peak.Sessions = st.Sessions
					}
					smu.Unlock()
				}
			}
		}()
	} else {
		close(statsDone)
	}

	var (
		mu       sync.Mutex
		logins   []time.Duration
		rtts     []time.Duration
		sessions int64
		commands int64
		errs     int64
		wg       sync.WaitGroup
		start    = make(chan struct{})
	)
	fail := func(err error) {
		atomic.AddInt64(&errs, 1)
		mu.Lock()
		if len(res.ErrorSamples) < 5 {
			res.ErrorSamples = append(res.ErrorSamples, err.Error())
		}
		mu.Unlock()
	}
	for w := 0; w < o.Sessions; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var myLogins, myRTTs []time.Duration
			<-start
			for r := 0; r < o.Rounds; r++ {
				tg := o.Targets[(w+r*o.Sessions)%len(o.Targets)]
				login, rt, err := oneSession(o, tg)
				if login > 0 {
					myLogins = append(myLogins, login)
				}
				myRTTs = append(myRTTs, rt...)
				atomic.AddInt64(&commands, int64(len(rt)))
				if err != nil {
					fail(err)
					continue
				}
				atomic.AddInt64(&sessions, 1)
			}
			mu.Lock()
			logins = append(logins, myLogins...)
			rtts = append(rtts, myRTTs...)
			mu.Unlock()
		}(w)
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	res.Elapsed = time.Since(t0)
	if o.Stats != nil {
		close(stopStats)
		<-statsDone
		if st, err := o.Stats(); err == nil {
			res.After = st
		}
	}
	res.Sessions, res.Commands, res.Errors = int(sessions), int(commands), int(errs)
	res.Login, res.RTT = distOf(logins), distOf(rtts)
	return res, nil
}

// anyKey is the 8212zl banner's last words (the yardstick and the
// start-up measurement speak it); a prompt ends in "# " or "> ".
const anyKey = "Press any key to continue"

// term reads a session's output with a deadline per step.
type term struct {
	r     io.Reader
	buf   []byte // the text read (a painted terminal's escapes removed)
	dec   termtext.Decoder
	chunk []byte
	timer *time.Timer
	conn  io.Closer
	d     time.Duration
	timed atomic.Bool
}

// until reads until done(buf) holds; buf keeps everything read since the
// last reset.
func (t *term) until(what string, done func([]byte) bool) error {
	t.timer.Reset(t.d)
	defer t.timer.Stop()
	for !done(t.buf) {
		n, err := t.r.Read(t.chunk)
		t.buf = t.dec.Append(t.buf, t.chunk[:n])
		if err != nil {
			if t.timed.Load() {
				return fmt.Errorf("timed out after %s waiting for %s; got %q", t.d, what, tail(t.buf))
			}
			return fmt.Errorf("waiting for %s: %v; got %q", what, err, tail(t.buf))
		}
	}
	return nil
}

func tail(b []byte) []byte {
	if len(b) > 200 {
		return b[len(b)-200:]
	}
	return b
}

// oneSession logs in, runs the setup and the commands, and hangs up. It
// returns the login time and each command's round trip.
func oneSession(o Options, tg Target) (time.Duration, []time.Duration, error) {
	ls, err := login(o, tg)
	if err != nil {
		return 0, nil, err
	}
	defer ls.conn.Close()
	t, in, atPrompt := ls.t, ls.in, ls.atPrompt
	for _, line := range o.Setup {
		t.buf = t.buf[:0]
		if _, err := in.Write([]byte(line + "\r")); err != nil {
			return ls.took, nil, err
		}
		if err := t.until("the prompt after "+line, atPrompt); err != nil {
			return ls.took, nil, err
		}
	}
	command, expect := o.Command, o.Expect
	if tg.Command != "" {
		command, expect = tg.Command, tg.Expect
	}
	cmd := []byte(command + "\r")
	rtts := make([]time.Duration, 0, o.Commands)
	for i := 0; i < o.Commands; i++ {
		t.buf = t.buf[:0]
		c0 := time.Now()
		if _, err := in.Write(cmd); err != nil {
			return ls.took, rtts, err
		}
		if err := t.until("the prompt after "+command, atPrompt); err != nil {
			return ls.took, rtts, err
		}
		rtts = append(rtts, time.Since(c0))
		if expect != "" && !bytes.Contains(t.buf, []byte(expect)) {
			return ls.took, rtts, fmt.Errorf("%s: output without %q: %q", command, expect, tail(t.buf))
		}
	}
	return ls.took, rtts, nil
}

// liveSession is a session logged in and at its prompt.
type liveSession struct {
	conn     *gossh.Client
	in       io.Writer
	t        *term
	atPrompt func([]byte) bool
	took     time.Duration // connect to the first prompt
}

// login connects, logs in, answers "Press any key" and waits for the
// prompt.
func login(o Options, tg Target) (*liveSession, error) {
	t0 := time.Now()
	addr := tg.Addr
	cfg := &gossh.ClientConfig{
		User:            tg.User,
		Auth:            []gossh.AuthMethod{gossh.Password(tg.Password)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         o.Timeout,
	}
	conn, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", addr, err)
	}
	ok := false
	defer func() {
		if !ok {
			conn.Close()
		}
	}()
	sess, err := conn.NewSession()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty("vt100", o.Height, o.Width, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	t := &term{r: out, chunk: make([]byte, 32*1024), conn: conn, d: o.Timeout}
	t.timer = time.AfterFunc(time.Hour, func() { t.timed.Store(true); conn.Close() })
	t.timer.Stop()
	if tg.AnyKey != "" {
		if err := t.until("the banner", func(b []byte) bool { return bytes.Contains(b, []byte(tg.AnyKey)) }); err != nil {
			return nil, err
		}
		t.buf = t.buf[:0]
		if _, err := in.Write([]byte(" ")); err != nil {
			return nil, err
		}
	}
	if err := t.until("the first prompt", func(b []byte) bool {
		return bytes.HasSuffix(b, []byte("# ")) || bytes.HasSuffix(b, []byte("> "))
	}); err != nil {
		return nil, err
	}
	took := time.Since(t0)
	prompt := t.buf
	if i := bytes.LastIndexByte(prompt, '\n'); i >= 0 {
		prompt = prompt[i+1:]
	}
	prompt = append([]byte(nil), prompt...)
	atPrompt := func(b []byte) bool { return bytes.HasSuffix(b, prompt) && len(b) > len(prompt) }
	if tg.Prompt != nil {
		atPrompt = func(b []byte) bool {
			if len(b) > 256 {
				b = b[len(b)-256:]
			}
			return tg.Prompt.Match(b)
		}
	}
	ok = true
	return &liveSession{conn: conn, in: in, t: t, atPrompt: atPrompt, took: took}, nil
}

// Dialable reports whether addr accepts TCP connections (start-up polling).
func Dialable(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

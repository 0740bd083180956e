// Package console runs one CLI session over a byte stream: the line editor
// with echo, `?` and Tab, the pager, single-key questions, and the module
// consoles that show boot output and follow their module from role to
// role. It owns the bytes on the wire: newline translation, one write per
// response, and nothing else rewriting them.
package console

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync"
	"time"
)

// Errors of the input side.
var (
	// ErrClosed: the connection is gone.
	ErrClosed = errors.New("console: connection closed")
	// errInterrupt: an event asked the running program to stop.
	errInterrupt = errors.New("console: interrupted")
)

// Conn is one client connection: a queue of input bytes fed by a reader,
// an output buffer flushed whenever the session waits for input, and a
// queue of notifications (chassis events) for the session goroutine.
//
// It tracks whether its session is idle (blocked waiting with nothing
// queued), so a test or transcript driving a virtual clock knows when all
// output caused by an input has been written.
type Conn struct {
	w    io.Writer
	crlf bool // translate "\n" into "\r\n" (a terminal)

	in  chan []byte
	buf []byte
	eof bool // the end of input was read: every later read fails too

	mu      sync.Mutex
	fed     uint64 // input chunks queued
	taken   uint64 // input chunks taken by the session
	posted  uint64 // notifications posted
	handled uint64 // notifications handled
	idle    bool
	// waitingModel: blocked on the chassis (a download), not on input;
	// queued type-ahead does not make such a session busy.
	waitingModel bool
	idleCond     *sync.Cond
	notes        []any
	wake         chan struct{} // notification doorbell, capacity 1
	done         chan struct{} // closed by Close
	inClosed     bool
	ended        bool          // the session goroutine has finished
	endTimers    []*time.Timer // EndSoon's, stopped once the session ended or the conn closed

	out  []byte
	wmu  sync.Mutex // serializes writes to w
	werr error
	// midLine: the last byte written was not a line feed (a prompt or a
	// question is showing)
	midLine bool
	// col is the cursor's column as far as text written tells (bytes
	// since the last CR or LF), for a painter to park the cursor.
	col int

	width, height int
	sizeMu        sync.Mutex
	resized       bool

	// MaxLine bounds the line editor (characters beyond are dropped).
	MaxLine int

	lastInput time.Time // wall time of the last input, for IdleTimer
	closer    func()    // closes the transport (SetCloser)
	// EndGrace is how long IdleTimer lets the session end by itself
	// before closing its transport (0: DefaultEndGrace).
	EndGrace time.Duration
}

// DefaultEndGrace is how long an idle-timed-out session may take to end
// before its transport is closed.
const DefaultEndGrace = 5 * time.Second

// NewConn makes a connection writing to w. crlf turns on newline
// translation for terminals.
func NewConn(w io.Writer, crlf bool, width, height int) *Conn {
	c := &Conn{
		w:       w,
		crlf:    crlf,
		in:      make(chan []byte, 16),
		wake:    make(chan struct{}, 1),
		done:    make(chan struct{}),
		width:   width,
		height:  height,
		MaxLine: 1024,
	}
	c.idleCond = sync.NewCond(&c.mu)
	return c
}

// Feed queues input bytes (a copy is kept). It blocks when the session
// is far behind, so a flooding client is slowed down, not buffered.
func (c *Conn) Feed(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	q := append([]byte(nil), p...)
	c.mu.Lock()
	if c.inClosed || c.ended {
		c.mu.Unlock()
		return ErrClosed
	}
	c.fed++
	c.lastInput = time.Now()
	c.mu.Unlock()
	select {
	case c.in <- q:
		return nil
	case <-c.done:
		c.mu.Lock()
		c.fed--
		c.idleCond.Broadcast()
		c.mu.Unlock()
		return ErrClosed
	}
}

// Pump feeds everything read from r until it fails, then marks the
// input closed (EOF for the session). It returns when r is exhausted.
func (c *Conn) Pump(r io.Reader) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		if n > 0 {
			if c.Feed(b[:n]) != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	c.CloseInput()
}

// CloseInput ends the input: once the queue is read, the session sees
// ErrClosed.
func (c *Conn) CloseInput() {
	c.mu.Lock()
	if !c.inClosed {
		c.inClosed = true
		c.fed++
		c.mu.Unlock()
		go func() {
			select {
			case c.in <- nil:
			case <-c.done:
			}
		}()
		return
	}
	c.mu.Unlock()
}

// Close ends the session: blocked reads return ErrClosed.
func (c *Conn) Close() {
	c.mu.Lock()
	closer := c.closer
	select {
	case <-c.done:
		closer = nil
	default:
		close(c.done)
	}
	c.stopEndTimers()
	c.idleCond.Broadcast()
	c.mu.Unlock()
	if closer != nil {
		closer()
	}
}

// SetCloser gives the conn the way to close its transport (the SSH
// channel, the TCP connection): Close calls it, so a session blocked
// writing to a client that stopped reading is freed.
func (c *Conn) SetCloser(fn func()) {
	c.mu.Lock()
	c.closer = fn
	c.mu.Unlock()
}

// EndSoon asks the session to end (an Interrupt); a session that has not
// ended after grace (its client stopped reading, so it cannot even see the
// note) is closed.
func (c *Conn) EndSoon(grace time.Duration) {
	c.Post(Interrupt{})
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ended || c.isDone() {
		return
	}
	c.endTimers = append(c.endTimers, time.AfterFunc(grace, func() {
		if !c.Ended() {
			c.Close()
		}
	}))
}

// isDone reports whether Close was called.
func (c *Conn) isDone() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// stopEndTimers drops EndSoon's timers (with c.mu held): once the session
// ended or the conn closed they have nothing left to do, and a pending
// one would keep the conn, and through it its server, alive until it
// fired.
func (c *Conn) stopEndTimers() {
	for _, t := range c.endTimers {
		t.Stop()
	}
	c.endTimers = nil
}

// Done is closed when the connection is closed.
func (c *Conn) Done() <-chan struct{} { return c.done }

// Post queues a notification for the session goroutine.
func (c *Conn) Post(n any) {
	c.mu.Lock()
	if c.ended {
		c.mu.Unlock()
		return
	}
	if _, ok := n.(Changed); ok && len(c.notes) > 0 {
		if _, last := c.notes[len(c.notes)-1].(Changed); last {
			// one pending Changed says it all: the queue stays bounded
			// while a session does not read its notes
			c.mu.Unlock()
			return
		}
	}
	c.notes = append(c.notes, n)
	c.posted++
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// takeNotes returns the queued notifications.
func (c *Conn) takeNotes() []any {
	c.mu.Lock()
	n := c.notes
	c.notes = nil
	c.mu.Unlock()
	return n
}

func (c *Conn) noteHandled(k int) {
	c.mu.Lock()
	c.handled += uint64(k)
	c.idleCond.Broadcast()
	c.mu.Unlock()
}

// End marks the session goroutine finished (the conn is idle for good).
func (c *Conn) End() {
	c.Flush()
	c.mu.Lock()
	c.ended = true
	c.stopEndTimers()
	c.idleCond.Broadcast()
	c.mu.Unlock()
}

// WaitIdle blocks until the session is waiting for input with nothing
// queued, or has ended. Tests and the transcript runner use it with a
// virtual clock: once every session is idle, the output is complete.
func (c *Conn) WaitIdle() {
	c.mu.Lock()
	for !c.ended && !(c.idle && (c.waitingModel || c.taken == c.fed) && c.handled == c.posted) {
		select {
		case <-c.done:
			if c.idle || c.ended {
				c.mu.Unlock()
				return
			}
		default:
		}
		c.idleCond.Wait()
	}
	c.mu.Unlock()
}

// Ended reports whether the session goroutine has finished.
func (c *Conn) Ended() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ended
}

func (c *Conn) setIdle(v bool) {
	c.mu.Lock()
	c.idle = v
	if v {
		c.idleCond.Broadcast()
	}
	c.mu.Unlock()
}

// Resize records a new window size (window-change).
func (c *Conn) Resize(w, h int) {
	c.sizeMu.Lock()
	c.width, c.height = w, h
	c.resized = true
	c.sizeMu.Unlock()
}

// Size is the current window size.
func (c *Conn) Size() (int, int) {
	c.sizeMu.Lock()
	defer c.sizeMu.Unlock()
	return c.width, c.height
}

// takeResize reports a window change since the last call.
func (c *Conn) takeResize() (int, int, bool) {
	c.sizeMu.Lock()
	defer c.sizeMu.Unlock()
	r := c.resized
	c.resized = false
	return c.width, c.height, r
}

// Write queues screen text, translating "\n" into "\r\n" on terminals
// (so a "\r\n" in the text becomes the "\r\r\n" real banners have).
func (c *Conn) Write(s string) {
	if s == "" {
		return
	}
	c.midLine = s[len(s)-1] != '\n'
	if i := strings.LastIndexAny(s, "\r\n"); i >= 0 {
		c.col = len(s) - i - 1
	} else {
		c.col += len(s)
	}
	if !c.crlf {
		c.out = append(c.out, s...)
		return
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			c.out = append(c.out, '\r', '\n')
		} else {
			c.out = append(c.out, s[i])
		}
	}
}

// WriteRaw queues bytes untouched (echo, cursor moves, control bytes).
func (c *Conn) WriteRaw(p []byte) {
	if len(p) > 0 {
		c.midLine = p[len(p)-1] != '\n'
		if i := bytes.LastIndexAny(p, "\r\n"); i >= 0 {
			c.col = len(p) - i - 1
		} else {
			c.col += len(p)
		}
	}
	c.out = append(c.out, p...)
}

// WritePainted queues a painter's bytes, which leave the cursor at
// column col.
func (c *Conn) WritePainted(s string, col int) {
	if s == "" {
		return
	}
	c.midLine = s[len(s)-1] != '\n'
	c.col = col
	c.out = append(c.out, s...)
}

// Terminal reports whether the conn is a terminal (a pty, telnet, a
// console port): the only kind a CLI paints.
func (c *Conn) Terminal() bool { return c.crlf }

// NewLine ends the line the cursor is on, if it is not at a line start.
func (c *Conn) NewLine() {
	if c.midLine {
		c.Write("\n")
	}
}

// Flush writes what is queued in one write.
func (c *Conn) Flush() {
	if len(c.out) == 0 {
		return
	}
	c.wmu.Lock()
	if c.werr == nil {
		_, c.werr = c.w.Write(c.out)
	}
	c.wmu.Unlock()
	c.out = c.out[:0]
	if cap(c.out) > 64*1024 {
		c.out = nil
	}
}

// next returns the next input byte, flushing output first and handling
// notifications while it waits. handle decides what a notification does;
// it returns true to interrupt the running program.
func (c *Conn) next(handle func(any) bool) (byte, error) {
	for len(c.buf) == 0 {
		if err := c.wait(handle, true); err != nil {
			return 0, err
		}
	}
	b := c.buf[0]
	c.buf = c.buf[1:]
	return b, nil
}

// wait blocks until input arrives (when wantInput) or a notification is
// handled. It returns errInterrupt when handle says so.
func (c *Conn) wait(handle func(any) bool, wantInput bool) error {
	c.Flush()
	if notes := c.takeNotes(); len(notes) > 0 {
		return c.dispatch(notes, handle)
	}
	in := c.in
	if !wantInput {
		in = nil
	} else if c.eof {
		return ErrClosed
	}
	c.setIdle(true)
	select {
	case p := <-in:
		c.mu.Lock()
		c.idle = false
		c.taken++
		c.mu.Unlock()
		if p == nil {
			c.buf = nil
			c.eof = true
			return ErrClosed
		}
		c.buf = p
		return nil
	case <-c.wake:
		c.setIdle(false)
		return c.dispatch(c.takeNotes(), handle)
	case <-c.done:
		c.setIdle(false)
		return ErrClosed
	}
}

func (c *Conn) dispatch(notes []any, handle func(any) bool) error {
	stop := false
	for i, n := range notes {
		if handle != nil && handle(n) {
			// keep the rest for whoever runs next
			rest := notes[i+1:]
			c.mu.Lock()
			c.notes = append(append([]any(nil), rest...), c.notes...)
			c.mu.Unlock()
			c.noteHandled(i + 1)
			stop = true
			break
		}
	}
	if !stop {
		c.noteHandled(len(notes))
	}
	c.Flush()
	if stop {
		return errInterrupt
	}
	return nil
}

// poll handles queued notifications without waiting; it returns
// errInterrupt when one interrupts the program.
func (c *Conn) poll(handle func(any) bool) error {
	if notes := c.takeNotes(); len(notes) > 0 {
		return c.dispatch(notes, handle)
	}
	return nil
}

// peek reports whether the next queued byte (already received, so part
// of the same burst) is b, and consumes it if so.
func (c *Conn) peek(b byte) bool {
	if len(c.buf) > 0 && c.buf[0] == b {
		c.buf = c.buf[1:]
		return true
	}
	return false
}

// IdleTimer ends the session when no input arrived for d (wall time),
// printing msg first. The returned function stops the timer.
func (c *Conn) IdleTimer(d time.Duration, msg string) (stop func()) {
	c.mu.Lock()
	c.lastInput = time.Now()
	c.mu.Unlock()
	done := make(chan struct{})
	go func() {
		t := time.NewTimer(d)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-c.done:
				return
			case <-t.C:
				c.mu.Lock()
				left := d - time.Since(c.lastInput)
				c.mu.Unlock()
				if left > 0 {
					t.Reset(left)
					continue
				}
				c.Post(Text(msg))
				g := c.EndGrace
				if g <= 0 {
					g = DefaultEndGrace
				}
				c.EndSoon(g)
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}

package console_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// promptWire signals each time the output ends with the prompt.
type promptWire struct {
	mu     sync.Mutex
	buf    []byte
	prompt []byte
	hit    chan struct{}
}

func (w *promptWire) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.buf = append(w.buf, p...)
	at := bytes.HasSuffix(w.buf, w.prompt)
	if at {
		w.buf = w.buf[:0]
	}
	w.mu.Unlock()
	if at {
		w.hit <- struct{}{}
	}
	return len(p), nil
}

// BenchmarkConsoleRoundTrip types "show version" and Enter into an
// in-process session and waits for the prompt after the output: the
// console, the parser, the handler, the render and the model lock, with
// no SSH; plain and painted (the 8212zl's VT100 sequences).
func BenchmarkConsoleRoundTrip(b *testing.B) {
	b.Run("plain", func(b *testing.B) { roundTrip(b, false) })
	b.Run("vt100", func(b *testing.B) { roundTrip(b, true) })
}

func roundTrip(b *testing.B, painted bool) {
	sc := vendors.Default()
	v := procurve.Vendor{}
	if err := sc.Chassis.Start(start); err != nil {
		b.Fatal(err)
	}
	h := server.NewHost("b", v, sc.Chassis, server.NewVirtualClock(start), scenario.Builtin())
	defer h.Close()
	w := &promptWire{prompt: []byte("HP-E8212zl# "), hit: make(chan struct{}, 1)}
	conn := console.NewConn(w, true, 80, 24)
	sess := &commands.Session{Host: h, Transport: "SSH", Peer: "127.0.0.1", Manager: true, Paging: true, Width: 80, Height: 24}
	cli := console.NewCLI(conn, sess, v.Shell(sess, model.Active), h, v.Texts())
	if painted {
		w.prompt = []byte("HP-E8212zl# \x1b[24;1H\x1b[24;13H\x1b[24;1H\x1b[?25h\x1b[24;13H")
		h.View(func(c *model.Chassis) { cli.SetPainter(v.Console().Paint(c)) })
	}
	done := make(chan struct{})
	go func() { cli.Serve(); conn.End(); close(done) }()
	defer func() { conn.Close(); <-done }()
	conn.WaitIdle()
	if err := conn.Feed([]byte(" ")); err != nil {
		b.Fatal(err)
	}
	<-w.hit
	line := []byte("show version\r")
	b.ReportAllocs()
	for b.Loop() {
		if err := conn.Feed(line); err != nil {
			b.Fatal(err)
		}
		<-w.hit
	}
}

package exos_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/exos"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// promptWire signals each time the output ends with a prompt (" # ").
type promptWire struct {
	mu  sync.Mutex
	buf []byte
	hit chan struct{}
}

func (w *promptWire) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.buf = append(w.buf, p...)
	at := bytes.HasSuffix(w.buf, []byte(" # "))
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
// in-process BlackDiamond session and waits for the next prompt: the
// console, the parser, the handler, the render, the prompt (with its
// unsaved-changes check) and the model lock, with no SSH. Compare with
// console's BenchmarkConsoleRoundTrip for the 8212zl.
func BenchmarkConsoleRoundTrip(b *testing.B) {
	sc, err := vendors.Scenario("bd8810", nil)
	if err != nil {
		b.Fatal(err)
	}
	v := exos.Vendor{}
	if err := sc.Chassis.Start(start); err != nil {
		b.Fatal(err)
	}
	h := server.NewHost("b", v, sc.Chassis, server.NewVirtualClock(start), scenario.Builtin())
	defer h.Close()
	w := &promptWire{hit: make(chan struct{}, 1)}
	conn := console.NewConn(w, true, 80, 24)
	sess := &commands.Session{Host: h, Transport: "SSH", Peer: "127.0.0.1", Manager: true, Paging: true, Width: 80, Height: 24}
	cli := console.NewCLI(conn, sess, v.Shell(sess, model.Active), h, v.Texts())
	done := make(chan struct{})
	go func() { cli.Serve(); conn.End(); close(done) }()
	defer func() { conn.Close(); <-done }()
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

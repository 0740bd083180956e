package sros_test

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/sros"
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
// in-process session on the 7750 and waits for the prompt after the
// output: the console, the context tree, the handler, the render and the
// model lock, with no SSH (console's benchmark of the same name is the
// 8212zl's).
func BenchmarkConsoleRoundTrip(b *testing.B) {
	start := time.Date(2015, 6, 1, 10, 0, 0, 0, time.UTC)
	sc, err := vendors.Scenario("7750-sr12", nil)
	if err != nil {
		b.Fatal(err)
	}
	v := sros.Vendor{}
	if err := sc.Chassis.Start(start); err != nil {
		b.Fatal(err)
	}
	h := server.NewHost("b", v, sc.Chassis, server.NewVirtualClock(start), scenario.Builtin())
	defer h.Close()
	w := &promptWire{prompt: []byte("A:SR12# "), hit: make(chan struct{}, 1)}
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

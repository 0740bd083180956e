package junos_test

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	load "github.com/switchsim/switchsim/bench"
	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/junos"
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

// roundTrip types a line into an in-process session and waits for the
// prompt after its output: the console, complete-on-space, the parser,
// the handler, the render and the model lock, without SSH.
func roundTrip(b *testing.B, line string) {
	sc, err := vendors.Scenario("mx240", nil)
	if err != nil {
		b.Fatal(err)
	}
	v := junos.Vendor{}
	if err := sc.Chassis.Start(start); err != nil {
		b.Fatal(err)
	}
	h := server.NewHost("b", v, sc.Chassis, server.NewVirtualClock(start), scenario.Builtin())
	defer h.Close()
	w := &promptWire{prompt: []byte("{master}\r\nadmin@mx240-lab> "), hit: make(chan struct{}, 1)}
	conn := console.NewConn(w, true, 80, 24)
	sess := &commands.Session{Host: h, User: "admin", Transport: "SSH", Peer: "127.0.0.1", Manager: true, Paging: true, Width: 80, Height: 24}
	cli := console.NewCLI(conn, sess, v.Shell(sess, model.Active), h, v.Texts())
	done := make(chan struct{})
	go func() { cli.Serve(); conn.End(); close(done) }()
	defer func() { conn.Close(); <-done }()
	<-w.hit
	conn.Feed([]byte("set cli screen-length 0\r"))
	<-w.hit
	in := []byte(line + "\r")
	b.ReportAllocs()
	for b.Loop() {
		if err := conn.Feed(in); err != nil {
			b.Fatal(err)
		}
		<-w.hit
	}
}

func BenchmarkRoundTripShowVersion(b *testing.B)       { roundTrip(b, "show version") }
func BenchmarkRoundTripShowVersionNoMore(b *testing.B) { roundTrip(b, "show version | no-more") }
func BenchmarkRoundTripSet(b *testing.B)               { roundTrip(b, "show configuration snmp") }

// BenchmarkSSHSessions is the README's closed loop through real SSH on
// the mx240 (loader in the same process; b.N sessions of ten "show
// version | no-more", 100 at a time): compare with the 8212zl's
// BenchmarkSSHSessions in ./bench.
func BenchmarkSSHSessions(b *testing.B) {
	sc, err := vendors.Scenario("mx240", nil)
	if err != nil {
		b.Fatal(err)
	}
	s, err := server.Start(server.Config{Vendors: vendors.Registry, Chassis: []server.ChassisConfig{{Name: "chassis1", Scenario: sc,
		Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: filepath.Join(b.TempDir(), "state.json")}}})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	res, err := load.Run(load.Options{Targets: []load.Target{{Addr: s.Addrs()[0].Mgmt, User: "admin", Password: "admin123"}},
		Sessions: min(b.N, 100), Rounds: (b.N + 99) / 100, Commands: 10, Command: "show version | no-more", Expect: "Junos:"})
	if err != nil {
		b.Fatal(err)
	}
	if res.Errors > 0 {
		b.Fatal(res.ErrorSamples)
	}
	b.ReportMetric(res.CommandsPerSec(), "commands/s")
	b.ReportMetric(float64(res.RTT.P50.Microseconds()), "p50-µs")
}

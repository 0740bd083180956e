package bench

import (
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/server"
)

func TestLoadAgainstSwitchsimAndTheYardstick(t *testing.T) {
	// the load reads a painted terminal as text: the same in both modes
	for _, mode := range []string{server.TerminalPlain, server.TerminalVT100} {
		s := startInProcess(t, mode)
		res, err := Run(Options{Addrs: []string{s.Addrs()[0].Mgmt}, User: "manager", Password: "manager", Sessions: 2,
			Commands: 2, Command: "show version", Setup: []string{"no page"}, Expect: "Boot Image:     Primary"})
		if err != nil || res.Errors != 0 || res.Commands != 4 {
			t.Fatalf("%s: %v %+v", mode, err, res)
		}
	}
	s := startInProcess(t, server.TerminalVT100)
	stats := func() (server.Stats, error) { return s.Stats(), nil }
	res, err := Run(Options{Addrs: []string{s.Addrs()[0].Mgmt}, User: "manager", Password: "manager", Sessions: 4, Rounds: 2,
		Commands: 3, Command: "show version", Setup: []string{"no page"}, Expect: "Boot Image:     Primary", Stats: stats})
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors != 0 || res.Sessions != 8 || res.Commands != 24 || res.RTT.N != 24 || res.Login.N != 8 || res.Peak.Goroutines == 0 {
		t.Fatalf("%+v\n%s", res, res)
	}
	if out := res.String(); !strings.Contains(out, "commands   24: ") || !strings.Contains(out, "errors     0\n") {
		t.Fatalf("report:\n%s", out)
	}
	// a failing login is counted, with its reason
	res, err = Run(Options{Addrs: []string{s.Addrs()[0].Mgmt}, User: "manager", Password: "wrong", Sessions: 2, Commands: 1})
	if err != nil || res.Errors != 2 || res.Sessions != 0 || !strings.Contains(res.ErrorSamples[0], "unable to authenticate") {
		t.Fatalf("%v %+v", err, res)
	}

	raw, err := NewRawServer("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go raw.Serve()
	defer raw.Close()
	res, err = Run(Options{Addrs: []string{raw.Addr()}, User: "x", Password: "y", Sessions: 3, Commands: 5, Expect: "Boot Image:     Primary"})
	if err != nil || res.Errors != 0 || res.Commands != 15 {
		t.Fatalf("yardstick: %v %+v", err, res)
	}
}

func TestDist(t *testing.T) {
	var ds []int64
	for i := 1; i <= 100; i++ {
		ds = append(ds, int64(i))
	}
	d := distOf(durations(ds))
	if d.N != 100 || d.P50 != 50 || d.P90 != 90 || d.P99 != 99 || d.Max != 100 {
		t.Fatalf("%+v", d)
	}
	if (distOf(nil) != Dist{}) {
		t.Fatal("empty")
	}
}

func durations(ns []int64) []time.Duration {
	out := make([]time.Duration, len(ns))
	for i, n := range ns {
		out[i] = time.Duration(n)
	}
	return out
}

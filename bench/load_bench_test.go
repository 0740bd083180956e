package bench

import (
	"path/filepath"
	"testing"

	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// startInProcess serves the default chassis on a real clock with a state
// file, as "switchsim serve" does, in a terminal mode.
func startInProcess(tb testing.TB, terminal string) *server.Server {
	tb.Helper()
	s, err := server.Start(server.Config{Vendors: vendors.Registry, Terminal: terminal, Chassis: []server.ChassisConfig{{Name: "chassis1", Scenario: vendors.Default(),
		Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: filepath.Join(tb.TempDir(), "state.json")}}})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkSSHSessions runs the README's closed loop (sessions of ten
// "show version") through real SSH, loader in the same process; b.N is
// the number of sessions, 100 at a time; plain and painted.
func BenchmarkSSHSessions(b *testing.B) {
	for _, mode := range []string{server.TerminalPlain, server.TerminalVT100} {
		b.Run(mode, func(b *testing.B) { sshSessions(b, mode) })
	}
}

func sshSessions(b *testing.B, mode string) {
	s := startInProcess(b, mode)
	b.ResetTimer()
	res, err := Run(Options{Addrs: []string{s.Addrs()[0].Mgmt}, User: "manager", Password: "manager",
		Sessions: min(b.N, 100), Rounds: (b.N + 99) / 100, Commands: 10, Command: "show version", Expect: "Boot Image:"})
	if err != nil {
		b.Fatal(err)
	}
	if res.Errors > 0 {
		b.Fatal(res.ErrorSamples)
	}
	b.ReportMetric(res.CommandsPerSec(), "commands/s")
	b.ReportMetric(float64(res.RTT.P50.Microseconds()), "p50-µs")
}

// BenchmarkSSHRoundTrip is one session's command round trip through real
// SSH (b.N commands in one session; the login is included once); plain
// and painted.
func BenchmarkSSHRoundTrip(b *testing.B) {
	for _, mode := range []string{server.TerminalPlain, server.TerminalVT100} {
		b.Run(mode, func(b *testing.B) { sshRoundTrip(b, mode) })
	}
}

func sshRoundTrip(b *testing.B, mode string) {
	s := startInProcess(b, mode)
	b.ResetTimer()
	res, err := Run(Options{Addrs: []string{s.Addrs()[0].Mgmt}, User: "manager", Password: "manager",
		Sessions: 1, Commands: b.N, Command: "show version"})
	if err != nil {
		b.Fatal(err)
	}
	if res.Errors > 0 {
		b.Fatal(res.ErrorSamples)
	}
	b.ReportMetric(float64(res.RTT.P50.Microseconds()), "p50-µs")
	b.ReportMetric(float64(res.RTT.P99.Microseconds()), "p99-µs")
}

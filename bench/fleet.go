package bench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/switchsim/switchsim/server"
)

// FleetOptions configure a fleet measurement ("switchsim bench fleet"):
// one "switchsim serve --inventory" process of many chassis, started from
// an empty state directory and again from the full one it left.
type FleetOptions struct {
	Bin      string
	StateDir string
	Chassis  int
	// Scenarios are built-in scenario names the chassis are spread over
	// evenly (nil: the default one).
	Scenarios []string
	// AddressPerChassis, when set, gives each chassis an address of its
	// own from this prefix (else port blocks on ephemeral ports).
	AddressPerChassis string
	// AddressPorts are the ports on each address ("": serve's defaults).
	AddressPorts string
	// Visit opens a session on every chassis, one command each.
	Visit bool
	// Sample is how many commands one session runs on the first chassis
	// of each scenario, beside the same on a server of that chassis alone
	// (the single-chassis round trip); 0: none.
	Sample int
	// Hold is how many sessions are held open at once to measure what a
	// session costs; 0: none.
	Hold int
	// Target makes a chassis's login, prompt, command and expected
	// output from its listing (the vendor's texts; bench names none).
	Target func(server.Listed) (Target, error)
	// Out receives the report line by line.
	Out io.Writer
	// ServeArgs go to every serve (the fleet's and the chassis alone).
	ServeArgs []string
}

// FleetRun is one start of the fleet.
type FleetRun struct {
	Ready time.Duration // exec to the first line (every chassis listening)
	Idle  server.Stats
	// Samples are the sample sessions by scenario, with the same session
	// against a server of that chassis alone.
	Samples []Sample
	Visit   *Result
	Visited server.Stats // after the visit
	// Held is the stats with Hold sessions open (HeldBase before them).
	Held, HeldBase server.Stats
	HeldN          int
	// Stop is SIGTERM to exit; Saved and SaveTook what it reported.
	Stop     time.Duration
	Saved    int
	SaveTook string
}

// Sample is one scenario's sample session.
type Sample struct {
	Scenario   string
	Fleet      Dist // round trips in the fleet
	Alone      Dist // on a server of that chassis alone
	FleetErrs  int
	AloneErrs  int
	ErrSamples []string
}

// FleetScenarioName is the chassis name prefix of a scenario's chassis
// in the bench's inventory.
func FleetScenarioName(sc string) string {
	if sc == "" {
		return "sw"
	}
	return strings.ReplaceAll(sc, "_", "-") + "-"
}

// fleetInventory writes the inventory: n chassis spread over the
// scenarios.
func fleetInventory(o FleetOptions) (string, error) {
	scs := o.Scenarios
	if len(scs) == 0 {
		scs = []string{""}
	}
	var b strings.Builder
	if o.AddressPerChassis == "" {
		b.WriteString("base-port: 0\n")
	} else {
		fmt.Fprintf(&b, "address-per-chassis: %s\n", o.AddressPerChassis)
	}
	b.WriteString("chassis:\n")
	chassisEntries(&b, scs, o.Chassis)
	path := filepath.Join(o.StateDir, "fleet-bench.yaml")
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

// chassisEntries writes an inventory's chassis entries: total chassis
// shared evenly among the scenarios, one entry each ("" the default).
func chassisEntries(b *strings.Builder, scs []string, total int) {
	for i, sc := range scs {
		n := total / len(scs)
		if i < total%len(scs) {
			n++
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(b, "  - name: %s\n    count: %d\n", FleetScenarioName(sc), n)
		if sc != "" {
			fmt.Fprintf(b, "    scenario: %s\n", sc)
		}
	}
}

// RunFleet measures the fleet from an empty state directory, then from
// the full one the first run left, reporting to o.Out as it goes.
func RunFleet(o FleetOptions) ([]FleetRun, error) {
	if o.Out == nil {
		o.Out = io.Discard
	}
	inv, err := fleetInventory(o)
	if err != nil {
		return nil, err
	}
	scs := o.Scenarios
	if len(scs) == 0 {
		scs = []string{""}
	}
	where := "port blocks on ephemeral ports"
	if o.AddressPerChassis != "" {
		where = "an address each in " + o.AddressPerChassis
	}
	names := strings.Join(scs, ", ")
	if len(o.Scenarios) == 0 {
		names = "the default scenario"
	}
	fmt.Fprintf(o.Out, "%d chassis (%s), %s\n", o.Chassis, names, where)
	var runs []FleetRun
	for i, what := range []string{"first start (empty state directory)", "restart (the state directory the first run left)"} {
		r, err := fleetRun(o, inv, scs, i == 0, what)
		if err != nil {
			return runs, err
		}
		runs = append(runs, *r)
	}
	return runs, nil
}

func mbOf(n uint64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

func statsLine(st server.Stats) string {
	return fmt.Sprintf("RSS %s, heap in use %s, %d goroutines, %d descriptors; %d of %d chassis built, %d sessions",
		mbOf(st.RSS), mbOf(st.HeapInuse), st.Goroutines, st.FDs, st.Touched, st.Chassis, st.Sessions)
}

func fleetRun(o FleetOptions, inv string, scs []string, first bool, what string) (*FleetRun, error) {
	out := o.Out
	args := []string{"--inventory", inv, "--state-dir", o.StateDir, "--control", "127.0.0.1:0", "--quiet", "--auth-fail-delay", "0"}
	if o.Hold > 0 {
		args = append(args, "--session-reserve", strconv.Itoa(o.Hold+1000))
	}
	if o.AddressPorts != "" {
		args = append(args, "--address-ports", o.AddressPorts)
	}
	args = append(args, o.ServeArgs...)
	files := 0
	if !first {
		names, _ := filepath.Glob(filepath.Join(o.StateDir, "*.json"))
		for _, n := range names {
			switch filepath.Base(n) {
			case "fleet.json", "netmiko.json", "ports.json":
			default:
				files++
			}
		}
	}
	p, err := StartServe(o.Bin, args...)
	if err != nil {
		return nil, err
	}
	stopped := false
	defer func() {
		if !stopped {
			p.Kill()
		}
	}()
	r := &FleetRun{Ready: p.Ready.Sub(p.Started)}
	if first {
		fmt.Fprintf(out, "%s: listening after %s\n", what, r.Ready.Round(time.Millisecond))
	} else {
		fmt.Fprintf(out, "%s: listening after %s (%d state files in it)\n", what, r.Ready.Round(time.Millisecond), files)
	}
	tok, err := os.ReadFile(filepath.Join(o.StateDir, "control-token"))
	if err != nil {
		return nil, err
	}
	stats := StatsFunc(p.Ports.Control, strings.TrimSpace(string(tok)))
	settled := SettledStatsFunc(p.Ports.Control, strings.TrimSpace(string(tok)))
	if r.Idle, err = settled(); err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "  idle: %s\n", statsLine(r.Idle))
	ls, err := ReadFleet(o.StateDir)
	if err != nil {
		return nil, err
	}
	targets := make([]Target, len(ls))
	for i, l := range ls {
		if targets[i], err = o.Target(l); err != nil {
			return nil, err
		}
	}
	// one session per scenario on its first chassis, beside the same
	// chassis served alone
	if o.Sample > 0 {
		fmt.Fprintf(out, "  one session on the first chassis of each scenario, %d commands, round trip p50 / p99 (the same chassis served alone, measured right after):\n", o.Sample)
		for _, sc := range scs {
			i := firstOf(ls, FleetScenarioName(sc))
			if i < 0 {
				continue
			}
			s := Sample{Scenario: sc}
			res, err := Run(Options{Targets: []Target{targets[i]}, Sessions: 1, Commands: o.Sample, Timeout: 30 * time.Second})
			if err != nil {
				return nil, err
			}
			s.Fleet, s.FleetErrs, s.ErrSamples = res.RTT, res.Errors, res.ErrorSamples
			if first {
				if alone, err := aloneSample(o, sc); err != nil {
					return nil, err
				} else {
					s.Alone, s.AloneErrs = alone.RTT, alone.Errors
					s.ErrSamples = append(s.ErrSamples, alone.ErrorSamples...)
				}
			}
			r.Samples = append(r.Samples, s)
			name := sc
			if name == "" {
				name = "default"
			}
			line := fmt.Sprintf("    %-10s %s / %s", name, msOf(s.Fleet.P50), msOf(s.Fleet.P99))
			if first {
				line += fmt.Sprintf("   (alone %s / %s)", msOf(s.Alone.P50), msOf(s.Alone.P99))
			}
			if s.FleetErrs+s.AloneErrs > 0 {
				line += fmt.Sprintf("   %d errors: %s", s.FleetErrs+s.AloneErrs, strings.Join(s.ErrSamples, "; "))
			}
			fmt.Fprintln(out, line)
		}
	}
	if o.Visit && first {
		sessions := 50
		if sessions > len(targets) {
			sessions = len(targets)
		}
		res, err := Run(Options{Targets: targets, Sessions: sessions, Rounds: (len(targets) + sessions - 1) / sessions,
			Commands: 1, Timeout: time.Minute, Stats: stats})
		if err != nil {
			return nil, err
		}
		r.Visit = res
		if r.Visited, err = settled(); err != nil {
			return nil, err
		}
		per := func(a, b uint64, n int) string {
			if n == 0 || a < b {
				return "-"
			}
			return fmt.Sprintf("%.1f KB", float64(a-b)/float64(n)/1024)
		}
		built := r.Visited.Touched - r.Idle.Touched
		fmt.Fprintf(out, "  a session on every chassis (%d, %d at a time, one command each): %d errors, %.0f sessions/s, peak RSS %s\n",
			res.Sessions+res.Errors, sessions, res.Errors, res.SessionsPerSec(), mbOf(res.Peak.RSS))
		for _, e := range res.ErrorSamples {
			fmt.Fprintf(out, "    %s\n", e)
		}
		fmt.Fprintf(out, "  after: %s\n", statsLine(r.Visited))
		fmt.Fprintf(out, "  a built idle chassis: %s of RSS, %s of heap (%d built)\n",
			per(r.Visited.RSS, r.Idle.RSS, built), per(r.Visited.HeapInuse, r.Idle.HeapInuse, built), built)
	}
	if o.Hold > 0 && first {
		r.HeldBase, _ = settled()
		held, err := holdSessions(targets, o.Hold)
		if err != nil {
			return nil, err
		}
		r.HeldN = len(held)
		r.Held, err = settled()
		for _, h := range held {
			h.conn.Close()
		}
		if err != nil {
			return nil, err
		}
		per := func(a, b uint64) string {
			if a < b || r.HeldN == 0 {
				return "-"
			}
			return fmt.Sprintf("%.1f KB", float64(a-b)/float64(r.HeldN)/1024)
		}
		fmt.Fprintf(out, "  %d sessions open at once (logged in, at the prompt): %s; a session: %s of RSS, %s of heap\n",
			r.HeldN, statsLine(r.Held), per(r.Held.RSS, r.HeldBase.RSS), per(r.Held.HeapInuse, r.HeldBase.HeapInuse))
	}
	t0 := time.Now()
	p.Cmd.Process.Signal(syscall.SIGTERM)
	p.Cmd.Wait()
	stopped = true
	r.Stop = time.Since(t0)
	if m := savedLine.FindSubmatch(p.stderr.Bytes()); m != nil {
		r.Saved, _ = strconv.Atoi(string(m[1]))
		r.SaveTook = string(m[3])
	}
	fmt.Fprintf(out, "  SIGTERM to exit: %s (it saved %d changed chassis in %s)\n", r.Stop.Round(time.Millisecond), r.Saved, r.SaveTook)
	return r, nil
}

// savedLine is what serve prints after saving on stop.
var savedLine = regexp.MustCompile(`saved (\d+) changed chassis of (\d+) in (\S+)`)

func msOf(d time.Duration) string { return fmt.Sprintf("%.3f ms", float64(d)/1e6) }

func firstOf(ls []server.Listed, prefix string) int {
	for i, l := range ls {
		if strings.HasPrefix(l.Name, prefix) {
			return i
		}
	}
	return -1
}

// aloneSample runs the sample session on a server of the scenario's
// chassis alone.
func aloneSample(o FleetOptions, sc string) (*Result, error) {
	dir, err := os.MkdirTemp("", "switchsim-alone-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	args := []string{"--state-dir", dir, "--listen", "127.0.0.1:0", "--console1", "off", "--console2", "off",
		"--netconf", "off", "--web", "off", "--control", "off", "--quiet", "--auth-fail-delay", "0"}
	if sc != "" {
		args = append(args, "--scenario", sc)
	}
	args = append(args, o.ServeArgs...)
	p, err := StartServe(o.Bin, args...)
	if err != nil {
		return nil, err
	}
	defer p.Stop()
	// its listing is written right after its line
	var ls []server.Listed
	for i := 0; i < 200; i++ {
		if ls, err = ReadFleet(dir); err == nil && len(ls) == 1 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(ls) != 1 {
		return nil, fmt.Errorf("the %s server alone wrote no listing: %v", sc, err)
	}
	tg, err := o.Target(ls[0])
	if err != nil {
		return nil, err
	}
	tg.Addr = p.Ports.Chassis[0].Mgmt
	return Run(Options{Targets: []Target{tg}, Sessions: 1, Commands: o.Sample, Timeout: 30 * time.Second})
}

// holdSessions logs n sessions in, spread over the targets, and leaves
// them open.
func holdSessions(targets []Target, n int) ([]*liveSession, error) {
	var (
		mu   sync.Mutex
		out  []*liveSession
		errs []error
		wg   sync.WaitGroup
	)
	next := make(chan int)
	for w := 0; w < 50; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s, err := login(Options{Width: 80, Height: 24, Timeout: time.Minute}, targets[i%len(targets)])
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else {
					out = append(out, s)
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		for _, s := range out {
			s.conn.Close()
		}
		return nil, fmt.Errorf("holding %d sessions: %d failed, the first: %v", n, len(errs), errs[0])
	}
	return out, nil
}

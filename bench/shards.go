package bench

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/switchsim/switchsim/server"
)

// ShardOptions configure "switchsim bench shards": the scale Kubernetes
// shards are for, simulated on one machine. One inventory is served by
// Shards processes at once, shard i of N on its own loopback address
// 127.0.(i+1).1 in port blocks from BasePort (as each pod of the
// StatefulSet has its own address and the same ports); a client logs in
// on a sample of chassis in every shard, then on every chassis (memory
// per chassis), and every shard is stopped with SIGTERM at once (its save
// time against Kubernetes' 30 s grace period).
type ShardOptions struct {
	Bin      string
	StateDir string
	Shards   int
	Chassis  int
	// Scenarios the chassis are spread over (nil: the default one).
	Scenarios []string
	BasePort  int
	Block     int
	// Sample is how many chassis of each shard a client logs in to
	// first (one command each).
	Sample int
	// Visit logs in on every chassis of every shard (one command each).
	Visit bool
	// Target: as for FleetOptions.
	Target    func(server.Listed) (Target, error)
	Out       io.Writer
	ServeArgs []string
}

// ShardRun is one shard's figures.
type ShardRun struct {
	Index    int
	Address  string
	Chassis  int
	Ready    time.Duration // exec to its first line (every chassis listening)
	Idle     server.Stats
	Sample   *Result
	Visit    *Result
	Visited  server.Stats
	Stop     time.Duration // SIGTERM to exit
	Saved    int
	SaveTook string
}

// GracePeriod is Kubernetes' default terminationGracePeriodSeconds.
const GracePeriod = 30 * time.Second

// RunShards runs the simulation and reports to o.Out.
func RunShards(o ShardOptions) ([]ShardRun, error) {
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.Shards < 1 || o.Shards > 254 {
		return nil, fmt.Errorf("--shards %d: 1 to 254 (shard i on 127.0.(i+1).1)", o.Shards)
	}
	if o.Block == 0 {
		o.Block = server.MinBlock
	}
	scs := o.Scenarios
	if len(scs) == 0 {
		scs = []string{""}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "base-port: %d\nblock: %d\nchassis:\n", o.BasePort, o.Block)
	chassisEntries(&b, scs, o.Chassis)
	inv := filepath.Join(o.StateDir, "fleet-shards.yaml")
	if err := os.WriteFile(inv, []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Out, "%d chassis (%s) in %d shards, one process each, shard i on 127.0.(i+1).1 in blocks of %d ports from %d\n",
		o.Chassis, strings.Join(scs, ", "), o.Shards, o.Block, o.BasePort)

	runs := make([]ShardRun, o.Shards)
	procs := make([]*Proc, o.Shards)
	dirs := make([]string, o.Shards)
	defer func() {
		for _, p := range procs {
			if p != nil && p.Cmd.ProcessState == nil {
				p.Kill()
			}
		}
	}()
	// every shard starts at once, as a StatefulSet's pods with
	// podManagementPolicy: Parallel
	t0 := time.Now()
	errs := make([]error, o.Shards)
	var wg sync.WaitGroup
	for i := 0; i < o.Shards; i++ {
		runs[i].Index, runs[i].Address = i, fmt.Sprintf("127.0.%d.1", i+1)
		dirs[i] = filepath.Join(o.StateDir, "shard-"+strconv.Itoa(i))
		args := append([]string{"--inventory", inv, "--shard", fmt.Sprintf("%d/%d", i, o.Shards), "--listen", runs[i].Address,
			"--state-dir", dirs[i], "--control", "127.0.0.1:0", "--quiet", "--auth-fail-delay", "0"}, o.ServeArgs...)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			procs[i], errs[i] = StartServe(o.Bin, args...)
		}(i)
	}
	wg.Wait()
	all := time.Since(t0)
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(o.Out, "every shard listening after %s (started at once)\n", all.Round(time.Millisecond))
	settled := make([]func() (server.Stats, error), o.Shards)
	stats := make([]func() (server.Stats, error), o.Shards)
	targets := make([][]Target, o.Shards)
	total := 0
	for i, p := range procs {
		r := &runs[i]
		r.Ready = p.Ready.Sub(p.Started)
		tok, err := os.ReadFile(filepath.Join(dirs[i], "control-token"))
		if err != nil {
			return nil, err
		}
		settled[i] = SettledStatsFunc(p.Ports.Control, strings.TrimSpace(string(tok)))
		stats[i] = StatsFunc(p.Ports.Control, strings.TrimSpace(string(tok)))
		// the readiness probe, as Kubernetes runs it
		if out, err := exec.Command(o.Bin, "ctl", "--state-dir", dirs[i], "ready").CombinedOutput(); err != nil {
			return nil, fmt.Errorf("shard %d: ctl ready: %v: %s", i, err, out)
		}
		if r.Idle, err = settled[i](); err != nil {
			return nil, err
		}
		ls, err := ReadFleet(dirs[i])
		if err != nil {
			return nil, err
		}
		r.Chassis = len(ls)
		total += len(ls)
		for _, l := range ls {
			tg, err := o.Target(l)
			if err != nil {
				return nil, err
			}
			targets[i] = append(targets[i], tg)
		}
		fmt.Fprintf(o.Out, "  shard %d at %s: %d chassis, listening after %s, ctl ready: yes; idle: %s\n",
			i, r.Address, r.Chassis, r.Ready.Round(time.Millisecond), statsLine(r.Idle))
	}
	if total != o.Chassis {
		return nil, fmt.Errorf("the shards serve %d chassis, the inventory has %d", total, o.Chassis)
	}
	// a sample of each shard, spread over it
	if o.Sample > 0 {
		for i := range runs {
			var sample []Target
			n := len(targets[i])
			k := o.Sample
			if k > n {
				k = n
			}
			for j := 0; j < k; j++ {
				sample = append(sample, targets[i][j*n/k])
			}
			res, err := Run(Options{Targets: sample, Sessions: 10, Rounds: (len(sample) + 9) / 10, Commands: 1, Timeout: 30 * time.Second})
			if err != nil {
				return nil, err
			}
			runs[i].Sample = res
			fmt.Fprintf(o.Out, "  shard %d: a client logged in to %d sampled chassis: %d errors, login p50 %s\n", i, res.Sessions, res.Errors, msOf(res.Login.P50))
			for _, e := range res.ErrorSamples {
				fmt.Fprintf(o.Out, "    %s\n", e)
			}
		}
	}
	// every chassis of every shard, the shards at once
	if o.Visit {
		errs := make([]error, o.Shards)
		for i := range runs {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				ts := targets[i]
				sessions := 25
				if sessions > len(ts) {
					sessions = len(ts)
				}
				res, err := Run(Options{Targets: ts, Sessions: sessions, Rounds: (len(ts) + sessions - 1) / sessions, Commands: 1, Timeout: time.Minute, Stats: stats[i]})
				runs[i].Visit, errs[i] = res, err
				if err == nil {
					runs[i].Visited, errs[i] = settled[i]()
				}
			}(i)
		}
		wg.Wait()
		for i := range runs {
			if errs[i] != nil {
				return nil, errs[i]
			}
			r := runs[i]
			built := r.Visited.Touched - r.Idle.Touched
			per := "-"
			if built > 0 && r.Visited.RSS > r.Idle.RSS {
				per = fmt.Sprintf("%.1f KB", float64(r.Visited.RSS-r.Idle.RSS)/float64(built)/1024)
			}
			fmt.Fprintf(o.Out, "  shard %d: a session on every chassis (%d sessions over its %d): %d errors, %.0f sessions/s, peak RSS %s; after: %s; a built idle chassis %s of RSS\n",
				i, r.Visit.Sessions+r.Visit.Errors, r.Chassis, r.Visit.Errors, r.Visit.SessionsPerSec(), mbOf(r.Visit.Peak.RSS), statsLine(r.Visited), per)
			for _, e := range r.Visit.ErrorSamples {
				fmt.Fprintf(o.Out, "    %s\n", e)
			}
		}
		var idle, visited uint64
		built := 0
		for _, r := range runs {
			idle += r.Idle.RSS
			visited += r.Visited.RSS
			built += r.Visited.Touched
		}
		if built > 0 {
			fmt.Fprintf(o.Out, "all shards: RSS %s idle, %s with every chassis built (%d): %.1f KB a chassis in all, %.1f KB a built chassis over idle\n",
				mbOf(idle), mbOf(visited), built, float64(visited)/float64(built)/1024, float64(visited-idle)/float64(built)/1024)
		}
	}
	// SIGTERM to every shard at once, as a rollout or a delete does
	t0 = time.Now()
	for i, p := range procs {
		wg.Add(1)
		go func(i int, p *Proc) {
			defer wg.Done()
			p.Cmd.Process.Signal(syscall.SIGTERM)
			p.Cmd.Wait()
			runs[i].Stop = time.Since(t0)
			if m := savedLine.FindSubmatch(p.stderr.Bytes()); m != nil {
				runs[i].Saved, _ = strconv.Atoi(string(m[1]))
				runs[i].SaveTook = string(m[3])
			}
		}(i, p)
	}
	wg.Wait()
	worst := time.Duration(0)
	for _, r := range runs {
		fmt.Fprintf(o.Out, "  shard %d: SIGTERM to exit %s (saved %d changed chassis in %s)\n", r.Index, r.Stop.Round(time.Millisecond), r.Saved, r.SaveTook)
		if r.Stop > worst {
			worst = r.Stop
		}
	}
	verdict := "within"
	if worst > GracePeriod {
		verdict = "OVER"
	}
	fmt.Fprintf(o.Out, "the slowest shard stopped in %s: %s Kubernetes' default grace period of %s\n", worst.Round(time.Millisecond), verdict, GracePeriod)
	return runs, nil
}

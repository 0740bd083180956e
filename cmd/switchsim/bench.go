package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	load "github.com/switchsim/switchsim/bench"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

const benchUsage = `usage: switchsim bench [flags]                 load a running server
       switchsim bench startup --bin PATH [flags]  time start-up to the first prompt
       switchsim bench fleet --bin PATH [flags]    serve N chassis and measure the process
       switchsim bench shards --bin PATH [flags]   serve one inventory in N shard processes (127.0.(i+1).1)
       switchsim bench raw-server [--listen ADDR]  the yardstick: a bare SSH server

Load: opens --sessions SSH sessions at once against a running server (the
management address of every chassis in --state-dir's ports.json, or
--addr), each logs in, answers "Press any key", runs --command --commands
times and hangs up (a server painting its sessions, serve --terminal
vt100, is read as text: its escape sequences are removed); with --rounds each opens that many sessions one after
another (a closed loop). Reports sessions/s, commands/s, the round trip of
a command (sent to prompt back) at p50/p90/p99, errors, and the server's
RSS and goroutines from its control API (GET /v1/stats).

flags:
`

func bench(args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "startup":
			return benchStartup(args[1:])
		case "fleet":
			return benchFleet(args[1:])
		case "shards":
			return benchShards(args[1:])
		case "raw-server":
			return benchRawServer(args[1:])
		}
	}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	stateDir := fs.String("state-dir", defaultStateDir(), "state `directory` of the running server (ports.json, control-token)")
	addr := fs.String("addr", "", "comma-separated management `addresses` (default: every chassis in ports.json)")
	chassis := fs.String("chassis", "", "only this chassis `name` from ports.json")
	user := fs.String("user", "", "user `name` (default: each chassis's manager account from fleet.json; manager with --addr)")
	password := fs.String("password", "", "`password` (default: as for --user; manager with --addr)")
	sessions := fs.Int("sessions", 100, "concurrent `sessions`")
	rounds := fs.Int("rounds", 1, "sessions each of them opens in turn (closed loop)")
	commands := fs.Int("commands", 10, "commands per session")
	command := fs.String("command", "", "the `command` to run (default: the vendor's, \"show version\")")
	setup := fs.String("setup", "", "semicolon-separated `lines` to run after login, untimed (e.g. \"no page\")")
	expect := fs.String("expect", "", "`text` every command's output must contain")
	timeout := fs.Duration("timeout", 30*time.Second, "limit for each step (dial, login, one command)")
	noStats := fs.Bool("no-stats", false, "do not read the server's stats (a server without control API)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	fs.Usage = func() { fmt.Fprint(fs.Output(), benchUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	o := load.Options{Sessions: *sessions, Rounds: *rounds,
		Commands: *commands, Command: *command, Expect: *expect, Timeout: *timeout}
	if *setup != "" {
		o.Setup = strings.Split(*setup, ";")
	}
	if *addr != "" {
		// a bare address: the 8212zl's login unless told otherwise
		o.User, o.Password, o.AnyKey = "manager", "manager", "Press any key to continue"
		if *user != "" || *password != "" {
			o.User, o.Password = *user, *password
		}
		o.Addrs = strings.Split(*addr, ",")
	} else {
		ls, err := load.ReadFleet(*stateDir)
		if err != nil {
			return fmt.Errorf("no addresses: give --addr, or --state-dir of a running server (%v)", err)
		}
		for _, l := range ls {
			if *chassis != "" && l.Name != *chassis {
				continue
			}
			v, err := vendors.Lookup(l.Vendor)
			if err != nil {
				return err
			}
			tx := v.Texts()
			tg := load.Target{Addr: l.Mgmt, User: l.ManagerUser, Password: l.ManagerPassword, AnyKey: tx.AnyKey}
			if tx.Prompt != "" {
				if tg.Prompt, err = regexp.Compile(tx.Prompt); err != nil {
					return err
				}
			}
			if *user != "" || *password != "" {
				tg.User, tg.Password = *user, *password
			}
			if o.Command == "" {
				o.Command, o.Expect = tx.BenchCommand, tx.BenchExpect
				if *expect != "" {
					o.Expect = *expect
				}
			}
			o.Targets = append(o.Targets, tg)
		}
		if len(o.Targets) == 0 {
			return fmt.Errorf("no chassis %q in %s", *chassis, *stateDir)
		}
	}
	if !*noStats {
		st, err := load.ServerStats(*stateDir)
		if err != nil {
			return fmt.Errorf("server stats (--no-stats to go without): %w", err)
		}
		o.Stats = st
	}
	res, err := load.Run(o)
	if err != nil {
		return err
	}
	if *asJSON {
		b, _ := json.MarshalIndent(res, "", "  ")
		fmt.Printf("%s\n", b)
	} else {
		n := len(o.Targets)
		if n == 0 {
			n = len(o.Addrs)
		}
		fmt.Printf("%d sessions x %d x %q, %d at a time, against %d address(es)\n", *sessions**rounds, *commands, o.Command, *sessions, n)
		fmt.Print(res)
	}
	if res.Errors > 0 {
		return exitCode(1)
	}
	return nil
}

func benchStartup(args []string) error {
	fs := flag.NewFlagSet("bench startup", flag.ContinueOnError)
	bin := fs.String("bin", "bin/switchsim", "switchsim `binary` to start")
	runs := fs.Int("runs", 20, "timed starts (after one that creates the state)")
	dir := fs.String("state-dir", "", "state `directory` (default: a new temporary one)")
	terminal := fs.String("terminal", defaultTerminal, "serve's terminal `mode` (vt100 or plain)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "switchsim-startup-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	rs, err := load.Startup(*bin, *dir, *runs, "--terminal", *terminal)
	if err != nil {
		return err
	}
	var listen, prompt []time.Duration
	for _, r := range rs {
		listen = append(listen, r.Listening)
		prompt = append(prompt, r.Prompt)
	}
	line := func(name string, ds []time.Duration) {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		fmt.Printf("%-40s min %6.1fms  median %6.1fms  max %6.1fms\n", name,
			float64(ds[0])/1e6, float64(ds[len(ds)/2])/1e6, float64(ds[len(ds)-1])/1e6)
	}
	fmt.Printf("%d starts with the state directory present\n", len(rs))
	line("exec to listening (address line):", listen)
	line("exec to first byte after Press any key:", prompt)
	return nil
}

func benchFleet(args []string) error {
	fs := flag.NewFlagSet("bench fleet", flag.ContinueOnError)
	bin := fs.String("bin", "bin/switchsim", "switchsim `binary` to start")
	n := fs.Int("chassis", 1000, "how many chassis")
	vendorList := fs.String("vendors", "", "built-in `scenarios` to spread the chassis over, comma-separated, or \"all\" (every built-in one: one chassis of each vendor's kinds); default: the default scenario")
	perChassis := fs.String("address-per-chassis", "", "give each chassis an address of its own from this `prefix` (e.g. 127.1.0.0/16) instead of port blocks on ephemeral ports")
	addrPorts := fs.String("address-ports", "", "with an address per chassis: the `ports` on each address, as for serve (default ssh=2222,netconf=8830)")
	visit := fs.Bool("visit", true, "log in once on every chassis and run its vendor's bench command")
	sample := fs.Int("sample", 200, "`commands` one session runs on the first chassis of each scenario, beside the same chassis served alone (0: none)")
	hold := fs.Int("hold", 500, "`sessions` held open at once to measure what one costs (0: none)")
	dir := fs.String("state-dir", "", "state `directory` (default: a new temporary one)")
	terminal := fs.String("terminal", defaultTerminal, "serve's terminal `mode` (vt100 or plain)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	var scs []string
	switch *vendorList {
	case "":
	case "all":
		for _, b := range vendors.Scenarios() {
			scs = append(scs, b.Name)
		}
	default:
		for _, sc := range strings.Split(*vendorList, ",") {
			sc = strings.TrimSpace(sc)
			if _, err := vendors.Scenario(sc, nil); err != nil {
				return err
			}
			scs = append(scs, sc)
		}
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "switchsim-fleet-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	_, err := load.RunFleet(load.FleetOptions{Bin: *bin, StateDir: *dir, Chassis: *n, Scenarios: scs, AddressPerChassis: *perChassis,
		Visit: *visit, Sample: *sample, Hold: *hold, Target: fleetTarget, Out: os.Stdout, ServeArgs: []string{"--terminal", *terminal}, AddressPorts: *addrPorts})
	return err
}

// fleetTarget is how the bench logs in on a chassis of a fleet and what
// it runs there: its vendor's texts.
func fleetTarget(l server.Listed) (load.Target, error) {
	v, err := vendors.Lookup(l.Vendor)
	if err != nil {
		return load.Target{}, err
	}
	tx := v.Texts()
	tg := load.Target{Addr: l.Mgmt, User: l.ManagerUser, Password: l.ManagerPassword, AnyKey: tx.AnyKey,
		Command: tx.BenchCommand, Expect: tx.BenchExpect}
	if tx.Prompt != "" {
		if tg.Prompt, err = regexp.Compile(tx.Prompt); err != nil {
			return tg, err
		}
	}
	return tg, nil
}

func benchRawServer(args []string) error {
	fs := flag.NewFlagSet("bench raw-server", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:0", "`address` to listen on")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	s, err := load.NewRawServer(*listen)
	if err != nil {
		return err
	}
	fmt.Println(s.Addr())
	go s.Serve()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	s.Close()
	return nil
}

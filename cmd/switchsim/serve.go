package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// serveFlags are the flags of serve (and record).
type serveFlags struct {
	fs          *flag.FlagSet
	scenario    string
	inventory   string
	listen      string
	console1    string
	console2    string
	telnet      string
	netconf     string
	web         string
	control     string
	stateDir    string
	images      string
	timeScale   float64
	humanWait   time.Duration
	coldBoot    bool
	maxSessions int
	idle        time.Duration
	authDelay   time.Duration
	quiet       bool
	terminal    string
	// a fleet (scale.go)
	addressPerChassis string
	addressPorts      string
	sessionReserve    int
	// exposure and shards (exposure.go)
	credentials    string
	trustedNetwork bool
	shard          string
}

// defaultTerminal is serve's terminal mode unless --terminal says.
const defaultTerminal = server.TerminalVT100

func defaultStateDir() string {
	if d := os.Getenv(envStateDir); d != "" {
		return d
	}
	if d := os.Getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "switchsim")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "state", "switchsim")
	}
	return "switchsim-state"
}

func newServeFlags(name string) *serveFlags {
	f := &serveFlags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	fs := f.fs
	fs.StringVar(&f.scenario, "scenario", envOr(envScenario, vendors.DefaultScenario), "the chassis: a built-in scenario's `name` (switchsim scenarios lists them) or a scenario file (YAML)")
	fs.StringVar(&f.inventory, "inventory", "", "inventory `file` (YAML): serve many chassis, each with its own block of ports")
	fs.StringVar(&f.listen, "listen", withHost(server.DefaultMgmt), "management `address` (the active module's CLI); 127.0.0.1:0 picks a free port; with --inventory, the address (no port) every port block listens on, over the inventory's listen")
	fs.StringVar(&f.console1, "console1", withHost(server.DefaultConsole1), "`address` of management module 1's console (\"off\" to disable)")
	fs.StringVar(&f.console2, "console2", withHost(server.DefaultConsole2), "`address` of management module 2's console (\"off\" to disable)")
	fs.StringVar(&f.telnet, "telnet", "", "telnet `address` for the management CLI (off unless given)")
	fs.StringVar(&f.netconf, "netconf", withHost(server.DefaultNETCONF), "NETCONF-only `address` (the stand-in for port 830), for a vendor with NETCONF (Junos) and open while its configuration has \"system services netconf ssh\" (\"off\" to disable)")
	fs.StringVar(&f.web, "web", withHost(server.DefaultWeb), "web interface `address` (HTTP; with --inventory, only \"off\" is taken: a fleet's web ports follow its port map)")
	fs.StringVar(&f.control, "control", server.DefaultControl, "control API `address` (\"off\" to disable)")
	fs.StringVar(&f.stateDir, "state-dir", defaultStateDir(), "`directory` keeping flash, configs, logs, boot history and host keys across restarts")
	fs.StringVar(&f.images, "images", os.Getenv(envImages), "images `directory` standing in for the TFTP server (default: built-in releases)")
	fs.Float64Var(&f.timeScale, "time-scale", 1, "compress every duration by this `factor` (0.01 = 100x faster; the shown clock runs faster too)")
	fs.DurationVar(&f.humanWait, "human-wait", 3*time.Second, "the least wall `time` a wait for a person (the boot profile menu) lasts, whatever --time-scale (0 = scaled like the rest)")
	fs.BoolVar(&f.coldBoot, "cold-boot", false, "start from power-on (boot output on the module consoles) instead of booted")
	fs.IntVar(&f.maxSessions, "max-sessions", 0, "refuse management sessions beyond `n` per chassis (0 = no limit)")
	fs.DurationVar(&f.idle, "idle-timeout", 0, "end sessions idle this `long` (0 = never)")
	fs.DurationVar(&f.authDelay, "auth-fail-delay", time.Second, "slow a client down this `long` after each wrong login")
	fs.BoolVar(&f.quiet, "quiet", false, "print only the JSON line of addresses")
	fs.StringVar(&f.terminal, "terminal", defaultTerminal, "`mode` of interactive sessions: vt100 paints them as the switch does (the 8212zl's cursor addressing; its \"console terminal none\" turns it off), plain sends plain lines (other vendors send plain lines either way)")
	f.fleetFlags()
	f.exposureFlags()
	return f
}

func (f *serveFlags) parse(args []string) error {
	f.fs.Usage = func() {
		what := ""
		if f.fs.Name() == "record" {
			what = "Records everything that happens on the server (every console, control event\nand the clock between them) and writes it as a transcript when stopped.\n"
		}
		fmt.Fprintf(f.fs.Output(), "usage: switchsim %s [flags]\n\n%sServes chassis over SSH on loopback. The first line printed is a JSON object\nwith every address (useful with :0 ports); the same is written to ports.json\nin the state directory.\n\nflags:\n", f.fs.Name(), what)
		f.fs.PrintDefaults()
	}
	if err := f.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	if err := server.CheckTerminal(f.terminal); err != nil {
		fmt.Fprintf(os.Stderr, "switchsim %s: --%v\n", f.fs.Name(), err)
		return exitCode(2)
	}
	if f.fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "switchsim %s: unexpected argument %q\n", f.fs.Name(), f.fs.Arg(0))
		return exitCode(2)
	}
	return nil
}

func off(s string) string {
	if s == "off" {
		return ""
	}
	return s
}

// controlToken reads the token kept in the state directory, making one on
// first use.
func controlToken(dir string) (string, error) {
	path := filepath.Join(dir, "control-token")
	if b, err := os.ReadFile(path); err == nil {
		if t := strings.TrimSpace(string(b)); t != "" {
			return t, nil
		}
	}
	var raw [16]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", err
	}
	t := hex.EncodeToString(raw[:])
	if err := server.WriteAtomic(path, []byte(t+"\n"), nil); err != nil {
		return "", err
	}
	return t, nil
}

// lockStateDir makes the state directory and holds it for this process:
// a second server on the same directory refuses to start, naming the
// directory and the first one's pid, instead of rewriting its files.
func (f *serveFlags) lockStateDir() (func(), error) {
	if err := os.MkdirAll(f.stateDir, 0o700); err != nil {
		return nil, err
	}
	return server.LockDir(f.stateDir)
}

// config builds the server configuration from the flags.
func (f *serveFlags) config() (server.Config, error) {
	cfg := server.Config{
		Vendors:       vendors.Registry,
		TimeScale:     f.timeScale,
		HumanWait:     f.humanWait,
		MaxSessions:   f.maxSessions,
		IdleTimeout:   f.idle,
		AuthFailDelay: f.authDelay,
		Terminal:      f.terminal,
		Logf:          func(format string, a ...any) { fmt.Fprintf(os.Stderr, format+"\n", a...) },
	}
	if err := os.MkdirAll(f.stateDir, 0o700); err != nil {
		return cfg, err
	}
	cfg.TFTPOut = filepath.Join(f.stateDir, "tftp")
	if f.images != "" {
		cat, err := scenario.OpenCatalog(f.images)
		if err != nil {
			return cfg, err
		}
		cfg.Images = cat
	} else {
		cfg.Images = scenario.Builtin()
	}
	if f.inventory == "" && (f.addressPerChassis != "" || f.addressPorts != "") {
		return cfg, errors.New("--address-per-chassis and --address-ports serve a fleet: give --inventory too")
	}
	if f.inventory == "" && f.shard != "" {
		return cfg, errors.New("--shard serves a shard of a fleet: give --inventory too")
	}
	pw, err := f.passwords()
	if err != nil {
		return cfg, err
	}
	if f.inventory != "" {
		if err := f.fleetConfig(&cfg); err != nil {
			return cfg, err
		}
	} else {
		sc, err := vendors.Load(f.scenario, cfg.Images)
		if err != nil {
			return cfg, err
		}
		cfg.Chassis = []server.ChassisConfig{{
			Name: "chassis1", Scenario: sc, Mgmt: f.listen,
			Consoles:  []string{off(f.console1), off(f.console2)},
			Telnet:    f.telnet,
			NETCONF:   off(f.netconf),
			Web:       off(f.web),
			StateFile: filepath.Join(f.stateDir, "state.json"),
			ColdBoot:  f.coldBoot,
		}}
	}
	for i := range cfg.Chassis {
		cfg.Chassis[i].Passwords = pw
	}
	if c := off(f.control); c != "" {
		tok, err := controlToken(f.stateDir)
		if err != nil {
			return cfg, err
		}
		cfg.Control, cfg.ControlToken = c, tok
		if len(server.OffLoopback([]string{c})) > 0 {
			return cfg, fmt.Errorf("--control %s: the control API listens on loopback only (with its token); in a container, run switchsim ctl there: docker exec NODE /switchsim ctl --state-dir /state state", c)
		}
	}
	if err := f.checkExposure(cfg); err != nil {
		return cfg, err
	}
	cfg.TrustedNetwork = f.trustedNetwork
	return cfg, nil
}

// portsReport is the machine-readable first line.
type portsReport struct {
	Chassis  []server.Addrs `json:"chassis"`
	Control  string         `json:"control,omitempty"`
	StateDir string         `json:"stateDir"`
	// PortMap says how a fleet's ports are laid out (server/ports.go)
	PortMap *server.PortMap `json:"portMap,omitempty"`
}

func serve(args []string, started func(*server.Server)) error {
	f := newServeFlags("serve")
	if err := f.parse(args); err != nil {
		return err
	}
	return runServer(f, os.Stdout, started)
}

func runServer(f *serveFlags, out io.Writer, started func(*server.Server)) error {
	t0 := time.Now()
	unlock, err := f.lockStateDir()
	if err != nil {
		return err
	}
	defer unlock()
	cfg, err := f.config()
	if err != nil {
		return err
	}
	srv, err := server.Start(cfg)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			srv.Close()
		}
	}()
	rep := portsReport{Chassis: srv.Addrs(), Control: srv.ControlAddr(), StateDir: f.stateDir, PortMap: srv.PortMap()}
	line, _ := json.Marshal(rep)
	// the files first: whoever reads the line may read them next (a
	// fleet's listings too: bench and inventory read fleet.json)
	server.WriteAtomic(filepath.Join(f.stateDir, "ports.json"), append(line, '\n'), nil)
	if rep.PortMap != nil {
		if err := writeListings(f.stateDir, srv); err != nil {
			fmt.Fprintln(os.Stderr, "switchsim: writing the fleet listings:", err)
		}
	}
	fmt.Fprintf(out, "%s\n", line)
	if rep.PortMap == nil {
		if err := writeListings(f.stateDir, srv); err != nil {
			fmt.Fprintln(os.Stderr, "switchsim: writing the fleet listings:", err)
		}
	}
	if !f.quiet {
		printWelcome(out, srv, cfg, f, time.Since(t0))
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	if started != nil {
		started(srv)
	}
	<-sig
	// stopping is a power cycle of every chassis: say which ones lose a
	// running config that was never saved
	var unsaved []string
	for _, h := range srv.Touched() {
		if h.State().Unsaved {
			unsaved = append(unsaved, h.Name)
		}
	}
	if len(unsaved) > 0 {
		fmt.Fprintf(stderr, "switchsim: warning: the unsaved running-config of %s is lost: the next start is a power cycle (write memory saves it)\n",
			nameList(unsaved))
	}
	fmt.Fprintln(stderr, "switchsim: stopping; state saved in", f.stateDir)
	closed = true
	srv.Close()
	if n, took := srv.StopReport(); len(srv.Addrs()) > 1 {
		fmt.Fprintf(stderr, "switchsim: saved %d changed chassis of %d in %s\n", n, len(srv.Addrs()), took.Round(time.Millisecond))
	}
	return nil
}

// stderr is where serve reports (tests replace it).
var stderr io.Writer = os.Stderr

func port(addr string) string {
	if i := strings.LastIndexByte(addr, ':'); i >= 0 {
		return addr[i+1:]
	}
	return addr
}

func hostPart(addr string) string {
	if i := strings.LastIndexByte(addr, ':'); i >= 0 {
		return addr[:i]
	}
	return addr
}

func printWelcome(out io.Writer, srv *server.Server, cfg server.Config, f *serveFlags, took time.Duration) {
	if n := len(srv.Addrs()); n > 4 || srv.PortMap() != nil && srv.PortMap().Scheme == "address" {
		printFleetWelcome(out, srv, f, n, took.Round(time.Millisecond).String())
		return
	}
	for i, a := range srv.Addrs() {
		st := srv.Hosts()[i].State()
		sc := cfg.Chassis[i].Scenario
		var mu, mp, ou, op string
		if sc != nil {
			cr := sc.Chassis.Credentials
			mu, mp, ou, op = cr.ManagerUser, cr.ManagerPassword, cr.OperatorUser, cr.OperatorPassword
		}
		fmt.Fprintf(out, "\nswitchsim: %s is up (%s, started in %s)\n", a.Name, st.Hostname, took.Round(time.Millisecond))
		for _, m := range st.Modules {
			fmt.Fprintf(out, "  %s: %s %s\n", m.Label, m.State, m.Running)
		}
		h := hostPart(a.Mgmt)
		pw := func(p string) string {
			if p == "" {
				return "no password"
			}
			return "password: " + p
		}
		fmt.Fprintf(out, "\n  management CLI (the active module):\n")
		fmt.Fprintf(out, "    ssh -p %s %s@%s      (%s)\n", port(a.Mgmt), mu, h, pw(mp))
		if ou != "" {
			fmt.Fprintf(out, "    ssh -p %s %s@%s     (%s)\n", port(a.Mgmt), ou, h, pw(op))
		}
		roles := srv.Hosts()[i].Chassis().Profile.RoleConsoles
		for j, c := range a.Consoles {
			label := fmt.Sprint(j + 1)
			switch {
			case j < len(roles):
				label = roles[j] // ports wired by role
			case j < len(st.Modules):
				label = st.Modules[j].Label
			}
			fmt.Fprintf(out, "  %s console:  ssh -p %s %s@%s\n", label, port(c), mu, hostPart(c))
		}
		if a.Telnet != "" {
			fmt.Fprintf(out, "  telnet:            telnet %s %s\n", hostPart(a.Telnet), port(a.Telnet))
		}
		if a.NETCONF != "" {
			fmt.Fprintf(out, "  NETCONF:           ssh -p %s %s@%s -s netconf   (also the netconf subsystem on %s)\n", port(a.NETCONF), mu, hostPart(a.NETCONF), port(a.Mgmt))
		}
		if a.Web != "" {
			fmt.Fprintf(out, "  web interface:     http://%s/   (%s)\n", a.Web, webLogin(mu, mp, ou, op))
		}
	}
	if c := srv.ControlAddr(); c != "" {
		fmt.Fprintf(out, "\n  control API: http://%s  (token in %s)\n", c, filepath.Join(f.stateDir, "control-token"))
		fmt.Fprintf(out, "    switchsim ctl --state-dir %s state\n", f.stateDir)
	}
	paints := false
	for _, h := range srv.Hosts() {
		paints = paints || h.Vendor.Console().Paint != nil
	}
	if paints {
		if cfg.Terminal == server.TerminalVT100 {
			fmt.Fprintf(out, "  terminal: vt100, sessions are painted as the switch paints them (--terminal plain: plain lines)\n")
		} else {
			fmt.Fprintf(out, "  terminal: plain lines (--terminal vt100 paints sessions as the switch does)\n")
		}
	}
	fmt.Fprintf(out, "  state kept in %s; Ctrl-C stops.\n", f.stateDir)
}

// webLogin says how to log in to the web interface.
func webLogin(mu, mp, ou, op string) string {
	if mp == "" && op == "" {
		return "no password: loopback only"
	}
	s := "log in as " + mu
	if ou != "" && op != "" {
		s += " or " + ou
	}
	return s + ", the CLI's passwords"
}

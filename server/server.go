// Package server serves chassis over SSH (and telnet): the management
// address lands on the active module's CLI, each management module has a
// console port that follows it through reboots, and an HTTP control API
// presses the buttons and pulls the modules that a real chassis has. It is
// importable, so tests, the Go test helper and the recorder start servers
// in-process; cmd/switchsim only parses flags.
package server

import (
	"errors"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

// Default listen addresses of a single chassis: loopback only.
const (
	DefaultMgmt     = "127.0.0.1:2222"
	DefaultConsole1 = "127.0.0.1:2301"
	DefaultConsole2 = "127.0.0.1:2302"
	DefaultControl  = "127.0.0.1:8080"
)

// ChassisConfig is one chassis to serve.
type ChassisConfig struct {
	Name     string
	Scenario *scenario.Scenario
	Mgmt     string   // management address
	Consoles []string // one per management module slot
	Telnet   string   // telnet on the management address; "" = off
	// NETCONF is the NETCONF-only port ("" = none); served only for a
	// vendor with an XML API, and open only while its configuration
	// lets NETCONF in.
	NETCONF string
	// Web is the web interface's address ("" = off; web.go): loopback
	// unless a rule on listeners allows otherwise.
	Web string
	// StateFile keeps the chassis across restarts; "" = nothing is saved.
	StateFile string
	// ColdBoot starts from power-on instead of booted.
	ColdBoot bool
	// State, when set, is a saved state (a state file's content) to start
	// from instead of the scenario: a recording's snapshot.
	State []byte
	// Hostname is the one the inventory gave ("": the scenario's).
	Hostname string
	// Address is the chassis's own address in a fleet served with an
	// address per chassis (Mgmt, Telnet and NETCONF are on it), and
	// ConsoleLines name its module consoles on the console server
	// (Consoles are that server's address): log in as USER:LINE.
	Address      string
	ConsoleLines []string
	// Build, when set, makes the chassis's scenario when the chassis is
	// first touched (a fleet served with Config.Fleet); Scenario is then
	// a template shared with the other chassis of that scenario, read
	// for listings and never changed.
	Build func() (*scenario.Scenario, error)
	// Passwords, when set, replace its accounts' passwords whenever it
	// is built (exposure.go).
	Passwords *Passwords
}

// Vendors is the registry of vendors (package vendors) as the server
// needs it: the server names no vendor itself.
type Vendors interface {
	// Lookup finds a vendor by the name a scenario or state gives ("" =
	// the default).
	Lookup(name string) (commands.Vendor, error)
	// Profiles finds a vendor's profile, for reading scenario files.
	Profiles(name string) (*model.Profile, error)
	// Builtin parses a built-in scenario by name ("" = the default);
	// false when no built-in scenario has that name.
	Builtin(name string, cat *scenario.Catalog) (*scenario.Scenario, bool, error)
}

// Config configures a Server.
type Config struct {
	// Vendors resolves each chassis's vendor.
	Vendors Vendors
	// TrustedNetwork lets a chassis without passwords take logins from
	// off loopback too (--trusted-network; opendoor.go).
	TrustedNetwork bool
	Chassis        []ChassisConfig
	// Images is the TFTP stand-in (default: the built-in releases).
	Images *scenario.Catalog
	// TFTPOut receives copy crash-log uploads ("" = refused).
	TFTPOut string
	// TimeScale compresses every duration (0.01 = 100 times faster); the
	// shown clock runs faster accordingly.
	TimeScale float64
	// HumanWait is the least wall time a wait for a person (the boot
	// profile menu) lasts on a real clock, whatever TimeScale; 0: no
	// floor.
	HumanWait time.Duration
	// Virtual runs every chassis on a virtual clock that only moves with
	// Host.Advance (tests, transcripts).
	Virtual bool
	// Control is the control API address ("" = off) and its token.
	Control      string
	ControlToken string
	// AuthFailDelay slows a client down after each wrong login.
	AuthFailDelay time.Duration
	// MaxSessions limits management sessions per chassis (0 = no limit).
	MaxSessions int
	// IdleTimeout ends sessions idle this long (wall time; 0 = never).
	IdleTimeout time.Duration
	// LoginGrace is how long an SSH client may take to authenticate and
	// open a session (0: one minute; negative: no limit).
	LoginGrace time.Duration
	// EndGrace is how long a session told to end (switchover, kill, idle
	// timeout) may take before its transport is closed under it, as for
	// a client that stopped reading (0: 5 seconds).
	EndGrace time.Duration
	Logf     func(format string, args ...any)
	// Recorder, when set, sees every session and physical event.
	Recorder Recorder
	// Terminal is TerminalVT100 to paint interactive sessions as the
	// vendor's CLI does (paint.go); "" or TerminalPlain: plain lines.
	Terminal string
	// Fleet, when set, serves Chassis as a fleet (fleet.go): each
	// chassis built when first touched, listeners shared per port with
	// an address per chassis.
	Fleet *FleetConfig

	// wrapShell lets tests break a shell on purpose.
	wrapShell func(commands.Shell) commands.Shell
}

func (c Config) endGrace() time.Duration {
	if c.EndGrace <= 0 {
		return 5 * time.Second
	}
	return c.EndGrace
}

func (c Config) loginGrace() time.Duration {
	switch {
	case c.LoginGrace < 0:
		return 0
	case c.LoginGrace == 0:
		return time.Minute
	}
	return c.LoginGrace
}

// Addrs are where one chassis listens.
type Addrs struct {
	Name     string   `json:"name"`
	Mgmt     string   `json:"mgmt"`
	Consoles []string `json:"consoles"`
	Telnet   string   `json:"telnet,omitempty"`
	NETCONF  string   `json:"netconf,omitempty"`
	Web      string   `json:"web,omitempty"`
	// Address is the chassis's own address (an address per chassis);
	// its consoles are then lines of the console server, ConsoleLines
	// (log in there as USER:LINE).
	Address      string   `json:"address,omitempty"`
	ConsoleLines []string `json:"consoleLines,omitempty"`
}

// Server serves a set of chassis.
type Server struct {
	cfg     Config
	hosts   []*Host
	addrs   []Addrs
	byName  map[string]*Host
	closers []func() error
	control *controlServer
	wg      sync.WaitGroup
	closed  bool
	mu      sync.Mutex
	fleet   *fleet // a fleet's chassis (Config.Fleet)
	// what the last Close saved, and how long it took
	stopSaved int
	stopTook  time.Duration
}

// Start builds every chassis (from its state file when one exists, else
// from its scenario) and starts serving. On any error nothing is left
// running.
func Start(cfg Config) (*Server, error) {
	if cfg.Images == nil {
		cfg.Images = scenario.Builtin()
	}
	if cfg.Vendors == nil {
		return nil, errors.New("server: no vendor registry (Config.Vendors)")
	}
	if err := CheckTerminal(cfg.Terminal); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{cfg: cfg, byName: map[string]*Host{}}
	ok := false
	defer func() {
		if !ok {
			s.Close()
		}
	}()
	if cfg.Fleet != nil {
		if err := s.startFleet(); err != nil {
			return nil, err
		}
		cfg.Chassis = nil // the fleet serves them
	}
	for i, cc := range cfg.Chassis {
		if cc.Address != "" {
			return nil, fmt.Errorf("%s: a chassis with an address of its own is served in a fleet (Config.Fleet)", cc.Name)
		}
		if cc.Name == "" {
			cc.Name = fmt.Sprintf("chassis%d", i+1)
		}
		if _, dup := s.byName[cc.Name]; dup {
			return nil, fmt.Errorf("two chassis named %q", cc.Name)
		}
		h, err := s.buildHost(cc, buildOpts{})
		if err != nil {
			return nil, err
		}
		s.hosts = append(s.hosts, h)
		s.byName[cc.Name] = h
		a, err := s.listen(h, cc)
		if err != nil {
			return nil, err
		}
		s.addrs = append(s.addrs, a)
	}
	if cfg.Control != "" {
		if err := s.startControl(cfg.Control, cfg.ControlToken); err != nil {
			return nil, err
		}
	}
	ok = true
	return s, nil
}

// buildHost makes a chassis from its state file or scenario.
func (s *Server) buildHost(cc ChassisConfig, o buildOpts) (*Host, error) {
	sc := cc.Scenario
	var st *stateFile
	if cc.StateFile != "" || cc.State != nil {
		var err error
		if cc.State != nil {
			st, err = decodeState("snapshot", cc.State)
		} else {
			st, err = loadState(cc.StateFile)
		}
		if err != nil {
			return nil, err
		}
	}
	if sc == nil {
		if st == nil {
			return nil, fmt.Errorf("%s: no scenario and no saved state", cc.Name)
		}
		// a snapshot alone (a recording)
		sc = &scenario.Scenario{File: "snapshot", Chassis: &model.Chassis{}}
	}
	vendorName := sc.Vendor
	if st != nil && st.Vendor != "" {
		if cc.Scenario != nil && st.Vendor != sc.Vendor {
			return nil, fmt.Errorf("%s: %w: the state is of a %s chassis, the scenario of a %s one (move the state away to start from the scenario)",
				cc.StateFile, ErrDamaged, st.Vendor, sc.Vendor)
		}
		vendorName = st.Vendor
	}
	v, err := s.cfg.Vendors.Lookup(vendorName)
	if err != nil {
		return nil, err
	}
	c := sc.Chassis
	// the vendor's profile, or the one of its chassis the scenario chose
	// (its platform)
	platform := ""
	if c.Profile != nil {
		platform = c.Profile.Platform
	}
	prof, err := v.Profile().ForPlatform(platform)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sc.File, err)
	}
	c.Profile = prof
	var key []byte
	var savedAt time.Time
	restored := st != nil
	if restored {
		saved, err := v.Profile().ForPlatform(st.Platform)
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %v", cc.StateFile, ErrDamaged, err)
		}
		if cc.Scenario != nil && saved != prof {
			return nil, fmt.Errorf("%s: %w: the state is of a %s chassis, the scenario of a %s one (move the state away to start from the scenario)",
				cc.StateFile, ErrDamaged, saved.Platform, prof.Platform)
		}
		c, key, savedAt = st.Chassis, []byte(st.HostKey), st.Saved
		c.Profile = saved
		c.Timings = sc.Chassis.Timings
		if cc.Scenario == nil {
			c.Timings = c.Profile.Timings
		}
		c.Resume()
	}
	cc.Passwords.apply(&c.Credentials)
	start := sc.Clock
	if start.IsZero() {
		start = o.now().UTC().Truncate(time.Second)
	}
	if restored && cc.State != nil && !savedAt.IsZero() {
		start = savedAt
	} else if restored {
		// the clock never runs back across a restart
		if savedAt.After(start) {
			start = savedAt
		}
		if len(c.Log) > 0 && c.Log[len(c.Log)-1].Time.After(start) {
			start = c.Log[len(c.Log)-1].Time
		}
	}
	if err := c.Start(start); err != nil {
		return nil, fmt.Errorf("%s: %w", sc.File, err)
	}
	switch {
	case cc.ColdBoot:
		c.PowerCycle()
	case restored && cc.State == nil:
		// a restart of the emulator is a power cycle of the box: it
		// comes up booted, having lost the running config it did not
		// save, with its boot (from the moment it stopped) in the log
		// and its up time from then
		c.LogBootStory(savedAt)
	case !restored && len(c.Log) == 0:
		// a fresh chassis has the log of the boot that brought it up
		c.LogBootStory(time.Time{})
	}
	start = c.Now()
	var clock Clock
	if s.cfg.Virtual {
		clock = NewVirtualClock(start)
	} else {
		clock = o.realClock(start, s.cfg.TimeScale)
		// waits for a person keep their floor however fast time runs
		// (after the boot story, which shows the real durations)
		c.Timings = c.Timings.WithHumanFloor(s.cfg.HumanWait, s.cfg.TimeScale)
	}
	h := NewHost(cc.Name, v, c, clock, s.cfg.Images)
	h.endGrace = s.cfg.endGrace()
	h.paint = s.cfg.Terminal == TerminalVT100
	for _, u := range sc.Unreachable {
		h.unreachable[u] = true
	}
	h.tftpOut = s.cfg.TFTPOut
	h.keySecret = o.secret
	if err := h.setHostKey(key); err != nil {
		h.Close()
		return nil, fmt.Errorf("%s: host key: %w", cc.StateFile, err)
	}
	if cc.StateFile != "" && o.lazy {
		o.lazyStore(h, cc.StateFile)
	} else if cc.StateFile != "" {
		h.store = NewStore(cc.StateFile)
		h.mu.Lock()
		snap := &snapshot{data: encodeState(h.m, h.hostKey), durable: true}
		h.mu.Unlock()
		if err := h.store.write(snap.data); err != nil {
			h.Close()
			return nil, fmt.Errorf("state file: %w", err)
		}
	}
	h.Run()
	return h, nil
}

// listen opens the chassis's listeners.
func (s *Server) listen(h *Host, cc ChassisConfig) (Addrs, error) {
	a := Addrs{Name: h.Name}
	mgmt := cc.Mgmt
	if mgmt == "" {
		mgmt = DefaultMgmt
	}
	addr, err := s.serveSSH(h, mgmt, route{mgmt: true})
	if err != nil {
		return a, err
	}
	a.Mgmt = addr
	consoles := cc.Consoles
	if consoles == nil {
		consoles = []string{DefaultConsole1, DefaultConsole2}
	}
	for i, ca := range consoles {
		if i >= len(h.m.Modules) || ca == "" {
			continue
		}
		addr, err := s.serveSSH(h, ca, route{module: i})
		if err != nil {
			return a, err
		}
		a.Consoles = append(a.Consoles, addr)
	}
	if cc.Telnet != "" {
		addr, err := s.serveTelnet(h, cc.Telnet)
		if err != nil {
			return a, err
		}
		a.Telnet = addr
	}
	if cc.NETCONF != "" && h.xmlAPI() != nil {
		addr, err := s.serveSSH(h, cc.NETCONF, route{netconf: true})
		if err != nil {
			return a, err
		}
		a.NETCONF = addr
	}
	if cc.Web != "" {
		addr, err := s.serveWeb(h, cc.Web)
		if err != nil {
			return a, err
		}
		a.Web = addr
	}
	return a, nil
}

func (s *Server) serveSSH(h *Host, addr string, r route) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("%s: listen %s: %w", h.Name, addr, err)
	}
	f := newSSHFront(s, h, r)
	s.mu.Lock()
	// close the listener ourselves too: Serve may not have registered it
	// with the ssh server yet when Close runs
	s.closers = append(s.closers, l.Close, f.ssh.Close)
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f.ssh.Serve(l)
	}()
	return l.Addr().String(), nil
}

// Hosts lists the chassis (in a fleet, building every one).
func (s *Server) Hosts() []*Host {
	if s.fleet != nil {
		out := make([]*Host, 0, len(s.fleet.slots))
		for _, sl := range s.fleet.slots {
			if h, err := s.fleet.touch(sl); err == nil {
				out = append(out, h)
			}
		}
		return out
	}
	return s.hosts
}

// Touched lists the chassis built so far: in a fleet, those somebody
// touched; otherwise every one.
func (s *Server) Touched() []*Host {
	if s.fleet != nil {
		return s.fleet.touchedHosts()
	}
	return s.hosts
}

// Host finds a chassis by name (in a fleet, building it); nil when there
// is none, or it cannot be built (LookupHost says why).
func (s *Server) Host(name string) *Host {
	h, _ := s.LookupHost(name)
	return h
}

// LookupHost finds a chassis by name, building a fleet's on first use.
func (s *Server) LookupHost(name string) (*Host, error) {
	if s.fleet != nil {
		return s.fleet.host(name)
	}
	if h := s.byName[name]; h != nil {
		return h, nil
	}
	return nil, fmt.Errorf("no chassis named %q", name)
}

// Addrs lists where each chassis listens.
func (s *Server) Addrs() []Addrs {
	if s.fleet != nil {
		return s.fleet.addrs()
	}
	return s.addrs
}

// PortMap is the fleet's port map (nil when not serving a fleet).
func (s *Server) PortMap() *PortMap {
	if s.fleet == nil {
		return nil
	}
	p := s.fleet.cfg.Ports
	return &p
}

// StopReport is what the last Close saved: how many chassis, and how
// long the saving took.
func (s *Server) StopReport() (saved int, took time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopSaved, s.stopTook
}

// ControlAddr is the control API's address ("" when off).
func (s *Server) ControlAddr() string {
	if s.control == nil {
		return ""
	}
	return s.control.addr
}

// Close stops listening, ends every session and saves every chassis.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	closers := s.closers
	s.mu.Unlock()
	var errs []error
	if s.control != nil {
		errs = append(errs, s.control.close())
	}
	for _, c := range closers {
		if err := c(); err != nil && !errors.Is(err, net.ErrClosed) {
			errs = append(errs, err)
		}
	}
	saved, took := 0, time.Duration(0)
	if s.fleet != nil {
		errs = append(errs, s.fleet.close())
		saved, took = s.fleet.saved, s.fleet.took
	}
	t0 := time.Now()
	for _, h := range s.hosts {
		if h.close() {
			saved++
		}
	}
	s.wg.Wait()
	s.mu.Lock()
	s.stopSaved, s.stopTook = saved, took+time.Since(t0)
	s.mu.Unlock()
	return errors.Join(errs...)
}

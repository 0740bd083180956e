package server

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gliderlabs/ssh"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// A fleet (Config.Fleet) serves thousands of chassis from one process
// at the cost of the few that are used. A chassis is built when first
// touched (a connection to one of its addresses, the control API, Host):
// until then it is its configuration and addresses, with no model, no
// goroutine, no host key in memory and no state file written. Touching
// it builds it as it would have been built at start (its clock anchored
// at the server's start, so its log and up time are the same), with its
// first host key derived from the fleet's secret. Listeners are shared
// where they can be: with an address per chassis, one socket per port on
// Linux (bound to 0.0.0.0 on the loopback device), each connection
// routed by the address it dialled. Stopping saves, in parallel, only
// the chassis that have something unsaved.

// FleetConfig serves Config.Chassis as a fleet.
type FleetConfig struct {
	// Ports is the port map (ports.json "portMap"); its Scheme says
	// whether each chassis has a block of ports or an address.
	Ports PortMap
	// ConsoleServer is the console server's ip:port in the address
	// scheme ("" = none).
	ConsoleServer string
	// Secret derives each chassis's first host key and the console
	// server's (FleetSecret; nil: random keys).
	Secret []byte
	// SessionReserve is how many descriptors the budget keeps for
	// sessions (0: DefaultSessionReserve).
	SessionReserve int
	// PerAddressSockets binds a socket per chassis address and port in
	// the address scheme, as where one socket per port is not possible
	// (not Linux); tests use it to try that path on Linux.
	PerAddressSockets bool
	// FDLimit replaces the process's descriptor limit in the budget
	// (tests); 0: RLIMIT_NOFILE.
	FDLimit uint64
}

// DefaultSessionReserve is the descriptors a fleet keeps for sessions
// unless told otherwise.
const DefaultSessionReserve = 1000

// service is what a listener serves.
type service int

const (
	svcMgmt service = iota
	svcConsole1
	svcConsole2
	svcTelnet
	svcNETCONF
	svcConsoleServer
	svcWeb
)

var serviceNames = map[service]string{svcMgmt: "ssh", svcConsole1: "console 1", svcConsole2: "console 2",
	svcTelnet: "telnet", svcNETCONF: "netconf", svcConsoleServer: "console server", svcWeb: "web"}

// slot is one chassis of a fleet, built or not.
type slot struct {
	cc      ChassisConfig
	addrs   Addrs
	ip      uint32 // its address (address scheme)
	xml     bool   // its vendor has an XML API (a NETCONF port)
	modules int    // management module slots (console ports)

	mu       sync.Mutex
	host     *Host
	err      error
	mgmt     *sshFront
	netconf  *sshFront
	consoles []*sshFront
}

func (sl *slot) built() *Host {
	sl.mu.Lock()
	defer sl.mu.Unlock()
	return sl.host
}

type fleet struct {
	s       *Server
	cfg     FleetConfig
	slots   []*slot
	byName  map[string]*slot
	byIP    map[uint32]*slot
	console uint32 // the console server's address (0: none)
	conSrv  *ssh.Server
	anchor  time.Time
	shared  bool // one socket per port

	mu        sync.Mutex
	closed    bool
	touched   []*Host
	listeners []net.Listener
	conns     map[net.Conn]struct{}
	listening bool // every listener bound (ready.go)
	wg        sync.WaitGroup
	saved     int
	took      time.Duration
}

// errFleetClosed: the server is stopping.
var errFleetClosed = errors.New("server stopping")

// startFleet sets the fleet up: slots, the descriptor budget, temp files
// of interrupted writes, the listeners. Nothing is built.
func (s *Server) startFleet() error {
	fc := *s.cfg.Fleet
	fl := &fleet{s: s, cfg: fc, byName: map[string]*slot{}, byIP: map[uint32]*slot{},
		anchor: time.Now(), conns: map[net.Conn]struct{}{}}
	s.fleet = fl
	address := fc.Ports.Scheme == "address"
	if address && fc.ConsoleServer != "" {
		host, _, err := net.SplitHostPort(fc.ConsoleServer)
		if err != nil {
			return fmt.Errorf("console server %q: %w", fc.ConsoleServer, err)
		}
		fl.console = ipUint(net.ParseIP(host))
	}
	dirs := map[string]bool{}
	for i, cc := range s.cfg.Chassis {
		if cc.Name == "" {
			cc.Name = fmt.Sprintf("chassis%d", i+1)
		}
		if _, dup := fl.byName[cc.Name]; dup {
			return fmt.Errorf("two chassis named %q", cc.Name)
		}
		if cc.Scenario == nil {
			return fmt.Errorf("%s: no scenario", cc.Name)
		}
		sl := &slot{cc: cc, modules: len(cc.Scenario.Chassis.Modules)}
		if v, err := s.cfg.Vendors.Lookup(cc.Scenario.Vendor); err != nil {
			return fmt.Errorf("%s: %w", cc.Name, err)
		} else if _, ok := v.(commands.XMLAPI); ok {
			sl.xml = true
		}
		if address {
			a := ipUint(net.ParseIP(cc.Address))
			if a == 0 || a == fl.console {
				return fmt.Errorf("%s: address %q", cc.Name, cc.Address)
			}
			if o := fl.byIP[a]; o != nil {
				return fmt.Errorf("%s and %s both at %s", o.cc.Name, cc.Name, cc.Address)
			}
			sl.ip = a
			fl.byIP[a] = sl
		}
		if cc.StateFile != "" {
			dirs[filepath.Dir(cc.StateFile)] = true
		}
		fl.slots = append(fl.slots, sl)
		fl.byName[cc.Name] = sl
	}
	if address {
		fl.shared = !fc.PerAddressSockets && loopbackPortsSupported()
	}
	if err := fl.checkBudget(); err != nil {
		return err
	}
	// writes a crash interrupted: once per directory, not once per
	// chassis (a directory of 10,000 files read 10,000 times)
	for d := range dirs {
		removeTempFiles(d)
	}
	if fl.console != 0 {
		fl.conSrv = fl.newConsoleServer()
	}
	if err := fl.listen(); err != nil {
		return err
	}
	fl.mu.Lock()
	fl.listening = true
	fl.mu.Unlock()
	return nil
}

// removeTempFiles removes the temp files of atomic writes a crash left
// (".NAME.tmp-*"); the directory is locked by this process.
func removeTempFiles(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	for _, n := range names {
		if strings.HasPrefix(n, ".") && strings.Contains(n, ".tmp-") {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// listen binds every listener (on any error, the caller closes what was
// bound) and starts accepting.
func (fl *fleet) listen() error {
	type pending struct {
		l   net.Listener
		svc service
		sl  *slot
	}
	var ls []pending
	add := func(l net.Listener, svc service, sl *slot) {
		fl.mu.Lock()
		fl.listeners = append(fl.listeners, l)
		fl.mu.Unlock()
		ls = append(ls, pending{l, svc, sl})
	}
	p := fl.cfg.Ports
	switch {
	case p.Scheme == "address" && fl.shared:
		// one socket per port, for every address of loopback
		for _, sp := range fl.sharedPorts() {
			l, err := listenLoopbackPort(sp.port)
			if err != nil {
				return portError(sp.name, sp.port, p.Prefix, err)
			}
			add(l, sp.svc, nil)
		}
	case p.Scheme == "address":
		if fl.conSrv != nil {
			l, err := net.Listen("tcp4", fl.cfg.ConsoleServer)
			if err != nil {
				return portError("console server", p.Ports.SSH, fl.cfg.ConsoleServer, err)
			}
			add(l, svcConsoleServer, nil)
		}
		for _, sl := range fl.slots {
			for _, x := range []struct {
				addr string
				svc  service
			}{{sl.cc.Mgmt, svcMgmt}, {sl.cc.Telnet, svcTelnet}, {sl.netconfAddr(), svcNETCONF}, {sl.cc.Web, svcWeb}} {
				if x.addr == "" {
					continue
				}
				l, err := net.Listen("tcp4", x.addr)
				if err != nil {
					_, port, _ := net.SplitHostPort(x.addr)
					return portError(serviceNames[x.svc], atoi(port), x.addr, err)
				}
				add(l, x.svc, sl)
			}
		}
	default:
		// a block of ports per chassis
		for _, sl := range fl.slots {
			for _, x := range sl.blockAddrs() {
				l, err := net.Listen("tcp", x.addr)
				if err != nil {
					return fmt.Errorf("%s: listen %s: %w%s", sl.cc.Name, x.addr, err, inUseHint(err))
				}
				add(l, x.svc, sl)
			}
		}
	}
	// where each chassis listens (ephemeral ports are known now)
	bound := map[*slot]map[service]string{}
	for _, x := range ls {
		if x.sl != nil {
			if bound[x.sl] == nil {
				bound[x.sl] = map[service]string{}
			}
			bound[x.sl][x.svc] = x.l.Addr().String()
		}
	}
	for _, sl := range fl.slots {
		sl.addrs = sl.listed(bound[sl], p.Scheme == "address")
	}
	for _, x := range ls {
		fl.wg.Add(1)
		go fl.accept(x.l, x.svc, x.sl)
	}
	return nil
}

type blockAddr struct {
	addr string
	svc  service
}

// blockAddrs are a chassis's listeners in the block scheme.
func (sl *slot) blockAddrs() []blockAddr {
	out := []blockAddr{{sl.cc.Mgmt, svcMgmt}}
	for i, c := range sl.cc.Consoles {
		if i < sl.modules && i < 2 && c != "" {
			out = append(out, blockAddr{c, svcConsole1 + service(i)})
		}
	}
	if sl.cc.Telnet != "" {
		out = append(out, blockAddr{sl.cc.Telnet, svcTelnet})
	}
	if a := sl.netconfAddr(); a != "" {
		out = append(out, blockAddr{a, svcNETCONF})
	}
	if sl.cc.Web != "" {
		out = append(out, blockAddr{sl.cc.Web, svcWeb})
	}
	return out
}

func (sl *slot) netconfAddr() string {
	if !sl.xml {
		return ""
	}
	return sl.cc.NETCONF
}

// listed is where the chassis listens as ports.json shows it.
func (sl *slot) listed(bound map[service]string, address bool) Addrs {
	a := Addrs{Name: sl.cc.Name, Mgmt: sl.cc.Mgmt, Telnet: sl.cc.Telnet, NETCONF: sl.netconfAddr(), Web: sl.cc.Web, Consoles: []string{}}
	if address {
		a.Address = sl.cc.Address
		for i, c := range sl.cc.Consoles {
			if c != "" && i < sl.modules && i < len(sl.cc.ConsoleLines) {
				a.Consoles = append(a.Consoles, c)
				a.ConsoleLines = append(a.ConsoleLines, sl.cc.ConsoleLines[i])
			}
		}
		return a
	}
	if b := bound[svcMgmt]; b != "" {
		a.Mgmt = b
	}
	for _, svc := range []service{svcConsole1, svcConsole2} {
		if b := bound[svc]; b != "" {
			a.Consoles = append(a.Consoles, b)
		}
	}
	if sl.cc.Telnet != "" {
		a.Telnet = bound[svcTelnet]
	}
	if a.NETCONF != "" {
		a.NETCONF = bound[svcNETCONF]
	}
	if a.Web != "" {
		a.Web = bound[svcWeb]
	}
	return a
}

type sharedPort struct {
	name string
	port int
	svc  service
}

// sharedPorts are the ports the address scheme listens on.
func (fl *fleet) sharedPorts() []sharedPort {
	p := fl.cfg.Ports.Ports
	out := []sharedPort{{"ssh", p.SSH, svcMgmt}}
	if p.Telnet != 0 {
		out = append(out, sharedPort{"telnet", p.Telnet, svcTelnet})
	}
	if p.NETCONF != 0 {
		for _, sl := range fl.slots {
			if sl.xml {
				out = append(out, sharedPort{"netconf", p.NETCONF, svcNETCONF})
				break
			}
		}
	}
	if p.Web != 0 {
		out = append(out, sharedPort{"web", p.Web, svcWeb})
	}
	return out
}

// accept serves one listener: each connection goes to its chassis (sl,
// or the one whose address it dialled), built on first use.
func (fl *fleet) accept(l net.Listener, svc service, sl *slot) {
	defer fl.wg.Done()
	var backoff time.Duration
	for {
		c, err := l.Accept()
		if err != nil {
			if fl.isClosed() {
				return
			}
			if fdShortage(err) {
				// out of descriptors: the connection waits in the
				// backlog until a session ends
				if backoff == 0 {
					fl.s.logf("switchsim: accepting on %s: %v (more sessions than --session-reserve allows for)", l.Addr(), err)
					backoff = 5 * time.Millisecond
				} else if backoff < time.Second {
					backoff *= 2
				}
				time.Sleep(backoff)
				continue
			}
			fl.s.logf("switchsim: accepting on %s: %v", l.Addr(), err)
			return
		}
		backoff = 0
		target, what := sl, svc
		if target == nil && svc != svcConsoleServer {
			target, what = fl.route(c, svc)
		}
		if target == nil && what != svcConsoleServer || !fl.track(c) {
			c.Close()
			continue
		}
		fl.wg.Add(1)
		go func() {
			defer fl.wg.Done()
			defer fl.untrack(c)
			fl.handle(target, what, c)
		}()
	}
}

// route finds the chassis a connection on a shared port dialled: nil
// for an address outside the fleet (closed), the console server on its
// address and the SSH port.
func (fl *fleet) route(c net.Conn, svc service) (*slot, service) {
	ta, ok := c.LocalAddr().(*net.TCPAddr)
	if !ok {
		return nil, svc
	}
	a := ipUint(ta.IP)
	if a != 0 && a == fl.console && svc == svcMgmt {
		return nil, svcConsoleServer
	}
	return fl.byIP[a], svc
}

func fdShortage(err error) bool {
	return errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) || errors.Is(err, syscall.ENOBUFS) || errors.Is(err, syscall.ENOMEM)
}

func (fl *fleet) isClosed() bool {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.closed
}

func (fl *fleet) track(c net.Conn) bool {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	if fl.closed {
		return false
	}
	fl.conns[c] = struct{}{}
	return true
}

func (fl *fleet) untrack(c net.Conn) {
	fl.mu.Lock()
	delete(fl.conns, c)
	fl.mu.Unlock()
}

// handle serves one connection on its chassis.
func (fl *fleet) handle(sl *slot, svc service, c net.Conn) {
	defer c.Close()
	if svc == svcConsoleServer {
		fl.conSrv.HandleConn(c)
		return
	}
	if svc == svcNETCONF && !sl.xml {
		return // no NETCONF on this chassis: nothing to build it for
	}
	h, err := fl.touch(sl)
	if err != nil {
		return
	}
	switch svc {
	case svcMgmt:
		sl.mgmt.ssh.HandleConn(c)
	case svcConsole1, svcConsole2:
		if i := int(svc - svcConsole1); i < len(sl.consoles) {
			sl.consoles[i].ssh.HandleConn(c)
		}
	case svcNETCONF:
		if sl.netconf != nil {
			sl.netconf.ssh.HandleConn(c)
		}
	case svcTelnet:
		fl.s.telnetSession(h, c)
	case svcWeb:
		serveWebConn(h, c)
	}
}

// touch builds a chassis the first time it is needed, as it would have
// been built at the server's start.
func (fl *fleet) touch(sl *slot) (*Host, error) {
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.host != nil || sl.err != nil {
		return sl.host, sl.err
	}
	if fl.isClosed() {
		return nil, errFleetClosed
	}
	cc := sl.cc
	if cc.Build != nil {
		sc, err := cc.Build()
		if err != nil {
			sl.err = err
			fl.s.logf("switchsim: %s: %v (its connections are closed)", cc.Name, err)
			return nil, err
		}
		cc.Scenario = sc
	}
	h, err := fl.s.buildHost(cc, buildOpts{lazy: true, anchor: fl.anchor, secret: fl.cfg.Secret})
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			// for good: the file stays damaged until someone moves it
			sl.err = err
			fl.s.logf("switchsim: %s: %v (its connections are closed)", cc.Name, err)
			return nil, err
		}
		// an I/O error (out of descriptors while sessions fill the
		// table, say): the next touch tries again
		fl.s.logf("switchsim: %s: %v (this connection is closed; the next one tries again)", cc.Name, err)
		return nil, err
	}
	sl.mgmt = newSSHFront(fl.s, h, route{mgmt: true})
	for i := range h.m.Modules {
		if i < 2 {
			sl.consoles = append(sl.consoles, newSSHFront(fl.s, h, route{module: i}))
		}
	}
	if h.xmlAPI() != nil {
		sl.netconf = newSSHFront(fl.s, h, route{netconf: true})
	}
	fl.mu.Lock()
	closed := fl.closed
	if !closed {
		fl.touched = append(fl.touched, h)
	}
	fl.mu.Unlock()
	if closed {
		h.Close()
		return nil, errFleetClosed
	}
	sl.host = h
	return h, nil
}

// host finds and builds a chassis by name.
func (fl *fleet) host(name string) (*Host, error) {
	sl := fl.byName[name]
	if sl == nil {
		return nil, fmt.Errorf("no chassis named %q", name)
	}
	return fl.touch(sl)
}

// touchedHosts are the chassis built so far, in the order they were.
func (fl *fleet) touchedHosts() []*Host {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return append([]*Host(nil), fl.touched...)
}

func (fl *fleet) addrs() []Addrs {
	out := make([]Addrs, len(fl.slots))
	for i, sl := range fl.slots {
		out[i] = sl.addrs
	}
	return out
}

// close stops listening, ends every session and saves, in parallel, the
// chassis with something unsaved.
func (fl *fleet) close() error {
	fl.mu.Lock()
	if fl.closed {
		fl.mu.Unlock()
		return nil
	}
	fl.closed = true
	ls := fl.listeners
	conns := make([]net.Conn, 0, len(fl.conns))
	for c := range fl.conns {
		conns = append(conns, c)
	}
	fl.mu.Unlock()
	var errs []error
	for _, l := range ls {
		if err := l.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
			errs = append(errs, err)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	fl.wg.Wait()
	// every chassis with something unsaved, in one batch
	t0 := time.Now()
	hosts := fl.touchedHosts()
	// no background flush starts from now on: what is pending is saved
	// in the batch
	pending := make([]bool, len(hosts))
	for i, h := range hosts {
		if h.store != nil {
			pending[i] = h.store.takePending()
		}
	}
	snaps := make([][]byte, len(hosts))
	parallel(len(hosts), runtime.GOMAXPROCS(0), func(i int) { snaps[i] = hosts[i].closeUnsaved(pending[i]) })
	var files []batchFile
	for i, h := range hosts {
		if snaps[i] != nil && h.store != nil {
			files = append(files, batchFile{h.store.path, snaps[i]})
		}
	}
	n, err := writeBatch(files)
	if err != nil {
		fl.s.logf("switchsim: saving on stop: %v", err)
		errs = append(errs, err)
	}
	fl.saved = n
	fl.took = time.Since(t0)
	return errors.Join(errs...)
}

// saveWorkers write state files at once on stop: fsync waits on the
// disk, not the CPU.
const saveWorkers = 16

// parallel runs fn(0..n-1) on up to workers goroutines.
func parallel(n, workers int, fn func(i int)) {
	if n == 0 {
		return
	}
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// listing lists every chassis: a built one as it is now, one with a state
// file from its head, the others from their scenario.
func (fl *fleet) listing() []Listed {
	out := make([]Listed, len(fl.slots))
	workers := runtime.GOMAXPROCS(0) * 2
	parallel(len(fl.slots), workers, func(i int) {
		sl := fl.slots[i]
		if h := sl.built(); h != nil {
			out[i] = hostListing(h, sl.addrs)
			return
		}
		tpl := sl.cc.Scenario
		v, err := fl.s.cfg.Vendors.Lookup(tpl.Vendor)
		if err != nil {
			return
		}
		hostname, cr := sl.cc.Hostname, tpl.Chassis.Credentials
		if hostname == "" {
			hostname = templateHostname(tpl.Chassis)
		}
		if sl.cc.StateFile != "" {
			head, err := readStateHead(sl.cc.StateFile)
			if err != nil {
				fl.s.logf("switchsim: %s: %v", sl.cc.Name, err)
			}
			if head != nil && head.Listing != nil {
				hostname, cr = head.Listing.Hostname, head.Listing.Credentials
			}
		}
		sl.cc.Passwords.apply(&cr)
		out[i] = listed(sl.addrs, v, hostname, cr)
	})
	return out
}

func templateHostname(c *model.Chassis) string {
	for _, m := range c.Modules {
		if cf := m.Startup(); cf != nil {
			return cf.Hostname
		}
	}
	return ""
}

// stats adds the fleet's figures.
func (fl *fleet) stats(st *Stats) {
	hosts := fl.touchedHosts()
	st.Chassis = len(fl.slots)
	st.Touched = len(hosts)
	for _, h := range hosts {
		st.Sessions += h.Sessions()
	}
}

// buildOpts are how a fleet builds a chassis on first touch.
type buildOpts struct {
	lazy bool
	// anchor is when the server started: the chassis's clock runs from
	// then, as if it had been built at start
	anchor time.Time
	secret []byte
}

func (o buildOpts) now() time.Time {
	if o.anchor.IsZero() {
		return time.Now()
	}
	return o.anchor
}

func (o buildOpts) realClock(start time.Time, scale float64) *RealClock {
	c := NewRealClock(start, scale)
	if !o.anchor.IsZero() {
		c.wall = o.anchor
	}
	return c
}

// lazyStore gives a fleet's chassis its store: nothing is written at
// once (the chassis is its scenario and derived key, or its state file,
// until it changes); the boot that brought it up is saved soon, as
// log-only changes are.
func (o buildOpts) lazyStore(h *Host, path string) {
	h.store = newFleetStore(path)
	h.onlyChanged = true
	h.store.Save(&snapshot{encode: h.encodeNow})
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net/http"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

// Host owns one chassis: its lock, its clock, the sessions attached to it,
// and the delivery of what the model's changes cause. It implements
// commands.Host for the vendor's handlers.
type Host struct {
	Name   string
	Vendor commands.Vendor

	clock  Clock
	images *scenario.Catalog
	// unreachable TFTP servers (from the scenario)
	unreachable map[string]bool
	// tftpOut receives copy crash-log uploads ("" disables uploads).
	tftpOut string

	mu sync.Mutex
	m  *model.Chassis
	// fmu orders what operations leave to do after unlocking (saves,
	// deliveries): taken before mu is released, so they finish in the
	// order they happened
	fmu sync.Mutex

	store   *Store
	saveRev uint64
	logRev  uint64
	snapSeq uint64 // orders snapshots: the store never writes an older one after a newer

	// the SSH host key: generated once, saved in the snapshot, replaced
	// when "crypto key generate ssh" bumps the model's key generation
	hostKey []byte
	signer  gossh.Signer
	keyGen  int
	onKey   []func(gossh.Signer)
	// keySecret, when set, derives the first host key from the chassis
	// name (a fleet's secret: the same key across restarts without a
	// state file); later ones are random
	keySecret []byte
	// onlyChanged: Close saves only when something is not saved yet
	// (a fleet, whose untouched and unchanged chassis write nothing)
	onlyChanged bool
	closeSaved  bool

	smu      sync.Mutex
	mgmt     map[*console.Conn]*commands.Session
	who      map[*console.Conn]login // how each management session logged in (show users)
	whoSeq   uint64
	consoles map[int][]*console.Conn
	watchers map[*console.Conn]int
	xml      map[*xmlSession]bool // NETCONF sessions
	active   int                  // cached active module, -1 while none
	hostKeys bool                 // SSH host keys exist
	// wire is the module each console port shows on a chassis whose
	// ports are wired by role (nil: port i is module i), states each
	// module's state as delivered (wiring.go)
	wire   []int
	states []console.ModuleState

	kick    chan struct{}
	running bool // the real-clock timer goroutine was started
	// paint: interactive sessions are painted where the vendor paints
	// (Config.Terminal vt100)
	paint bool

	advMu sync.Mutex
	// endGrace: how long a session told to end may take before its
	// transport is closed (a client that stopped reading)
	endGrace time.Duration
	stop     chan struct{}
	stopped  chan struct{}
	once     sync.Once

	// the web interface (web.go): its handler and its open live pages
	web        webHub
	webOnce    sync.Once
	webHandler http.Handler
}

// delivery is an event prepared under the lock for delivery after it.
type delivery struct {
	ev    model.Event
	text  string              // rendered boot output for EvConsole
	state console.ModuleState // the module's state for EvModule
}

// batch is what one locked operation left to do after unlocking.
type batch struct {
	ds     []delivery
	snap   *snapshot
	keys   bool         // host keys exist
	signer gossh.Signer // a new host key to install
}

// NewHost wraps a started chassis.
func NewHost(name string, v commands.Vendor, c *model.Chassis, clock Clock, images *scenario.Catalog) *Host {
	h := &Host{
		Name: name, Vendor: v, clock: clock, images: images, m: c,
		unreachable: map[string]bool{},
		mgmt:        map[*console.Conn]*commands.Session{},
		who:         map[*console.Conn]login{},
		consoles:    map[int][]*console.Conn{},
		watchers:    map[*console.Conn]int{},
		kick:        make(chan struct{}, 1),
		endGrace:    5 * time.Second,
		stop:        make(chan struct{}),
		stopped:     make(chan struct{}),
	}
	h.active = c.ActiveIndex()
	h.initWiring(c)
	h.hostKeys = c.HostKeys > 0
	h.keyGen = c.HostKeys
	h.saveRev, h.logRev = c.Revision()
	c.TakeEvents()
	if clock.Virtual() {
		close(h.stopped)
	}
	return h
}

// Run starts firing the chassis's timers on a real clock; call it once the
// host is set up (a virtual clock needs nothing: Advance moves it).
func (h *Host) Run() {
	if !h.clock.Virtual() {
		h.running = true
		go h.run()
	}
}

// Now is the chassis clock.
func (h *Host) Now() time.Time { return h.clock.Now() }

// Do runs fn on the chassis at the current time, all under the lock, then
// saves what must be saved and delivers the events after unlocking.
func (h *Host) Do(fn func(c *model.Chassis) error) error {
	h.mu.Lock()
	h.m.Advance(h.clock.Now())
	err := fn(h.m)
	b := h.collect()
	h.fmu.Lock()
	h.mu.Unlock()
	h.finish(b)
	h.fmu.Unlock()
	return err
}

// View runs fn with the chassis locked (also bringing its clock to now).
func (h *Host) View(fn func(c *model.Chassis)) {
	h.mu.Lock()
	h.m.Advance(h.clock.Now())
	fn(h.m)
	b := h.collect()
	h.fmu.Lock()
	h.mu.Unlock()
	h.finish(b)
	h.fmu.Unlock()
}

// collect drains the outbox, renders boot output, replaces the host key
// when asked to, and takes a snapshot when saved state changed; called
// locked.
func (h *Host) collect() batch {
	var b batch
	for _, e := range h.m.TakeEvents() {
		d := delivery{ev: e}
		switch e.Kind {
		case model.EvConsole:
			d.text = h.Vendor.Boot(e.Console, h.m, e.Module)
		case model.EvModule:
			// the state as of the event, not as of now: a timer due at
			// once may have moved the module on within this batch
			d.state = console.ModuleState{State: e.State, Stage: e.Stage}
		}
		b.ds = append(b.ds, d)
	}
	b.keys = h.m.HostKeys > 0
	if h.m.HostKeys != h.keyGen {
		h.keyGen = h.m.HostKeys
		if h.m.HostKeys > 0 {
			if err := h.newHostKey(); err == nil {
				b.signer = h.signer
			}
		}
	}
	rev, logRev := h.m.Revision()
	if h.store != nil && rev != h.saveRev {
		h.snapSeq++
		b.snap = &snapshot{data: encodeState(h.m, h.hostKey), durable: true, seq: h.snapSeq}
	} else if h.store != nil && logRev != h.logRev {
		// log-only: encoded when the background flush writes it, so a
		// burst of logins costs one encoding, not one each
		b.snap = &snapshot{encode: h.encodeNow}
	}
	h.saveRev, h.logRev = rev, logRev
	return b
}

func (h *Host) finish(b batch) {
	if b.snap != nil {
		h.store.Save(b.snap)
	}
	if b.signer != nil {
		for _, fn := range h.onKey {
			fn(b.signer)
		}
	}
	h.smu.Lock()
	h.hostKeys = b.keys
	h.smu.Unlock()
	if len(b.ds) > 0 {
		h.deliver(b.ds)
	}
	select {
	case h.kick <- struct{}{}:
	default:
	}
}

// encodeNow is the state to save, taken under the lock, with its place in
// the order of snapshots.
func (h *Host) encodeNow() ([]byte, uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.snapSeq++
	return encodeState(h.m, h.hostKey), h.snapSeq
}

// newHostKey generates an ed25519 host key (called locked).
func (h *Host) newHostKey() error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	return h.installKey(priv)
}

// setHostKey installs a saved host key, or makes one.
func (h *Host) setHostKey(pemData []byte) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(pemData) == 0 && h.keySecret != nil {
		return h.derivedHostKey()
	}
	if len(pemData) == 0 {
		return h.newHostKey()
	}
	signer, err := gossh.ParsePrivateKey(pemData)
	if err != nil {
		return err
	}
	h.hostKey, h.signer = pemData, signer
	return nil
}

// Snapshot is the chassis's saved state now (a state file's content).
func (h *Host) Snapshot() []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.m.Advance(h.clock.Now())
	return encodeState(h.m, h.hostKey)
}

// Signer is the current SSH host key.
func (h *Host) Signer() gossh.Signer {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.signer
}

// deliver hands events to the sessions: sessions on a module that stopped
// being active end, module consoles follow their module, boot output goes
// to the module's consoles, and waiting sessions re-check.
func (h *Host) deliver(ds []delivery) {
	h.smu.Lock()
	defer h.smu.Unlock()
	var final []console.ModuleState
	if h.wire != nil {
		final = h.finalStates(ds)
	}
	for _, d := range ds {
		switch d.ev.Kind {
		case model.EvEndSessions:
			for conn, s := range h.mgmt {
				if s.Module == d.ev.Module {
					conn.EndSoon(h.endGrace)
				}
			}
			h.endXML(d.ev.Module)
		case model.EvModule:
			h.followState(d.ev.Module, d.state, final)
			for _, conn := range h.consoles[d.ev.Module] {
				conn.Post(d.state)
			}
		case model.EvConsole:
			if d.text != "" {
				for _, conn := range h.consoles[d.ev.Module] {
					conn.Post(console.Text(d.text))
				}
			}
		case model.EvActive:
			h.active = d.ev.Module
		}
	}
	for conn := range h.watchers {
		conn.Post(console.Changed{})
	}
	h.web.notify()
}

// Watch registers a conn for Changed notes (console.Watcher).
func (h *Host) Watch(c *console.Conn) func() {
	h.smu.Lock()
	h.watchers[c]++
	h.smu.Unlock()
	return func() {
		h.smu.Lock()
		if h.watchers[c]--; h.watchers[c] <= 0 {
			delete(h.watchers, c)
		}
		h.smu.Unlock()
	}
}

// ActiveModule is the module the management address lands on, or -1
// while none is active (a takeover in progress): connections are refused.
func (h *Host) ActiveModule() int {
	h.smu.Lock()
	defer h.smu.Unlock()
	return h.active
}

// HostKeysPresent reports whether SSH may serve (clear crypto removes the
// keys until crypto key generate ssh).
func (h *Host) HostKeysPresent() bool {
	h.smu.Lock()
	defer h.smu.Unlock()
	return h.hostKeys
}

// attachManagement registers a management session on its module. It
// fails if that module is no longer active, or (full) when max sessions
// are attached already (0: no limit); counted under the lock, so that
// sessions arriving together cannot all pass the limit.
func (h *Host) attachManagement(c *console.Conn, s *commands.Session, max int) (ok, full bool) {
	h.smu.Lock()
	defer h.smu.Unlock()
	if h.active != s.Module {
		return false, false
	}
	if max > 0 && len(h.mgmt) >= max {
		return false, true
	}
	h.mgmt[c] = s
	h.whoSeq++
	h.who[c] = login{seq: h.whoSeq, s: s, u: commands.User{Transport: s.Transport, Peer: s.Peer, User: s.User, Module: s.Module, Since: s.Since}}
	return true, false
}

func (h *Host) detachManagement(c *console.Conn) {
	h.smu.Lock()
	delete(h.mgmt, c)
	delete(h.who, c)
	h.smu.Unlock()
}

// attachConsole connects a conn to console port p and returns the
// module it shows.
func (h *Host) attachConsole(c *console.Conn, p int) int {
	h.smu.Lock()
	defer h.smu.Unlock()
	module := h.portModule(p)
	h.consoles[module] = append(h.consoles[module], c)
	return module
}

// detachConsole disconnects a conn from its console port (whichever
// module the port shows by now).
func (h *Host) detachConsole(c *console.Conn) {
	h.smu.Lock()
	defer h.smu.Unlock()
	for module, list := range h.consoles {
		for i, x := range list {
			if x == c {
				h.consoles[module] = append(list[:i], list[i+1:]...)
				return
			}
		}
	}
}

// Sessions counts the management sessions.
func (h *Host) Sessions() int {
	h.smu.Lock()
	defer h.smu.Unlock()
	return len(h.mgmt)
}

// KillOthers ends every other CLI session on the active module ("kill"):
// the management sessions and the active module's console session (which
// starts over at its banner). The standby's console is not affected.
func (h *Host) KillOthers(s *commands.Session) int {
	h.smu.Lock()
	defer h.smu.Unlock()
	n := 0
	for conn, o := range h.mgmt {
		if o != s {
			conn.EndSoon(h.endGrace)
			n++
		}
	}
	if s.Transport != "CONSOLE" && h.active >= 0 {
		for _, conn := range h.consoles[h.active] {
			conn.Post(console.Interrupt{})
			n++
		}
	}
	return n
}

// TFTP reads an image from the images directory (the TFTP stand-in).
func (h *Host) TFTP(server, file string) (*model.Image, error) {
	if h.unreachable[server] {
		return nil, commands.ErrTFTPUnreachable
	}
	im, err := h.images.Fetch(file)
	switch {
	case errors.Is(err, scenario.ErrNotFound):
		return nil, commands.ErrTFTPNotFound
	case errors.Is(err, scenario.ErrUnreadable):
		return nil, commands.ErrTFTPUnreadable
	case errors.Is(err, scenario.ErrNotImage):
		return nil, commands.ErrTFTPBadImage
	}
	if p := h.m.Profile.Platform; err == nil && p != "" && im.Platform != "" && im.Platform != p {
		return nil, commands.ErrTFTPBadImage // software for another chassis
	}
	return im, err
}

// TFTPPut stores an upload (copy crash-log) in the TFTP output directory.
func (h *Host) TFTPPut(server, file string, data []byte) error {
	if h.unreachable[server] {
		return commands.ErrTFTPUnreachable
	}
	if h.tftpOut == "" {
		return commands.ErrTFTPUnreadable
	}
	return writeUpload(h.tftpOut, file, data)
}

// Advance moves a virtual clock by d, firing the chassis's timers.
func (h *Host) Advance(d time.Duration) {
	vc, ok := h.clock.(*VirtualClock)
	if !ok {
		panic("server: Advance on a real clock")
	}
	// two advances at once add up, one after the other
	h.advMu.Lock()
	defer h.advMu.Unlock()
	end := vc.Now().Add(d)
	// Fire timers one deadline at a time, delivering in between, so that
	// output appears in the order a real clock would produce it.
	for {
		h.mu.Lock()
		at, ok := h.m.NextDeadline()
		if !ok || at.After(end) {
			h.mu.Unlock()
			break
		}
		vc.set(at)
		h.m.Advance(at)
		b := h.collect()
		h.fmu.Lock()
		h.mu.Unlock()
		h.finish(b)
		h.fmu.Unlock()
	}
	vc.set(end)
	h.View(func(*model.Chassis) {})
}

// run fires timers on a real clock.
func (h *Host) run() {
	defer close(h.stopped)
	rc, _ := h.clock.(*RealClock)
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		h.mu.Lock()
		at, ok := h.m.NextDeadline()
		h.mu.Unlock()
		wait := time.Hour
		if ok {
			if rc != nil {
				wait = rc.WallUntil(at)
			} else {
				wait = time.Until(at)
			}
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(wait)
		select {
		case <-h.stop:
			return
		case <-h.kick:
		case <-timer.C:
			h.View(func(*model.Chassis) {})
		}
	}
}

// Close stops the timer goroutine and ends every session.
func (h *Host) Close() { h.close() }

// close closes and reports whether it saved a snapshot.
func (h *Host) close() bool {
	h.once.Do(func() {
		h.end()
		if h.store == nil {
			return
		}
		// takePending also stops the flush (and the retries of a
		// failed write) for good
		if changed := h.store.takePending(); !h.onlyChanged || changed {
			h.closeSaved = true
			h.mu.Lock()
			h.snapSeq++
			snap := &snapshot{data: encodeState(h.m, h.hostKey), durable: true, seq: h.snapSeq}
			h.mu.Unlock()
			h.store.Save(snap)
		}
	})
	return h.closeSaved
}

// closeUnsaved ends the chassis as Close does and returns, instead of
// writing it, the state it must still save (nil: nothing unsaved), for
// a fleet that writes every stopping chassis in one batch; pending: its
// store's pending snapshot was taken already.
func (h *Host) closeUnsaved(pending bool) []byte {
	var data []byte
	h.once.Do(func() {
		h.end()
		if h.store != nil && (h.store.takePending() || pending) {
			h.mu.Lock()
			h.snapSeq++
			data = encodeState(h.m, h.hostKey)
			h.mu.Unlock()
		}
	})
	return data
}

// end stops the timer goroutine and ends every session.
func (h *Host) end() {
	close(h.stop)
	if h.running {
		<-h.stopped
	}
	h.smu.Lock()
	for c := range h.mgmt {
		c.Close()
	}
	for _, list := range h.consoles {
		for _, c := range list {
			c.Close()
		}
	}
	for x := range h.xml {
		x.close()
	}
	h.smu.Unlock()
}

// Chassis gives tests and the control API locked access (prefer Do/View).
func (h *Host) Chassis() *model.Chassis { return h.m }

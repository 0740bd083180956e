package model

import (
	"errors"
	"sort"
	"time"
)

// A configuration database of the candidate-and-commit kind (Junos): each
// module keeps its committed configuration (the config file its booted
// bank boots with), a candidate that sessions edit before committing it,
// and the configurations committed before, newest first. A commit may
// copy the result to the standby at once (Junos "commit synchronize"), and
// may be confirmed within a time or rolled back. Sessions that edit
// register as editors; one may hold the database exclusively.

// Errors of the configuration database.
var (
	ErrNotActive  = errors.New("model: the module is not the active one")
	ErrNoRollback = errors.New("model: no such earlier configuration")
	ErrLocked     = errors.New("model: the configuration is locked by another session")
)

// Editor is a session editing a module's configuration.
type Editor struct {
	// Holder identifies the session (the vendor's choice, unique).
	Holder string
	User   string
	// Terminal is how the vendor names the session's line ("p0", "d0").
	Terminal string
	Since    time.Time
	// Exclusive: the session holds the configuration alone; Private: it
	// edits a private copy.
	Exclusive bool
	Private   bool
	// Path is where in the configuration it edits (the vendor's words).
	Path string
}

// dbState is what the configuration databases hold that is not saved:
// who edits, and a commit waiting to be confirmed.
type dbState struct {
	editors  map[int][]*Editor
	confirm  *pendingConfirm
	sessions int
}

type pendingConfirm struct {
	module   *Module
	gen      int
	deadline time.Time
	seq      uint64
}

// Committed is module i's committed configuration, nil for none.
func (c *Chassis) Committed(i int) *Config {
	m := c.Module(i)
	if m == nil {
		return nil
	}
	return m.Startup()
}

// Candidate is module i's candidate configuration: the one being edited,
// or the committed one when nobody has changed it. Treat it as read-only.
func (c *Chassis) Candidate(i int) *Config {
	m := c.Module(i)
	if m == nil {
		return nil
	}
	if m.Candidate != nil {
		return m.Candidate
	}
	return m.Startup()
}

// sameContent compares two configurations without their commit records.
func sameContent(a, b *Config) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, y := *a, *b
	x.Commit, y.Commit = nil, nil
	return x.Equal(&y)
}

// CandidateChanged reports whether module i's candidate differs from its
// committed configuration.
func (c *Chassis) CandidateChanged(i int) bool {
	m := c.Module(i)
	return m != nil && m.Candidate != nil && !sameContent(m.Candidate, m.Startup())
}

// EditCandidate applies fn to a copy of module i's candidate and keeps the
// copy, recording who changed it, only if fn succeeds: all or nothing.
func (c *Chassis) EditCandidate(i int, who CommitInfo, fn func(cf *Config) error) error {
	m := c.Module(i)
	if m == nil || m.Running == nil {
		return ErrNoSuchModule
	}
	cur := c.Candidate(i)
	if cur == nil {
		return ErrNoSuchConfig
	}
	n := cur.Clone()
	if err := fn(n); err != nil {
		return err
	}
	if who.Time.IsZero() {
		who.Time = c.now
	}
	n.Commit = &who
	m.Candidate = n
	c.touch()
	return nil
}

// DiscardCandidate drops module i's uncommitted changes.
func (c *Chassis) DiscardCandidate(i int) {
	if m := c.Module(i); m != nil && m.Candidate != nil {
		m.Candidate = nil
		c.touch()
	}
}

// Rollback is the configuration module i committed n commits ago (0: the
// current one).
func (c *Chassis) Rollback(i, n int) (*Config, error) {
	m := c.Module(i)
	if m == nil {
		return nil, ErrNoSuchModule
	}
	if n == 0 {
		if cf := m.Startup(); cf != nil {
			return cf, nil
		}
		return nil, ErrNoRollback
	}
	if n < 0 || n > len(m.Rollbacks) {
		return nil, ErrNoRollback
	}
	return m.Rollbacks[n-1], nil
}

// CommitOptions are how a commit is made.
type CommitOptions struct {
	// Keep is how many earlier configurations a module keeps.
	Keep int
	// Sync copies the configuration to the standby, which commits it too.
	Sync bool
	// Confirm, when set, rolls the commit back unless another commit
	// confirms it within this time; Revert records who that automatic
	// rollback is committed as, and RevertLog is logged when it happens.
	Confirm   time.Duration
	Revert    CommitInfo
	RevertLog []LogEntry
}

// Commit makes cf module i's committed and running configuration: the
// previous one becomes the newest earlier configuration, the candidate is
// cleared, and with Sync the standby commits the same (synced reports
// whether it did). Any commit confirms a commit waiting for it. Module i
// must be the active one.
func (c *Chassis) Commit(i int, cf *Config, o CommitOptions) (synced bool, err error) {
	m := c.Module(i)
	if m == nil {
		return false, ErrNoSuchModule
	}
	if c.Active() != m {
		return false, ErrNotActive
	}
	c.db.confirm = nil
	c.commitOn(m, cf, o.Keep)
	c.Running = cf.Clone()
	if o.Sync {
		if s := c.Other(m); s != nil && s.Present && s.Running != nil && s.State.Ready() {
			c.commitOn(s, cf, o.Keep)
			synced = true
		}
	}
	if o.Confirm > 0 {
		c.seq++
		p := &pendingConfirm{module: m, gen: m.gen, deadline: c.now.Add(o.Confirm), seq: c.seq}
		c.db.confirm = p
		c.after(o.Confirm, func() { c.revert(p, o) })
	}
	return synced, nil
}

// commitOn saves cf as module m's committed configuration.
func (c *Chassis) commitOn(m *Module, cf *Config, keep int) {
	file := m.BankConfig[m.BootedBank]
	if old := m.Configs[file]; old != nil && keep > 0 {
		m.Rollbacks = append([]*Config{old}, m.Rollbacks...)
		if len(m.Rollbacks) > keep {
			m.Rollbacks = m.Rollbacks[:keep]
		}
	}
	m.Configs[file] = cf.Clone()
	m.Candidate = nil
	c.touch()
}

// revert rolls back a commit that was not confirmed in time.
func (c *Chassis) revert(p *pendingConfirm, o CommitOptions) {
	if c.db.confirm != p {
		return
	}
	c.db.confirm = nil
	m := p.module
	if m.gen != p.gen || c.Active() != m || len(m.Rollbacks) == 0 {
		return
	}
	prev := m.Rollbacks[0].Clone()
	info := o.Revert
	info.Time = c.now
	prev.Commit = &info
	o.Confirm = 0
	c.Commit(c.Index(m), prev, o)
	for _, e := range o.RevertLog {
		c.logLiteral(e)
	}
}

// ConfirmPending reports when a commit waiting for confirmation will be
// rolled back.
func (c *Chassis) ConfirmPending() (time.Time, bool) {
	if p := c.db.confirm; p != nil {
		return p.deadline, true
	}
	return time.Time{}, false
}

// ConfirmCommit confirms a commit waiting for it (as a commit check does).
func (c *Chassis) ConfirmCommit() { c.db.confirm = nil }

// EnterConfig registers a session editing module i's configuration. Asking
// for exclusive use fails while another session holds it so (ErrLocked).
func (c *Chassis) EnterConfig(i int, e Editor) error {
	if c.db.editors == nil {
		c.db.editors = map[int][]*Editor{}
	}
	for _, o := range c.db.editors[i] {
		if o.Holder == e.Holder {
			continue
		}
		if o.Exclusive && e.Exclusive {
			return ErrLocked
		}
	}
	c.LeaveConfig(i, e.Holder)
	if e.Since.IsZero() {
		e.Since = c.now
	}
	ed := e
	c.db.editors[i] = append(c.db.editors[i], &ed)
	return nil
}

// LeaveConfig unregisters a session.
func (c *Chassis) LeaveConfig(i int, holder string) {
	list := c.db.editors[i]
	for j, o := range list {
		if o.Holder == holder {
			c.db.editors[i] = append(list[:j:j], list[j+1:]...)
			return
		}
	}
}

// SetEditPath records where a session edits.
func (c *Chassis) SetEditPath(i int, holder, path string) {
	for _, o := range c.db.editors[i] {
		if o.Holder == holder {
			o.Path = path
		}
	}
}

// Editors lists the sessions editing module i's configuration, oldest
// first (copies).
func (c *Chassis) Editors(i int) []Editor {
	var out []Editor
	for _, o := range c.db.editors[i] {
		out = append(out, *o)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Since.Before(out[b].Since) })
	return out
}

// LockedBy is the session holding module i's configuration exclusively,
// other than holder, if any.
func (c *Chassis) LockedBy(i int, holder string) (Editor, bool) {
	for _, o := range c.db.editors[i] {
		if o.Exclusive && o.Holder != holder {
			return *o, true
		}
	}
	return Editor{}, false
}

// SessionNumber numbers a vendor's CLI sessions on this chassis, from 0
// in the order they start (terminal names, process ids).
func (c *Chassis) SessionNumber() int {
	n := c.db.sessions
	c.db.sessions++
	return n
}

// LogLine adds a vendor's own line to the log (its time and epoch are
// set here): Severity, Code, Subsystem and Text as the vendor prints them.
func (c *Chassis) LogLine(e LogEntry) { c.logLiteral(e) }

package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/switchsim/switchsim/model"
)

// stateVersion is the snapshot format; a file of another version is
// refused at start rather than guessed at. A file written before vendors
// (no "vendor") is the default vendor's.
const stateVersion = 1

// stateFile is what one chassis saves: one file, written atomically, so
// flash, config files, logs, boot history and the host key can never
// disagree.
type stateFile struct {
	Version int    `json:"version"`
	Vendor  string `json:"vendor"`
	// Platform names which of the vendor's chassis it is (its images'
	// platform; "" in older files: the vendor's own).
	Platform string    `json:"platform,omitempty"`
	Saved    time.Time `json:"saved"`
	// Listing is what a fleet's listings show of the chassis after a
	// restart, read without decoding the rest (statehead.go).
	Listing *stateListing  `json:"listing,omitempty"`
	HostKey string         `json:"hostKey"` // OpenSSH private key (PEM)
	Chassis *model.Chassis `json:"chassis"`
}

type snapshot struct {
	data    []byte
	durable bool
	seq     uint64 // its place in the host's order of snapshots
	// encode, for a log-only change, makes data (and its seq) when it is
	// written
	encode func() ([]byte, uint64)
}

// Store writes a chassis's snapshots. Durable changes are written before
// the command that made them returns; log-only changes are written by a
// background flush at most once a second.
type Store struct {
	path string
	mu   sync.Mutex
	last uint64
	// pending log-only snapshot
	pending *snapshot
	timer   *time.Timer
	// sync is the fsync function (tests replace it to see the calls).
	sync func(*os.File) error
	// fmu is held by a background flush from taking the pending
	// snapshot to writing it, so a fleet's stop can wait for one in
	// flight (takePending)
	fmu sync.Mutex
	// failed: the last write failed; its snapshot is kept pending and
	// written again a second later, and on stop (takePending)
	failed bool
	// closed: the chassis stopped; nothing arms the flush again
	closed bool
}

// NewStore saves to path. Temp files of writes that a crash interrupted
// are removed.
func NewStore(path string) *Store {
	if old, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")); err == nil {
		for _, f := range old {
			os.Remove(f)
		}
	}
	return &Store{path: path, sync: (*os.File).Sync}
}

// Save writes a snapshot: at once when durable, else soon.
func (s *Store) Save(snap *snapshot) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !snap.durable {
		s.pending = snap
		if s.timer == nil {
			s.timer = time.AfterFunc(time.Second, s.flushPending)
		}
		return
	}
	s.pending = nil
	s.writeSeq(snap.data, snap.seq)
}

// writeSeq writes a snapshot unless a newer one was written already.
// Called with s.mu held.
func (s *Store) writeSeq(data []byte, seq uint64) {
	if seq != 0 && seq <= s.last {
		return
	}
	if err := s.write(data); err != nil {
		if !s.failed {
			fmt.Fprintf(os.Stderr, "switchsim: saving %s: %v (tried again every second, and on stop)\n", s.path, err)
		}
		s.failed = true
		// keep it: a failed write, durable or not, is written again
		if s.pending == nil {
			s.pending = &snapshot{data: data, seq: seq}
		}
		if s.timer == nil && !s.closed {
			s.timer = time.AfterFunc(time.Second, s.flushPending)
		}
		return
	}
	if s.failed {
		fmt.Fprintf(os.Stderr, "switchsim: saved %s again\n", s.path)
		s.failed = false
	}
	if seq > s.last {
		s.last = seq
	}
}

// flushPending writes the pending log-only snapshot. It encodes it
// without holding s.mu, since encoding takes the chassis lock.
func (s *Store) flushPending() {
	s.fmu.Lock()
	defer s.fmu.Unlock()
	s.mu.Lock()
	s.timer = nil
	p := s.pending
	s.pending = nil
	s.mu.Unlock()
	if p == nil {
		return
	}
	data, seq := p.data, p.seq
	if data == nil && p.encode != nil {
		data, seq = p.encode()
	}
	s.mu.Lock()
	s.writeSeq(data, seq)
	s.mu.Unlock()
}

// Flush writes a pending snapshot now.
func (s *Store) Flush() {
	s.mu.Lock()
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	s.mu.Unlock()
	s.flushPending()
}

// write replaces the file atomically: a temp file in the same directory,
// fsync, rename over the old one, fsync the directory.
func (s *Store) write(data []byte) error {
	return WriteAtomic(s.path, data, s.sync)
}

// WriteAtomic writes data to path so that a crash at any point leaves
// either the old file or the new one.
func WriteAtomic(path string, data []byte, sync func(*os.File) error) error {
	if sync == nil {
		sync = (*os.File).Sync
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := sync(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return sync(d)
}

// encodeState serializes a chassis (called with its lock held).
func encodeState(c *model.Chassis, hostKey []byte) []byte {
	data, err := json.MarshalIndent(stateFile{Version: stateVersion, Vendor: c.Profile.Vendor, Platform: c.Profile.Platform, Saved: c.Now(),
		Listing: listingOf(c), HostKey: string(hostKey), Chassis: c}, "", " ")
	if err != nil {
		panic(err) // the model is plain data; this cannot fail
	}
	return data
}

// ErrDamaged reports a state file that cannot be used; start-up stops.
var ErrDamaged = errors.New("damaged state file")

// loadState reads a snapshot. A missing file is (nil, nil).
func loadState(path string) (*stateFile, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return decodeState(path, data)
}

// decodeState parses a snapshot.
func decodeState(path string, data []byte) (*stateFile, error) {
	var st stateFile
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, fmt.Errorf("%s: %w: %v (move it away to start from the scenario)", path, ErrDamaged, err)
	}
	if st.Version != stateVersion || st.Chassis == nil || len(st.Chassis.Modules) == 0 {
		return nil, fmt.Errorf("%s: %w: not a switchsim state file of version %d (move it away to start from the scenario)", path, ErrDamaged, stateVersion)
	}
	return &st, nil
}

// newFleetStore saves to path without looking for temp files (a fleet
// removes them once for its whole state directory at start).
func newFleetStore(path string) *Store {
	return &Store{path: path, sync: (*os.File).Sync}
}

// dirty reports a snapshot waiting for the background flush.
func (s *Store) dirty() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pending != nil
}

// takePending stops the background flush for good (the chassis is
// stopping) and reports whether a snapshot was waiting for it: the
// caller saves the state now. A flush already writing finishes first.
func (s *Store) takePending() bool {
	s.mu.Lock()
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	s.closed = true
	p := s.pending
	s.pending = nil
	s.mu.Unlock()
	s.fmu.Lock()
	s.fmu.Unlock()
	s.mu.Lock()
	failed := s.failed
	s.mu.Unlock()
	return p != nil || failed
}

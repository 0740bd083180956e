package server

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/internal/sshtest"
)

// A durable save that fails (EIO, a full disk) is kept and written
// again: on stop, a fleet chassis whose last write failed is among the
// changed ones, and its state file gets the change.
func TestFleetFailedSaveWrittenOnStop(t *testing.T) {
	dir := t.TempDir()
	f := startAddressFleet(t, "chassis:\n  - name: sw\n    count: 2\n", dir, nil)
	term := sshtest.Open(t, f.at(1, f.ports.SSH), "manager", "manager", 80, 24)
	term.Login("sw001# ")
	h := f.srv.Host("sw001")
	h.store.Flush()
	h.store.mu.Lock()
	h.store.sync = func(*os.File) error { return errors.New("injected EIO") }
	h.store.mu.Unlock()
	term.Send("configure\r")
	term.Until("(config)# ")
	term.Send("hostname renamed\r")
	term.Until("renamed(config)# ")
	term.Send("write memory\r")
	term.Until("renamed(config)# ")
	if !h.store.dirty() {
		t.Fatal("a failed durable write is not kept for another try")
	}
	h.store.mu.Lock()
	h.store.sync = (*os.File).Sync
	h.store.mu.Unlock()
	term.Close()
	f.srv.Close()
	b, err := os.ReadFile(filepath.Join(dir, "sw001.json"))
	if err != nil || !strings.Contains(string(b), `"renamed"`) {
		t.Fatalf("after a clean stop the state file lacks the change whose save failed once (%v)", err)
	}
	if saved, _ := f.srv.StopReport(); saved < 1 {
		t.Errorf("the stop report counts %d chassis saved", saved)
	}
}

// A first touch that fails for a reason that passes (here the state
// file cannot be read: it is a directory for a moment; out of
// descriptors is the case met in practice) refuses that connection
// only: the next touch builds the chassis.
func TestFleetTransientTouchErrorTriedAgain(t *testing.T) {
	dir := t.TempDir()
	f := startAddressFleet(t, "chassis:\n  - name: sw\n    count: 2\n", dir, nil)
	path := filepath.Join(dir, "sw001.json")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := f.srv.LookupHost("sw001"); err == nil {
		t.Fatal("a chassis whose state file cannot be read was built")
	}
	os.Remove(path)
	h, err := f.srv.LookupHost("sw001")
	if err != nil || h == nil {
		t.Fatalf("the second touch, the cause gone: %v", err)
	}
	term := sshtest.Open(t, f.at(1, f.ports.SSH), "manager", "manager", 80, 24)
	term.Login("sw001# ")
	term.Close()
}

package server

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// syncRecorder stands in for fsync and notes what was synced and what
// the state file held at that moment.
type syncRecorder struct {
	t     *testing.T
	path  string
	calls []string
	fail  error
}

func (r *syncRecorder) sync(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		r.t.Fatal(err)
	}
	kind := "file"
	if st.IsDir() {
		kind = "dir"
	}
	cur, _ := os.ReadFile(r.path)
	r.calls = append(r.calls, kind+" "+filepath.Base(f.Name())+" size="+strconv.FormatInt(st.Size(), 10)+" target="+string(cur))
	return r.fail
}

func TestWriteAtomicSyncsTheFileThenItsDirectory(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &syncRecorder{t: t, path: path}
	if err := WriteAtomic(path, []byte("new!"), r.sync); err != nil {
		t.Fatal(err)
	}
	// the temp file is synced whole before the rename (the target is still
	// old), then the directory after it (the target is new)
	if len(r.calls) != 2 || !strings.HasPrefix(r.calls[0], "file .state.json.tmp-") || !strings.HasSuffix(r.calls[0], " size=4 target=old") ||
		!strings.HasPrefix(r.calls[1], "dir "+filepath.Base(dir)+" ") || !strings.HasSuffix(r.calls[1], " target=new!") {
		t.Fatalf("sync calls: %q", r.calls)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*")); len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
}

func TestWriteAtomicKeepsTheOldFileWhenSyncFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	os.WriteFile(path, []byte("old"), 0o600)
	r := &syncRecorder{t: t, path: path, fail: errors.New("disk on fire")}
	if err := WriteAtomic(path, []byte("new!"), r.sync); err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("state file now %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*")); len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
}

func TestStoreSyncsDurableSnapshots(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	// a temp file of a write a crash interrupted is cleaned up
	os.WriteFile(filepath.Join(dir, ".state.json.tmp-123"), []byte("half"), 0o600)
	s := NewStore(path)
	if left, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*")); len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
	r := &syncRecorder{t: t, path: path}
	s.sync = r.sync
	s.Save(&snapshot{data: []byte("one"), durable: true, seq: 1})
	if len(r.calls) != 2 || !strings.HasPrefix(r.calls[0], "file ") || !strings.HasPrefix(r.calls[1], "dir ") {
		t.Fatalf("durable save: %q", r.calls)
	}
	// a log-only change is encoded and written (synced too) by the flush
	encoded := 0
	s.Save(&snapshot{encode: func() ([]byte, uint64) { encoded++; return []byte("two"), 2 }})
	s.Save(&snapshot{encode: func() ([]byte, uint64) { encoded++; return []byte("three"), 3 }})
	if len(r.calls) != 2 || encoded != 0 {
		t.Fatalf("log-only change written at once: %q", r.calls)
	}
	s.Flush()
	if b, _ := os.ReadFile(path); string(b) != "three" || encoded != 1 || len(r.calls) != 4 {
		t.Fatalf("after flush: %q, %d encodings, syncs %q", b, encoded, r.calls)
	}
	// an older snapshot never overwrites a newer one
	s.Save(&snapshot{data: []byte("old"), durable: true, seq: 2})
	if b, _ := os.ReadFile(path); string(b) != "three" {
		t.Fatalf("an older snapshot was written over a newer: %q", b)
	}
}

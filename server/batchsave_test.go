package server

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A batch whose directory cannot be synced counts none of its files as
// saved and says why; one that can counts every file.
func TestWriteBatchCountsOnlyDurableFiles(t *testing.T) {
	dir := t.TempDir()
	files := []batchFile{{filepath.Join(dir, "a.json"), []byte("a")}, {filepath.Join(dir, "b.json"), []byte("b")}}
	n, err := writeBatch(files)
	if n != 2 || err != nil {
		t.Fatalf("a good batch: %d saved, %v", n, err)
	}
	syncDirFn = func(string) error { return errors.New("injected EIO") }
	defer func() { syncDirFn = syncDir }()
	n, err = writeBatch(files)
	if n != 0 || err == nil || !strings.Contains(err.Error(), "syncing directory "+dir+": injected EIO (its 2 renamed files may be old after a crash)") {
		t.Fatalf("a batch whose directory sync failed: %d saved, %v", n, err)
	}
	if b, _ := os.ReadFile(files[0].path); string(b) != "a" {
		t.Fatalf("the file holds %q", b)
	}
}

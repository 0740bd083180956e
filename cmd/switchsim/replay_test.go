package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplayExitStatus: a folder of matching transcripts exits 0; one
// whose expected output is wrong exits 1.
func TestReplayExitStatus(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"fig15-15.txt", "fig15-15.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "transcripts", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := replay([]string{dir}); err != nil {
		t.Fatalf("matching transcripts: %v", err)
	}
	path := filepath.Join(dir, "fig15-15.txt")
	data, _ := os.ReadFile(path)
	broken := strings.Replace(string(data), "|Default Boot    : Primary", "|Default Boot    : Secondary", 1)
	if broken == string(data) {
		t.Fatal("nothing to break")
	}
	os.WriteFile(path, []byte(broken), 0o644)
	var code exitCode
	if err := replay([]string{dir}); !errors.As(err, &code) || code != 1 {
		t.Fatalf("a differing transcript: %v", err)
	}
	// -update writes the replay's output back, and then it matches
	if err := replay([]string{"-update", dir}); err != nil {
		t.Fatalf("update: %v", err)
	}
	if err := replay([]string{dir}); err != nil {
		t.Fatalf("after update: %v", err)
	}
}

package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// stdout runs fn and returns what it printed.
func stdout(t *testing.T, fn func() error) (string, error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); done <- b }()
	ferr := fn()
	os.Stdout = old
	w.Close()
	return string(<-done), ferr
}

func TestInventoryCommand(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "fleet.yaml")
	os.WriteFile(inv, []byte("base-port: 30100\nchassis:\n  - name: a\n  - name: b\n    count: 2\n"), 0o644)
	out, err := stdout(t, func() error { return inventory([]string{"--format", "netmiko", inv}) })
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "a": {"device_type":"hp_procurve","host":"127.0.0.1","port":30100,"username":"manager","password":"manager"},
  "b001": {"device_type":"hp_procurve","host":"127.0.0.1","port":30110,"username":"manager","password":"manager"},
  "b002": {"device_type":"hp_procurve","host":"127.0.0.1","port":30120,"username":"manager","password":"manager"}
}
`
	if out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	// from a running server's state directory (fleet.json)
	state := filepath.Join(dir, "state")
	os.MkdirAll(state, 0o700)
	os.WriteFile(filepath.Join(state, "fleet.json"), []byte(`{"chassis":[{"name":"x","host":"127.0.0.1","port":4000,"managerUser":"manager","managerPassword":"pw"}]}`), 0o600)
	out, err = stdout(t, func() error { return inventory([]string{"--format", "netmiko", "--state-dir", state}) })
	var nm map[string]map[string]any
	if err != nil || json.Unmarshal([]byte(out), &nm) != nil || nm["x"]["port"] != float64(4000) || nm["x"]["password"] != "pw" {
		t.Fatalf("%v %q", err, out)
	}
	if _, err := stdout(t, func() error { return inventory([]string{"--format", "csv", inv}) }); err != exitCode(2) {
		t.Fatalf("unknown format: %v", err)
	}
}

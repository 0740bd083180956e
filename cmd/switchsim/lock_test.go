package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/switchsim/switchsim/server"
)

// A second server on a state directory that a running one holds refuses
// to start, naming the directory and the holder's pid, and leaves the
// holder's files alone (issue 14, defect 1).
func TestSecondServerOnAStateDirRefuses(t *testing.T) {
	dir := t.TempDir()
	p := startServeProc(t, dir)
	defer p.kill()
	before, err := os.ReadFile(filepath.Join(dir, "ports.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := newServeFlags("serve")
	if err := f.parse([]string{"--state-dir", dir, "--listen", "127.0.0.1:0", "--console1", "off", "--console2", "off",
		"--control", "127.0.0.1:0", "--web", "127.0.0.1:0", "--quiet"}); err != nil {
		t.Fatal(err)
	}
	err = runServer(f, io.Discard, func(*server.Server) {
		t.Error("the second server started")
		syscall.Kill(os.Getpid(), syscall.SIGINT) // and stops at once
	})
	var le *server.LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second server: %v", err)
	}
	abs, _ := filepath.Abs(dir)
	if le.Dir != abs || le.PID != p.cmd.Process.Pid {
		t.Fatalf("refusal names %q pid %d, want %q pid %d", le.Dir, le.PID, abs, p.cmd.Process.Pid)
	}
	msg := err.Error()
	if !strings.Contains(msg, abs) || !strings.Contains(msg, "pid ") {
		t.Fatalf("message %q", msg)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "ports.json"))
	if string(after) != string(before) {
		t.Fatalf("ports.json rewritten:\n%s\nwas\n%s", after, before)
	}
	if _, err := os.Stat(filepath.Join(dir, "control-token")); err == nil {
		t.Fatal("the refused server wrote a control token")
	}
	// once the holder is gone (even killed), the directory is free
	p.kill()
	release, err := server.LockDir(dir)
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	release()
}

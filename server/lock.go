package server

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockFile is the file in a state directory that a serving process
// holds an OS lock on, with its pid inside.
const LockFile = "switchsim.lock"

// ErrDirLocked: another process (or another server in this one) holds
// the state directory.
var ErrDirLocked = errors.New("state directory in use")

// LockedError names the directory and the process holding it.
type LockedError struct {
	Dir string
	PID int // 0 when the holder has not written its pid yet
}

func (e *LockedError) Error() string {
	who := "another switchsim"
	if e.PID > 0 {
		who += " (pid " + strconv.Itoa(e.PID) + ")"
	}
	return fmt.Sprintf("%s is in use by %s; stop it, or serve another --state-dir", e.Dir, who)
}

func (e *LockedError) Unwrap() error { return ErrDirLocked }

// LockDir takes an exclusive OS file lock on a state directory for as
// long as the process runs (or until release is called), so that two
// servers never write the same state files, ports.json and listings.
// The lock goes with the process, however it ends: a SIGKILLed server
// leaves no stale lock. A held directory gives a *LockedError.
func LockDir(dir string) (release func(), err error) {
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			pid := 0
			if b, rerr := os.ReadFile(path); rerr == nil {
				pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			}
			abs, aerr := filepath.Abs(dir)
			if aerr != nil {
				abs = dir
			}
			return nil, &LockedError{Dir: abs, PID: pid}
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return func() {
		f.Truncate(0)
		unlockFile(f)
		f.Close()
	}, nil
}

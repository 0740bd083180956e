//go:build unix

package server

import (
	"errors"
	"os"
	"syscall"
)

var errWouldBlock = errors.New("lock held")

// lockFile takes an exclusive flock without waiting. flock locks belong
// to the open file: a second open of the same file, even in this
// process, does not get it.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errWouldBlock
	}
	return err
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

//go:build !unix

package server

import (
	"errors"
	"os"
)

var errWouldBlock = errors.New("lock held")

// lockFile: no OS lock on this system; the directory is not guarded.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}

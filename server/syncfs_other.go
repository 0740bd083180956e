//go:build !linux

package server

// syncData flushes the temp files one by one.
func syncData(_ string, temps []string) error { return fsyncEach(temps) }

// Package testterm collects what a console writes, for tests that compare
// a session's output exactly, step by step.
package testterm

import (
	"bytes"
	"strings"
	"sync"
)

// Screen records the bytes written to it (safe for concurrent use).
type Screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
	off int
}

// Write records p.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

// Fresh returns what was written since the last call, byte for byte.
func (s *Screen) Fresh() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.buf.String()[s.off:]
	s.off = s.buf.Len()
	return out
}

// String returns everything written so far.
func (s *Screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// FreshLF is Fresh with every "\r\n" written "\n", for readable
// expectations where the line ends are not what is being tested.
func (s *Screen) FreshLF() string { return strings.ReplaceAll(s.Fresh(), "\r\n", "\n") }

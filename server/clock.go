package server

import (
	"sync"
	"time"
)

// Clock is the time a chassis runs on. The model never reads a clock; the
// host passes this one's Now to it.
type Clock interface {
	Now() time.Time
	// Virtual clocks move only when told to (tests, transcripts); real
	// ones move by themselves and the host runs a timer goroutine.
	Virtual() bool
}

// RealClock runs from a start time at Scale model seconds per wall
// second's inverse: Scale 0.01 makes every duration 100 times shorter in
// wall time, and the shown clock runs 100 times faster accordingly.
type RealClock struct {
	start time.Time
	wall  time.Time
	scale float64
}

// NewRealClock starts a clock at start (zero: the wall clock's now).
func NewRealClock(start time.Time, scale float64) *RealClock {
	wall := time.Now()
	if start.IsZero() {
		start = wall
	}
	if scale <= 0 {
		scale = 1
	}
	return &RealClock{start: start, wall: wall, scale: scale}
}

// Now is the model time.
func (c *RealClock) Now() time.Time {
	return c.start.Add(time.Duration(float64(time.Since(c.wall)) / c.scale))
}

// Virtual is false.
func (c *RealClock) Virtual() bool { return false }

// WallUntil is the wall time until the model time t.
func (c *RealClock) WallUntil(t time.Time) time.Duration {
	d := t.Sub(c.Now())
	if d < 0 {
		return 0
	}
	return time.Duration(float64(d) * c.scale)
}

// VirtualClock moves only with Advance.
type VirtualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewVirtualClock starts a virtual clock.
func NewVirtualClock(start time.Time) *VirtualClock { return &VirtualClock{now: start} }

// Now is the clock's time.
func (c *VirtualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Virtual is true.
func (c *VirtualClock) Virtual() bool { return true }

// set moves the clock to t (never backwards).
func (c *VirtualClock) set(t time.Time) {
	c.mu.Lock()
	if t.After(c.now) {
		c.now = t
	}
	c.mu.Unlock()
}

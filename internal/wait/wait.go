// Package wait is the tests' deadline poll: a condition that some other
// goroutine makes true (a session's end running as its channel closes,
// an event stream unsubscribing) is checked on a ticker until it holds
// or the deadline passes. It is for state no channel announces; where
// one does, wait on the channel.
package wait

import (
	"testing"
	"time"
)

// Timeout is how long For waits.
const Timeout = 10 * time.Second

// tick is how often the condition is checked.
const tick = time.Millisecond

// For checks cond until it holds, failing the test with what (and the
// description describe gives, if any) when Timeout passes first.
func For(tb testing.TB, what string, cond func() bool, describe ...func() string) {
	tb.Helper()
	if Until(Timeout, cond) {
		return
	}
	msg := what
	for _, d := range describe {
		msg += ": " + d()
	}
	tb.Fatalf("waited %v for %s", Timeout, msg)
}

// Until checks cond until it holds or d passes, and reports which.
func Until(d time.Duration, cond func() bool) bool {
	if cond() {
		return true
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	deadline := time.After(d)
	for {
		select {
		case <-t.C:
			if cond() {
				return true
			}
		case <-deadline:
			return cond()
		}
	}
}

package wait

import (
	"sync/atomic"
	"testing"
	"time"
)

// A condition another goroutine makes true is seen; one that never
// holds is reported false when the time is up.
func TestUntil(t *testing.T) {
	var n atomic.Int32
	go func() {
		for i := 0; i < 5; i++ {
			n.Add(1)
		}
	}()
	if !Until(time.Second, func() bool { return n.Load() == 5 }) {
		t.Fatal("the condition that came true was not seen")
	}
	start := time.Now()
	if Until(20*time.Millisecond, func() bool { return false }) {
		t.Fatal("a condition that never held was reported")
	}
	if time.Since(start) < 20*time.Millisecond {
		t.Fatal("gave up before the time was up")
	}
}

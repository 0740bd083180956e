package wait

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

// Goroutines waits for the goroutine count to come back to base (the
// sessions a test ended winding down) and dumps the goroutines when it
// does not within 15 s.
func Goroutines(tb testing.TB, base int) {
	tb.Helper()
	if Until(15*time.Second, func() bool { return runtime.NumGoroutine() <= base }) {
		return
	}
	pprof.Lookup("goroutine").WriteTo(os.Stderr, 1)
	tb.Fatalf("%d goroutines, baseline %d", runtime.NumGoroutine(), base)
}

// Heap is the heap in use after two collections (what a finalizer kept
// alive in the first, a closed connection's buffers, goes in the
// second).
func Heap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// HeapBounded fails when the heap grew more than limit since before.
func HeapBounded(tb testing.TB, before, limit uint64, what string) {
	tb.Helper()
	if after := Heap(); after > before+limit {
		tb.Fatalf("%s: heap grew from %d to %d bytes", what, before, after)
	}
}

// String describes a count for For's message.
func String(format string, args ...any) func() string {
	return func() string { return fmt.Sprintf(format, args...) }
}

package console_test

import (
	"io"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/internal/wait"
)

// A conn asked to end soon, with an hour's grace, is freed as soon as it
// is closed: EndSoon's timer does not keep it (and through it the server
// its closer reaches) alive until the grace is over.
func TestEndSoonKeepsNothingAfterClose(t *testing.T) {
	var freed atomic.Bool
	func() {
		conn := console.NewConn(io.Discard, true, 80, 24)
		held := new([1 << 16]byte) // what the conn keeps alive through its closer
		runtime.SetFinalizer(held, func(*[1 << 16]byte) { freed.Store(true) })
		conn.SetCloser(func() { _ = held[0] })
		conn.EndSoon(1 << 62)
		conn.Close()
	}()
	wait.For(t, "the closed conn to be collected", func() bool {
		runtime.GC()
		return freed.Load()
	})
}

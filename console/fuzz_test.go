package console_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
)

// FuzzConsoleInput types arbitrary bytes into a manager session on a
// fresh chassis (virtual clock), then hangs up and lets time pass. The
// session must end, nothing may panic, every line the console writes
// ends in CR LF (newline translation has one place), and the chassis
// never has two active modules. Seeds: testdata/fuzz/FuzzConsoleInput;
// height is the terminal's (small ones exercise the pager), and its top
// bit paints the session as the 8212zl does (VT100 sequences).
func FuzzConsoleInput(f *testing.F) {
	f.Add(uint8(24), []byte(" show version\r"))
	f.Add(uint8(5), []byte(" show running-config\r \r\x03"))
	f.Add(uint8(0x80|22), []byte(" shw\x02o\x05 ver\x7f\x7fversion\r\x1b[A\x01\x0b?\t\x03"))
	f.Add(uint8(0x80|3), []byte(" show running-config\r \r\x03redundancy switchover\rn"))
	f.Fuzz(func(t *testing.T, height uint8, input []byte) {
		h := newHost(t)
		w := &testterm.Screen{}
		rows := int(height%64) + 2
		conn := console.NewConn(w, true, 80, rows)
		conn.MaxLine = 64
		sess := &commands.Session{Host: h, Transport: "SSH", Peer: "127.0.0.1", Manager: true, Paging: true, Width: 80, Height: rows}
		v := procurve.Vendor{}
		cli := console.NewCLI(conn, sess, v.Shell(sess, model.Active), h, v.Texts())
		if height&0x80 != 0 {
			h.View(func(c *model.Chassis) { cli.SetPainter(v.Console().Paint(c)) })
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			cli.Serve()
			conn.End()
		}()
		// typed in a few bursts, as a client would send it
		for len(input) > 0 {
			n := min(len(input), 1+int(input[0])%32)
			if conn.Feed(input[:n]) != nil {
				break
			}
			input = input[n:]
			conn.WaitIdle()
		}
		conn.CloseInput()
		conn.WaitIdle()
		// a download or reboot started by the input finishes
		h.Advance(time.Hour)
		conn.WaitIdle()
		conn.Close()
		<-done
		out := []byte(w.Fresh())
		for i, b := range out {
			if b == '\n' && (i == 0 || out[i-1] != '\r') {
				t.Fatalf("bare LF at %d: %q", i, out[max(0, i-40):i+1])
			}
		}
		if bytes.Contains(out, []byte("\r\n\n")) {
			t.Fatalf("doubled line end: %q", out)
		}
		h.View(func(c *model.Chassis) {
			n := 0
			for _, m := range c.Modules {
				if m.State == model.Active {
					n++
				}
			}
			if n > 1 {
				t.Fatalf("%d active modules", n)
			}
		})
	})
}

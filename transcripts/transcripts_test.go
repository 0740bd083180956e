package transcripts

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/server"
)

var update = flag.Bool("update", false, "rewrite the expected output of the golden transcripts (review the diff)")

// TestTranscripts replays every golden transcript in testdata against a
// fresh chassis and compares each step's screen text.
func TestTranscripts(t *testing.T) {
	files, err := Files("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no transcripts in testdata")
	}
	for _, path := range files {
		path := path
		name, _ := filepath.Rel("testdata", path)
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			t.Parallel()
			var out strings.Builder
			n, err := Check(path, *update, Options{}, &out)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if out.Len() > 0 {
					t.Log(strings.TrimSpace(out.String()))
				}
				return
			}
			if n > 0 {
				t.Error("\n" + out.String())
			}
		})
	}
}

// TestTranscriptsPainted replays every golden transcript again with the
// server in vt100 mode, each console read through a VT100 of its size:
// the 8212zl paints its sessions then (cursor addressing, scroll
// regions, ESC E), the other vendors do not, and every step must show the
// same lines as the file, which the plain replay wrote.
func TestTranscriptsPainted(t *testing.T) {
	files, err := Files("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		path := path
		name, _ := filepath.Rel("testdata", path)
		// the 8212zl's are at the top and in procurve/
		procurve := !strings.Contains(name, "/") || strings.HasPrefix(name, "procurve/")
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			t.Parallel()
			f, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(f, Options{Terminal: server.TerminalVT100})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range res.Mismatches() {
				t.Error(m.Error())
			}
			if res.Painted != procurve {
				t.Errorf("escape sequences in the output: %v, want %v", res.Painted, procurve)
			}
		})
	}
}

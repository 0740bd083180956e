package transcripts

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"
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

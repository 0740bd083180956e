package termtext

import "testing"

func TestString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain\r\ntext", "plain\r\ntext"},
		{"\x1b[2J\x1b[?7l\x1b[3;23r\x1b[1;1HHP\r\r\n", "HP\r\r\n"},
		{"\x1b[42;9Hl\x1b[42;9H\x1b[?25h\x1b[42;10H\x1bEout\r\n", "l\r\nout\r\n"},
		{"a\x1b7b\x1b8c\x1b(Bd", "abcd"},
		{"a\x1b[\r\nb", "a\r\nb"},
	} {
		if got := String(c.in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// A sequence split across reads is held back until it ends.
func TestSplitAcrossChunks(t *testing.T) {
	in := "x\x1b[24;13Hs\x1b[24;13H\x1b[?25h\x1b[24;14H\x1bEShow\r\n"
	want := String(in)
	for cut := 0; cut <= len(in); cut++ {
		for cut2 := cut; cut2 <= len(in); cut2++ {
			var d Decoder
			out := d.Append(nil, []byte(in[:cut]))
			out = d.Append(out, []byte(in[cut:cut2]))
			out = d.Append(out, []byte(in[cut2:]))
			if string(out) != want {
				t.Fatalf("cut at %d, %d: %q, want %q", cut, cut2, out, want)
			}
		}
	}
}

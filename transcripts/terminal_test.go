package transcripts

import (
	"os"
	"strings"
	"testing"
)

func lines(s *Screen) string { return strings.Join(s.Lines(), "|") }

func TestTerminalCursorAndErase(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain lines", "ab\r\ncd\r\n", "ab|cd|"},
		{"absolute moves", "\x1b[2;3Hx\x1b[1;1Hy", "y|  x"},
		{"rows jumped over are not text", "top\r\n\x1b[10;1Hbottom", "top|bottom"},
		{"NEL", "one\x1bEtwo", "one|two"},
		{"LF keeps the column", "ab\ncd", "ab|  cd"},
		{"erase to the end of the line", "abcdef\x1b[1;3H\x1b[K", "ab    "},
		{"erasing cells never written leaves nothing", "ab\r\n\x1b[2Kcd", "ab|cd"},
		{"erase the line", "abcdef\x1b[1;3H\x1b[2Kx", "  x   "},
		{"erase to the start", "abcdef\x1b[1;3H\x1b[1K", "   def"},
		{"relative moves", "abc\x1b[2Dx\x1b[Cy", "axcy"},
		{"unknown sequences show", "a\x1b[5xb\x1bZ", "a^[[5xb^[Z"},
		{"attributes and cursor visibility change nothing", "\x1b[7ma\x1b[0m\x1b[?25lb\x1b[?25h", "ab"},
		{"control bytes show", "a\x07b", "a^Gb"},
		{"insert and delete lines", "1\r\n2\r\n3\x1b[2;1H\x1b[L", "1||2|3"},
	}
	for _, c := range cases {
		s := NewTerminal(10, 5)
		s.Write([]byte(c.in))
		if got := lines(s); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// Scrolling, wrapping and clearing, each on a screen of its size.
func TestTerminalScrollWrapClear(t *testing.T) {
	cases := []struct {
		name     string
		w, h     int
		in, want string
	}{
		{"the whole screen scrolls into the scrollback", 10, 3, "1\r\n2\r\n3\r\n4\r\n5", "1|2|3|4|5"},
		// what scrolls out of a region below the top is gone; the rows
		// outside it stay
		{"a region", 10, 5, "head\x1b[2;4r\x1b[2;1Ha\r\nb\r\nc\r\nd\r\ne\x1b[5;1Hfoot", "head|c|d|e|foot"},
		{"a line feed on the last row, below the region, does not scroll", 10, 5, "\x1b[1;3r\x1b[5;1Hx\r\ny", "y"},
		{"setting a region homes the cursor; origin mode counts from it", 10, 5, "\x1b[2;4r\x1b[?6h\x1b[1;1Hx\x1b[?6l", "|x"},
		{"reverse index at the top of the region scrolls it down", 10, 3, "a\r\nb\x1b[1;1H\x1bMc", "c|a|b"},
		{"wrap on: a long line goes on on the next row and reads as one", 4, 3, "abcdefghij\r\nk", "abcdefghij|k"},
		{"wrap off: the last column is overwritten", 4, 3, "\x1b[?7labcdefg\r\nk", "abcg|k"},
		{"a line that fills the row exactly does not wrap before its CR LF", 4, 3, "abcd\r\nef", "abcd|ef"},
		{"clearing the screen keeps what it showed", 10, 5, "boot 1\r\nboot 2\r\n\x1b[2J\x1b[1;1Hbanner", "boot 1|boot 2|banner"},
	}
	for _, c := range cases {
		s := NewTerminal(c.w, c.h)
		s.Write([]byte(c.in))
		if got := lines(s); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// Since and Mark work as on the plain screen: a prompt redrawn on the
// last row after the output shows as the next line.
func TestTerminalSince(t *testing.T) {
	s := NewTerminal(20, 4)
	s.Write([]byte("\x1b[1;4r\x1b[4;1H\x1b[2Kp# "))
	m := s.Mark()
	s.Write([]byte("\x1b[4;4Hx\x1b[4;4H\x1b[?25h\x1b[4;5H\x1bEout 1\r\nout 2\r\n\x1b[1;4r\x1b[4;1H\x1b[4;1H\x1b[2Kp# "))
	got := strings.Join(s.Since(m), "|")
	if got != "p# x|out 1|out 2|p# " {
		t.Fatalf("since: %q", got)
	}
}

// The captured banner on a 24-row terminal reads as the plain banner
// (without the two rows it jumps over to draw Press any key).
func TestTerminalReadsTheCapturedBanner(t *testing.T) {
	raw, err := os.ReadFile("../commands/procurve/testdata/vt100/exscript_hp_pro_curve.1.bin")
	if err != nil {
		t.Fatal(err)
	}
	s := NewTerminal(80, 24)
	s.Write(raw[:len(raw)-1])
	got := s.Lines()
	if len(got) != 22 || got[0] != "ProCurve J8697A Switch 5406zl" || got[19] != "" || got[20] != "" || got[21] != "Press any key to continue" {
		t.Fatalf("%d lines: %q", len(got), got)
	}
}

package console_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/internal/testterm"
)

// linesShell prints as many numbered lines as the line typed says ("17",
// or "5+12": two prints), and a help listing of helpLines lines.
type linesShell struct{ helpLines int }

func (s *linesShell) Welcome(commands.Terminal) error { return nil }
func (s *linesShell) Prompt() string                  { return "sw # " }
func (s *linesShell) Complete(string) (string, string) {
	return "", ""
}
func (s *linesShell) Help(string) string {
	var b strings.Builder
	for i := 1; i <= s.helpLines; i++ {
		fmt.Fprintf(&b, " word%d    help line %d\n", i, i)
	}
	return b.String()
}
func (s *linesShell) Run(t commands.Terminal, line string) error {
	n := 0
	for _, part := range strings.Split(line, "+") {
		k, _ := strconv.Atoi(strings.TrimSpace(part))
		var b strings.Builder
		for i := 0; i < k; i++ {
			n++
			fmt.Fprintf(&b, "line %d\n", n)
		}
		t.Print(b.String())
	}
	return nil
}

const more = "--more--"

func openLines(t *testing.T, height, helpLines int) *term {
	t.Helper()
	h := newHost(t)
	w := &testterm.Screen{}
	conn := console.NewConn(w, true, 80, height)
	sess := &commands.Session{Host: h, Transport: "SSH", Manager: true, Paging: true, Width: 80, Height: height}
	texts := commands.Texts{Pager: func(int) string { return more }}
	cli := console.NewCLI(conn, sess, &linesShell{helpLines: helpLines}, h, texts)
	tm := &term{t: t, conn: conn, w: w, sess: sess, host: h, done: make(chan error, 1)}
	go func() { tm.done <- cli.Serve(); conn.End() }()
	t.Cleanup(func() { conn.Close(); <-tm.done })
	conn.WaitIdle()
	tm.w.Fresh()
	return tm
}

func numbered(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "line %d\r\n", i)
	}
	return b.String()
}

// The pager asks only when a line is left to show: an output that fills
// the screen exactly ends at the prompt (issue 14, defect 8).
func TestPagerOnlyWhenMoreIsLeft(t *testing.T) {
	erase := "\r" + strings.Repeat(" ", len(more)) + "\r"
	tm := openLines(t, 18, 0)
	// 17 lines and the prompt fill 18 rows: no pager
	tm.expect("17\r", "17\r\n"+numbered(1, 17)+"sw # ")
	// the same in two prints
	tm.expect("9+8\r", "9+8\r\n"+numbered(1, 17)+"sw # ")
	// 18 lines: a page of 17, the pager, then the last line
	tm.expect("18\r", "18\r\n"+numbered(1, 17)+more)
	tm.expect(" ", erase+numbered(18, 18)+"sw # ")

	tm = openLines(t, 10, 0)
	// 18 lines at length 10: two pages of 9, and no pager after the second
	tm.expect("18\r", "18\r\n"+numbered(1, 9)+more)
	tm.expect(" ", erase+numbered(10, 18)+"sw # ")
	// 19 lines: the pager after each page that has more behind it
	tm.expect("19\r", "19\r\n"+numbered(1, 9)+more)
	tm.expect(" ", erase+numbered(10, 18)+more)
	tm.expect(" ", erase+numbered(19, 19)+"sw # ")
	// Enter shows one more line, and asks again only if one is left
	tm.expect("11\r", "11\r\n"+numbered(1, 9)+more)
	tm.expect("\r", erase+numbered(10, 10)+more)
	tm.expect("\r", erase+numbered(11, 11)+"sw # ")
}

// A `?` listing longer than the screen goes through the pager, and the
// line typed so far is shown again after it (issue 14, defect 13).
func TestHelpListingIsPaged(t *testing.T) {
	erase := "\r" + strings.Repeat(" ", len(more)) + "\r"
	tm := openLines(t, 10, 12)
	out := tm.typ("sh ?")
	if !strings.HasPrefix(out, "sh ?\r\n word1 ") || !strings.HasSuffix(out, more) || strings.Count(out, "\r\n") != 1+9 {
		t.Fatalf("first page of help: %q", out)
	}
	out = tm.typ(" ")
	if !strings.HasPrefix(out, erase+" word10 ") || !strings.HasSuffix(out, " word12    help line 12\r\nsw # sh ") {
		t.Fatalf("rest of help: %q", out)
	}
	// ^C at the pager ends the listing; the line is kept
	tm.typ("\x15")
	tm.w.Fresh()
	out = tm.typ("x?")
	if !strings.HasSuffix(out, more) {
		t.Fatalf("help pager: %q", out)
	}
	tm.expect("\x03", erase+"sw # x")
	// a short listing is not paged
	tm2 := openLines(t, 24, 3)
	tm2.expect("?", "?\r\n word1    help line 1\r\n word2    help line 2\r\n word3    help line 3\r\nsw # ")
}

// Enter with the cursor inside the line moves it to the end of the line
// first, so the output after it cannot overwrite the rest of a line that
// wrapped on the screen (issue 14, defect 5).
func TestEnterInsideTheLineMovesToItsEnd(t *testing.T) {
	tm := open(t, 24)
	long := strings.Repeat("a", 150)
	tm.typ(long)
	tm.typ("\x01") // ^A: to the start
	tm.typ("x")
	out := tm.typ("\r")
	if !strings.HasPrefix(out, long+"\r\n") {
		t.Fatalf("Enter in the middle of the line wrote %q before the rest of it", out[:min(len(out), 40)])
	}
	if !strings.Contains(out, "Invalid input: x"+long) {
		t.Fatalf("the line run: %q", out)
	}
}

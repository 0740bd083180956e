package console_test

import (
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

var start = time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)

// fresh returns what was written since the last call.
type term struct {
	t    *testing.T
	conn *console.Conn
	w    *testterm.Screen
	sess *commands.Session
	host *server.Host
	done chan error
}

func newHost(t *testing.T) *server.Host {
	t.Helper()
	sc := vendors.Default()
	v := procurve.Vendor{}
	if err := sc.Chassis.Start(start); err != nil {
		t.Fatal(err)
	}
	h := server.NewHost("t", v, sc.Chassis, server.NewVirtualClock(start), scenario.Builtin())
	t.Cleanup(h.Close)
	return h
}

// open starts a manager session and answers "Press any key".
func open(t *testing.T, height int) *term {
	t.Helper()
	h := newHost(t)
	w := &testterm.Screen{}
	conn := console.NewConn(w, true, 80, height)
	sess := &commands.Session{Host: h, Module: 0, Transport: "SSH", Peer: "127.0.0.1", Manager: true, Paging: true, Width: 80, Height: height}
	cli := console.NewCLI(conn, sess, procurve.Vendor{}.Shell(sess, model.Active), h, procurve.Vendor{}.Texts())
	tm := &term{t: t, conn: conn, w: w, sess: sess, host: h, done: make(chan error, 1)}
	go func() { tm.done <- cli.Serve(); conn.End() }()
	t.Cleanup(func() { conn.Close(); <-tm.done })
	conn.WaitIdle()
	if out := w.Fresh(); !strings.HasSuffix(out, "Press any key to continue") {
		t.Fatalf("no Press any key: %q", out)
	}
	tm.typ(" ")
	return tm
}

// typ feeds input and returns the output it caused.
func (tm *term) typ(s string) string {
	tm.t.Helper()
	if err := tm.conn.Feed([]byte(s)); err != nil {
		tm.t.Fatal(err)
	}
	tm.conn.WaitIdle()
	return tm.w.Fresh()
}

func (tm *term) expect(input, want string) {
	tm.t.Helper()
	if got := tm.typ(input); got != want {
		tm.t.Fatalf("after %q:\n got %q\nwant %q", input, got, want)
	}
}

const prompt = "HP-E8212zl# "

func TestFirstPromptAfterAnyKey(t *testing.T) {
	h := newHost(t)
	w := &testterm.Screen{}
	conn := console.NewConn(w, true, 80, 24)
	sess := &commands.Session{Host: h, Transport: "SSH", Manager: true, Paging: true, Width: 80, Height: 24}
	cli := console.NewCLI(conn, sess, procurve.Vendor{}.Shell(sess, model.Active), h, procurve.Vendor{}.Texts())
	done := make(chan error, 1)
	go func() { done <- cli.Serve() }()
	conn.WaitIdle()
	banner := w.Fresh()
	// the first lines end in CR CR LF, as on a real K.15 switch
	if !strings.HasPrefix(banner, "HP J9091A Switch E8212zl\r\r\nSoftware revision K.15.06.0017\r\r\n\r\r\nCopyright (C) 1991-2012 Hewlett-Packard Development Company, L.P.\r\n") {
		t.Fatalf("banner start: %q", banner[:120])
	}
	if !strings.HasSuffix(banner, "www.hp.com/networking/register\r\n\r\nPress any key to continue") {
		t.Fatalf("banner end: %q", banner[len(banner)-80:])
	}
	// any single key continues; the prompt has one trailing space
	conn.Feed([]byte("x"))
	conn.WaitIdle()
	if got := w.Fresh(); got != "\r\n"+prompt {
		t.Fatalf("got %q", got)
	}
	conn.Close()
	<-done
}

func TestEchoEachCharacterBeforeEnter(t *testing.T) {
	tm := open(t, 24)
	tm.w.Fresh()
	for _, c := range "show" {
		tm.expect(string(c), string(c))
	}
}

func TestEnterForms(t *testing.T) {
	tm := open(t, 24)
	tm.w.Fresh()
	// "\r", "\n" and "\r\n" are one Enter each
	tm.expect("\r", "\r\n"+prompt)
	tm.expect("\n", "\r\n"+prompt)
	tm.expect("\r\n", "\r\n"+prompt)
	// a lone "\r" and a later lone "\n" are two
	tm.expect("\r", "\r\n"+prompt)
	tm.expect("\n", "\r\n"+prompt)
	// type-ahead in one burst runs in order
	tm.expect("no page\nterminal width 511\n", "no page\r\n"+prompt+"terminal width 511\r\n"+prompt)
	if tm.sess.Width != 511 || tm.sess.Paging {
		t.Fatalf("width %d paging %v", tm.sess.Width, tm.sess.Paging)
	}
}

func TestNULIgnored(t *testing.T) {
	tm := open(t, 24)
	tm.expect("\x00", "")
	tm.expect("e\x00xit", "exit")
}

func TestInvalidAndAmbiguous(t *testing.T) {
	tm := open(t, 24)
	tm.expect("show bogus\r", "show bogus\r\nInvalid input: bogus\r\n"+prompt)
	tm.expect("sh lo\r", "sh lo\r\nAmbiguous input: lo\r\n"+prompt)
	tm.expect("show\r", "show\r\nIncomplete input: show\r\n"+prompt)
	tm.expect("frobnicate\r", "frobnicate\r\nInvalid input: frobnicate\r\n"+prompt)
}

func TestHelpImmediately(t *testing.T) {
	tm := open(t, 24)
	got := tm.typ("show red?")
	want := "show red?\r\n redundancy            Show the status of the management and fabric modules.\r\n" + prompt + "show red"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	// the line stays: Enter runs it
	out := tm.typ("\r")
	if !strings.HasPrefix(out, "\r\n\r\n  Settings\r\n") {
		t.Fatalf("after help: %q", out)
	}
}

func TestHelpCR(t *testing.T) {
	tm := open(t, 24)
	tm.expect("show flash ?", "show flash ?\r\n <cr>\r\n"+prompt+"show flash ")
}

func TestHelpInsideQuotesIsText(t *testing.T) {
	tm := open(t, 24)
	tm.typ("config\r")
	tm.expect(`hostname "a?`, `hostname "a?`)
}

func TestTabCompletion(t *testing.T) {
	tm := open(t, 24)
	tm.expect("sh\t", "show ")
	tm.expect("red\t", "redundancy ")
	// ambiguous: the candidates are listed and the line redrawn
	tm.w.Fresh()
	tm.typ("\x15")
	// "sh lo" extends to the common prefix "log"
	tm.expect("sh lo\t", "sh log")
	// at "log" both log and logging remain: they are listed
	tm.expect("\t", "\r\n log\r\n logging\r\n"+prompt+"sh log")
}

func TestCtrlCAbandonsLine(t *testing.T) {
	tm := open(t, 24)
	tm.expect("show ver\x03", "show ver\r\n"+prompt)
	tm.expect("\r", "\r\n"+prompt)
}

func TestLineEditing(t *testing.T) {
	tm := open(t, 24)
	// backspace erases the last character on screen
	tm.expect("shox\x7f", "shox\b \b")
	// ^U erases the whole line
	tm.expect("\x15", "\b\b\b   \b\b\b")
	// ^W erases the last word
	tm.expect("show flash\x17", "show flash\b\b\b\b\b     \b\b\b\b\b")
	// ^A, then type at the start: the rest is redrawn
	tm.typ("\x15")
	tm.typ("how")
	tm.expect("\x01", "\b\b\b")
	tm.expect("s", "show\b\b\b")
	// ^E to the end, ^K kills nothing there
	tm.expect("\x05", "how")
	out := tm.typ(" flash\r")
	if !strings.HasPrefix(out, " flash\r\nImage") {
		t.Fatalf("edited line did not run as 'show flash': %q", out)
	}
}

func TestHistory(t *testing.T) {
	tm := open(t, 24)
	tm.typ("no page\r")
	tm.w.Fresh()
	tm.expect("\x1b[A", "no page")
	tm.expect("\x1b[B", "\b\b\b\b\b\b\b       \b\b\b\b\b\b\b")
}

func TestQuotedArguments(t *testing.T) {
	tm := open(t, 24)
	tm.typ("configure\r")
	tm.expect(`hostname "Lab Core 1"`+"\r", `hostname "Lab Core 1"`+"\r\nLab Core 1(config)# ")
}

func TestLongLineIsBounded(t *testing.T) {
	tm := open(t, 24)
	tm.conn.MaxLine = 16
	got := tm.typ(strings.Repeat("a", 40))
	if got != strings.Repeat("a", 16) {
		t.Fatalf("echoed %d bytes", len(got))
	}
	tm.expect("\r", "\r\nInvalid input: "+strings.Repeat("a", 16)+"\r\n"+prompt)
}

func TestPager(t *testing.T) {
	tm := open(t, 8)
	out := tm.typ("show interfaces brief\r")
	more := "-- MORE --, next page: Space, next line: Enter, quit: Control-C"
	if !strings.HasSuffix(out, more) {
		t.Fatalf("no pager: %q", out)
	}
	if n := strings.Count(out, "\r\n"); n != 1+7 { // the echoed command, then 7 lines
		t.Fatalf("%d lines before the pager, want 1+7 (height 8)", n)
	}
	erase := "\r" + strings.Repeat(" ", len(more)) + "\r"
	// Enter: one more line
	out = tm.typ("\r")
	if !strings.HasPrefix(out, erase) || strings.Count(out, "\r\n") != 1 || !strings.HasSuffix(out, more) {
		t.Fatalf("next line: %q", out)
	}
	// ^C quits and returns to the prompt
	tm.expect("\x03", erase+prompt)
	// no page: no pager at all
	tm.typ("no page\r")
	out = tm.typ("show interfaces brief\r")
	if strings.Contains(out, "MORE") || !strings.HasSuffix(out, prompt) {
		t.Fatalf("paged after no page: %q", out)
	}
}

func TestPagerSpace(t *testing.T) {
	tm := open(t, 8)
	tm.typ("show interfaces brief\r")
	// Space: a whole new page (7 lines at height 8), then the pager again
	out := tm.typ(" ")
	if strings.Count(out, "\r\n") != 7 || !strings.HasSuffix(out, "Control-C") {
		t.Fatalf("space: %q", out)
	}
}

func TestDialogs(t *testing.T) {
	tm := open(t, 24)
	q := "Do you want to log out [y/n]? "
	tm.expect("logout\r", "logout\r\n"+q)
	// a bare Enter is not an answer; other keys are ignored
	tm.expect("\r", "")
	tm.expect("x", "")
	// n answers; the CRLF right after it is dropped
	tm.expect("n\r\n", "n\r\n"+prompt)
	// after the swallowed Enter, the next Enter is a real one
	tm.expect("\r", "\r\n"+prompt)
}

func TestLogoutSaveQuestionCtrlC(t *testing.T) {
	tm := open(t, 24)
	tm.typ("config\r")
	tm.typ("hostname Changed\r")
	tm.typ("end\r")
	tm.w.Fresh()
	tm.expect("logout\r", "logout\r\nDo you want to log out [y/n]? ")
	tm.expect("y", "y\r\nDo you want to save current configuration [y/n/^C]? ")
	// ^C returns to the prompt, still logged in
	tm.expect("\x03", "\r\nChanged# ")
	tm.expect("logout\r", "logout\r\nDo you want to log out [y/n]? ")
	tm.typ("Y")
	tm.typ("n")
	select {
	case err := <-tm.done:
		if err != nil {
			t.Fatalf("logout: %v", err)
		}
		tm.done <- nil
	case <-time.After(5 * time.Second):
		t.Fatal("session did not end")
	}
}

func TestWindowChange(t *testing.T) {
	tm := open(t, 24)
	tm.conn.Resize(132, 50)
	tm.typ("\r")
	if tm.sess.Width != 132 || tm.sess.Height != 50 {
		t.Fatalf("size %dx%d", tm.sess.Width, tm.sess.Height)
	}
}

func TestCursorReportDropped(t *testing.T) {
	tm := open(t, 24)
	tm.expect("\x1b[24;80R", "")
	tm.expect("exit", "exit")
}

func TestCtrlCInPlainQuestionIsIgnored(t *testing.T) {
	tm := open(t, 24)
	tm.typ("logout\r")
	tm.expect("\x03", "")
	tm.expect("n", "n\r\n"+prompt)
}

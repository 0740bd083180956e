package console_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/internal/testterm"
)

// askShell runs one question per line and prints what it returned.
type askShell struct {
	ask func(t commands.Terminal) (string, error)
}

func (s *askShell) Welcome(commands.Terminal) error { return nil }
func (s *askShell) Prompt() string                  { return "sw # " }
func (s *askShell) Help(string) string              { return "" }
func (s *askShell) Complete(string) (string, string) {
	return "", ""
}
func (s *askShell) Run(t commands.Terminal, line string) error {
	if line == "" {
		return nil
	}
	got, err := s.ask(t)
	t.Print(fmt.Sprintf("-> %q %v\n", got, err))
	return nil
}

func openAsk(t *testing.T, ask func(t commands.Terminal) (string, error)) *term {
	t.Helper()
	h := newHost(t)
	w := &testterm.Screen{}
	conn := console.NewConn(w, true, 80, 24)
	sess := &commands.Session{Host: h, Transport: "SSH", Manager: true, Paging: true, Width: 80, Height: 24}
	texts := commands.Texts{Pager: func(int) string { return "--more--" }}
	cli := console.NewCLI(conn, sess, &askShell{ask: ask}, h, texts)
	tm := &term{t: t, conn: conn, w: w, sess: sess, host: h, done: make(chan error, 1)}
	go func() { tm.done <- cli.Serve(); conn.End() }()
	t.Cleanup(func() { conn.Close(); <-tm.done })
	conn.WaitIdle()
	if got := w.Fresh(); got != "sw # " {
		t.Fatalf("first prompt %q", got)
	}
	return tm
}

func answerName(a commands.Answer) string {
	return [...]string{"No", "Yes", "Cancel"}[a]
}

// An EXOS-style question: y or n echoes Yes or No, Enter cancels, and a
// CR/LF after the key is swallowed.
func TestAskEchoAndEnter(t *testing.T) {
	q := commands.Question{Text: "Install? (y - yes, n - no, <cr> - cancel) ", EnterAnswers: true, Enter: commands.Cancel,
		Echo: func(a commands.Answer) string {
			if a == commands.Cancel {
				return ""
			}
			return answerName(a)
		}}
	tm := openAsk(t, func(t commands.Terminal) (string, error) {
		a, err := t.Ask(q)
		return answerName(a), err
	})
	tm.expect("x\r", "x\r\n"+q.Text)
	tm.expect("y", "Yes\r\n-> \"Yes\" <nil>\r\nsw # ")
	tm.expect("\r\n", "")
	tm.expect("x\r", "x\r\n"+q.Text)
	tm.expect("q", "")
	tm.expect("\r", "\r\n-> \"Cancel\" <nil>\r\nsw # ")
}

// A plain [y/n] question echoes the key and ignores Enter.
func TestAskPlain(t *testing.T) {
	tm := openAsk(t, func(t commands.Terminal) (string, error) {
		a, err := t.Ask(commands.Question{Text: "Sure [y/n]? "})
		return answerName(a), err
	})
	tm.expect("x\r", "x\r\nSure [y/n]? ")
	tm.expect("\r", "")
	tm.expect("N", "N\r\n-> \"No\" <nil>\r\nsw # ")
}

// A Junos-style word answer: Enter alone gives the default, a prefix of
// one word gives it, anything else asks again; ^C cancels.
func TestWord(t *testing.T) {
	const q = "Toggle mastership between routing engines ? [yes,no] (no) "
	tm := openAsk(t, func(t commands.Terminal) (string, error) {
		return t.Word(q, []string{"yes", "no"}, "no")
	})
	tm.expect("x\r", "x\r\n"+q)
	tm.expect("\r", "\r\n-> \"no\" <nil>\r\nsw # ")
	tm.expect("x\r", "x\r\n"+q)
	tm.expect("maybe\r", "maybe\r\n"+q)
	tm.expect("ye\r", "ye\r\n-> \"yes\" <nil>\r\nsw # ")
	tm.expect("x\r", "x\r\n"+q)
	out := tm.typ("y\x03")
	if !strings.HasSuffix(out, "-> \"\" "+commands.ErrCancelled.Error()+"\r\nsw # ") {
		t.Fatalf("^C: %q", out)
	}
}

// ^C at a typed prompt cancels it; the session goes on.
func TestReadLineCancel(t *testing.T) {
	tm := openAsk(t, func(t commands.Terminal) (string, error) {
		s, err := t.ReadLine("Username: ", true)
		if errors.Is(err, commands.ErrCancelled) {
			return s, errors.New("cancelled")
		}
		return s, err
	})
	tm.expect("x\r", "x\r\nUsername: ")
	tm.expect("bob\x03", "bob\r\n-> \"\" cancelled\r\nsw # ")
}

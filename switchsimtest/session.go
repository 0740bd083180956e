package switchsimtest

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/termtext"
)

// DefaultTimeout is how long Expect and Command wait for output.
const DefaultTimeout = 10 * time.Second

// promptRE is a prompt at the end of the output, as the 8212zl writes
// it ("host# ", "host> ", "host(config)# ", "Standby Console> "; host
// names may hold spaces, and the one trailing space real switches send);
// a Switch's sessions use its vendor's pattern.
var promptRE = regexp.MustCompile(`(?:^|\n)[^\r\n]*[#>] $`)

// Session is an interactive SSH session with a pty: it collects what the
// switch sends, and the Expect methods consume it in order.
type Session struct {
	// Timeout bounds each Expect, Command and Wait (DefaultTimeout).
	Timeout time.Duration

	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	prompt *regexp.Regexp

	mu   sync.Mutex
	cond *sync.Cond
	buf  []byte // received, not consumed yet
	eof  bool
	// dec makes text of painted output (nil: Terminal.Raw)
	dec *termtext.Decoder
}

func openSession(c *gossh.Client, term Terminal, prompt *regexp.Regexp) (*Session, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty(term.Type, term.Height, term.Width, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if prompt == nil {
		prompt = promptRE
	}
	s := &Session{Timeout: DefaultTimeout, client: c, sess: sess, stdin: stdin, prompt: prompt}
	if !term.Raw {
		s.dec = &termtext.Decoder{}
	}
	s.cond = sync.NewCond(&s.mu)
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	go s.read(stdout)
	return s, nil
}

func (s *Session) read(r io.Reader) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		s.mu.Lock()
		if s.dec != nil {
			s.buf = s.dec.Append(s.buf, b[:n])
		} else {
			s.buf = append(s.buf, b[:n]...)
		}
		if err != nil {
			s.eof = true
		}
		s.cond.Broadcast()
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// Write sends bytes as typed: "\r" or "\n" is Enter.
func (s *Session) Write(p string) error {
	_, err := io.WriteString(s.stdin, p)
	return err
}

// await blocks until match finds something in the unread output and
// consumes the output up to the end of the match, which it returns.
func (s *Session) await(what string, match func(b []byte) int) (string, error) {
	return s.awaitErr(what, func(b []byte) (int, error) { return match(b), nil })
}

// awaitErr is await with a matcher that can fail at once.
func (s *Session) awaitErr(what string, match func(b []byte) (int, error)) (string, error) {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	expired := false
	timer := time.AfterFunc(timeout, func() {
		s.mu.Lock()
		expired = true
		s.cond.Broadcast()
		s.mu.Unlock()
	})
	defer timer.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		end, err := match(s.buf)
		if err != nil {
			return "", err
		}
		if end >= 0 {
			out := string(s.buf[:end])
			s.buf = s.buf[end:]
			return out, nil
		}
		if s.eof {
			return "", fmt.Errorf("%w while waiting for %s; got %q", ErrClosed, what, s.buf)
		}
		if expired {
			return "", fmt.Errorf("%w after %v waiting for %s; got %q", ErrTimeout, timeout, what, s.buf)
		}
		s.cond.Wait()
	}
}

// Expect waits for text and returns the output up to and including it.
func (s *Session) Expect(text string) (string, error) {
	return s.await(fmt.Sprintf("%q", text), func(b []byte) int {
		if i := bytes.Index(b, []byte(text)); i >= 0 {
			return i + len(text)
		}
		return -1
	})
}

// ExpectExact waits for the next len(text) bytes and checks that they
// are text, byte for byte, for tests that replay a client which waits
// for exact echoes and prompts. A difference fails at once and consumes
// nothing.
func (s *Session) ExpectExact(text string) error {
	_, err := s.awaitErr(fmt.Sprintf("%q", text), func(b []byte) (int, error) {
		n := min(len(b), len(text))
		if string(b[:n]) != text[:n] {
			return -1, fmt.Errorf("switchsimtest: got %q, want %q", b, text)
		}
		if n < len(text) {
			return -1, nil
		}
		return n, nil
	})
	return err
}

// ExpectRegexp waits for a match of re and returns the output up to the
// end of the match.
func (s *Session) ExpectRegexp(re *regexp.Regexp) (string, error) {
	return s.await("/"+re.String()+"/", func(b []byte) int {
		if loc := re.FindIndex(b); loc != nil {
			return loc[1]
		}
		return -1
	})
}

// ExpectPrompt waits until the output ends with a CLI prompt and
// returns it all.
func (s *Session) ExpectPrompt() (string, error) {
	return s.await("a prompt", func(b []byte) int {
		if s.prompt.Match(b) {
			return len(b)
		}
		return -1
	})
}

// Command types a line and Enter, waits for the next prompt, and returns
// the command's output: the text between the echoed line and the prompt,
// with "\r\n" turned into "\n". Use Write and Expect for commands that ask
// a question.
func (s *Session) Command(line string) (string, error) {
	if err := s.Write(line + "\n"); err != nil {
		return "", err
	}
	echo := line + "\r\n"
	out, err := s.await("the output of "+fmt.Sprintf("%q", line)+" and a prompt", func(b []byte) int {
		i := bytes.Index(b, []byte(echo))
		if i < 0 || !s.prompt.Match(b[i+len(echo):]) {
			return -1
		}
		return len(b)
	})
	if err != nil {
		return "", err
	}
	out = out[strings.Index(out, echo)+len(echo):]
	if loc := s.prompt.FindStringIndex(out); loc != nil {
		end := loc[0]
		if out[end] == '\n' {
			end++ // keep the line break that ends the output
		}
		out = out[:end]
	}
	return strings.ReplaceAll(out, "\r\n", "\n"), nil
}

// Pending returns the output received and not consumed yet, without
// waiting, and consumes it.
func (s *Session) Pending() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := string(s.buf)
	s.buf = nil
	return out
}

// Wait waits for the switch to end the session (logout, switchover,
// reboot) and returns the output it sent last.
func (s *Session) Wait() (string, error) {
	return s.await("the end of the session", func(b []byte) int {
		if s.eof {
			return len(b)
		}
		return -1
	})
}

// Close hangs up.
func (s *Session) Close() error {
	s.stdin.Close()
	s.sess.Close()
	return s.client.Close()
}

package server

import (
	"bufio"
	"io"
	"net"
	"runtime/debug"
	"sync"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/console"
)

// Telnet: the real switch also serves telnet on the management address,
// and Netmiko's hp_procurve_telnet, rancid and oxidized use it. The
// console is the same; telnet adds its own login prompts (the vendor's
// Welcome asks them) and option negotiation.

const (
	tnIAC   = 255
	tnDONT  = 254
	tnDO    = 253
	tnWONT  = 252
	tnWILL  = 251
	tnSB    = 250
	tnSE    = 240
	optEcho = 1
	optSGA  = 3
	optNAWS = 31
)

func (s *Server) serveTelnet(h *Host, addr string) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	s.mu.Lock()
	s.closers = append(s.closers, func() error {
		err := l.Close()
		mu.Lock()
		for c := range conns {
			c.Close()
		}
		mu.Unlock()
		return err
	})
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns[c] = true
			mu.Unlock()
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.telnetSession(h, c)
				mu.Lock()
				delete(conns, c)
				mu.Unlock()
			}()
		}
	}()
	return l.Addr().String(), nil
}

// iacWriter doubles 0xFF bytes in output, as telnet requires.
type iacWriter struct{ w io.Writer }

func (t iacWriter) Write(p []byte) (int, error) {
	out := p
	for i, b := range p {
		if b == tnIAC {
			out = make([]byte, 0, len(p)+8)
			out = append(out, p[:i]...)
			for _, b := range p[i:] {
				out = append(out, b)
				if b == tnIAC {
					out = append(out, tnIAC)
				}
			}
			break
		}
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (s *Server) telnetSession(h *Host, c net.Conn) {
	defer c.Close()
	if h.ActiveModule() < 0 {
		return
	}
	if !s.cfg.TrustedNetwork && !peerLoopback(c.RemoteAddr()) && h.noPasswords() {
		c.Write([]byte(OpenDoorRefusal))
		return
	}
	// we echo and suppress go-ahead; ask for the window size
	c.Write([]byte{tnIAC, tnWILL, optEcho, tnIAC, tnWILL, optSGA, tnIAC, tnDO, optNAWS})
	cc := console.NewConn(iacWriter{c}, true, 80, 24)
	cc.SetCloser(func() { c.Close() })
	// the client has the login grace to log in; then no deadline
	if g := s.cfg.loginGrace(); g > 0 {
		c.SetDeadline(time.Now().Add(g))
	}
	defer func() {
		if r := recover(); r != nil {
			s.logf("switchsim: %s: telnet session from %s panicked: %v\n%s", h.Name, c.RemoteAddr(), r, debug.Stack())
		}
		cc.End()
		cc.Close()
	}()
	go telnetPump(c, cc)
	sess := &commands.Session{Host: h, Transport: "TELNET", Peer: hostOnly(c.RemoteAddr()), Paging: true, Width: 80, Height: 24,
		OnLogin: func() { c.SetDeadline(time.Time{}) },
		OnAuthFail: func() {
			if d := s.cfg.AuthFailDelay; d > 0 {
				time.Sleep(d)
			}
		}}
	s.serveManagement(h, cc, sess, false, "")
}

// telnetPump strips telnet commands from the input, handles window size
// reports, turns CR NUL into CR, and feeds the rest to the console.
func telnetPump(r io.Reader, cc *console.Conn) {
	defer cc.CloseInput()
	br := bufio.NewReader(r)
	var data []byte
	flush := func() bool {
		if len(data) == 0 {
			return true
		}
		err := cc.Feed(data)
		data = data[:0]
		return err == nil
	}
	for {
		b, err := br.ReadByte()
		if err != nil {
			flush()
			return
		}
		if b != tnIAC {
			data = append(data, b)
			if br.Buffered() == 0 && !flush() {
				return
			}
			continue
		}
		cmd, err := br.ReadByte()
		if err != nil {
			return
		}
		switch cmd {
		case tnIAC:
			data = append(data, tnIAC)
		case tnWILL, tnWONT, tnDO, tnDONT:
			if _, err := br.ReadByte(); err != nil {
				return
			}
		case tnSB:
			var sb []byte
			for {
				x, err := br.ReadByte()
				if err != nil {
					return
				}
				if x == tnIAC {
					y, err := br.ReadByte()
					if err != nil {
						return
					}
					if y == tnSE {
						break
					}
					if len(sb) < 64 {
						sb = append(sb, y)
					}
					continue
				}
				if len(sb) < 64 {
					sb = append(sb, x)
				}
			}
			if len(sb) >= 5 && sb[0] == optNAWS {
				w := int(sb[1])<<8 | int(sb[2])
				hgt := int(sb[3])<<8 | int(sb[4])
				if w > 0 && hgt > 0 {
					cc.Resize(w, hgt)
				}
			}
		}
		if br.Buffered() == 0 && !flush() {
			return
		}
	}
}

package bench

import (
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"sync"

	gossh "golang.org/x/crypto/ssh"
)

// rawBlock is what the yardstick answers to every line: the size of a
// "show version" on the default chassis.
const rawBlock = "Management Module 1: Active\r\n" +
	"Image stamp:    /ws/swbuildm/ec_rel_eureka_qaoff/code/build/btm(swbuildm_ec_rel_eureka_qaoff_ec_rel_eureka)\r\n" +
	"                Apr 20 2012 12:34:21\r\n" +
	"                K.15.06.0017\r\n" +
	"                13\r\n" +
	"Boot Image:     Primary\r\n" +
	"\r\n" +
	"Management Module 2: Standby\r\n" +
	"Image stamp:    /ws/swbuildm/ec_rel_eureka_qaoff/code/build/btm(swbuildm_ec_rel_eureka_qaoff_ec_rel_eureka)\r\n" +
	"                Apr 20 2012 12:34:21\r\n" +
	"                K.15.06.0017\r\n" +
	"                13\r\n" +
	"Boot Image:     Primary\r\n"

// RawServer is the yardstick: a bare x/crypto/ssh server with the same
// host key type, that accepts any password, shows "Press any key to
// continue", echoes what is typed, and answers every line with a fixed
// block and a prompt. What switchsim does beyond it is the model.
type RawServer struct {
	l    net.Listener
	cfg  *gossh.ServerConfig
	wg   sync.WaitGroup
	mu   sync.Mutex
	conn map[net.Conn]bool
}

// NewRawServer listens on addr.
func NewRawServer(addr string) (*RawServer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	cfg := &gossh.ServerConfig{PasswordCallback: func(gossh.ConnMetadata, []byte) (*gossh.Permissions, error) { return nil, nil }}
	cfg.AddHostKey(signer)
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &RawServer{l: l, cfg: cfg, conn: map[net.Conn]bool{}}, nil
}

// Addr is where it listens.
func (s *RawServer) Addr() string { return s.l.Addr().String() }

// Serve accepts connections until Close.
func (s *RawServer) Serve() {
	for {
		c, err := s.l.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conn[c] = true
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.handle(c)
			s.mu.Lock()
			delete(s.conn, c)
			s.mu.Unlock()
		}()
	}
}

// Close stops it and ends every connection.
func (s *RawServer) Close() {
	s.l.Close()
	s.mu.Lock()
	for c := range s.conn {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

func (s *RawServer) handle(c net.Conn) {
	defer c.Close()
	sc, chans, reqs, err := gossh.NewServerConn(c, s.cfg)
	if err != nil {
		return
	}
	defer sc.Close()
	go gossh.DiscardRequests(reqs)
	for nc := range chans {
		if nc.ChannelType() != "session" {
			nc.Reject(gossh.UnknownChannelType, "")
			continue
		}
		ch, creqs, err := nc.Accept()
		if err != nil {
			return
		}
		go func() {
			for r := range creqs {
				r.Reply(r.Type == "pty-req" || r.Type == "shell", nil)
				if r.Type == "shell" {
					go rawShell(ch)
				}
			}
		}()
	}
}

func rawShell(ch gossh.Channel) {
	defer ch.Close()
	const prompt = "raw# "
	if _, err := ch.Write([]byte(anyKey)); err != nil {
		return
	}
	in := make([]byte, 4096)
	out := make([]byte, 0, 4096)
	started := false
	for {
		n, err := ch.Read(in)
		if err != nil {
			return
		}
		out = out[:0]
		for _, b := range in[:n] {
			switch {
			case !started:
				started = true
				out = append(out, "\r\n"+prompt...)
			case b == '\r':
				out = append(out, "\r\n"+rawBlock+prompt...)
			case b == '\n':
			default:
				out = append(out, b)
			}
		}
		if _, err := ch.Write(out); err != nil {
			return
		}
	}
}

package server

import (
	"fmt"
	"net"
	"net/http"
	"sync"

	"github.com/switchsim/switchsim/web"
)

// The web interface (issue 18): each chassis's pages over HTTP on its
// own address (ChassisConfig.Web; a fleet's block offset 4 or its
// per-address web port), served by package web from the model. The
// address is the one field a rule about listeners (loopback only, or
// passwords required) needs to look at.

// DefaultWeb is the web interface of a single chassis (the real switch
// serves port 80).
const DefaultWeb = "127.0.0.1:8081"

// webHub tells the web interface's open pages that the chassis changed.
type webHub struct {
	mu   sync.Mutex
	subs map[chan struct{}]struct{}
}

// notify signals every subscriber without blocking (signals merge).
func (w *webHub) notify() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for ch := range w.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// Changes is a signal after every change delivered to the chassis's
// sessions, until stop (web.Chassis).
func (h *Host) Changes() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	w := &h.web
	w.mu.Lock()
	if w.subs == nil {
		w.subs = map[chan struct{}]struct{}{}
	}
	w.subs[ch] = struct{}{}
	w.mu.Unlock()
	return ch, func() {
		w.mu.Lock()
		delete(w.subs, ch)
		w.mu.Unlock()
	}
}

// WebSubscribers counts the open live pages (tests, stats).
func (h *Host) WebSubscribers() int {
	h.web.mu.Lock()
	defer h.web.mu.Unlock()
	return len(h.web.subs)
}

// WebHandler is the chassis's web interface.
func (h *Host) WebHandler() http.Handler {
	h.webOnce.Do(func() { h.webHandler = web.New(h, h.Vendor) })
	return h.webHandler
}

// serveWeb listens for a single chassis's web interface.
func (s *Server) serveWeb(h *Host, addr string) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("%s: listen %s (web): %w", h.Name, addr, err)
	}
	hs := web.NewServer(h.WebHandler())
	s.mu.Lock()
	s.closers = append(s.closers, l.Close, hs.Close)
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		hs.Serve(l)
	}()
	return l.Addr().String(), nil
}

// serveWebConn serves one connection a fleet's listener accepted for a
// chassis's web interface, returning when it is closed.
func serveWebConn(h *Host, c net.Conn) {
	dc := &doneConn{Conn: c, done: make(chan struct{})}
	hs := web.NewServer(h.WebHandler())
	hs.Serve(&oneConnListener{c: dc})
}

// doneConn says when the HTTP server has closed it.
type doneConn struct {
	net.Conn
	once sync.Once
	done chan struct{}
}

func (d *doneConn) Close() error {
	err := d.Conn.Close()
	d.once.Do(func() { close(d.done) })
	return err
}

// oneConnListener hands one connection to an http.Server, then waits for
// it to be closed (so Serve returns once the connection is done).
type oneConnListener struct {
	c      *doneConn
	handed bool
}

func (l *oneConnListener) Accept() (net.Conn, error) {
	if !l.handed {
		l.handed = true
		return l.c, nil
	}
	<-l.c.done
	return nil, net.ErrClosed
}

func (l *oneConnListener) Close() error   { return nil }
func (l *oneConnListener) Addr() net.Addr { return l.c.LocalAddr() }

package server

import (
	"fmt"
	"io"
	"sync"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/model"
)

// Target says which console an in-process session opens.
type Target struct {
	// Module is -1 for the management address, else a management module
	// index whose console port to open.
	Module int
	// User logs in ("": the chassis's account of that level); Manager
	// gives manager level.
	User    string
	Manager bool
	// Width and Height of the terminal (0: 80x24).
	Width, Height int
}

// Management is the management address as a target.
func Management(user string, manager bool) Target {
	return Target{Module: -1, User: user, Manager: manager}
}

// Console is a module's console port as a target.
func Console(module int) Target {
	return Target{Module: module, Manager: true}
}

// Local is an in-process session: what an SSH client with a PTY sees,
// without SSH. The transcript runner and tests drive it byte for byte and
// use Conn.WaitIdle to know when its output is complete.
type Local struct {
	Conn *console.Conn
	done chan struct{}
}

// Done is closed when the session has ended (logout, switchover).
func (l *Local) Done() <-chan struct{} { return l.done }

// Close ends the session (the client hangs up).
func (l *Local) Close() {
	l.Conn.CloseInput()
	l.Conn.Close()
	<-l.done
}

// OpenLocal opens a session on a chassis; its output goes to w. It fails
// for the management address while no module is active.
func (s *Server) OpenLocal(chassis string, t Target, w io.Writer) (*Local, error) {
	h := s.Host(chassis)
	if h == nil {
		return nil, fmt.Errorf("no chassis named %q", chassis)
	}
	if t.Width <= 0 {
		t.Width = 80
	}
	if t.Height <= 0 {
		t.Height = 24
	}
	if t.Module < 0 && h.ActiveModule() < 0 {
		return nil, fmt.Errorf("connection refused: no active management module")
	}
	if t.Module >= len(h.m.Modules) {
		return nil, fmt.Errorf("no management module %d", t.Module+1)
	}
	if t.User == "" {
		h.View(func(c *model.Chassis) {
			t.User = c.Credentials.OperatorUser
			if t.Manager {
				t.User = c.Credentials.ManagerUser
			}
		})
	}
	cc := console.NewConn(w, true, t.Width, t.Height)
	l := &Local{Conn: cc, done: make(chan struct{})}
	sess := commands.Session{Host: h, Transport: "SSH", Peer: "127.0.0.1", User: t.User,
		Manager: t.Manager, Paging: true, Width: t.Width, Height: t.Height}
	go func() {
		defer close(l.done)
		defer cc.End()
		if t.Module >= 0 {
			sess.Transport = "CONSOLE"
			sess.Module = h.attachConsole(cc, t.Module)
			defer h.detachConsole(cc)
			mc := &console.ModuleConsole{Conn: cc, Vendor: h.Vendor, Module: sess.Module, Watch: h,
				Session: sess, Painter: h.painter}
			mc.Run()
			return
		}
		s.serveManagement(h, cc, &sess, false, "")
	}()
	return l, nil
}

// Recorder sees everything that happens on a server, for "switchsim
// record": sessions opening and closing, their input and output, physical
// events, with the chassis clock at each.
type Recorder interface {
	Opened(id int, chassis string, t Target)
	Input(id int, p []byte)
	Output(id int, p []byte)
	Closed(id int)
	Event(chassis, action string, req ControlRequest)
}

// recWriter copies a session's output to the recorder.
type recWriter struct {
	w  io.Writer
	r  Recorder
	id int
}

func (rw recWriter) Write(p []byte) (int, error) {
	rw.r.Output(rw.id, p)
	return rw.w.Write(p)
}

// recReader copies a session's input to the recorder.
type recReader struct {
	rd io.Reader
	r  Recorder
	id int
}

func (rr recReader) Read(p []byte) (int, error) {
	n, err := rr.rd.Read(p)
	if n > 0 {
		rr.r.Input(rr.id, p[:n])
	}
	return n, err
}

var (
	recMu  sync.Mutex
	recSeq int
)

func nextRecID() int {
	recMu.Lock()
	defer recMu.Unlock()
	recSeq++
	return recSeq
}

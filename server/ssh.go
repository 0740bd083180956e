package server

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"runtime/debug"
	"sync"
	"time"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/model"
)

// route says where a listener's connections land: the management address
// (the active module's CLI) or one module's serial console.
type route struct {
	mgmt   bool
	module int
	// netconf: the NETCONF-only port (lands on the active module too)
	netconf bool
}

type ctxKey string

const (
	levelKey ctxKey = "switchsim-level"
	graceKey ctxKey = "switchsim-login-grace"
)

// level is what an authenticated user may do.
type level int

const (
	levelManager level = iota
	levelOperator
)

// auth checks a user and password against the chassis users. With no
// manager password set (the factory default) everyone is a manager.
func (h *Host) auth(user, password string) (level, bool) {
	var cr model.Credentials
	h.View(func(c *model.Chassis) { cr = c.Credentials })
	switch {
	case cr.ManagerPassword == "" && cr.OperatorPassword == "":
		if user == cr.OperatorUser {
			return levelOperator, true
		}
		return levelManager, true
	case user == cr.ManagerUser && password == cr.ManagerPassword:
		return levelManager, true
	case user == cr.OperatorUser && password == cr.OperatorPassword && password != "":
		return levelOperator, true
	case user == cr.OperatorUser && cr.OperatorPassword == "" && cr.ManagerPassword != "":
		return 0, false
	}
	return 0, false
}

// authKey checks a client public key against the authorized keys.
func (h *Host) authKey(user string, key gossh.PublicKey) (level, bool) {
	var cr model.Credentials
	h.View(func(c *model.Chassis) { cr = c.Credentials })
	match := func(lines []string) bool {
		for _, l := range lines {
			k, _, _, _, err := gossh.ParseAuthorizedKey([]byte(l))
			if err == nil && ssh.KeysEqual(k, key) {
				return true
			}
		}
		return false
	}
	switch {
	case user == cr.ManagerUser && match(cr.ManagerKeys):
		return levelManager, true
	case user == cr.OperatorUser && match(cr.OperatorKeys):
		return levelOperator, true
	}
	return 0, false
}

// noPasswords reports the factory default: SSH "none" auth is accepted.
func (h *Host) noPasswords() bool {
	var cr model.Credentials
	h.View(func(c *model.Chassis) { cr = c.Credentials })
	return cr.ManagerPassword == "" && cr.OperatorPassword == ""
}

// sshFront serves one listener of one chassis.
type sshFront struct {
	srv   *Server
	host  *Host
	route route
	ssh   *ssh.Server
}

// fail slows a wrong login down and, on the management address, writes
// it to the chassis's event log (a console port's login is the terminal
// server's, which the switch does not see).
func (f *sshFront) fail(ctx ssh.Context) {
	if f.route.mgmt {
		peer := hostOnly(ctx.RemoteAddr())
		f.host.Do(func(c *model.Chassis) error {
			c.LogLoginFailed("SSH", peer, ctx.User())
			return nil
		})
	}
	if d := f.srv.cfg.AuthFailDelay; d > 0 {
		time.Sleep(d)
	}
}

func newSSHFront(s *Server, h *Host, r route) *sshFront {
	f := &sshFront{srv: s, host: h, route: r}
	f.ssh = &ssh.Server{
		HostSigners: []ssh.Signer{h.Signer()},
		PasswordHandler: func(ctx ssh.Context, password string) bool {
			lv, ok := h.auth(ctx.User(), password)
			if !ok || s.openDoor(h, lv, ctx.RemoteAddr()) {
				f.fail(ctx)
				return false
			}
			ctx.SetValue(levelKey, lv)
			return true
		},
		KeyboardInteractiveHandler: func(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
			answers, err := ch("", "", []string{"Password: "}, []bool{false})
			if err != nil || len(answers) != 1 {
				return false
			}
			lv, ok := h.auth(ctx.User(), answers[0])
			if !ok || s.openDoor(h, lv, ctx.RemoteAddr()) {
				f.fail(ctx)
				return false
			}
			ctx.SetValue(levelKey, lv)
			return true
		},
		PublicKeyHandler: func(ctx ssh.Context, key ssh.PublicKey) bool {
			lv, ok := h.authKey(ctx.User(), key)
			if ok {
				ctx.SetValue(levelKey, lv)
			}
			return ok
		},
		ServerConfigCallback: func(ctx ssh.Context) *gossh.ServerConfig {
			cfg := &gossh.ServerConfig{}
			if s.noneAuthOK(h, ctx) {
				cfg.NoClientAuth = true
			}
			return cfg
		},
		ConnCallback: func(ctx ssh.Context, conn net.Conn) net.Conn {
			ctx.SetValue(peerKey, conn.RemoteAddr())
			// no keys after "clear crypto": the switch serves no SSH;
			// a takeover in progress: no module to land on yet
			if !h.HostKeysPresent() || (r.mgmt || r.netconf) && h.ActiveModule() < 0 {
				conn.Close()
				return nil
			}
			// the NETCONF port is open only while the configuration
			// serves NETCONF (Junos: system services netconf ssh)
			if r.netconf && !h.netconfEnabled() {
				conn.Close()
				return nil
			}
			// a client has LoginGrace to authenticate and open a session
			// (the ssh library resets connection deadlines itself, so a
			// timer closes it instead; the first session stops the timer)
			if g := s.cfg.loginGrace(); g > 0 {
				ctx.SetValue(graceKey, time.AfterFunc(g, func() { conn.Close() }))
			}
			return conn
		},
		ChannelHandlers: map[string]ssh.ChannelHandler{"session": f.session},
	}
	h.onKey = append(h.onKey, func(sg gossh.Signer) { f.ssh.AddHostKey(sg) })
	return f
}

// levelOf is the level the login gave. With "none" authentication (no
// passwords set) no callback ran: the user name decides, as it does for
// the factory default's password check.
func (f *sshFront) levelOf(ctx ssh.Context) level {
	if lv, ok := ctx.Value(levelKey).(level); ok {
		return lv
	}
	lv, ok := f.host.auth(ctx.User(), "")
	if !ok {
		return levelOperator
	}
	return lv
}

// ptyReq is the part of a pty-req we use.
type ptyReq struct {
	term          string
	width, height int
}

func parsePty(p []byte) (ptyReq, bool) {
	var r struct {
		Term          string
		Width, Height uint32
		PxW, PxH      uint32
		Modes         string
	}
	if err := gossh.Unmarshal(p, &r); err != nil {
		return ptyReq{}, false
	}
	return ptyReq{term: r.Term, width: int(r.Width), height: int(r.Height)}, true
}

func parseWinch(p []byte) (int, int, bool) {
	if len(p) < 8 {
		return 0, 0, false
	}
	return int(binary.BigEndian.Uint32(p)), int(binary.BigEndian.Uint32(p[4:])), true
}

// session handles one session channel: pty-req, window-change, env,
// shell and exec. It writes the channel itself, so no library rewrites
// the bytes the console produces.
func (f *sshFront) session(_ *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	ch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	var (
		mu      sync.Mutex
		pty     *ptyReq
		cconn   *console.Conn
		started bool
	)
	for req := range reqs {
		switch req.Type {
		case "pty-req":
			p, ok := parsePty(req.Payload)
			mu.Lock()
			if ok && !started {
				pty = &p
			}
			mu.Unlock()
			req.Reply(ok && !started, nil)
		case "window-change":
			w, hgt, ok := parseWinch(req.Payload)
			mu.Lock()
			if ok && cconn != nil {
				cconn.Resize(w, hgt)
			} else if ok && pty != nil {
				pty.width, pty.height = w, hgt
			}
			mu.Unlock()
			if req.WantReply {
				req.Reply(ok, nil)
			}
		case "env":
			req.Reply(true, nil)
		case "subsystem":
			// NETCONF on the management address or the NETCONF port,
			// for a vendor with an XML API whose configuration lets it in
			var p struct{ Value string }
			gossh.Unmarshal(req.Payload, &p)
			mu.Lock()
			ok := !started && p.Value == "netconf" && (f.route.mgmt || f.route.netconf) && f.host.netconfEnabled()
			if ok {
				started = true
			}
			mu.Unlock()
			req.Reply(ok, nil)
			if ok {
				loginDone(ctx)
				go f.serveXML(conn, ch, ctx, false)
			}
		case "shell", "exec":
			var cmd string
			if req.Type == "exec" {
				var p struct{ Value string }
				gossh.Unmarshal(req.Payload, &p)
				cmd = p.Value
			}
			// the vendor's exec command that starts an XML session
			// ("xml-mode netconf need-trailer"); the NETCONF port runs
			// nothing else
			xmlExec := false
			if x := f.host.xmlAPI(); x != nil && req.Type == "exec" && (f.route.mgmt || f.route.netconf) {
				xmlExec = x.XMLExec(cmd)
			}
			mu.Lock()
			if started || f.route.netconf && !xmlExec {
				mu.Unlock()
				req.Reply(false, nil)
				continue
			}
			started = true
			if xmlExec {
				mu.Unlock()
				req.Reply(true, nil)
				loginDone(ctx)
				go f.serveXML(conn, ch, ctx, true)
				continue
			}
			// logged in and started: the login grace is over
			loginDone(ctx)
			w, hgt, crlf := 80, 24, false
			if pty != nil {
				w, hgt, crlf = pty.width, pty.height, true
			}
			if w <= 0 {
				w = 80
			}
			if hgt <= 0 {
				hgt = 24
			}
			var out io.Writer = ch
			var in io.Reader = ch
			rec := f.srv.cfg.Recorder
			id := 0
			if rec != nil && req.Type == "shell" && pty != nil {
				id = nextRecID()
				t := Target{Module: -1, User: ctx.User(), Width: w, Height: hgt}
				if !f.route.mgmt {
					t.Module = f.route.module
				}
				lv := f.levelOf(ctx)
				t.Manager = lv == levelManager
				rec.Opened(id, f.host.Name, t)
				out, in = recWriter{ch, rec, id}, recReader{ch, rec, id}
			}
			cconn = console.NewConn(out, crlf, w, hgt)
			cconn.SetCloser(func() { ch.Close() })
			c := cconn
			mu.Unlock()
			req.Reply(true, nil)
			go func() {
				f.run(conn, ch, in, c, ctx, req.Type == "exec", cmd)
				if id != 0 {
					rec.Closed(id)
				}
			}()
		default:
			if req.WantReply {
				req.Reply(false, nil)
			}
		}
	}
	mu.Lock()
	if cconn != nil {
		cconn.CloseInput()
	}
	mu.Unlock()
}

// run serves the console program on the channel and closes it after,
// recovering a panic so that one broken session never takes down others.
func (f *sshFront) run(conn *gossh.ServerConn, ch gossh.Channel, in io.Reader, cc *console.Conn, ctx ssh.Context, exec bool, cmd string) {
	status := 0
	defer func() {
		if r := recover(); r != nil {
			f.srv.logf("switchsim: %s: session from %s panicked: %v\n%s", f.host.Name, conn.RemoteAddr(), r, debug.Stack())
			status = 255
		}
		cc.End()
		// the exit status before the close (cc.Close closes the channel)
		ch.SendRequest("exit-status", false, gossh.Marshal(struct{ Status uint32 }{uint32(status)}))
		cc.Close()
		ch.Close()
		if f.route.mgmt && !exec {
			conn.Close()
		}
	}()
	go cc.Pump(in)
	lv := f.levelOf(ctx)
	sess := commands.Session{
		Host:      f.host,
		Transport: "SSH",
		Peer:      hostOnly(conn.RemoteAddr()),
		User:      ctx.User(),
		Manager:   lv == levelManager,
		Paging:    true,
	}
	sess.Width, sess.Height = cc.Size()
	if !f.route.mgmt {
		sess.Transport = "CONSOLE"
		sess.Module = f.host.attachConsole(cc, f.route.module)
		defer f.host.detachConsole(cc)
		mc := &console.ModuleConsole{Conn: cc, Vendor: f.host.Vendor, Module: sess.Module,
			Watch: f.host, Session: sess, Painter: f.host.painter}
		mc.Run()
		return
	}
	status = f.srv.serveManagement(f.host, cc, &sess, exec, cmd)
}

// serveManagement runs a CLI session on the active module (shared by SSH
// and telnet). It returns the exit status for exec.
func (s *Server) serveManagement(h *Host, cc *console.Conn, sess *commands.Session, exec bool, cmd string) int {
	sess.Since = h.Now()
	sess.Module = h.ActiveModule()
	if sess.Module < 0 {
		return 1
	}
	ok, full := h.attachManagement(cc, sess, s.cfg.MaxSessions)
	texts := h.Vendor.Texts()
	if full {
		cc.Write(texts.SessionLimit + "\n")
		cc.Flush()
		return 1
	}
	if !ok {
		return 1
	}
	defer h.detachManagement(cc)
	sess.Exec = exec
	shell := h.Vendor.Shell(sess, model.Active)
	if s.cfg.wrapShell != nil {
		shell = s.cfg.wrapShell(shell)
	}
	cli := console.NewCLI(cc, sess, shell, h, texts)
	cli.SetPainter(h.painter())
	if exec {
		// an exec session is a login too: the log says so, as the
		// shell's welcome does for an interactive one
		level := "manager"
		if !sess.Manager {
			level = "operator"
		}
		h.Do(func(c *model.Chassis) error { c.LogSession(sess.Transport, sess.Peer, level); return nil })
		err := cli.RunLine(cmd)
		cc.Flush()
		if errors.Is(err, commands.ErrFailed) || errors.Is(err, commands.ErrInterrupted) {
			return 1
		}
		return 0
	}
	if s.cfg.IdleTimeout > 0 {
		cc.EndGrace = s.cfg.endGrace()
		stop := cc.IdleTimer(s.cfg.IdleTimeout, texts.IdleTimeout+"\n")
		defer stop()
	}
	cli.Serve()
	return 0
}

func hostOnly(a net.Addr) string {
	s := a.String()
	if h, _, err := net.SplitHostPort(s); err == nil {
		return h
	}
	return s
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Logf != nil {
		s.cfg.Logf(format, args...)
	}
}

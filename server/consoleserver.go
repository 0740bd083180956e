package server

import (
	"errors"
	"net"
	"time"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// The console server of a fleet with an address per chassis: the module
// consoles of every chassis are lines of one SSH address (the prefix's
// first address, the SSH port), and the user name picks the line, as on
// Opengear or Avocent console servers: "manager:core1:1" logs in as
// manager on line 1 of core1 (its module 1 console, or the chassis's own
// console on a chassis whose console ports are wired by role). The
// password is that chassis's, and the session is what its console port
// shows (boot output, the standby's console), exactly as on a port of its
// block. Like a terminal server, it keeps its own host key.

// consoleServerName names the console server (its derived host key, its
// log); no chassis may take it.
const consoleServerName = "console-server"

type lineKeyType struct{}

var lineKey lineKeyType

// consoleLineT is a line a login chose.
type consoleLineT struct {
	user  string
	host  *Host
	front *sshFront
}

// lineFor finds the line a console server user name chooses, building
// its chassis.
func (fl *fleet) lineFor(u string) (*consoleLineT, bool) {
	user, name, i, ok := parseConsoleUser(u)
	if !ok {
		return nil, false
	}
	sl := fl.byName[name]
	if sl == nil || i >= sl.modules || i >= len(sl.cc.ConsoleLines) {
		return nil, false
	}
	h, err := fl.touch(sl)
	if err != nil || i >= len(sl.consoles) {
		return nil, false
	}
	return &consoleLineT{user: user, host: h, front: sl.consoles[i]}, true
}

// userCtx is a connection's context with the chassis's user name in
// place of the console server login.
type userCtx struct {
	ssh.Context
	user string
}

func (c userCtx) User() string { return c.user }

func (fl *fleet) newConsoleServer() *ssh.Server {
	s := fl.s
	var signers []ssh.Signer
	if fl.cfg.Secret != nil {
		if sg, err := gossh.NewSignerFromKey(derivedKey(fl.cfg.Secret, consoleServerName)); err == nil {
			signers = append(signers, sg)
		}
	}
	if len(signers) == 0 {
		h := &Host{Name: consoleServerName}
		if h.newHostKey() == nil {
			signers = append(signers, h.signer)
		}
	}
	fail := func() {
		if d := s.cfg.AuthFailDelay; d > 0 {
			time.Sleep(d)
		}
	}
	check := func(ctx ssh.Context, auth func(*consoleLineT) (level, bool)) bool {
		line, ok := fl.lineFor(ctx.User())
		if !ok {
			fail()
			return false
		}
		lv, ok := auth(line)
		if !ok {
			fail()
			return false
		}
		ctx.SetValue(levelKey, lv)
		ctx.SetValue(lineKey, line)
		return true
	}
	return &ssh.Server{
		HostSigners: signers,
		PasswordHandler: func(ctx ssh.Context, password string) bool {
			return check(ctx, func(l *consoleLineT) (level, bool) { return l.host.auth(l.user, password) })
		},
		KeyboardInteractiveHandler: func(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
			answers, err := ch("", "", []string{"Password: "}, []bool{false})
			if err != nil || len(answers) != 1 {
				return false
			}
			return check(ctx, func(l *consoleLineT) (level, bool) { return l.host.auth(l.user, answers[0]) })
		},
		PublicKeyHandler: func(ctx ssh.Context, key ssh.PublicKey) bool {
			line, ok := fl.lineFor(ctx.User())
			if !ok {
				return false
			}
			lv, ok := line.host.authKey(line.user, key)
			if ok {
				ctx.SetValue(levelKey, lv)
				ctx.SetValue(lineKey, line)
			}
			return ok
		},
		ServerConfigCallback: func(ctx ssh.Context) *gossh.ServerConfig {
			// "none" for a line whose chassis has no passwords (the
			// factory default), as on its own console port
			return &gossh.ServerConfig{NoClientAuth: true, NoClientAuthCallback: func(cm gossh.ConnMetadata) (*gossh.Permissions, error) {
				line, ok := fl.lineFor(cm.User())
				if !ok || !line.host.noPasswords() {
					return nil, errors.New("a password is needed")
				}
				ctx.SetValue(lineKey, line)
				return nil, nil
			}}
		},
		ConnCallback: func(ctx ssh.Context, conn net.Conn) net.Conn {
			// the login grace, as on a chassis's own ports
			if g := s.cfg.loginGrace(); g > 0 {
				ctx.SetValue(graceKey, time.AfterFunc(g, func() { conn.Close() }))
			}
			return conn
		},
		ChannelHandlers: map[string]ssh.ChannelHandler{"session": func(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
			line, ok := ctx.Value(lineKey).(*consoleLineT)
			if !ok {
				nc.Reject(gossh.Prohibited, "no console line")
				return
			}
			line.front.session(srv, conn, nc, userCtx{ctx, line.user})
		}},
	}
}

package server

import (
	"runtime/debug"
	"time"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
)

// NETCONF: for a vendor with an XML API (commands.XMLAPI), the SSH
// subsystem "netconf" on the management address and on the chassis's
// NETCONF-only port (the stand-in for port 830), and the exec command the
// vendor names. A session lands on the active module and stays on it as
// a CLI session does: it ends when that module's sessions end (reboot,
// switchover that restarts it), not when it is demoted.

// DefaultNETCONF is the NETCONF-only port of a single chassis.
const DefaultNETCONF = "127.0.0.1:8830"

// xmlAPI is the chassis's vendor's XML API, or nil.
func (h *Host) xmlAPI() commands.XMLAPI {
	x, _ := h.Vendor.(commands.XMLAPI)
	return x
}

// netconfEnabled reports whether the configuration lets NETCONF over SSH
// in now.
func (h *Host) netconfEnabled() bool {
	x := h.xmlAPI()
	if x == nil {
		return false
	}
	on := false
	h.View(func(c *model.Chassis) { on = x.NETCONFEnabled(c) })
	return on
}

// xmlSession is a NETCONF session as the host tracks it.
type xmlSession struct {
	id     int
	module int
	close  func()
}

// attachXML registers a NETCONF session on its module; false when the
// module is no longer the active one.
func (h *Host) attachXML(x *xmlSession) bool {
	h.smu.Lock()
	defer h.smu.Unlock()
	if h.active != x.module {
		return false
	}
	if h.xml == nil {
		h.xml = map[*xmlSession]bool{}
	}
	h.xml[x] = true
	return true
}

func (h *Host) detachXML(x *xmlSession) {
	h.smu.Lock()
	delete(h.xml, x)
	h.smu.Unlock()
}

// endXML ends the NETCONF sessions on a module (called with smu held).
func (h *Host) endXML(module int) {
	for x := range h.xml {
		if x.module == module {
			go x.close()
		}
	}
}

// killXML ends the NETCONF session with that id (kill-session).
func (h *Host) killXML(id int) bool {
	h.smu.Lock()
	defer h.smu.Unlock()
	for x := range h.xml {
		if x.id == id {
			go x.close()
			return true
		}
	}
	return false
}

// XMLSessions counts the NETCONF sessions (tests, stats).
func (h *Host) XMLSessions() int {
	h.smu.Lock()
	defer h.smu.Unlock()
	return len(h.xml)
}

// serveXML runs a NETCONF session on an accepted channel: the vendor's
// handler on the active module, until the client or the module's fate
// ends it. exec sends an exit status at the end (an exec channel).
func (f *sshFront) serveXML(conn *gossh.ServerConn, ch gossh.Channel, ctx ssh.Context, exec bool) {
	h := f.host
	x := h.xmlAPI()
	status := 0
	defer func() {
		if r := recover(); r != nil {
			f.srv.logf("switchsim: %s: NETCONF session from %s panicked: %v\n%s", h.Name, conn.RemoteAddr(), r, debug.Stack())
			status = 255
		}
		if exec {
			ch.SendRequest("exit-status", false, gossh.Marshal(struct{ Status uint32 }{uint32(status)}))
		}
		ch.Close()
	}()
	lv := f.levelOf(ctx)
	sess := &commands.Session{
		Host:      h,
		Transport: "SSH",
		Peer:      hostOnly(conn.RemoteAddr()),
		User:      ctx.User(),
		Manager:   lv == levelManager,
		Exec:      true,
		Since:     h.Now(),
		Module:    h.ActiveModule(),
	}
	if sess.Module < 0 {
		status = 1
		return
	}
	handler := x.XMLSession(sess, commands.XMLEnv{Kill: h.killXML})
	xs := &xmlSession{id: handler.Hello().SessionID, module: sess.Module, close: func() { ch.Close() }}
	if !h.attachXML(xs) {
		handler.End()
		status = 1
		return
	}
	defer h.detachXML(xs)
	netconf.Serve(ch, handler, netconf.Options{})
}

// loginDone stops the login grace timer: a session has started.
func loginDone(ctx ssh.Context) {
	if t, ok := ctx.Value(graceKey).(*time.Timer); ok {
		t.Stop()
	}
}

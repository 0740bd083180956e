package server

import (
	"net"

	"github.com/gliderlabs/ssh"
	"github.com/switchsim/switchsim/model"
)

// A chassis without passwords lets everyone in, as the real switch does,
// but only from loopback: a login with no password (the account has
// none) from another address is refused, on every listener, unless the
// server was told the network is trusted (--trusted-network). serve
// refuses to listen off loopback for such a chassis in the first place
// (exposure.go); this holds when its passwords are removed while it
// serves, or a state file brings a chassis back without them.

// peerKey keeps the connection's remote address for the SSH
// configuration callback, which runs before the auth callbacks.
type peerKeyType struct{}

var peerKey peerKeyType

// peerLoopback reports a remote address on loopback.
func peerLoopback(a net.Addr) bool {
	if a == nil {
		return false
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		host = a.String()
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// passwordless reports that the account of a level has no password.
func (h *Host) passwordless(lv level) bool {
	var cr model.Credentials
	h.View(func(c *model.Chassis) { cr = c.Credentials })
	if lv == levelManager {
		return cr.ManagerPassword == ""
	}
	return cr.OperatorPassword == ""
}

// openDoor reports a login without a password from off loopback that
// must be refused.
func (s *Server) openDoor(h *Host, lv level, remote net.Addr) bool {
	return !s.cfg.TrustedNetwork && !peerLoopback(remote) && h.passwordless(lv)
}

// noneAuthOK reports whether SSH "none" authentication is offered: no
// passwords, and the client on loopback or the network trusted.
func (s *Server) noneAuthOK(h *Host, ctx ssh.Context) bool {
	if !h.noPasswords() {
		return false
	}
	a, _ := ctx.Value(peerKey).(net.Addr)
	return s.cfg.TrustedNetwork || peerLoopback(a)
}

// OpenDoorRefusal is what a telnet client off loopback reads when the
// chassis has no passwords.
const OpenDoorRefusal = "switchsim: this chassis has no passwords: it accepts logins from loopback only (give it passwords, or serve with --trusted-network)\r\n"

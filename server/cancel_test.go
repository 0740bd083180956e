package server

import (
	"testing"

	"github.com/switchsim/switchsim/internal/sshtest"
)

// ^C at enable's Username: over a real SSH session returns to the
// operator prompt; the session stays (issue 14, defect 2).
func TestCtrlCAtEnableOverSSH(t *testing.T) {
	s := startServer(t, nil)
	p := sshtest.Open(t, s.Addrs()[0].Mgmt, "operator", "operator", 80, 24)
	p.Login("HP-E8212zl> ")
	p.Send("enable\r")
	p.Until("Username: ")
	p.Send("\x03")
	p.Until("\r\nHP-E8212zl> ")
	p.Send("enable\r")
	p.Until("Username: ")
	p.Send("manager\r")
	p.Until("Password: ")
	p.Send("\x03")
	p.Until("\r\nHP-E8212zl> ")
	p.Send("show version\r")
	p.Until("Boot Image:")
}

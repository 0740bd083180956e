package commands

import (
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
)

// XMLAPI is what a vendor with an XML API over NETCONF (Junos) offers
// besides its CLI; a Vendor may implement it. The server serves the SSH
// subsystem "netconf" and a NETCONF-only port only for vendors that do,
// and only while the chassis's configuration lets NETCONF in; a vendor
// without one refuses the subsystem and has no NETCONF port.
type XMLAPI interface {
	// NETCONFEnabled reports whether the chassis's configuration serves
	// NETCONF over SSH now (Junos: "system services netconf ssh").
	NETCONFEnabled(c *model.Chassis) bool
	// XMLExec reports whether an ssh exec command starts an XML session
	// on its channel instead of running in the CLI (Junos "xml-mode
	// netconf need-trailer", which ncclient runs when the subsystem is
	// refused). It works whether NETCONF is enabled or not, as a CLI
	// command does.
	XMLExec(cmd string) bool
	// XMLSession is the vendor's side of one NETCONF session of s (on
	// module s.Module, which it keeps through role changes, as a CLI
	// session does).
	XMLSession(s *Session, env XMLEnv) netconf.Handler
}

// XMLEnv is what the server gives an XML session.
type XMLEnv struct {
	// Kill ends the NETCONF session with that session-id on the same
	// chassis (kill-session); false when there is none.
	Kill func(id int) bool
}

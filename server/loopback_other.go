//go:build !linux

package server

import (
	"errors"
	"net"
)

// Elsewhere a fleet with an address per chassis binds a socket per
// address and port.

func loopbackPortsSupported() bool { return false }

func listenLoopbackPort(int) (net.Listener, error) {
	return nil, errors.New("one socket per port needs Linux")
}

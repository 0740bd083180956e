//go:build linux

package server

import (
	"context"
	"net"
	"strconv"
	"syscall"
)

// On Linux a socket bound to 0.0.0.0 and to the loopback device
// (SO_BINDTODEVICE, allowed unprivileged on an unbound socket since Linux
// 5.7) accepts connections to every address of 127.0.0.0/8 and reports
// the one dialled: one socket per port serves every chassis.

const loopbackDevice = "lo"

// loopbackPortsSupported tries SO_BINDTODEVICE on a socket never bound.
func loopbackPortsSupported() bool {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	return syscall.SetsockoptString(fd, syscall.SOL_SOCKET, syscall.SO_BINDTODEVICE, loopbackDevice) == nil
}

// listenLoopbackPort listens on 0.0.0.0:port on the loopback device.
func listenLoopbackPort(port int) (net.Listener, error) {
	lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptString(int(fd), syscall.SOL_SOCKET, syscall.SO_BINDTODEVICE, loopbackDevice)
		}); err != nil {
			return err
		}
		return serr
	}}
	return lc.Listen(context.Background(), "tcp4", net.JoinHostPort("0.0.0.0", strconv.Itoa(port)))
}

//go:build unix

package server

import (
	"os"
	"strings"
	"syscall"
)

// raiseFDLimit raises the soft descriptor limit to the hard one and
// returns it.
func raiseFDLimit() (uint64, bool) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return 0, false
	}
	if rl.Cur < rl.Max {
		want := rl
		want.Cur = rl.Max
		if syscall.Setrlimit(syscall.RLIMIT_NOFILE, &want) == nil {
			rl = want
		}
	}
	return rl.Cur, true
}

// unprivilegedStart is the first port an unprivileged process may bind.
func unprivilegedStart() string {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_unprivileged_port_start")
	if err != nil {
		return "1024"
	}
	return strings.TrimSpace(string(b))
}

package server

import (
	"errors"
	"fmt"
	"strconv"
	"syscall"
)

// The descriptor budget: before binding anything, a fleet counts the
// sockets it will listen on, adds what it keeps for sessions and for the
// process itself, and refuses with one message naming the numbers when
// that exceeds what the process may open, rather than starting half a
// fleet. The soft limit is raised to the hard one first; only root can
// raise the hard one.

// processFDs are the descriptors the process needs besides listeners and
// sessions: standard streams, the poller, the state directory's lock, the
// control API, and the state files written at once on stop (two each).
const processFDs = 16 + 2*saveWorkers

// BudgetError is a fleet that needs more descriptors than the process
// may open.
type BudgetError struct {
	Chassis   int
	Scheme    string // "block", "address" (a socket per port) or "per-address"
	Listeners int
	Reserve   int // kept for sessions
	Process   int
	Limit     uint64
}

func (e *BudgetError) Error() string {
	total := e.Listeners + e.Reserve + e.Process
	var how, hint string
	switch e.Scheme {
	case "block":
		how = "in port blocks"
		hint = "Serve them at an address each (--address-per-chassis 127.1.0.0/16: one socket per port), serve fewer, or"
	case "per-address":
		how = "at an address each, a socket per address and port (one socket per port needs Linux)"
		hint = "Serve fewer, or"
	default:
		how = "at an address each"
		hint = "Lower --session-reserve, or"
	}
	return fmt.Sprintf("not enough file descriptors: %s chassis %s listen on %s sockets, and %s more are kept for sessions (--session-reserve) and %d for the process: %s in all, but this process may open %s (RLIMIT_NOFILE; the soft limit is raised to the hard one). %s raise the hard limit as root (ulimit -Hn %s in the shell that starts switchsim, LimitNOFILE=%s in its systemd unit, or a nofile line in /etc/security/limits.conf)",
		thousands(e.Chassis), how, thousands(e.Listeners), thousands(e.Reserve), e.Process, thousands(total), thousands(int(e.Limit)), hint,
		strconv.Itoa(roundUp(total)), strconv.Itoa(roundUp(total)))
}

// roundUp is a limit comfortably above n (the next multiple of 16,384).
func roundUp(n int) int { return (n/16384 + 1) * 16384 }

// thousands writes 30000 as 30,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// listenerCount is how many sockets the fleet will listen on.
func (fl *fleet) listenerCount() (int, string) {
	p := fl.cfg.Ports
	switch {
	case p.Scheme == "address" && fl.shared:
		return len(fl.sharedPorts()), "address"
	case p.Scheme == "address":
		n := 0
		if fl.console != 0 {
			n++
		}
		for _, sl := range fl.slots {
			n++
			if sl.cc.Telnet != "" {
				n++
			}
			if sl.netconfAddr() != "" {
				n++
			}
			if sl.cc.Web != "" {
				n++
			}
		}
		return n, "per-address"
	}
	n := 0
	for _, sl := range fl.slots {
		n += len(sl.blockAddrs())
	}
	return n, "block"
}

// checkBudget refuses a fleet the descriptor limit cannot hold.
func (fl *fleet) checkBudget() error {
	limit := fl.cfg.FDLimit
	if limit == 0 {
		var ok bool
		if limit, ok = raiseFDLimit(); !ok {
			return nil // no such limit here
		}
	}
	n, scheme := fl.listenerCount()
	reserve := fl.cfg.SessionReserve
	if reserve <= 0 {
		reserve = DefaultSessionReserve
	}
	if uint64(n+reserve+processFDs) <= limit {
		return nil
	}
	return &BudgetError{Chassis: len(fl.slots), Scheme: scheme, Listeners: n, Reserve: reserve, Process: processFDs, Limit: limit}
}

// portError explains a port the address scheme cannot listen on, with
// the cause and what to do.
func portError(what string, port int, where string, err error) error {
	switch {
	case errors.Is(err, syscall.EACCES):
		return fmt.Errorf("cannot listen on port %d (%s) for %s: permission denied: ports below the unprivileged start (net.ipv4.ip_unprivileged_port_start, %s) need privileges switchsim does not ask for; use the high ports (--address-ports ssh=2222,telnet=2323,netconf=8830)",
			port, what, where, unprivilegedStart())
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf("cannot listen on port %d (%s) for %s: address already in use: another program listens on it (on 0.0.0.0, like the host's own sshd on port 22, or on a loopback address); choose other ports (--address-ports ssh=2222,telnet=2323,netconf=8830) or stop that listener: %w",
			port, what, where, err)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return fmt.Errorf("cannot listen on %s (%s): the address is not on this host (outside Linux only 127.0.0.1 is on loopback: add the others as aliases, e.g. ifconfig lo0 alias 127.1.0.1, or serve port blocks): %w", where, what, err)
	}
	return fmt.Errorf("cannot listen on port %d (%s) for %s: %w", port, what, where, err)
}

// inUseHint adds advice to a port block's bind error.
func inUseHint(err error) string {
	if errors.Is(err, syscall.EADDRINUSE) {
		return " (another program listens there: choose another base-port, or serve an address per chassis with --address-per-chassis)"
	}
	if errors.Is(err, syscall.EACCES) {
		return " (ports below 1024 need privileges: choose a base-port above 1024)"
	}
	return ""
}

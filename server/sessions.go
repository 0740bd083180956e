package server

import (
	"sort"

	"github.com/switchsim/switchsim/commands"
)

// ListSessions lists the management CLI sessions, oldest first
// (commands.Host).
func (h *Host) ListSessions() []commands.SessionInfo {
	h.smu.Lock()
	var out []commands.SessionInfo
	for _, s := range h.mgmt {
		out = append(out, commands.SessionInfo{User: s.User, Transport: s.Transport, Peer: s.Peer, Module: s.Module, Since: s.Since})
	}
	h.smu.Unlock()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Since.Before(out[j].Since) })
	return out
}

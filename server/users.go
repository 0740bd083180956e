package server

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/switchsim/switchsim/commands"
	gossh "golang.org/x/crypto/ssh"
)

// login is a management session as it logged in, for listings of the
// sessions: taken when it attached, so that reading it never races with
// the session's own goroutine.
type login struct {
	seq uint64
	s   *commands.Session
	u   commands.User
}

// Users lists the CLI sessions of the active module: a console session
// for each connection to its console port, then the management sessions
// in the order they logged in.
func (h *Host) Users(self *commands.Session) []commands.User {
	h.smu.Lock()
	defer h.smu.Unlock()
	var out []commands.User
	if h.active >= 0 {
		for range h.consoles[h.active] {
			out = append(out, commands.User{Transport: "CONSOLE", Module: h.active,
				Self: self.Transport == "CONSOLE" && self.Module == h.active})
		}
	}
	var ls []login
	for _, l := range h.who {
		ls = append(ls, l)
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].seq < ls[j].seq })
	for _, l := range ls {
		u := l.u
		u.Self = l.s == self
		out = append(out, u)
	}
	return out
}

// HostPublicKey is the served SSH host key as an authorized_keys line
// (not to be called under View or Do: it takes the chassis lock).
func (h *Host) HostPublicKey() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.signer == nil || h.m.HostKeys == 0 {
		return ""
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(h.signer.PublicKey())))
}

// TFTPGet reads a file from the TFTP stand-in: the directory uploads go
// to (so a configuration backed up there can be restored).
func (h *Host) TFTPGet(server, file string) ([]byte, error) {
	if h.unreachable[server] {
		return nil, commands.ErrTFTPUnreachable
	}
	name := filepath.Base(strings.TrimPrefix(file, "/"))
	if h.tftpOut == "" || name == "." || name == "/" || name == "" || strings.Contains(file, "..") {
		return nil, commands.ErrTFTPNotFound
	}
	data, err := os.ReadFile(filepath.Join(h.tftpOut, name))
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, commands.ErrTFTPNotFound
	case err != nil:
		return nil, commands.ErrTFTPUnreadable
	}
	return data, nil
}

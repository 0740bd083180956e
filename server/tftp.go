package server

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/switchsim/switchsim/commands"
)

// writeUpload stores a file sent to the TFTP stand-in (copy crash-log),
// atomically, inside dir only.
func writeUpload(dir, file string, data []byte) error {
	name := filepath.Base(strings.TrimPrefix(file, "/"))
	if name == "." || name == "/" || name == "" || strings.Contains(file, "..") {
		return commands.ErrTFTPUnreadable
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return commands.ErrTFTPUnreadable
	}
	if err := WriteAtomic(filepath.Join(dir, name), data, nil); err != nil {
		return commands.ErrTFTPUnreadable
	}
	return nil
}

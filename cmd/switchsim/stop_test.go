package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/server"
)

// Stopping the server is a power cycle of every chassis: on SIGTERM one
// warning line names the chassis whose unsaved running-config is lost
// (issue 14, defect 7).
func TestStopWarnsOfUnsavedChanges(t *testing.T) {
	for _, change := range []bool{false, true} {
		var errs bytes.Buffer
		stderr = &errs
		f := newServeFlags("serve")
		if err := f.parse([]string{"--state-dir", t.TempDir(), "--listen", "127.0.0.1:0", "--console1", "off", "--console2", "off",
			"--control", "off", "--web", "off", "--quiet"}); err != nil {
			t.Fatal(err)
		}
		err := runServer(f, io.Discard, func(srv *server.Server) {
			if change {
				srv.Hosts()[0].Do(func(c *model.Chassis) error {
					return c.Configure(func(cf *model.Config) error { cf.Hostname = "changed"; return nil })
				})
			}
			syscall.Kill(os.Getpid(), syscall.SIGTERM)
		})
		stderr = os.Stderr
		if err != nil {
			t.Fatal(err)
		}
		warned := strings.Count(errs.String(), "warning")
		switch {
		case change && (warned != 1 || !strings.Contains(errs.String(), "the unsaved running-config of chassis1 is lost")):
			t.Fatalf("stop with an unsaved change:\n%s", errs.String())
		case !change && warned != 0:
			t.Fatalf("stop with nothing unsaved:\n%s", errs.String())
		}
	}
}

// serve keeps a human floor of 3 s for the boot profile menu unless told
// otherwise (issue 14, defect 6).
func TestHumanWaitFlag(t *testing.T) {
	f := newServeFlags("serve")
	if err := f.parse([]string{"--state-dir", t.TempDir(), "--time-scale", "0.01"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := f.config()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HumanWait != 3*time.Second || cfg.TimeScale != 0.01 {
		t.Fatalf("human wait %v, scale %v", cfg.HumanWait, cfg.TimeScale)
	}
	f = newServeFlags("serve")
	f.parse([]string{"--state-dir", t.TempDir(), "--human-wait", "0"})
	if cfg, _ := f.config(); cfg.HumanWait != 0 {
		t.Fatalf("--human-wait 0: %v", cfg.HumanWait)
	}
}

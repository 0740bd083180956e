package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/transcripts"
)

// record serves one chassis like serve and, when stopped (Ctrl-C),
// writes every session and physical event as a transcript that "switchsim
// replay" checks. The chassis runs on a clock the recorder moves with
// wall time, so the replay sees the same moments.
func record(args []string) error {
	f := newServeFlags("record")
	out := f.fs.String("out", "session.txt", "transcript `file` written when recording stops")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.inventory != "" {
		return errors.New("record: a transcript holds one chassis; --inventory is not supported")
	}
	t0 := time.Now()
	unlock, err := f.lockStateDir()
	if err != nil {
		return err
	}
	defer unlock()
	cfg, err := f.config()
	if err != nil {
		return err
	}
	cold := cfg.Chassis[0].ColdBoot
	cfg.Chassis[0].ColdBoot = false
	cfg.Virtual = true
	rec := transcripts.NewRecorder()
	rec.Terminal = cfg.Terminal
	cfg.Recorder = rec
	srv, err := server.Start(cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	h := srv.Hosts()[0]
	if err := rec.Start(h); err != nil {
		return err
	}
	if cold {
		// the power-on is the transcript's first step, so the replay
		// boots the same way
		rec.Event(h.Name, "power-cycle", server.ControlRequest{})
		h.PowerCycle()
	}
	stop := make(chan struct{})
	clockDone := make(chan struct{})
	go func() {
		defer close(clockDone)
		rec.Clock(h, f.timeScale, stop)
	}()
	rep := portsReport{Chassis: srv.Addrs(), Control: srv.ControlAddr(), StateDir: f.stateDir}
	line, _ := json.Marshal(rep)
	fmt.Fprintf(os.Stdout, "%s\n", line)
	server.WriteAtomic(filepath.Join(f.stateDir, "ports.json"), append(line, '\n'), nil)
	if !f.quiet {
		printWelcome(os.Stdout, srv, cfg, f, time.Since(t0))
		fmt.Fprintf(os.Stdout, "  recording to %s (written when stopped)\n", *out)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	close(stop)
	<-clockDone
	if err := os.WriteFile(*out, rec.Transcript(), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "switchsim: transcript written to", *out)
	return nil
}

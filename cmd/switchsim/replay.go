package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/transcripts"
)

// replay replays transcript files (or folders of them) and compares each
// step's output; it exits 0 when all match and 1 with the differences
// otherwise, so it works in any CI.
func replay(args []string) error {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	update := fs.Bool("update", false, "rewrite each file with the output the replay showed (review the diff)")
	images := fs.String("images", "", "images `directory` standing in for the TFTP server (default: built-in releases)")
	terminal := fs.String("terminal", server.TerminalPlain, "`mode` of the replay's sessions: plain, or vt100 to paint them as the switch does (the 8212zl) and read each console through a VT100 of its size; a transcript shows the same lines either way")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: switchsim replay [flags] DIR|FILE...\n\nReplays golden transcripts (every *.txt of a folder) against a fresh chassis on\na virtual clock and compares the screen text of every step. Exits 0 when all\nmatch, 1 with a diff per differing step otherwise.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitCode(0)
		}
		return exitCode(2)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitCode(2)
	}
	if err := server.CheckTerminal(*terminal); err != nil {
		fmt.Fprintf(os.Stderr, "switchsim replay: --%v\n", err)
		return exitCode(2)
	}
	opt := transcripts.Options{Terminal: *terminal}
	if *images != "" {
		cat, err := scenario.OpenCatalog(*images)
		if err != nil {
			return err
		}
		opt.Images = cat
	}
	var files []string
	for _, a := range fs.Args() {
		fl, err := transcripts.Files(a)
		if err != nil {
			return err
		}
		files = append(files, fl...)
	}
	if len(files) == 0 {
		return fmt.Errorf("replay: no transcripts (*.txt) in %s", filepath.Join(fs.Args()...))
	}
	failed, broken := 0, 0
	for _, f := range files {
		n, err := transcripts.Check(f, *update, opt, os.Stdout)
		if err != nil {
			fmt.Fprintln(os.Stdout, err)
			broken++
			continue
		}
		if n > 0 {
			failed++
		}
	}
	switch {
	case broken > 0 || failed > 0:
		fmt.Fprintf(os.Stdout, "%d of %d transcripts differ, %d could not be replayed\n", failed, len(files), broken)
		return exitCode(1)
	case !*update:
		fmt.Fprintf(os.Stdout, "%d transcripts match\n", len(files))
	}
	return nil
}

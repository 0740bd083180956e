package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/switchsim/switchsim/scenario"
)

// images writes the built-in images directory so users can add releases.
func images(args []string) error {
	fs := flag.NewFlagSet("images", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: switchsim images DIR\n\nWrites the built-in images directory (the TFTP stand-in: images.yaml and one\nstand-in file per release) to DIR. Add files and manifest entries there and\nserve with --images DIR.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitCode(2)
	}
	return scenario.WriteDefault(fs.Arg(0))
}

package main

import (
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/switchsim/switchsim/vendors"
)

// scenarios lists the built-in scenarios, one line each.
func scenarios(args []string) error {
	if len(args) > 0 {
		fmt.Fprintf(os.Stderr, "usage: switchsim scenarios\n\nLists the built-in chassis; serve one with \"switchsim serve --scenario NAME\".\n")
		if args[0] == "-h" || args[0] == "--help" {
			return nil
		}
		return exitCode(2)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	for _, b := range vendors.Scenarios() {
		def := ""
		if b.Name == vendors.DefaultScenario {
			def = " (default)"
		}
		fmt.Fprintf(w, "%s\t%s%s\n", b.Name, b.Summary, def)
	}
	return w.Flush()
}

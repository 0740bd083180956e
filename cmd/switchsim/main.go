// Command switchsim emulates modular chassis switches with redundant
// management modules over SSH. It only parses flags; the work is in the
// server, console, commands and model packages.
package main

import (
	"fmt"
	"os"
)

const usage = `usage: switchsim <command> [flags]

commands:
  serve      serve chassis over SSH (the default chassis unless told otherwise)
  scenarios  list the built-in chassis ("serve --scenario NAME")
  ctl        press buttons, pull and insert modules through the control API
  replay     replay transcript files and compare the output
  record     serve like "serve" and write the sessions as a transcript
  inventory  print the chassis of an inventory file with their addresses
  bench      open many SSH sessions against a server and measure
  images     write the built-in images directory (the TFTP stand-in) to a folder

"switchsim <command> --help" describes each one.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "serve":
		err = serve(args, nil)
	case "record":
		err = record(args)
	case "ctl":
		err = ctl(args)
	case "scenarios":
		err = scenarios(args)
	case "replay":
		err = replay(args)
	case "inventory":
		err = inventory(args)
	case "bench":
		err = bench(args)
	case "images":
		err = images(args)
	case "-h", "--help", "help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "switchsim: unknown command %q\n\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	if err != nil {
		if code, ok := err.(exitCode); ok {
			os.Exit(int(code))
		}
		fmt.Fprintln(os.Stderr, "switchsim:", err)
		os.Exit(1)
	}
}

// exitCode ends the program with a status and no message.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// ctlAction describes one "switchsim ctl" action.
type ctlAction struct {
	name  string
	args  string
	help  string
	build func(args []string) (server.ControlRequest, error)
}

func moduleArg(args []string) (server.ControlRequest, error) {
	if len(args) != 1 {
		return server.ControlRequest{}, errors.New("expected one module (" + moduleChoices() + ")")
	}
	return server.ControlRequest{Module: args[0]}, nil
}

func noArgs(args []string) (server.ControlRequest, error) {
	if len(args) != 0 {
		return server.ControlRequest{}, errors.New("expected no arguments")
	}
	return server.ControlRequest{}, nil
}

var ctlActions = []ctlAction{
	{"state", "", "print the chassis state as JSON (the other actions print one line)", noArgs},
	{"ready", "", "exit 0 once every chassis of the server listens, else 1 (a readiness probe: switchsim ctl --state-dir /state ready)", noArgs},
	{"press", "MODULE reset|shutdown  |  ssm clear", "press a button: a management module's MM Reset or MM Shutdown, or the System Support Module's Clear", func(a []string) (server.ControlRequest, error) {
		if len(a) != 2 {
			return server.ControlRequest{}, errors.New("expected a module and a button, e.g. mm1 reset or msm-a reset")
		}
		if a[0] == "ssm" {
			return server.ControlRequest{Button: a[1]}, nil
		}
		return server.ControlRequest{Module: a[0], Button: a[1]}, nil
	}},
	{"pull", "MODULE", "hotswap a management module out", moduleArg},
	{"insert", "MODULE [primary=VERSION] [secondary=VERSION] [rom=VERSION] [serial=S] [booted=primary|secondary]", "hotswap a management module in, carrying the given software (default: what the chassis runs)", func(a []string) (server.ControlRequest, error) {
		if len(a) < 1 {
			return server.ControlRequest{}, errors.New("expected a module")
		}
		spec, err := server.ParseInsert(a[1:])
		return server.ControlRequest{Module: a[0], InsertSpec: spec}, err
	}},
	{"fail-selftest", "MODULE [count]", "make the module's next selftest(s) fail", func(a []string) (server.ControlRequest, error) {
		if len(a) < 1 || len(a) > 2 {
			return server.ControlRequest{}, errors.New("expected a module and an optional count")
		}
		r := server.ControlRequest{Module: a[0], Count: 1}
		if len(a) == 2 {
			n, err := strconv.Atoi(a[1])
			if err != nil || n < 0 {
				return r, fmt.Errorf("count %q", a[1])
			}
			r.Count = n
		}
		return r, nil
	}},
	{"crash", "MODULE", "crash the module's software", moduleArg},
	{"cut-heartbeat", "", "stop the active module's heartbeat (the standby takes over)", noArgs},
	{"fail-hardware", "MODULE", "fail the module's hardware", moduleArg},
	{"power-cycle", "", "turn the chassis off and on", noArgs},
	{"flash", "MODULE full|removed|ok", "make a module's flash full or removed (copies to it fail and raise the synchronization alarm), or end that condition", func(a []string) (server.ControlRequest, error) {
		if len(a) != 2 {
			return server.ControlRequest{}, errors.New("expected a module and full, removed or ok")
		}
		return server.ControlRequest{Module: a[0], Flash: a[1]}, nil
	}},
	{"advance", "DURATION", "move a virtual clock forward (chassis on real time refuse)", func(a []string) (server.ControlRequest, error) {
		if len(a) != 1 {
			return server.ControlRequest{}, errors.New("expected a duration, e.g. 45s")
		}
		if _, err := time.ParseDuration(a[0]); err != nil {
			return server.ControlRequest{}, err
		}
		return server.ControlRequest{Duration: a[0]}, nil
	}},
}

func ctlUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: switchsim ctl [flags] <action> [args]\n\nactions:\n")
	for _, a := range ctlActions {
		fmt.Fprintf(w, "  %-14s %s\n  %-14s   %s\n", a.name, a.args, "", a.help)
	}
	fmt.Fprintf(w, "\nMODULE names a management module as the chassis's vendor does: %s.\n", moduleChoices())
	fmt.Fprintf(w, "\n\"switchsim ctl <action> --help\" describes one action.\n\nflags:\n")
}

// moduleChoices lists each vendor's module names ("mm1|mm2 (procurve)").
func moduleChoices() string {
	var out []string
	for _, name := range vendors.Names() {
		v, _ := vendors.Lookup(name)
		out = append(out, strings.Join(v.Profile().ModuleNames, "|")+" ("+name+")")
	}
	return strings.Join(out, ", ")
}

func ctl(args []string) error {
	fs := flag.NewFlagSet("ctl", flag.ContinueOnError)
	addr := fs.String("addr", "", "control API `address` (default: from ports.json in the state directory)")
	token := fs.String("token", "", "control API `token` (default: control-token in the state directory)")
	stateDir := fs.String("state-dir", defaultStateDir(), "the server's state `directory`")
	chassis := fs.String("chassis", "chassis1", "chassis `name` (fleets)")
	fs.Usage = func() { ctlUsage(fs.Output()); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fs.Usage()
		return exitCode(2)
	}
	var act *ctlAction
	for i := range ctlActions {
		if ctlActions[i].name == rest[0] {
			act = &ctlActions[i]
		}
	}
	if act == nil {
		fmt.Fprintf(os.Stderr, "switchsim ctl: unknown action %q\n\n", rest[0])
		fs.Usage()
		return exitCode(2)
	}
	for _, a := range rest[1:] {
		if a == "--help" || a == "-h" || a == "help" {
			fmt.Printf("usage: switchsim ctl %s %s\n\n%s\n", act.name, act.args, act.help)
			return nil
		}
	}
	req, err := act.build(rest[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "switchsim ctl %s: %v\nusage: switchsim ctl %s %s\n", act.name, err, act.name, act.args)
		return exitCode(2)
	}
	if *addr == "" {
		var rep portsReport
		b, err := os.ReadFile(filepath.Join(*stateDir, "ports.json"))
		if err == nil {
			err = json.Unmarshal(b, &rep)
		}
		switch {
		case err != nil:
			return fmt.Errorf("no control address: give --addr, or --state-dir of a running server (%v)", err)
		case rep.Control == "":
			return fmt.Errorf("no control address in %s: the server there runs without a control API (--control off)", filepath.Join(*stateDir, "ports.json"))
		}
		*addr = rep.Control
	}
	if *token == "" {
		b, err := os.ReadFile(filepath.Join(*stateDir, "control-token"))
		if err != nil {
			return fmt.Errorf("no token: give --token, or --state-dir of a running server (%v)", err)
		}
		*token = strings.TrimSpace(string(b))
	}
	if act.name == "ready" {
		return ctlReady(*addr, *token)
	}
	url := fmt.Sprintf("http://%s/v1/chassis/%s/%s", *addr, *chassis, act.name)
	method := http.MethodPost
	var body io.Reader
	if act.name == "state" {
		method = http.MethodGet
	} else {
		b, _ := json.Marshal(req)
		body = bytes.NewReader(b)
	}
	hr, err := http.NewRequest(method, url, body)
	if err != nil {
		return err
	}
	hr.Header.Set("Authorization", "Bearer "+*token)
	hr.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		json.Unmarshal(out, &e)
		return fmt.Errorf("%s: %s", resp.Status, e.Error)
	}
	if act.name != "state" {
		// one line says what happened; "ctl state" has the rest
		fmt.Fprintln(ctlOut, ctlDone(act.name, *chassis, req))
		return nil
	}
	var pretty bytes.Buffer
	if json.Indent(&pretty, out, "", "  ") == nil {
		out = pretty.Bytes()
	}
	ctlOut.Write(out)
	return nil
}

// ctlOut is where ctl prints (tests replace it).
var ctlOut io.Writer = os.Stdout

// ctlDone is the line that says what an action did.
func ctlDone(action, chassis string, r server.ControlRequest) string {
	switch action {
	case "press":
		if r.Module == "" {
			return fmt.Sprintf("%s: pressed the System Support Module's %s button", chassis, r.Button)
		}
		return fmt.Sprintf("%s: pressed %s's %s button", chassis, r.Module, r.Button)
	case "pull":
		return fmt.Sprintf("%s: pulled %s", chassis, r.Module)
	case "insert":
		var with []string
		for _, kv := range [][2]string{{"primary", r.Primary}, {"secondary", r.Secondary}, {"rom", r.ROM}, {"serial", r.Serial}, {"booted", r.Booted}} {
			if kv[1] != "" {
				with = append(with, kv[0]+" "+kv[1])
			}
		}
		if len(with) == 0 {
			with = []string{"the software the chassis runs"}
		}
		return fmt.Sprintf("%s: inserted %s (%s); it boots", chassis, r.Module, strings.Join(with, ", "))
	case "fail-selftest":
		return fmt.Sprintf("%s: the next %d selftest(s) of %s fail", chassis, r.Count, r.Module)
	case "crash":
		return fmt.Sprintf("%s: crashed %s's software", chassis, r.Module)
	case "cut-heartbeat":
		return fmt.Sprintf("%s: cut the active module's heartbeat", chassis)
	case "fail-hardware":
		return fmt.Sprintf("%s: failed %s's hardware", chassis, r.Module)
	case "power-cycle":
		return fmt.Sprintf("%s: power-cycled; the modules boot", chassis)
	case "advance":
		return fmt.Sprintf("%s: the clock moved %s", chassis, r.Duration)
	}
	return chassis + ": " + action
}

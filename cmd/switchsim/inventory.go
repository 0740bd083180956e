package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
)

const inventoryUsage = `usage: switchsim inventory [flags] [FILE]

Lists every chassis with its addresses and credentials, in a form
automation reads directly:

  --format ansible   an Ansible YAML inventory (group "switchsim"; hosts with
                     ansible_host, ansible_port, ansible_user, ansible_password)
  --format netmiko   a JSON object of Netmiko ConnectHandler arguments per
                     chassis: ConnectHandler(**json.load(f)["core1"])
  --format nornir    a Nornir SimpleInventory hosts file (hostname, port,
                     username, password, platform = the Netmiko device type,
                     connection_options.netconf for a chassis with NETCONF)
  --format json      everything: name, hostname, management address, module
                     consoles (and console server lines), telnet, NETCONF,
                     manager and operator accounts

With FILE (an inventory, as for "serve --inventory"), the addresses come
from its port blocks, or from its address per chassis (--address-per-chassis
and --address-ports as for serve). Without, from the running server in
--state-dir, which writes fleet.json, netmiko.json, inventory.yaml and
nornir.yaml there at start.

With --shards N --domain DOMAIN (and FILE), the fleet is listed as N
shards serve it (serve --shard auto/N, a StatefulSet of N replicas behind
the headless Service DOMAIN): each chassis at its shard's pod,
POD-I.DOMAIN, with the ports its shard gives it.

flags:
`

// inventory prints the listing of an inventory file or a running server.
func inventory(args []string) error {
	fs := flag.NewFlagSet("inventory", flag.ContinueOnError)
	format := fs.String("format", "ansible", "output `format`: ansible, netmiko, nornir or json")
	stateDir := fs.String("state-dir", defaultStateDir(), "state `directory` of a running server (when no FILE is given)")
	imagesDir := fs.String("images", "", "images `directory` the scenarios refer to (default: built-in releases)")
	perChassis := fs.String("address-per-chassis", "", "with FILE: an address per chassis from this `prefix` (as for serve)")
	addrPorts := fs.String("address-ports", "", "with FILE: the `ports` on each address (as for serve)")
	shards := fs.Int("shards", 0, "with FILE: the fleet is served in `n` shards (serve --shard auto/N, a StatefulSet of n replicas): each chassis at its shard's pod, ports numbered within the shard")
	domain := fs.String("domain", "", "with --shards: the headless Service's `domain` (e.g. switchsim.lab.svc.cluster.local); chassis of shard I are at POD-I.DOMAIN")
	pod := fs.String("pod", "", "with --shards: the StatefulSet's `name` its pods are named after (default: the domain's first label)")
	listenHost := fs.String("listen", "", "with FILE: the `address` the port blocks listen on, over the inventory's listen (as serve's --listen)")
	credentials := fs.String("credentials", "", "YAML `file` of passwords, as for serve (also "+envManagerPassword+" and "+envOperatorPassword+")")
	fs.Usage = func() { fmt.Fprint(fs.Output(), inventoryUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitCode(2)
	}
	if (*shards != 0 || *domain != "") && fs.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "switchsim inventory: --shards and --domain list an inventory FILE")
		return exitCode(2)
	}
	render, ok := map[string]func([]server.Listed) []byte{
		"ansible": server.AnsibleYAML, "netmiko": server.NetmikoJSON, "json": server.FleetJSON, "nornir": server.NornirYAML,
	}[*format]
	if !ok {
		fmt.Fprintf(os.Stderr, "switchsim inventory: unknown format %q (ansible, netmiko, nornir or json)\n", *format)
		return exitCode(2)
	}
	var ls []server.Listed
	if fs.NArg() == 1 {
		cat := scenario.Builtin()
		if *imagesDir != "" {
			var err error
			if cat, err = scenario.OpenCatalog(*imagesDir); err != nil {
				return err
			}
		}
		pw, err := readPasswords(*credentials)
		if err != nil {
			return err
		}
		o := server.InventoryOptions{Lazy: true, AddressPerChassis: *perChassis, AddressPorts: *addrPorts, Listen: *listenHost}
		if ls, err = shardListing(fs.Arg(0), cat, o, pw, *shards, *domain, *pod); err != nil {
			return err
		}
	} else {
		path := filepath.Join(*stateDir, "fleet.json")
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("no running server's listing (give an inventory FILE, or --state-dir of a running server): %w", err)
		}
		var f struct{ Chassis []server.Listed }
		if err := json.Unmarshal(b, &f); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		ls = f.Chassis
	}
	_, err := os.Stdout.Write(render(ls))
	return err
}

// writeListings writes the listings of a started server next to
// ports.json (serve calls it).
func writeListings(dir string, srv *server.Server) error {
	return server.WriteListings(dir, srv.Listing())
}

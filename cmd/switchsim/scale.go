package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// The flags of a fleet (serve --inventory): an address per chassis, the
// ports on each address, the descriptors kept for sessions.
func (f *serveFlags) fleetFlags() {
	fs := f.fs
	fs.StringVar(&f.addressPerChassis, "address-per-chassis", "", "with --inventory: give each chassis its own address from this `prefix` in 127.0.0.0/8 (e.g. 127.1.0.0/16) instead of a block of ports; the module consoles are lines of a console server at the prefix's first address (ssh -p 2222 USER:CHASSIS:LINE@ADDRESS)")
	fs.StringVar(&f.addressPorts, "address-ports", "", "with an address per chassis: the `ports` on each address, e.g. ssh=22,telnet=23,netconf=830,web=80 (default ssh=2222,netconf=8830,web=8000, telnet=2323 when the inventory turns telnet on; \"off\" turns one off)")
	fs.IntVar(&f.sessionReserve, "session-reserve", server.DefaultSessionReserve, "with --inventory: file descriptors kept for concurrent sessions when checking the descriptor budget at start (`n`)")
}

// fleetConfig reads the inventory into a fleet: each chassis built when
// first used, its first host key derived from the state directory's
// secret.
func (f *serveFlags) fleetConfig(cfg *server.Config) error {
	o := server.InventoryOptions{Lazy: true, AddressPerChassis: f.addressPerChassis, AddressPorts: f.addressPorts}
	if err := f.shardOptions(&o); err != nil {
		return err
	}
	inv, err := server.ReadInventory(f.inventory, cfg.Images, vendors.Registry, o)
	if err != nil {
		return err
	}
	if o.Shard != nil && len(inv.Chassis) == 0 {
		// rendezvous hashing leaves a small fleet's shards empty now and
		// then: the pod serves nothing and is ready, not a crash loop
		fmt.Fprintf(stderr, "switchsim: shard %s of %s has no chassis (the fleet is smaller than its shards): serving none\n", o.Shard, f.inventory)
	}
	if f.addressPorts != "" && inv.Ports.Scheme != "address" {
		return fmt.Errorf("--address-ports applies to an address per chassis (--address-per-chassis, or address-per-chassis in %s)", f.inventory)
	}
	secret, err := server.FleetSecret(f.stateDir)
	if err != nil {
		return err
	}
	if f.web != "" && f.web != withHost(server.DefaultWeb) && f.web != "off" {
		return fmt.Errorf("--web with --inventory takes only \"off\": a fleet's web ports follow its port map (block offset %d, or --address-ports web=PORT)", server.OffsetWeb)
	}
	if f.web == "off" && inv.Ports.Ports != nil {
		p := *inv.Ports.Ports
		p.Web = 0
		inv.Ports.Ports = &p
	}
	for _, c := range inv.Chassis {
		if f.web == "off" {
			c.Web = ""
		}
		c.StateFile = filepath.Join(f.stateDir, c.Name+".json")
		c.ColdBoot = f.coldBoot
		cfg.Chassis = append(cfg.Chassis, c)
	}
	cfg.Fleet = &server.FleetConfig{Ports: inv.Ports, ConsoleServer: inv.ConsoleServer, Secret: secret, SessionReserve: f.sessionReserve}
	return nil
}

// nameList names chassis in a message, the first twenty of a long list.
func nameList(names []string) string {
	if len(names) <= 20 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:20], ", "), len(names)-20)
}

// printFleetWelcome says where a fleet listens.
func printFleetWelcome(out io.Writer, srv *server.Server, f *serveFlags, n int, took string) {
	fmt.Fprintf(out, "\nswitchsim: %d chassis are up (listening after %s); their addresses and accounts are in\n  %s (Ansible), %s, %s (Nornir) and %s,\n  and \"switchsim inventory --state-dir %s\" prints them.\n",
		n, took, filepath.Join(f.stateDir, "inventory.yaml"), filepath.Join(f.stateDir, "netmiko.json"),
		filepath.Join(f.stateDir, "nornir.yaml"), filepath.Join(f.stateDir, "fleet.json"), f.stateDir)
	if pm := srv.PortMap(); pm != nil && pm.Scheme == "address" {
		p := pm.Ports
		fmt.Fprintf(out, "  each at its own address in %s: ssh %d", pm.Prefix, p.SSH)
		if p.Telnet != 0 {
			fmt.Fprintf(out, ", telnet %d", p.Telnet)
		}
		if p.NETCONF != 0 {
			fmt.Fprintf(out, ", netconf %d (Junos)", p.NETCONF)
		}
		if p.Web != 0 {
			fmt.Fprintf(out, ", web %d (http://ADDRESS:%d/)", p.Web, p.Web)
		}
		fmt.Fprintln(out)
		if a := srv.Addrs(); len(a) > 0 {
			fmt.Fprintf(out, "    ssh -p %s USER@%s      (%s)\n", port(a[0].Mgmt), a[0].Address, a[0].Name)
		}
		if pm.ConsoleServer != "" {
			fmt.Fprintf(out, "  module consoles: the console server %s, the line chosen by user name:\n", pm.ConsoleServer)
			if a := srv.Addrs(); len(a) > 0 && len(a[0].ConsoleLines) > 0 {
				fmt.Fprintf(out, "    ssh -p %s USER:%s@%s   (%s's console 1)\n", port(pm.ConsoleServer), a[0].ConsoleLines[0], hostPart(pm.ConsoleServer), a[0].Name)
			}
		}
	}
	if c := srv.ControlAddr(); c != "" {
		fmt.Fprintf(out, "  control API: http://%s  (token in %s)\n", c, filepath.Join(f.stateDir, "control-token"))
	}
}

package main

import (
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// shardListing lists an inventory as served: whole (shards 0), or in n
// shards, each chassis at its shard's pod (POD-I.DOMAIN) with the ports
// its shard gives it, in the inventory's order.
func shardListing(file string, cat *scenario.Catalog, o server.InventoryOptions, pw *server.Passwords, n int, domain, pod string) ([]server.Listed, error) {
	withPasswords := func(ccs []server.ChassisConfig) {
		for i := range ccs {
			ccs[i].Passwords = pw
		}
	}
	if n == 0 {
		if domain != "" {
			return nil, fmt.Errorf("--domain places the chassis of --shards N on their pods: give --shards too")
		}
		inv, err := server.ReadInventory(file, cat, vendors.Registry, o)
		if err != nil {
			return nil, err
		}
		withPasswords(inv.Chassis)
		return server.ListConfigs(inv.Chassis, vendors.Registry)
	}
	if n < 1 {
		return nil, fmt.Errorf("--shards %d: 1 or more", n)
	}
	if domain == "" {
		return nil, fmt.Errorf("--shards %d: give --domain, the headless Service's domain (e.g. switchsim.lab.svc.cluster.local)", n)
	}
	if o.AddressPerChassis != "" {
		return nil, fmt.Errorf("--shards: a shard is a pod with its own address: serve it in port blocks, not --address-per-chassis")
	}
	if pod == "" {
		pod, _, _ = strings.Cut(domain, ".")
	}
	byName := map[string]server.Listed{}
	for i := 0; i < n; i++ {
		sh := server.Shard{Index: i, Count: n}
		o.Shard = &sh
		inv, err := server.ReadInventory(file, cat, vendors.Registry, o)
		if err != nil {
			return nil, err
		}
		if inv.Ports.Scheme != "block" {
			return nil, fmt.Errorf("%s: a shard is a pod with its own address: serve it in port blocks, not address-per-chassis", file)
		}
		withPasswords(inv.Chassis)
		ls, err := server.ListConfigs(inv.Chassis, vendors.Registry)
		if err != nil {
			return nil, err
		}
		host := pod + "-" + strconv.Itoa(i) + "." + domain
		for _, l := range ls {
			byName[l.Name] = onHost(l, host)
		}
	}
	// the inventory's order: the whole inventory once more
	o.Shard = nil
	all, err := server.ReadInventory(file, cat, vendors.Registry, o)
	if err != nil {
		return nil, err
	}
	out := make([]server.Listed, 0, len(all.Chassis))
	for _, cc := range all.Chassis {
		out = append(out, byName[cc.Name])
	}
	return out, nil
}

// onHost moves a listed chassis's addresses to host (its pod's name).
func onHost(l server.Listed, host string) server.Listed {
	move := func(a string) string {
		if a == "" {
			return ""
		}
		_, p, err := net.SplitHostPort(a)
		if err != nil {
			return a
		}
		return net.JoinHostPort(host, p)
	}
	l.Host = host
	l.Mgmt, l.Telnet, l.NETCONF, l.Web = move(l.Mgmt), move(l.Telnet), move(l.NETCONF), move(l.Web)
	cs := make([]string, len(l.Consoles))
	for i, c := range l.Consoles {
		cs[i] = move(c)
	}
	l.Consoles = cs
	return l
}

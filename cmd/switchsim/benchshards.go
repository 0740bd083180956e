package main

import (
	"errors"
	"flag"
	"os"

	load "github.com/switchsim/switchsim/bench"
	"github.com/switchsim/switchsim/vendors"
)

// benchShards simulates a fleet sharded on Kubernetes on this machine:
// one serve process per shard, shard i on 127.0.(i+1).1.
func benchShards(args []string) error {
	fs := flag.NewFlagSet("bench shards", flag.ContinueOnError)
	bin := fs.String("bin", "bin/switchsim", "switchsim `binary` to start")
	shards := fs.Int("shards", 4, "how many shards (processes)")
	n := fs.Int("chassis", 10000, "how many chassis in all (every built-in scenario in turn)")
	base := fs.Int("base-port", 20000, "each shard's first `port` (its port blocks from there, on its own address)")
	block := fs.Int("block", 6, "ports per chassis")
	sample := fs.Int("sample", 50, "chassis of each shard a client logs in to first")
	visit := fs.Bool("visit", true, "then log in on every chassis of every shard (memory per chassis)")
	dir := fs.String("state-dir", "", "state `directory` (default: a new temporary one)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitCode(0)
		}
		return exitCode(2)
	}
	var scs []string
	for _, b := range vendors.Scenarios() {
		scs = append(scs, b.Name)
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "switchsim-shards-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	_, err := load.RunShards(load.ShardOptions{Bin: *bin, StateDir: *dir, Shards: *shards, Chassis: *n, Scenarios: scs,
		BasePort: *base, Block: *block, Sample: *sample, Visit: *visit, Target: fleetTarget, Out: os.Stdout,
		ServeArgs: []string{"--terminal", "plain"}})
	return err
}

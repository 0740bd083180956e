package server

import (
	"fmt"
	"strings"
	"testing"
)

// fleetNames are the names of an inventory of n chassis of every kind,
// as "count:" expands them.
func fleetNames(n int) []string {
	var out []string
	kinds := []string{"access", "edge", "core", "pe", "leaf"}
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("%s%05d", kinds[i%len(kinds)], i))
	}
	return out
}

// Every chassis is in exactly one shard, the shards are within 5% of
// even at 10,000 chassis and 4 shards, and a chassis's shard depends on
// its name and N only.
func TestShardCoverageAndBalance(t *testing.T) {
	names := fleetNames(10000)
	for _, n := range []int{1, 2, 3, 4, 8} {
		count := make([]int, n)
		for _, name := range names {
			i := ShardOf(name, n)
			if i < 0 || i >= n {
				t.Fatalf("%s in shard %d of %d", name, i, n)
			}
			if ShardOf(name, n) != i {
				t.Fatalf("%s: not deterministic", name)
			}
			count[i]++
		}
		sum := 0
		for _, c := range count {
			sum += c
		}
		if sum != len(names) {
			t.Fatalf("%d shards hold %d of %d chassis", n, sum, len(names))
		}
		if n == 4 {
			even := len(names) / n
			for i, c := range count {
				if c < even*95/100 || c > even*105/100 {
					t.Fatalf("shard %d of 4 holds %d chassis, not within 5%% of %d: %v", i, c, even, count)
				}
			}
			t.Logf("10,000 chassis in 4 shards: %v", count)
		}
	}
}

// Adding or removing chassis moves no other; going from N to N+1 shards
// moves only the chassis the new shard takes (about 1/(N+1)), and back
// from N+1 to N only the removed shard's.
func TestShardStability(t *testing.T) {
	names := fleetNames(10000)
	// a chassis's shard does not depend on the others
	before := map[string]int{}
	for _, name := range names[:5000] {
		before[name] = ShardOf(name, 4)
	}
	for _, name := range names[:5000] {
		if ShardOf(name, 4) != before[name] {
			t.Fatalf("%s moved when chassis were added", name)
		}
	}
	for n := 1; n <= 8; n++ {
		moved := 0
		for _, name := range names {
			from, to := ShardOf(name, n), ShardOf(name, n+1)
			if from != to {
				if to != n {
					t.Fatalf("%d -> %d shards: %s moved from %d to %d, not to the new shard", n, n+1, name, from, to)
				}
				moved++
			}
		}
		// the new shard's fair share, within 10% of it
		want := len(names) / (n + 1)
		if moved < want*90/100 || moved > want*110/100 {
			t.Fatalf("%d -> %d shards moved %d chassis, want about %d", n, n+1, moved, want)
		}
	}
}

func TestParseShard(t *testing.T) {
	for _, c := range []struct {
		spec, host, env string
		want            Shard
		err             string
	}{
		{"2/4", "", "", Shard{2, 4}, ""},
		{"auto/4", "switchsim-3", "", Shard{3, 4}, ""},
		{"auto/4", "my-lab-switchsim-0", "", Shard{0, 4}, ""},
		{"auto/4", "switchsim-3", "1", Shard{1, 4}, ""},
		{"auto/1", "switchsim-0", "", Shard{0, 1}, ""},
		{"auto/4", "switchsim-4", "", Shard{}, "this process is shard 4 (the hostname switchsim-4) but the fleet has 4 shards (0 to 3): change the StatefulSet's replicas and the N of --shard auto/N together, to one number (both 5; or scale the StatefulSet back to 4 replicas)"},
		{"auto/2", "x", "7", Shard{}, "this process is shard 7 (SWITCHSIM_POD_INDEX=7) but the fleet has 2 shards"},
		{"auto/4", "laptop", "", Shard{}, "--shard auto/4: no ordinal: SWITCHSIM_POD_INDEX is not set and the hostname \"laptop\" does not end in -NUMBER"},
		{"auto/4", "pod-x", "", Shard{}, "--shard \"auto/4\": \"x\" (the hostname pod-x) is not an ordinal"},
		{"4", "", "", Shard{}, "--shard \"4\": expected I/N or auto/N"},
		{"0/0", "", "", Shard{}, "--shard \"0/0\": expected I/N or auto/N"},
		{"-1/3", "", "", Shard{}, "is not an ordinal"},
	} {
		got, err := ParseShard(c.spec, c.host, c.env)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("ParseShard(%q, %q, %q) = %v, %v; want %v", c.spec, c.host, c.env, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("ParseShard(%q, %q, %q): error %v, want %q", c.spec, c.host, c.env, err, c.err)
		}
	}
}

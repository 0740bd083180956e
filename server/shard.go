package server

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shards of a fleet: one inventory served by N processes (the replicas
// of a Kubernetes StatefulSet, or N processes on one machine), each
// serving the chassis whose shard is its ordinal. A chassis's shard
// depends only on its name and N (rendezvous, or highest-random-weight,
// hashing): every shard scores the name and the highest score wins. So
// adding or removing chassis moves no other chassis, and going from N to
// N+1 shards moves only the chassis the new shard now wins (about
// 1/(N+1) of them), each from wherever it was; going down moves only the
// removed shard's chassis.

// Shard is one shard of a fleet: Index in [0, Count).
type Shard struct {
	Index int
	Count int
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// ShardOf is the shard (0 to n-1) that serves the chassis named name.
func ShardOf(name string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	key := h.Sum64()
	best, bestScore := 0, uint64(0)
	for i := 0; i < n; i++ {
		if s := mix64(key ^ mix64(uint64(i)+0x9e3779b97f4a7c15)); i == 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// mix64 is splitmix64's finaliser: every bit of the input moves every
// bit of the output, so the scores of one name are independent.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// ShardEnv is the environment variable a pod's ordinal is read from
// first (the manifests set it from the apps.kubernetes.io/pod-index
// label through the downward API).
const ShardEnv = "SWITCHSIM_POD_INDEX"

// ParseShard reads --shard: "I/N" (this process serves shard I of N) or
// "auto/N" (I is the pod's ordinal: podIndex when set, else the number
// after the last "-" of hostname, as a StatefulSet names its pods). An
// ordinal of N or more is refused: the StatefulSet has more replicas than
// the fleet has shards.
func ParseShard(spec, hostname, podIndex string) (Shard, error) {
	idx, count, ok := strings.Cut(spec, "/")
	n, err := strconv.Atoi(count)
	if !ok || err != nil || n < 1 {
		return Shard{}, fmt.Errorf("--shard %q: expected I/N or auto/N with N shards (1 or more), e.g. auto/4", spec)
	}
	sh := Shard{Count: n}
	from := ""
	if idx == "auto" {
		switch {
		case podIndex != "":
			idx, from = podIndex, fmt.Sprintf(" (%s=%s)", ShardEnv, podIndex)
		default:
			i := strings.LastIndexByte(hostname, '-')
			if i < 0 {
				return Shard{}, fmt.Errorf("--shard auto/%d: no ordinal: %s is not set and the hostname %q does not end in -NUMBER as a StatefulSet's pods do (give --shard I/%d)", n, ShardEnv, hostname, n)
			}
			idx, from = hostname[i+1:], fmt.Sprintf(" (the hostname %s)", hostname)
		}
	}
	i, err := strconv.Atoi(idx)
	if err != nil || i < 0 {
		return Shard{}, fmt.Errorf("--shard %q: %q%s is not an ordinal (0, 1, ...)", spec, idx, from)
	}
	if i >= n {
		return Shard{}, fmt.Errorf("this process is shard %d%s but the fleet has %d shards (0 to %d): change the StatefulSet's replicas and the N of --shard auto/N together, to one number (both %d; or scale the StatefulSet back to %d replicas)",
			i, from, n, n-1, i+1, n)
	}
	sh.Index = i
	return sh, nil
}

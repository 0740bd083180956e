//go:build soak

package server

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/vendors"
)

// 10,000 chassis of every kind in one process (make soak): listening in
// under 3 s from an empty state directory and from a full one, every
// chassis built and changed within 1 GB of heap, and the time a stop
// takes to save all 10,000 (the worst case of SIGTERM), reported.
func TestSoakFleet10000(t *testing.T) {
	var b strings.Builder
	b.WriteString("chassis:\n")
	for _, k := range []string{"8212zl", "bd8810", "7750-sr12", "mx240", "qfx5100"} {
		fmt.Fprintf(&b, "  - name: %s-\n    count: 2000\n    scenario: %s\n", k, k)
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	start := func() (*Server, time.Duration) {
		for try := 0; ; try++ {
			prefix := fmt.Sprintf("127.%d.0.0/16", 1+rng.Intn(254))
			ports := fmt.Sprintf("ssh=%d,netconf=%d,web=off", 10000+rng.Intn(11000), 21000+rng.Intn(11000))
			t0 := time.Now()
			inv, err := ParseInventoryWith(filepath.Join(dir, "fleet.yaml"), []byte(b.String()), nil, vendors.Registry,
				InventoryOptions{Lazy: true, AddressPerChassis: prefix, AddressPorts: ports})
			if err != nil {
				t.Fatal(err)
			}
			for i := range inv.Chassis {
				inv.Chassis[i].StateFile = filepath.Join(dir, inv.Chassis[i].Name+".json")
			}
			s, err := Start(Config{Vendors: vendors.Registry, Chassis: inv.Chassis,
				Fleet: &FleetConfig{Ports: inv.Ports, ConsoleServer: inv.ConsoleServer, Secret: []byte("soak-secret-0123456789")}})
			if err != nil && try < 10 {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			// listening, and the listings a serve writes before its line
			if err := WriteListings(t.TempDir(), s.Listing()); err != nil {
				t.Fatal(err)
			}
			return s, time.Since(t0)
		}
	}
	s, took := start()
	t.Logf("10,000 chassis from an empty state directory: listening and listed in %s", took)
	if took > 3*time.Second {
		t.Errorf("start took %s (limit 3 s)", took)
	}
	t0 := time.Now()
	hosts := s.Hosts() // builds every one
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("every chassis built in %s: heap in use %d MB, %d goroutines", time.Since(t0), ms.HeapInuse>>20, runtime.NumGoroutine())
	// a change on each, then a stop at once: every chassis to save
	t0 = time.Now()
	for i, h := range hosts {
		h.Do(func(c *model.Chassis) error { c.LogLoginFailed("SSH", "10.0.0.1", fmt.Sprint(i)); return nil })
	}
	t.Logf("a log change on each in %s", time.Since(t0))
	if ms.HeapInuse > 1<<30 {
		t.Errorf("heap in use %d MB", ms.HeapInuse>>20)
	}
	s.Close()
	saved, stop := s.StopReport()
	t.Logf("stop: %d changed chassis saved in %s", saved, stop)
	if saved < 9000 {
		t.Errorf("saved %d", saved)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(names) != 10000 {
		t.Fatalf("%d state files", len(names))
	}
	s, took = start()
	defer s.Close()
	t.Logf("10,000 chassis from the full state directory: listening and listed in %s", took)
	if took > 3*time.Second {
		t.Errorf("restart took %s (limit 3 s)", took)
	}
	if st := s.Stats(); st.Touched != 0 {
		t.Errorf("%d chassis built by a restart", st.Touched)
	}
	if _, err := os.Stat(filepath.Join(dir, "8212zl-0001.json")); err != nil {
		t.Fatal(err)
	}
}

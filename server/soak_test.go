//go:build soak

package server

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/vendors"
)

// Soak: the abuse and concurrency tests at full size (make soak).

func TestSoakConcurrentSessionsAndPhysicalEvents(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { stressChassis(t, 100, 1000, seed) })
	}
}

// A fleet of 1000 chassis: every one answers, and closing the server
// leaves no goroutine behind.
func TestSoakFleetOf1000(t *testing.T) {
	base := runtime.NumGoroutine()
	var ccs []ChassisConfig
	for i := 0; i < 1000; i++ {
		sc := vendors.Default()
		sc.Clock = testStart
		setHostname(sc.Chassis, fmt.Sprintf("sw%04d", i))
		ccs = append(ccs, ChassisConfig{Name: fmt.Sprintf("sw%04d", i), Scenario: sc, Mgmt: "127.0.0.1:0",
			Consoles: []string{"127.0.0.1:0", "127.0.0.1:0"}, StateFile: fmt.Sprintf("%s/sw%04d.json", t.TempDir(), i)})
	}
	s, err := Start(Config{Vendors: vendors.Registry, Chassis: ccs, TimeScale: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range s.Addrs() {
		p := sshtest.Open(t, a.Mgmt, "manager", "manager", 80, 24)
		p.Login(fmt.Sprintf("sw%04d# ", i))
		p.Close()
	}
	s.Close()
	wait.Goroutines(t, base)
}

// Thousands of wrong logins from many clients: the server stays up and
// small, and the right password still works.
func TestSoakWrongLogins(t *testing.T) {
	s := startServer(t, nil, func(c *Config) { c.AuthFailDelay = time.Millisecond })
	addr := s.Addrs()[0].Mgmt
	check := bystander(t, s)
	before := wait.Heap()
	for round := 0; round < 10; round++ {
		wrongLogins(t, addr, 1000)
		check()
	}
	wait.HeapBounded(t, before, 16<<20, "10,000 wrong logins")
}

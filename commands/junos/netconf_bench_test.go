package junos_test

import (
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/junos"
	"github.com/switchsim/switchsim/netconf"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// The XML API's cost: one RPC in process (the handler and its render),
// one RPC's round trip over SSH, and sessions opened in parallel (SSH,
// hellos, ten RPCs, close-session), to set beside the CLI's round trip
// and closed loop (BenchmarkRoundTrip*, BenchmarkSSHSessions).

const softwareRPC = "<get-software-information/>"

func BenchmarkNETCONFHandler(b *testing.B) {
	sc, err := vendors.Scenario("mx240", nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := sc.Chassis.Start(start); err != nil {
		b.Fatal(err)
	}
	h := server.NewHost("b", junos.Vendor{}, sc.Chassis, server.NewVirtualClock(start), scenario.Builtin())
	defer h.Close()
	sess := &commands.Session{Host: h, User: "admin", Transport: "SSH", Manager: true, Exec: true}
	x := junos.Vendor{}.XMLSession(sess, commands.XMLEnv{})
	for _, op := range []string{softwareRPC, `<get-configuration format="text"/>`} {
		node, err := netconf.Parse([]byte(`<rpc message-id="1">`+op+`</rpc>`), netconf.DefaultLimits)
		if err != nil {
			b.Fatal(err)
		}
		rpc := &netconf.RPC{Node: node, Op: node.Kids[0], MessageID: "1"}
		b.Run(op, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r := x.Handle(rpc); r.Body == "" {
					b.Fatal("no reply")
				}
			}
		})
	}
}

func benchServer(b *testing.B) string {
	sc, err := vendors.Scenario("mx240", nil)
	if err != nil {
		b.Fatal(err)
	}
	s, err := server.Start(server.Config{Vendors: vendors.Registry, Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc,
		Mgmt: "127.0.0.1:0", Consoles: []string{}, NETCONF: "127.0.0.1:0"}}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s.Addrs()[0].NETCONF
}

func BenchmarkNETCONFRoundTrip(b *testing.B) {
	addr := benchServer(b)
	t := &testing.T{}
	c, err := ncOpen(t, addr, false, "")
	if err != nil {
		b.Fatal(err)
	}
	defer c.conn.Close()
	var rtt []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := c.Call(softwareRPC); err != nil {
			b.Fatal(err)
		}
		rtt = append(rtt, time.Since(t0))
	}
	sort.Slice(rtt, func(i, j int) bool { return rtt[i] < rtt[j] })
	b.ReportMetric(float64(rtt[len(rtt)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(rtt[len(rtt)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkNETCONFSessions: b.N sessions, 100 at a time (as BenchmarkSSHSessions), each ten
// get-software-information and a close-session.
func BenchmarkNETCONFSessions(b *testing.B) {
	addr := benchServer(b)
	n := b.N
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed error
	next := make(chan struct{}, n)
	for range n {
		next <- struct{}{}
	}
	close(next)
	b.ResetTimer()
	t0 := time.Now()
	for range min(n, 100) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				t := &testing.T{}
				c, err := ncOpen(t, addr, false, "")
				if err == nil {
					for range 10 {
						if _, err = c.Call(softwareRPC); err != nil {
							break
						}
					}
					c.Call("<close-session/>")
					c.conn.Close()
				}
				if err != nil {
					mu.Lock()
					failed = err
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if failed != nil {
		b.Fatal(failed)
	}
	b.ReportMetric(float64(n*10)/time.Since(t0).Seconds(), "rpcs/s")
}

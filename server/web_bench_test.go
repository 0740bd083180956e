package server

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/vendors"
)

// The web interface's cost: a page rendered in process, a page over
// HTTP (keep-alive, loopback), and the memory of an open live page.
//
//	go test -run '^$' -bench Web -benchmem ./server

func benchWebServer(b *testing.B) *Server {
	b.Helper()
	sc := vendors.Default()
	sc.Clock = testStart
	s, err := Start(Config{Vendors: vendors.Registry, Virtual: true,
		Chassis: []ChassisConfig{{Name: "c1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, Web: "127.0.0.1:0"}}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkWebDeviceViewHandler(b *testing.B) {
	srv := benchWebServer(b)
	h := srv.Host("c1")
	req := httptest.NewRequest("GET", "/configuration/device-view", nil)
	req.Host, req.RemoteAddr = "127.0.0.1:8081", "127.0.0.1:50000"
	req.SetBasicAuth("manager", "manager")
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.WebHandler().ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

func BenchmarkWebPageOverHTTP(b *testing.B) {
	for _, path := range []string{"/identity", "/status/overview", "/configuration/device-view"} {
		b.Run(path[1:], func(b *testing.B) {
			srv := benchWebServer(b)
			url := "http://" + srv.Addrs()[0].Web + path
			c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			req, _ := http.NewRequest("GET", url, nil)
			req.SetBasicAuth("manager", "manager")
			for b.Loop() {
				resp, err := c.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}

// BenchmarkWebLiveSessions opens 200 live pages (event streams) and
// reports the heap and goroutines each one holds on the server.
func BenchmarkWebLiveSessions(b *testing.B) {
	const n = 200
	for b.Loop() {
		srv := benchWebServer(b)
		h := srv.Host("c1")
		url := "http://" + srv.Addrs()[0].Web + "/events?page=/configuration/device-view"
		heap := func() (uint64, int) {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return m.HeapInuse, runtime.NumGoroutine()
		}
		h0, g0 := heap()
		var bodies []io.ReadCloser
		tr := &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: n}
		c := &http.Client{Transport: tr}
		for i := 0; i < n; i++ {
			req, _ := http.NewRequest("GET", url, nil)
			req.SetBasicAuth("manager", "manager")
			resp, err := c.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil {
				b.Fatal(err)
			}
			bodies = append(bodies, resp.Body)
		}
		wait.For(b, "every live page subscribed", func() bool { return h.WebSubscribers() == n })
		h1, g1 := heap()
		// the client's side is in the same process: its half is counted too
		b.ReportMetric(float64(h1-h0)/n, "heap-B/session(both-ends)")
		b.ReportMetric(float64(g1-g0)/n, "goroutines/session(both-ends)")
		for _, body := range bodies {
			body.Close()
		}
		tr.CloseIdleConnections()
		srv.Close()
	}
}

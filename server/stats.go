package server

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Stats is what the load generator reads from a running server (GET
// /v1/stats on the control API): its size and how busy it is.
type Stats struct {
	Chassis int `json:"chassis"`
	// Touched counts the chassis built so far (a fleet builds a chassis
	// when first used).
	Touched    int    `json:"touched"`
	Sessions   int    `json:"sessions"` // management sessions, all chassis
	Goroutines int    `json:"goroutines"`
	RSS        uint64 `json:"rssBytes"` // resident set size (Linux; else the Go runtime's total)
	HeapInuse  uint64 `json:"heapInuseBytes"`
	// FDs counts the open descriptors (Linux; 0 elsewhere).
	FDs int `json:"fds"`
}

// Stats measures the server now.
func (s *Server) Stats() Stats {
	st := Stats{Chassis: len(s.hosts), Touched: len(s.hosts), Goroutines: runtime.NumGoroutine()}
	for _, h := range s.hosts {
		st.Sessions += h.Sessions()
	}
	if s.fleet != nil {
		s.fleet.stats(&st)
	}
	st.FDs = openFDs()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	st.HeapInuse = ms.HeapInuse
	st.RSS = ProcessRSS()
	if st.RSS == 0 {
		st.RSS = ms.Sys
	}
	return st
}

// ProcessRSS is this process's resident set size from /proc (0 where
// there is none).
func ProcessRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// openFDs counts this process's open descriptors (0 where /proc has none).
func openFDs() int {
	f, err := os.Open("/proc/self/fd")
	if err != nil {
		return 0
	}
	defer f.Close()
	names, _ := f.Readdirnames(-1)
	return len(names)
}

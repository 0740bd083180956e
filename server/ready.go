package server

import "net/http"

// Readiness: GET /v1/ready answers 200 once every chassis of this
// process listens (a fleet's listeners are all bound before the control
// API starts, so an answer is a yes) and 503 otherwise; "switchsim ctl
// ready" asks it (a Kubernetes exec readiness probe, no shell needed).

// Readiness is the body of GET /v1/ready.
type Readiness struct {
	Ready     bool `json:"ready"`
	Listening int  `json:"listening"`
	Chassis   int  `json:"chassis"`
}

// Ready says how many chassis listen, of how many.
func (s *Server) Ready() Readiness {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	var r Readiness
	if s.fleet != nil {
		// a fleet is ready once its listeners are bound, also a shard
		// that holds no chassis
		r.Chassis = len(s.fleet.slots)
		s.fleet.mu.Lock()
		up := s.fleet.listening && !s.fleet.closed
		s.fleet.mu.Unlock()
		if up && !closed {
			r.Listening = r.Chassis
			r.Ready = true
		}
		return r
	}
	r.Chassis = len(s.cfg.Chassis)
	r.Listening = len(s.addrs)
	if closed {
		r.Listening = 0
	}
	r.Ready = r.Chassis > 0 && r.Listening == r.Chassis
	return r
}

func (s *Server) serveReady(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		writeJSON(w, http.StatusMethodNotAllowed, httpError{"use GET"})
		return
	}
	rd := s.Ready()
	code := http.StatusOK
	if !rd.Ready {
		code = http.StatusServiceUnavailable
	}
	writeJSON(w, code, rd)
}

package server

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
)

// The control API: the physical side of each chassis over HTTP JSON, on
// loopback. Every request needs the token, and a Host header naming a
// loopback address, so a web page in a browser cannot drive it (DNS
// rebinding). Paths are per chassis so a fleet shares one API:
//
//	GET  /v1/chassis                          the chassis and their addresses
//	GET  /v1/ready                            200 once every chassis listens, else 503 (ready.go)
//	GET  /v1/stats                            the process: RSS, goroutines, sessions (?gc=1: after a collection)
//	GET  /v1/chassis/{name}/state             the whole state
//	POST /v1/chassis/{name}/press             {"module":"mm1","button":"reset|shutdown"}, {"button":"clear"}
//	POST /v1/chassis/{name}/pull              {"module":"mm2"}
//	POST /v1/chassis/{name}/insert            {"module":"mm2","primary":"K.15.06.0017","secondary":"...","rom":"...","serial":"..."}
//	POST /v1/chassis/{name}/fail-selftest     {"module":"mm1","count":1}
//	POST /v1/chassis/{name}/crash             {"module":"mm1"}
//	POST /v1/chassis/{name}/cut-heartbeat     {}
//	POST /v1/chassis/{name}/fail-hardware     {"module":"mm1"}
//	POST /v1/chassis/{name}/power-cycle       {}
//	POST /v1/chassis/{name}/flash             {"module":"cpm-b","flash":"full|removed|ok"}
//	POST /v1/chassis/{name}/advance           {"duration":"45s"} (virtual clocks only)

type controlServer struct {
	addr string
	http *http.Server
	done chan struct{}
}

// ControlRequest is the body of the POST calls.
type ControlRequest struct {
	Module   string `json:"module"`
	Button   string `json:"button"`
	Count    int    `json:"count"`
	Duration string `json:"duration"`
	Flash    string `json:"flash,omitempty"` // full, removed or ok
	InsertSpec
}

func (s *Server) startControl(addr, token string) error {
	if token == "" {
		return errors.New("control API: a token is required")
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("control API: %w", err)
	}
	cs := &controlServer{addr: l.Addr().String(), done: make(chan struct{})}
	cs.http = &http.Server{Handler: s.controlHandler(token), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 5 * time.Minute, IdleTimeout: time.Minute}
	s.control = cs
	go func() {
		defer close(cs.done)
		cs.http.Serve(l)
	}()
	return nil
}

func (cs *controlServer) close() error {
	err := cs.http.Close()
	<-cs.done
	return err
}

// loopbackHost reports whether a Host header names a loopback address.
func loopbackHost(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.Trim(h, "[]")
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

type httpError struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func (s *Server) controlHandler(token string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopbackHost(r.Host) {
			writeJSON(w, http.StatusForbidden, httpError{"the Host header must name a loopback address"})
			return
		}
		got, bearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !bearer || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
			writeJSON(w, http.StatusUnauthorized, httpError{"missing or wrong token (Authorization: Bearer <token>)"})
			return
		}
		parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
		if r.URL.Path == "/v1/ready" {
			s.serveReady(w, r)
			return
		}
		if r.URL.Path == "/v1/stats" && r.Method == http.MethodGet {
			if r.URL.Query().Get("gc") != "" {
				// what the process holds, collected and returned to the
				// system (measurements of memory per chassis and session)
				debug.FreeOSMemory()
			}
			writeJSON(w, http.StatusOK, s.Stats())
			return
		}
		if len(parts) < 2 || parts[0] != "v1" || parts[1] != "chassis" {
			writeJSON(w, http.StatusNotFound, httpError{"unknown path " + r.URL.Path})
			return
		}
		if len(parts) == 2 {
			if r.Method != http.MethodGet {
				writeJSON(w, http.StatusMethodNotAllowed, httpError{"use GET"})
				return
			}
			writeJSON(w, http.StatusOK, s.Addrs())
			return
		}
		h, err := s.LookupHost(parts[2])
		if h == nil {
			code := http.StatusNotFound
			if s.fleet != nil && s.fleet.byName[parts[2]] != nil {
				code = http.StatusConflict // a fleet's chassis that cannot be built (its state file)
			}
			writeJSON(w, code, httpError{err.Error()})
			return
		}
		if len(parts) != 4 {
			writeJSON(w, http.StatusNotFound, httpError{"unknown path " + r.URL.Path})
			return
		}
		action := parts[3]
		if action == "state" {
			if r.Method != http.MethodGet {
				writeJSON(w, http.StatusMethodNotAllowed, httpError{"use GET"})
				return
			}
			writeJSON(w, http.StatusOK, h.State())
			return
		}
		if r.Method != http.MethodPost {
			writeJSON(w, http.StatusMethodNotAllowed, httpError{"use POST"})
			return
		}
		var req ControlRequest
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64*1024))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil && !errors.Is(err, io.EOF) {
			writeJSON(w, http.StatusBadRequest, httpError{"bad JSON body: " + err.Error()})
			return
		}
		if dec.More() {
			writeJSON(w, http.StatusBadRequest, httpError{"bad JSON body: more than one value"})
			return
		}
		err = s.control1(h, action, req)
		switch {
		case err == nil:
			writeJSON(w, http.StatusOK, h.State())
		case errors.Is(err, errUnknownAction):
			writeJSON(w, http.StatusNotFound, httpError{err.Error()})
		case errors.Is(err, ErrBadRequest):
			writeJSON(w, http.StatusBadRequest, httpError{strings.TrimPrefix(err.Error(), "bad request: ")})
		default:
			writeJSON(w, http.StatusConflict, httpError{controlMessage(err)})
		}
	})
}

var errUnknownAction = errors.New("unknown action")

// Control performs one named physical event (shared by the API and
// "switchsim ctl").
func (s *Server) control1(h *Host, action string, req ControlRequest) error {
	if s.cfg.Recorder != nil && action != "advance" {
		r := req
		if i, err := h.ModuleIndex(req.Module); err == nil {
			r.Module = h.m.Profile.ModuleName(i)
		}
		s.cfg.Recorder.Event(h.Name, action, r)
	}
	switch action {
	case "press":
		if req.Button == "clear" {
			return h.PressClear()
		}
		return h.Press(req.Module, req.Button)
	case "pull":
		return h.Pull(req.Module)
	case "insert":
		return h.Insert(req.Module, req.InsertSpec)
	case "fail-selftest":
		n := req.Count
		if n == 0 {
			n = 1
		}
		return h.FailSelftest(req.Module, n)
	case "crash":
		return h.Crash(req.Module)
	case "cut-heartbeat":
		return h.CutHeartbeat()
	case "fail-hardware":
		return h.FailHardware(req.Module)
	case "power-cycle":
		return h.PowerCycle()
	case "flash":
		return h.SetFlash(req.Module, req.Flash)
	case "advance":
		d, err := time.ParseDuration(req.Duration)
		if err != nil || d < 0 {
			return badRequest("duration %q", req.Duration)
		}
		if !h.clock.Virtual() {
			return badRequest("advance needs a virtual clock (the chassis runs on real time)")
		}
		h.Advance(d)
		return nil
	}
	return fmt.Errorf("%w %q", errUnknownAction, action)
}

// controlMessage words a refusal for the API's user.
func controlMessage(err error) string {
	switch {
	case errors.Is(err, model.ErrSlotEmpty):
		return "that slot is empty"
	case errors.Is(err, model.ErrSlotOccupied):
		return "that slot is occupied: pull the module first"
	case errors.Is(err, model.ErrShutdownIgnored):
		return "other management module is not in standby, shutdown request ignored"
	case errors.Is(err, model.ErrNoStandby):
		return "no standby management module ready to take over"
	}
	return strings.TrimPrefix(err.Error(), "model: ")
}

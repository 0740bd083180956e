package transcripts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/switchsim/switchsim/server"
)

// Recorder writes live sessions as a transcript ("switchsim record"). It
// is the server's Recorder: it sees sessions open and close, their input
// and output, and physical events. It also drives the chassis's virtual
// clock in step with wall time (Clock), so that every moment the model
// sees is one the recorder knows: the transcript starts from a snapshot
// taken when recording began, and the clock steps between events are
// exact, so the replay shows the same times.
type Recorder struct {
	mu    sync.Mutex
	host  *server.Host
	start time.Time
	state []byte
	recs  []rec

	// sessions: id -> console name, and the names in use
	names map[int]string
	inUse map[string]bool
	// input not yet answered by output (the clock holds while there is)
	pending map[int]time.Time

	// Terminal is the server's terminal mode (server.Config.Terminal):
	// in vt100 mode each console is read through a VT100 of its size, as
	// a replay in that mode reads it.
	Terminal string
}

type recKind int

const (
	recOpen recKind = iota
	recInput
	recOutput
	recClose
	recEvent
)

type rec struct {
	kind recKind
	at   time.Time
	name string
	data []byte
	line string
}

// NewRecorder makes a recorder; Start it once the server runs.
func NewRecorder() *Recorder {
	return &Recorder{names: map[int]string{}, inUse: map[string]bool{}, pending: map[int]time.Time{}}
}

// Start takes the snapshot the transcript starts from. Call it right
// after the server started, before any session opens.
func (r *Recorder) Start(h *server.Host) error {
	snap := h.Snapshot()
	// the SSH host key stays out of the transcript: a replay needs none
	var m map[string]json.RawMessage
	if err := json.Unmarshal(snap, &m); err != nil {
		return fmt.Errorf("record: snapshot: %w", err)
	}
	delete(m, "hostKey")
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.host = h
	r.start = h.Now()
	r.state = data
	return nil
}

func (r *Recorder) now() time.Time {
	if r.host == nil {
		return time.Time{}
	}
	return r.host.Now()
}

func (r *Recorder) add(x rec) {
	if x.at.IsZero() {
		x.at = r.now()
	}
	if x.at.Before(r.start) {
		x.at = r.start
	}
	r.recs = append(r.recs, x)
}

// Opened names the session's console: mgmt for the management address,
// con1 and con2 for the module consoles, with -2, -3... for more at once.
func (r *Recorder) Opened(id int, chassis string, t server.Target) {
	r.mu.Lock()
	defer r.mu.Unlock()
	base := "mgmt"
	if t.Module >= 0 {
		base = fmt.Sprintf("con%d", t.Module+1)
	}
	name := base
	for n := 2; r.inUse[name]; n++ {
		name = fmt.Sprintf("%s-%d", base, n)
	}
	r.names[id] = name
	r.inUse[name] = true
	line := "open " + name
	if !t.Manager {
		line += " operator"
		if t.User != "operator" && t.User != "" {
			line += " user=" + t.User
		}
	} else if t.User != "manager" && t.User != "" {
		line += " user=" + t.User
	}
	if (t.Width != 0 && t.Width != 80) || (t.Height != 0 && t.Height != 24) {
		line += fmt.Sprintf(" size=%dx%d", t.Width, t.Height)
	}
	r.add(rec{kind: recOpen, name: name, line: line})
}

// Input records what a session's client sent.
func (r *Recorder) Input(id int, p []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name, ok := r.names[id]
	if !ok {
		return
	}
	if _, waiting := r.pending[id]; !waiting {
		r.pending[id] = time.Now()
	}
	r.add(rec{kind: recInput, name: name, data: append([]byte(nil), p...)})
}

// Output records what a session showed.
func (r *Recorder) Output(id int, p []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name, ok := r.names[id]
	if !ok {
		return
	}
	delete(r.pending, id)
	r.recs = append(r.recs, rec{kind: recOutput, name: name, data: append([]byte(nil), p...)})
}

// Closed records the end of a session.
func (r *Recorder) Closed(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name, ok := r.names[id]
	if !ok {
		return
	}
	delete(r.names, id)
	delete(r.pending, id)
	r.inUse[name] = false
	r.add(rec{kind: recClose, name: name})
}

// Event records a physical event of the control API.
func (r *Recorder) Event(chassis, action string, req server.ControlRequest) {
	line, ok := eventLine(action, req)
	if !ok {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.add(rec{kind: recEvent, line: line})
}

// eventLine writes a control API call as a transcript action.
func eventLine(action string, req server.ControlRequest) (string, bool) {
	// the server names the module as the vendor's profile does
	mod := func() (string, bool) { return req.Module, req.Module != "" }
	switch action {
	case "press":
		if req.Button == "clear" {
			return "press clear", true
		}
		m, ok := mod()
		return "press " + m + " " + req.Button, ok
	case "pull", "crash", "fail-hardware":
		m, ok := mod()
		return action + " " + m, ok
	case "fail-selftest":
		m, ok := mod()
		n := req.Count
		if n == 0 {
			n = 1
		}
		return fmt.Sprintf("fail-selftest %s %d", m, n), ok
	case "insert":
		m, ok := mod()
		line := "insert " + m
		for _, kv := range [][2]string{{"primary", req.Primary}, {"secondary", req.Secondary},
			{"rom", req.ROM}, {"serial", req.Serial}, {"booted", req.Booted}} {
			if kv[1] != "" {
				line += " " + kv[0] + "=" + kv[1]
			}
		}
		return line, ok
	case "cut-heartbeat", "power-cycle":
		return action, true
	case "flash":
		m, ok := mod()
		return "flash " + m + " " + req.Flash, ok
	}
	return "", false
}

// Clock moves the chassis's virtual clock with wall time (scale model
// seconds per wall second's inverse, as serve's --time-scale) until stop
// is closed. While a session's input has not been answered yet the clock
// waits (up to a second), so each key is handled at the moment it was
// recorded.
func (r *Recorder) Clock(h *server.Host, scale float64, stop <-chan struct{}) {
	if scale <= 0 {
		scale = 1
	}
	wall0 := time.Now()
	model0 := h.Now()
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		r.mu.Lock()
		hold := false
		for _, since := range r.pending {
			if time.Since(since) < time.Second {
				hold = true
			}
		}
		r.mu.Unlock()
		if hold {
			continue
		}
		target := model0.Add(time.Duration(float64(time.Since(wall0)) / scale))
		if d := target.Sub(h.Now()); d > 0 {
			h.Advance(d)
		}
	}
}

// step is one step of the transcript being written.
type step struct {
	lines  []string // its actions
	at     time.Time
	typing string // the console being typed on, "" when not a typing step
	keys   []byte
	self   []byte // output of the typing console since the step began
	other  bool   // output on another console since the step began
	closes []rec
	out    []rec
}

// mergeable reports whether more keys on the same console belong to this
// step: nothing but echo came back so far.
func (s *step) mergeable(name string) bool {
	return s.typing == name && !s.other && len(s.closes) == 0 &&
		!bytes.ContainsAny(s.self, "\r\n")
}

// Transcript writes everything recorded so far. end is the clock's
// reading when recording stopped (the output up to then is expected).
func (r *Recorder) Transcript() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	end := r.now()
	var steps []*step
	var cur *step
	for _, x := range r.recs {
		switch x.kind {
		case recOutput:
			if cur == nil {
				continue
			}
			cur.out = append(cur.out, x)
			if cur.typing == x.name {
				cur.self = append(cur.self, x.data...)
			} else {
				cur.other = true
			}
		case recInput:
			if cur != nil && cur.mergeable(x.name) {
				cur.keys = append(cur.keys, x.data...)
				cur.at = x.at
				continue
			}
			cur = &step{typing: x.name, keys: append([]byte(nil), x.data...), at: x.at}
			steps = append(steps, cur)
		case recOpen, recEvent:
			cur = &step{lines: []string{x.line}, at: x.at}
			steps = append(steps, cur)
		case recClose:
			if cur == nil {
				continue
			}
			cur.closes = append(cur.closes, x)
		}
	}
	var b bytes.Buffer
	b.WriteString("# Recorded by switchsim record from " + r.start.Format(time.RFC3339Nano) + ".\n")
	b.WriteString("# Replay: switchsim replay FILE (or a folder of them).\n")
	b.WriteString("state <<END\n")
	b.Write(r.state)
	b.WriteString("\nEND\n\n")
	screens := map[string]*Screen{}
	marks := map[string]mark{}
	var order []string
	now := r.start
	advance := func(lines []string, to time.Time) []string {
		if d := to.Sub(now); d > 0 {
			lines = append(lines, "advance "+d.String())
			now = to
		}
		return lines
	}
	if len(steps) > 0 {
		if lines := advance(nil, steps[0].at); len(lines) > 0 {
			b.WriteString(lines[0] + "\n\n")
		}
	}
	for i, s := range steps {
		lines := s.lines
		if s.typing != "" {
			verb := "type "
			if len(s.keys) == 1 && s.keys[0] != '\r' && s.keys[0] != '\n' {
				verb = "key "
			}
			lines = []string{verb + s.typing + " " + FormatKeys(s.keys)}
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "open ") {
				name := strings.Fields(l)[1]
				if _, seen := screens[name]; !seen {
					order = append(order, name)
				}
				screens[name] = NewScreen()
				if r.Terminal == server.TerminalVT100 {
					w, h := 80, 24
					for _, f := range strings.Fields(l) {
						if v, ok := strings.CutPrefix(f, "size="); ok {
							fmt.Sscanf(v, "%dx%d", &w, &h)
						}
					}
					screens[name] = NewTerminal(w, h)
				}
				marks[name] = screens[name].Mark()
			}
		}
		ended := map[string]bool{}
		for _, c := range s.closes {
			lines = advance(lines, c.at)
			lines = append(lines, "close "+c.name)
			ended[c.name] = true
		}
		next := end
		if i+1 < len(steps) {
			next = steps[i+1].at
		}
		lines = advance(lines, next)
		for _, o := range s.out {
			if sc := screens[o.name]; sc != nil {
				sc.Write(o.data)
			}
		}
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
		for _, name := range order {
			sc := screens[name]
			got := sc.Since(marks[name])
			marks[name] = sc.Mark()
			for _, l := range block(name, got, ended[name]) {
				b.WriteString(l + "\n")
			}
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

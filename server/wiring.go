package server

import (
	"github.com/switchsim/switchsim/console"
	"github.com/switchsim/switchsim/model"
)

// Console ports wired by role (model.Profile.RoleConsoles): the first
// port is the chassis's own console, on whichever module is active (or
// taking over); the others show the remaining slots in order. A chassis
// without role consoles has port i on module i, always.

// roleWiring is the module of each port when module primary leads.
func roleWiring(n, primary int) []int {
	w := []int{primary}
	for i := 0; i < n; i++ {
		if i != primary {
			w = append(w, i)
		}
	}
	return w
}

// initWiring sets up role wiring for a chassis that uses it (called
// before the host serves).
func (h *Host) initWiring(c *model.Chassis) {
	h.states = make([]console.ModuleState, len(c.Modules))
	for i, m := range c.Modules {
		h.states[i] = console.ModuleState{State: m.State, Stage: m.Stage}
	}
	if len(c.Profile.RoleConsoles) == 0 {
		return
	}
	primary := 0
	for i, m := range c.Modules {
		if m.Present && (m.State == model.Active || m.State == model.TakingOver) {
			primary = i
		}
	}
	h.wire = roleWiring(len(c.Modules), primary)
}

// portModule is the module console port p shows now (called with smu).
func (h *Host) portModule(p int) int {
	if h.wire != nil && p >= 0 && p < len(h.wire) {
		return h.wire[p]
	}
	return p
}

// finalStates is each module's state at the end of a batch of
// deliveries (called with smu).
func (h *Host) finalStates(ds []delivery) []console.ModuleState {
	final := append([]console.ModuleState(nil), h.states...)
	for _, d := range ds {
		if d.ev.Kind == model.EvModule && d.ev.Module >= 0 && d.ev.Module < len(final) {
			final[d.ev.Module] = d.state
		}
	}
	return final
}

// followState records a module's state and, on a chassis with role consoles,
// moves the ports when another module starts to lead: each port's
// consoles are told which module they show now and its state as of the
// end of the batch, so they never start a program for a state the
// module has already left (called with smu).
func (h *Host) followState(i int, st console.ModuleState, final []console.ModuleState) {
	if i < 0 || i >= len(h.states) {
		return
	}
	h.states[i] = st
	if h.wire == nil || h.wire[0] == i || st.State != model.Active && st.State != model.TakingOver {
		return
	}
	nw := roleWiring(len(h.wire), i)
	lists := map[int][]*console.Conn{}
	for p, old := range h.wire {
		to := nw[p]
		lists[to] = h.consoles[old]
		if to != old {
			for _, conn := range h.consoles[old] {
				conn.Post(console.Rewire{Module: to, State: final[to]})
			}
		}
	}
	h.consoles = lists
	h.wire = nw
}

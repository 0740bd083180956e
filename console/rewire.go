package console

// Rewire moves a console port to another module (a chassis whose console
// ports are wired by role: the chassis's own console follows the active
// module). From this note on, the port shows Module, now in State; the
// program running for the old module stops.
type Rewire struct {
	Module int
	State  ModuleState
}

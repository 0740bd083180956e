package commands

// Optional Shell behaviour some vendors need and others do not; the
// console asks for it with a type assertion, so a Shell without it keeps
// the plain line editor.

// SpaceCompleter completes a word when a space is typed after it (Junos
// complete-on-space). CompleteSpace is given the line before the cursor
// and returns what to insert instead of the space ("ow " after "sh"), or
// "" to insert the space as typed. A vendor must never rewrite a whole
// keyword, a value or quoted text: what a client sends stays as it sent it.
type SpaceCompleter interface {
	CompleteSpace(line string) string
}

// EnterEchoer adds to the echo of a line when Enter is pressed, before
// the line ends (Junos echoes an accepted command with one blank after
// it).
type EnterEchoer interface {
	EnterEcho(line string) string
}

// Ender is told when its session ends, however it ends (logout, hang-up,
// a switchover), to let go of what it holds (a configuration lock).
type Ender interface {
	End()
}

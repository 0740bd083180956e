package parser

// Commands lists, for each token the match walked, the command that may
// end at it (nil where none does). A CLI whose commands are contexts
// (SR OS: "configure router interface x address y" passes through the
// router and interface contexts) runs the contexts a line passes through.
// A parameter that takes the rest of the line is the last token walked.
func (m *Match) Commands() []*Command {
	out := make([]*Command, len(m.nodes))
	for i, n := range m.nodes {
		out[i] = n.Command
	}
	return out
}

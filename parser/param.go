package parser

// Token returns the token a parameter was given as, for errors that
// point at it (a caret under a value the command refuses).
func (m *Match) Token(name string) (Token, bool) {
	for i, n := range m.nodes {
		if n.Type != nil && n.Param == name {
			return m.Tokens[i], true
		}
	}
	return Token{}, false
}

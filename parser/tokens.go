package parser

// Token is one word of an input line with its position, so errors can point
// at the byte where matching failed (EXOS and Junos print a caret there).
type Token struct {
	Text   string // the value, with surrounding quotes removed
	Raw    string // the bytes as typed, quotes included
	Offset int    // byte offset of Raw in the line
	Quoted bool
}

// End is the byte offset just past the token.
func (t Token) End() int { return t.Offset + len(t.Raw) }

// Tokenize splits a line into tokens. Double quotes group words into one
// token ("Lab Core 1"); a quote left open is an error pointing at it. Unlike
// a shell lexer, '#' has no special meaning: it is a normal character in
// hostnames, passwords and banners.
func Tokenize(line string) ([]Token, error) {
	var toks []Token
	i := 0
	for i < len(line) {
		c := line[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		start := i
		if c == '"' {
			j := i + 1
			for j < len(line) && line[j] != '"' {
				j++
			}
			if j >= len(line) {
				return toks, &Error{Kind: ErrUnterminated, Token: line[start:], Offset: start}
			}
			toks = append(toks, Token{Text: line[i+1 : j], Raw: line[start : j+1], Offset: start, Quoted: true})
			i = j + 1
			continue
		}
		for i < len(line) && line[i] != ' ' && line[i] != '\t' {
			i++
		}
		toks = append(toks, Token{Text: line[start:i], Raw: line[start:i], Offset: start})
	}
	return toks, nil
}

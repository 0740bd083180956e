package junos

import (
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
)

// Reading a configuration written as text ("system { host-name lab; }"),
// for scenarios and "load merge terminal": every statement goes through
// the same walker as set, so the same checks apply.

type textTok struct {
	parser.Token
	line  int
	punct byte // '{', '}', ';' or 0
}

// lexConfig splits configuration text into words, quoted strings and the
// punctuation { } ;, dropping comments (## to the end of the line, /* */).
func lexConfig(text string) ([]textTok, error) {
	var out []textTok
	line := 1
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				return nil, &readError{line, "unterminated comment"}
			}
			line += strings.Count(text[i:i+2+j], "\n")
			i += j + 4
		case c == '{' || c == '}' || c == ';':
			out = append(out, textTok{Token: parser.Token{Text: string(c), Raw: string(c), Offset: i}, line: line, punct: c})
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for j < len(text) && text[j] != '"' {
				if text[j] == '\\' && j+1 < len(text) {
					j++
				}
				if text[j] == '\n' {
					line++
				}
				b.WriteByte(text[j])
				j++
			}
			if j >= len(text) {
				return nil, &readError{line, "unterminated quoted string"}
			}
			out = append(out, textTok{Token: parser.Token{Text: b.String(), Raw: text[i : j+1], Offset: i, Quoted: true}, line: line})
			i = j + 1
		default:
			j := i
			for j < len(text) && !strings.ContainsRune(" \t\r\n{};\"", rune(text[j])) {
				j++
			}
			out = append(out, textTok{Token: parser.Token{Text: text[i:j], Raw: text[i:j], Offset: i}, line: line})
			i = j
		}
	}
	return out, nil
}

type readError struct {
	line int
	msg  string
}

func (e *readError) Error() string { return e.msg }

// readConfig reads configuration text into statements under the node at
// (the top for a whole configuration), merging into root.
func readConfig(root *[]*model.Stmt, at *node, text string) error {
	toks, err := lexConfig(text)
	if err != nil {
		return err
	}
	type frame struct {
		steps []step // the path from at to the open block
		n     *node
	}
	stack := []frame{{n: at}}
	var words []textTok
	for _, t := range toks {
		top := stack[len(stack)-1]
		switch t.punct {
		case 0:
			words = append(words, t)
		case ';', '{':
			if len(words) == 0 {
				return &readError{t.line, fmt.Sprintf("syntax error: unexpected '%c'", t.punct)}
			}
			ptoks := make([]parser.Token, len(words))
			for i, w := range words {
				ptoks[i] = w.Token
			}
			w := newWalk(vSet, top.n)
			for _, pt := range ptoks {
				if err := w.feed(pt); err != nil {
					return &readError{words[0].line, fmt.Sprintf("%s: %s", strings.TrimSuffix(err.msg, "."), pt.Text)}
				}
			}
			if t.punct == '{' {
				if w.st != eKid || len(w.steps) == 0 {
					return &readError{t.line, "syntax error: '{' after a statement that holds none"}
				}
			} else if err := w.finish(0); err != nil && !(w.st == eKid && len(w.steps) > 0) {
				return &readError{words[0].line, fmt.Sprintf("%s: %s", strings.TrimSuffix(err.msg, "."), words[len(words)-1].Text)}
			}
			full := append(append([]step(nil), top.steps...), w.steps...)
			w2 := *w
			w2.steps = full
			applySet(root, at, &w2)
			if t.punct == '{' {
				stack = append(stack, frame{steps: full, n: w.n})
			}
			words = nil
		case '}':
			if len(words) > 0 {
				return &readError{t.line, "syntax error: missing ';'"}
			}
			if len(stack) == 1 {
				return &readError{t.line, "syntax error: unbalanced '}'"}
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(words) > 0 {
		return &readError{words[0].line, "syntax error: missing ';'"}
	}
	if len(stack) > 1 {
		return &readError{toks[len(toks)-1].line, "syntax error: missing '}'"}
	}
	return nil
}

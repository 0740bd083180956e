package procurve

import (
	"regexp"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/parser"
)

// Output filters: "show running-config | include vlan" (as a 16.x
// capture in LAYOUTS.md shows: only the matching lines, no header).

var pipeWords = []struct {
	word, help string
	kind       commands.PipeKind
}{
	{"begin", "Show the output from the first line that matches.", commands.PipeBegin},
	{"exclude", "Show the lines that do not match.", commands.PipeExclude},
	{"include", "Show the lines that match.", commands.PipeInclude},
}

// splitPipe splits a line at its first unquoted "|": the command and
// what follows the bar.
func splitPipe(line string) (cmd, pipe string, ok bool) {
	toks, err := parser.Tokenize(line)
	if err != nil {
		return line, "", false
	}
	for _, t := range toks {
		if !t.Quoted && t.Raw == "|" {
			return line[:t.Offset], line[t.End():], true
		}
	}
	return line, "", false
}

// pipeFilter reads "include TEXT" (the keyword may be abbreviated; TEXT
// is a regular expression, quoted or the rest of the line).
func pipeFilter(pipe string) (commands.PipeKind, *regexp.Regexp, *parser.Error) {
	pipe = strings.TrimLeft(pipe, " \t")
	word, rest, _ := strings.Cut(pipe, " ")
	if word == "" {
		return 0, nil, &parser.Error{Kind: parser.ErrIncomplete, Token: "|"}
	}
	var kind commands.PipeKind
	for _, w := range pipeWords {
		if strings.HasPrefix(w.word, strings.ToLower(word)) {
			if kind != 0 {
				return 0, nil, &parser.Error{Kind: parser.ErrAmbiguous, Token: word}
			}
			kind = w.kind
		}
	}
	if kind == 0 {
		return 0, nil, &parser.Error{Kind: parser.ErrInvalid, Token: word}
	}
	text := strings.TrimSpace(rest)
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
		text = text[1 : len(text)-1]
	}
	if text == "" {
		return 0, nil, &parser.Error{Kind: parser.ErrIncomplete, Token: word}
	}
	re, err := regexp.Compile(text)
	if err != nil {
		return 0, nil, &parser.Error{Kind: parser.ErrInvalid, Token: text}
	}
	return kind, re, nil
}

// runFiltered runs a command with its output through a filter.
func (sh *Shell) runFiltered(t commands.Terminal, cmd, pipe string) error {
	kind, re, pe := pipeFilter(pipe)
	if pe != nil {
		t.Print(ErrorText(pe) + "\n")
		return commands.ErrFailed
	}
	f := commands.NewFilter(t, kind, re)
	err := sh.run(f, cmd)
	f.Flush()
	return err
}

// pipeHelp is "?" after the bar: the filters, then what a filter takes.
func pipeHelp(pipe string) string {
	trimmed := strings.TrimLeft(pipe, " \t")
	word, rest, spaced := strings.Cut(trimmed, " ")
	if !spaced {
		var b strings.Builder
		for _, w := range pipeWords {
			if strings.HasPrefix(w.word, strings.ToLower(word)) {
				b.WriteString(helpLine(w.word, w.help))
			}
		}
		if b.Len() == 0 {
			return ErrorText(&parser.Error{Kind: parser.ErrInvalid, Token: word}) + "\n"
		}
		return b.String()
	}
	if strings.TrimSpace(rest) == "" {
		return helpLine("TEXT", "A regular expression.")
	}
	return helpLine("<cr>", "")
}

package transcripts

import (
	"fmt"
	"strconv"
	"strings"
)

// The key notation of type and key steps: text is typed as it stands;
// keys that would be invisible or act at once are written in angle
// brackets.
var keyNames = []struct {
	name string
	b    byte
}{
	{"Enter", '\r'},
	{"LF", '\n'},
	{"Tab", '\t'},
	{"Space", ' '},
	{"?", '?'},
	{"BS", '\b'},
	{"Del", 0x7f},
	{"Esc", 0x1b},
	{"NUL", 0},
	{"lt", '<'},
}

// ParseKeys decodes typed text: <Enter> (CR, what a terminal sends),
// <LF>, <Tab>, <Space>, <?>, <BS>, <Del>, <Esc>, <NUL>, <^C> and the
// other control keys, <xHH> for any byte, and <lt> for a literal "<".
func ParseKeys(s string) ([]byte, error) {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '<' {
			out = append(out, c)
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return nil, fmt.Errorf("unclosed %q (write <lt> for a literal <)", s[i:])
		}
		name := s[i+1 : i+j]
		b, ok := keyByte(name)
		if !ok {
			return nil, fmt.Errorf("unknown key <%s> (write <lt> for a literal <)", name)
		}
		out = append(out, b)
		i += j
	}
	return out, nil
}

func keyByte(name string) (byte, bool) {
	for _, k := range keyNames {
		if k.name == name {
			return k.b, true
		}
	}
	if len(name) == 2 && name[0] == '^' && name[1] >= '@' && name[1] <= '_' {
		return name[1] - '@', true
	}
	if len(name) == 3 && name[0] == 'x' {
		if n, err := strconv.ParseUint(name[1:], 16, 8); err == nil {
			return byte(n), true
		}
	}
	return 0, false
}

// FormatKeys writes bytes in the key notation: control bytes, "<", "?"
// outside a quoted string, and blanks at the end or doubled are
// bracketed, so every key is visible.
func FormatKeys(p []byte) string {
	var b strings.Builder
	quoted := false
	for i, c := range p {
		switch {
		case c == '\r':
			b.WriteString("<Enter>")
			quoted = false
		case c == '\n':
			b.WriteString("<LF>")
			quoted = false
		case c == '\t':
			b.WriteString("<Tab>")
		case c == '\b':
			b.WriteString("<BS>")
		case c == 0x7f:
			b.WriteString("<Del>")
		case c == 0x1b:
			b.WriteString("<Esc>")
		case c == 0:
			b.WriteString("<NUL>")
		case c == '<':
			b.WriteString("<lt>")
		case c == '?' && !quoted:
			b.WriteString("<?>")
		case c == ' ' && (i == len(p)-1 || i == 0 || p[i+1] == ' ' || p[i-1] == ' '):
			b.WriteString("<Space>")
		case c < 0x20:
			b.WriteString("<^" + string(rune(c+'@')) + ">")
		case c >= 0x80:
			fmt.Fprintf(&b, "<x%02X>", c)
		default:
			if c == '"' {
				quoted = !quoted
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

package procurve

import (
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// vt100 paints an interactive session as a K switch does
// (prompts/procurve vt100.go has the sequences and their sources).
type vt100 struct{}

// paint is the 8212zl's painting policy: every interactive session is
// painted unless the switch's own "console terminal none" says plain
// text ("ansi" paints as "vt100").
func paint(c *model.Chassis) commands.Painter {
	if c.Running != nil && c.Running.Console.Terminal == "none" {
		return nil
	}
	return vt100{}
}

// A sequence is expanded on every typed key, so its format is parsed
// once: literal text and numbered arguments (%[n]d, %[n]s).
type part struct {
	lit string
	arg int // 1-based argument number; 0: lit
}

type format []part

func parse(f string) format {
	var out format
	for f != "" {
		i := strings.Index(f, "%[")
		if i < 0 {
			out = append(out, part{lit: f})
			break
		}
		if i > 0 {
			out = append(out, part{lit: f[:i]})
		}
		end := strings.IndexByte(f[i:], ']')
		n, err := strconv.Atoi(f[i+2 : i+end])
		if err != nil || i+end+2 > len(f) {
			panic("procurve: bad VT100 sequence format " + strconv.Quote(f))
		}
		out = append(out, part{arg: n})
		f = f[i+end+2:] // the verb after ']' (d or s)
	}
	return out
}

// arg is an argument of a sequence: a number or a text.
type arg struct {
	n int
	s string
}

func num(n int) arg     { return arg{n: n} }
func text(s string) arg { return arg{s: s, n: -1} }

func (f format) expand(args ...arg) string {
	var b strings.Builder
	b.Grow(64)
	var digits [20]byte
	for _, p := range f {
		if p.arg == 0 {
			b.WriteString(p.lit)
			continue
		}
		a := args[p.arg-1]
		if a.n < 0 {
			b.WriteString(a.s)
		} else {
			b.Write(strconv.AppendInt(digits[:0], int64(a.n), 10))
		}
	}
	return b.String()
}

var (
	fBanner = parse(tx.VTBanner)
	fAnyKey = parse(tx.VTAnyKey)
	fKey    = parse(tx.VTKey)
	fBegin  = parse(tx.VTBegin)
	fPrompt = parse(tx.VTPrompt)
	fEdit   = parse(tx.VTEdit)
	fPark   = parse(tx.VTPark)
	fMore   = parse(tx.VTMore)
	fUnmore = parse(tx.VTUnmore)
	fEnd    = parse(tx.VTEnd)
)

func rows(sz commands.Size) arg {
	if sz.Rows < 2 {
		return num(24)
	}
	return num(sz.Rows)
}

func (vt100) Banner(sz commands.Size) string {
	r := rows(sz)
	return fBanner.expand(r, num(r.n-1))
}

// AnyKey: the capture parks the cursor one column further than after the
// text.
func (vt100) AnyKey(s string, sz commands.Size) string {
	return fAnyKey.expand(rows(sz), text(s), num(len(s)+2))
}

func (vt100) Key(sz commands.Size) string { return fKey.expand(rows(sz)) }

func (vt100) Begin(sz commands.Size) string { return fBegin.expand(rows(sz)) }

func (vt100) Prompt(prompt string, sz commands.Size) string {
	return fPrompt.expand(rows(sz), text(prompt), num(len(prompt)+1))
}

func (vt100) Edit(from int, s string, at int, sz commands.Size) string {
	return fEdit.expand(rows(sz), num(from+1), text(s), num(at+1))
}

func (vt100) Enter(commands.Size) string { return tx.VTEnter }

func (vt100) Park(col int, sz commands.Size) string { return fPark.expand(rows(sz), num(col+1)) }

func (vt100) More(s string, sz commands.Size) string {
	return fMore.expand(rows(sz), text(s))
}

func (vt100) Unmore(n int, sz commands.Size) string {
	return fUnmore.expand(rows(sz), text(strings.Repeat(" ", n)))
}

func (vt100) End(col int, sz commands.Size) string {
	return fEnd.expand(rows(sz), num(col+1))
}

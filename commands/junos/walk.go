package junos

import (
	"fmt"
	"sort"
	"strings"

	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The walker reads a configuration path (what follows set, delete, edit,
// show) against the schema, from the node the session edits at. It is a
// small state machine, so the same walk serves execution (the whole line),
// `?` and Tab (the line up to the word being typed).

type verb int

const (
	vSet verb = iota
	vDelete
	vEdit
	vShow
)

// expect is what the walker wants next.
type expect int

const (
	eKid    expect = iota // a statement inside node n
	eKey                  // the key of list (or keyed leaf) n
	eValue                // the value of leaf (or keyed leaf) n
	eValues               // the value(s) of leaf-list n: one, or "[ ... ]"
	eInList               // inside "[ ... ]"
	eEnd                  // nothing more
)

// step is one statement along a path: its schema node and key.
type step struct {
	n   *node
	key string
}

// walk is a path read so far.
type walk struct {
	verb  verb
	steps []step
	n     *node // the node the state is about
	st    expect
	// value and values of a leaf (set)
	value    string
	values   []string
	hasValue bool
	// all: a list keyword without a key (delete/show every entry)
	all bool
	end int // offset just past the last token
}

// cfgError is a path the schema rejects: the message and where the caret
// goes.
type cfgError struct {
	msg    string
	off    int
	ambig  []helpItem // for "'x' is ambiguous."
	prefix string
}

func (e *cfgError) Error() string { return e.msg }

func newWalk(v verb, at *node) *walk { return &walk{verb: v, n: at, st: eKid} }

// matchWord finds the keywords (and enum values) a token may be: an exact
// match wins, else those it is a prefix of.
func matchWord(t parser.Token, words []string) []string {
	if t.Quoted {
		return nil
	}
	var pre []string
	for _, w := range words {
		if w == t.Text {
			return []string{w}
		}
		if strings.HasPrefix(w, t.Text) {
			pre = append(pre, w)
		}
	}
	return pre
}

func (n *node) kidWords() []string {
	var out []string
	for _, k := range n.kids {
		if k.name != "" {
			out = append(out, k.name)
		}
	}
	return out
}

// value checks a value against its type; enum values may be abbreviated.
func checkValue(vt *vtype, t parser.Token) (string, *cfgError) {
	v := t.Text
	if len(vt.enum) > 0 {
		m := matchWord(t, vt.enum)
		if len(m) == 1 {
			return m[0], nil
		}
		if len(m) > 1 {
			var items []helpItem
			for _, w := range m {
				items = append(items, helpItem{word: w})
			}
			return "", &cfgError{msg: fmt.Sprintf(tx.Ambiguous, v), off: t.Offset, ambig: items}
		}
	}
	out, why := vt.check(v)
	if why != "" {
		return "", &cfgError{msg: why, off: t.Offset}
	}
	return out, nil
}

// feed advances the walk over one token.
func (w *walk) feed(t parser.Token) *cfgError {
	w.end = t.End()
	switch w.st {
	case eKid:
		n := w.n
		m := matchWord(t, n.kidWords())
		if len(m) > 1 {
			var items []helpItem
			for _, word := range m {
				items = append(items, itemFor(n.kid(word)))
			}
			return &cfgError{msg: fmt.Sprintf(tx.Ambiguous, t.Text), off: t.Offset, ambig: items}
		}
		var k *node
		if len(m) == 1 {
			k = n.kid(m[0])
		} else if a := n.anon(); a != nil {
			v, err := checkValue(a.key, t)
			if err != nil {
				return err
			}
			w.steps = append(w.steps, step{a, v})
			w.n = a
			return nil
		} else {
			return &cfgError{msg: tx.SyntaxError, off: t.Offset}
		}
		switch k.kind {
		case kContainer:
			w.steps = append(w.steps, step{k, k.name})
			w.n = k
		case kList, kKeyedLeaf:
			w.n, w.st = k, eKey
		case kLeaf:
			w.n, w.st = k, eValue
		case kFlag:
			w.steps = append(w.steps, step{k, k.name})
			w.n, w.st = k, eEnd
		case kLeafList:
			w.n, w.st = k, eValues
		}
	case eKey:
		v, err := checkValue(w.n.key, t)
		if err != nil {
			return err
		}
		w.steps = append(w.steps, step{w.n, w.n.stmtKey(v)})
		if w.n.kind == kKeyedLeaf {
			w.st = eValue
		} else {
			w.st = eKid
		}
	case eValue:
		v, err := checkValue(w.n.val, t)
		if err != nil {
			return err
		}
		if w.n.kind == kLeaf {
			w.steps = append(w.steps, step{w.n, w.n.name})
		}
		w.value, w.hasValue = v, true
		w.st = eEnd
	case eValues:
		if t.Text == "[" && !t.Quoted {
			w.steps = append(w.steps, step{w.n, w.n.name})
			w.st = eInList
			return nil
		}
		v, err := checkValue(w.n.val, t)
		if err != nil {
			return err
		}
		w.steps = append(w.steps, step{w.n, w.n.name})
		w.values, w.hasValue = []string{v}, true
		w.st = eEnd
	case eInList:
		if t.Text == "]" && !t.Quoted {
			w.hasValue = true
			w.st = eEnd
			return nil
		}
		v, err := checkValue(w.n.val, t)
		if err != nil {
			return err
		}
		w.values = append(w.values, v)
	case eEnd:
		return &cfgError{msg: tx.SyntaxError, off: t.Offset}
	}
	return nil
}

// finish checks that the path may end here for the walk's verb; off is
// where a missing word would go.
func (w *walk) finish(off int) *cfgError {
	missing := &cfgError{msg: tx.MissingArgument, off: off}
	switch w.st {
	case eKey:
		if w.verb == vDelete || w.verb == vShow {
			w.steps = append(w.steps, step{w.n, w.n.name})
			w.all = true
			return nil
		}
		return missing
	case eValue:
		if w.verb == vSet {
			return missing
		}
		if w.n.kind == kLeaf {
			w.steps = append(w.steps, step{w.n, w.n.name})
		}
		if w.verb == vEdit {
			return &cfgError{msg: tx.SyntaxError, off: off}
		}
		return nil
	case eValues, eInList:
		if w.verb == vSet {
			return missing
		}
		if w.st == eValues {
			w.steps = append(w.steps, step{w.n, w.n.name})
		}
		if w.verb == vEdit {
			return &cfgError{msg: tx.SyntaxError, off: off}
		}
		return nil
	case eEnd:
		if w.verb == vEdit {
			return &cfgError{msg: tx.SyntaxError, off: off}
		}
		return nil
	}
	// eKid: at a container or list entry
	if w.verb == vSet {
		if len(w.steps) == 0 {
			return &cfgError{msg: tx.SyntaxError, off: off}
		}
		if w.n.kind == kContainer && !w.n.presence {
			return missing
		}
	}
	return nil
}

// walkPath reads a whole path from the tokens.
func walkPath(v verb, at *node, toks []parser.Token, lineEnd int) (*walk, *cfgError) {
	w := newWalk(v, at)
	w.end = lineEnd
	for _, t := range toks {
		if err := w.feed(t); err != nil {
			return nil, err
		}
	}
	off := lineEnd + 1
	if len(toks) > 0 {
		off = toks[len(toks)-1].End() + 1
	}
	if err := w.finish(off); err != nil {
		return nil, err
	}
	return w, nil
}

// helpItem is one line of `?`: a marker (" ", ">" for a container, "+"
// for a statement that takes several values), a word and its help.
type helpItem struct {
	mark byte
	word string
	help string
}

func itemFor(k *node) helpItem {
	it := helpItem{mark: ' ', word: k.name, help: k.help}
	switch k.kind {
	case kContainer, kList:
		it.mark = '>'
		if k.name == "" {
			it.mark = ' '
			it.word = k.key.name
		}
	case kLeafList:
		it.mark = '+'
	}
	return it
}

// options lists what may follow a walk (for `?` and Tab), and whether the
// path may end here.
func (w *walk) options() (items []helpItem, canEnd bool) {
	valueItems := func(vt *vtype, help string) {
		items = append(items, helpItem{mark: ' ', word: vt.name, help: help})
		for _, e := range vt.enum {
			items = append(items, helpItem{mark: ' ', word: e})
		}
	}
	switch w.st {
	case eKid:
		for _, k := range w.n.kids {
			if k.name == "version" && w.n == schema {
				continue // written by commit, not typed
			}
			items = append(items, itemFor(k))
		}
		c := *w
		canEnd = c.finish(0) == nil
	case eKey:
		valueItems(w.n.key, w.n.key.help)
		canEnd = w.verb == vDelete || w.verb == vShow
	case eValue:
		valueItems(w.n.val, w.n.val.help)
		canEnd = w.verb == vDelete || w.verb == vShow
	case eValues:
		valueItems(w.n.val, w.n.val.help)
		items = append(items, helpItem{mark: ' ', word: "[", help: "Open a set of values"})
		canEnd = w.verb == vDelete || w.verb == vShow
	case eInList:
		valueItems(w.n.val, w.n.val.help)
		items = append(items, helpItem{mark: ' ', word: "]", help: "Close a set of values"})
	case eEnd:
		canEnd = w.verb != vEdit
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].word < items[j].word })
	return items, canEnd
}

// keywords are the words Tab and complete-on-space may complete to.
func (w *walk) keywords() []string {
	switch w.st {
	case eKid:
		return w.n.kidWords()
	case eKey:
		return w.n.key.enum
	case eValue, eValues, eInList:
		return w.n.val.enum
	}
	return nil
}

// pathText is the path as the [edit ...] line and `status` print it.
func pathText(steps []step) string {
	var parts []string
	for _, s := range steps {
		parts = append(parts, quoteKey(s.key))
	}
	return strings.Join(parts, " ")
}

package junos

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/switchsim/switchsim/model"
)

// Operations on a configuration tree (model.Stmt) with the schema: set,
// delete, order, and the statement texts.

// ensure finds or makes the statement for each step under the tree,
// returning the last one.
func ensure(root *[]*model.Stmt, at *node, steps []step) *model.Stmt {
	list := root
	parent := at
	var cur *model.Stmt
	for _, s := range steps {
		cur = nil
		for _, x := range *list {
			if x.Key == s.key {
				cur = x
				break
			}
		}
		if cur == nil {
			cur = &model.Stmt{Key: s.key}
			insertOrdered(list, parent, cur)
		}
		parent = s.n
		list = &cur.Kids
	}
	return cur
}

// insertOrdered puts a statement in its place among its siblings.
func insertOrdered(list *[]*model.Stmt, parent *node, s *model.Stmt) {
	i := sort.Search(len(*list), func(i int) bool { return stmtLess(parent, s, (*list)[i]) })
	*list = append(*list, nil)
	copy((*list)[i+1:], (*list)[i:])
	(*list)[i] = s
}

// stmtLess orders siblings: by the schema, then a list's entries by key in
// natural order (ge-0/0/2 before ge-0/0/10).
func stmtLess(parent *node, a, b *model.Stmt) bool {
	oa, ob := parent.order(a.Key), parent.order(b.Key)
	if oa != ob {
		return oa < ob
	}
	return naturalLess(a.Key, b.Key)
}

// naturalLess compares strings with their digit runs as numbers.
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := unicode.IsDigit(rune(a[0])), unicode.IsDigit(rune(b[0]))
		if da && db {
			i, j := 0, 0
			for i < len(a) && unicode.IsDigit(rune(a[i])) {
				i++
			}
			for j < len(b) && unicode.IsDigit(rune(b[j])) {
				j++
			}
			na, _ := strconv.ParseUint(a[:i], 10, 64)
			nb, _ := strconv.ParseUint(b[:j], 10, 64)
			if na != nb {
				return na < nb
			}
			a, b = a[i:], b[j:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

// applySet writes a walked set path into the tree.
func applySet(root *[]*model.Stmt, at *node, w *walk) {
	s := ensure(root, at, w.steps)
	last := w.steps[len(w.steps)-1].n
	switch last.kind {
	case kLeaf, kKeyedLeaf:
		s.Value = w.value
	case kLeafList:
		for _, v := range w.values {
			if !contains(s.Values, v) {
				s.Values = append(s.Values, v)
			}
		}
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// applyDelete removes a walked path from the tree: the statement, every
// entry of a list named without a key, or the given values of a
// statement that takes several. It reports whether anything was there.
// Containers left empty (and not of the kind that may stand empty) go too.
func applyDelete(root *[]*model.Stmt, at *node, w *walk) bool {
	steps := w.steps
	last := steps[len(steps)-1]
	// the list holding the target
	list := root
	parents := []*[]*model.Stmt{root}
	for _, s := range steps[:len(steps)-1] {
		x := findKey(*list, s.key)
		if x == nil {
			return false
		}
		list = &x.Kids
		parents = append(parents, list)
	}
	found := false
	switch {
	case w.all:
		kept := (*list)[:0]
		for _, x := range *list {
			if k, _ := parentNode(at, steps).nodeFor(x.Key); k == last.n {
				found = true
				continue
			}
			kept = append(kept, x)
		}
		*list = kept
	case last.n.kind == kLeafList && len(w.values) > 0:
		x := findKey(*list, last.key)
		if x == nil {
			return false
		}
		var keep []string
		for _, v := range x.Values {
			if contains(w.values, v) {
				found = true
				continue
			}
			keep = append(keep, v)
		}
		x.Values = keep
		if len(keep) == 0 {
			removeKey(list, last.key)
		}
	default:
		found = removeKey(list, last.key)
	}
	if found {
		pruneEmpty(root, at)
	}
	return found
}

// parentNode is the schema node holding the last step.
func parentNode(at *node, steps []step) *node {
	if len(steps) < 2 {
		return at
	}
	return steps[len(steps)-2].n
}

func findKey(list []*model.Stmt, key string) *model.Stmt {
	for _, x := range list {
		if x.Key == key {
			return x
		}
	}
	return nil
}

func removeKey(list *[]*model.Stmt, key string) bool {
	for i, x := range *list {
		if x.Key == key {
			*list = append((*list)[:i:i], (*list)[i+1:]...)
			return true
		}
	}
	return false
}

// pruneEmpty drops containers left without statements, except those that
// may stand empty and list entries.
func pruneEmpty(list *[]*model.Stmt, n *node) {
	kept := (*list)[:0]
	for _, x := range *list {
		k, _ := n.nodeFor(x.Key)
		if k != nil && k.isContainerLike() {
			pruneEmpty(&x.Kids, k)
			if len(x.Kids) == 0 && k.kind == kContainer && !k.presence {
				continue
			}
		}
		kept = append(kept, x)
	}
	*list = kept
	if len(*list) == 0 {
		*list = nil
	}
}

// subtree finds the statements at a path (the kids of its last
// statement), nil when it is not there.
func subtree(root []*model.Stmt, steps []step) ([]*model.Stmt, *model.Stmt, bool) {
	list := root
	var cur *model.Stmt
	for _, s := range steps {
		cur = findKey(list, s.key)
		if cur == nil {
			return nil, nil, false
		}
		list = cur.Kids
	}
	return list, cur, true
}

// ---- statement text ----

// needsQuotes reports whether a value must be written in double quotes.
func needsQuotes(v string) bool {
	if v == "" {
		return true
	}
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] == 0x7f {
			return true
		}
	}
	return strings.Contains(v, "/*") || strings.ContainsAny(v, " \t;{}#\"'\\$@!&|()[]<>=,")
}

func quote(v string) string {
	if !needsQuotes(v) {
		return v
	}
	return quoteAlways(v)
}

// quoteAlways writes a value in double quotes, with a backslash before a
// quote or a backslash inside it (and nothing else escaped).
func quoteAlways(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// quoteKey writes a statement key with its value part quoted as needed.
func quoteKey(key string) string {
	word, rest, ok := strings.Cut(key, " ")
	if !ok {
		return quote(key)
	}
	return word + " " + quote(rest)
}

// keyText is a statement key as printed under its parent.
func keyText(parent *node, key string) string {
	k, rest := parent.nodeFor(key)
	if k == nil {
		return key
	}
	switch {
	case k.kind == kList && k.name == "":
		return quote(key)
	case k.kind == kList || k.kind == kKeyedLeaf:
		return k.name + " " + quote(rest)
	}
	return key
}

// line is one statement's own text (without children and braces).
func stmtLine(parent *node, s *model.Stmt) (text string, k *node) {
	k, _ = parent.nodeFor(s.Key)
	if k == nil {
		return s.Key, nil
	}
	key := keyText(parent, s.Key)
	switch k.kind {
	case kLeaf, kKeyedLeaf:
		if k.secret {
			return key + " " + quoteAlways(s.Value), k
		}
		return key + " " + quote(s.Value), k
	case kLeafList:
		vals := make([]string, len(s.Values))
		for i, v := range s.Values {
			if k.secret {
				vals[i] = quoteAlways(v)
			} else {
				vals[i] = quote(v)
			}
		}
		if len(vals) == 1 {
			return key + " " + vals[0], k
		}
		return key + " [ " + strings.Join(vals, " ") + " ]", k
	}
	return key, k
}

// render writes statements as the configuration text, indent spaces in.
func render(b *strings.Builder, list []*model.Stmt, parent *node, indent int) {
	pad := strings.Repeat(" ", indent)
	for _, s := range list {
		text, k := stmtLine(parent, s)
		if k != nil && k.flat && len(s.Kids) > 0 {
			for _, kid := range s.Kids {
				kt, _ := stmtLine(k, kid)
				text += " " + kt
			}
			b.WriteString(pad + text + ";\n")
			continue
		}
		if k != nil && k.isContainerLike() && len(s.Kids) > 0 {
			b.WriteString(pad + text + " {\n")
			render(b, s.Kids, k, indent+4)
			b.WriteString(pad + "}\n")
			continue
		}
		b.WriteString(pad + text + ";")
		if k != nil && k.secret {
			b.WriteString(secretMark)
		}
		b.WriteString("\n")
	}
}

// displaySet writes the statements as set commands, prefix being the path
// to them.
func displaySet(b *strings.Builder, list []*model.Stmt, parent *node, prefix string) {
	for _, s := range list {
		k, _ := parent.nodeFor(s.Key)
		key := keyText(parent, s.Key)
		p := prefix + key
		switch {
		case k == nil:
			b.WriteString("set " + p + "\n")
		case k.isContainerLike():
			if len(s.Kids) == 0 {
				b.WriteString("set " + p + "\n")
				continue
			}
			displaySet(b, s.Kids, k, p+" ")
		case k.kind == kLeafList:
			for _, v := range s.Values {
				if k.secret {
					b.WriteString("set " + p + " " + quoteAlways(v) + "\n")
				} else {
					b.WriteString("set " + p + " " + quote(v) + "\n")
				}
			}
		case k.kind == kLeaf || k.kind == kKeyedLeaf:
			v := quote(s.Value)
			if k.secret {
				v = quoteAlways(s.Value)
			}
			b.WriteString("set " + p + " " + v + "\n")
		default:
			b.WriteString("set " + p + "\n")
		}
	}
}

// nodeAt is the schema node a path of steps ends at.
func nodeAt(steps []step) *node {
	if len(steps) == 0 {
		return schema
	}
	return steps[len(steps)-1].n
}

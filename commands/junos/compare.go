package junos

import (
	"strings"

	"github.com/switchsim/switchsim/model"
)

// show | compare: the differences between two configurations, as Junos
// prints them: an "[edit <path>]" header over each level whose own
// statements changed, then the statements added ("+") and removed ("-").
// Directly under [edit] a changed statement is indented two spaces after
// its marker; under a deeper header, a container three and a leaf two, as
// the captures of raw/web_cli_misc_captures.txt section I show (they do
// not agree on one rule: JUNOS.md). Lines inside a changed container go
// four further per level.

func compareTrees(old, cur []*model.Stmt) string {
	var b strings.Builder
	diffLevel(&b, old, cur, schema, nil)
	return b.String()
}

func diffLevel(b *strings.Builder, old, cur []*model.Stmt, n *node, path []string) {
	header := false
	head := func() {
		if !header {
			if len(path) == 0 {
				b.WriteString("[edit]\n")
			} else {
				b.WriteString("[edit " + strings.Join(path, " ") + "]\n")
			}
			header = true
		}
	}
	// statements in the order of the new configuration, removed ones where
	// they stood in the old
	keys := mergeKeys(old, cur, n)
	for _, key := range keys {
		o, c := findKey(old, key), findKey(cur, key)
		k, _ := n.nodeFor(key)
		switch {
		case o == nil:
			head()
			writeMarked(b, "+", c, n, len(path))
		case c == nil:
			head()
			writeMarked(b, "-", o, n, len(path))
		case k != nil && k.isContainerLike():
			if len(o.Kids) == 0 || len(c.Kids) == 0 {
				if len(o.Kids) != len(c.Kids) {
					head()
					writeMarked(b, "-", o, n, len(path))
					writeMarked(b, "+", c, n, len(path))
				}
				continue
			}
			if !model.TreeEqual(o.Kids, c.Kids) {
				diffLevel(b, o.Kids, c.Kids, k, append(append([]string(nil), path...), keyText(n, key)))
				header = false
			}
		default:
			if !model.TreeEqual([]*model.Stmt{o}, []*model.Stmt{c}) {
				head()
				writeMarked(b, "-", o, n, len(path))
				writeMarked(b, "+", c, n, len(path))
			}
		}
	}
}

// mergeKeys lists the keys of both levels in schema order.
func mergeKeys(old, cur []*model.Stmt, n *node) []string {
	var all []*model.Stmt
	seen := map[string]bool{}
	for _, l := range [][]*model.Stmt{cur, old} {
		for _, s := range l {
			if !seen[s.Key] {
				seen[s.Key] = true
				insertOrdered(&all, n, &model.Stmt{Key: s.Key})
			}
		}
	}
	keys := make([]string, len(all))
	for i, s := range all {
		keys[i] = s.Key
	}
	return keys
}

// writeMarked writes a statement (and everything in it) with a marker.
func writeMarked(b *strings.Builder, mark string, s *model.Stmt, parent *node, depth int) {
	var body strings.Builder
	render(&body, []*model.Stmt{s}, parent, 0)
	k, _ := parent.nodeFor(s.Key)
	lead := "   "
	if depth == 0 || k == nil || !k.isContainerLike() {
		lead = "  "
	}
	for _, l := range strings.Split(strings.TrimSuffix(body.String(), "\n"), "\n") {
		b.WriteString(mark + lead + l + "\n")
	}
}

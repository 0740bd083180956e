package model

import "time"

// A configuration tree is a configuration kept as hierarchical statements
// (Junos: "system { host-name lab; }") instead of as the fixed fields of
// Config. The model stores and copies it; which statements exist, their
// order, how they print and what they mean is the vendor's schema.

// Stmt is one statement of a configuration tree: Key is what identifies it
// among its siblings ("host-name", "unit 0", "user admin", "address
// 10.0.0.1/24"), Value the value of a leaf that has one ("lab"), Values
// those of a leaf that takes several ("next-hop [ a b ]"), and Kids the
// statements inside it.
type Stmt struct {
	Key    string   `json:"key"`
	Value  string   `json:"value,omitempty"`
	Values []string `json:"values,omitempty"`
	Kids   []*Stmt  `json:"kids,omitempty"`
}

// Clone deep-copies the statement.
func (s *Stmt) Clone() *Stmt {
	if s == nil {
		return nil
	}
	n := &Stmt{Key: s.Key, Value: s.Value, Kids: CloneTree(s.Kids)}
	if s.Values != nil {
		n.Values = append([]string(nil), s.Values...)
	}
	return n
}

// Child finds a direct child by its key.
func (s *Stmt) Child(key string) *Stmt { return FindStmt(s.Kids, key) }

// CloneTree deep-copies a list of statements.
func CloneTree(t []*Stmt) []*Stmt {
	if t == nil {
		return nil
	}
	out := make([]*Stmt, len(t))
	for i, s := range t {
		out[i] = s.Clone()
	}
	return out
}

// FindStmt follows keys down a tree, returning nil when a statement on the
// way is missing.
func FindStmt(tree []*Stmt, keys ...string) *Stmt {
	var cur *Stmt
	list := tree
	for _, k := range keys {
		cur = nil
		for _, s := range list {
			if s.Key == k {
				cur = s
				break
			}
		}
		if cur == nil {
			return nil
		}
		list = cur.Kids
	}
	return cur
}

// CommitInfo says when a configuration was committed (or a candidate last
// changed), by whom, through what ("cli", "netconf") and with which
// comment.
type CommitInfo struct {
	Time    time.Time `json:"time"`
	User    string    `json:"user,omitempty"`
	Via     string    `json:"via,omitempty"`
	Comment string    `json:"comment,omitempty"`
}

// TreeEqual reports whether two trees hold the same statements in the same
// order (an empty list and none are the same).
func TreeEqual(a, b []*Stmt) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Key != y.Key || x.Value != y.Value || len(x.Values) != len(y.Values) || !TreeEqual(x.Kids, y.Kids) {
			return false
		}
		for j := range x.Values {
			if x.Values[j] != y.Values[j] {
				return false
			}
		}
	}
	return true
}

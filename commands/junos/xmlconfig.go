package junos

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The configuration as Junos's XML API writes and reads it: the same tree
// and schema as the text, each statement an element (a list entry with
// its key in <name>, a flag an empty element, a list keyed by a fixed
// word, as family inet, the word as an element inside), and as JSON.

// xmlName is a schema node's element name (the interfaces' anonymous
// list is <interface>).
func xmlName(k *node) string {
	if k.name == "" {
		return "interface"
	}
	return k.name
}

// kidByElement finds the schema node an element names under n.
func kidByElement(n *node, name string) *node {
	if k := n.kid(name); k != nil {
		return k
	}
	if a := n.anon(); a != nil && name == "interface" {
		return a
	}
	return nil
}

// enumKeyed reports whether a list is keyed by a fixed word (family
// inet): Junos writes the word as an element, not a <name>.
func enumKeyed(k *node) bool { return k.kind == kList && k.key != nil && len(k.key.enum) > 0 }

// treeXML renders statements under the schema node n as elements.
func treeXML(list []*model.Stmt, n *node) []*netconf.Node {
	var out []*netconf.Node
	var wrap *netconf.Node // the element of an enum-keyed list being filled
	var wrapOf *node
	for _, s := range list {
		k, key := n.nodeFor(s.Key)
		if k == nil {
			continue
		}
		if enumKeyed(k) {
			if wrap == nil || wrapOf != k {
				wrap, wrapOf = netconf.E(xmlName(k), nil), k
				out = append(out, wrap)
			}
			wrap.Kids = append(wrap.Kids, netconf.E(key, nil, treeXML(s.Kids, k)))
			continue
		}
		wrap = nil
		switch k.kind {
		case kContainer:
			out = append(out, netconf.E(xmlName(k), nil, treeXML(s.Kids, k)))
		case kList:
			out = append(out, netconf.E(xmlName(k), nil, netconf.T("name", key), treeXML(s.Kids, k)))
		case kLeaf:
			out = append(out, netconf.T(k.name, s.Value))
		case kFlag:
			out = append(out, netconf.E(k.name, nil))
		case kLeafList:
			for _, v := range s.Values {
				out = append(out, netconf.T(k.name, v))
			}
		case kKeyedLeaf:
			e := netconf.E(k.name, nil, netconf.T("name", key))
			if k.val != nil && len(k.val.enum) > 0 {
				e.Kids = append(e.Kids, netconf.E(s.Value, nil))
			} else {
				e.Kids = append(e.Kids, netconf.T("value", s.Value))
			}
			out = append(out, e)
		}
	}
	return out
}

// configElement is <configuration> with the commit (or change) record,
// holding the statements.
func configElement(list []*model.Stmt, at []string, ci model.CommitInfo, changed bool) *netconf.Node {
	e := netconf.E("configuration", attrsFor(ci, changed))
	e.Attr[0].Name.Local = "xmlns"
	e.Kids = treeXML(list, schema)
	e.Indented = true
	return e
}

// attrsFor are the configuration element's attributes: the namespace,
// then junos:commit-* (committed) or junos:changed-* (candidate).
func attrsFor(ci model.CommitInfo, changed bool) []string {
	secs := strconv.FormatInt(ci.Time.Unix(), 10)
	local := ci.Time.UTC().Format(tx.XMLLocalTime)
	if changed {
		return netconf.A("xmlns", tx.ConfigNS, "junos:changed-seconds", secs, "junos:changed-localtime", local)
	}
	return netconf.A("xmlns", tx.ConfigNS, "junos:commit-seconds", secs, "junos:commit-localtime", local, "junos:commit-user", ci.User)
}

// ---- filters ----

// filterTree keeps what a subtree filter (the children of a
// <configuration> filter element) selects: an element with no children
// selects all of its statement; a list element with <name> the entry of
// that name; other children refine.
func filterTree(list []*model.Stmt, n *node, f *netconf.Node) []*model.Stmt {
	if f == nil || len(f.Kids) == 0 {
		return list
	}
	var out []*model.Stmt
	for _, s := range list {
		k, key := n.nodeFor(s.Key)
		if k == nil {
			continue
		}
		for _, fe := range f.Kids {
			if fk := kidByElement(n, fe.Name.Local); fk != k {
				if enumKeyed(k) && fe.Name.Local == xmlName(k) {
					// <family><inet/></family>
					if sel := fe.Kid(key); sel != nil || len(fe.Kids) == 0 {
						c := *s
						c.Kids = filterTree(s.Kids, k, sel)
						out = append(out, &c)
						break
					}
				}
				continue
			}
			if k.kind == kList || k.kind == kKeyedLeaf {
				if name := fe.Kid("name"); name != nil && strings.TrimSpace(name.Text) != key {
					continue
				}
				rest := &netconf.Node{Name: fe.Name}
				for _, x := range fe.Kids {
					if x.Name.Local != "name" {
						rest.Kids = append(rest.Kids, x)
					}
				}
				c := *s
				c.Kids = filterTree(s.Kids, k, rest)
				out = append(out, &c)
				break
			}
			c := *s
			if k.isContainerLike() {
				c.Kids = filterTree(s.Kids, k, fe)
				if len(c.Kids) == 0 && len(fe.Kids) > 0 {
					break // nothing inside matched
				}
			}
			out = append(out, &c)
			break
		}
	}
	return out
}

// ---- reading XML into the tree ----

// xmlLoad applies a <configuration> element to the tree: merged, except
// where an element says replace="replace" (or operation="replace") or
// delete="delete" (operation="delete"/"remove"). defOp is the
// edit-config default-operation ("merge", "replace" or "none").
func xmlLoad(tree *[]*model.Stmt, cfg *netconf.Node, defOp string) *netconf.Error {
	return xmlLoadAt(tree, schema, nil, cfg, defOp)
}

func opOf(e *netconf.Node, inherited string) string {
	if v := e.Get("operation"); v != "" {
		return v
	}
	if e.Get("delete") == "delete" {
		return "delete"
	}
	if e.Get("replace") == "replace" {
		return "replace"
	}
	if e.Get("active") != "" || e.Get("inactive") != "" {
		return inherited
	}
	return inherited
}

func badElement(name string) *netconf.Error {
	return &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.XMLSyntaxError, BadElement: name}
}

func badValue(msg, elem string) *netconf.Error {
	return &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: fmt.Sprintf(tx.XMLBadValue, msg), BadElement: elem}
}

// xmlLoadAt applies the children of element x (statements under schema
// node n, at path steps) to the tree.
func xmlLoadAt(tree *[]*model.Stmt, n *node, steps []step, x *netconf.Node, op string) *netconf.Error {
	for _, e := range x.Kids {
		k := kidByElement(n, e.Name.Local)
		if k == nil || k.name == "version" && n == schema {
			if k != nil {
				continue // the version is the commit's to write
			}
			return badElement(e.Name.Local)
		}
		eop := opOf(e, op)
		if enumKeyed(k) {
			// <family><inet>...</inet></family>
			for _, w := range e.Kids {
				v, err := checkValue(k.key, parser.Token{Text: w.Name.Local})
				if err != nil {
					return badElement(w.Name.Local)
				}
				st := append(append([]step(nil), steps...), step{k, k.stmtKey(v)})
				if err := loadStmt(tree, k, st, w, opOf(w, eop)); err != nil {
					return err
				}
			}
			continue
		}
		switch k.kind {
		case kContainer:
			st := append(append([]step(nil), steps...), step{k, k.name})
			if err := loadStmt(tree, k, st, e, eop); err != nil {
				return err
			}
		case kList, kKeyedLeaf:
			name := e.Kid("name")
			if name == nil {
				if eop == "delete" || eop == "remove" {
					// every entry of the list
					w := &walk{steps: append(append([]step(nil), steps...), step{k, k.name}), all: true}
					applyDelete(tree, schema, w)
					continue
				}
				return &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.MissingArgument, BadElement: e.Name.Local}
			}
			v, err := checkValue(k.key, parser.Token{Text: strings.TrimSpace(name.Text)})
			if err != nil {
				return badValue(err.msg, strings.TrimSpace(name.Text))
			}
			st := append(append([]step(nil), steps...), step{k, k.stmtKey(v)})
			if k.kind == kKeyedLeaf {
				if err := loadLeaf(tree, k, st, e, eop, keyedValue(k, e)); err != nil {
					return err
				}
				continue
			}
			if err := loadStmt(tree, k, st, e, eop); err != nil {
				return err
			}
		case kLeaf, kFlag, kLeafList:
			st := append(append([]step(nil), steps...), step{k, k.name})
			if err := loadLeaf(tree, k, st, e, eop, strings.TrimSpace(e.Text)); err != nil {
				return err
			}
		}
	}
	return nil
}

// keyedValue is the value element of a keyed leaf (<master/> in
// <routing-engine>).
func keyedValue(k *node, e *netconf.Node) string {
	for _, x := range e.Kids {
		if x.Name.Local == "name" {
			continue
		}
		if x.Name.Local == "value" {
			return strings.TrimSpace(x.Text)
		}
		return x.Name.Local
	}
	return ""
}

// loadStmt applies one container or list entry element.
func loadStmt(tree *[]*model.Stmt, k *node, st []step, e *netconf.Node, op string) *netconf.Error {
	switch op {
	case "delete", "remove":
		applyDelete(tree, schema, &walk{steps: st})
		return nil
	case "replace":
		applyDelete(tree, schema, &walk{steps: st})
	case "create":
		if _, _, ok := subtree(*tree, st); ok {
			return &netconf.Error{Type: "application", Tag: "data-exists", Message: "statement already exists", BadElement: e.Name.Local}
		}
	}
	if op != "none" || len(e.Kids) > 0 {
		inner := op
		if inner == "replace" || inner == "create" {
			inner = "merge"
		}
		if len(e.Kids) == 0 || onlyName(e) {
			if op != "none" {
				ensure(tree, schema, st)
			}
			return nil
		}
		if op != "none" {
			ensure(tree, schema, st)
		}
		if err := xmlLoadAt(tree, k, st, withoutName(e), inner); err != nil {
			return err
		}
	}
	return nil
}

func onlyName(e *netconf.Node) bool { return len(e.Kids) == 1 && e.Kids[0].Name.Local == "name" }

func withoutName(e *netconf.Node) *netconf.Node {
	c := &netconf.Node{Name: e.Name}
	for _, x := range e.Kids {
		if x.Name.Local != "name" {
			c.Kids = append(c.Kids, x)
		}
	}
	return c
}

// loadLeaf applies a leaf, flag, leaf-list value or keyed leaf.
func loadLeaf(tree *[]*model.Stmt, k *node, st []step, e *netconf.Node, op, val string) *netconf.Error {
	if op == "delete" || op == "remove" {
		w := &walk{steps: st}
		if k.kind == kLeafList && val != "" {
			w.values = []string{val}
		}
		applyDelete(tree, schema, w)
		return nil
	}
	if op == "none" {
		return nil
	}
	w := &walk{steps: st}
	switch k.kind {
	case kLeaf, kKeyedLeaf:
		vt := k.val
		if vt == nil {
			return badElement(e.Name.Local)
		}
		v, err := checkValue(vt, parser.Token{Text: val, Quoted: len(vt.enum) == 0})
		if err != nil {
			return badValue(err.msg, val)
		}
		w.value = v
	case kLeafList:
		v, err := checkValue(k.val, parser.Token{Text: val, Quoted: true})
		if err != nil {
			return badValue(err.msg, val)
		}
		if op == "replace" {
			applyDelete(tree, schema, &walk{steps: st})
		}
		w.values = []string{v}
	}
	if op == "create" {
		if _, _, ok := subtree(*tree, st); ok && k.kind != kLeafList {
			return &netconf.Error{Type: "application", Tag: "data-exists", Message: "statement already exists", BadElement: e.Name.Local}
		}
	}
	applySet(tree, schema, w)
	return nil
}

// ---- JSON ----

// configJSON writes the configuration as Junos's JSON: four-space
// indentation, " : " between a name and its value, a list as an array of
// objects with "name", a flag as [null].
func configJSON(list []*model.Stmt, ci model.CommitInfo, changed bool) string {
	var b strings.Builder
	b.WriteString("{\n    \"configuration\" : {\n")
	attrs := attrsFor(ci, changed)[2:]
	var items []string
	var at strings.Builder
	at.WriteString("        \"@\" : {\n")
	for i := 0; i+1 < len(attrs); i += 2 {
		sep := ","
		if i+2 >= len(attrs) {
			sep = ""
		}
		fmt.Fprintf(&at, "            %s : %s%s\n", jsonString(attrs[i]), jsonString(attrs[i+1]), sep)
	}
	at.WriteString("        }")
	items = append(items, at.String())
	items = append(items, jsonMembers(list, schema, 2)...)
	b.WriteString(strings.Join(items, ",\n"))
	b.WriteString("\n    }\n}\n")
	return b.String()
}

func jsonString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// jsonMembers renders the statements under n as object members at a
// depth (four spaces a level).
func jsonMembers(list []*model.Stmt, n *node, depth int) []string {
	pad := strings.Repeat("    ", depth)
	var out []string
	// statements of one list (or leaf-list) node go in one array
	type group struct {
		k    *node
		list []*model.Stmt
	}
	var groups []*group
	for _, s := range list {
		k, _ := n.nodeFor(s.Key)
		if k == nil {
			continue
		}
		if len(groups) > 0 && groups[len(groups)-1].k == k {
			g := groups[len(groups)-1]
			g.list = append(g.list, s)
			continue
		}
		groups = append(groups, &group{k, []*model.Stmt{s}})
	}
	for _, g := range groups {
		k := g.k
		name := jsonString(xmlName(k))
		switch {
		case enumKeyed(k):
			var inner []string
			for _, s := range g.list {
				_, key := n.nodeFor(s.Key)
				inner = append(inner, pad+"    "+jsonString(key)+" : "+jsonObject(s.Kids, k, depth+1))
			}
			out = append(out, pad+name+" : {\n"+strings.Join(inner, ",\n")+"\n"+pad+"}")
		case k.kind == kContainer:
			s := g.list[0]
			if len(s.Kids) == 0 {
				out = append(out, pad+name+" : [null]")
				continue
			}
			out = append(out, pad+name+" : "+jsonObject(s.Kids, k, depth))
		case k.kind == kList || k.kind == kKeyedLeaf:
			var entries []string
			for _, s := range g.list {
				_, key := n.nodeFor(s.Key)
				members := []string{pad + "        \"name\" : " + jsonString(key)}
				if k.kind == kKeyedLeaf {
					if k.val != nil && len(k.val.enum) > 0 {
						members = append(members, pad+"        "+jsonString(s.Value)+" : [null]")
					} else {
						members = append(members, pad+"        \"value\" : "+jsonString(s.Value))
					}
				} else {
					members = append(members, jsonMembers(s.Kids, k, depth+2)...)
				}
				entries = append(entries, pad+"    {\n"+strings.Join(members, ",\n")+"\n"+pad+"    }")
			}
			out = append(out, pad+name+" : [\n"+strings.Join(entries, ",\n")+"\n"+pad+"]")
		case k.kind == kLeaf:
			out = append(out, pad+name+" : "+jsonString(g.list[0].Value))
		case k.kind == kFlag:
			out = append(out, pad+name+" : [null]")
		case k.kind == kLeafList:
			var vals []string
			for _, v := range g.list[0].Values {
				vals = append(vals, jsonString(v))
			}
			out = append(out, pad+name+" : ["+strings.Join(vals, ", ")+"]")
		}
	}
	return out
}

func jsonObject(list []*model.Stmt, n *node, depth int) string {
	pad := strings.Repeat("    ", depth)
	m := jsonMembers(list, n, depth+1)
	if len(m) == 0 {
		return "{\n" + pad + "}"
	}
	return "{\n" + strings.Join(m, ",\n") + "\n" + pad + "}"
}

// jsonLoad reads Junos JSON ({"configuration": {...}}) into the tree,
// merging.
func jsonLoad(tree *[]*model.Stmt, text string) *netconf.Error {
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	var top map[string]any
	if err := d.Decode(&top); err != nil {
		return &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.XMLSyntaxError + ": " + err.Error()}
	}
	cfg, ok := top["configuration"].(map[string]any)
	if !ok {
		return badElement("configuration")
	}
	return jsonAt(tree, schema, nil, cfg)
}

// jsonScalar is a JSON value as the text of a statement.
func jsonScalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

func isNullFlag(v any) bool {
	a, ok := v.([]any)
	return v == nil || ok && len(a) == 1 && a[0] == nil
}

func jsonAt(tree *[]*model.Stmt, n *node, steps []step, obj map[string]any) *netconf.Error {
	names := make([]string, 0, len(obj))
	for name := range obj {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		v := obj[name]
		if name == "@" || strings.HasPrefix(name, "@") {
			continue
		}
		k := kidByElement(n, name)
		if k == nil {
			return badElement(name)
		}
		if k.name == "version" && n == schema {
			continue
		}
		path := func(key string) []step { return append(append([]step(nil), steps...), step{k, key}) }
		switch {
		case enumKeyed(k):
			m, ok := v.(map[string]any)
			if !ok {
				return badElement(name)
			}
			for word, inner := range m {
				kv, err := checkValue(k.key, parser.Token{Text: word})
				if err != nil {
					return badElement(word)
				}
				st := path(k.stmtKey(kv))
				ensure(tree, schema, st)
				if im, ok := inner.(map[string]any); ok {
					if err := jsonAt(tree, k, st, im); err != nil {
						return err
					}
				}
			}
		case k.kind == kContainer:
			st := path(k.name)
			ensure(tree, schema, st)
			if m, ok := v.(map[string]any); ok {
				if err := jsonAt(tree, k, st, m); err != nil {
					return err
				}
			} else if !isNullFlag(v) {
				return badElement(name)
			}
		case k.kind == kList || k.kind == kKeyedLeaf:
			arr, ok := v.([]any)
			if !ok {
				arr = []any{v}
			}
			for _, item := range arr {
				m, ok := item.(map[string]any)
				if !ok {
					return badElement(name)
				}
				key, ok := jsonScalar(m["name"])
				if !ok {
					return badElement(name)
				}
				kv, err := checkValue(k.key, parser.Token{Text: key})
				if err != nil {
					return badValue(err.msg, key)
				}
				st := path(k.stmtKey(kv))
				if k.kind == kKeyedLeaf {
					val := ""
					for mk, mv := range m {
						if mk == "name" {
							continue
						}
						if mk == "value" {
							val, _ = jsonScalar(mv)
						} else {
							val = mk
						}
					}
					vv, err := checkValue(k.val, parser.Token{Text: val})
					if err != nil {
						return badValue(err.msg, val)
					}
					applySet(tree, schema, &walk{steps: st, value: vv})
					continue
				}
				ensure(tree, schema, st)
				rest := map[string]any{}
				for mk, mv := range m {
					if mk != "name" {
						rest[mk] = mv
					}
				}
				if err := jsonAt(tree, k, st, rest); err != nil {
					return err
				}
			}
		case k.kind == kFlag:
			ensure(tree, schema, path(k.name))
		case k.kind == kLeaf:
			s, ok := jsonScalar(v)
			if !ok {
				return badElement(name)
			}
			val, err := checkValue(k.val, parser.Token{Text: s, Quoted: len(k.val.enum) == 0})
			if err != nil {
				return badValue(err.msg, s)
			}
			applySet(tree, schema, &walk{steps: path(k.name), value: val})
		case k.kind == kLeafList:
			arr, ok := v.([]any)
			if !ok {
				arr = []any{v}
			}
			var vals []string
			for _, item := range arr {
				s, ok := jsonScalar(item)
				if !ok {
					return badElement(name)
				}
				val, err := checkValue(k.val, parser.Token{Text: s, Quoted: true})
				if err != nil {
					return badValue(err.msg, s)
				}
				vals = append(vals, val)
			}
			applySet(tree, schema, &walk{steps: path(k.name), values: vals})
		}
	}
	return nil
}

package junos

import (
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// CLI commands in XML: the <command> RPC, and "| display xml" in the
// CLI. A command whose RPC the XML API has renders that RPC's element;
// any other prints its text inside <output>.

// xmlForm renders the XML of a parsed operational command on RE i; nil
// when the command has none.
func xmlForm(c *model.Chassis, i int, m *parser.Match) *netconf.Node {
	switch m.Command.Spec {
	case "show version [invoke-on all-routing-engines]":
		return versionXML(c, i, m.Has("invoke-on"))
	case "show chassis hardware":
		if me := c.Module(i); me == nil || me.State != model.Active {
			return netconf.T("output", tx.XMLNotMaster)
		}
		return inventoryXML(c, i)
	case "show chassis routing-engine":
		return routeEngineXML(c, i)
	case "show interfaces terse [INTERFACE:ifname]":
		v, _ := m.Value("INTERFACE")
		return interfacesXML(c, i, v, "")
	}
	return nil
}

// l2Count is show bridge mac-table count, which only the XML API knows
// (PyEZ's switch_style fact asks for it): an MX's bridge table, empty;
// the backup runs no l2-learning.
func l2Count(c *model.Chassis, i int) (*netconf.Node, *netconf.Error) {
	if vcMember(c) {
		// an ELS switch has no bridge domains: the CLI knows no "bridge"
		return nil, &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.XMLExpectingCommand, BadElement: "bridge"}
	}
	if m := c.Module(i); m == nil || m.State != model.Active {
		return nil, opFailed(tx.XMLL2NotRunning)
	}
	return netconf.E("l2ald-rtb-mac-count", nil, netconf.E("l2ald-rtb-mac-count-entry", nil,
		netconf.T("l2ald-rtb-count-routing-instance", "default-switch"), netconf.T("mac-count-total", "0"))), nil
}

// textTerm is a Terminal that keeps what is printed and answers no
// question (an XML session has no keyboard).
type textTerm struct {
	b    strings.Builder
	host commands.Host
}

func (t *textTerm) Print(s string) { t.b.WriteString(s) }
func (t *textTerm) Confirm(string, bool) (commands.Answer, error) {
	return commands.Cancel, commands.ErrCancelled
}
func (t *textTerm) Ask(commands.Question) (commands.Answer, error) {
	return commands.Cancel, commands.ErrCancelled
}
func (t *textTerm) Word(string, []string, string) (string, error) { return "", commands.ErrCancelled }
func (t *textTerm) ReadLine(string, bool) (string, error)         { return "", commands.ErrCancelled }
func (t *textTerm) AnyKey() error                                 { return nil }
func (t *textTerm) Wait(cond func(c *model.Chassis) bool) error {
	ok := false
	t.host.View(func(c *model.Chassis) { ok = cond(c) })
	if ok {
		return nil
	}
	return commands.ErrInterrupted
}

// command is the <command> RPC: format "text" (the CLI's output in
// <output>, show configuration's in <configuration-output>), the default
// XML (the command's RPC element where it has one), or "| display xml" in
// the text itself.
func (x *xsess) command(op *netconf.Node) string {
	line := strings.TrimSpace(op.Text)
	format := strings.ToLower(op.Get("format"))
	if format == "" {
		format = "xml"
	}
	// pipes: display xml selects XML; the others filter text
	parts, _ := commands.SplitPipes(line)
	cmd := strings.TrimSpace(parts[0])
	var rest []string
	for _, p := range parts[1:] {
		switch strings.Join(strings.Fields(p), " ") {
		case "display xml":
			format = "xml"
		case "no-more":
		default:
			rest = append(rest, p)
		}
	}
	if len(rest) > 0 && format == "xml" {
		format = "text"
	}
	if strings.Join(strings.Fields(cmd), " ") == "show bridge mac-table count" {
		var n *netconf.Node
		var e *netconf.Error
		x.s.Host.View(func(c *model.Chassis) { n, e = l2Count(c, x.s.Module) })
		if e != nil {
			return errBody(e)
		}
		return body(n)
	}
	// a command the CLI does not know: Junos's syntax error
	if _, _, isPath := x.shell().pathCommand(opGraph, cmd, opPathVerbs); !isPath {
		if _, err := opGraph.Match(cmd); err != nil {
			bad := cmd
			if pe, ok := parser.AsError(err); ok && pe.Token != "" {
				bad = pe.Token
			}
			return errBody(&netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.XMLExpectingCommand, BadElement: bad})
		}
	}
	if format == "xml" {
		if n := x.commandXML(cmd); n != nil {
			return body(n)
		}
	}
	text := x.runText(line)
	if v, _, ok := x.shell().pathCommand(opGraph, cmd, opPathVerbs); ok && v == vShow {
		return body(netconf.T("configuration-output", text))
	}
	if m, err := opGraph.Match(cmd); err == nil && m.Command.Spec == "show configuration" {
		return body(netconf.T("configuration-output", text))
	}
	return body(netconf.T("output", text))
}

// commandXML is a command's XML element, or nil.
func (x *xsess) commandXML(cmd string) *netconf.Node {
	if n := configXMLOf(x.s, cmd); n != nil {
		return n
	}
	m, err := opGraph.Match(cmd)
	if err != nil {
		return nil
	}
	var n *netconf.Node
	x.s.Host.View(func(c *model.Chassis) { n = xmlForm(c, x.s.Module, m) })
	return n
}

// configXMLOf is show configuration [path] as XML (the committed
// configuration), nil for another command.
func configXMLOf(s *commands.Session, cmd string) *netconf.Node {
	sh := &Shell{s: s}
	v, rest, ok := sh.pathCommand(opGraph, cmd, opPathVerbs)
	if !ok {
		if m, err := opGraph.Match(cmd); err != nil || m.Command.Spec != "show configuration" {
			return nil
		}
		v, rest, ok = vShow, "", true
	}
	if v != vShow {
		return nil
	}
	toks, err := parser.Tokenize(rest)
	if err != nil {
		return nil
	}
	w, e := walkPath(vShow, schema, toks, len(rest))
	if e != nil {
		return nil
	}
	var cf *model.Config
	var ci model.CommitInfo
	s.Host.View(func(c *model.Chassis) {
		cf = c.Committed(s.Module).Clone()
		ci = commitOf(c, s.Module, cf)
	})
	if cf == nil {
		return nil
	}
	list := cf.Tree
	if len(w.steps) > 0 {
		list = pathTree(cf.Tree, w.steps, w.all)
	}
	return configElement(list, nil, ci, false)
}

// pathTree is the part of a tree along a path, from the top (for a
// configuration element that names where it is).
func pathTree(tree []*model.Stmt, steps []step, all bool) []*model.Stmt {
	if all {
		parent := steps[:len(steps)-1]
		list, _, ok := subtree(tree, parent)
		if !ok {
			return nil
		}
		pn := nodeAt(parent)
		var keep []*model.Stmt
		for _, s := range list {
			if k, _ := pn.nodeFor(s.Key); k == steps[len(steps)-1].n {
				keep = append(keep, s)
			}
		}
		return wrapPath(tree, parent, keep)
	}
	_, s, ok := subtree(tree, steps)
	if !ok {
		return nil
	}
	return wrapPath(tree, steps[:len(steps)-1], []*model.Stmt{s})
}

// wrapPath puts statements back under the statements of a path.
func wrapPath(tree []*model.Stmt, steps []step, inner []*model.Stmt) []*model.Stmt {
	for i := len(steps) - 1; i >= 0; i-- {
		_, s, ok := subtree(tree, steps[:i+1])
		if !ok {
			return nil
		}
		c := &model.Stmt{Key: s.Key, Value: s.Value, Values: s.Values, Kids: inner}
		inner = []*model.Stmt{c}
	}
	return inner
}

// shell is the CLI the session runs <command> text through.
func (x *xsess) shell() *Shell {
	if x.cli == nil {
		x.cli = newShell(x.s)
	}
	return x.cli
}

// runText runs a command line in the CLI and returns its text.
func (x *xsess) runText(line string) string {
	t := &textTerm{host: x.s.Host}
	x.shell().Run(t, line)
	return t.b.String()
}

// ---- | display xml ----

// displayXML is "<command> | display xml" in the CLI: the command's XML
// (or its text in <output>) in an rpc-reply with the CLI banner, four
// spaces a level; a configuration's statements twelve spaces in and its
// end tag at eight, as Junos prints them.
func (sh *Shell) displayXML(t commands.Terminal, cmd string) error {
	var release, word string
	role := sh.role()
	sh.s.Host.View(func(c *model.Chassis) {
		release = moduleRelease(c, sh.s.Module)
		word = banner(c, role)
	})
	var n *netconf.Node
	if !sh.config {
		if c := configXMLOf(sh.s, cmd); c != nil {
			n = c
		} else if m, err := opGraph.Match(cmd); err == nil {
			sh.s.Host.View(func(c *model.Chassis) { n = xmlForm(c, sh.s.Module, m) })
		}
	}
	if n == nil {
		capt := commands.NewCapture(t)
		err := sh.dispatch(capt, cmd, 0)
		if err != nil {
			t.Print(capt.Text())
			return err
		}
		n = netconf.T("output", "\n"+capt.Text())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<rpc-reply xmlns:junos=\"%s\">\n", fmt.Sprintf(tx.JunosNS, release))
	if n.Name.Local == "configuration" {
		c := *n
		c.Attr = nil
		for _, a := range n.Attr {
			if a.Name.Local != "xmlns" {
				c.Attr = append(c.Attr, a)
			}
		}
		b.WriteString("    " + c.OpenTag() + ">\n")
		for _, k := range n.Kids {
			k.WriteIndented(&b, 3)
		}
		b.WriteString("        </configuration>\n")
	} else {
		n.WriteIndented(&b, 1)
	}
	b.WriteString("    <cli>\n        <banner>" + word + "</banner>\n    </cli>\n</rpc-reply>\n")
	t.Print(b.String())
	return nil
}

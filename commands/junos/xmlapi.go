package junos

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// Junos's XML API over NETCONF: one session is one mgd on the RE it
// landed on (it stays there through a mastership switch, answering as a
// backup then), editing the RE's shared candidate, or a private copy
// after <open-configuration><private/>, or holding the candidate
// exclusively after <lock> / <lock-configuration>. Commits, rollbacks and
// the exclusive lock are the CLI's, in the model.

var _ commands.XMLAPI = Vendor{}

// NETCONFEnabled: "system services netconf ssh" in the master's
// configuration.
func (Vendor) NETCONFEnabled(c *model.Chassis) bool {
	return c.Running != nil && has(c.Running.Tree, "system", "services", "netconf", "ssh")
}

// XMLExec: ncclient's "xml-mode netconf need-trailer", and "netconf".
func (Vendor) XMLExec(cmd string) bool {
	f := strings.Fields(cmd)
	switch {
	case len(f) == 1 && f[0] == "netconf":
		return true
	case len(f) >= 2 && f[0] == "xml-mode" && f[1] == "netconf":
		return len(f) == 2 || len(f) == 3 && f[2] == "need-trailer"
	}
	return false
}

// XMLSession starts a session's mgd.
func (Vendor) XMLSession(s *commands.Session, env commands.XMLEnv) netconf.Handler {
	n := 0
	x := &xsess{s: s, env: env}
	s.Host.Do(func(c *model.Chassis) error {
		n = c.SessionNumber()
		x.mod = c.Module(s.Module)
		x.release = moduleRelease(c, s.Module)
		x.class = userClass(c, s.User, s.Manager)
		x.base11 = c.Options["netconf-base11"] == "true"
		return nil
	})
	x.holder = fmt.Sprintf("cli-%d", n)
	x.pid = pidOf(x.holder)
	x.tty = fmt.Sprintf("p%d", n)
	return x
}

// userClass is the login class the hello names: the configured user's
// ("j-" before a predefined class), else by level.
func userClass(c *model.Chassis, user string, manager bool) string {
	class := "read-only"
	if manager {
		class = "super-user"
	}
	if c.Running != nil {
		if v := leafValue(c.Running.Tree, "system", "login", "user "+user, "class"); v != "" {
			class = v
		}
	}
	switch class {
	case "super-user", "operator", "read-only", "unauthorized":
		return "j-" + class
	}
	return class
}

// xsess is one NETCONF session.
type xsess struct {
	s       *commands.Session
	env     commands.XMLEnv
	holder  string
	pid     int
	tty     string
	release string
	class   string
	base11  bool
	mod     *model.Module // the RE it landed on (its slot may empty: ISSR)

	locked  bool          // holds the candidate exclusively
	private *model.Config // open-configuration private: the copy
	cli     *Shell        // runs <command>, made when first needed
	ended   bool
}

// Hello is Junos's: the two comments, the capabilities and the session
// id (base:1.1 only where the scenario asks for it: no Junos offers it).
func (x *xsess) Hello() netconf.Hello {
	caps := strings.Split(tx.Capabilities, "\n")
	if x.base11 {
		caps = append(caps[:1:1], append([]string{netconf.Base11}, caps[1:]...)...)
	}
	return netconf.Hello{
		Comments:     []string{tx.HelloZombies, fmt.Sprintf(tx.HelloUser, x.s.User, x.class)},
		Capabilities: caps,
		SessionID:    x.pid,
	}
}

// ReplyAttrs: the base namespace and junos's, with the RE's release.
func (x *xsess) ReplyAttrs() string {
	return ` xmlns="` + netconf.BaseNS + `" xmlns:junos="` + fmt.Sprintf(tx.JunosNS, x.release) + `"`
}

// End lets go of the lock (discarding the changes made under it, as
// leaving configure exclusive does) and the private copy. When the RE
// has left its slot meanwhile (the old primary of an ISSR), its lock goes
// with it, and a module spawned in the slot since keeps its candidate.
func (x *xsess) End() {
	if x.ended {
		return
	}
	x.ended = true
	if x.locked || x.private != nil {
		x.s.Host.Do(func(c *model.Chassis) error {
			if x.locked && c.Module(x.s.Module) == x.mod {
				c.DiscardCandidate(x.s.Module)
			}
			c.LeaveConfig(x.s.Module, x.holder)
			return nil
		})
		x.locked, x.private = false, nil
	}
	if x.cli != nil {
		x.cli.End()
	}
}

// ---- replies ----

func ok() string { return "<ok/>\n" }

func body(nodes ...*netconf.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		if n != nil {
			n.WriteFlat(&b)
		}
	}
	return b.String()
}

func errBody(errs ...*netconf.Error) string {
	var b strings.Builder
	for _, e := range errs {
		e.Node().WriteFlat(&b)
	}
	return b.String()
}

// opFailed is an rpc-error of Junos's usual kind.
func opFailed(msg string) *netconf.Error {
	return &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: msg}
}

// Handle answers one RPC.
func (x *xsess) Handle(rpc *netconf.RPC) netconf.Reply {
	op := rpc.Op
	switch op.Name.Local {
	case "close-session":
		return netconf.Reply{Body: ok(), Close: true}
	case "kill-session":
		id := op.KidText("session-id")
		n, err := strconv.Atoi(id)
		if err != nil || n == x.pid || x.env.Kill == nil || !x.env.Kill(n) {
			return netconf.Reply{Body: errBody(&netconf.Error{Type: "protocol", Tag: "invalid-value", Message: fmt.Sprintf(tx.XMLNoSession, id)})}
		}
		return netconf.Reply{Body: ok()}
	}
	h, found := xmlRPCs[op.Name.Local]
	if !found {
		return netconf.Reply{Body: errBody(&netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.XMLSyntaxError, BadElement: op.Name.Local})}
	}
	return netconf.Reply{Body: h(x, op)}
}

// xmlRPCs are the RPCs by element name.
var xmlRPCs map[string]func(x *xsess, op *netconf.Node) string

func init() {
	xmlRPCs = map[string]func(x *xsess, op *netconf.Node) string{
		// NETCONF base
		"get-config":      (*xsess).getConfig,
		"edit-config":     (*xsess).editConfig,
		"lock":            (*xsess).lockBase,
		"unlock":          (*xsess).unlockBase,
		"validate":        (*xsess).validateRPC,
		"discard-changes": func(x *xsess, _ *netconf.Node) string { return x.discard() },
		"commit":          (*xsess).commitBase,
		// Junos configuration
		"get-configuration":    (*xsess).getConfiguration,
		"load-configuration":   (*xsess).loadConfiguration,
		"commit-configuration": (*xsess).commitConfiguration,
		"lock-configuration":   func(x *xsess, _ *netconf.Node) string { return x.lock() },
		"unlock-configuration": func(x *xsess, _ *netconf.Node) string { return x.unlock() },
		"open-configuration":   (*xsess).openConfiguration,
		"close-configuration":  (*xsess).closeConfiguration,
		// operational
		"command":                                      (*xsess).command,
		"get-software-information":                     (*xsess).getSoftware,
		"get-route-engine-information":                 func(x *xsess, _ *netconf.Node) string { return x.render(routeEngineXML) },
		"get-chassis-inventory":                        (*xsess).getInventory,
		"get-virtual-chassis-information":              (*xsess).getVC,
		"get-ethernet-switching-table-information":     (*xsess).getSwitchingTable,
		"get-interface-information":                    (*xsess).getInterfaces,
		"file-show":                                    (*xsess).fileShow,
		"file-list":                                    (*xsess).fileList,
		"request-chassis-routing-engine-master-switch": (*xsess).masterSwitch,
		"request-reboot":                               (*xsess).requestReboot,
	}
}

// render is an operational reply rendered from the model.
func (x *xsess) render(f func(c *model.Chassis, i int) *netconf.Node) string {
	var n *netconf.Node
	x.s.Host.View(func(c *model.Chassis) { n = f(c, x.s.Module) })
	return body(n)
}

// master reports whether the session's RE is the master now.
func (x *xsess) master() bool {
	m := false
	x.s.Host.View(func(c *model.Chassis) {
		if me := c.Module(x.s.Module); me != nil && me.State == model.Active {
			m = true
		}
	})
	return m
}

func (x *xsess) getSoftware(op *netconf.Node) string {
	return x.render(func(c *model.Chassis, i int) *netconf.Node { return versionXML(c, i, false) })
}

// getInventory: the master's inventory; the backup answers as PyEZ's
// fixture shows.
func (x *xsess) getInventory(op *netconf.Node) string {
	if !x.master() {
		return body(netconf.T("output", tx.XMLNotMaster))
	}
	return x.render(inventoryXML)
}

// getVC is show virtual-chassis: an empty reply on an MX, which is no
// virtual chassis (PyEZ's fixture); a QFX5100's members.
func (x *xsess) getVC(op *netconf.Node) string {
	return x.render(func(c *model.Chassis, i int) *netconf.Node {
		if !vcMember(c) {
			return nil
		}
		return vcXML(c, i)
	})
}

// getSwitchingTable is show ethernet-switching table: an ELS switch's
// (the QFX5100's) summary; an MX has no such RPC.
func (x *xsess) getSwitchingTable(op *netconf.Node) string {
	vc := false
	x.s.Host.View(func(c *model.Chassis) { vc = vcMember(c) })
	if !vc {
		return errBody(&netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.XMLSyntaxError, BadElement: op.Name.Local})
	}
	return x.render(macdbSummary)
}

func (x *xsess) getInterfaces(op *netconf.Node) string {
	only := op.KidText("interface-name")
	inst := op.KidText("routing-instance")
	return x.render(func(c *model.Chassis, i int) *netconf.Node { return interfacesXML(c, i, only, inst) })
}

func (x *xsess) fileShow(op *netconf.Node) string {
	name := op.KidText("filename")
	var n *netconf.Node
	found := false
	x.s.Host.View(func(c *model.Chassis) { n, found = fileShowXML(c, name) })
	if !found {
		return errBody(&netconf.Error{Type: "protocol", Tag: "operation-failed", Message: fmt.Sprintf(tx.XMLNotFileFound, name)})
	}
	return body(n)
}

func (x *xsess) fileList(op *netconf.Node) string {
	path := op.KidText("path")
	if path == "" {
		path = "~"
	}
	return x.render(func(c *model.Chassis, i int) *netconf.Node { return fileListXML(c, x.s.User, path) })
}

// masterSwitch is request-chassis-routing-engine-master-switch: the
// CLI's switch answered yes (the RPC asks nothing), or its refusal.
func (x *xsess) masterSwitch(op *netconf.Node) string {
	var why string
	var gresOn bool
	x.s.Host.View(func(c *model.Chassis) {
		why = switchReadiness(c)
		gresOn = gres(c.Running)
	})
	if op.Has("check") {
		if why != "" {
			return errBody(opFailed(why))
		}
		return body(netconf.T("output", tx.SwitchoverReady))
	}
	if why == "" && !x.master() {
		why = tx.NoBackup
	}
	if why != "" {
		return errBody(opFailed(why))
	}
	err := x.s.Host.Do(func(c *model.Chassis) error { return c.Switchover(x.s.Origin()) })
	if err != nil {
		x.s.Host.View(func(c *model.Chassis) { why = switchReadiness(c) })
		if why == "" {
			why = tx.NoBackup
		}
		return errBody(opFailed(why))
	}
	out := tx.ResolvingMastership + "\n" + tx.MastershipComplete
	if !gresOn {
		out = tx.PFEWarning + "\n" + out
	}
	return body(netconf.T("output", out))
}

// requestReboot is request-reboot with <in-service/>: the CLI's ISSR
// (issue 12's procedure on the chassis clock). The reply is the log's
// lines the clock has reached when it starts (what the CLI prints at
// once after "yes": the validation and the pre-check table); the ISSR
// goes on, and the session ends when its RE, the old primary, shuts
// down. A failing pre-check is an rpc-error with the check's lines. A
// plain reboot is not offered over NETCONF (the RE would go down under
// its own reply).
func (x *xsess) requestReboot(op *netconf.Node) string {
	if !op.Has("in-service") {
		return errBody(&netconf.Error{Type: "protocol", Tag: "operation-not-supported", Message: tx.XMLSyntaxError, BadElement: "request-reboot"})
	}
	vc := false
	x.s.Host.View(func(c *model.Chassis) { vc = vcMember(c) })
	if !vc {
		return errBody(opFailed(strings.TrimPrefix(tx.ISSRUnsupported, "error: ")))
	}
	var p *model.Procedure
	var first []string
	x.s.Host.Do(func(c *model.Chassis) error {
		p, first, _ = StartISSR(c, x.s.Origin())
		return nil
	})
	if p != nil {
		// what the clock has reached: the first step is due now, and the
		// chassis runs it when next looked at
		x.s.Host.View(func(c *model.Chassis) { first = append(first, p.Lines...) })
	}
	text := "\n" + strings.Join(first, "\n") + "\n"
	if p == nil {
		return errBody(opFailed(text))
	}
	return body(netconf.T("output", text))
}

// ---- configuration ----

// who is a commit or change record of this session.
func (x *xsess) who(c *model.Chassis) model.CommitInfo {
	return model.CommitInfo{Time: c.Now(), User: x.s.User, Via: "netconf"}
}

// candidate is a copy of the session's candidate (its private copy, or
// the RE's shared one) and its change record.
func (x *xsess) candidate() (*model.Config, model.CommitInfo, bool) {
	var cf *model.Config
	var ci model.CommitInfo
	changed := false
	x.s.Host.View(func(c *model.Chassis) {
		if x.private != nil {
			cf = x.private.Clone()
			changed = !model.TreeEqual(cf.Tree, c.Committed(x.s.Module).Tree)
		} else {
			cf = c.Candidate(x.s.Module).Clone()
			changed = c.CandidateChanged(x.s.Module)
		}
		ci = commitOf(c, x.s.Module, cf)
	})
	return cf, ci, changed
}

// committed is a copy of the RE's committed configuration and its
// record.
func (x *xsess) committed() (*model.Config, model.CommitInfo) {
	var cf *model.Config
	var ci model.CommitInfo
	x.s.Host.View(func(c *model.Chassis) {
		cf = c.Committed(x.s.Module).Clone()
		ci = commitOf(c, x.s.Module, cf)
	})
	return cf, ci
}

// lockedErr is the refusal while another session holds the candidate.
func (x *xsess) lockedErr() *netconf.Error {
	var e *netconf.Error
	x.s.Host.View(func(c *model.Chassis) {
		if o, held := c.LockedBy(x.s.Module, x.holder); held {
			e = &netconf.Error{Type: "protocol", Tag: "lock-denied",
				Message: fmt.Sprintf(tx.XMLLocked, o.User, o.Terminal, pidOf(o.Holder), stamp(o.Since), o.Path),
				Info:    []*netconf.Node{netconf.T("session-id", strconv.Itoa(pidOf(o.Holder)))}}
		}
	})
	return e
}

// edit changes the session's candidate, all or nothing.
func (x *xsess) edit(fn func(cf *model.Config) *netconf.Error) *netconf.Error {
	if e := x.lockedErr(); e != nil {
		return e
	}
	if x.private != nil {
		n := x.private.Clone()
		if e := fn(n); e != nil {
			return e
		}
		derive(n)
		x.private = n
		return nil
	}
	var fail *netconf.Error
	x.s.Host.Do(func(c *model.Chassis) error {
		return c.EditCandidate(x.s.Module, x.who(c), func(cf *model.Config) error {
			if e := fn(cf); e != nil {
				fail = e
				return e
			}
			derive(cf)
			return nil
		})
	})
	return fail
}

// configReply renders a configuration in a format: the element (xml),
// or configuration-text, -set, or the JSON text.
func configReply(list []*model.Stmt, full bool, ci model.CommitInfo, changed bool, format string) string {
	switch format {
	case "text":
		var b strings.Builder
		b.WriteString("\n")
		if full {
			if changed {
				b.WriteString(fmt.Sprintf(tx.LastChanged, stamp(ci.Time), ci.User) + "\n")
			} else {
				b.WriteString(fmt.Sprintf(tx.LastCommit, stamp(ci.Time), ci.User) + "\n")
			}
		}
		render(&b, list, schema, 0)
		return body(netconf.T("configuration-text", b.String()))
	case "set":
		var b strings.Builder
		b.WriteString("\n")
		displaySet(&b, list, schema, "")
		return body(netconf.T("configuration-set", b.String()))
	case "json":
		return netconf.Escape(configJSON(list, ci, changed), false)
	}
	return body(configElement(list, nil, ci, changed))
}

// getConfiguration is Junos's get-configuration: database committed or
// candidate (the default), format xml/text/set/json, a <configuration>
// filter, or compare="rollback" rollback="N" (the candidate against
// rollback N, as show | compare prints it).
func (x *xsess) getConfiguration(op *netconf.Node) string {
	format := op.Get("format")
	if format == "" {
		format = "xml"
	}
	format = strings.ToLower(format)
	switch format {
	case "xml", "text", "set", "json":
	default:
		return errBody(opFailed(fmt.Sprintf(tx.XMLBadFormat, format)))
	}
	if op.Get("compare") == "rollback" {
		return x.compare(op.Get("rollback"))
	}
	var cf *model.Config
	var ci model.CommitInfo
	changed := false
	if op.Get("database") == "committed" {
		cf, ci = x.committed()
	} else {
		cf, ci, changed = x.candidate()
	}
	if cf == nil {
		return body(netconf.E("configuration", nil))
	}
	list := cf.Tree
	filter := op.Kid("configuration")
	full := filter == nil || len(filter.Kids) == 0
	if !full {
		list = filterTree(list, schema, filter)
	}
	return configReply(list, full, ci, changed, format)
}

// compare is the candidate against rollback n, as text.
func (x *xsess) compare(n string) string {
	num, err := strconv.Atoi(n)
	if n == "" {
		num, err = 0, nil
	}
	var old *model.Config
	if err == nil {
		x.s.Host.View(func(c *model.Chassis) {
			if r, e := c.Rollback(x.s.Module, num); e == nil {
				old = r.Clone()
			}
		})
	}
	if old == nil {
		return errBody(opFailed(fmt.Sprintf(tx.XMLBadRollback, n)))
	}
	cur, _, _ := x.candidate()
	return body(netconf.E("configuration-information", nil,
		netconf.T("configuration-output", "\n"+compareTrees(old.Tree, cur.Tree))))
}

// getConfig is the base get-config: source running or candidate, a
// subtree filter; the configuration inside <data>.
func (x *xsess) getConfig(op *netconf.Node) string {
	src := op.Kid("source")
	var cf *model.Config
	var ci model.CommitInfo
	changed := false
	switch {
	case src.Has("running"):
		cf, ci = x.committed()
	case src.Has("candidate"):
		cf, ci, changed = x.candidate()
	default:
		return errBody(&netconf.Error{Type: "protocol", Tag: "missing-element", Message: "missing source", BadElement: "source"})
	}
	list := cf.Tree
	if f := op.Kid("filter"); f != nil {
		fc := f.Kid("configuration")
		if fc == nil {
			if len(f.Kids) == 0 {
				return body(netconf.E("data", nil, configElement(list, nil, ci, changed)))
			}
			return body(netconf.E("data", nil))
		}
		if len(fc.Kids) > 0 {
			list = filterTree(list, schema, fc)
			if len(list) == 0 {
				// an empty match: a bare configuration element
				return "<data>\n<configuration>\n</configuration>\n</data>\n"
			}
		}
	}
	return body(netconf.E("data", nil, configElement(list, nil, ci, changed)))
}

// editConfig is the base edit-config on the candidate: <config> (XML,
// with operation attributes) or <config-text> (text), default-operation
// merge, replace or none.
func (x *xsess) editConfig(op *netconf.Node) string {
	if t := op.Kid("target"); t == nil || !t.Has("candidate") {
		return errBody(&netconf.Error{Type: "protocol", Tag: "operation-not-supported", Message: "only the candidate configuration may be edited", BadElement: "target"})
	}
	defOp := op.KidText("default-operation")
	if defOp == "" {
		defOp = "merge"
	}
	if defOp != "merge" && defOp != "replace" && defOp != "none" {
		return errBody(&netconf.Error{Type: "protocol", Tag: "invalid-value", Message: fmt.Sprintf(tx.XMLBadAction, defOp), BadElement: "default-operation"})
	}
	var e *netconf.Error
	switch {
	case op.Has("config"):
		cfg := op.Kid("config").Kid("configuration")
		if cfg == nil {
			return errBody(badElement("config"))
		}
		e = x.edit(func(cf *model.Config) *netconf.Error {
			if defOp == "replace" {
				cf.Tree = keepVersion(cf.Tree)
			}
			return xmlLoad(&cf.Tree, cfg, defOp)
		})
	case op.Has("config-text"):
		// <config-text><configuration-text>...</configuration-text></config-text>,
		// or the text in config-text itself (ncclient's format="text")
		ct := op.Kid("config-text")
		text := ct.Text
		if ct.Has("configuration-text") {
			text = ct.Kid("configuration-text").Text
		}
		e = x.loadText(text, defOp == "replace")
	default:
		return errBody(&netconf.Error{Type: "protocol", Tag: "missing-element", Message: "missing config", BadElement: "config"})
	}
	if e != nil {
		return errBody(e)
	}
	return ok()
}

// keepVersion is an emptied configuration (override): only its version.
func keepVersion(tree []*model.Stmt) []*model.Stmt {
	var out []*model.Stmt
	if v := model.FindStmt(tree, "version"); v != nil {
		out = append(out, v)
	}
	return out
}

// loadText merges (or, override, replaces) configuration text.
func (x *xsess) loadText(text string, override bool) *netconf.Error {
	return x.edit(func(cf *model.Config) *netconf.Error {
		if override {
			cf.Tree = keepVersion(cf.Tree)
		}
		if err := readConfig(&cf.Tree, schema, text); err != nil {
			msg := err.Error()
			if re, ok := err.(*readError); ok {
				msg = re.msg
			}
			return &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: msg}
		}
		return nil
	})
}

// loadSet runs set and delete lines, as configuration mode would.
func (x *xsess) loadSet(text string) *netconf.Error {
	return x.edit(func(cf *model.Config) *netconf.Error {
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if e := applyLine(&cf.Tree, line); e != nil {
				return e
			}
		}
		return nil
	})
}

// loadConfiguration is Junos's load-configuration: rollback="N", or a
// configuration in a format (xml, text, json; action set takes set lines)
// with action merge (default), replace, override, update or set.
func (x *xsess) loadConfiguration(op *netconf.Node) string {
	res := func(e *netconf.Error) string {
		if e != nil {
			return body(netconf.E("load-configuration-results", nil, e.Node()))
		}
		return body(netconf.E("load-configuration-results", nil, netconf.E("load-success", nil)))
	}
	if rb, ok := op.Lookup("rollback"); ok {
		n, err := strconv.Atoi(rb)
		var old *model.Config
		if err == nil {
			x.s.Host.View(func(c *model.Chassis) {
				if r, e := c.Rollback(x.s.Module, n); e == nil {
					old = r.Clone()
				}
			})
		}
		if old == nil {
			return res(opFailed(fmt.Sprintf(tx.XMLBadRollback, rb)))
		}
		return res(x.edit(func(cf *model.Config) *netconf.Error {
			cf.Tree = old.Tree
			return nil
		}))
	}
	action := op.Get("action")
	if action == "" {
		action = "merge"
	}
	format := op.Get("format")
	if format == "" {
		format = "xml"
	}
	switch action {
	case "merge", "replace", "override", "update", "set":
	default:
		return res(&netconf.Error{Type: "protocol", Tag: "invalid-value", Message: fmt.Sprintf(tx.XMLBadAction, action)})
	}
	override := action == "override" || action == "update"
	switch {
	case action == "set" || op.Has("configuration-set"):
		return res(x.loadSet(op.KidText("configuration-set")))
	case format == "text" || op.Has("configuration-text"):
		return res(x.loadText(op.KidText("configuration-text"), override))
	case format == "json" || op.Has("configuration-json"):
		text := op.KidText("configuration-json")
		return res(x.edit(func(cf *model.Config) *netconf.Error {
			if override {
				cf.Tree = keepVersion(cf.Tree)
			}
			return jsonLoad(&cf.Tree, text)
		}))
	case format == "xml":
		cfg := op.Kid("configuration")
		if cfg == nil {
			return res(badElement("load-configuration"))
		}
		return res(x.edit(func(cf *model.Config) *netconf.Error {
			if override {
				cf.Tree = keepVersion(cf.Tree)
			}
			return xmlLoad(&cf.Tree, cfg, "merge")
		}))
	}
	return res(opFailed(fmt.Sprintf(tx.XMLBadFormat, format)))
}

// applyLine runs one set or delete line against a tree.
func applyLine(tree *[]*model.Stmt, line string) *netconf.Error {
	verbs := map[string]verb{"set": vSet, "delete": vDelete}
	word, rest, _ := strings.Cut(line, " ")
	v, found := verbs[word]
	if !found {
		return badElement(word)
	}
	toks, err := parser.Tokenize(rest)
	if err != nil {
		return opFailed(tx.Unterminated)
	}
	w, e := walkPath(v, schema, toks, len(rest))
	if e != nil {
		bad := ""
		for _, t := range toks {
			if t.Offset == e.off {
				bad = t.Text
			}
		}
		return &netconf.Error{Type: "protocol", Tag: "operation-failed", Message: strings.TrimSuffix(e.msg, "."), BadElement: bad}
	}
	if v == vSet {
		applySet(tree, schema, w)
	} else if !applyDelete(tree, schema, w) {
		return &netconf.Error{Type: "protocol", Tag: "operation-failed", Severity: "warning", Message: strings.TrimPrefix(tx.StatementNotFound, "warning: ")}
	}
	return nil
}

// ---- commit ----

// commitReply commits (or checks) the session's candidate and renders
// commit-results: rpc-errors without <ok/> when it fails, the
// routing-engine results and <ok/> when it succeeds.
func (x *xsess) commitReply(o commitOpts, results bool) string {
	if e := x.lockedErr(); e != nil {
		return errBody(e)
	}
	if x.private != nil && o.confirmed {
		return errBody(opFailed(strings.TrimPrefix(tx.ConfirmedPrivate, "error: ")))
	}
	cand, _, _ := x.candidate()
	var r commitRun
	x.s.Host.Do(func(c *model.Chassis) error {
		r = commitNow(c, x.s.Module, cand, o, x.who(c), x.pid)
		return nil
	})
	switch {
	case r.backup:
		return errBody(opFailed(tx.XMLCommitOnBackup))
	case r.prob != nil:
		errs := []*netconf.Error{
			{Type: "application", Tag: "invalid-value", Path: r.prob.path, Message: r.prob.message, BadElement: r.prob.element},
			{Type: "protocol", Tag: "operation-failed", Message: r.prob.checkout},
		}
		if !results {
			return errBody(errs...)
		}
		cr := netconf.E("commit-results", nil)
		for _, e := range errs {
			cr.Kids = append(cr.Kids, e.Node())
		}
		return body(cr)
	}
	if !o.check && x.private != nil {
		x.private = nil
		x.s.Host.View(func(c *model.Chassis) { x.private = c.Committed(x.s.Module).Clone() })
	}
	if !results {
		if r.sync && !r.otherUp {
			return errBody(&netconf.Error{Severity: "warning", Message: strings.TrimPrefix(tx.SyncUnreachable, "warning: ")}) + ok()
		}
		return ok()
	}
	cr := netconf.E("commit-results", nil)
	if r.sync && !r.otherUp {
		// the other RE is down: a warning, and the commit goes on (PyEZ
		// takes rpc-errors with <ok/> for a success)
		cr.Kids = append(cr.Kids, (&netconf.Error{Severity: "warning", Message: strings.TrimPrefix(tx.SyncUnreachable, "warning: ")}).Node())
	}
	re := func(name string, success string) {
		e := netconf.E("routing-engine", netconf.A("junos:style", "normal"), netconf.T("name", name), netconf.E(success, nil))
		cr.Kids = append(cr.Kids, e)
	}
	if o.check {
		re(r.myName, "commit-check-success")
		if r.sync && r.otherUp {
			re(r.otherName, "commit-check-success")
		}
		return body(cr) + ok()
	}
	if r.synced {
		re(r.myName, "commit-check-success")
		re(r.otherName, "commit-success")
		re(r.myName, "commit-success")
	} else {
		re(r.myName, "commit-success")
	}
	return body(cr) + ok()
}

// commitConfiguration is Junos's commit-configuration: check, confirmed
// with confirm-timeout (minutes), log, synchronize, force-synchronize,
// full, detail.
func (x *xsess) commitConfiguration(op *netconf.Node) string {
	o := commitOpts{check: op.Has("check"), confirmed: op.Has("confirmed"),
		sync: op.Has("synchronize") || op.Has("force-synchronize"), comment: op.KidText("log")}
	if o.confirmed {
		o.minutes = 10
		if t := op.KidText("confirm-timeout"); t != "" {
			n, err := strconv.Atoi(t)
			if err != nil || n < 1 || n > 65535 {
				return errBody(&netconf.Error{Type: "protocol", Tag: "invalid-value", Message: fmt.Sprintf(tx.OutOfRange, t, "1..65535"), BadElement: "confirm-timeout"})
			}
			o.minutes = n
		}
	}
	return x.commitReply(o, true)
}

// commitBase is the base commit: confirmed with confirm-timeout in
// seconds (rounded up to Junos's minutes).
func (x *xsess) commitBase(op *netconf.Node) string {
	o := commitOpts{confirmed: op.Has("confirmed")}
	if o.confirmed {
		o.minutes = 10
		if t := op.KidText("confirm-timeout"); t != "" {
			n, err := strconv.Atoi(t)
			if err != nil || n < 1 {
				return errBody(&netconf.Error{Type: "protocol", Tag: "invalid-value", Message: fmt.Sprintf(tx.OutOfRange, t, "1..4294967295"), BadElement: "confirm-timeout"})
			}
			o.minutes = int((time.Duration(n)*time.Second + time.Minute - 1) / time.Minute)
		}
	}
	return x.commitReply(o, false)
}

// validateRPC is the base validate of the candidate: the commit check.
func (x *xsess) validateRPC(op *netconf.Node) string {
	return x.commitReply(commitOpts{check: true}, false)
}

// discard drops the session's uncommitted changes.
func (x *xsess) discard() string {
	if e := x.lockedErr(); e != nil {
		return errBody(e)
	}
	if x.private != nil {
		x.s.Host.View(func(c *model.Chassis) { x.private = c.Committed(x.s.Module).Clone() })
		return ok()
	}
	x.s.Host.Do(func(c *model.Chassis) error { c.DiscardCandidate(x.s.Module); return nil })
	return ok()
}

// ---- locks and private copies ----

func targetCandidate(op *netconf.Node) bool {
	t := op.Kid("target")
	return t != nil && t.Has("candidate")
}

func (x *xsess) lockBase(op *netconf.Node) string {
	if !targetCandidate(op) {
		return errBody(&netconf.Error{Type: "protocol", Tag: "operation-not-supported", Message: "only the candidate configuration may be locked", BadElement: "target"})
	}
	return x.lock()
}

func (x *xsess) unlockBase(op *netconf.Node) string {
	if !targetCandidate(op) {
		return errBody(&netconf.Error{Type: "protocol", Tag: "operation-not-supported", Message: "only the candidate configuration may be unlocked", BadElement: "target"})
	}
	return x.unlock()
}

// lock takes the candidate exclusively, as configure exclusive does: it
// fails while another session holds it, or while the shared candidate
// has changes nobody committed.
func (x *xsess) lock() string {
	var e *netconf.Error
	x.s.Host.Do(func(c *model.Chassis) error {
		i := x.s.Module
		if _, held := c.LockedBy(i, x.holder); held {
			return nil
		}
		if x.locked {
			return nil
		}
		if c.CandidateChanged(i) {
			e = &netconf.Error{Type: "protocol", Tag: "lock-denied", Message: tx.XMLDatabaseModified}
			return nil
		}
		ed := model.Editor{Holder: x.holder, User: x.s.User, Terminal: x.tty, Exclusive: true, Path: "[edit]"}
		if err := c.EnterConfig(i, ed); err != nil {
			return nil
		}
		x.locked = true
		return nil
	})
	if e == nil && !x.locked {
		e = x.lockedErr()
	}
	if e != nil {
		return errBody(e)
	}
	return ok()
}

// unlock lets the candidate go (uncommitted changes are discarded, as
// leaving configure exclusive does).
func (x *xsess) unlock() string {
	if !x.locked {
		return errBody(&netconf.Error{Type: "protocol", Tag: "operation-failed", Message: tx.XMLNotLocked})
	}
	x.s.Host.Do(func(c *model.Chassis) error {
		c.DiscardCandidate(x.s.Module)
		c.LeaveConfig(x.s.Module, x.holder)
		return nil
	})
	x.locked = false
	return ok()
}

// openConfiguration with <private/> edits a private copy; the warning
// PyEZ expects comes with it.
func (x *xsess) openConfiguration(op *netconf.Node) string {
	if !op.Has("private") {
		return ok()
	}
	var e *netconf.Error
	x.s.Host.Do(func(c *model.Chassis) error {
		i := x.s.Module
		if c.CandidateChanged(i) {
			e = opFailed(strings.TrimPrefix(tx.SharedModified, "error: "))
			return nil
		}
		ed := model.Editor{Holder: x.holder, User: x.s.User, Terminal: x.tty, Private: true, Path: "[edit]"}
		if err := c.EnterConfig(i, ed); err != nil {
			return nil
		}
		x.private = c.Committed(i).Clone()
		return nil
	})
	if e != nil {
		return errBody(e)
	}
	return errBody(&netconf.Error{Type: "protocol", Tag: "operation-failed", Severity: "warning", Message: tx.XMLPrivateWarning})
}

// closeConfiguration leaves the private copy (its changes are lost).
func (x *xsess) closeConfiguration(op *netconf.Node) string {
	if x.private != nil {
		x.s.Host.Do(func(c *model.Chassis) error { c.LeaveConfig(x.s.Module, x.holder); return nil })
		x.private = nil
	}
	return ok()
}

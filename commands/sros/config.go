package sros

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
)

// The SR OS configuration on the model: the system name, contact and
// location are the config's own fields; everything else is statements of
// its tree, written as the config file writes them:
//
//	redundancy { synchronize config | no synchronize }   (absent: boot-env)
//	port 1/1/1 { description "x"; no shutdown }           (absent: shut down)
//	router { interface "to-core" { address a/n; port 1/1/1; shutdown } }
//
// A router interface is up unless it holds "shutdown"; a port is shut
// down unless it holds "no shutdown", as SR OS defaults them.

// Automatic synchronization modes (config>redundancy>synchronize).
const (
	syncBootEnv = "boot-env"
	syncConfig  = "config"
	syncNone    = "none"
)

// syncMode is what the active synchronizes automatically: the running
// config's setting (the active's saved one while none runs).
func syncMode(c *model.Chassis) string {
	cf := c.Running
	if cf == nil {
		if a := c.Active(); a != nil {
			cf = a.Startup()
		}
	}
	if cf == nil {
		return syncBootEnv
	}
	red := model.FindStmt(cf.Tree, "redundancy")
	if red == nil {
		return syncBootEnv
	}
	if red.Child("no synchronize") != nil {
		return syncNone
	}
	if s := red.Child("synchronize"); s != nil && s.Value == syncConfig {
		return syncConfig
	}
	return syncBootEnv
}

// child finds a statement among kids, adding it when create is set.
func child(kids *[]*model.Stmt, key string, create bool) *model.Stmt {
	for _, s := range *kids {
		if s.Key == key {
			return s
		}
	}
	if !create {
		return nil
	}
	s := &model.Stmt{Key: key}
	*kids = append(*kids, s)
	return s
}

// remove deletes the statement key from kids.
func remove(kids *[]*model.Stmt, key string) {
	out := (*kids)[:0]
	for _, s := range *kids {
		if s.Key != key {
			out = append(out, s)
		}
	}
	*kids = out
}

// setLeaf sets a leaf's value (a leaf without value when value is "").
func setLeaf(kids *[]*model.Stmt, key, value string) {
	child(kids, key, true).Value = value
}

// quote writes a value as SR OS config does: in double quotes.
func quote(s string) string { return `"` + s + `"` }

// ifaceKey is a router interface's statement.
func ifaceKey(name string) string { return "interface " + quote(name) }

// portKey is a port's statement.
func portKey(port string) string { return "port " + port }

// cnode is one line of a rendered configuration: a leaf, or a context
// whose lines follow indented and end with "exit".
type cnode struct {
	line string
	kids []*cnode
	ctx  bool
}

// section is one "echo" block of the config file.
type section struct {
	title string
	nodes []*cnode
}

// configTree renders a configuration as the config file's sections.
func configTree(c *model.Chassis, cf *model.Config) []section {
	var out []section
	sys := &cnode{line: "system", ctx: true}
	sys.kids = append(sys.kids, &cnode{line: "name " + quote(cf.Hostname)})
	if cf.Contact != "" {
		sys.kids = append(sys.kids, &cnode{line: "contact " + quote(cf.Contact)})
	}
	if cf.Location != "" {
		sys.kids = append(sys.kids, &cnode{line: "location " + quote(cf.Location)})
	}
	out = append(out, section{"System Configuration", []*cnode{sys}})

	if red := model.FindStmt(cf.Tree, "redundancy"); red != nil && len(red.Kids) > 0 {
		n := &cnode{line: "redundancy", ctx: true}
		for _, s := range red.Kids {
			n.kids = append(n.kids, &cnode{line: leafLine(s)})
		}
		out = append(out, section{"Redundancy Configuration", []*cnode{n}})
	}

	var cards []*cnode
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		card := &cnode{line: "card " + s.Name, ctx: true}
		card.kids = append(card.kids, &cnode{line: "card-type " + s.Hardware.Product})
		for i, t := range mdas(s) {
			card.kids = append(card.kids, &cnode{line: "mda " + strconv.Itoa(i+1), ctx: true,
				kids: []*cnode{{line: "mda-type " + t}}})
		}
		cards = append(cards, card)
	}
	if len(cards) > 0 {
		out = append(out, section{"Card Configuration", cards})
	}

	var ports []*cnode
	for _, s := range cf.Tree {
		if !strings.HasPrefix(s.Key, "port ") {
			continue
		}
		p := &cnode{line: s.Key, ctx: true}
		if d := s.Child("description"); d != nil {
			p.kids = append(p.kids, &cnode{line: "description " + quote(d.Value)})
		}
		p.kids = append(p.kids, &cnode{line: "ethernet", ctx: true})
		if s.Child("no shutdown") != nil {
			p.kids = append(p.kids, &cnode{line: "no shutdown"})
		} else {
			p.kids = append(p.kids, &cnode{line: "shutdown"})
		}
		ports = append(ports, p)
	}
	sort.SliceStable(ports, func(i, j int) bool { return portLess(ports[i].line[5:], ports[j].line[5:]) })
	if len(ports) > 0 {
		out = append(out, section{"Port Configuration", ports})
	}

	if r := model.FindStmt(cf.Tree, "router"); r != nil {
		rn := &cnode{line: "router", ctx: true}
		for _, s := range r.Kids {
			if !strings.HasPrefix(s.Key, "interface ") {
				continue
			}
			in := &cnode{line: s.Key, ctx: true}
			if d := s.Child("description"); d != nil {
				in.kids = append(in.kids, &cnode{line: "description " + quote(d.Value)})
			}
			if a := s.Child("address"); a != nil {
				in.kids = append(in.kids, &cnode{line: "address " + a.Value})
			}
			if p := s.Child("port"); p != nil {
				in.kids = append(in.kids, &cnode{line: "port " + p.Value})
			}
			if s.Child("shutdown") != nil {
				in.kids = append(in.kids, &cnode{line: "shutdown"})
			} else {
				in.kids = append(in.kids, &cnode{line: "no shutdown"})
			}
			rn.kids = append(rn.kids, in)
		}
		out = append(out, section{"Router (Network Side) Configuration", []*cnode{rn}})
	}
	return out
}

// leafLine writes a leaf statement.
func leafLine(s *model.Stmt) string {
	if s.Value == "" {
		return s.Key
	}
	return s.Key + " " + s.Value
}

// portLess orders port ids numerically.
func portLess(a, b string) bool {
	pa, pb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] == pb[i] {
			continue
		}
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		if ea == nil && eb == nil {
			return na < nb
		}
		return pa[i] < pb[i]
	}
	return len(pa) < len(pb)
}

// write renders nodes at a depth (4 blanks per level), each context
// closed by "exit".
func write(b *strings.Builder, nodes []*cnode, depth int) {
	ind := strings.Repeat("    ", depth)
	for _, n := range nodes {
		b.WriteString(ind + n.line + "\n")
		if n.ctx {
			write(b, n.kids, depth+1)
			b.WriteString(ind + "exit\n")
		}
	}
}

const sectionRule = "#--------------------------------------------------"

// writeSections renders the config file's body: each section's echo
// header and its contexts under configure.
func writeSections(b *strings.Builder, secs []section) {
	for _, s := range secs {
		b.WriteString(sectionRule + "\necho " + quote(s.title) + "\n" + sectionRule + "\n")
		write(b, s.nodes, 1)
	}
}

// stamp is a config file's time as its header writes it ("MON APR 04
// 23:00:17 2016 UTC").
func stamp(t time.Time) string {
	return strings.ToUpper(t.UTC().Format("Mon Jan 02 15:04:05 2006")) + " UTC"
}

// savedAt is when a saved config was written: its admin save, or, for
// the file the scenario gave, the scenario's "config-generated" option
// (else the build time of the software the active runs).
func savedAt(c *model.Chassis, cf *model.Config) time.Time {
	if cf != nil && cf.Commit != nil {
		return cf.Commit.Time
	}
	if t, err := time.Parse("2006-01-02 15:04:05", option(c, optGenerated, "")); err == nil {
		return t
	}
	if a := c.Active(); a != nil && a.Running != nil {
		return a.Running.Built
	}
	return time.Time{}
}

// savedSinceBoot reports whether cf was saved since the system booted
// (show system information's "Last Saved Config").
func savedSinceBoot(c *model.Chassis, cf *model.Config) bool {
	return cf != nil && cf.Commit != nil && !cf.Commit.Time.Before(c.BootedAt)
}

// configFileText is a config file as admin save writes it (and admin
// display-config shows the running one): the header of the software that
// wrote it, the sections, and the footer.
func configFileText(c *model.Chassis, cf *model.Config, im *model.Image, when time.Time) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(versionText(im), "\n"), "\n") {
		b.WriteString("# " + l + "\n")
	}
	b.WriteString("\n# Generated " + stamp(when) + "\n\nexit all\nconfigure\n")
	writeSections(&b, configTree(c, cf))
	b.WriteString("\nexit all\n\n# Finished " + stamp(when) + "\n")
	return b.String()
}

// savedFileText is module m's saved config file, as its flash holds it.
func savedFileText(c *model.Chassis, m *model.Module) string {
	cf := m.Startup()
	if cf == nil {
		return ""
	}
	return configFileText(c, cf, m.Running, savedAt(c, cf))
}

// lineCount counts a text's lines, with thousands separators ("49,588").
func lineCount(text string) string {
	n := strings.Count(text, "\n")
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// execSeconds is how long executing a config file of n lines takes (our
// estimate, about 6,000 lines a second as the guide's 49,588 in 8.0; at
// least a tenth).
func execSeconds(text string) string {
	s := float64(strings.Count(text, "\n")) / 6000
	if s < 0.1 {
		s = 0.1
	}
	return fmt.Sprintf("%.1f", s)
}

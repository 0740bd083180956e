// Package scenario reads a chassis description from YAML: hostname,
// modules and the software in their flash banks, roles, redundancy
// setting, users, failover history, the clock's start, seeded event-log
// entries and crash records. Every error names the file, line and field.
package scenario

import (
	_ "embed"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
	"go.yaml.in/yaml/v3"
)

// Scenario is a loaded chassis description.
type Scenario struct {
	File   string
	Vendor string
	// Clock is when the chassis clock starts; zero means the wall clock.
	Clock time.Time
	// Chassis is the chassis, not started yet.
	Chassis *model.Chassis
	// Unreachable lists TFTP server addresses that do not answer.
	Unreachable []string
}

//go:embed default.yaml
var defaultYAML []byte

// DefaultName is how the built-in scenario is named in messages.
const DefaultName = "builtin:default.yaml"

// Default is the built-in 8212zl scenario.
func Default() *Scenario {
	s, err := Parse(DefaultName, defaultYAML, Builtin())
	if err != nil {
		panic(err)
	}
	return s
}

// DefaultYAML is the text of the built-in scenario.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

// Load reads a scenario file; flash images named by version are looked up
// in cat.
func Load(path string, cat *Catalog) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, cat)
}

// Parse reads a scenario from YAML text.
func Parse(file string, data []byte, cat *Catalog) (*Scenario, error) {
	if cat == nil {
		cat = Builtin()
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(file, err)
	}
	d := &decoder{file: file}
	p := &parse{d: d, cat: cat}
	s := p.scenario(&root)
	if d.err != nil {
		return nil, d.err
	}
	s.File = file
	return s, nil
}

type parse struct {
	d   *decoder
	cat *Catalog
}

func (p *parse) scenario(root *yaml.Node) *Scenario {
	d := p.d
	top := d.mapping(root, "")
	s := &Scenario{}
	s.Vendor = top.oneOf("vendor", "procurve", "procurve")
	s.Clock = top.when("clock")
	c := &model.Chassis{NextActive: -1}
	s.Chassis = c

	ch := d.mapping(top.get("chassis"), "chassis")
	c.Info = model.Info{
		Name:    ch.str("name", "HP J9091A Switch E8212zl"),
		Product: ch.str("product", "J9091A"),
		Model:   ch.str("model", "8212zl"),
		Serial:  ch.str("serial", "LP711BX00Z"),
		BaseMAC: ch.str("base-mac", "7446a0-41a56f"),
	}
	c.SSM = p.hardware(d.mapping(ch.get("ssm"), "chassis.ssm"), model.Hardware{
		Product: "J9095A", Description: "HP J9095A System Support Module 8200zl"})
	ch.done()

	us := d.mapping(top.get("users"), "users")
	mg := d.mapping(us.get("manager"), "users.manager")
	op := d.mapping(us.get("operator"), "users.operator")
	c.Credentials = model.Credentials{
		ManagerUser: mg.str("user", "manager"), ManagerPassword: mg.str("password", ""),
		OperatorUser: op.str("user", "operator"), OperatorPassword: op.str("password", ""),
	}
	mg.done()
	op.done()
	us.done()

	base := p.config(top.get("config"), "config")
	if v := top.get("redundancy"); v != nil {
		base.RedundancyDisabled = top.oneOf("redundancy", "enabled", "enabled", "disabled") == "disabled"
	}
	c.Failovers = top.integer("failovers", 0)
	c.LastFailover = top.when("last-failover")
	switch na := top.str("next-active", ""); na {
	case "":
	case "1", "2":
		c.NextActive = int(na[0] - '1')
	default:
		d.fail(top.get("next-active"), "next-active", "%q is not 1 or 2", na)
	}
	c.HostKeys = 1
	if !top.boolean("host-keys", true) {
		c.HostKeys = 0
	}

	mods := top.list("modules")
	if mods == nil {
		mods = []*yaml.Node{nil, nil}
	}
	if len(mods) != 2 {
		d.fail(top.get("modules"), "modules", "an 8212zl has two management module slots, not %d", len(mods))
	}
	for i, n := range mods {
		c.Modules = append(c.Modules, p.module(n, i, base))
	}

	fabs := top.list("fabrics")
	if fabs == nil {
		fabs = []*yaml.Node{nil, nil}
	}
	for i, n := range fabs {
		path := fmt.Sprintf("fabrics[%d]", i)
		m := d.mapping(n, path)
		f := &model.Fabric{Number: i + 1, Present: m.boolean("present", true)}
		f.Hardware = p.hardware(m, model.Hardware{Product: "J9093A", Description: "HP J9093A F2 Fabric Module 8200zl",
			Serial: fmt.Sprintf("SG7%02dFB%03d", i+1, 100+i)})
		m.done()
		c.Fabrics = append(c.Fabrics, f)
	}
	if len(c.Fabrics) != 2 {
		d.fail(top.get("fabrics"), "fabrics", "an 8212zl has two fabric module slots")
	}

	for i, n := range top.list("slots") {
		c.Slots = append(c.Slots, p.slot(n, i))
	}
	if len(c.Slots) > 12 {
		d.fail(top.get("slots"), "slots", "an 8212zl has 12 interface module slots (A-L)")
	}
	for i := len(c.Slots); i < 12; i++ {
		c.Slots = append(c.Slots, &model.LineCard{Letter: string(rune('A' + i))})
	}

	for i, n := range top.list("log") {
		c.Log = append(c.Log, p.logEntry(n, fmt.Sprintf("log[%d]", i)))
	}
	s.Unreachable = d.mapping(top.get("tftp"), "tftp").strsDone("unreachable")
	c.Timings = p.timings(top.get("timings"))
	top.done()
	return s
}

func (m *mapping) strsDone(key string) []string {
	v := m.strs(key)
	m.done()
	return v
}

func (p *parse) hardware(m *mapping, def model.Hardware) model.Hardware {
	return model.Hardware{
		Product:     m.str("product", def.Product),
		Description: m.str("description", def.Description),
		Serial:      m.str("serial", def.Serial),
	}
}

var stateNames = map[string]model.State{
	"active": model.Active, "standby": model.Standby, "offline": model.Offline,
	"failed": model.Failed, "shutdown": model.Shutdown, "absent": model.Absent,
	"warm-standby": model.WarmStandby, "offline-incompatible": model.OfflineIncompat,
}

func (p *parse) module(n *yaml.Node, i int, base *model.Config) *model.Module {
	d := p.d
	path := fmt.Sprintf("modules[%d]", i)
	m := d.mapping(n, path)
	def := "active"
	if i > 0 {
		def = "standby"
	}
	stName := m.oneOf("state", def, "active", "standby", "warm-standby", "offline", "offline-incompatible", "failed", "shutdown", "absent")
	mod := &model.Module{
		Slot:     i + 1,
		Present:  stName != "absent",
		State:    stateNames[stName],
		Hardware: p.hardware(m, model.Hardware{Product: "J9092A", Description: "HP J9092A Management Module 8200zl", Serial: strings.Repeat(fmt.Sprint(i+1), 12)}),
	}
	if n := m.get("rom"); n != nil {
		mod.ROM = d.rom(n, path+".rom")
	}
	fl := d.mapping(m.get("flash"), path+".flash")
	for b, key := range []string{"primary", "secondary"} {
		mod.Flash[b] = p.flashImage(fl, key, path+".flash."+key, []string{"K.15.06.0017", "K.15.06.0008"}[b])
	}
	fl.done()
	if mod.ROM.Version == "" {
		// the ROM the booted image carries, else the one the primary does
		for _, im := range []*model.Image{mod.Flash[0], mod.Flash[1]} {
			if im != nil && im.ROM != nil && mod.ROM.Version == "" {
				mod.ROM = *im.ROM
			}
		}
	}
	mod.DefaultBank = p.bank(m, "default-boot", path)
	mod.BootedBank = p.bank(m, "booted", path)
	if mod.Present && mod.State != model.Failed && mod.State != model.Shutdown && mod.Flash[mod.BootedBank] == nil {
		d.fail(m.get("booted"), path+".booted", "the %s flash is empty", mod.BootedBank)
	}
	// A module may keep a config of its own (one that was not synced
	// while redundancy was disabled, as in Figure 15-6).
	cf := base
	if v := m.get("config"); v != nil {
		cf = p.config(v, path+".config")
	}
	mod.Configs = map[string]*model.Config{"config1": cf.Clone()}
	mod.BankConfig = [2]string{"config1", "config1"}
	mod.EverBooted = m.boolean("ever-booted", mod.Present)
	mod.LastActive = m.boolean("last-active", mod.State == model.Active)
	mod.ActiveAt = m.when("active-at")
	mod.SelftestFailures = m.integer("selftest-failures", 0)
	mod.HardwareFault = m.boolean("hardware-fault", false)
	for j, cn := range m.list("crashes") {
		cp := fmt.Sprintf("%s.crashes[%d]", path, j)
		cm := d.mapping(cn, cp)
		r := model.CrashRecord{Time: cm.when("time")}
		switch cm.oneOf("mode", "active", "active", "standby") {
		case "active":
			r.State = model.Active
		default:
			r.State = model.Standby
		}
		cause := cm.str("cause", "warm-reload")
		var ok bool
		if r.Cause, ok = model.ParseCause(cause); !ok {
			d.fail(cm.get("cause"), cp+".cause", "unknown cause %q", cause)
		}
		r.Origin = model.Origin{Session: cm.str("session", "CONSOLE")}
		cm.done()
		mod.Crashes = append(mod.Crashes, r)
	}
	m.done()
	return mod
}

func (p *parse) bank(m *mapping, key, path string) model.Bank {
	s := m.oneOf(key, "primary", "primary", "secondary")
	b, _ := model.ParseBank(s)
	return b
}

// flashImage reads a flash bank: a version from the images catalog, an
// inline image, or "empty".
func (p *parse) flashImage(fl *mapping, key, path, def string) *model.Image {
	n := fl.get(key)
	if n == nil {
		return p.cat.ByVersion(def)
	}
	if n.Kind == yaml.ScalarNode {
		if n.Value == "empty" {
			return nil
		}
		im := p.cat.ByVersion(n.Value)
		if im == nil {
			p.d.fail(n, path, "no image of version %q in the images catalog", n.Value)
		}
		return im
	}
	m := p.d.mapping(n, path)
	im := p.d.image(m, path)
	m.done()
	return im
}

func (p *parse) config(n *yaml.Node, path string) *model.Config {
	d := p.d
	m := d.mapping(n, path)
	cf := &model.Config{
		Hostname: m.str("hostname", "HP-E8212zl"),
		MOTD:     m.str("motd", ""),
		Fastboot: m.boolean("fastboot", false),
	}
	cf.RedundancyDisabled = m.oneOf("redundancy", "enabled", "enabled", "disabled") == "disabled"
	for _, f := range m.ints("fabric-disabled") {
		if f < 1 || f > 2 {
			d.fail(m.get("fabric-disabled"), path+".fabric-disabled", "fabric %d does not exist", f)
			continue
		}
		cf.FabricDisabled[f-1] = true
	}
	con := d.mapping(m.get("console"), path+".console")
	cf.Console = model.Console{
		Baud: con.str("baud-rate", ""), FlowControl: con.str("flow-control", ""),
		Terminal: con.str("terminal", ""), Inactivity: con.integer("inactivity-timer", 0),
	}
	con.done()
	vl := m.list("vlans")
	if vl == nil {
		cf.VLANs = []model.VLAN{{ID: 1, Name: "DEFAULT_VLAN", IP: "dhcp-bootp"}}
	}
	for i, vn := range vl {
		vp := fmt.Sprintf("%s.vlans[%d]", path, i)
		vm := d.mapping(vn, vp)
		v := model.VLAN{ID: vm.integer("id", 0), Name: vm.str("name", ""), IP: vm.str("ip", "")}
		if v.ID < 1 || v.ID > 4094 {
			d.fail(vn, vp+".id", "VLAN id %d is not in 1-4094", v.ID)
		}
		if v.Name == "" {
			v.Name = fmt.Sprintf("VLAN%d", v.ID)
			if v.ID == 1 {
				v.Name = "DEFAULT_VLAN"
			}
		}
		v.Untagged = portList(vm.str("untagged", ""))
		v.Tagged = portList(vm.str("tagged", ""))
		vm.done()
		cf.VLANs = append(cf.VLANs, v)
	}
	if cf.VLAN(1) == nil {
		d.fail(m.get("vlans"), path+".vlans", "VLAN 1 (DEFAULT_VLAN) must exist")
	}
	m.done()
	return cf
}

// portList expands "A1-A3,B2" (syntax only; ports are checked at use).
func portList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		part = strings.ToUpper(strings.TrimSpace(part))
		if part == "" {
			continue
		}
		lo, hi, ok := strings.Cut(part, "-")
		if !ok {
			out = append(out, part)
			continue
		}
		var l1, l2 string
		var n1, n2 int
		fmt.Sscanf(lo, "%1s%d", &l1, &n1)
		fmt.Sscanf(hi, "%1s%d", &l2, &n2)
		// a zl module has at most 24 ports; a longer range is a mistake
		// that the use of the ports reports, but it must not expand into
		// millions of names first
		for n := n1; n <= n2 && l1 == l2 && n-n1 < 1000; n++ {
			out = append(out, fmt.Sprintf("%s%d", l1, n))
		}
	}
	return out
}

func (p *parse) slot(n *yaml.Node, i int) *model.LineCard {
	d := p.d
	path := fmt.Sprintf("slots[%d]", i)
	m := d.mapping(n, path)
	letter := m.str("slot", string(rune('A'+i)))
	if letter != string(rune('A'+i)) {
		d.fail(m.get("slot"), path+".slot", "slots are listed in order: expected %c, got %q", 'A'+i, letter)
	}
	s := &model.LineCard{
		Letter:   letter,
		Present:  m.boolean("present", true),
		Hardware: p.hardware(m, model.Hardware{Product: "J8702A", Description: "HP J8702A 24p Gig-T zl Module", Serial: fmt.Sprintf("SG71%dAT%03d", i, 400+i)}),
		Ports:    m.integer("ports", 24),
		PortType: m.str("port-type", "100/1000T"),
		LinkUp:   m.ints("link-up"),
		Rate:     int64(m.integer("rate", 1250)),
	}
	if s.Ports < 1 || s.Ports > 24 {
		d.fail(m.get("ports"), path+".ports", "%d ports: a zl module has 1 to 24", s.Ports)
	}
	m.done()
	return s
}

func (p *parse) logEntry(n *yaml.Node, path string) model.LogEntry {
	d := p.d
	m := d.mapping(n, path)
	e := model.LogEntry{Time: m.when("time")}
	if m.has("msg") {
		name := m.str("msg", "")
		msg, ok := model.ParseMsg(name)
		if !ok || msg == model.MsgLiteral {
			d.fail(m.get("msg"), path+".msg", "unknown message %q", name)
		}
		e.Msg = msg
		e.Module = m.integer("module", 0)
		e.Args = m.strs("args")
	} else {
		e.Msg = model.MsgLiteral
		e.Severity = m.oneOf("severity", "I", "I", "W", "M", "D", "E")
		e.Code = m.integer("code", 0)
		e.Subsystem = m.str("subsystem", "system")
		e.Text = m.str("text", "")
	}
	m.done()
	return e
}

func (p *parse) timings(n *yaml.Node) model.Timings {
	t := model.DefaultTimings()
	m := p.d.mapping(n, "timings")
	t.ProfileWait = m.duration("profile-wait", t.ProfileWait)
	t.Load = m.duration("load", t.Load)
	t.Selftest = m.duration("selftest", t.Selftest)
	t.Finish = m.duration("finish", t.Finish)
	t.ROMUpdate = m.duration("rom-update", t.ROMUpdate)
	t.SlotInsert = m.duration("slot-insert", t.SlotInsert)
	t.SlotDownload = m.duration("slot-download", t.SlotDownload)
	t.SlotReady = m.duration("slot-ready", t.SlotReady)
	t.Takeover = m.duration("takeover", t.Takeover)
	t.ConfigSync = m.duration("config-sync", t.ConfigSync)
	t.TFTPTimeout = m.duration("tftp-timeout", t.TFTPTimeout)
	t.HeartbeatLoss = m.duration("heartbeat-loss", t.HeartbeatLoss)
	t.ShutdownGrace = m.duration("shutdown-grace", t.ShutdownGrace)
	t.OSSyncRate = int64(m.integer("os-sync-rate", int(t.OSSyncRate)))
	t.TFTPRate = int64(m.integer("tftp-rate", int(t.TFTPRate)))
	m.done()
	return t
}

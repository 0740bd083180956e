// Package scenario reads a chassis description from YAML: hostname,
// modules and the software in their flash banks, roles, redundancy
// setting, users, failover history, the clock's start, seeded event-log
// entries and crash records. Every error names the file, line and field.
package scenario

import (
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

// Profiles finds a vendor's profile by the name a scenario's "vendor:"
// gives ("" when it gives none: the default vendor).
type Profiles func(vendor string) (*model.Profile, error)

// Load reads a scenario file; flash images named by version are looked up
// in cat, and the vendor's defaults in profiles.
func Load(path string, cat *Catalog, profiles Profiles) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, cat, profiles)
}

// Parse reads a scenario from YAML text in two phases: its "vendor:"
// first, then everything else with that vendor's defaults.
func Parse(file string, data []byte, cat *Catalog, profiles Profiles) (*Scenario, error) {
	if cat == nil {
		cat = Builtin()
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, YAMLError(file, err)
	}
	d := &Decoder{file: file}
	top := d.Mapping(&root, "")
	name := top.Str("vendor", "")
	platform := top.Str("platform", "")
	if d.err != nil {
		return nil, d.err
	}
	prof, err := profiles(name)
	if err != nil {
		d.Fail(top.Get("vendor"), "vendor", "%v", err)
		return nil, d.err
	}
	// one of the vendor's chassis ("platform: qfx5100")
	if prof, err = prof.ForPlatform(platform); err != nil {
		d.Fail(top.Get("platform"), "platform", "%v", err)
		return nil, d.err
	}
	p := &parse{d: d, cat: cat, prof: prof, def: prof.Defaults}
	s := p.scenario(top)
	if d.err != nil {
		return nil, d.err
	}
	s.File = file
	return s, nil
}

type parse struct {
	d    *Decoder
	cat  *Catalog
	prof *model.Profile
	def  model.Defaults
}

var numberWords = []string{"no", "one", "two", "three", "four"}

// count words a small number as errors say it ("two").
func count(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return fmt.Sprint(n)
}

func (p *parse) scenario(top *Map) *Scenario {
	d := p.d
	def := p.def
	s := &Scenario{Vendor: p.prof.Vendor}
	s.Clock = top.When("clock")
	c := &model.Chassis{NextActive: -1, Profile: p.prof, Options: map[string]string{}}
	s.Chassis = c

	ch := d.Mapping(top.Get("chassis"), "chassis")
	c.Info = model.Info{
		Name:    ch.Str("name", def.Info.Name),
		Product: ch.Str("product", def.Info.Product),
		Model:   ch.Str("model", def.Info.Model),
		Serial:  ch.Str("serial", def.Info.Serial),
		BaseMAC: ch.Str("base-mac", def.Info.BaseMAC),
	}
	c.SSM = p.hardware(d.Mapping(ch.Get("ssm"), "chassis.ssm"), def.Support)
	ch.Done()

	opts := d.Mapping(top.Get("options"), "options")
	if n := opts.Node(); n != nil {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			v, ok := opts.Scalar(k)
			if ok {
				c.Options[k] = v.Value
			}
		}
	}
	opts.Done()

	us := d.Mapping(top.Get("users"), "users")
	mg := d.Mapping(us.Get("manager"), "users.manager")
	op := d.Mapping(us.Get("operator"), "users.operator")
	c.Credentials = model.Credentials{
		ManagerUser: mg.Str("user", def.ManagerUser), ManagerPassword: mg.Str("password", ""),
		OperatorUser: op.Str("user", def.OperatorUser), OperatorPassword: op.Str("password", ""),
	}
	mg.Done()
	op.Done()
	us.Done()

	base := p.config(top.Get("config"), "config")
	if v := top.Get("redundancy"); v != nil {
		base.RedundancyDisabled = top.OneOf("redundancy", "enabled", "enabled", "disabled") == "disabled"
	}
	c.Failovers = top.Integer("failovers", 0)
	c.LastFailover = top.When("last-failover")
	switch na := top.Str("next-active", ""); na {
	case "":
	case "1", "2":
		c.NextActive = int(na[0] - '1')
	default:
		d.Fail(top.Get("next-active"), "next-active", "%q is not 1 or 2", na)
	}
	c.HostKeys = 1
	if !top.Boolean("host-keys", true) {
		c.HostKeys = 0
	}

	nmods := def.Modules
	if nmods == 0 {
		nmods = 2
	}
	mods := top.List("modules")
	if mods == nil {
		mods = make([]*yaml.Node, nmods)
	}
	if len(mods) != nmods {
		d.Fail(top.Get("modules"), "modules", "%s has %s management module slots, not %d", def.Called, count(nmods), len(mods))
	}
	for i, n := range mods {
		c.Modules = append(c.Modules, p.module(n, i, base))
	}

	fabs := top.List("fabrics")
	if fabs == nil {
		fabs = make([]*yaml.Node, def.Fabrics)
	}
	for i, n := range fabs {
		path := fmt.Sprintf("fabrics[%d]", i)
		m := d.Mapping(n, path)
		f := &model.Fabric{Number: i + 1, Present: m.Boolean("present", true)}
		hw := def.Fabric
		if def.FabricSerial != nil {
			hw.Serial = def.FabricSerial(i)
		}
		f.Hardware = p.hardware(m, hw)
		m.Done()
		c.Fabrics = append(c.Fabrics, f)
	}
	if len(c.Fabrics) != def.Fabrics {
		d.Fail(top.Get("fabrics"), "fabrics", "%s has %s fabric module slots", def.Called, count(def.Fabrics))
	}

	for i, n := range top.List("slots") {
		if i >= len(def.SlotNames) {
			d.Fail(top.Get("slots"), "slots", "%s has %s", def.Called, def.SlotsCalled)
			break
		}
		c.Slots = append(c.Slots, p.slot(n, i))
	}
	for i := len(c.Slots); i < len(def.SlotNames); i++ {
		c.Slots = append(c.Slots, &model.LineCard{Name: def.SlotNames[i]})
	}

	for i, n := range top.List("log") {
		c.Log = append(c.Log, p.logEntry(n, fmt.Sprintf("log[%d]", i)))
	}
	s.Unreachable = d.Mapping(top.Get("tftp"), "tftp").StrsDone("unreachable")
	c.Timings = p.timings(top.Get("timings"))
	top.Done()
	return s
}

func (p *parse) hardware(m *Map, def model.Hardware) model.Hardware {
	return model.Hardware{
		Product:     m.Str("product", def.Product),
		Description: m.Str("description", def.Description),
		Serial:      m.Str("serial", def.Serial),
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
	m := d.Mapping(n, path)
	def := "active"
	if i > 0 {
		def = "standby"
	}
	stName := m.OneOf("state", def, "active", "standby", "warm-standby", "offline", "offline-incompatible", "failed", "shutdown", "absent")
	hw := p.def.Module
	if p.def.ModuleSerial != nil {
		hw.Serial = p.def.ModuleSerial(i)
	}
	mod := &model.Module{
		Slot:     i + 1,
		Present:  stName != "absent",
		State:    stateNames[stName],
		Hardware: p.hardware(m, hw),
	}
	if n := m.Get("rom"); n != nil {
		mod.ROM = d.rom(n, path+".rom")
		// a ROM given by its version alone is completed from the images
		// that carry it (build directory, date, number)
		if r, ok := p.cat.ROM(mod.ROM.Version); ok && mod.ROM.Dir == "" && mod.ROM.Built.IsZero() {
			mod.ROM = r
		}
	}
	fl := d.Mapping(m.Get("flash"), path+".flash")
	for b, key := range []string{"primary", "secondary"} {
		mod.Flash[b] = p.flashImage(fl, key, path+".flash."+key, p.def.Flash[b])
	}
	fl.Done()
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
		d.Fail(m.Get("booted"), path+".booted", "the %s flash is empty", mod.BootedBank)
	}
	// A module may keep a config of its own (one that was not synced
	// while redundancy was disabled, as in Figure 15-6).
	cf := base
	if v := m.Get("config"); v != nil {
		cf = p.config(v, path+".config")
	}
	file := p.def.ConfigFile
	mod.Configs = map[string]*model.Config{file: cf.Clone()}
	mod.BankConfig = [2]string{file, file}
	mod.EverBooted = m.Boolean("ever-booted", mod.Present)
	mod.LastActive = m.Boolean("last-active", mod.State == model.Active)
	mod.ActiveAt = m.When("active-at")
	mod.SelftestFailures = m.Integer("selftest-failures", 0)
	mod.HardwareFault = m.Boolean("hardware-fault", false)
	for j, cn := range m.List("crashes") {
		cp := fmt.Sprintf("%s.crashes[%d]", path, j)
		cm := d.Mapping(cn, cp)
		r := model.CrashRecord{Time: cm.When("time")}
		switch cm.OneOf("mode", "active", "active", "standby") {
		case "active":
			r.State = model.Active
		default:
			r.State = model.Standby
		}
		cause := cm.Str("cause", "warm-reload")
		var ok bool
		if r.Cause, ok = model.ParseCause(cause); !ok {
			d.Fail(cm.Get("cause"), cp+".cause", "unknown cause %q", cause)
		}
		r.Origin = model.Origin{Session: cm.Str("session", "CONSOLE")}
		cm.Done()
		mod.Crashes = append(mod.Crashes, r)
	}
	m.Done()
	return mod
}

func (p *parse) bank(m *Map, key, path string) model.Bank {
	s := m.OneOf(key, "primary", "primary", "secondary")
	b, _ := model.ParseBank(s)
	return b
}

// flashImage reads a flash bank: a version from the images catalog, an
// inline image, or "empty".
func (p *parse) flashImage(fl *Map, key, path, def string) *model.Image {
	n := fl.Get(key)
	if n == nil {
		return p.cat.Find(p.prof.Platform, def)
	}
	if n.Kind == yaml.ScalarNode {
		if n.Value == "empty" {
			return nil
		}
		im := p.cat.Find(p.prof.Platform, n.Value)
		if im == nil {
			p.d.Fail(n, path, "no image of version %q in the images catalog", n.Value)
		}
		return im
	}
	m := p.d.Mapping(n, path)
	im := p.d.image(m, path)
	m.Done()
	return im
}

func (p *parse) config(n *yaml.Node, path string) *model.Config {
	d := p.d
	m := d.Mapping(n, path)
	cf := &model.Config{
		Hostname:      m.Str("hostname", p.def.Hostname),
		MOTD:          m.Str("motd", ""),
		Contact:       m.Str("contact", ""),
		Location:      m.Str("location", ""),
		SNMPCommunity: m.Str("snmp-community", p.def.SNMPCommunity),
		Fastboot:      m.Boolean("fastboot", false),
		SavedAt:       m.When("saved"),
		SavedBy:       m.Str("saved-by", ""),
		Tree:          d.tree(m.Get("tree"), path+".tree"),
	}
	cf.RedundancyDisabled = m.OneOf("redundancy", "enabled", "enabled", "disabled") == "disabled"
	for _, f := range m.Ints("fabric-disabled") {
		if f < 1 || f > len(cf.FabricDisabled) || f > p.def.Fabrics {
			d.Fail(m.Get("fabric-disabled"), path+".fabric-disabled", "fabric %d does not exist", f)
			continue
		}
		cf.FabricDisabled[f-1] = true
	}
	con := d.Mapping(m.Get("console"), path+".console")
	cf.Console = model.Console{
		Baud: con.Str("baud-rate", ""), FlowControl: con.Str("flow-control", ""),
		Terminal: con.Str("terminal", ""), Inactivity: con.Integer("inactivity-timer", 0),
	}
	con.Done()
	vl := m.List("vlans")
	if vl == nil {
		cf.VLANs = []model.VLAN{{ID: 1, Name: p.def.DefaultVLAN, IP: p.def.DefaultVLANIP}}
	}
	for i, vn := range vl {
		vp := fmt.Sprintf("%s.vlans[%d]", path, i)
		vm := d.Mapping(vn, vp)
		v := model.VLAN{ID: vm.Integer("id", 0), Name: vm.Str("name", ""), IP: vm.Str("ip", "")}
		if v.ID < 1 || v.ID > 4094 {
			d.Fail(vn, vp+".id", "VLAN id %d is not in 1-4094", v.ID)
		}
		if v.Name == "" {
			v.Name = p.prof.VLANName(v.ID)
		}
		v.Untagged = p.ports(vm, "untagged")
		v.Tagged = p.ports(vm, "tagged")
		vm.Done()
		cf.VLANs = append(cf.VLANs, v)
	}
	if cf.VLAN(1) == nil {
		d.Fail(m.Get("vlans"), path+".vlans", "VLAN 1 (%s) must exist", p.def.DefaultVLAN)
	}
	p.configText(m, cf, path)
	m.Done()
	return cf
}

// ports reads a port list such as "A1-A3,B2" (its syntax; the ports are
// checked against the chassis when used).
func (p *parse) ports(m *Map, key string) []string {
	v, ok := m.Scalar(key)
	if !ok || strings.TrimSpace(v.Value) == "" {
		return nil
	}
	ports, bad := p.prof.SplitPorts(v.Value)
	if bad != "" {
		p.d.Fail(v, m.Field(key), "%q is not a port or a range of ports of one slot", bad)
	}
	return ports
}

func (p *parse) slot(n *yaml.Node, i int) *model.LineCard {
	d := p.d
	def := p.def
	path := fmt.Sprintf("slots[%d]", i)
	m := d.Mapping(n, path)
	name := m.Str("slot", def.SlotNames[i])
	if name != def.SlotNames[i] {
		d.Fail(m.Get("slot"), path+".slot", "slots are listed in order: expected %s, got %q", def.SlotNames[i], name)
	}
	hw := def.Slot.Hardware
	if def.SlotSerial != nil {
		hw.Serial = def.SlotSerial(i)
	}
	s := &model.LineCard{
		Name:     name,
		Present:  m.Boolean("present", true),
		Hardware: p.hardware(m, hw),
		Ports:    m.Integer("ports", def.Slot.Ports),
		PortType: m.Str("port-type", def.Slot.PortType),
		LinkUp:   m.Ints("link-up"),
		Rate:     int64(m.Integer("rate", int(def.Slot.Rate))),
	}
	if s.Ports < 1 || s.Ports > def.MaxPorts {
		d.Fail(m.Get("ports"), path+".ports", "%d ports: %s has 1 to %d", s.Ports, def.CardCalled, def.MaxPorts)
	}
	m.Done()
	return s
}

func (p *parse) logEntry(n *yaml.Node, path string) model.LogEntry {
	d := p.d
	m := d.Mapping(n, path)
	e := model.LogEntry{Time: m.When("time")}
	if m.Has("msg") {
		name := m.Str("msg", "")
		msg, ok := model.ParseMsg(name)
		if !ok || msg == model.MsgLiteral {
			d.Fail(m.Get("msg"), path+".msg", "unknown message %q", name)
		}
		e.Msg = msg
		e.Module = m.Integer("module", 0)
		e.Args = m.Strs("args")
	} else {
		e.Msg = model.MsgLiteral
		e.Severity = m.OneOf("severity", "I", "I", "W", "M", "D", "E")
		e.Code = m.Integer("code", 0)
		e.Subsystem = m.Str("subsystem", "system")
		e.Text = m.Str("text", "")
	}
	m.Done()
	return e
}

func (p *parse) timings(n *yaml.Node) model.Timings {
	t := p.prof.Timings
	m := p.d.Mapping(n, "timings")
	t.ProfileWait = m.Duration("profile-wait", t.ProfileWait)
	t.Load = m.Duration("load", t.Load)
	t.Selftest = m.Duration("selftest", t.Selftest)
	t.Finish = m.Duration("finish", t.Finish)
	t.ROMUpdate = m.Duration("rom-update", t.ROMUpdate)
	t.SlotInsert = m.Duration("slot-insert", t.SlotInsert)
	t.SlotDownload = m.Duration("slot-download", t.SlotDownload)
	t.SlotReady = m.Duration("slot-ready", t.SlotReady)
	t.Takeover = m.Duration("takeover", t.Takeover)
	t.ConfigSync = m.Duration("config-sync", t.ConfigSync)
	t.TFTPTimeout = m.Duration("tftp-timeout", t.TFTPTimeout)
	t.HeartbeatLoss = m.Duration("heartbeat-loss", t.HeartbeatLoss)
	t.OSSyncRate = int64(m.Integer("os-sync-rate", int(t.OSSyncRate)))
	t.TFTPRate = int64(m.Integer("tftp-rate", int(t.TFTPRate)))
	t.InstallRate = int64(m.Integer("install-rate", int(t.InstallRate)))
	m.Done()
	return t
}

package junos

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The show commands, rendered from the chassis model.

// versionBlock is one RE's show version.
func versionBlock(c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil || m.Running == nil {
		return ""
	}
	host := ""
	if cf := c.Committed(i); cf != nil {
		host = cf.Hostname
	}
	return fmt.Sprintf(tx.VersionHead, host, c.Info.Model, m.Running.Version) + packages(c, m.Running.Version)
}

// packages is the package list of a release (rendered once per platform
// and release: show version is what load generators run).
func packages(c *model.Chassis, version string) string {
	list := tx.Packages
	if vcMember(c) {
		list = tx.QFXPackages
	}
	key := c.Profile.Platform + " " + version
	if p, ok := packageCache.Load(key); ok {
		return p.(string)
	}
	p := fmt.Sprintf(list, version)
	packageCache.Store(key, p)
	return p
}

var packageCache sync.Map

// showVersion is show version: this RE's block, or every running RE's
// under its name.
func showVersion(c *model.Chassis, sh *Shell, all bool) string {
	if vcMember(c) {
		// a virtual-chassis member prints its FPC's block, standalone too
		return fmt.Sprintf(tx.VCHeader, memberID) + "\n" + tx.REDashes + "\n" + versionBlock(c, sh.s.Module)
	}
	if !all {
		return versionBlock(c, sh.s.Module)
	}
	var blocks []string
	for i, m := range c.Modules {
		if !m.Present || m.Running == nil || !running(m.State) {
			continue
		}
		blocks = append(blocks, fmt.Sprintf(tx.REHeader, c.Profile.ModuleLabel(i))+"\n"+tx.REDashes+"\n"+versionBlock(c, i))
	}
	return strings.Join(blocks, "\n")
}

func hwRow(item, version, part, serial, desc string) string {
	return strings.TrimRight(fmt.Sprintf(tx.HardwareRow, item, version, part, serial, desc), " ") + "\n"
}

// hwFixed is a registered row ("item|version|part|serial|description").
func hwFixed(row string, args ...any) string {
	r := fixedRow(row, args...)
	return hwRow(r.item, r.version, r.part, r.serial, r.desc)
}

// showHardware is show chassis hardware: the chassis, its REs, CBs and
// FPCs as the model holds them.
func showHardware(c *model.Chassis) string {
	if vcMember(c) {
		return qfxHardware(c)
	}
	var b strings.Builder
	b.WriteString(tx.HardwareHead)
	b.WriteString(hwRow("Chassis", "", "", c.Info.Serial, c.Info.Name))
	b.WriteString(hwFixed(tx.HWMidplane))
	b.WriteString(hwFixed(tx.HWFPM))
	for i := 0; i < 2; i++ {
		b.WriteString(hwFixed(tx.HWPEM, i, i+1))
	}
	for i, m := range c.Modules {
		if !m.Present {
			continue
		}
		b.WriteString(hwRow(fmt.Sprintf("Routing Engine %d", i), "REV 03", m.Hardware.Product, m.Hardware.Serial, m.Hardware.Description))
	}
	for i, f := range c.Fabrics {
		if !f.Present {
			continue
		}
		rev := "REV 07"
		if i == 1 {
			rev = "REV 08"
		}
		b.WriteString(hwRow(fmt.Sprintf("CB %d", i), rev, f.Hardware.Product, f.Hardware.Serial, f.Hardware.Description))
	}
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		b.WriteString(hwRow("FPC "+s.Name, "REV 24", s.Hardware.Product, s.Hardware.Serial, s.Hardware.Description))
		b.WriteString(hwFixed(tx.HWCPU))
		b.WriteString(hwFixed(tx.HWMIC))
		for pic := 0; pic*10 < s.Ports; pic++ {
			b.WriteString(hwFixed(tx.HWPIC, pic))
			for x := 0; x < 10 && pic*10+x < s.Ports; x++ {
				if containsInt(s.LinkUp, pic*10+x+1) {
					b.WriteString(hwFixed(tx.HWXcvr, x, 3300+pic*10+x))
				}
			}
		}
	}
	b.WriteString(hwFixed(tx.HWFan))
	return b.String()
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// durationWords is "5 days, 3 hours, 24 minutes, 13 seconds".
func durationWords(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	days, hours, mins, secs := s/86400, s/3600%24, s/60%60, s%60
	plural := func(n int64, w string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, w)
		}
		return fmt.Sprintf("%d %ss", n, w)
	}
	var parts []string
	if days > 0 {
		parts = append(parts, plural(days, "day"))
	}
	if days > 0 || hours > 0 {
		parts = append(parts, plural(hours, "hour"))
	}
	if days > 0 || hours > 0 || mins > 0 {
		parts = append(parts, plural(mins, "minute"))
	}
	parts = append(parts, plural(secs, "second"))
	return strings.Join(parts, ", ")
}

// showRoutingEngine is show chassis routing-engine: each running RE.
func showRoutingEngine(c *model.Chassis) string {
	var b strings.Builder
	var configured map[int]string
	if cf := c.Running; cf != nil {
		configured = map[int]string{}
		if r := model.FindStmt(cf.Tree, "chassis", "redundancy"); r != nil {
			for _, s := range r.Kids {
				var slot int
				if n, _ := fmt.Sscanf(s.Key, "routing-engine %d", &slot); n == 1 {
					configured[slot] = s.Value
				}
			}
		}
	}
	for i, m := range c.Modules {
		if !m.Present || !running(m.State) {
			continue
		}
		state := "Master"
		if m.State != model.Active {
			state = "Backup"
		}
		prio := "Master (default)"
		if i > 0 {
			prio = "Backup (default)"
		}
		if r, ok := configured[i]; ok && r != "" {
			prio = strings.ToUpper(r[:1]) + r[1:]
		}
		if vcMember(c) {
			// no fixed roles: an ISSR makes either slot the master
			prio = state + " (default)"
		}
		mem, user, kern, intr, idle := 19, 3, 11, 4, 82
		load := [3]string{"0.22", "0.26", "0.23"}
		if state == "Backup" {
			mem, user, kern, intr, idle = 8, 0, 0, 0, 99
			load = [3]string{"0.00", "0.00", "0.00"}
		}
		fmt.Fprintf(&b, tx.RESlot, i, state, prio, mem, user, kern, intr, idle, m.Hardware.Description, m.Hardware.Serial,
			stamp(m.UpSince), durationWords(c.Now().Sub(m.UpSince)), tx.RebootReason, load[0], load[1], load[2])
	}
	return b.String()
}

// ago is "(22w0d 19:16 ago)"'s inside: weeks and days, then hours and
// minutes, or hours:minutes:seconds under a day.
func ago(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	days := s / 86400
	h, m, sec := s/3600%24, s/60%60, s%60
	switch {
	case days >= 7:
		return fmt.Sprintf("%dw%dd %02d:%02d", days/7, days%7, h, m)
	case days > 0:
		return fmt.Sprintf("%dd %02d:%02d", days, h, m)
	}
	return fmt.Sprintf("%02d:%02d:%02d", h, m, sec)
}

// upLine is " 8:48AM  up 154 days, 19:16, 2 users, load averages: ...".
func upLine(c *model.Chassis, since time.Time, users int) string {
	now := c.Now().UTC()
	clock := fmt.Sprintf("%2d:%02d%s", (now.Hour()+11)%12+1, now.Minute(), map[bool]string{true: "PM", false: "AM"}[now.Hour() >= 12])
	d := now.Sub(since)
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	days, h, m := s/86400, s/3600%24, s/60%60
	var up string
	switch {
	case days > 0 && (h > 0 || m > 0):
		up = fmt.Sprintf("%d day%s, %2d:%02d", days, map[bool]string{true: "", false: "s"}[days == 1], h, m)
	case days > 0:
		up = fmt.Sprintf("%d day%s", days, map[bool]string{true: "", false: "s"}[days == 1])
	case h > 0:
		up = fmt.Sprintf("%d:%02d", h, m)
	default:
		up = fmt.Sprintf("%d min%s", m, map[bool]string{true: "", false: "s"}[m == 1])
	}
	return fmt.Sprintf(tx.UptimeLine, clock, up, users, "users", "0.22, 0.26, 0.23")
}

// showUptime is show system uptime for this RE.
func showUptime(c *model.Chassis, sh *Shell, users int) string {
	m := c.Module(sh.s.Module)
	if m == nil {
		return ""
	}
	now := c.Now()
	proto := m.UpSince.Add(63 * time.Second)
	if proto.After(now) {
		proto = now
	}
	ci := commitOf(c, sh.s.Module, c.Committed(sh.s.Module))
	confAt, confBy := ci.Time, ci.User
	return fmt.Sprintf(tx.UptimeText, stamp(now), stamp(m.UpSince), ago(now.Sub(m.UpSince)), stamp(proto), ago(now.Sub(proto)),
		stamp(confAt), ago(now.Sub(confAt)), confBy, upLine(c, m.UpSince, users))
}

// showUsers is show system users: the CLI sessions on this RE.
func showUsers(c *model.Chassis, sh *Shell, list []commands.User) string {
	m := c.Module(sh.s.Module)
	if m == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(upLine(c, m.UpSince, len(list)) + "\n")
	b.WriteString(tx.UsersHead)
	n := -1
	for _, s := range list {
		if s.Transport == "CONSOLE" {
			continue
		}
		n++
		if s.Module != sh.s.Module {
			continue
		}
		tty := fmt.Sprintf("pts/%d", n)
		if s.Transport == "CONSOLE" {
			tty = "d0"
		}
		at := s.Since.UTC()
		login := fmt.Sprintf("%d:%02d%s", (at.Hour()+11)%12+1, at.Minute(), map[bool]string{true: "PM", false: "AM"}[at.Hour() >= 12])
		fmt.Fprintf(&b, tx.UsersRow, s.User, tty, s.Peer, login, "-", "-cli")
	}
	return b.String()
}

// showCommits is show system commit: the RE's commit history.
func showCommits(c *model.Chassis, i int) string {
	m := c.Module(i)
	if m == nil {
		return ""
	}
	var b strings.Builder
	list := append([]*model.Config{m.Startup()}, m.Rollbacks...)
	for n, cf := range list {
		if cf == nil {
			continue
		}
		ci := commitOf(c, i, cf)
		if ci.Via == "" {
			ci.Via = "cli"
		}
		fmt.Fprintf(&b, tx.CommitLine, n, stamp(ci.Time), ci.User, ci.Via)
		if ci.Comment != "" {
			fmt.Fprintf(&b, tx.CommitComment, ci.Comment)
		}
	}
	return b.String()
}

// showReplication is show task replication.
func showReplication(c *model.Chassis, i int) string {
	state := "Disabled"
	if nsr(c.Committed(i)) {
		state = "Enabled"
	}
	mode := "Master"
	if m := c.Module(i); m != nil && m.State != model.Active {
		mode = "Backup"
	}
	return fmt.Sprintf(tx.TaskReplication, state, mode)
}

// ---- show interfaces terse ----

type ifLine struct {
	name, admin, link string
	fams              []famAddrs
}

type famAddrs struct {
	fam   string
	addrs []string
}

// interfacesOf lists an RE's interfaces: the FPC ports, the internal and
// management ports, the loopback, with the units and addresses the
// committed configuration gives them.
func interfacesOf(c *model.Chassis, i int) []ifLine {
	cf := c.Committed(i)
	var tree []*model.Stmt
	if cf != nil {
		tree = cf.Tree
	}
	ifs := model.FindStmt(tree, "interfaces")
	conf := func(name string) *model.Stmt {
		if ifs == nil {
			return nil
		}
		return ifs.Child(name)
	}
	var out []ifLine
	add := func(name string, up bool) {
		s := conf(name)
		admin, link := "up", "down"
		if up {
			link = "up"
		}
		if s != nil && s.Child("disable") != nil {
			admin, link = "down", "down"
		}
		out = append(out, ifLine{name: name, admin: admin, link: link})
		if s == nil {
			return
		}
		for _, u := range s.Kids {
			unit, ok := strings.CutPrefix(u.Key, "unit ")
			if !ok {
				continue
			}
			ua, ul := admin, link
			if u.Child("disable") != nil {
				ua, ul = "down", "down"
			}
			l := ifLine{name: name + "." + unit, admin: ua, link: ul}
			for _, f := range u.Kids {
				fam, ok := strings.CutPrefix(f.Key, "family ")
				if !ok {
					continue
				}
				fa := famAddrs{fam: fam}
				for _, a := range f.Kids {
					if addr, ok := strings.CutPrefix(a.Key, "address "); ok {
						fa.addrs = append(fa.addrs, addr)
					}
				}
				l.fams = append(l.fams, fa)
			}
			out = append(out, l)
		}
	}
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		for n := 1; n <= s.Ports; n++ {
			add(c.Profile.PortName(s, n), s.Status == "Up" && containsInt(s.LinkUp, n))
		}
	}
	// the internal Ethernet between the REs: 128.0.0.1 is the master,
	// 128.0.0.4/5 each RE (PyEZ's fixtures)
	master := c.Module(i) != nil && c.Module(i).State == model.Active
	own := fmt.Sprintf("128.0.0.%d/2", 4+i)
	if vcMember(c) {
		// a QFX5100's RE (a virtual machine) has them on bme0.0, with
		// its member's FPC (128.0.0.16 on member 0) and localre; em0 is
		// the management port
		out = append(out, qfxInternal(master, own)...)
		add("em0", true)
		out = append(out, ifLine{name: "em1", admin: "up", link: "down"})
		add("lo0", true)
		out = append(out, ifLine{name: "lo0.16384", admin: "up", link: "up", fams: []famAddrs{{fam: "inet", addrs: []string{"127.0.0.1"}}}})
		return out
	}
	em0 := famAddrs{fam: "inet", addrs: []string{"10.0.0.4/8"}}
	if master {
		em0.addrs = append(em0.addrs, "128.0.0.1/2", own)
	} else {
		em0.addrs = append(em0.addrs, "128.0.0.6/2", own)
	}
	out = append(out, ifLine{name: "em0", admin: "up", link: "up"},
		ifLine{name: "em0.0", admin: "up", link: "up", fams: []famAddrs{em0, {fam: "tnp", addrs: []string{fmt.Sprintf("0x%d", 4+i)}}}},
		ifLine{name: "em1", admin: "up", link: "down"})
	add("fxp0", true)
	add("lo0", true)
	out = append(out, ifLine{name: "lo0.16384", admin: "up", link: "up", fams: []famAddrs{{fam: "inet", addrs: []string{"127.0.0.1"}}}})
	return out
}

// showTerse is show interfaces terse [name].
func showTerse(c *model.Chassis, i int, only string) string {
	var b strings.Builder
	b.WriteString(tx.TerseHead)
	for _, l := range interfacesOf(c, i) {
		if only != "" && l.name != only && !strings.HasPrefix(l.name, only+".") {
			continue
		}
		if len(l.fams) == 0 {
			head := fmt.Sprintf("%-24s%-6s%s", l.name, l.admin, l.link)
			if strings.Contains(l.name, ".") {
				head = fmt.Sprintf("%-24s%-6s%-5s", l.name, l.admin, l.link)
				head = strings.TrimRight(head, " ")
			}
			b.WriteString(head + "\n")
			continue
		}
		for fi, f := range l.fams {
			lead := strings.Repeat(" ", 35)
			if fi == 0 {
				lead = fmt.Sprintf("%-24s%-6s%-5s", l.name, l.admin, l.link)
			}
			if len(f.addrs) == 0 {
				b.WriteString(lead + f.fam + "\n")
				continue
			}
			for ai, a := range f.addrs {
				local := a
				if strings.HasPrefix(l.name, "lo0") && !strings.Contains(a, "/") || strings.HasSuffix(a, "/32") && strings.HasPrefix(l.name, "lo0") {
					local = fmt.Sprintf("%-20s--> 0/0", strings.TrimSuffix(a, "/32"))
				}
				if ai == 0 {
					b.WriteString(fmt.Sprintf("%s%-9s%s\n", lead, f.fam, local))
				} else {
					b.WriteString(strings.Repeat(" ", 44) + local + "\n")
				}
			}
		}
	}
	return b.String()
}

// ---- show log messages ----

// showLog renders the log as /var/log/messages lines.
func showLog(c *model.Chassis) string {
	host := ""
	if c.Running != nil {
		host = c.Running.Hostname
	}
	var b strings.Builder
	for _, e := range c.Log {
		var proc, text string
		switch e.Msg {
		case model.MsgLiteral:
			proc, text = e.Subsystem, e.Text
		case model.MsgActive:
			proc, text = "chassisd[1504]", fmt.Sprintf(tx.LogMastership, e.Module-1)
		case model.MsgStandby:
			proc, text = "chassisd[1504]", fmt.Sprintf(tx.LogBackup, e.Module-1)
		default:
			continue
		}
		if proc == "" {
			proc = "mgd"
		}
		fmt.Fprintf(&b, tx.LogLine+"\n", e.Time.UTC().Format("Jan _2 15:04:05"), host, proc, text)
	}
	return b.String()
}

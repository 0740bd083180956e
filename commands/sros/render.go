package sros

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/sros"
)

// Every table is 79 wide: "=" rules around the title, a "-" rule under
// the column heads (all captures, FACTS 0).

func title(b *strings.Builder, name string) {
	b.WriteString("\n" + tx.Rule79 + "\n" + name + "\n" + tx.Rule79 + "\n")
}

// pacific is the zone abbreviation of a build time in Mountain View:
// PDT from the second Sunday of March to the first Sunday of November.
func pacific(t time.Time) string {
	y := t.Year()
	start := nthSunday(y, time.March, 2).Add(2 * time.Hour)
	end := nthSunday(y, time.November, 1).Add(2 * time.Hour)
	if !t.Before(start) && t.Before(end) {
		return "PDT"
	}
	return "PST"
}

func nthSunday(y int, m time.Month, n int) time.Time {
	d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}

// versionText is the three lines show version prints for an image (the
// release's build time is its catalog date, Pacific time), rendered once
// per release.
func versionText(im *model.Image) string {
	if im == nil {
		return ""
	}
	key := versionKey{im.Version, im.Stamp, im.Built}
	if v, ok := versions.Load(key); ok {
		return v.(string)
	}
	built := im.Built.Format("Mon Jan 2 15:04:05 ") + pacific(im.Built) + im.Built.Format(" 2006")
	v := fmt.Sprintf(tx.VersionTop, im.Version, im.Built.Year(), built, im.Stamp)
	versions.Store(key, v)
	return v
}

type versionKey struct {
	version, stamp string
	built          time.Time
}

// versions caches versionText (a catalog has a handful of releases).
var versions sync.Map

// when is a time as SR OS tables write it, "N/A" for none.
func when(t time.Time) string {
	if t.IsZero() {
		return "N/A"
	}
	return t.UTC().Format("2006/01/02 15:04:05")
}

func showVersion(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		if a := c.Active(); a != nil {
			return versionText(a.Running)
		}
		return ""
	})
}

// uptime is "0 days, 00:23:20.59 (hr:min:sec)".
func uptime(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	days := int(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	h := int(d / time.Hour)
	d -= time.Duration(h) * time.Hour
	m := int(d / time.Minute)
	d -= time.Duration(m) * time.Minute
	s := int(d / time.Second)
	d -= time.Duration(s) * time.Second
	return fmt.Sprintf("%d days, %02d:%02d:%02d.%02d (hr:min:sec)", days, h, m, s, int(d/(10*time.Millisecond)))
}

// wrap fills words into lines of at most width characters; lines after
// the first start with indent.
func wrap(text string, first, indent, width int) string {
	var b strings.Builder
	col := first
	fresh := true
	for _, w := range strings.Fields(text) {
		if !fresh && col+1+len(w) > width {
			b.WriteString("\n" + strings.Repeat(" ", indent))
			col = indent
			fresh = true
		}
		if !fresh {
			b.WriteString(" ")
			col++
		}
		b.WriteString(w)
		col += len(w)
		fresh = false
	}
	return b.String()
}

// option is a scenario setting of the chassis, or def.
func option(c *model.Chassis, key, def string) string {
	if v, ok := c.Options[key]; ok && v != "" {
		return v
	}
	return def
}

// Scenario settings (options:) the SR OS renders read.
const (
	optAddress        = "bof-address"
	optStandbyAddress = "bof-standby-address"
	optStaticRoute    = "bof-static-route"
	optGenerated      = "config-generated" // when the scenario's config.cfg was written
)

func showSystemInformation(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		a := c.Active()
		if a == nil || c.Running == nil {
			return ""
		}
		cf := c.Running
		var b strings.Builder
		title(&b, "System Information")
		f := func(label, value string) { b.WriteString(fmt.Sprintf("%-23s: %s\n", label, value)) }
		f("System Name", cf.Hostname)
		f("System Type", c.Info.Model)
		f("Chassis Topology", "Standalone")
		f("System Version", "C-"+a.Running.Version)
		f("System Contact", cf.Contact)
		f("System Location", cf.Location)
		f("System Coordinates", "")
		f("System Active Slot", label(c, c.Index(a)))
		f("System Up Time", uptime(c.Now().Sub(c.BootedAt)))
		b.WriteString(" \n")
		f("SNMP Port", "161")
		f("SNMP Engine ID", "0000197f00007066ff000000")
		f("SNMP Engine Boots", strconv.Itoa(c.Epoch+1))
		f("SNMP Max Message Size", "1500")
		f("SNMP Admin State", "Enabled")
		f("SNMP Oper State", "Enabled")
		f("SNMP Index Boot Status", "Not Persistent")
		f("SNMP Sync State", "OK")
		b.WriteString(" \n")
		f("Tel/Tel6/SSH/FTP Admin", "Enabled/Disabled/Enabled/Enabled")
		f("Tel/Tel6/SSH/FTP Oper", "Up/Down/Up/Up")
		b.WriteString(" \n")
		f("BOF Source", "cf3:")
		f("Image Source", a.BootedBank.String())
		f("Config Source", "primary")
		saved := a.Startup()
		if saved != nil {
			f("Last Booted Config File", `cf3:\`+configFile)
			header := strings.ReplaceAll(strings.TrimRight(configHeader(a.Running, savedAt(c, saved)), "\n"), "\n", " ")
			f("Last Boot Cfg Version", stamp(savedAt(c, saved)))
			f("Last Boot Config Header", wrap(header, 25, 25, 77))
			f("Last Boot Index Version", "N/A")
			f("Last Boot Index Header", wrap(header, 25, 25, 77))
		} else {
			f("Last Booted Config File", "N/A")
			f("Last Boot Cfg Version", "N/A")
			f("Last Boot Config Header", "N/A")
			f("Last Boot Index Version", "N/A")
			f("Last Boot Index Header", "N/A")
		}
		if savedSinceBoot(c, saved) {
			f("Last Saved Config", `cf3:\`+configFile)
			f("Time Last Saved", when(saved.Commit.Time))
		} else {
			f("Last Saved Config", "N/A")
			f("Time Last Saved", "N/A")
		}
		changes := "No"
		if c.Unsaved() {
			changes = "Yes"
		}
		f("Changes Since Last Save", changes)
		f("Max Cfg/BOF Backup Rev", "5")
		f("Cfg-OK Script", "N/A")
		f("Cfg-OK Script Status", "not used")
		f("Cfg-Fail Script", "N/A")
		f("Cfg-Fail Script Status", "not used")
		b.WriteString(" \n")
		f("Management IP Addr", option(c, optAddress, "N/A"))
		f("Primary DNS Server", "N/A")
		f("Secondary DNS Server", "N/A")
		f("Tertiary DNS Server", "N/A")
		f("DNS Domain", "(Not Specified)")
		f("DNS Resolve Preference", "ipv4-only")
		f("DNSSEC AD Validation", "False")
		f("DNSSEC Response Control", "drop")
		routes := "None"
		if r := option(c, optStaticRoute, ""); r != "" {
			routes = r
		}
		f("BOF Static Routes", routes)
		f("ATM Location ID", "01:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00")
		f("ATM OAM Retry Up", "2")
		f("ATM OAM Retry Down", "4")
		f("ATM OAM Loopback Period", "10")
		b.WriteString(" \n")
		f("ICMP Vendor Enhancement", "Disabled")
		f("Eth QinQ untagged SAP", "False")
		f("EFM OAM Grace Tx Enable", "False")
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

// configHeader is a config file's header: the software's three lines and
// the time it was generated, each line after "# ".
func configHeader(im *model.Image, t time.Time) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(versionText(im), "\n"), "\n") {
		b.WriteString("# " + l + "\n")
	}
	b.WriteString("# Generated " + stamp(t) + "\n")
	return b.String()
}

// cpmOper is a CPM's operational state in show card ("up/active").
func cpmOper(m *model.Module) string {
	switch {
	case !m.Present:
		return "down/standby"
	case m.State == model.Active:
		return "up/active"
	case m.State == model.Standby:
		return "up/standby"
	}
	return "down/standby"
}

// cardOper is an IOM's operational state.
func cardOper(s *model.LineCard) string {
	if s.Status == "Up" {
		return "up"
	}
	return "booting"
}

func showCard(x *ctx) error {
	state := x.Has("state")
	return x.Render(func(c *model.Chassis) string {
		var b strings.Builder
		if state {
			title(&b, "Card State")
			b.WriteString(tx.CardStateHeader)
			b.WriteString(tx.Dash79 + "\n")
			for _, s := range c.Slots {
				if !s.Present {
					continue
				}
				ms := mdas(s)
				b.WriteString(fmt.Sprintf("%-7s%-34s%-6s%-14s%-6s%-4s\n", s.Name, s.Hardware.Product, "up", cardOper(s), "", strconv.Itoa(len(ms))))
				for i, t := range ms {
					b.WriteString(fmt.Sprintf("%-7s%-34s%-6s%-14s%-6s%-4s\n", s.Name+"/"+strconv.Itoa(i+1), t, "up", cardOper(s), strconv.Itoa(mdaPorts[t]), ""))
				}
			}
			for i, m := range c.Modules {
				oper, comment := "up", "Standby"
				if m.State == model.Active {
					comment = "Active"
				}
				if !m.Present || (m.State != model.Active && m.State != model.Standby) {
					oper = "down"
				}
				b.WriteString(strings.TrimRight(fmt.Sprintf("%-7s%-34s%-6s%-14s%-6s%-4s%s", label(c, i), m.Hardware.Product, "up", oper, "", "", comment), " ") + "\n")
				if !m.Present {
					b.WriteString("           (not equipped)\n")
				}
			}
			b.WriteString(tx.Rule79 + "\n")
			return b.String()
		}
		title(&b, "Card Summary")
		b.WriteString(tx.CardHeader)
		b.WriteString(tx.Dash79 + "\n")
		for _, s := range c.Slots {
			if s.Present {
				b.WriteString(fmt.Sprintf("%-10s%-41s%-6s%s\n", s.Name, s.Hardware.Product, "up", cardOper(s)))
			}
		}
		for i, m := range c.Modules {
			b.WriteString(fmt.Sprintf("%-10s%-41s%-6s%s\n", label(c, i), m.Hardware.Product, "up", cpmOper(m)))
			if !m.Present {
				b.WriteString("              (not equipped)\n")
			}
		}
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

func showMDA(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		var b strings.Builder
		title(&b, "MDA Summary")
		b.WriteString(tx.MDAHeader)
		b.WriteString(tx.Dash79 + "\n")
		for _, s := range c.Slots {
			if !s.Present {
				continue
			}
			for i, t := range mdas(s) {
				b.WriteString(fmt.Sprintf("%-6s%-6s%-44s%-10s%s\n", s.Name, strconv.Itoa(i+1), t, "up", cardOper(s)))
			}
		}
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

// bofLines are a CPM's boot options, as show bof and bof.cfg write them.
func bofLines(c *model.Chassis, m *model.Module) string {
	var b strings.Builder
	f := func(k, v string) {
		if v == "" {
			b.WriteString("    " + k + "\n")
			return
		}
		b.WriteString(fmt.Sprintf("    %-17s%s\n", k, v))
	}
	if m.Flash[model.Primary] != nil {
		f("primary-image", imageDir(m.Flash[model.Primary]))
	}
	if m.Flash[model.Secondary] != nil {
		f("secondary-image", imageDir(m.Flash[model.Secondary]))
	}
	f("primary-config", `cf3:\`+m.BankConfig[model.Primary])
	if a := option(c, optAddress, ""); a != "" {
		f("address", a+" active")
	}
	if a := option(c, optStandbyAddress, ""); a != "" {
		f("address", a+" standby")
	}
	if r := option(c, optStaticRoute, ""); r != "" {
		f("static-route", r)
	}
	f("autonegotiate", "")
	f("duplex", "full")
	f("speed", "100")
	f("wait", "3")
	f("persist", "off")
	f("no li-local-save", "")
	f("no li-separate", "")
	f("console-speed", "115200")
	return b.String()
}

func showBOF(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		a := c.Active()
		if a == nil {
			return ""
		}
		var b strings.Builder
		title(&b, "BOF (Memory)")
		b.WriteString(bofLines(c, a))
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

// failoverReason is why the last switchover happened, from the crash
// record the old active saved then.
func failoverReason(c *model.Chassis) string {
	if c.LastFailover.IsZero() {
		return "N/A"
	}
	// the record the old active saved as it stopped, the takeover's
	// moment or just before it
	var last *model.CrashRecord
	for _, m := range c.Modules {
		for i, r := range m.Crashes {
			if r.State == model.Active && !r.Time.After(c.LastFailover) && (last == nil || r.Time.After(last.Time)) {
				last = &m.Crashes[i]
			}
		}
	}
	if last == nil {
		return tx.FailoverRemoved
	}
	switch last.Cause {
	case model.CauseSwitchover, model.CauseColdReboot, model.CauseWarmReload:
		return tx.FailoverSwitchover
	case model.CauseResetButton:
		return tx.FailoverActiveReset
	case model.CauseHotswapOut:
		return tx.FailoverRemoved
	}
	return tx.FailoverActiveFail
}

func showRedundancySync(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		a := c.Active()
		if a == nil {
			return ""
		}
		s := c.Other(a)
		r := c.Synced()
		var b strings.Builder
		title(&b, tx.SyncTitle)
		f := func(label, value string) { b.WriteString(fmt.Sprintf("%-29s: %s\n", label, value)) }
		status, up := tx.SyncStandbyBooting, "N/A"
		switch {
		case s == nil || !s.Present:
			status = tx.SyncNotEquipped
		case r.Alarm != "":
			status = tx.SyncStandbyFailed
		case s.State == model.Standby:
			status = tx.SyncStandbyReady
		}
		if s != nil && s.Present && s.State == model.Standby {
			since := s.StandbySince
			if since.IsZero() {
				since = s.UpSince
			}
			up = when(since)
		}
		f("Standby Status", status)
		f("Last Standby Failure", when(r.LastFailure))
		f("Standby Up Time", up)
		f("Failover Time", when(c.LastFailover))
		f("Failover Reason", failoverReason(c))
		mode := tx.SyncModeBootEnv
		switch syncMode(c) {
		case syncConfig:
			mode = tx.SyncModeConfig
		case syncNone:
			mode = tx.SyncModeNone
		}
		f("Boot/Config Sync Mode", mode)
		sync := tx.SyncNone
		switch {
		case r.Alarm != "" && r.AlarmKind == model.SyncBootEnv:
			sync = tx.SyncFailedBootEnv
		case r.Alarm != "":
			sync = tx.SyncFailedConfig
		case c.Mismatch():
			sync = tx.SyncMismatch
		case c.BootEnvInSync():
			sync = tx.SyncAllBootEnv
		case c.ConfigInSync():
			sync = tx.SyncConfigOnly
		}
		f("Boot/Config Sync Status", sync)
		f("Last Config File Sync Time", when(r.ConfigAt))
		f("Last Boot Env Sync Time", when(r.BootEnvAt))
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

// logLine renders one log 99 event, or "" for a message log 99 does not
// show.
func logLine(c *model.Chassis, seq int, e model.LogEntry) string {
	lt, ok := tx.Log[e.Msg]
	if !ok {
		return ""
	}
	arg := func(i int) string {
		if i < len(e.Args) {
			return e.Args[i]
		}
		return ""
	}
	slot := func(n int) string { return label(c, n-1) }
	var subject, msg string
	switch e.Msg {
	case model.MsgSlotInserted:
		subject, msg = fmt.Sprintf(lt.Subject, arg(0)), lt.Message
	case model.MsgUserSwitchover, model.MsgFailover:
		// e.Module is the new active; the subject is the one that stopped
		old := 3 - e.Module
		subject, msg = fmt.Sprintf(lt.Subject, slot(old)), fmt.Sprintf(lt.Message, slot(e.Module))
	case model.MsgSyncFailed, model.MsgSyncAlarmClear:
		kind := tx.KindConfig
		if arg(0) == model.SyncBootEnv.String() {
			kind = tx.KindBootEnv
		}
		fault := tx.FaultFull
		if arg(1) == model.FlashRemoved {
			fault = tx.FaultRemoved
		}
		subject = fmt.Sprintf(lt.Subject, slot(e.Module))
		if e.Msg == model.MsgSyncFailed {
			msg = fmt.Sprintf(lt.Message, slot(e.Module), fault, kind)
		} else {
			msg = fmt.Sprintf(lt.Message, kind)
		}
	default:
		subject, msg = fmt.Sprintf(lt.Subject, slot(e.Module)), lt.Message
	}
	t := e.Time.UTC()
	ts := t.Format("2006/01/02 15:04:05") + fmt.Sprintf(".%02d", t.Nanosecond()/1e7)
	return fmt.Sprintf("%d %s UTC %s: %s #%d Base %s\n%q\n\n", seq, ts, lt.Severity, lt.Application, lt.ID, subject, msg)
}

func showLog(x *ctx) error {
	id := x.val("ID")
	if id != "99" {
		return x.Fail(tx.InvalidParameter)
	}
	return x.Render(func(c *model.Chassis) string {
		var lines []string
		for _, e := range c.Log {
			if l := logLine(c, len(lines)+1, e); l != "" {
				lines = append(lines, l)
			}
		}
		const size = 500
		wrapped := "not wrapped"
		if len(lines) > size {
			wrapped = "wrapped"
		}
		var b strings.Builder
		title(&b, "Event Log 99")
		b.WriteString(fmt.Sprintf(tx.LogDescription, len(lines)+1, wrapped) + "\n")
		for i := len(lines) - 1; i >= 0 && i >= len(lines)-size; i-- {
			b.WriteString(lines[i])
		}
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

// portRow is one port of show port.
func portRow(id string, admin, link bool, mtu int, ptype, optic string) string {
	yn := func(v bool, y, n string) string {
		if v {
			return y
		}
		return n
	}
	row := fmt.Sprintf("%-14s%-6s%-5s%-8s%-5d%-5d%4s %-4s %-4s %-6s %s", id, yn(admin, "Up", "Down"), yn(link, "Yes", "No"),
		yn(link, "Up", "Down"), mtu, mtu, "-", "netw", "null", ptype, optic)
	return strings.TrimRight(row, " ") + "\n"
}

// portAdminUp reports whether a port's config holds "no shutdown".
func portAdminUp(cf *model.Config, port string) bool {
	s := model.FindStmt(cf.Tree, portKey(port))
	return s != nil && s.Child("no shutdown") != nil
}

// linked reports whether port n of a card has a link.
func linked(s *model.LineCard, n int) bool {
	for _, l := range s.LinkUp {
		if l == n {
			return true
		}
	}
	return false
}

// portOper reports whether a port is up: configured up, the card up, a
// link.
func portOper(c *model.Chassis, port string) bool {
	if c.Running == nil || !portAdminUp(c.Running, port) {
		return false
	}
	for _, s := range c.Slots {
		if !s.Present || s.Status != "Up" {
			continue
		}
		for n := 1; n <= s.Ports; n++ {
			if portName(s, n) == port {
				return linked(s, n)
			}
		}
	}
	return false
}

func showPort(x *ctx) error {
	only := x.val("PORT")
	return x.Render(func(c *model.Chassis) string {
		if c.Running == nil {
			return ""
		}
		if only != "" && !portExists(c, only) {
			return fmt.Sprintf(tx.InvalidPort, only) + "\n"
		}
		var b strings.Builder
		header := func(slot string) {
			title(&b, "Ports on Slot "+slot)
			b.WriteString(tx.PortHeader + tx.Dash79 + "\n")
		}
		for _, s := range c.Slots {
			if !s.Present {
				continue
			}
			first := true
			for n := 1; n <= s.Ports; n++ {
				id := portName(s, n)
				if only != "" && id != only {
					continue
				}
				if first {
					header(s.Name)
					first = false
				}
				parts := strings.Split(id, "/")
				mi, _ := strconv.Atoi(parts[1])
				t := ""
				if ms := mdas(s); mi >= 1 && mi <= len(ms) {
					t = ms[mi-1]
				}
				ptype, optic := mdaPortType(t)
				b.WriteString(portRow(id, portAdminUp(c.Running, id), portOper(c, id), 9212, ptype, optic))
			}
		}
		a := c.Active()
		for i := range c.Modules {
			id := label(c, i) + "/1"
			if only != "" && id != only {
				continue
			}
			header(label(c, i))
			up := a != nil && c.Index(a) == i
			optic := ""
			if up {
				optic = "MDI"
			}
			b.WriteString(portRow(id, true, up, 1514, "faste", optic))
		}
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

func showRouterInterface(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		if c.Running == nil {
			return ""
		}
		type row struct{ name, adm, opr, port, addr string }
		var rows []row
		if r := model.FindStmt(c.Running.Tree, "router"); r != nil {
			for _, s := range r.Kids {
				name, ok := strings.CutPrefix(s.Key, "interface ")
				if !ok {
					continue
				}
				name = strings.Trim(name, `"`)
				rw := row{name: name, adm: "Up", opr: "Down/Down", port: "n/a", addr: "-"}
				up := s.Child("shutdown") == nil
				if !up {
					rw.adm = "Down"
				}
				if a := s.Child("address"); a != nil {
					rw.addr = a.Value
				}
				switch p := s.Child("port"); {
				case name == "system":
					rw.port = "system"
					if up && rw.addr != "-" {
						rw.opr = "Up/Down"
					}
				case p != nil:
					rw.port = p.Value
					if up && rw.addr != "-" && portOper(c, p.Value) {
						rw.opr = "Up/Down"
					}
				}
				rows = append(rows, rw)
			}
		}
		sort.Slice(rows, func(i, j int) bool { return rows[i].name < rows[j].name })
		var b strings.Builder
		title(&b, "Interface Table (Router: Base)")
		b.WriteString(tx.RouterIfHeader + tx.Dash79 + "\n")
		for _, r := range rows {
			b.WriteString(fmt.Sprintf("%-33s%-10s%-12s%-8s%s\n", r.name, r.adm, r.opr, "Network", r.port))
			b.WriteString(fmt.Sprintf("   %-60s%s\n", r.addr, "n/a"))
		}
		b.WriteString(tx.Dash79 + "\n")
		b.WriteString(fmt.Sprintf("Interfaces : %d\n", len(rows)))
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

// showUsers lists the CLI sessions of the active CPM; the login time is
// known for the session asking (the others show "--").
func showUsers(x *ctx) error {
	users := x.S.Host.Users(x.S)
	return x.Render(func(c *model.Chassis) string {
		var b strings.Builder
		b.WriteString("\n" + tx.Rule79 + "\n" + tx.UsersHeader + tx.Rule79 + "\n")
		for _, u := range users {
			kind, from := "SSHv2", u.Peer
			switch u.Transport {
			case "CONSOLE":
				kind, from = "Console", "--"
			case "TELNET":
				kind = "Telnet"
			}
			name := u.User
			if name == "" {
				name = c.Credentials.ManagerUser
			}
			login := "--"
			if u.Self {
				login = strings.ToUpper(x.sh.loginAt.UTC().Format("02Jan2006 15:04:05"))
			}
			b.WriteString(fmt.Sprintf("%-17s%-8s%-19s%-20s%s A-\n", name, kind, from, login, "0d 00:00:00"))
		}
		b.WriteString(tx.Dash79 + "\n")
		b.WriteString(fmt.Sprintf(tx.UsersFooter, len(users)))
		b.WriteString(tx.Rule79 + "\n")
		return b.String()
	})
}

// infoText is info in the session's context: its configuration at its
// own depth between two lines of 46 dashes (FACTS 3.6); at config, every
// section with its echo header.
func infoText(c *model.Chassis, cf *model.Config, p *commands.Path) string {
	const rule = "----------------------------------------------"
	if p.Depth() == 0 || p.Frames[0].Name != "config" {
		return ""
	}
	var b strings.Builder
	b.WriteString(rule + "\n")
	secs := configTree(c, cf)
	if p.Depth() == 1 {
		writeSections(&b, secs)
		b.WriteString(rule + "\n")
		return b.String()
	}
	var level []*cnode
	for _, s := range secs {
		level = append(level, s.nodes...)
	}
	var node *cnode
	for _, f := range p.Frames[1:] {
		key := frameKey(f)
		node = nil
		for _, n := range level {
			if n.line == key {
				node = n
			}
		}
		if node == nil {
			// a context with nothing configured shows its defaults
			node = &cnode{line: key, ctx: true}
			if f.Name == "port" {
				node.kids = []*cnode{{line: "ethernet", ctx: true}, {line: "shutdown"}}
			}
		}
		level = node.kids
	}
	write(&b, level, p.Depth())
	b.WriteString(rule + "\n")
	return b.String()
}

// frameKey is the config line a context stands for.
func frameKey(f commands.Frame) string {
	switch f.Name {
	case "card":
		return "card " + f.Values["SLOT"]
	case "mda":
		return "mda " + f.Values["MDA"]
	case "port":
		return portKey(f.Values["PORT"])
	case "if":
		return ifaceKey(f.Values["NAME"])
	}
	return f.Name
}

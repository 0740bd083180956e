package exos

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/exos"
)

// Layout of show switch (measured on a blank-preserving 16.2.5.4 stack
// capture, FACTS 1.2): labels fill 18 columns; two-node rows are the
// label, the first node's value in 24 columns, 5 blanks, the second's in
// 24 (71 in all).
const (
	labelWidth = 18
	colWidth   = 24
	colGap     = 5
)

func pad(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}

// ctime is the time format of show switch ("Thu Apr  8 16:45:22 2021").
func ctime(t time.Time) string { return t.Format("Mon Jan _2 15:04:05 2006") }

// uptime is "112 days 17 hours 53 minutes 32 seconds " (units that are
// zero left out, seconds always; a trailing blank, as captured).
func uptime(d time.Duration) string {
	s := int64(d / time.Second)
	days, s := s/86400, s%86400
	h, s := s/3600, s%3600
	m, s := s/60, s%60
	var b strings.Builder
	unit := func(n int64, name string) {
		if n > 0 {
			fmt.Fprintf(&b, "%d %s ", n, name)
		}
	}
	unit(days, "days")
	unit(h, "hours")
	unit(m, "minutes")
	fmt.Fprintf(&b, "%d seconds ", s)
	return b.String()
}

// patch is the patch part of a build ("patch1-19" of "v1531b4-patch1-19").
func patch(im *model.Image) string {
	if im == nil {
		return ""
	}
	if _, p, ok := strings.Cut(im.Stamp, "-"); ok {
		return p
	}
	return ""
}

// msmState is an MSM's current state as show switch prints it.
func msmState(c *model.Chassis, m *model.Module) string {
	switch m.State {
	case model.Active, model.TakingOver:
		return tx.StateMaster
	case model.Standby:
		if c.StandbyInSync() {
			return tx.StateInSync
		}
		return tx.StateBackup
	case model.WarmStandby:
		return tx.StateBackup
	case model.Booting:
		if m.Stage == model.StageSyncing {
			return tx.StateBackup
		}
		return tx.StateInit
	case model.Failed:
		return tx.StateFail
	case model.Shutdown:
		return tx.StateDown
	case model.Offline, model.OfflineIncompat:
		return tx.StateStandby
	}
	return tx.StateEmpty
}

// row is a show switch line with one value per MSM.
func row(lbl string, vals []string) string {
	s := pad(lbl, labelWidth)
	for i, v := range vals {
		if i > 0 {
			s += strings.Repeat(" ", colGap)
		}
		s += pad(v, colWidth)
	}
	return s + "\n"
}

// under is a continuation line (a patch under its version), trimmed.
func under(vals []string) string {
	line := strings.TrimRight(row("", vals), " \n")
	if strings.TrimSpace(line) == "" {
		return ""
	}
	return line + "\n"
}

func bootCount(c *model.Chassis) int {
	n, _ := strconv.Atoi(c.Options["boot-count"])
	return n + c.Epoch
}

// ShowSwitch is "show switch" (and "show switch detail"), with a column
// for each MSM and "*" on the one the session runs on.
func ShowSwitch(c *model.Chassis, here int) string {
	var b strings.Builder
	cf := c.Running
	if cf == nil {
		if m := c.Module(here); m != nil {
			cf = m.Startup()
		}
	}
	if cf == nil {
		cf = &model.Config{Hostname: c.Info.Name}
	}
	b.WriteString("\n")
	b.WriteString(pad("SysName:", labelWidth) + cf.Hostname + "\n")
	b.WriteString(pad("SysLocation:", labelWidth) + cf.Location + "\n")
	b.WriteString(pad("SysContact:", labelWidth) + cf.Contact + "\n")
	b.WriteString(pad("System MAC:", labelWidth) + strings.ToUpper(c.Info.BaseMAC) + "\n")
	b.WriteString(pad("System Type:", labelWidth) + c.Info.Model + "\n")
	b.WriteString("\n")
	b.WriteString("SysHealth check:  Enabled (Normal)\n")
	b.WriteString("Recovery Mode:    All\n")
	b.WriteString("System Watchdog:  Enabled\n")
	b.WriteString("\n")
	b.WriteString(pad("Current Time:", labelWidth) + ctime(c.Now()) + "\n")
	b.WriteString(pad("Timezone:", labelWidth) + tx.Timezone + "\n")
	b.WriteString(pad("Boot Time:", labelWidth) + ctime(c.BootedAt) + "\n")
	b.WriteString(pad("Boot Count:", labelWidth) + strconv.Itoa(bootCount(c)) + "\n")
	b.WriteString(pad("Next Reboot:", labelWidth) + "None scheduled\n")
	b.WriteString(pad("System UpTime:", labelWidth) + uptime(c.Now().Sub(c.BootedAt)) + "\n")
	b.WriteString("\n")

	n := len(c.Modules)
	names, dashes, states := make([]string, n), make([]string, n), make([]string, n)
	sel, booted := make([]string, n), make([]string, n)
	pv, pp, sv, sp := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, m := range c.Modules {
		names[i] = label(i)
		if i == here {
			names[i] += " *"
		}
		dashes[i] = strings.Repeat("-", colWidth)
		states[i] = msmState(c, m)
		if !m.Present {
			continue
		}
		sel[i], booted[i] = m.DefaultBank.String(), m.BootedBank.String()
		if m.Flash[model.Primary] != nil {
			pv[i], pp[i] = m.Flash[model.Primary].Version, patch(m.Flash[model.Primary])
		}
		if m.Flash[model.Secondary] != nil {
			sv[i], sp[i] = m.Flash[model.Secondary].Version, patch(m.Flash[model.Secondary])
		}
	}
	b.WriteString(row(tx.SwitchMSMLabel, names))
	b.WriteString(strings.TrimRight(row("", dashes), " \n") + "\n")
	b.WriteString(row("Current State:", states))
	b.WriteString("\n")
	b.WriteString(row("Image Selected:", sel))
	b.WriteString(row("Image Booted:", booted))
	b.WriteString(row("Primary ver:", pv))
	b.WriteString(under(pp))
	b.WriteString(row("Secondary ver:", sv))
	b.WriteString(under(sp))
	b.WriteString("\n")

	file := selectedConfig(c)
	var saved *model.Config
	var software string
	if a := c.Active(); a != nil {
		saved = a.Configs[file]
		if a.Running != nil {
			software = a.Running.Version
		}
	}
	b.WriteString(pad("Config Selected:", labelWidth) + pad(file, 53) + "\n")
	if saved == nil {
		b.WriteString(pad("Config Booted:", labelWidth) + pad("Factory Default", 53) + "\n")
		return b.String()
	}
	b.WriteString(pad("Config Booted:", labelWidth) + pad(file, 53) + "\n")
	b.WriteString("\n")
	if saved.SavedBy != "" {
		software = saved.SavedBy
	}
	when := saved.SavedAt
	if when.IsZero() {
		when = c.BootedAt
	}
	b.WriteString(pad(file, labelWidth) + "Created by ExtremeXOS version " + software + "\n")
	b.WriteString(strings.Repeat(" ", labelWidth) + fmt.Sprintf("%d bytes saved on %s    ", len(ConfigText(c, saved, "")), ctime(when)) + "\n")
	return b.String()
}

// writePad writes s and blanks up to width w.
func writePad(b *strings.Builder, s string, w int) {
	b.WriteString(s)
	for i := len(s); i < w; i++ {
		b.WriteByte(' ')
	}
}

// writeHW writes a show version line's hardware: part number, serial,
// revision (the part number's last field, as in real lines:
// 800152-00-08 ... Rev 8.0).
func writeHW(b *strings.Builder, h model.Hardware) {
	b.WriteString(h.Product)
	b.WriteByte(' ')
	b.WriteString(h.Serial)
	rev := h.Product
	if i := strings.LastIndexByte(rev, '-'); i >= 0 {
		rev = rev[i+1:]
	}
	if n, err := strconv.Atoi(rev); err == nil {
		b.WriteString(" Rev ")
		b.WriteString(strconv.Itoa(n))
		b.WriteString(".0")
	}
}

// builtTime is a build date as the image line prints it, in US Eastern
// time ("Sat May 3 12:30:21 EDT 2014").
func builtTime(t time.Time) string {
	zone := " EST "
	if m := t.Month(); m > time.March && m < time.November {
		zone = " EDT "
	}
	buf := make([]byte, 0, 32)
	buf = t.AppendFormat(buf, "Mon Jan 2 15:04:05")
	buf = append(buf, zone...)
	return string(t.AppendFormat(buf, "2006"))
}

// ShowVersion is "show version": a line per slot and MSM, then the image
// of the MSM the session runs on.
func ShowVersion(c *model.Chassis, here int) string {
	var b strings.Builder
	b.Grow(1200)
	name := func(n string) {
		writePad(&b, n, 12)
		b.WriteString(":")
	}
	name("Chassis")
	b.WriteByte(' ')
	writeHW(&b, model.Hardware{Product: c.Info.Product, Serial: c.Info.Serial})
	b.WriteByte('\n')
	for _, s := range c.Slots {
		name("Slot-" + s.Name)
		if s.Present {
			b.WriteByte(' ')
			writeHW(&b, s.Hardware)
			b.WriteString(" IMG: ")
			b.WriteString(s.Software)
		}
		b.WriteByte('\n')
	}
	for i, m := range c.Modules {
		name(label(i))
		if !m.Present {
			b.WriteByte('\n')
			continue
		}
		img := ""
		if m.Running != nil {
			img = m.Running.Version
		}
		b.WriteByte(' ')
		writeHW(&b, m.Hardware)
		b.WriteString(" BootROM: ")
		writePad(&b, m.ROM.Version, 7)
		b.WriteString("    IMG: ")
		writePad(&b, img, 10)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	if m := c.Module(here); m != nil && m.Running != nil {
		b.WriteString(fmt.Sprintf(tx.ReleaseManager, m.Running.Version, m.Running.Stamp, builtTime(m.Running.Built)))
		b.WriteString("BootROM : " + m.ROM.Version + "\n")
		b.WriteString("Diagnostics : " + tx.Diagnostics + "\n")
	}
	return b.String()
}

// ShowVersionImages is "show version images": each MSM's partitions.
func ShowVersionImages(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString("Card  Partition     Installation Date        Version     Name      Branch\n")
	b.WriteString(strings.Repeat("-", 78) + "\n")
	for i, m := range c.Modules {
		if !m.Present {
			continue
		}
		for bk := model.Primary; bk <= model.Secondary; bk++ {
			im := m.Flash[bk]
			if im == nil {
				continue
			}
			when := im.Installed
			if when.IsZero() {
				when = im.Built
			}
			fmt.Fprintf(&b, "%s %s %s %s %s %s\n", label(i), pad(bk.String(), 9),
				when.Format("Mon Jan _2 15:04:05 UTC 2006"), im.Version, im.File, im.Stamp)
		}
	}
	b.WriteString(" \n\n")
	return b.String()
}

// slotState is a card's state in show slot.
func slotState(s *model.LineCard) string {
	switch s.Status {
	case "Up":
		return tx.SlotUp
	case "Downloading":
		return tx.SlotDownload
	case "Booting":
		return tx.SlotBooting
	}
	return tx.SlotEmpty
}

// ShowSlot is "show slot": the I/O slots, then the MSMs.
func ShowSlot(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.SlotHeader)
	b.WriteString(strings.Repeat("-", 79) + "\n")
	flags := "M"
	if c.StandbyInSync() {
		flags = "MB"
	}
	r := func(name, typ, state string, ports int, fl string) {
		b.WriteString(strings.TrimRight(fmt.Sprintf("%s%s%s%s%5d  %s", pad(name, 9), pad(typ, 21), pad(typ, 21), pad(state, 12), ports, fl), " ") + "\n")
	}
	for _, s := range c.Slots {
		if !s.Present {
			r("Slot-"+s.Name, "", tx.SlotEmpty, 0, "")
			continue
		}
		fl := ""
		if s.Status == "Up" {
			fl = flags
		}
		r("Slot-"+s.Name, s.Hardware.Description, slotState(s), s.Ports, fl)
	}
	for i, m := range c.Modules {
		if !m.Present {
			r(label(i), "", tx.SlotEmpty, 0, "")
			continue
		}
		st := tx.SlotUp
		switch m.State {
		case model.Booting, model.TakingOver:
			st = tx.SlotBooting
		case model.Failed, model.Shutdown:
			st = tx.SlotFailed
		}
		r(label(i), m.Hardware.Description, st, 0, "")
	}
	b.WriteString("\n" + tx.SlotLegend)
	return b.String()
}

// causeWords are the reasons a reboot or failover names in the log.
var causeWords = map[model.Cause]string{
	model.CausePowerFailure: "power failure",
	model.CauseWarmReload:   "user request",
	model.CauseColdReboot:   "user request",
	model.CauseSwitchover:   "user initiated failover",
	model.CauseResetButton:  "reset button",
	model.CauseCrash:        "software exception",
	model.CauseHeartbeat:    "keepalive lost",
	model.CauseHotswapOut:   "MSM removed",
	model.CauseHardware:     "hardware failure",
	model.CauseScheduled:    "scheduled reboot",
}

// LogLine renders one event-log entry.
func LogLine(c *model.Chassis, e model.LogEntry) (string, bool) {
	var sev, comp, text string
	if e.Msg == model.MsgLiteral {
		sev, comp, text = e.Severity, e.Subsystem, e.Text
	} else {
		lt, ok := tx.Log[e.Msg]
		if !ok {
			return "", false
		}
		args := []any{""}
		if e.Module > 0 {
			args[0] = label(e.Module - 1)
		}
		for j, a := range e.Args {
			if j == 0 && (e.Msg == model.MsgReboot || e.Msg == model.MsgDown) {
				if cause, ok := model.ParseCause(a); ok && causeWords[cause] != "" {
					a = causeWords[cause]
				}
			}
			args = append(args, a)
		}
		sev, comp, text = lt.Severity, lt.Component, fmt.Sprintf(lt.Format, args...)
	}
	node := ""
	switch {
	case e.Node > 0:
		node = label(e.Node-1) + ": "
	case e.Module > 0:
		node = label(e.Module-1) + ": "
	}
	t := e.Time
	return fmt.Sprintf("%s.%02d <%s:%s> %s%s", t.Format("01/02/2006 15:04:05"), t.Nanosecond()/1e7, sev, comp, node, text), true
}

// ShowLog is "show log": every entry, newest first, and the count.
func ShowLog(c *model.Chassis) string {
	var b strings.Builder
	n := 0
	for i := len(c.Log) - 1; i >= 0; i-- {
		if l, ok := LogLine(c, c.Log[i]); ok {
			b.WriteString(l + "\n")
			n++
		}
	}
	b.WriteString(fmt.Sprintf(tx.LogTotal, n) + "\n")
	return b.String()
}

// portRanges writes ports compactly: "1:1-48,2:3".
func portRanges(ports []string) string {
	type sp struct{ slot, port int }
	var list []sp
	for _, p := range ports {
		s, q, _ := strings.Cut(p, ":")
		a, _ := strconv.Atoi(s)
		b, _ := strconv.Atoi(q)
		list = append(list, sp{a, b})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].slot != list[j].slot {
			return list[i].slot < list[j].slot
		}
		return list[i].port < list[j].port
	})
	var parts []string
	for i := 0; i < len(list); {
		j := i
		for j+1 < len(list) && list[j+1].slot == list[i].slot && list[j+1].port == list[j].port+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d:%d-%d", list[i].slot, list[i].port, list[j].port))
		} else {
			parts = append(parts, fmt.Sprintf("%d:%d", list[i].slot, list[i].port))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// configModules are the modules show configuration prints, in order.
var configModules = []string{"devmgr", "vlan"}

func knownModule(name string) bool {
	for _, m := range configModules {
		if strings.EqualFold(m, name) {
			return true
		}
	}
	return false
}

// ConfigText is a configuration as show configuration prints it (and a
// saved file as debug cfgmgr shows it): a block per module, or only the
// one named.
func ConfigText(c *model.Chassis, cf *model.Config, only string) string {
	if cf == nil {
		return ""
	}
	var b strings.Builder
	for _, mod := range configModules {
		if only != "" && !strings.EqualFold(only, mod) {
			continue
		}
		b.WriteString("\n#\n# Module " + mod + " configuration.\n#\n")
		switch mod {
		case "devmgr":
			b.WriteString("configure snmp sysName \"" + cf.Hostname + "\"\n")
			if cf.Location != "" {
				b.WriteString("configure snmp sysLocation \"" + cf.Location + "\"\n")
			}
			if cf.Contact != "" {
				b.WriteString("configure snmp sysContact \"" + cf.Contact + "\"\n")
			}
			for _, s := range c.Slots {
				if s.Present {
					b.WriteString("configure slot " + s.Name + " module " + s.Hardware.Description + "\n")
				}
			}
		case "vlan":
			vlanConfig(&b, c, cf)
		}
	}
	return b.String()
}

func vlanConfig(b *strings.Builder, c *model.Chassis, cf *model.Config) {
	var def *model.VLAN
	var others []model.VLAN
	for i := range cf.VLANs {
		if cf.VLANs[i].ID == 1 && !cf.VLANs[i].NoTag {
			def = &cf.VLANs[i]
		} else {
			others = append(others, cf.VLANs[i])
		}
	}
	if def != nil {
		in := make(map[string]bool, len(def.Untagged)+len(def.Tagged))
		for _, p := range def.Untagged {
			in[p] = true
		}
		for _, p := range def.Tagged {
			in[p] = true
		}
		var gone []string
		for _, p := range c.PortNames() {
			if !in[p] {
				gone = append(gone, p)
			}
		}
		if len(gone) > 0 {
			b.WriteString("configure vlan default delete ports " + portRanges(gone) + "\n")
		}
	}
	sort.SliceStable(others, func(i, j int) bool { return strings.ToLower(others[i].Name) < strings.ToLower(others[j].Name) })
	for _, v := range others {
		b.WriteString("create vlan \"" + v.Name + "\"\n")
		if !v.NoTag {
			b.WriteString(fmt.Sprintf("configure vlan %s tag %d\n", v.Name, v.ID))
		}
	}
	for _, v := range others {
		if len(v.Tagged) > 0 {
			b.WriteString("configure vlan " + v.Name + " add ports " + portRanges(v.Tagged) + " tagged  \n")
		}
		if len(v.Untagged) > 0 {
			b.WriteString("configure vlan " + v.Name + " add ports " + portRanges(v.Untagged) + " untagged  \n")
		}
	}
}

// ShowVLAN is the show vlan summary.
func ShowVLAN(c *model.Chassis) string {
	var b strings.Builder
	rule := strings.Repeat("-", 95) + "\n"
	b.WriteString(rule + tx.VLANHeader + rule)
	up := map[string]bool{}
	for _, p := range c.Ports() {
		if p.Up {
			up[p.Name] = true
		}
	}
	type r struct {
		name, vr    string
		id          int
		active, all int
	}
	var rows []r
	if c.Running != nil {
		for _, v := range c.Running.VLANs {
			x := r{name: v.Name, vr: "VR-Default", id: v.ID}
			for _, p := range append(append([]string(nil), v.Untagged...), v.Tagged...) {
				x.all++
				if up[p] {
					x.active++
				}
			}
			rows = append(rows, x)
		}
	}
	rows = append(rows, r{name: "Mgmt", vr: "VR-Mgmt", id: 4095, active: 1, all: 1})
	sort.SliceStable(rows, func(i, j int) bool { return strings.ToLower(rows[i].name) < strings.ToLower(rows[j].name) })
	for _, x := range rows {
		fmt.Fprintf(&b, "%-15s %-4d %s  ANY    %-2d/%-3d %s\n", x.name, x.id, strings.Repeat("-", 48), x.active, x.all, x.vr)
	}
	b.WriteString(rule + tx.VLANLegend + "\n")
	b.WriteString(fmt.Sprintf(tx.VLANTotal, len(rows)) + "\n")
	return b.String()
}

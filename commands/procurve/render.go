package procurve

import (
	"fmt"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// Every show command's output is rendered here from the model; nothing a
// handler prints is typed into it.

// statusName is how show redundancy and show version name a state.
func statusName(m *model.Module) string {
	switch m.State {
	case model.Active:
		return "Active"
	case model.Standby, model.WarmStandby:
		return "Standby"
	case model.Offline, model.OfflineIncompat, model.Shutdown:
		return "Offline"
	case model.Failed:
		return "Failed"
	case model.Booting, model.TakingOver:
		return "Booting"
	}
	return ""
}

func bankName(b model.Bank) string {
	if b == model.Secondary {
		return "Secondary"
	}
	return "Primary"
}

func pad(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}

func dashes(n int) string { return strings.Repeat("-", n) }

// Column widths of the show redundancy table (see FIGURES.md).
const (
	redSlotW   = 5
	redDescW   = 42
	redStatusW = 9
	redVerW    = 13
)

func redundancyTableHead() string {
	return pad("Slot", redSlotW) + pad("Module Description", redDescW) + pad("Status", redStatusW) +
		pad("SW Version", redVerW) + "Boot Image\n" +
		dashes(redSlotW-1) + " " + dashes(redDescW-1) + " " + dashes(redStatusW-1) + " " +
		dashes(redVerW-1) + " " + dashes(10) + "\n"
}

// ctime prints a time like C's ctime without the newline.
func ctime(t time.Time) string { return t.Format("Mon Jan _2 15:04:05 2006") }

// ShowRedundancy renders show redundancy (Figures 15-1 to 15-25) on the
// active module.
func ShowRedundancy(c *model.Chassis) string { return ShowRedundancyOn(c, c.ActiveIndex()) }

// ShowRedundancyOn renders show redundancy as module i's software prints
// it (its brand).
func ShowRedundancyOn(c *model.Chassis, i int) string {
	sw := release(c, i)
	var b strings.Builder
	last := ""
	if !c.LastFailover.IsZero() {
		last = " " + ctime(c.LastFailover)
	}
	fmt.Fprintf(&b, tx.ShowRedundancyHead, redundancySetting(c), c.Failovers, last)
	b.WriteString(redundancyTableHead())
	for _, m := range c.Modules {
		if !m.Present {
			continue
		}
		ver, boot := "", ""
		if m.Running != nil {
			ver = m.Running.Version
			boot = bankName(m.BootedBank)
		}
		row := pad(fmt.Sprint(m.Slot), redSlotW) + pad(branded(m.Hardware.Description, sw), redDescW) +
			pad(statusName(m), redStatusW) + pad(ver, redVerW) + boot
		b.WriteString(strings.TrimRight(row, " ") + "\n")
	}
	b.WriteString("\n")
	for _, f := range c.Fabrics {
		b.WriteString(pad(fmt.Sprint(f.Number), redSlotW) + pad(branded(f.Hardware.Description, sw), redDescW) + fabricStatus(c, f.Number) + "\n")
	}
	if c.Mismatch() {
		b.WriteString("\n" + tx.MismatchWarning + "\n")
	}
	return b.String()
}

// redundancySetting is show redundancy's Mgmt Redundancy word.
func redundancySetting(c *model.Chassis) string {
	if c.RedundancyEnabled() {
		return "enabled"
	}
	return "disabled"
}

// fabricStatus is a fabric module's Status in show redundancy and show
// modules.
func fabricStatus(c *model.Chassis, n int) string {
	if c.FabricEnabled(n) {
		return "Enabled"
	}
	return "Disabled"
}

// imageBlock is the Image stamp / Boot Image block of show version, with
// the columns of a real K.15.07 capture (values at column 17).
func imageBlock(m *model.Module) string {
	im := m.Running
	if im == nil {
		return ""
	}
	const ind = "                "
	return "Image stamp:    " + im.Stamp + "\n" +
		ind + im.Built.Format("Jan _2 2006 15:04:05") + "\n" +
		ind + im.Version + "\n" +
		ind + fmt.Sprint(im.Build) + "\n" +
		"Boot Image:     " + bankName(m.BootedBank) + "\n"
}

// ShowVersion renders show version on the active module (15-11, 15-16,
// 15-17): a block per module.
func ShowVersion(c *model.Chassis) string {
	var blocks []string
	for _, m := range c.Modules {
		if !m.Present {
			continue
		}
		head := fmt.Sprintf("Management Module %d: ", m.Slot)
		switch {
		case m.State == model.Offline && !c.RedundancyEnabled():
			blocks = append(blocks, head+tx.RedundancyDisabledVersion+"\n")
		case m.Running == nil:
			blocks = append(blocks, head+statusName(m)+"\n")
		default:
			blocks = append(blocks, head+statusName(m)+"\n"+imageBlock(m))
		}
	}
	return strings.Join(blocks, "\n")
}

// ShowVersionStandby is show version on the standby console (15-21): its
// own running software only.
func ShowVersionStandby(c *model.Chassis, i int) string {
	return imageBlock(c.Module(i))
}

// ShowFlash renders show flash for module i (15-15, 15-20). The Version
// column is as wide as the longest version shown (7 for the manual's
// K.12.XX, 12 for a K.15 version), so Build # stays over its values.
func ShowFlash(c *model.Chassis, i int) string {
	m := c.Module(i)
	verW := 7
	for _, im := range m.Flash {
		if im != nil && len(im.Version) > verW {
			verW = len(im.Version)
		}
	}
	var b strings.Builder
	b.WriteString(fmt.Sprintf(tx.ShowFlashHead, pad("Version", verW+2), pad(dashes(verW), verW+2)))
	for bank, label := range []string{"Primary Image   : ", "Secondary Image : "} {
		im := m.Flash[bank]
		if im == nil {
			b.WriteString(label + pad("0", 10) + tx.FlashEmpty + "\n")
			continue
		}
		b.WriteString(label + pad(fmt.Sprint(im.Size), 10) + im.Built.Format("01/02/06") + " " +
			pad(im.Version, verW+1) + " " + fmt.Sprint(im.Build) + "\n")
	}
	b.WriteString("Boot Rom Version: " + m.ROM.Version + "\n")
	b.WriteString("Default Boot    : " + bankName(m.DefaultBank) + "\n")
	return b.String()
}

// Column widths of show modules (Figure 15-13).
const (
	modSlotW   = 6
	modDescW   = 42
	modSerialW = 15
)

// ShowModules renders show modules (15-13).
func ShowModules(c *model.Chassis) string {
	sw := release(c, c.ActiveIndex())
	var b strings.Builder
	b.WriteString(tx.ModulesTitle)
	fmt.Fprintf(&b, "Chassis: %s %s Serial Number: %s\n\n", c.Info.Model, c.Info.Product, c.Info.Serial)
	b.WriteString(pad("Slot", modSlotW) + pad("Module Description", modDescW) + pad("Serial Number", modSerialW) + "Status\n")
	b.WriteString(dashes(modSlotW-2) + "  " + dashes(modDescW-1) + " " + dashes(modSerialW-2) + "  " + dashes(8) + "\n")
	row := func(slot, desc, serial, status string) {
		b.WriteString(strings.TrimRight(pad(slot, modSlotW)+pad(desc, modDescW)+pad(serial, modSerialW)+status, " ") + "\n")
	}
	for _, m := range c.Modules {
		if m.Present {
			row(fmt.Sprint(m.Slot), branded(m.Hardware.Description, sw), m.Hardware.Serial, statusName(m))
		}
	}
	b.WriteString("\n")
	for _, f := range c.Fabrics {
		if !f.Present {
			continue
		}
		row(fmt.Sprint(f.Number), branded(f.Hardware.Description, sw), f.Hardware.Serial, fabricStatus(c, f.Number))
	}
	first := true
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		if first {
			b.WriteString("\n")
			first = false
		}
		row(s.Name, branded(s.Hardware.Description, sw), s.Hardware.Serial, s.Status)
	}
	return b.String()
}

// LogLine renders one event-log entry (unwrapped).
func LogLine(e model.LogEntry) (prefix, msg string) {
	ts := e.Time.Format("01/02/06 15:04:05")
	if e.Msg == model.MsgLiteral {
		if e.Code == 0 {
			return fmt.Sprintf("%s %s %s: ", e.Severity, ts, e.Subsystem), e.Text
		}
		return fmt.Sprintf("%s %s %05d %s: ", e.Severity, ts, e.Code, e.Subsystem), e.Text
	}
	lt, ok := tx.Log[e.Msg]
	if !ok {
		return fmt.Sprintf("I %s ", ts), e.Msg.String()
	}
	if lt.ID == 0 {
		prefix = fmt.Sprintf("%s %s %s: ", lt.Severity, ts, lt.Subsystem)
	} else {
		prefix = fmt.Sprintf("%s %s %05d %s: ", lt.Severity, ts, lt.ID, lt.Subsystem)
	}
	return prefix, logWords(e, lt)
}

func logWords(e model.LogEntry, lt tx.LogText) string {
	arg := func(i int) string {
		if i < len(e.Args) {
			return e.Args[i]
		}
		return ""
	}
	switch e.Msg {
	case model.MsgReboot:
		cause, _ := model.ParseCause(arg(0))
		return fmt.Sprintf(lt.Format, CrashText(model.CrashRecord{Cause: cause, Origin: model.Origin{Session: arg(1)}}))
	case model.MsgSession:
		level := "MANAGER"
		if arg(2) == "operator" {
			level = "OPERATOR"
		}
		if arg(0) == "CONSOLE" || arg(1) == "" {
			return fmt.Sprintf(lt.Format, arg(0), level)
		}
		return fmt.Sprintf(tx.SessionFrom, arg(0), arg(1), level)
	case model.MsgDown:
		// on a switchover the new active says why the other went down
		if cause, ok := model.ParseCause(arg(0)); ok {
			return fmt.Sprintf(lt.Format, e.Module) + ": " + CrashText(model.CrashRecord{Cause: cause, Origin: model.Origin{Session: arg(1)}})
		}
		return fmt.Sprintf(lt.Format, e.Module)
	case model.MsgOSSync:
		return fmt.Sprintf(lt.Format, arg(0))
	case model.MsgLoginFailed:
		return fmt.Sprintf(lt.Format, arg(0), arg(1))
	case model.MsgROMUpdate:
		return fmt.Sprintf(lt.Format, e.Module, arg(0))
	case model.MsgFabricInserted, model.MsgSlotInserted, model.MsgSlotDownloading,
		model.MsgSlotDownloaded, model.MsgSlotReady:
		return fmt.Sprintf(lt.Format, arg(0))
	}
	if strings.Contains(lt.Format, "%d") {
		return fmt.Sprintf(lt.Format, e.Module)
	}
	return lt.Format
}

// wrapLog folds a log line at 79 columns on word boundaries, continuing
// under the start of the message (Figure 15-31).
func wrapLog(prefix, msg string) string {
	const width = 79
	line := prefix + msg
	if len(line) <= width {
		return line + "\n"
	}
	ind := strings.Repeat(" ", len(prefix))
	var b strings.Builder
	cur := prefix
	words := strings.Fields(msg)
	started := false
	for _, w := range words {
		sep := " "
		if !started {
			sep = ""
		}
		if started && len(cur)+1+len(w) > width {
			b.WriteString(cur + "\n")
			cur = ind + w
			continue
		}
		cur += sep + w
		started = true
	}
	b.WriteString(cur + "\n")
	return b.String()
}

// ShowLog renders show log / show logging (15-18, 15-31). all lists
// every boot's events; reverse lists the newest first.
func ShowLog(c *model.Chassis, all, reverse bool) string {
	var entries []model.LogEntry
	for _, e := range c.Log {
		if all || e.Epoch == c.Epoch {
			entries = append(entries, e)
		}
	}
	var b strings.Builder
	b.WriteString(tx.LogKeys)
	switch {
	case reverse:
		b.WriteString(tx.LogHeaderReverse)
	case all:
		b.WriteString(tx.LogHeaderAll)
	default:
		b.WriteString(tx.LogHeader)
	}
	for i := range entries {
		e := entries[i]
		if reverse {
			e = entries[len(entries)-1-i]
		}
		b.WriteString(wrapLog(LogLine(e)))
	}
	if reverse {
		fmt.Fprintf(&b, tx.LogTop, len(entries))
	} else {
		fmt.Fprintf(&b, tx.LogFooter, len(entries))
	}
	return b.String()
}

// CrashText is the reason line of a crash record.
func CrashText(r model.CrashRecord) string {
	s := r.Origin.Session
	if s == "" || s == "BUTTON" {
		s = "CONSOLE"
	}
	switch r.Cause {
	case model.CauseWarmReload:
		return fmt.Sprintf(tx.CrashWarmReload, s)
	case model.CauseColdReboot:
		return fmt.Sprintf(tx.CrashColdReboot, s)
	case model.CauseSwitchover:
		return fmt.Sprintf(tx.CrashSwitchover, s)
	case model.CauseResetButton:
		return tx.CrashResetButton
	case model.CauseShutdownButton:
		return tx.CrashShutdownButton
	case model.CauseCrash:
		return tx.CrashSoftware
	case model.CauseHeartbeat:
		return tx.CrashHeartbeat
	case model.CauseHotswapOut:
		return tx.CrashHotswap
	case model.CauseHardware:
		return tx.CrashHardware
	case model.CauseImageUpdate:
		return tx.CrashImageUpdate
	case model.CauseROMUpdate:
		return tx.CrashROMUpdate
	case model.CauseEraseStartup:
		return tx.CrashErase
	case model.CauseScheduled:
		return tx.CrashScheduled
	case model.CausePowerFailure:
		return tx.RebootPowerFailure
	}
	return ""
}

func modeName(s model.State) string {
	if s == model.Active {
		return "Active"
	}
	return "Standby"
}

// ShowBootHistory renders show boot-history (15-32).
func ShowBootHistory(c *model.Chassis) string {
	var b strings.Builder
	for _, m := range c.Modules {
		b.WriteString("\n")
		head := fmt.Sprintf(tx.BootHistoryHead, m.Slot)
		b.WriteString(head)
		b.WriteString(strings.Repeat("=", len(head)-1) + "\n")
		if len(m.Crashes) == 0 {
			b.WriteString(tx.BootHistoryNone)
			continue
		}
		for i, r := range m.Crashes {
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, tx.BootHistoryEntry, m.Slot, modeName(r.State), r.Time.Format("01/02/06 15:04:05"))
			b.WriteString(CrashText(r) + "\n")
		}
	}
	return b.String()
}

// uptime prints an up time the way show system does.
func uptime(d time.Duration) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%d mins", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d hours", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
}

// ShowSystem renders show system (layout of a real K.15.06 E8212zl). The
// memory, buffer, CPU and packet figures are that capture's: the model has
// no memory or traffic counters of its own to show.
func ShowSystem(c *model.Chassis) string {
	a := c.Active()
	cf := c.Running
	sw, rom := "", ""
	if a != nil && a.Running != nil {
		sw, rom = a.Running.Version, a.ROM.Version
	}
	name, contact, location := "", "", ""
	if cf != nil {
		name, contact, location = cf.Hostname, cf.Contact, cf.Location
	}
	var b strings.Builder
	b.WriteString(tx.SystemTitle)
	fmt.Fprintf(&b, "  System Name        : %s\n", pad(name, 41))
	b.WriteString("  System Contact     : " + contact + "\n")
	b.WriteString("  System Location    : " + location + "\n\n")
	b.WriteString("  MAC Age Time (sec) : 300    \n\n")
	b.WriteString("  Time Zone          : 0    \n")
	b.WriteString("  Daylight Time Rule : None \n\n\n")
	fmt.Fprintf(&b, "  Software revision  : %s Base MAC Addr      : %s\n", pad(sw, 20), c.Info.BaseMAC)
	fmt.Fprintf(&b, "  ROM Version        : %s Serial Number      : %s\n", pad(rom, 20), pad(c.Info.Serial, 12))
	b.WriteString("  Allow V1 Modules   : Yes\n\n")
	fmt.Fprintf(&b, "  Up Time            : %s Memory   - Total   : %s\n", pad(uptime(c.Now().Sub(c.BootedAt)), 20), pad("128,380,928", 12))
	fmt.Fprintf(&b, "  CPU Util (%%)       : %s            Free    : %s\n", pad("1", 20), pad("61,999,280", 12))
	b.WriteString("\n")
	fmt.Fprintf(&b, "  IP Mgmt  - Pkts Rx : %s Packet   - Total   : %s\n", pad("0", 20), pad("6750", 12))
	fmt.Fprintf(&b, "             Pkts Tx : %s Buffers    Free    : %s\n", pad("0", 20), pad("5086", 12))
	fmt.Fprintf(&b, "                                                       Lowest  : %s\n", pad("3416", 12))
	fmt.Fprintf(&b, "                                                       Missed  : %s\n\n", pad("0", 12))
	return b.String()
}

// ShowInterfacesBrief renders show interfaces brief (every port).
func ShowInterfacesBrief(c *model.Chassis) string { return ShowInterfacesBriefPorts(c, nil) }

// commas prints n with thousands separators.
func commas(n int64) string {
	s := fmt.Sprint(n)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// ShowInterfaces renders show interfaces (the port counters table).
func ShowInterfaces(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString("\n Status and Counters - Port Counters\n\n")
	b.WriteString("                                                                 Flow Bcast\n")
	b.WriteString("  Port         Total Bytes    Total Frames   Errors Rx Drops Tx  Ctrl Limit\n")
	b.WriteString("  ------------ -------------- -------------- --------- --------- ---- -----\n")
	for _, p := range c.Ports() {
		b.WriteString("  " + pad(p.Name, 13) + pad(commas(p.Bytes), 15) + pad(commas(p.Frames), 15) +
			pad("0", 10) + pad("0", 10) + pad("off", 5) + "0\n")
	}
	return b.String()
}

// CrashLog is the text copy crash-log/crash-data sends: the management
// modules' saved crash records (all modules, one slot, or mm), in the
// wording of a real 8212zl crash log (NOTES-procurve 3.8).
func CrashLog(c *model.Chassis, slot string, data bool) string {
	var b strings.Builder
	for _, m := range c.Modules {
		if slot != "" && slot != "mm" && slot != fmt.Sprint(m.Slot) {
			continue
		}
		role := "Standby"
		if m.State == model.Active {
			role = "Active"
		}
		fmt.Fprintf(&b, tx.CrashLogTitle, role, m.Slot)
		if len(m.Crashes) == 0 {
			b.WriteString(tx.CrashLogEmpty)
			continue
		}
		date, build, version := "", 0, ""
		if m.Running != nil {
			date, build, version = m.Running.Built.Format("Jan _2 2006 15:04:05"), m.Running.Build, m.Running.Version
		}
		fmt.Fprintf(&b, tx.CrashLogHeader, c.Info.Product, c.Info.Name, date, build, version)
		for i, r := range m.Crashes {
			fmt.Fprintf(&b, tx.CrashLogRecord, i+1, m.Slot, modeName(r.State), r.Time.Format("01/02/06 15:04:05"), CrashText(r))
			if data {
				b.WriteString(tx.CrashLogData)
			}
			b.WriteString(tx.CrashLogEnd)
		}
	}
	return b.String()
}

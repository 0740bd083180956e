package procurve

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// Renderers of the everyday commands. Where a real capture fixes the
// layout, LAYOUTS.md records it with its source, and
// textfsm_test.go checks that this output parses like the capture.

// trunc cuts a value to a column as ProVision does: "M-GigabitEthern...".
func trunc(s string, w int) string {
	if len(s) <= w {
		return s
	}
	if w <= 3 {
		return s[:w]
	}
	return s[:w-3] + "..."
}

// portSet is the ports of a list, or every port when the list is nil.
func portSet(ports []string) func(string) bool {
	if ports == nil {
		return func(string) bool { return true }
	}
	in := map[string]bool{}
	for _, p := range ports {
		in[strings.ToUpper(p)] = true
	}
	return func(p string) bool { return in[p] }
}

// tenGig reports whether a port type is a 10-gigabit one.
func tenGig(portType string) bool { return strings.Contains(portType, "10G") }

// ShowInterfacesBriefPorts renders show interfaces brief for some ports
// (nil: all), in the layout of ntc-templates' 8212zl-era captures.
func ShowInterfacesBriefPorts(c *model.Chassis, ports []string) string {
	want := portSet(ports)
	var b strings.Builder
	b.WriteString(tx.PortsTitle)
	b.WriteString("                          | Intrusion                           MDI  Flow Bcast\n")
	b.WriteString("  Port         Type       | Alert     Enabled Status Mode       Mode Ctrl Limit\n")
	b.WriteString("  ------------ ---------- + --------- ------- ------ ---------- ---- ---- -----\n")
	for _, p := range c.Ports() {
		if !want(p.Name) {
			continue
		}
		en, st, mode, mdi := "Yes", "Down", "1000FDx", "Auto"
		if !p.Enabled {
			en = "No"
		}
		if p.Up {
			st, mdi = "Up", "MDI"
		}
		if tenGig(p.Type) {
			mode, mdi = "10GigFD", "NA"
		}
		b.WriteString("  " + pad(p.Name, 13) + pad(p.Type, 11) + "| " + pad("No", 10) + pad(en, 8) + pad(st, 7) +
			pad(mode, 11) + pad(mdi, 5) + pad("off", 5) + "0\n")
	}
	return b.String()
}

// rateOf is the byte rate of a port's module (bytes per second, both
// directions) while the port is up.
func rateOf(c *model.Chassis, p model.Port) int64 {
	if !p.Up {
		return 0
	}
	letters, _ := model.SplitPort(p.Name)
	if s := c.Slot(letters); s != nil {
		return s.Rate
	}
	return 0
}

// utilization prints a utilization as the port counters do: "    0 %"
// when idle, "05.38 %" otherwise.
func utilization(bps, speed int64) string {
	if bps == 0 || speed == 0 {
		return "    0 %"
	}
	return fmt.Sprintf("%05.2f %%", float64(bps)*100/float64(speed))
}

// ShowPortCounters renders show interfaces <ports>: one block per port,
// in the layout of a real ProVision capture (LAYOUTS.md). Received and
// sent are each half of the model's counters; broadcasts and errors are
// none.
func ShowPortCounters(c *model.Chassis, ports []string) string {
	want := portSet(ports)
	var b strings.Builder
	two := func(l1, v1, l2, v2 string) {
		b.WriteString(strings.TrimRight(pad(l1+v1, 42)+l2+v2, " ") + "\n")
	}
	for i, p := range c.Ports() {
		if !want(p.Name) {
			continue
		}
		name := ""
		if c.Running != nil {
			if pc := c.Running.Port(p.Name, false); pc != nil {
				name = pc.Name
			}
		}
		rx, tx2 := p.Bytes/2, p.Bytes-p.Bytes/2
		frx, ftx := p.Frames/2, p.Frames-p.Frames/2
		link, en := "Down", "Yes"
		if p.Up {
			link = "Up"
		}
		if !p.Enabled {
			en = "No"
		}
		speed := int64(1_000_000_000)
		if tenGig(p.Type) {
			speed = 10_000_000_000
		}
		half := rateOf(c, p) / 2
		bps, pps := half*8, half/512
		fmt.Fprintf(&b, tx.PortCountersTitle, p.Name)
		b.WriteString("  Name  : " + name + "\n")
		b.WriteString("  MAC Address      : " + portMAC(c, i) + "\n")
		b.WriteString("  Link Status      : " + link + "\n")
		b.WriteString("  Port Enabled     : " + en + "\n")
		b.WriteString("  Totals (Since boot or last clear) :\n")
		two("   Bytes Rx        : ", commas(rx), "Bytes Tx        : ", commas(tx2))
		two("   Unicast Rx      : ", commas(frx), "Unicast Tx      : ", commas(ftx))
		two("   Bcast/Mcast Rx  : ", "0", "Bcast/Mcast Tx  : ", "0")
		b.WriteString("  Errors (Since boot or last clear) :\n")
		two("   FCS Rx          : ", "0", "Drops Tx        : ", "0")
		two("   Alignment Rx    : ", "0", "Collisions Tx   : ", "0")
		two("   Runts Rx        : ", "0", "Late Colln Tx   : ", "0")
		two("   Giants Rx       : ", "0", "Excessive Colln : ", "0")
		two("   Total Rx Errors : ", "0", "Deferred Tx     : ", "0")
		b.WriteString("  Others (Since boot or last clear) :\n")
		two("   Discard Rx      : ", "0", "Out Queue Len   : ", "0")
		b.WriteString("   Unknown Protos  : 0\n")
		b.WriteString("  Rates (5 minute weighted average) :\n")
		two("   Total Rx (bps) : ", commas(bps), "Total Tx (bps) : ", commas(bps))
		two("   Unicast Rx (Pkts/sec) : ", commas(pps), "Unicast Tx (Pkts/sec) : ", commas(pps))
		two("   B/Mcast Rx (Pkts/sec) : ", "0", "B/Mcast Tx (Pkts/sec) : ", "0")
		two("   Utilization Rx  : ", utilization(bps, speed), "Utilization Tx  : ", utilization(bps, speed))
	}
	return b.String()
}

// vlanRow is a row of the VLAN table (802.1Q VLAN ID, a 12-column name).
func vlanRow(v model.VLAN, mode string) string {
	row := "  " + pad(fmt.Sprint(v.ID), 15) + pad(v.Name, 13) + pad("Port-based", 13) + pad("No", 6) + pad("No", 5)
	if mode != "" {
		row += " " + mode
	}
	return row + "\n"
}

// ShowVLANs renders show vlans in the layout of ntc-templates' K.15.06
// E8212zl capture (the 802.1Q VLAN ID column; names in 12 columns).
func ShowVLANs(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.VLANsTitle)
	b.WriteString("  Maximum VLANs to support : " + pad("256", 21) + "\n")
	primary := ""
	if c.Running != nil {
		if v := c.Running.VLAN(1); v != nil {
			primary = v.Name
		}
	}
	b.WriteString("  Primary VLAN : " + primary + "\n")
	b.WriteString("  Management VLAN :             \n\n")
	b.WriteString("  802.1Q VLAN ID Name         Status       Voice Jumbo\n")
	b.WriteString("  -------------- ------------ ------------ ----- -----\n")
	if c.Running != nil {
		for _, v := range c.Running.VLANs {
			b.WriteString(vlanRow(v, ""))
		}
	}
	return b.String()
}

// ShowVLAN renders show vlans <id> (layout of a real WB.15.14 capture).
func ShowVLAN(c *model.Chassis, id int) (string, bool) {
	if c.Running == nil || c.Running.VLAN(id) == nil {
		return "", false
	}
	v := c.Running.VLAN(id)
	untagged, tagged := portVLANs(c)
	up := map[string]bool{}
	for _, p := range c.Ports() {
		up[p.Name] = p.Up
	}
	var b strings.Builder
	fmt.Fprintf(&b, tx.VLANDetailTitle, id)
	fmt.Fprintf(&b, "  VLAN ID : %d\n  Name : %s\n  Status : Port-based\n  Voice : No\n  Jumbo : No\n\n", id, v.Name)
	b.WriteString("  Port Information Mode     Unknown VLAN Status\n")
	b.WriteString("  ---------------- -------- ------------ ----------\n")
	for _, p := range c.PortNames() {
		mode := ""
		if untagged[p] == id {
			mode = "Untagged"
		}
		for _, t := range tagged[p] {
			if t == id {
				mode = "Tagged"
			}
		}
		if mode == "" {
			continue
		}
		st := "Down"
		if up[p] {
			st = "Up"
		}
		b.WriteString("  " + pad(p, 17) + pad(mode, 9) + pad("Learn", 13) + st + "\n")
	}
	return b.String(), true
}

// ShowVLANPorts renders show vlans ports <ports> [detail]: the VLANs the
// ports belong to, in show vlans' table (detail adds each VLAN's mode).
func ShowVLANPorts(c *model.Chassis, list string, ports []string, detail bool) string {
	untagged, tagged := portVLANs(c)
	var b strings.Builder
	fmt.Fprintf(&b, tx.VLANPortsTitle, strings.ToUpper(list))
	head := "  802.1Q VLAN ID Name         Status       Voice Jumbo"
	dash := "  -------------- ------------ ------------ ----- -----"
	if detail {
		head += " Mode    "
		dash += " --------"
	}
	b.WriteString(head + "\n" + dash + "\n")
	if c.Running == nil {
		return b.String()
	}
	for _, v := range c.Running.VLANs {
		mode := ""
		for _, p := range ports {
			if untagged[p] == v.ID {
				mode = "Untagged"
			}
			for _, t := range tagged[p] {
				if t == v.ID && mode == "" {
					mode = "Tagged"
				}
			}
		}
		if mode == "" {
			continue
		}
		if !detail {
			mode = ""
		}
		b.WriteString(vlanRow(v, mode))
	}
	return b.String()
}

// ShowMACAddress renders show mac-address (the address table of
// ntc-templates' capture): every station learned.
func ShowMACAddress(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.MACTableTitle)
	b.WriteString("  MAC Address   Port\n  ------------- -----\n")
	for _, n := range sortedByMAC(neighbors(c)) {
		b.WriteString("  " + n.MAC + " " + n.Port + "\n")
	}
	return b.String()
}

// ShowMACVLAN renders show mac-address vlan <id> (napalm-procurve's
// capture).
func ShowMACVLAN(c *model.Chassis, id int) string {
	var b strings.Builder
	fmt.Fprintf(&b, tx.MACVLANTitle, id)
	b.WriteString("  MAC Address   Located on Port\n  ------------- ---------------\n")
	for _, n := range sortedByMAC(neighbors(c)) {
		if n.VLAN == id {
			b.WriteString("  " + n.MAC + " " + n.Port + "\n")
		}
	}
	return b.String()
}

// ShowMACPorts renders show mac-address <ports>.
func ShowMACPorts(c *model.Chassis, list string, ports []string) string {
	want := portSet(ports)
	var b strings.Builder
	fmt.Fprintf(&b, tx.MACPortTitle, strings.ToUpper(list))
	b.WriteString("  MAC Address   VLANs\n  ------------- -----\n")
	for _, n := range sortedByMAC(neighbors(c)) {
		if want(n.Port) {
			b.WriteString("  " + n.MAC + " " + fmt.Sprint(n.VLAN) + "\n")
		}
	}
	return b.String()
}

func sortedByMAC(ns []neighbor) []neighbor {
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].MAC < ns[j].MAC })
	return ns
}

// ShowLLDPRemote renders show lldp info remote-device (the table of
// napalm-procurve's 5412zl capture).
func ShowLLDPRemote(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.LLDPRemoteTitle)
	b.WriteString("  LocalPort | ChassisId          PortId             PortDescr SysName           \n")
	b.WriteString("  --------- + ------------------ ------------------ --------- ------------------\n")
	for _, n := range neighbors(c) {
		if n.LLDP == nil {
			continue
		}
		l := n.LLDP
		b.WriteString("  " + pad(n.Port, 10) + "| " + pad(trunc(l.ChassisID, 18), 19) + pad(trunc(l.PortID, 18), 19) +
			pad(trunc(l.PortDescr, 9), 10) + pad(trunc(l.SysName, 18), 18) + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// ShowLLDPDetail renders show lldp info remote-device <ports>: a block
// per neighbour (napalm-procurve's 5412zl capture, without its PoE part).
func ShowLLDPDetail(c *model.Chassis, ports []string) string {
	want := portSet(ports)
	var b strings.Builder
	b.WriteString(tx.LLDPDetailTitle)
	for _, n := range neighbors(c) {
		if n.LLDP == nil || !want(n.Port) {
			continue
		}
		l := n.LLDP
		b.WriteString("  Local Port   : " + n.Port + "\n")
		b.WriteString("  ChassisType  : mac-address\n")
		b.WriteString("  ChassisId    : " + l.ChassisID + "\n")
		b.WriteString("  PortType     : interface-name\n")
		b.WriteString("  PortId       : " + l.PortID + "\n")
		b.WriteString("  SysName      : " + l.SysName + "\n")
		b.WriteString("  System Descr : " + trunc(l.SysDescr, 60) + "\n")
		b.WriteString("  PortDescr    : " + l.PortDescr + "\n")
		fmt.Fprintf(&b, "  Pvid         : %d\n \n", n.VLAN)
		b.WriteString("  System Capabilities Supported  : bridge\n")
		b.WriteString("  System Capabilities Enabled    : bridge\n \n")
		b.WriteString("  Remote Management Address\n")
		b.WriteString("     Type    : all802\n")
		b.WriteString("     Address : " + macBytes(l.ChassisID) + "\n \n")
	}
	return b.String()
}

// macBytes prints 001b3f-000001 as 00 1b 3f 00 00 01.
func macBytes(mac string) string {
	h := strings.ReplaceAll(mac, "-", "")
	if len(h) != 12 {
		return mac
	}
	var parts []string
	for i := 0; i < 12; i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, " ")
}

// addrOf reads a VLAN's static address ("a.b.c.d m.m.m.m").
func addrOf(v model.VLAN) (addr, mask netip.Addr, ok bool) {
	a, m, found := strings.Cut(v.IP, " ")
	if !found {
		return
	}
	addr, err1 := netip.ParseAddr(a)
	mask, err2 := netip.ParseAddr(m)
	return addr, mask, err1 == nil && err2 == nil
}

// ShowIP renders show ip (ntc-templates' capture with a gateway).
func ShowIP(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.IPTitle)
	b.WriteString("  IP Routing : Disabled\n\n")
	if gw := setting(c.Running, keyGateway); gw != "" {
		b.WriteString("  Default Gateway : " + pad(gw, 15) + "\n")
	}
	b.WriteString("  Default TTL     : 64   \n")
	b.WriteString("  Arp Age         : 20  \n")
	b.WriteString("  Domain Suffix   : " + strings.Repeat(" ", 30) + "\n")
	b.WriteString("  DNS server      : " + strings.Repeat(" ", 40) + "\n\n")
	b.WriteString("                       |                                            Proxy ARP \n")
	b.WriteString("  VLAN                 | IP Config  IP Address      Subnet Mask     Std  Local\n")
	b.WriteString("  -------------------- + ---------- --------------- --------------- ----------\n")
	if c.Running == nil {
		return b.String()
	}
	for _, v := range c.Running.VLANs {
		lead := "  " + pad(v.Name, 21) + "| "
		switch {
		case v.IP == "dhcp-bootp":
			b.WriteString(lead + "DHCP/Bootp \n")
		case v.IP == "":
			b.WriteString(lead + "Disabled \n")
		default:
			a, m, _ := addrOf(v)
			b.WriteString(lead + pad("Manual", 11) + pad(a.String(), 16) + pad(m.String(), 16) + " No    No\n")
		}
	}
	return b.String()
}

// ShowIPSSH renders show ip ssh: the served host key's type and size,
// and the SSH sessions (the table of a real 16.x capture).
func ShowIPSSH(keyType string, keyBits int, users []commands.User) string {
	var b strings.Builder
	fmt.Fprintf(&b, tx.IPSSH, keyType, keyBits)
	b.WriteString("  1   console  |\n")
	n := 2
	for _, u := range users {
		if u.Transport != "SSH" || n > 7 {
			continue
		}
		fmt.Fprintf(&b, "  %-3d %-8s | %s\n", n, "ssh", u.Peer)
		n++
	}
	for ; n <= 7; n++ {
		fmt.Fprintf(&b, "  %-3d %-8s |\n", n, "inactive")
	}
	return b.String()
}

// ShowUsers renders show users.
func ShowUsers(users []commands.User) string {
	var b strings.Builder
	b.WriteString(tx.UsersHead)
	for i, u := range users {
		mark := " "
		if u.Self {
			mark = "*"
		}
		kind := map[string]string{"CONSOLE": "Console", "SSH": "SSH", "TELNET": "Telnet"}[u.Transport]
		b.WriteString(strings.TrimRight(fmt.Sprintf("%s %-7d %-8s %-16s %s", mark, i+1, kind, u.User, u.Peer), " ") + "\n")
	}
	return b.String()
}

// ShowHistory renders show history: the last ten lines, the most recent
// last and numbered 1.
func ShowHistory(hist []string) string {
	if len(hist) > 10 {
		hist = hist[len(hist)-10:]
	}
	var b strings.Builder
	for i, l := range hist {
		fmt.Fprintf(&b, tx.HistoryLine, len(hist)-i, l)
	}
	return b.String()
}

// ShowConfigStatus renders show config status.
func ShowConfigStatus(c *model.Chassis) string {
	if c.Unsaved() {
		return "\n" + tx.ConfigChanged + "\n\n"
	}
	return "\n" + tx.ConfigSame + "\n\n"
}

// ShowConfigFiles renders show config files (a 16.x capture's table, with
// K.15's three files): which file the running config came from (act) and
// which each flash boots with (pri, sec).
func ShowConfigFiles(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString(tx.ConfigFilesHead)
	a := c.Active()
	if a == nil {
		return b.String()
	}
	var names []string
	for n := range a.Configs {
		names = append(names, n)
	}
	sort.Strings(names)
	mark := func(ok bool) string {
		if ok {
			return "*"
		}
		return " "
	}
	for id := 1; id <= 3; id++ {
		if id > len(names) {
			fmt.Fprintf(&b, "  %d |             | \n", id)
			continue
		}
		n := names[id-1]
		fmt.Fprintf(&b, "  %d |  %s   %s   %s  | %s\n", id, mark(a.BankConfig[a.BootedBank] == n),
			mark(a.BankConfig[model.Primary] == n), mark(a.BankConfig[model.Secondary] == n), n)
	}
	return b.String()
}

// ShowTime renders show time: the chassis clock.
func ShowTime(c *model.Chassis) string {
	return c.Now().Format(tx.TimeFormat) + "\n"
}

package junos

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The QFX5100 in the XML API: a one-member virtual chassis whose RE runs
// in a virtual machine. What PyEZ 2.1.7's facts read differs from the
// MX240's where a real ELS switch's replies differ (PyEZ's EX fixtures,
// a vQFX 18.1 session and the PyEZ facts of an EX2300 and a vQFX,
// notes/junos/raw/public_els_pyez_facts.txt): show version is the
// member's (re-name fpc0), the internal addresses sit on bme0.0 with the
// member's FPC and localre, so current_re is ['master', 'node', 'fwdd',
// 'member', 'pfem', 're0', 'fpc0', 'localre'] on the primary in slot 0;
// the virtual-chassis reply names member 0 the master (vc_capable,
// vc_master '0'); the ethernet-switching table is ELS's (VLAN_L2NG).

// fpcName is the virtual-chassis member's FPC ("fpc0"), show version's
// header and the re-name of its XML.
func fpcName() string { return strings.TrimSuffix(fmt.Sprintf(tx.VCHeader, memberID), ":") }

// qfxInternal is bme0 and bme0.0: on the primary the master's address,
// the RE's own (128.0.0.4/5 by slot), the member's FPC's (128.0.0.16 on
// member 0) and localre's (128.0.0.63), in the vQFX capture's order; a
// backup (an ISSR's spawned RE) has backup's, its own and localre's.
func qfxInternal(master bool, own string) []ifLine {
	inet := famAddrs{fam: "inet"}
	if master {
		inet.addrs = []string{"128.0.0.1/2", own, fmt.Sprintf("128.0.0.%d/2", 16+memberID), "128.0.0.63/2"}
	} else {
		inet.addrs = []string{"128.0.0.6/2", own, "128.0.0.63/2"}
	}
	return []ifLine{
		{name: tx.QFXInternal, admin: "up", link: "up"},
		{name: tx.QFXInternal + ".0", admin: "up", link: "up", fams: []famAddrs{inet}},
	}
}

// internalIfd reports whether an interface is on the internal routing
// instance: the MX's em0/em1, the QFX's bme0.
func internalIfd(c *model.Chassis, base string) bool {
	if vcMember(c) {
		return base == tx.QFXInternal
	}
	return base == "em0" || base == "em1"
}

// vcXML is show virtual-chassis: the members of the scenario's virtual
// chassis (one, standalone), member 0 the master.
func vcXML(c *model.Chassis, i int) *netconf.Node {
	f := strings.Split(tx.VCMember, "|")
	roles := strings.Split(tx.VCRoles, "\n")
	list := netconf.E("member-list", netconf.A("junos:style", "single-slot"))
	n := vcMembers(c)
	for id := 0; id < n; id++ {
		role := roles[len(roles)-1]
		if id < len(roles) {
			role = roles[id]
		}
		serial := memberSerial(c.Info.Serial, id)
		list.Kids = append(list.Kids, netconf.E("member", nil,
			netconf.T("member-status", f[0]),
			netconf.T("member-id", strconv.Itoa(id)),
			netconf.T("fpc-slot", fmt.Sprintf("(FPC %d)", id)),
			netconf.T("member-serial-number", serial),
			netconf.T("member-model", c.Info.Model),
			netconf.T("member-priority", f[1]),
			netconf.T("member-mixed-mode", f[2]),
			netconf.T("member-route-mode", f[3]),
			netconf.T("member-role", role),
			netconf.E("neighbor-list", nil)))
	}
	return netconf.E("virtual-chassis-information", nil,
		netconf.E("virtual-chassis-id-information", nil,
			netconf.T("virtual-chassis-id", tx.VCID),
			netconf.T("virtual-chassis-mode", tx.VCMode)),
		list,
		netconf.E("next-member-information", nil,
			netconf.T("next-member-id", strconv.Itoa(n)),
			netconf.T("next-fpc-slot", strconv.Itoa(n))))
}

// memberSerial is a member's serial number: the chassis's for member 0,
// the next numbers for the others (estimates: a second member is only a
// scenario option, for the ISSR's single-member check).
func memberSerial(serial string, id int) string {
	if id == memberID {
		return serial
	}
	digits := serial[len(strings.TrimRight(serial, "0123456789")):]
	if n, err := strconv.ParseUint(digits, 10, 64); err == nil && digits != "" {
		return fmt.Sprintf("%s%0*d", serial[:len(serial)-len(digits)], len(digits), n+uint64(id))
	}
	return fmt.Sprintf("%s-%d", serial, id)
}

// macdbSummary is show ethernet-switching table summary on an ELS
// switch: no MAC learned (the emulator forwards nothing).
func macdbSummary(c *model.Chassis, i int) *netconf.Node {
	return netconf.E("l2ng-l2ald-rtb-macdb", netconf.A("xmlns", fmt.Sprintf(tx.L2alNS, moduleRelease(c, i))),
		netconf.E("l2ng-l2ald-ethernet-switching-table-summary", nil,
			netconf.T("l2ng-l2-total-mac-count", "0"),
			netconf.T("l2ng-l2-total-smac-count", "0")))
}

// qfxInventoryXML is show chassis hardware on a QFX5100, the rows of
// qfxInventory as chassis-module elements (sub-modules nested).
func qfxInventoryXML(c *model.Chassis, i int) *netconf.Node {
	tags := [...]string{"chassis-module", "chassis-sub-module", "chassis-sub-sub-module"}
	var node func(r invRow, depth int) *netconf.Node
	node = func(r invRow, depth int) *netconf.Node {
		e := netconf.E(tags[depth], nil, netconf.T("name", strings.TrimSpace(r.item)))
		addNonEmpty(e, "version", r.version, "part-number", r.part, "serial-number", r.serial, "description", r.desc)
		for _, k := range r.kids {
			e.Kids = append(e.Kids, node(k, depth+1))
		}
		return e
	}
	ch := netconf.E("chassis", netconf.A("junos:style", "inventory"),
		netconf.T("name", "Chassis"), netconf.T("serial-number", c.Info.Serial), netconf.T("description", c.Info.Name))
	for _, r := range qfxInventory(c) {
		ch.Kids = append(ch.Kids, node(r, 0))
	}
	return netconf.E("chassis-inventory", netconf.A("xmlns", fmt.Sprintf(tx.ChassisNS, moduleRelease(c, i))), ch)
}

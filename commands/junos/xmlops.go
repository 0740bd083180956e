package junos

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// The operational RPCs' XML, rendered from the same model as the CLI's
// text: show version (get-software-information), show chassis
// routing-engine, show chassis hardware, show interfaces terse, and the
// files PyEZ reads. Element names and order follow PyEZ 2.1.7's reply
// fixtures (notes/junos/pyez-rpc-reply).

// releaseOf is a release without its build number, as the junos
// namespace carries it ("13.3R1.4" gives "13.3R1").
var releaseRe = regexp.MustCompile(`^\d+\.\d+[A-Z]\d+`)

func releaseOf(version string) string {
	if m := releaseRe.FindString(version); m != "" {
		return m
	}
	return version
}

// moduleRelease is the release RE i runs ("" when none).
func moduleRelease(c *model.Chassis, i int) string {
	if m := c.Module(i); m != nil && m.Running != nil {
		return releaseOf(m.Running.Version)
	}
	if a := c.Active(); a != nil && a.Running != nil {
		return releaseOf(a.Running.Version)
	}
	return ""
}

// softwareInfo is one RE's <software-information>.
func softwareInfo(c *model.Chassis, i int) *netconf.Node {
	m := c.Module(i)
	if m == nil || m.Running == nil {
		return nil
	}
	host := ""
	if cf := c.Committed(i); cf != nil {
		host = cf.Hostname
	}
	v := m.Running.Version
	e := netconf.E("software-information", nil,
		netconf.T("host-name", host),
		netconf.T("product-model", c.Info.Model),
		netconf.T("product-name", c.Info.Model),
		netconf.T("junos-version", v))
	names := strings.Split(tx.PackageNames, "\n")
	if vcMember(c) {
		names = nil // the MX's names: a QFX's packages have no <name> here
	}
	for j, line := range strings.Split(strings.TrimSuffix(packages(c, v), "\n"), "\n") {
		name := ""
		if j < len(names) {
			name = names[j]
		}
		e.Kids = append(e.Kids, netconf.E("package-information", nil, netconf.T("name", name), netconf.T("comment", line)))
	}
	return e
}

// versionXML is show version [invoke-on all-routing-engines]: this RE's
// software-information, or every running RE's in
// multi-routing-engine-results.
func versionXML(c *model.Chassis, i int, all bool) *netconf.Node {
	if vcMember(c) {
		// a virtual-chassis member answers as its CLI prints: this RE's
		// block under the member's FPC, with or without invoke-on
		return netconf.E("multi-routing-engine-results", nil,
			netconf.E("multi-routing-engine-item", nil, netconf.T("re-name", fpcName()), softwareInfo(c, i)))
	}
	if !all {
		return softwareInfo(c, i)
	}
	res := netconf.E("multi-routing-engine-results", nil)
	for j, m := range c.Modules {
		if !m.Present || m.Running == nil || !running(m.State) {
			continue
		}
		res.Kids = append(res.Kids, netconf.E("multi-routing-engine-item", nil,
			netconf.T("re-name", c.Profile.ModuleLabel(j)), softwareInfo(c, j)))
	}
	return res
}

// routeEngineXML is show chassis routing-engine.
func routeEngineXML(c *model.Chassis, i int) *netconf.Node {
	res := netconf.E("route-engine-information", netconf.A("xmlns", fmt.Sprintf(tx.ChassisNS, moduleRelease(c, i))))
	for j, m := range c.Modules {
		if !m.Present || !running(m.State) {
			continue
		}
		state, prio := "master", "master (default)"
		if m.State != model.Active {
			state = "backup"
		}
		if j > 0 {
			prio = "backup (default)"
		}
		if cf := c.Running; cf != nil {
			if r := model.FindStmt(cf.Tree, "chassis", "redundancy", fmt.Sprintf("routing-engine %d", j)); r != nil && r.Value != "" {
				prio = r.Value
			}
		}
		up := c.Now().Sub(m.UpSince)
		user, kern, intr, idle := "3", "11", "4", "82"
		load := [3]string{"0.22", "0.26", "0.23"}
		if state == "backup" {
			user, kern, intr, idle = "0", "0", "0", "99"
			load = [3]string{"0.00", "0.00", "0.00"}
		}
		res.Kids = append(res.Kids, netconf.E("route-engine", nil,
			netconf.T("slot", strconv.Itoa(j)),
			netconf.T("mastership-state", state),
			netconf.T("mastership-priority", prio),
			netconf.T("status", "OK"),
			netconf.T("cpu-user", user),
			netconf.T("cpu-background", "0"),
			netconf.T("cpu-system", kern),
			netconf.T("cpu-interrupt", intr),
			netconf.T("cpu-idle", idle),
			netconf.T("model", m.Hardware.Description),
			netconf.T("serial-number", m.Hardware.Serial),
			netconf.E("start-time", netconf.A("junos:seconds", strconv.FormatInt(m.UpSince.Unix(), 10)), stamp(m.UpSince)),
			netconf.E("up-time", netconf.A("junos:seconds", strconv.FormatInt(int64(up.Seconds()), 10)), durationWords(up)),
			netconf.T("last-reboot-reason", tx.RebootReason),
			netconf.T("load-average-one", load[0]),
			netconf.T("load-average-five", load[1]),
			netconf.T("load-average-fifteen", load[2])))
	}
	return res
}

// addNonEmpty appends to e an element of each tag whose value is not
// empty (pairs of tag and value, in order), as an inventory row leaves out
// the columns it has no value for.
func addNonEmpty(e *netconf.Node, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			e.Kids = append(e.Kids, netconf.T(pairs[i], pairs[i+1]))
		}
	}
}

// inventoryXML is show chassis hardware: the rows of the CLI's table as
// chassis-module elements (the FPC's sub-modules nested).
func inventoryXML(c *model.Chassis, i int) *netconf.Node {
	if vcMember(c) {
		return qfxInventoryXML(c, i)
	}
	mod := func(name, version, part, serial, desc string, kids ...*netconf.Node) *netconf.Node {
		e := netconf.E("chassis-module", nil, netconf.T("name", name))
		addNonEmpty(e, "version", version, "part-number", part, "serial-number", serial)
		e.Kids = append(e.Kids, netconf.T("description", desc))
		e.Kids = append(e.Kids, kids...)
		return e
	}
	fixed := func(row string, args ...any) *netconf.Node {
		if len(args) > 0 {
			row = fmt.Sprintf(row, args...)
		}
		f := strings.Split(row, "|")
		return mod(strings.TrimSpace(f[0]), f[1], f[2], f[3], f[4])
	}
	ch := netconf.E("chassis", netconf.A("junos:style", "inventory"),
		netconf.T("name", "Chassis"), netconf.T("serial-number", c.Info.Serial), netconf.T("description", c.Info.Name),
		fixed(tx.HWMidplane), fixed(tx.HWFPM))
	for j := 0; j < 2; j++ {
		ch.Kids = append(ch.Kids, fixed(tx.HWPEM, j, j+1))
	}
	for j, m := range c.Modules {
		if m.Present {
			ch.Kids = append(ch.Kids, mod(fmt.Sprintf("Routing Engine %d", j), "REV 03", m.Hardware.Product, m.Hardware.Serial, m.Hardware.Description))
		}
	}
	for j, f := range c.Fabrics {
		if !f.Present {
			continue
		}
		rev := "REV 07"
		if j == 1 {
			rev = "REV 08"
		}
		ch.Kids = append(ch.Kids, mod(fmt.Sprintf("CB %d", j), rev, f.Hardware.Product, f.Hardware.Serial, f.Hardware.Description))
	}
	for _, s := range c.Slots {
		if !s.Present {
			continue
		}
		fpc := mod("FPC "+s.Name, "REV 24", s.Hardware.Product, s.Hardware.Serial, s.Hardware.Description)
		fpc.Name.Local = "chassis-module"
		sub := func(row string, args ...any) *netconf.Node {
			n := fixed(row, args...)
			n.Name.Local = "chassis-sub-module"
			return n
		}
		fpc.Kids = append(fpc.Kids, sub(tx.HWCPU), sub(tx.HWMIC))
		for pic := 0; pic*10 < s.Ports; pic++ {
			p := sub(tx.HWPIC, pic)
			for x := 0; x < 10 && pic*10+x < s.Ports; x++ {
				if containsInt(s.LinkUp, pic*10+x+1) {
					xc := fixed(tx.HWXcvr, x, 3300+pic*10+x)
					xc.Name.Local = "chassis-sub-sub-module"
					p.Kids = append(p.Kids, xc)
				}
			}
			fpc.Kids = append(fpc.Kids, p)
		}
		ch.Kids = append(ch.Kids, fpc)
	}
	ch.Kids = append(ch.Kids, fixed(tx.HWFan))
	return netconf.E("chassis-inventory", netconf.A("xmlns", fmt.Sprintf(tx.ChassisNS, moduleRelease(c, i))), ch)
}

// privateInstance is the routing instance of the REs' internal network.
const privateInstance = "__juniper_private1__"

// interfacesXML is show interfaces terse [name] [routing-instance X]:
// the interfaces of the CLI's table; in the private instance only the
// internal ones (em0, em1).
func interfacesXML(c *model.Chassis, i int, only, instance string) *netconf.Node {
	res := netconf.E("interface-information", netconf.A("xmlns", fmt.Sprintf(tx.InterfaceNS, moduleRelease(c, i)), "junos:style", "terse"))
	var phys *netconf.Node
	for _, l := range interfacesOf(c, i) {
		base, _, logical := strings.Cut(l.name, ".")
		if instance == privateInstance && !internalIfd(c, base) {
			continue
		}
		if instance != "" && instance != privateInstance {
			continue
		}
		if only != "" && l.name != only && base != only {
			continue
		}
		if !logical {
			phys = netconf.E("physical-interface", nil, netconf.T("name", l.name),
				netconf.T("admin-status", l.admin), netconf.T("oper-status", l.link))
			res.Kids = append(res.Kids, phys)
			continue
		}
		lg := netconf.E("logical-interface", nil, netconf.T("name", l.name),
			netconf.T("admin-status", l.admin), netconf.T("oper-status", l.link), netconf.E("filter-information", nil))
		for _, f := range l.fams {
			fe := netconf.E("address-family", nil, netconf.T("address-family-name", f.fam))
			for _, a := range f.addrs {
				fe.Kids = append(fe.Kids, netconf.E("interface-address", nil,
					netconf.E("ifa-local", netconf.A("junos:emit", "emit"), a)))
			}
			lg.Kids = append(lg.Kids, fe)
		}
		if phys == nil || !strings.HasPrefix(l.name, phys.KidText("name")+".") {
			phys = netconf.E("physical-interface", nil, netconf.T("name", base))
			res.Kids = append(res.Kids, phys)
		}
		phys.Kids = append(phys.Kids, lg)
	}
	return res
}

// hostsJunos is /etc/hosts.junos: a QFX5100's (a later release's file)
// names localre.
func hostsJunos(c *model.Chassis) string {
	if vcMember(c) {
		return fmt.Sprintf(tx.HostsJunos, tx.HostsLocalRE+"\n")
	}
	return fmt.Sprintf(tx.HostsJunos, "")
}

// fileShowXML is file show FILE: the files PyEZ reads. Another file is
// not there.
func fileShowXML(c *model.Chassis, name string) (*netconf.Node, bool) {
	var text string
	switch name {
	case "/etc/hosts.junos":
		text = hostsJunos(c)
	default:
		return nil, false
	}
	return netconf.E("file-content", netconf.A("filename", name, "junos:seconds", strconv.FormatInt(c.Now().Unix(), 10),
		"filesize", strconv.Itoa(len(text)), "encoding", "text"), "\n"+text), true
}

// fileListXML is file list PATH for the user's home directory ("~" or
// its path): an empty one.
func fileListXML(c *model.Chassis, user, path string) *netconf.Node {
	home := "/var/home/" + user + "/"
	if path != "~" && path != "~/" && strings.TrimSuffix(path, "/")+"/" != home {
		return netconf.E("directory-list", nil, netconf.E("output", nil, fmt.Sprintf(tx.XMLNotFileFound, path)))
	}
	return netconf.E("directory-list", netconf.A("root-path", home, "junos:seconds", strconv.FormatInt(c.Now().Unix(), 10), "junos:style", "brief"),
		netconf.E("directory", netconf.A("name", home),
			netconf.T("directory-name", home),
			netconf.T("total-file-blocks", "0"),
			netconf.T("total-files", "0")))
}

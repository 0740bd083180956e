package procurve

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// errShown marks a failure whose message the config function already
// chose; configure prints it.
type errShown struct{ text string }

func (e *errShown) Error() string { return e.text }

// configure applies fn to the running config, all or nothing, and prints
// the message of a refusal.
func (x *ctx) configure(fn func(c *model.Chassis, cf *model.Config) error) error {
	err := x.Do(func(c *model.Chassis) error {
		return c.Configure(func(cf *model.Config) error { return fn(c, cf) })
	})
	var shown *errShown
	if errors.As(err, &shown) {
		return x.Fail(shown.text)
	}
	return err
}

// maxHostname is the longest switch name hostname takes (no source
// gives ProVision's limit; 32 is the limit HPE documents for hostname on
// its later AOS-CX switches).
const maxHostname = 32

func hostname(x *ctx) error {
	name := x.Value("NAME")
	if len(name) > maxHostname {
		return x.Fail(fmt.Sprintf(tx.HostnameTooLong, maxHostname))
	}
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		cf.Hostname = name
		return nil
	})
}

// bannerText accepts a quoted message, a message between two delimiter
// characters (banner motd #text#), or the rest of the line.
func bannerText(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return v[1 : len(v)-1]
	}
	if len(v) >= 2 && v[0] == v[len(v)-1] && !isAlnum(v[0]) {
		return v[1 : len(v)-1]
	}
	return v
}

func isAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func bannerMOTD(x *ctx) error {
	text := bannerText(x.Value("TEXT"))
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		cf.MOTD = text
		return nil
	})
}

func noBannerMOTD(x *ctx) error {
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		cf.MOTD = ""
		return nil
	})
}

// password asks for the new password twice, without echo.
func password(x *ctx) error {
	manager := x.M.Has("manager")
	who := "operator"
	if manager {
		who = "manager"
	}
	p1, err := x.T.ReadLine(fmt.Sprintf(tx.NewPassword, who), false)
	if err != nil {
		return abandoned(err)
	}
	p2, err := x.T.ReadLine(fmt.Sprintf(tx.RetypePassword, who), false)
	if err != nil {
		return abandoned(err)
	}
	if p1 != p2 {
		return x.Fail(tx.PasswordMismatch)
	}
	user := x.Value("USER")
	return x.Do(func(c *model.Chassis) error {
		c.SetPassword(manager, user, p1)
		return nil
	})
}

func noPassword(x *ctx) error {
	manager, operator := true, true
	switch {
	case x.M.Has("manager"):
		operator = false
	case x.M.Has("operator"):
		manager = false
	}
	ok, err := x.yes(tx.NoPasswordAll)
	if err != nil || !ok {
		return err
	}
	return x.Do(func(c *model.Chassis) error {
		if manager {
			c.SetPassword(true, "", "")
		}
		if operator {
			c.SetPassword(false, "", "")
		}
		return nil
	})
}

// consoleSet applies a console setting. The parser has already matched
// the (possibly abbreviated) keywords; the defaults are stored as unset.
func consoleSet(x *ctx) error {
	chosen := func(choices ...string) string {
		for _, c := range choices {
			if x.M.Has(c) {
				return c
			}
		}
		return ""
	}
	unlessDefault := func(v, def string) string {
		if v == def {
			return ""
		}
		return v
	}
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		switch {
		case x.M.Has("baud-rate"):
			cf.Console.Baud = unlessDefault(chosen("speed-sense", "1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200"), "speed-sense")
		case x.M.Has("flow-control"):
			cf.Console.FlowControl = unlessDefault(chosen("none", "xon/xoff"), "xon/xoff")
		case x.M.Has("terminal"):
			cf.Console.Terminal = unlessDefault(chosen("vt100", "ansi", "none"), "vt100")
		default:
			cf.Console.Inactivity, _ = strconv.Atoi(x.Value("MINUTES"))
		}
		return nil
	})
}

func fastboot(x *ctx) error {
	on := !x.M.Has("no")
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		cf.Fastboot = on
		return nil
	})
}

func startupDefault(x *ctx) error {
	var bank *model.Bank
	if x.M.Has("primary") || x.M.Has("secondary") {
		b := chosenBank(x)
		bank = &b
	}
	file := x.Value("FILENAME")
	err := x.Do(func(c *model.Chassis) error { return c.SetStartupDefault(bank, file) })
	if errors.Is(err, model.ErrNoSuchConfig) {
		return x.Fail(fmt.Sprintf(tx.ConfigNotFound, file))
	}
	return err
}

// VLANs.

func vlanID(x *ctx) int {
	n, _ := strconv.Atoi(x.Value("VLAN-ID"))
	return n
}

func vlanContext(x *ctx) error {
	id := vlanID(x)
	err := x.configure(func(c *model.Chassis, cf *model.Config) error {
		cf.EnsureVLAN(id, c.Profile.VLANName(id))
		return nil
	})
	if err != nil {
		return err
	}
	x.sh.mode, x.sh.context = modeVLAN, "vlan-"+strconv.Itoa(id)
	return nil
}

func noVLAN(x *ctx) error {
	id := vlanID(x)
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		if id == 1 {
			return &errShown{tx.DefaultVLANDelete}
		}
		for i, v := range cf.VLANs {
			if v.ID == id {
				cf.VLANs = append(cf.VLANs[:i], cf.VLANs[i+1:]...)
				return nil
			}
		}
		return &errShown{fmt.Sprintf(tx.VLANNotFound, id)}
	})
}

func setVLANName(x *ctx, id int, name string) error {
	return x.configure(func(c *model.Chassis, cf *model.Config) error {
		cf.EnsureVLAN(id, c.Profile.VLANName(id)).Name = name
		return nil
	})
}

func vlanName(x *ctx) error { return setVLANName(x, vlanID(x), x.Value("NAME")) }

// membership makes ports untagged or tagged members of a VLAN (no removes
// them). An untagged port leaves the other VLANs' untagged lists: a port
// is untagged in one VLAN only.
func membership(x *ctx, id int, list string, tagged, remove bool) error {
	return x.configure(func(c *model.Chassis, cf *model.Config) error {
		ports, bad := ParsePorts(c, list)
		if bad != "" {
			return &errShown{fmt.Sprintf(tx.PortNotPresent, bad)}
		}
		v := cf.EnsureVLAN(id, c.Profile.VLANName(id))
		if tagged {
			v.Tagged = setPorts(v.Tagged, ports, remove)
			return nil
		}
		if !remove {
			for i := range cf.VLANs {
				if cf.VLANs[i].ID != id {
					cf.VLANs[i].Untagged = setPorts(cf.VLANs[i].Untagged, ports, true)
				}
			}
		}
		v = cf.VLAN(id)
		if id != 1 {
			v.Untagged = setPorts(v.Untagged, ports, remove)
		}
		return nil
	})
}

func setPorts(list, ports []string, remove bool) []string {
	in := map[string]bool{}
	for _, p := range list {
		in[p] = true
	}
	for _, p := range ports {
		in[p] = !remove
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range append(append([]string(nil), list...), ports...) {
		if in[p] && !seen[p] {
			out = append(out, p)
			seen[p] = true
		}
	}
	return out
}

func vlanUntagged(x *ctx) error {
	return membership(x, vlanID(x), x.Value("PORTS"), false, false)
}

func vlanTagged(x *ctx) error {
	return membership(x, vlanID(x), x.Value("PORTS"), true, false)
}

func contextVLAN(x *ctx) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(x.sh.context, "vlan-"))
	return n
}

func ctxVLANName(x *ctx) error { return setVLANName(x, contextVLAN(x), x.Value("NAME")) }
func ctxUntagged(x *ctx) error {
	return membership(x, contextVLAN(x), x.Value("PORTS"), false, x.M.Has("no"))
}
func ctxTagged(x *ctx) error {
	return membership(x, contextVLAN(x), x.Value("PORTS"), true, x.M.Has("no"))
}

func setVLANIP(x *ctx, ip string) error {
	id := contextVLAN(x)
	return x.configure(func(c *model.Chassis, cf *model.Config) error {
		cf.EnsureVLAN(id, c.Profile.VLANName(id)).IP = ip
		return nil
	})
}

func ctxIPDHCP(x *ctx) error   { return setVLANIP(x, "dhcp-bootp") }
func ctxIPStatic(x *ctx) error { return setVLANIP(x, x.Value("IP-ADDR")+" "+x.Value("MASK")) }
func ctxNoIP(x *ctx) error     { return setVLANIP(x, "") }

// Interfaces. A port list (A1-A4,B2) works wherever a port does: the
// interface context of a list is named after it, "(eth-A1-A4)#", and its
// commands apply to every port of it.

// portList prints ports as the switch writes a list (A1-A4,B2).
func portList(x *ctx, ports []string) string {
	var out string
	x.View(func(c *model.Chassis) {
		order := map[string]int{}
		for i, p := range c.PortNames() {
			order[p] = i
		}
		out = PortRanges(ports, order)
	})
	return out
}

func ifaceContext(x *ctx) error {
	ports, err := portsValue(x, "PORT")
	if err != nil {
		return err
	}
	x.sh.mode, x.sh.context = modeIface, "eth-"+portList(x, ports)
	return nil
}

// setPortCf applies fn to the config of each port, all or nothing; a
// port left with no settings drops out of the config.
func setPortCf(x *ctx, ports []string, fn func(pc *model.PortCf)) error {
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		for _, port := range ports {
			pc := cf.Port(port, true)
			fn(pc)
			if pc.Name == "" && !pc.Disabled {
				for i := range cf.Ports {
					if cf.Ports[i].Port == port {
						cf.Ports = append(cf.Ports[:i], cf.Ports[i+1:]...)
						break
					}
				}
			}
		}
		return nil
	})
}

// ifaceEnable and ifaceName take a port list (interface A1-A4 disable).
func ifaceEnable(x *ctx) error {
	ports, err := portsValue(x, "PORT")
	if err != nil {
		return err
	}
	off := x.M.Has("disable")
	return setPortCf(x, ports, func(pc *model.PortCf) { pc.Disabled = off })
}

func ifaceName(x *ctx) error {
	ports, err := portsValue(x, "PORT")
	if err != nil {
		return err
	}
	name := x.Value("NAME")
	return setPortCf(x, ports, func(pc *model.PortCf) { pc.Name = name })
}

// contextPort is the interface context's port list as written
// ("A1-A4"), contextPorts its ports.
func contextPort(x *ctx) string { return strings.TrimPrefix(x.sh.context, "eth-") }

func contextPorts(x *ctx) []string {
	ports, _ := model.ExpandPorts(contextPort(x))
	return ports
}

func ctxIfaceName(x *ctx) error {
	name := x.Value("NAME")
	return setPortCf(x, contextPorts(x), func(pc *model.PortCf) { pc.Name = name })
}
func ctxIfaceNoName(x *ctx) error {
	return setPortCf(x, contextPorts(x), func(pc *model.PortCf) { pc.Name = "" })
}
func ctxIfaceEnable(x *ctx) error {
	return setPortCf(x, contextPorts(x), func(pc *model.PortCf) { pc.Disabled = false })
}
func ctxIfaceDisable(x *ctx) error {
	return setPortCf(x, contextPorts(x), func(pc *model.PortCf) { pc.Disabled = true })
}

package procurve

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// Handlers of the everyday commands: what engineers and backup and
// inventory tools type first (show interfaces <ports>, show vlans <id>,
// show mac-address, show lldp, show ip, ping, traceroute, the backup
// copies, the snmp-server and default-gateway lines).

// intValue is a numeric parameter, or def when it was not given.
func intValue(x *ctx, name string, def int) int {
	if v, ok := x.M.Value(name); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

// portsValue reads a port list parameter against the chassis; a bad part
// prints the switch's message.
func portsValue(x *ctx, name string) ([]string, error) {
	list := x.Value(name)
	var ports []string
	var bad string
	x.View(func(c *model.Chassis) { ports, bad = ParsePorts(c, list) })
	if bad != "" || len(ports) == 0 {
		if bad == "" {
			bad = list
		}
		return nil, x.Fail(fmt.Sprintf(tx.PortNotPresent, bad))
	}
	return ports, nil
}

func showInterfacesPorts(x *ctx) error {
	ports, err := portsValue(x, "PORTS")
	if err != nil {
		return err
	}
	if x.Has("brief") {
		return x.Render(func(c *model.Chassis) string { return ShowInterfacesBriefPorts(c, ports) })
	}
	return x.Render(func(c *model.Chassis) string { return ShowPortCounters(c, ports) })
}

func showVLAN(x *ctx) error {
	id := vlanID(x)
	var out string
	ok := false
	x.View(func(c *model.Chassis) { out, ok = ShowVLAN(c, id) })
	if !ok {
		return x.Fail(fmt.Sprintf(tx.VLANNotFound, id))
	}
	x.Print(out)
	return nil
}

func showVLANPorts(x *ctx) error {
	ports, err := portsValue(x, "PORTS")
	if err != nil {
		return err
	}
	detail := x.Has("detail")
	return x.Render(func(c *model.Chassis) string { return ShowVLANPorts(c, x.Value("PORTS"), ports, detail) })
}

func showMACAddress(x *ctx) error { return x.Render(ShowMACAddress) }

func showMACVLAN(x *ctx) error {
	id := vlanID(x)
	return x.Render(func(c *model.Chassis) string { return ShowMACVLAN(c, id) })
}

func showMACPorts(x *ctx) error {
	ports, err := portsValue(x, "PORTS")
	if err != nil {
		return err
	}
	return x.Render(func(c *model.Chassis) string { return ShowMACPorts(c, x.Value("PORTS"), ports) })
}

func showLLDPRemote(x *ctx) error {
	if _, given := x.M.Value("PORTS"); !given {
		return x.Render(ShowLLDPRemote)
	}
	ports, err := portsValue(x, "PORTS")
	if err != nil {
		return err
	}
	return x.Render(func(c *model.Chassis) string { return ShowLLDPDetail(c, ports) })
}

func showIP(x *ctx) error   { return x.Render(ShowIP) }
func showTime(x *ctx) error { return x.Render(ShowTime) }

// keyKind is the type and size show ip ssh gives a served host key.
func keyKind(authorized string) (string, int) {
	kind, _, _ := strings.Cut(authorized, " ")
	switch kind {
	case "ssh-ed25519":
		return "ED25519", 256
	case "ssh-rsa":
		return "RSA", 2048
	case "":
		return "", 0
	}
	return strings.ToUpper(strings.TrimPrefix(kind, "ssh-")), 0
}

func showIPSSH(x *ctx) error {
	kind, bits := keyKind(x.S.Host.HostPublicKey())
	users := x.S.Host.Users(x.S)
	x.Print(ShowIPSSH(kind, bits, users))
	return nil
}

func showUsers(x *ctx) error {
	x.Print(ShowUsers(x.S.Host.Users(x.S)))
	return nil
}

func showHistory(x *ctx) error {
	x.Print(ShowHistory(x.S.History))
	return nil
}

func showConfigStatus(x *ctx) error { return x.Render(ShowConfigStatus) }
func showConfigFiles(x *ctx) error  { return x.Render(ShowConfigFiles) }

// showConfigFile shows a saved configuration file (show config config2).
func showConfigFile(x *ctx) error {
	file := x.Value("FILENAME")
	var out string
	x.View(func(c *model.Chassis) {
		if a := c.Active(); a != nil && a.Configs[file] != nil {
			out = ConfigText(c, a.Configs[file], true)
		}
	})
	if out == "" {
		return x.Fail(fmt.Sprintf(tx.ConfigNotFound, file))
	}
	x.Print(out)
	return nil
}

func showHostKey(x *ctx) error {
	key := x.S.Host.HostPublicKey()
	if key == "" {
		return x.Fail(tx.NoHostKey)
	}
	x.Print(tx.HostKeyHead + key + "\n\n")
	return nil
}

func showStructured(x *ctx) error {
	return x.Render(func(c *model.Chassis) string { return configText(c, c.Running, false, true) })
}

// showTech is a bounded show tech: the show commands support asks for
// first, each after the command line that produced it.
func showTech(x *ctx) error {
	return x.Render(func(c *model.Chassis) string {
		host := ""
		if c.Running != nil {
			host = c.Running.Hostname
		}
		parts := []struct {
			cmd string
			fn  func() string
		}{
			{"show system", func() string { return ShowSystem(c) }},
			{"show version", func() string { return ShowVersion(c) }},
			{"show flash", func() string { return ShowFlash(c, x.S.Module) }},
			{"show modules", func() string { return ShowModules(c) }},
			{"show redundancy", func() string { return ShowRedundancy(c) }},
			{"show interfaces brief", func() string { return ShowInterfacesBrief(c) }},
			{"show vlans", func() string { return ShowVLANs(c) }},
			{"show ip", func() string { return ShowIP(c) }},
			{"show running-config", func() string { return ConfigText(c, c.Running, false) }},
			{"show log", func() string { return ShowLog(c, false, false) }},
		}
		var b strings.Builder
		for _, p := range parts {
			fmt.Fprintf(&b, tx.TechSection, host, p.cmd)
			b.WriteString(p.fn())
		}
		return b.String()
	})
}

// TFTP copies of configuration files.

// tftpFail prints a TFTP error as copy tftp flash does.
func tftpFail(x *ctx, err error) error {
	text := tx.TFTPAccess
	switch {
	case errors.Is(err, commands.ErrTFTPUnreachable):
		text = tx.TFTPTimeout
	case errors.Is(err, commands.ErrTFTPNotFound):
		text = tx.TFTPNotFound
	}
	return x.Fail(fmt.Sprintf(tx.DownloadCounter, 0) + " " + text)
}

// copyConfigTFTP uploads the running or the startup configuration
// ("copy running-config tftp 10.0.0.1 switch.cfg", the K.15 backup).
func copyConfigTFTP(x *ctx) error {
	startup := x.Has("startup-config")
	var text string
	x.View(func(c *model.Chassis) {
		if startup {
			var cf *model.Config
			if a := c.Active(); a != nil {
				cf = a.Startup()
			}
			text = ConfigText(c, cf, true)
			return
		}
		text = ConfigText(c, c.Running, false)
	})
	if err := x.S.Host.TFTPPut(x.Value("IP-ADDR"), x.Value("FILENAME"), []byte(text)); err != nil {
		return tftpFail(x, err)
	}
	return nil
}

// copyTFTPStartup downloads a configuration file as the startup
// configuration and reboots with it.
func copyTFTPStartup(x *ctx) error {
	ok, err := x.yes(tx.ReloadQuestion)
	if err != nil || !ok {
		return err
	}
	data, err := x.S.Host.TFTPGet(x.Value("IP-ADDR"), x.Value("FILENAME"))
	if err != nil {
		return tftpFail(x, err)
	}
	var cf *model.Config
	var perr error
	x.View(func(c *model.Chassis) { cf, perr = ParseConfig(c, string(data)) })
	if perr != nil {
		return x.Fail(perr.Error())
	}
	err = x.Do(func(c *model.Chassis) error {
		c.Running = cf
		if err := c.WriteMemory(); err != nil {
			return err
		}
		return c.BootSystem(x.S.Origin(), nil)
	})
	if errors.Is(err, model.ErrNoImage) {
		return x.Fail(fmt.Sprintf(tx.NoImage, "Primary"))
	}
	return err
}

// copyFlashFlash copies the other flash's image into the one named.
func copyFlashFlash(x *ctx) error {
	dst := chosenBank(x)
	src := model.Primary
	if dst == model.Primary {
		src = model.Secondary
	}
	var img *model.Image
	x.View(func(c *model.Chassis) {
		if a := c.Active(); a != nil && a.Flash[src] != nil {
			img = a.Flash[src].Clone()
		}
	})
	if img == nil {
		return x.Fail(fmt.Sprintf(tx.NoImage, bankName(src)))
	}
	ok, err := x.yes(fmt.Sprintf(tx.DeleteImageQuestion, bankName(dst)))
	if err != nil || !ok {
		return err
	}
	var tr *model.Transfer
	err = x.Do(func(c *model.Chassis) error {
		var err error
		tr, err = c.StartDownload(model.Download{Module: -1, Bank: dst, Image: img})
		return err
	})
	if errors.Is(err, model.ErrBusy) {
		return x.Fail(tx.TransferBusy)
	}
	if err != nil {
		return err
	}
	if err := x.T.Wait(func(*model.Chassis) bool { return tr.Done }); err != nil {
		return err
	}
	x.Print(tx.Validating + "\n")
	return nil
}

func writeTerminal(x *ctx) error { return showRunning(x) }

// Reachability, answered from the model: the switch's own addresses and
// a configured default gateway answer; other addresses of a connected
// subnet, and everything behind the gateway, stay silent.

type reach int

const (
	reachNone      reach = iota // no route: unreachable at once
	reachConnected              // in a connected subnet, but nobody answers
	reachRouted                 // behind the gateway, where nobody answers
	reachSelf                   // one of the switch's own addresses
	reachGateway                // the default gateway
)

// silent reports whether pings to the address go unanswered.
func (r reach) silent() bool { return r == reachConnected || r == reachRouted }

// reachOf says how an address answers.
func reachOf(c *model.Chassis, dst netip.Addr) reach {
	if c.Running == nil {
		return reachNone
	}
	var nets []netip.Prefix
	for _, v := range c.Running.VLANs {
		a, m, ok := addrOf(v)
		if !ok {
			continue
		}
		if a == dst {
			return reachSelf
		}
		bits := 0
		for _, b := range m.As4() {
			for ; b&0x80 != 0; b <<= 1 {
				bits++
			}
		}
		nets = append(nets, netip.PrefixFrom(a, bits).Masked())
	}
	connected := func(a netip.Addr) bool {
		for _, n := range nets {
			if n.Contains(a) {
				return true
			}
		}
		return false
	}
	gw, err := netip.ParseAddr(setting(c.Running, keyGateway))
	gwOK := err == nil && connected(gw)
	switch {
	case gwOK && dst == gw:
		return reachGateway
	case connected(dst):
		return reachConnected
	case gwOK:
		return reachRouted
	}
	return reachNone
}

// now is the chassis clock.
func (x *ctx) now() time.Time {
	var t time.Time
	x.View(func(c *model.Chassis) { t = c.Now() })
	return t
}

// sleepUntil waits on the chassis clock. Probes count their deadlines
// from the command's start, so a late wake-up does not delay the next.
func (x *ctx) sleepUntil(until time.Time) error {
	x.Do(func(c *model.Chassis) error {
		c.WakeAt(until)
		return nil
	})
	return x.T.Wait(func(c *model.Chassis) bool { return !c.Now().Before(until) })
}

// ping sends IP pings (repetitions, each waiting timeout seconds for
// its answer).
func ping(x *ctx) error {
	dst, _ := netip.ParseAddr(x.Value("IP-ADDR"))
	reps := intValue(x, "REPETITIONS", 1)
	timeout := time.Duration(intValue(x, "TIMEOUT", 5)) * time.Second
	var r reach
	x.View(func(c *model.Chassis) { r = reachOf(c, dst) })
	if r == reachNone {
		return x.Fail(tx.PingUnreachable)
	}
	got := 0
	at := x.now()
	for i := 1; i <= reps; i++ {
		if r.silent() {
			at = at.Add(timeout)
			if err := x.sleepUntil(at); err != nil {
				return err
			}
			x.Print(tx.PingTimeout + "\n")
			continue
		}
		got++
		if reps == 1 {
			x.Print(fmt.Sprintf(tx.PingAlive, dst, 1) + "\n")
		} else {
			x.Print(fmt.Sprintf(tx.PingAliveIteration, dst, i, 1) + "\n")
		}
	}
	if reps > 1 {
		x.Print(fmt.Sprintf(tx.PingSummary, reps, got, (reps-got)*100/reps) + "\n")
		if got > 0 {
			x.Print(fmt.Sprintf(tx.PingRTT, 1, 1, 1) + "\n")
		}
	}
	return nil
}

// traceroute lists the hops to an address: the answering hop when there
// is one (the address itself or the gateway), then silent hops up to
// maxttl, each probe waiting its timeout.
func traceroute(x *ctx) error {
	dst, _ := netip.ParseAddr(x.Value("IP-ADDR"))
	minTTL := intValue(x, "MINTTL", 1)
	maxTTL := intValue(x, "MAXTTL", 30)
	timeout := intValue(x, "SECONDS", 5)
	probes := intValue(x, "PROBES", 3)
	var r reach
	var gw string
	x.View(func(c *model.Chassis) { r, gw = reachOf(c, dst), setting(c.Running, keyGateway) })
	if r == reachNone {
		return x.Fail(tx.PingUnreachable)
	}
	x.Print(fmt.Sprintf(tx.TracerouteHead, dst, maxTTL, timeout, probes))
	answer := ""
	switch r {
	case reachSelf:
		answer = dst.String()
	case reachGateway, reachRouted:
		answer = gw // the first hop of a routed address is the gateway
	}
	at := x.now()
	for hop := minTTL; hop <= maxTTL; hop++ {
		if hop == 1 && answer != "" {
			row := fmt.Sprintf("%2d %s", hop, pad(answer, 22))
			for p := 1; p < probes; p++ {
				row += pad("1 ms", 10)
			}
			x.Print(row + "1 ms\n")
			if r != reachRouted {
				return nil
			}
			continue
		}
		x.Print(fmt.Sprintf("%2d", hop))
		for p := 0; p < probes; p++ {
			at = at.Add(time.Duration(timeout) * time.Second)
			if err := x.sleepUntil(at); err != nil {
				return err
			}
			x.Print("  *")
		}
		x.Print(" \n")
	}
	return nil
}

// linkTest sends 802.2 test frames to a MAC address: a station learned
// on a port answers.
func linkTest(x *ctx) error {
	mac := strings.ToLower(x.Value("MAC-ADDR"))
	norm := strings.NewReplacer("-", "", ":", "", ".", "").Replace(mac)
	if len(norm) != 12 || strings.Trim(norm, "0123456789abcdef") != "" {
		return x.Fail(fmt.Sprintf(tx.InvalidInput, x.Value("MAC-ADDR")))
	}
	reps := intValue(x, "REPETITIONS", 1)
	timeout := time.Duration(intValue(x, "TIMEOUT", 5)) * time.Second
	found := false
	x.View(func(c *model.Chassis) {
		for _, n := range neighbors(c) {
			if strings.ReplaceAll(n.MAC, "-", "") == norm {
				found = true
			}
		}
	})
	if !found {
		if err := x.sleepUntil(x.now().Add(time.Duration(reps) * timeout)); err != nil {
			return err
		}
		return x.Fail(tx.LinkFailed)
	}
	x.Print(tx.LinkPassed + "\n")
	return nil
}

// Configuration lines.

func defaultGateway(x *ctx) error {
	gw := ""
	if !x.Has("no") {
		gw = x.Value("IP-ADDR")
	}
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		setSetting(cf, keyGateway, gw)
		return nil
	})
}

func snmpContact(x *ctx) error {
	text := ""
	if !x.Has("no") {
		text = bannerText(x.Value("TEXT"))
	}
	location := x.Has("location")
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		if location {
			cf.Location = text
		} else {
			cf.Contact = text
		}
		return nil
	})
}

func snmpCommunity(x *ctx) error {
	name := x.Value("NAME")
	if x.Has("no") {
		return x.configure(func(_ *model.Chassis, cf *model.Config) error {
			removeCommunity(cf, name)
			return nil
		})
	}
	op, unr := x.Has("operator"), x.Has("unrestricted")
	return x.configure(func(_ *model.Chassis, cf *model.Config) error {
		setCommunity(cf, name, op, unr)
		return nil
	})
}

// moduleType accepts the module lines of a configuration: the slot's
// type is the module installed in it.
func moduleType(x *ctx) error { return nil }

func noVLANPorts(x *ctx) error {
	id := vlanID(x)
	found := false
	x.View(func(c *model.Chassis) { found = c.Running != nil && c.Running.VLAN(id) != nil })
	if !found {
		return x.Fail(fmt.Sprintf(tx.VLANNotFound, id))
	}
	return membership(x, id, x.Value("PORTS"), x.Has("tagged"), true)
}

func vlanIP(x *ctx) error {
	id := vlanID(x)
	ip := ""
	switch {
	case x.Has("no"):
	case x.Has("dhcp-bootp"):
		ip = "dhcp-bootp"
	default:
		ip = x.Value("IP-ADDR") + " " + x.Value("MASK")
	}
	return x.configure(func(c *model.Chassis, cf *model.Config) error {
		cf.EnsureVLAN(id, c.Profile.VLANName(id)).IP = ip
		return nil
	})
}

// ctxPortVLAN is "[no] untagged|tagged vlan N" in an interface context.
func ctxPortVLAN(x *ctx) error {
	return membership(x, vlanID(x), contextPort(x), x.Has("tagged"), x.Has("no"))
}

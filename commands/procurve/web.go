package procurve

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// The 8212zl's web browser interface (chapter 15, "Using the Web Browser
// for Redundant Management"): the Identity page, Status -> Overview,
// Status -> Redundancy Status (its button only while the other module is
// in standby mode), Configuration -> Device View (a drawing of the front
// with the LEDs of Table 15-2), and the "?" help. Every value is the
// model's, as the CLI renders it; the words are prompts/procurve's.

var _ commands.WebUI = Vendor{}

// Web is the 8212zl's web interface.
func (Vendor) Web() *commands.WebInterface { return webUI }

var webUI = &commands.WebInterface{
	Title: webTitle,
	Tabs: []commands.WebTab{
		{Name: tx.WebTabIdentity, Buttons: []commands.WebButton{
			{Name: tx.WebTabIdentity, Path: "/identity", Render: webIdentity}}},
		{Name: tx.WebTabStatus, Buttons: []commands.WebButton{
			{Name: tx.WebButtonOverview, Path: "/status/overview", Render: webOverview},
			{Name: tx.WebButtonRedundancy, Path: "/status/redundancy", Visible: redundancyVisible, Render: webRedundancy}}},
		{Name: tx.WebTabConfiguration, Buttons: []commands.WebButton{
			{Name: tx.WebButtonDevice, Path: "/configuration/device-view", Render: webDeviceView}}},
	},
	Help:  webHelp,
	Style: webStyle,
	Texts: commands.WebTexts{
		Realm:        tx.WebRealm,
		Unauthorized: tx.WebUnauthorized,
		Forbidden:    tx.WebForbidden,
		NotFound:     tx.WebNotFound,
		ReadOnly:     tx.WebReadOnly,
		Reconnecting: tx.WebReconnecting,
		Help:         tx.WebHelpTitle,
		Live:         tx.WebLive,
	},
}

const webStyle = `
svg.device { background: #fff; max-width: 900px; width: 100%; height: auto; }
svg.device .chassis { fill: #c9ccd1; stroke: #555; }
svg.device .card { fill: #e9ebee; stroke: #666; }
svg.device .empty { fill: #a9adb3; stroke: #777; }
svg.device .port { fill: #444; }
svg.device .port.up { fill: #2c2; }
svg.device text { font: 11px Arial, Helvetica, sans-serif; fill: #111; }
svg.device text.small { font-size: 9px; }
svg.device .mm { fill: #dfe3ea; stroke: #445; }
svg.device .mm.active { stroke: #2a2; stroke-width: 2; }
`

var webHelpTexts = map[string]string{
	"/identity":                  tx.WebHelpIdentity,
	"/status/overview":           tx.WebHelpOverview,
	"/status/redundancy":         tx.WebHelpRedundancy,
	"/configuration/device-view": tx.WebHelpDevice,
}

func webHelp(path string) string {
	return "<p id=\"help-text\">" + esc(webHelpTexts[path]) + "</p>"
}

func esc(s string) string { return html.EscapeString(s) }

func webHostname(c *model.Chassis) string {
	if c.Running != nil {
		return c.Running.Hostname
	}
	return ""
}

func webTitle(c *model.Chassis) string {
	return fmt.Sprintf(tx.WebTitle, webHostname(c), branded(c.Info.Name, release(c, c.ActiveIndex())))
}

// redundancyVisible: the Redundancy Status button shows only while the
// other (non-active) module is in standby mode (not warm standby,
// offline, failed or booting).
func redundancyVisible(c *model.Chassis) bool {
	a := c.ActiveIndex()
	if a < 0 {
		return false
	}
	for i, m := range c.Modules {
		if i != a && m.Present && m.State == model.Standby {
			return true
		}
	}
	return false
}

// webUptime prints an up time on the pages.
func webUptime(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d / time.Second)
	return fmt.Sprintf(tx.WebUpTimeFormat, s/86400, s/3600%24, s/60%60, s%60)
}

func version(m *model.Module) string {
	if m.Running == nil {
		return tx.WebNotRunning
	}
	return m.Running.Version
}

// row is a table row of heading and value.
func row(b *strings.Builder, id, head, value string) {
	fmt.Fprintf(b, "<tr><th>%s</th><td id=\"%s\">%s</td></tr>\n", esc(head), id, esc(value))
}

func webIdentity(c *model.Chassis) string {
	var b strings.Builder
	cf := c.Running
	name, contact, location := "", "", ""
	if cf != nil {
		name, contact, location = cf.Hostname, cf.Contact, cf.Location
	}
	b.WriteString("<table class=\"info\" id=\"identity\">\n")
	row(&b, "system-name", tx.WebSystemName, name)
	row(&b, "system-contact", tx.WebSystemContact, contact)
	row(&b, "system-location", tx.WebSystemLocation, location)
	row(&b, "product", tx.WebProduct, branded(c.Info.Name, release(c, c.ActiveIndex())))
	row(&b, "serial", tx.WebSerialNumber, c.Info.Serial)
	row(&b, "base-mac", tx.WebBaseMAC, c.Info.BaseMAC)
	b.WriteString("</table>\n<table class=\"info\" id=\"versions\">\n")
	fmt.Fprintf(&b, "<tr><th></th><th>%s</th><th>%s</th><th>%s</th></tr>\n", esc(tx.WebStatusHead), esc(tx.WebSoftwareVersion), esc(tx.WebROMVersion))
	for i, m := range c.Modules {
		if !m.Present {
			continue
		}
		fmt.Fprintf(&b, "<tr data-module=\"%d\" data-status=\"%s\"><th>%s</th><td class=\"status\">%s</td><td class=\"version\">%s</td><td class=\"rom\">%s</td></tr>\n",
			i+1, esc(statusName(m)), esc(fmt.Sprintf(tx.WebModuleHead, m.Slot)), esc(statusName(m)), esc(version(m)), esc(m.ROM.Version))
	}
	b.WriteString("</table>\n")
	return b.String()
}

func webOverview(c *model.Chassis) string {
	var b strings.Builder
	b.WriteString("<table class=\"info\" id=\"overview\">\n")
	fmt.Fprintf(&b, "<tr><th></th><th>%s</th><th>%s</th><th>%s</th></tr>\n", esc(tx.WebStatusHead), esc(tx.WebSoftwareVersion), esc(tx.WebSystemUpTime))
	for i, m := range c.Modules {
		if !m.Present {
			continue
		}
		up := ""
		if m.Running != nil {
			up = webUptime(c.Now().Sub(m.UpSince))
		}
		fmt.Fprintf(&b, "<tr data-module=\"%d\" data-status=\"%s\"><th>%s</th><td class=\"status\">%s</td><td class=\"version\">%s</td><td class=\"uptime\">%s</td></tr>\n",
			i+1, esc(statusName(m)), esc(fmt.Sprintf(tx.WebModuleHead, m.Slot)), esc(statusName(m)), esc(version(m)), esc(up))
	}
	b.WriteString("</table>\n")
	return b.String()
}

func webRedundancy(c *model.Chassis) string {
	sw := release(c, c.ActiveIndex())
	var b strings.Builder
	last := ""
	if !c.LastFailover.IsZero() {
		last = ctime(c.LastFailover)
	}
	// the words of show redundancy (Figures 15-1 to 15-25)
	b.WriteString("<table class=\"info\" id=\"redundancy-settings\">\n")
	row(&b, "mgmt-redundancy", tx.WebMgmtRedundancy, redundancySetting(c))
	row(&b, "failovers", tx.WebFailovers, fmt.Sprint(c.Failovers))
	row(&b, "last-failover", tx.WebLastFailover, last)
	b.WriteString("</table>\n<table class=\"info\" id=\"redundancy-modules\">\n")
	fmt.Fprintf(&b, "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", tx.WebSlot, tx.WebModuleDesc, tx.WebStatusHead, tx.WebSWVersion, tx.WebBootImage)
	for i, m := range c.Modules {
		if !m.Present {
			continue
		}
		ver, boot := "", ""
		if m.Running != nil {
			ver, boot = m.Running.Version, bankName(m.BootedBank)
		}
		fmt.Fprintf(&b, "<tr data-module=\"%d\" data-status=\"%s\"><td>%d</td><td>%s</td><td class=\"status\">%s</td><td class=\"version\">%s</td><td>%s</td></tr>\n",
			i+1, esc(statusName(m)), m.Slot, esc(branded(m.Hardware.Description, sw)), esc(statusName(m)), esc(ver), esc(boot))
	}
	b.WriteString("</table>\n<table class=\"info\" id=\"redundancy-fabrics\">\n")
	fmt.Fprintf(&b, "<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n", tx.WebSlot, tx.WebModuleDesc, tx.WebStatusHead)
	for _, f := range c.Fabrics {
		st := fabricStatus(c, f.Number)
		fmt.Fprintf(&b, "<tr data-fabric=\"%d\"><td>%d</td><td>%s</td><td class=\"status\">%s</td></tr>\n",
			f.Number, f.Number, esc(branded(f.Hardware.Description, sw)), st)
	}
	b.WriteString("</table>\n")
	return b.String()
}

// StbyLED is module i's Stby LED: solid green in standby mode (Figure
// 15-29's prose); its other states are ours (tx.WebStbyStates).
func StbyLED(c *model.Chassis, i int) model.LED {
	m := c.Module(i)
	if m == nil || !m.Present {
		return model.LEDOff
	}
	switch m.State {
	case model.Standby:
		return model.LEDGreen
	case model.WarmStandby:
		return model.LEDFlashingGreen
	}
	return model.LEDOff
}

// ActvRow is the row of Table 15-2 the Actv LEDs show now (1-4), 0 when
// none does (one module, the other absent, or booting for another
// reason). Row 4 is the switchover completed: the new active solid
// green, the old one not lit, not yet back since the failover.
func ActvRow(c *model.Chassis) int {
	if len(c.Modules) < 2 {
		return 0
	}
	for i := range c.Modules {
		if c.ActvLED(i) == model.LEDFlashingGreen {
			return 3
		}
	}
	a := c.ActiveIndex()
	if a < 0 {
		return 0
	}
	o := c.Module(1 - a)
	switch {
	case c.ActvLED(1-a) == model.LEDFastOrange:
		return 2
	case !o.Present:
		return 0
	case o.State == model.Standby:
		return 1
	case c.Failovers > 0 && !o.UpSince.After(c.LastFailover):
		return 4
	}
	return 0
}

var actvRows = [...]string{"", tx.WebActvRow1, tx.WebActvRow2, tx.WebActvRow3, tx.WebActvRow4}

func ledName(l model.LED) string {
	switch l {
	case model.LEDGreen:
		return tx.WebLEDSolidGreen
	case model.LEDFlashingGreen:
		return tx.WebLEDFlashingGreen
	case model.LEDFastOrange:
		return tx.WebLEDFastOrange
	}
	return tx.WebLEDNotLit
}

// webDeviceView draws the 8212zl's front (arrangement: tx.WebLayout).
func webDeviceView(c *model.Chassis) string {
	const w, h = 900, 420
	var b strings.Builder
	fmt.Fprintf(&b, "<svg class=\"device\" id=\"device\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n",
		w, h, w, h, esc(c.Info.Name))
	fmt.Fprintf(&b, "<rect class=\"chassis\" x=\"2\" y=\"2\" width=\"%d\" height=\"%d\" rx=\"6\"/>\n", w-4, h-4)
	fmt.Fprintf(&b, "<text x=\"14\" y=\"20\">%s</text>\n", esc(branded(c.Info.Name, release(c, c.ActiveIndex()))))
	// interface modules: A-F left, G-L right, above and below the middle
	slotAt := func(k int) (x, y int) {
		col, r := k/6, k%6
		x = 14 + col*440
		y = 30 + r*34
		if r >= 3 {
			y += 136
		}
		return
	}
	for k, s := range c.Slots {
		x, y := slotAt(k)
		card(&b, c, s, x, y)
	}
	// the management and fabric modules across the middle
	for i, m := range c.Modules {
		mgmtModule(&b, c, i, m, 14+i*440, 134)
	}
	for k, f := range c.Fabrics {
		x := 14 + k*440
		cls := "card"
		if !f.Present {
			cls = "empty"
		}
		fmt.Fprintf(&b, "<g id=\"fabric%d\" data-fabric=\"%d\" data-enabled=\"%v\"><rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"432\" height=\"28\"/>",
			f.Number, f.Number, c.FabricEnabled(f.Number), cls, x, 232)
		if f.Present {
			fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\">%s</text>", x+8, 250, esc(branded(f.Hardware.Description, release(c, c.ActiveIndex()))))
		}
		b.WriteString("</g>\n")
	}
	// the System Support module, with the chassis locator
	fmt.Fprintf(&b, "<g id=\"ssm\"><rect class=\"card\" x=\"14\" y=\"%d\" width=\"872\" height=\"34\"/><text x=\"22\" y=\"%d\">%s</text>", 376, 397, esc(branded(c.SSM.Description, release(c, c.ActiveIndex()))))
	fmt.Fprintf(&b, "<circle class=\"led\" id=\"led-locator\" data-led=\"%s\" cx=\"760\" cy=\"393\" r=\"6\"/><text x=\"772\" y=\"397\">%s</text></g>\n",
		commands.WebLocateLED(c), esc(tx.WebLocator))
	b.WriteString("</svg>\n")
	// the legend: what the LEDs say now (Table 15-2)
	r := ActvRow(c)
	fmt.Fprintf(&b, "<table class=\"info\" id=\"leds\">\n<tr><th></th><th>%s</th><th>%s</th><th>%s</th></tr>\n", esc(tx.WebLEDActv), esc(tx.WebLEDStby), esc(tx.WebLEDDwn))
	for i, m := range c.Modules {
		if !m.Present {
			continue
		}
		fmt.Fprintf(&b, "<tr data-module=\"%d\"><th>%s</th><td>%s</td><td>%s</td><td>%s</td></tr>\n", i+1,
			esc(fmt.Sprintf(tx.WebModuleHead, m.Slot)), esc(ledName(c.ActvLED(i))), esc(ledName(StbyLED(c, i))), esc(ledName(c.DwnLED(i))))
	}
	b.WriteString("</table>\n")
	fmt.Fprintf(&b, "<p id=\"actv-meaning\" data-row=\"%d\">%s</p>\n", r, esc(actvRows[r]))
	return b.String()
}

// card draws an interface module slot.
func card(b *strings.Builder, c *model.Chassis, s *model.LineCard, x, y int) {
	if !s.Present {
		fmt.Fprintf(b, "<g id=\"slot-%s\" data-slot=\"%s\" data-present=\"false\"><rect class=\"empty\" x=\"%d\" y=\"%d\" width=\"432\" height=\"30\"/><text x=\"%d\" y=\"%d\">%s</text></g>\n",
			esc(s.Name), esc(s.Name), x, y, x+6, y+19, esc(s.Name))
		return
	}
	fmt.Fprintf(b, "<g id=\"slot-%s\" data-slot=\"%s\" data-present=\"true\" data-status=\"%s\"><rect class=\"card\" x=\"%d\" y=\"%d\" width=\"432\" height=\"30\"/>",
		esc(s.Name), esc(s.Name), esc(s.Status), x, y)
	fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\">%s</text>", x+6, y+19, esc(s.Name))
	fmt.Fprintf(b, "<text class=\"small\" x=\"%d\" y=\"%d\">%s</text>", x+20, y+12, esc(branded(s.Hardware.Description, release(c, c.ActiveIndex()))))
	up := map[int]bool{}
	for _, p := range s.LinkUp {
		up[p] = true
	}
	for p := 1; p <= s.Ports && p <= 24; p++ {
		cls := "port"
		if up[p] {
			cls += " up"
		}
		// two rows of up to 12 ports, odd above
		col, r := (p-1)/2, (p-1)%2
		fmt.Fprintf(b, "<rect class=\"%s\" data-port=\"%s%d\" x=\"%d\" y=\"%d\" width=\"9\" height=\"6\"/>", cls, esc(s.Name), p, x+250+col*14, y+15+r*8)
	}
	b.WriteString("</g>\n")
}

// mgmtModule draws a management module with its buttons and LEDs.
func mgmtModule(b *strings.Builder, c *model.Chassis, i int, m *model.Module, x, y int) {
	label := c.Profile.ModuleLabel(i)
	id := strings.ToLower(label)
	if !m.Present {
		fmt.Fprintf(b, "<g id=\"%s\" data-module=\"%d\" data-present=\"false\"><rect class=\"empty\" x=\"%d\" y=\"%d\" width=\"432\" height=\"92\"/><text x=\"%d\" y=\"%d\">%s</text></g>\n",
			id, i+1, x, y, x+8, y+18, esc(label))
		return
	}
	cls := "mm"
	if m.State == model.Active {
		cls += " active"
	}
	fmt.Fprintf(b, "<g id=\"%s\" data-module=\"%d\" data-present=\"true\" data-state=\"%s\"><rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"432\" height=\"92\"/>",
		id, i+1, m.State, cls, x, y)
	fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\">%s</text>", x+8, y+18, esc(label))
	fmt.Fprintf(b, "<text class=\"small\" x=\"%d\" y=\"%d\">%s</text>", x+50, y+18, esc(branded(m.Hardware.Description, release(c, i))))
	fmt.Fprintf(b, "<text class=\"small\" x=\"%d\" y=\"%d\">%s %s</text>", x+50, y+34, esc(statusName(m)), esc(version(m)))
	leds := []struct {
		name string
		led  model.LED
		key  string
	}{{tx.WebLEDActv, c.ActvLED(i), "actv"}, {tx.WebLEDStby, StbyLED(c, i), "stby"}}
	for k, l := range leds {
		lx := x + 20 + k*60
		fmt.Fprintf(b, "<circle class=\"led\" id=\"%s-%s\" data-led=\"%s\" cx=\"%d\" cy=\"%d\" r=\"6\"/><text class=\"small\" x=\"%d\" y=\"%d\">%s</text>",
			id, l.key, commands.WebLED(l.led), lx, y+58, lx+9, y+61, esc(l.name))
	}
	// MM Reset, MM Shutdown and the Dwn LED to the right of it
	fmt.Fprintf(b, "<rect class=\"card\" x=\"%d\" y=\"%d\" width=\"70\" height=\"16\"/><text class=\"small\" x=\"%d\" y=\"%d\">%s</text>", x+160, y+50, x+166, y+62, esc(tx.WebMMReset))
	fmt.Fprintf(b, "<rect class=\"card\" x=\"%d\" y=\"%d\" width=\"84\" height=\"16\"/><text class=\"small\" x=\"%d\" y=\"%d\">%s</text>", x+240, y+50, x+246, y+62, esc(tx.WebMMShutdown))
	fmt.Fprintf(b, "<circle class=\"led\" id=\"%s-dwn\" data-led=\"%s\" cx=\"%d\" cy=\"%d\" r=\"6\"/><text class=\"small\" x=\"%d\" y=\"%d\">%s</text>",
		id, commands.WebLED(c.DwnLED(i)), x+340, y+58, x+349, y+61, esc(tx.WebLEDDwn))
	b.WriteString("</g>\n")
}

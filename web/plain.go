package web

import (
	"fmt"
	"html"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// Plain is the web interface of a vendor without its own: one page of
// the chassis (its slots, modules, roles, versions and LEDs) from the
// model. Its words are switchsim's, not a vendor's.
func Plain() *commands.WebInterface {
	return &commands.WebInterface{
		Title: plainTitle,
		Tabs: []commands.WebTab{{Name: "Chassis", Buttons: []commands.WebButton{
			{Name: "Chassis", Path: "/chassis", Render: plainChassis},
		}}},
		Help: func(string) string {
			return "<p>The chassis as switchsim models it: each management module's role, software and LEDs, " +
				"the fabric and interface modules. The page follows the chassis while it is open.</p>"
		},
		Texts: commands.WebTexts{
			Realm:        "switchsim",
			Unauthorized: "Log in with the chassis's manager or operator user and password.",
			Forbidden:    "Forbidden.",
			NotFound:     "No such page.",
			ReadOnly:     "This web interface is read-only.",
			Reconnecting: "No management module is active: reconnecting...",
			Help:         "Help",
			Live:         "Live",
		},
	}
}

func hostname(c *model.Chassis) string {
	if c.Running != nil && c.Running.Hostname != "" {
		return c.Running.Hostname
	}
	return c.Info.Name
}

func plainTitle(c *model.Chassis) string {
	return hostname(c) + " - " + c.Info.Name
}

func esc(s string) string { return html.EscapeString(s) }

func plainChassis(c *model.Chassis) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<table class=\"info\" id=\"chassis\"><tr><th>Name</th><td>%s</td></tr><tr><th>Product</th><td>%s</td></tr>"+
		"<tr><th>Serial</th><td>%s</td></tr><tr><th>Base MAC</th><td>%s</td></tr>"+
		"<tr><th>Locator</th><td><span class=\"led\" data-led=\"%s\" id=\"led-locate\"></span></td></tr></table>\n",
		esc(c.Info.Name), esc(c.Info.Product), esc(c.Info.Serial), esc(c.Info.BaseMAC), commands.WebLocateLED(c))
	b.WriteString("<h3>Management modules</h3>\n<table class=\"info\" id=\"modules\"><tr><th>Module</th><th>Role</th><th>Software</th><th>Active LED</th><th>Down LED</th></tr>\n")
	for i, m := range c.Modules {
		if !m.Present {
			continue
		}
		label := c.Profile.ModuleLabel(i)
		ver := ""
		if m.Running != nil {
			ver = m.Running.Version
		}
		fmt.Fprintf(&b, "<tr data-module=\"%s\" data-state=\"%s\"><td>%s</td><td>%s</td><td>%s</td>"+
			"<td><span class=\"led\" data-led=\"%s\" id=\"led-actv-%d\"></span></td><td><span class=\"led\" data-led=\"%s\" id=\"led-dwn-%d\"></span></td></tr>\n",
			esc(label), m.State, esc(label), m.State, esc(ver),
			commands.WebLED(c.ActvLED(i)), i+1, commands.WebLED(c.DwnLED(i)), i+1)
	}
	b.WriteString("</table>\n")
	if len(c.Fabrics) > 0 {
		b.WriteString("<h3>Fabric modules</h3>\n<table class=\"info\" id=\"fabrics\"><tr><th>Fabric</th><th>Module</th><th>Enabled</th></tr>\n")
		for _, f := range c.Fabrics {
			if !f.Present {
				continue
			}
			fmt.Fprintf(&b, "<tr><td>%d</td><td>%s</td><td>%v</td></tr>\n", f.Number, esc(f.Hardware.Description), c.FabricEnabled(f.Number))
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("<h3>Interface modules</h3>\n<table class=\"info\" id=\"slots\"><tr><th>Slot</th><th>Module</th><th>Ports</th><th>Status</th></tr>\n")
	for _, s := range c.Slots {
		if !s.Present {
			fmt.Fprintf(&b, "<tr data-slot=\"%s\"><td>%s</td><td></td><td></td><td></td></tr>\n", esc(s.Name), esc(s.Name))
			continue
		}
		fmt.Fprintf(&b, "<tr data-slot=\"%s\"><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>\n",
			esc(s.Name), esc(s.Name), esc(s.Hardware.Description), s.Ports, esc(s.Status))
	}
	b.WriteString("</table>\n")
	return b.String()
}

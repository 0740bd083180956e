package commands

import "github.com/switchsim/switchsim/model"

// WebUI is what a vendor with a web interface of its own offers (the
// 8212zl's, chapter 15); the web package serves it (login, pages, live
// updates, refusals) and gives every other vendor a plain chassis page.
// Every page is rendered from the chassis model, read-only.
type WebUI interface {
	Web() *WebInterface
}

// WebInterface is a vendor's web interface: tabs of buttons, each button a
// page, and the texts the server answers with.
type WebInterface struct {
	// Title is the title of every page (the product, the hostname).
	Title func(c *model.Chassis) string
	// Tabs in their order; the first tab's first visible button is the
	// home page.
	Tabs []WebTab
	// Help is the "?" button's page for the page at path (an HTML
	// fragment).
	Help func(path string) string
	// Style is extra CSS for the vendor's pages (its drawing's LEDs).
	Style string
	// Texts are the refusals and notices.
	Texts WebTexts
}

// WebTab is a tab and its buttons.
type WebTab struct {
	Name    string
	Buttons []WebButton
}

// WebButton is a button under a tab, and the page it opens.
type WebButton struct {
	Name string
	// Path is the page's path ("/status/overview").
	Path string
	// Visible, when set, says whether the button shows now (and whether
	// its page is served); nil: always.
	Visible func(c *model.Chassis) bool
	// Render is the page's content, an HTML fragment with every value
	// escaped, rendered from the model.
	Render func(c *model.Chassis) string
}

// WebTexts are what the web interface says besides its pages.
type WebTexts struct {
	Realm        string // HTTP Basic authentication realm
	Unauthorized string // a wrong or missing password
	Forbidden    string // a request the switch refuses (another origin, a foreign Host, no passwords off loopback)
	NotFound     string // an unknown path, or a page whose button is hidden
	ReadOnly     string // a POST, PUT or DELETE
	Reconnecting string // no module is active: the page waits for one
	Help         string // the "?" button's label (its title)
	Live         string // shown while live updates are connected
}

// WebLED is an LED's state as the web pages mark it (data-led): "off",
// "solid-green", "flashing-green", "fast-orange".
func WebLED(l model.LED) string {
	switch l {
	case model.LEDGreen:
		return "solid-green"
	case model.LEDFlashingGreen:
		return "flashing-green"
	case model.LEDFastOrange:
		return "fast-orange"
	}
	return "off"
}

// WebLocateLED is the chassis locator LED as the web pages mark it:
// "off", "solid-blue" (on) or "flashing-blue" (blink).
func WebLocateLED(c *model.Chassis) string {
	switch c.Locator {
	case "on":
		return "solid-blue"
	case "blink":
		return "flashing-blue"
	}
	return "off"
}

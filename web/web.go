// Package web serves a chassis's web interface over HTTP: the vendor's
// pages (commands.WebUI) or, for a vendor without one, a plain chassis
// page, every value rendered from the chassis model. It is read-only:
// GET and HEAD only. It answers only while the chassis has an active
// module (as the real switch's management address does); it logs in with
// HTTP Basic authentication against the chassis's manager and operator
// passwords, checked on every request (so the browser's resent
// credentials work on the module that took over); a chassis without
// passwords lets everyone in, from loopback only. Live updates are
// server-sent events (/events), which end when the active module changes,
// as CLI sessions do; the pages work without JavaScript except for them.
// Nothing here names a vendor.
package web

import (
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
)

// Chassis is what the web interface reads: a served chassis (the
// server's Host).
type Chassis interface {
	// View runs fn with the chassis locked, its clock brought to now.
	View(fn func(c *model.Chassis))
	// ActiveModule is the active module's index, -1 while none is.
	ActiveModule() int
	// Changes delivers a signal after every change of the chassis (a
	// buffered channel of one: signals may merge) until stop is called.
	Changes() (ch <-chan struct{}, stop func())
}

// MaxHeaderBytes is the most header a request may carry; a larger one is
// refused (431) by the HTTP server before it reaches a handler.
const MaxHeaderBytes = 8 << 10

// httpHeaderSlack is what net/http reads beyond its Server's
// MaxHeaderBytes before refusing.
const httpHeaderSlack = 4096

// Refresh is how often an open event stream re-renders even without a
// change (the up times move with the clock).
var Refresh = time.Second

// Handler is one chassis's web interface.
type Handler struct {
	ch Chassis
	ui *commands.WebInterface
}

// New is the web interface of a chassis of vendor v: the vendor's own
// (commands.WebUI) or the plain chassis page.
func New(ch Chassis, v any) *Handler {
	var ui *commands.WebInterface
	if w, ok := v.(commands.WebUI); ok {
		ui = w.Web()
	}
	if ui == nil {
		ui = Plain()
	}
	return &Handler{ch: ch, ui: ui}
}

// NewServer is an http.Server for a handler, with the limits every web
// listener has.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, MaxHeaderBytes: MaxHeaderBytes - httpHeaderSlack,
		ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
}

//go:embed web.js
var script string

//go:embed web.css
var style string

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'")
	t := h.ui.Texts
	if !h.hostOK(r) || !sameOrigin(r) {
		h.refuse(w, http.StatusForbidden, t.Forbidden)
		return
	}
	if h.ch.ActiveModule() < 0 {
		// a takeover: nobody answers on the management address
		hd.Set("Retry-After", "1")
		h.reconnecting(w, r)
		return
	}
	switch h.login(r) {
	case loginNone:
		hd.Set("WWW-Authenticate", `Basic realm="`+t.Realm+`", charset="UTF-8"`)
		h.refuse(w, http.StatusUnauthorized, t.Unauthorized)
		return
	case loginForbidden:
		h.refuse(w, http.StatusForbidden, t.Forbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		h.refuse(w, http.StatusMethodNotAllowed, t.ReadOnly)
		return
	}
	switch r.URL.Path {
	case "/":
		var home string
		h.ch.View(func(c *model.Chassis) { home = h.home(c) })
		http.Redirect(w, r, home, http.StatusSeeOther)
		return
	case "/web.js":
		hd.Set("Content-Type", "text/javascript; charset=utf-8")
		fmt.Fprint(w, script)
		return
	case "/web.css":
		hd.Set("Content-Type", "text/css; charset=utf-8")
		fmt.Fprint(w, style+h.ui.Style)
		return
	case "/events":
		h.events(w, r)
		return
	case "/help":
		h.help(w, r)
		return
	}
	b := h.button(r.URL.Path)
	if b == nil || r.URL.RawQuery != "" {
		h.refuse(w, http.StatusNotFound, t.NotFound)
		return
	}
	var out string
	ok := true
	h.ch.View(func(c *model.Chassis) {
		if b.Visible != nil && !b.Visible(c) {
			ok = false
			return
		}
		out = h.page(c, b.Path, b.Render(c))
	})
	if !ok {
		h.refuse(w, http.StatusNotFound, t.NotFound)
		return
	}
	hd.Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, out)
}

// button finds the page at path.
func (h *Handler) button(path string) *commands.WebButton {
	for i := range h.ui.Tabs {
		for j := range h.ui.Tabs[i].Buttons {
			if b := &h.ui.Tabs[i].Buttons[j]; b.Path == path {
				return b
			}
		}
	}
	return nil
}

func visible(b *commands.WebButton, c *model.Chassis) bool {
	return b.Visible == nil || b.Visible(c)
}

// home is the first visible page.
func (h *Handler) home(c *model.Chassis) string {
	for i := range h.ui.Tabs {
		for j := range h.ui.Tabs[i].Buttons {
			if b := &h.ui.Tabs[i].Buttons[j]; visible(b, c) {
				return b.Path
			}
		}
	}
	return "/"
}

// hostOK: on a loopback listener the Host header names a loopback
// address (a page of another site whose name was rebound to loopback is
// refused: DNS rebinding). A listener off loopback (a container's, its
// chassis with passwords of their own: the exposure rule) is reached by
// whatever name the network gives it.
func (h *Handler) hostOK(r *http.Request) bool {
	if la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if ta, ok := la.(*net.TCPAddr); ok && !ta.IP.IsLoopback() {
			return true
		}
	}
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sameOrigin refuses what a page of another origin asks the browser to
// fetch (Origin or Sec-Fetch-Site say so).
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	return o == "http://"+r.Host
}

type loginResult int

const (
	loginOK loginResult = iota
	loginNone
	loginForbidden
)

// login checks the Basic credentials against the chassis's users, as the
// CLI does: manager or operator with its password; a chassis with no
// passwords lets everyone in from loopback.
func (h *Handler) login(r *http.Request) loginResult {
	var cr model.Credentials
	h.ch.View(func(c *model.Chassis) { cr = c.Credentials })
	if cr.ManagerPassword == "" && cr.OperatorPassword == "" {
		if !fromLoopback(r) {
			return loginForbidden
		}
		return loginOK
	}
	user, pw, ok := r.BasicAuth()
	if !ok {
		return loginNone
	}
	eq := func(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
	switch {
	case eq(user, cr.ManagerUser) && cr.ManagerPassword != "" && eq(pw, cr.ManagerPassword):
		return loginOK
	case eq(user, cr.OperatorUser) && cr.OperatorPassword != "" && eq(pw, cr.OperatorPassword):
		return loginOK
	}
	return loginNone
}

func fromLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// refuse answers with a refusal text, changing nothing.
func (h *Handler) refuse(w http.ResponseWriter, code int, text string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%d</title></head><body><p>%s</p></body></html>\n",
		code, html.EscapeString(text))
}

// reconnecting is what a browser gets while no module is active: the
// page says so and tries again (with JavaScript, or the refresh a
// browser without it follows).
func (h *Handler) reconnecting(w http.ResponseWriter, r *http.Request) {
	t := html.EscapeString(h.ui.Texts.Reconnecting)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.URL.Path == "/events" {
		return
	}
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\"><title>%s</title></head>"+
		"<body><p id=\"reconnecting\" data-live=\"reconnecting\">%s</p></body></html>\n", t, t)
}

// page is a whole page: the title, the "?" button, the tabs and the
// current tab's buttons, the content, and the live-update line.
func (h *Handler) page(c *model.Chassis, path, content string) string {
	var b strings.Builder
	title := html.EscapeString(h.ui.Title(c))
	t := h.ui.Texts
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"+
		"<link rel=\"stylesheet\" href=\"/web.css\"></head>\n<body data-page=\"%s\">\n", title, html.EscapeString(path))
	fmt.Fprintf(&b, "<header><span id=\"title\">%s</span><a id=\"help\" class=\"help\" href=\"/help?page=%s\" title=\"%s\">?</a></header>\n",
		title, html.EscapeString(path), html.EscapeString(t.Help))
	fmt.Fprintf(&b, "<nav id=\"nav\">%s</nav>\n", h.nav(c, path))
	fmt.Fprintf(&b, "<main id=\"main\">%s</main>\n", content)
	fmt.Fprintf(&b, "<footer><span id=\"live\" data-live=\"off\" data-on=\"%s\" data-reconnecting=\"%s\"></span></footer>\n",
		html.EscapeString(t.Live), html.EscapeString(t.Reconnecting))
	b.WriteString("<script src=\"/web.js\"></script>\n</body></html>\n")
	return b.String()
}

// nav is the tabs and the open tab's visible buttons.
func (h *Handler) nav(c *model.Chassis, path string) string {
	var tabs, buttons strings.Builder
	tabs.WriteString("<ul class=\"tabs\">")
	for i := range h.ui.Tabs {
		tab := &h.ui.Tabs[i]
		first, open := "", false
		var bs strings.Builder
		for j := range tab.Buttons {
			bt := &tab.Buttons[j]
			if bt.Path == path {
				open = true
			}
			if !visible(bt, c) {
				continue
			}
			if first == "" {
				first = bt.Path
			}
			cls := "button"
			if bt.Path == path {
				cls += " open"
			}
			fmt.Fprintf(&bs, "<li><a class=\"%s\" data-button=\"%s\" href=\"%s\">%s</a></li>", cls,
				html.EscapeString(bt.Name), html.EscapeString(bt.Path), html.EscapeString(bt.Name))
		}
		if first == "" {
			continue
		}
		cls := "tab"
		if open {
			cls += " open"
			buttons.WriteString(bs.String())
		}
		fmt.Fprintf(&tabs, "<li><a class=\"%s\" data-tab=\"%s\" href=\"%s\">%s</a></li>", cls,
			html.EscapeString(tab.Name), html.EscapeString(first), html.EscapeString(tab.Name))
	}
	tabs.WriteString("</ul>")
	if buttons.Len() > 0 {
		tabs.WriteString("<ul class=\"buttons\">" + buttons.String() + "</ul>")
	}
	return tabs.String()
}

// help is the "?" button's page for the page it was pressed on.
func (h *Handler) help(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page := q.Get("page")
	if len(q) != 1 || h.button(page) == nil || h.ui.Help == nil {
		h.refuse(w, http.StatusNotFound, h.ui.Texts.NotFound)
		return
	}
	var out string
	h.ch.View(func(c *model.Chassis) { out = h.page(c, page, h.ui.Help(page)) })
	out = strings.Replace(out, "<body data-page=", "<body data-help=\"1\" data-page=", 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, out)
}

// update is one event of a page's stream.
type update struct {
	Title string `json:"title"`
	Nav   string `json:"nav"`
	Main  string `json:"main"`
}

// events streams a page as server-sent events: the page again after
// every change (only when it differs), until the active module changes
// (the switchover ends the browser's session: it reconnects) or the
// browser goes.
func (h *Handler) events(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	b := h.button(q.Get("page"))
	fl, ok := w.(http.Flusher)
	if len(q) != 1 || b == nil || !ok {
		h.refuse(w, http.StatusNotFound, h.ui.Texts.NotFound)
		return
	}
	module := h.ch.ActiveModule()
	changes, stop := h.ch.Changes()
	defer stop()
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	tick := time.NewTicker(Refresh)
	defer tick.Stop()
	var last [sha256.Size]byte // what the browser has (a digest: not a copy of the page per browser)
	for {
		if h.ch.ActiveModule() != module {
			return
		}
		var u update
		h.ch.View(func(c *model.Chassis) {
			u.Title = h.ui.Title(c)
			u.Nav = h.nav(c, b.Path)
			if visible(b, c) {
				u.Main = b.Render(c)
			} else {
				u.Main = "<p class=\"gone\">" + html.EscapeString(h.ui.Texts.NotFound) + "</p>"
			}
		})
		data, _ := json.Marshal(u)
		if sum := sha256.Sum256(data); sum != last {
			last = sum
			if _, err := fmt.Fprintf(w, "event: page\ndata: %s\n\n", data); err != nil {
				return
			}
			fl.Flush()
		}
		select {
		case <-r.Context().Done():
			return
		case <-changes:
		case <-tick.C:
		}
	}
}

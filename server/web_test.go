package server

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/vendors"
)

// The web interface's handler (issue 18), on the virtual clock.

// webGet asks the chassis's web interface for path as a browser on
// loopback would, with user:password ("" = no credentials).
func webGet(h *Host, method, path, user, password string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	r.Host = "127.0.0.1:8081"
	r.RemoteAddr = "127.0.0.1:50000"
	if user != "" {
		r.SetBasicAuth(user, password)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			r.Host = hdr[i+1]
			continue
		}
		if hdr[i] == "RemoteAddr" {
			r.RemoteAddr = hdr[i+1]
			continue
		}
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.WebHandler().ServeHTTP(w, r)
	return w
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, body)
		}
	}
}

func mustLack(t *testing.T, what, body string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(body, w) {
			t.Errorf("%s has %q:\n%s", what, w, body)
		}
	}
}

func webPage(t *testing.T, h *Host, path string) string {
	t.Helper()
	w := webGet(h, "GET", path, "manager", "manager")
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, w.Code, w.Body)
	}
	return w.Body.String()
}

// led is the data-led attribute of the element with that id in a page.
func led(page, id string) string {
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		return "(no " + id + ")"
	}
	rest := page[i:]
	const k = `data-led="`
	j := strings.Index(rest, k)
	if j < 0 || j > 200 {
		return "(no data-led on " + id + ")"
	}
	rest = rest[j+len(k):]
	return rest[:strings.IndexByte(rest, '"')]
}

func leds(page string) string {
	return fmt.Sprintf("mm1 actv %s stby %s, mm2 actv %s stby %s", led(page, "mm1-actv"), led(page, "mm1-stby"), led(page, "mm2-actv"), led(page, "mm2-stby"))
}

func TestWebPagesFromTheModel(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	if w := webGet(h, "GET", "/", "", ""); w.Code != http.StatusUnauthorized || w.Header().Get("WWW-Authenticate") != `Basic realm="HP ProCurve Switch", charset="UTF-8"` {
		t.Fatalf("no credentials: %d %q", w.Code, w.Header().Get("WWW-Authenticate"))
	}
	if w := webGet(h, "GET", "/", "manager", "manager"); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/identity" {
		t.Fatalf("/: %d %q", w.Code, w.Header().Get("Location"))
	}
	// manager and operator see the same pages
	for _, path := range []string{"/identity", "/status/overview", "/status/redundancy", "/configuration/device-view"} {
		m := webGet(h, "GET", path, "manager", "manager")
		o := webGet(h, "GET", path, "operator", "operator")
		if m.Code != 200 || o.Code != 200 || m.Body.String() != o.Body.String() {
			t.Errorf("%s: manager %d, operator %d, same page %v", path, m.Code, o.Code, m.Body.String() == o.Body.String())
		}
		mustContain(t, path, m.Body.String(), `<a id="help" class="help" href="/help?page=`+path+`"`, `data-tab="Identity"`, `data-tab="Status"`, `data-tab="Configuration"`)
	}
	id := webPage(t, h, "/identity")
	mustContain(t, "Identity", id, `<td id="system-name">HP-E8212zl</td>`,
		`<tr data-module="1" data-status="Active"><th>Management Module 1</th><td class="status">Active</td><td class="version">K.15.06.0017</td>`,
		`<tr data-module="2" data-status="Standby"><th>Management Module 2</th><td class="status">Standby</td><td class="version">K.15.06.0017</td>`)
	ov := webPage(t, h, "/status/overview")
	mustContain(t, "Overview", ov, `data-button="Overview"`, `data-button="Redundancy Status"`, "SystemUp Time",
		`<td class="uptime">0 days, 0:02:37</td>`)
	h.Advance(26*time.Hour + 3*time.Minute + 4*time.Second)
	mustContain(t, "Overview a day later", webPage(t, h, "/status/overview"), `<td class="uptime">1 days, 2:05:41</td>`)
	red := webPage(t, h, "/status/redundancy")
	mustContain(t, "Redundancy Status", red, `<td id="mgmt-redundancy">enabled</td>`, `<td id="failovers">0</td>`,
		`<td>HP J9092A Management Module 8200zl</td><td class="status">Active</td>`,
		`<tr data-fabric="1"><td>1</td><td>HP J9093A F2 Fabric Module 8200zl</td><td class="status">Enabled</td></tr>`)
	dv := webPage(t, h, "/configuration/device-view")
	if got, want := leds(dv), "mm1 actv solid-green stby off, mm2 actv off stby solid-green"; got != want {
		t.Errorf("Device View: %s, want %s", got, want)
	}
	mustContain(t, "Device View", dv, `<p id="actv-meaning" data-row="1">Correct Active/Standby mode</p>`, `id="slot-A"`, `id="fabric2"`, `id="ssm"`,
		`id="mm1-dwn" data-led="off"`, `id="led-locator" data-led="off"`)
	// the locator LED the CLI's chassislocate lights
	h.Do(func(c *model.Chassis) error { c.Locate("blink", time.Minute); return nil })
	mustContain(t, "Device View, locating", webPage(t, h, "/configuration/device-view"), `id="led-locator" data-led="flashing-blue"`)
	help := webPage(t, h, "/help?page=/configuration/device-view")
	mustContain(t, "help", help, `<p id="help-text">Configuration, Device View:`)
	css := webPage(t, h, "/web.css")
	mustContain(t, "css", css, `[data-led="fast-orange"]`, "svg.device")
	mustContain(t, "js", webPage(t, h, "/web.js"), "EventSource")
}

// Table 15-2 row by row, holding the chassis in each state on the
// virtual clock; the Redundancy Status button shows only while the other
// module is in standby mode.
func TestWebActvLEDsTable152(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	to := h.Chassis().Timings
	dv := func() string { return webPage(t, h, "/configuration/device-view") }
	check := func(what, page, want string, row int) {
		t.Helper()
		if got := leds(page); got != want {
			t.Errorf("%s: %s, want %s", what, got, want)
		}
		if w := fmt.Sprintf(`data-row="%d"`, row); !strings.Contains(page, w) {
			t.Errorf("%s: not row %d of Table 15-2:\n%s", what, row, page[strings.Index(page, `<p id="actv-meaning"`):])
		}
	}
	button := func(what string, want bool) {
		t.Helper()
		page := webPage(t, h, "/status/overview")
		if got := strings.Contains(page, `data-button="Redundancy Status"`); got != want {
			t.Errorf("%s: Redundancy Status button shown %v, want %v", what, got, want)
		}
		code := webGet(h, "GET", "/status/redundancy", "manager", "manager").Code
		if want && code != 200 || !want && code != 404 {
			t.Errorf("%s: Redundancy Status page %d", what, code)
		}
	}
	check("row 1", dv(), "mm1 actv solid-green stby off, mm2 actv off stby solid-green", 1)
	button("row 1", true)

	// row 2: ctl fail-selftest mm2, then boot standby
	if err := h.FailSelftest("mm2", 1); err != nil {
		t.Fatal(err)
	}
	if err := h.Do(func(c *model.Chassis) error { return c.BootStandby(model.Origin{Session: "CONSOLE"}) }); err != nil {
		t.Fatal(err)
	}
	button("mm2 booting", false)
	h.Advance(to.BootTotal() + time.Second)
	check("row 2", dv(), "mm1 actv solid-green stby off, mm2 actv fast-orange stby off", 2)
	button("row 2", false)
	mustContain(t, "Device View, row 2", dv(), `<p id="actv-meaning" data-row="2">Failed standby module</p>`)

	// the standby boots again and passes: row 1
	if err := h.Do(func(c *model.Chassis) error { return c.BootStandby(model.Origin{Session: "CONSOLE"}) }); err != nil {
		t.Fatal(err)
	}
	h.Advance(to.BootTotal() + to.Finish + time.Minute)
	check("row 1 again", dv(), "mm1 actv solid-green stby off, mm2 actv off stby solid-green", 1)
	button("row 1 again", true)

	// row 3: the standby is starting to take over; no module is active,
	// so nothing answers but the page saying it reconnects
	if err := h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "CONSOLE"}) }); err != nil {
		t.Fatal(err)
	}
	h.Advance(to.Takeover / 2)
	if a := h.ActiveModule(); a != -1 {
		t.Fatalf("during the takeover the active module is %d", a)
	}
	before := h.Snapshot()
	for _, user := range []string{"manager", "", "nobody"} {
		w := webGet(h, "GET", "/configuration/device-view", user, "manager")
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "1" {
			t.Errorf("during the takeover (%q): %d %q", user, w.Code, w.Header().Get("Retry-After"))
		}
		mustContain(t, "during the takeover", w.Body.String(), `<p id="reconnecting" data-live="reconnecting">The management module is changing: reconnecting...</p>`)
	}
	if !bytes.Equal(before, h.Snapshot()) {
		t.Error("a request during the takeover changed the chassis")
	}
	var held string
	h.View(func(c *model.Chassis) { held = deviceView(t, c) })
	check("row 3 (held)", held, "mm1 actv off stby off, mm2 actv flashing-green stby off", 3)
	mustContain(t, "row 3", held, "Standby module is starting to take over")

	// row 4: the switchover is complete
	h.Advance(to.Takeover)
	check("row 4", dv(), "mm1 actv off stby off, mm2 actv solid-green stby off", 4)
	mustContain(t, "row 4", dv(), `<p id="actv-meaning" data-row="4">Switchover is complete</p>`)
	button("row 4", false)
	// the old active boots back as the standby
	h.Advance(to.BootTotal() + to.Finish + time.Minute)
	check("after the reboot", dv(), "mm1 actv off stby solid-green, mm2 actv solid-green stby off", 1)
	button("after the reboot", true)
	mustContain(t, "Identity after the switchover", webPage(t, h, "/identity"),
		`<tr data-module="1" data-status="Standby">`, `<tr data-module="2" data-status="Active">`)
}

// deviceView renders the 8212zl's Device View as the handler does.
func deviceView(t *testing.T, c *model.Chassis) string {
	for _, tab := range (procurve.Vendor{}).Web().Tabs {
		for _, b := range tab.Buttons {
			if b.Path == "/configuration/device-view" {
				return b.Render(c)
			}
		}
	}
	t.Fatal("no Device View")
	return ""
}

// Bad requests are refused with the switch's texts and change nothing.
func TestWebRefusesBadRequests(t *testing.T) {
	srv := startServer(t, nil, func(c *Config) {
		c.Chassis[0].Web = "127.0.0.1:0"
		c.Control, c.ControlToken = "127.0.0.1:0", "tok"
	})
	h := srv.Host("c1")
	before := h.Snapshot()
	for _, tc := range []struct {
		what, method, path, user, pw string
		hdr                          []string
		code                         int
		text                         string
	}{
		{"unknown path", "GET", "/cgi-bin/admin", "manager", "manager", nil, 404, "The requested page was not found on this switch."},
		{"a page with a query", "GET", "/identity?x=1", "manager", "manager", nil, 404, "The requested page was not found"},
		{"help of no page", "GET", "/help?page=/nope", "manager", "manager", nil, 404, "The requested page was not found"},
		{"events of no page", "GET", "/events?page=/nope", "manager", "manager", nil, 404, "The requested page was not found"},
		{"path traversal", "GET", "/../../etc/passwd", "manager", "manager", nil, 404, "The requested page was not found"},
		{"wrong password", "GET", "/identity", "manager", "operator", nil, 401, "Log in with the switch&#39;s manager or operator user name and password."},
		{"unknown user", "GET", "/identity", "admin", "manager", nil, 401, "Log in with"},
		{"operator's name, manager's password", "GET", "/identity", "operator", "manager", nil, 401, "Log in with"},
		{"POST as manager", "POST", "/identity", "manager", "manager", nil, 405, "This web interface shows the switch; it changes nothing."},
		{"POST as operator", "POST", "/status/overview", "operator", "operator", nil, 405, "it changes nothing"},
		{"DELETE", "DELETE", "/identity", "manager", "manager", nil, 405, "it changes nothing"},
		{"POST without a password", "POST", "/identity", "", "", nil, 401, "Log in with"},
		{"another origin", "GET", "/identity", "manager", "manager", []string{"Origin", "http://evil.example"}, 403, "Access denied."},
		{"another origin's POST", "POST", "/identity", "manager", "manager", []string{"Origin", "http://evil.example"}, 403, "Access denied."},
		{"a cross-site fetch", "GET", "/events?page=/identity", "manager", "manager", []string{"Sec-Fetch-Site", "cross-site"}, 403, "Access denied."},
		{"a rebound name", "GET", "/identity", "manager", "manager", []string{"Host", "evil.example:8081"}, 403, "Access denied."},
	} {
		w := webGet(h, tc.method, tc.path, tc.user, tc.pw, tc.hdr...)
		if w.Code != tc.code || !strings.Contains(w.Body.String(), tc.text) {
			t.Errorf("%s: %d %q, want %d %q", tc.what, w.Code, w.Body.String(), tc.code, tc.text)
		}
	}
	// a listener off loopback (a container's) is reached by name; on
	// loopback a name is a rebound one
	for _, tc := range []struct {
		local string
		code  int
	}{{"10.1.2.3:8081", 200}, {"127.0.0.1:8081", 403}} {
		r := httptest.NewRequest("GET", "/identity", nil)
		r.Host, r.RemoteAddr = "switchsim-0.switchsim:8081", "10.1.2.9:50000"
		r.SetBasicAuth("manager", "manager")
		la, _ := net.ResolveTCPAddr("tcp", tc.local)
		r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, la))
		w := httptest.NewRecorder()
		h.WebHandler().ServeHTTP(w, r)
		if w.Code != tc.code {
			t.Errorf("Host by name on a listener at %s: %d, want %d", tc.local, w.Code, tc.code)
		}
	}
	if w := webGet(h, "GET", "/identity", "manager", "manager", "Origin", "http://127.0.0.1:8081", "Sec-Fetch-Site", "same-origin"); w.Code != 200 {
		t.Errorf("same origin: %d", w.Code)
	}
	// huge headers, over the wire: up to web.MaxHeaderBytes in all
	addr := srv.Addrs()[0].Web
	for _, tc := range []struct{ size, code int }{{64 << 10, 431}, {9 << 10, 431}, {6 << 10, 200}} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET /identity HTTP/1.1\r\nHost: %s\r\nAuthorization: Basic bWFuYWdlcjptYW5hZ2Vy\r\nX-Big: %s\r\n\r\n", addr, strings.Repeat("a", tc.size))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		conn.Close()
		if err != nil || resp.StatusCode != tc.code {
			t.Errorf("a header of %d bytes: %v %v, want %d", tc.size, resp, err, tc.code)
		}
	}
	if !bytes.Equal(before, h.Snapshot()) {
		t.Error("the refused requests changed the chassis")
	}
	// the control API is not opened by the web interface's credentials
	for _, tc := range []struct {
		host, auth string
		code       int
	}{{srv.ControlAddr(), "Basic bWFuYWdlcjptYW5hZ2Vy", 401}, {"evil.example", "Bearer tok", 403}, {srv.ControlAddr(), "Bearer tok", 200}} {
		req, _ := http.NewRequest("GET", "http://"+srv.ControlAddr()+"/v1/chassis", nil)
		req.Host = tc.host
		req.Header.Set("Authorization", tc.auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.code {
			t.Errorf("control API with Host %s, %s: %d, want %d", tc.host, tc.auth, resp.StatusCode, tc.code)
		}
	}
}

// A chassis without passwords lets everyone in, from loopback only.
func TestWebWithoutPasswordsOnlyFromLoopback(t *testing.T) {
	srv := startServer(t, func(sc *scenario.Scenario) {
		sc.Chassis.Credentials.ManagerPassword, sc.Chassis.Credentials.OperatorPassword = "", ""
	})
	h := srv.Host("c1")
	if w := webGet(h, "GET", "/identity", "", ""); w.Code != 200 {
		t.Errorf("from loopback without a password: %d", w.Code)
	}
	// the Host a loopback listener accepts, the client elsewhere: only
	// the login's own rule can refuse it
	if w := webGet(h, "GET", "/identity", "", "", "RemoteAddr", "192.0.2.7:40000"); w.Code != 403 || !strings.Contains(w.Body.String(), "Access denied.") {
		t.Errorf("from elsewhere without a password: %d %s", w.Code, w.Body)
	}
	if w := webGet(h, "GET", "/identity", "", "", "RemoteAddr", "192.0.2.7:40000", "Host", "192.0.2.1:8081"); w.Code != 403 {
		t.Errorf("from elsewhere by another name: %d %s", w.Code, w.Body)
	}
}

// The other vendors get the plain chassis page.
func TestWebPlainChassisPage(t *testing.T) {
	sc, err := vendors.Scenario("bd8810", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(Config{Vendors: vendors.Registry, Virtual: true,
		Chassis: []ChassisConfig{{Name: "x", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	h := srv.Host("x")
	var user, pw string
	h.View(func(c *model.Chassis) { user, pw = c.Credentials.ManagerUser, c.Credentials.ManagerPassword })
	w := webGet(h, "GET", "/", user, pw)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/chassis" {
		t.Fatalf("/: %d %q", w.Code, w.Header().Get("Location"))
	}
	w = webGet(h, "GET", "/chassis", user, pw)
	page := w.Body.String()
	mustContain(t, "plain page", page, `<tr data-module="MSM-A" data-state="active">`, `data-led="solid-green" id="led-actv-1"`,
		`<tr data-module="MSM-B" data-state="standby">`, `data-led="off" id="led-actv-2"`, `id="slots"`)
	mustLack(t, "plain page", page, "Device View", "8212zl")
}

// Live updates: the page's stream follows the model and ends on a
// switchover, as the CLI sessions of the old active do.
func TestWebEventsFollowAndEndOnSwitchover(t *testing.T) {
	srv := startServer(t, nil, func(c *Config) { c.Chassis[0].Web = "127.0.0.1:0" })
	h := srv.Host("c1")
	to := h.Chassis().Timings
	addr := srv.Addrs()[0].Web
	req, _ := http.NewRequest("GET", "http://"+addr+"/events?page=/configuration/device-view", nil)
	req.SetBasicAuth("operator", "operator")
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rd := bufio.NewReader(resp.Body)
	next := func() (string, error) {
		var ev strings.Builder
		for {
			line, err := rd.ReadString('\n')
			if err != nil {
				return ev.String(), err
			}
			if line == "\n" {
				return ev.String(), nil
			}
			ev.WriteString(line)
		}
	}
	first, err := next()
	if err != nil || !strings.HasPrefix(first, "event: page\ndata: {") || !strings.Contains(first, `mm2-stby\" data-led=\"solid-green\"`) {
		t.Fatalf("first event: %q %v", first, err)
	}
	if err := h.FailSelftest("mm2", 1); err != nil {
		t.Fatal(err)
	}
	h.Do(func(c *model.Chassis) error { return c.BootStandby(model.Origin{Session: "CONSOLE"}) })
	h.Advance(to.BootTotal() + time.Second)
	for {
		ev, err := next()
		if err != nil {
			t.Fatalf("the stream ended before the failed standby showed: %v", err)
		}
		if strings.Contains(ev, `mm2-actv\" data-led=\"fast-orange\"`) {
			break
		}
	}
	h.Do(func(c *model.Chassis) error { return c.BootStandby(model.Origin{Session: "CONSOLE"}) })
	h.Advance(to.BootTotal() + to.Finish + time.Minute)
	if err := h.Do(func(c *model.Chassis) error { return c.Switchover(model.Origin{Session: "CONSOLE"}) }); err != nil {
		t.Fatal(err)
	}
	// the stream ends (its events so far may still be read)
	for {
		if _, err := next(); err != nil {
			if err != io.EOF {
				t.Logf("stream ended with %v", err)
			}
			break
		}
	}
	wait.For(t, "the live pages to close after the switchover", func() bool { return h.WebSubscribers() == 0 },
		func() string { return fmt.Sprintf("%d still open", h.WebSubscribers()) })
	// during the takeover a new stream is refused; after it, it serves
	resp2, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("events during the takeover: %d", resp2.StatusCode)
	}
	h.Advance(to.Takeover)
	resp3, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp3.Body.Close()
	rd = bufio.NewReader(resp3.Body)
	if ev, err := next(); err != nil || !strings.Contains(ev, `mm2-actv\" data-led=\"solid-green\"`) {
		t.Errorf("after the switchover: %q %v", ev, err)
	}
}

// webClientGet fetches a page over the wire as a browser that logged in.
func webClientGet(t *testing.T, url, user, password string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.SetBasicAuth(user, password)
	c := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A fleet at an address each: one web socket serves every address, and
// the chassis is built when its web interface is first asked for.
func TestWebFleetAddressPerChassis(t *testing.T) {
	dir := t.TempDir()
	writeEdge(t, dir)
	f := startAddressFleet(t, mixedFleet, dir, nil)
	a := f.srv.Addrs()
	if a[0].Web != f.at(1, f.ports.Web) || a[2].Web != f.at(3, f.ports.Web) {
		t.Fatalf("web addresses: %+v", a)
	}
	if f.srv.Stats().Touched != 0 {
		t.Fatal("a chassis was built before anybody touched it")
	}
	code, page := webClientGet(t, "http://"+a[1].Web+"/identity", "manager", "manager")
	if code != 200 || !strings.Contains(page, `<td id="system-name">zl002</td>`) {
		t.Fatalf("zl002's Identity: %d\n%s", code, page)
	}
	if st := f.srv.Stats(); st.Touched != 1 {
		t.Errorf("%d chassis built after one web request", st.Touched)
	}
	var user, pw string
	f.srv.Host("bd").View(func(c *model.Chassis) { user, pw = c.Credentials.ManagerUser, c.Credentials.ManagerPassword })
	if code, page := webClientGet(t, "http://"+a[2].Web+"/chassis", user, pw); code != 200 || !strings.Contains(page, `data-module="MSM-A"`) {
		t.Errorf("bd's chassis page: %d\n%s", code, page)
	}
	// an address with no chassis: the connection is closed
	c := &http.Client{Timeout: 5 * time.Second}
	if resp, err := c.Get("http://" + f.at(200, f.ports.Web) + "/"); err == nil {
		resp.Body.Close()
		t.Errorf("an address with no chassis answered %d", resp.StatusCode)
	}
}

// A fleet in port blocks: the web interface at offset 4 of each block.
func TestWebFleetBlocks(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for try := 0; ; try++ {
		base := randomPort(rng)
		inv, err := ParseInventoryWith(filepath.Join(dir, "f.yaml"), []byte(fmt.Sprintf("base-port: %d\nchassis:\n  - name: sw\n    count: 2\n", base)),
			nil, vendors.Registry, InventoryOptions{Lazy: true})
		if err != nil {
			t.Fatal(err)
		}
		srv, err := Start(Config{Vendors: vendors.Registry, Chassis: inv.Chassis, Fleet: &FleetConfig{Ports: inv.Ports}})
		if errors.Is(err, syscall.EADDRINUSE) && try < 20 {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		a := srv.Addrs()
		if want := fmt.Sprintf("127.0.0.1:%d", base+10+OffsetWeb); a[1].Web != want {
			t.Fatalf("sw2's web interface at %s, want %s", a[1].Web, want)
		}
		if code, page := webClientGet(t, "http://"+a[1].Web+"/status/overview", "manager", "manager"); code != 200 || !strings.Contains(page, `data-status="Standby"`) {
			t.Fatalf("sw2's Overview: %d\n%s", code, page)
		}
		if code, _ := webClientGet(t, "http://"+a[0].Web+"/identity", "manager", "wrong"); code != 401 {
			t.Errorf("sw1 with a wrong password: %d", code)
		}
		return
	}
}

// A hotswap shows on the Device View: the pulled module's slot is empty,
// the inserted one boots (no LED lit) and becomes the standby.
func TestWebHotswap(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	to := h.Chassis().Timings
	if err := h.Pull("mm2"); err != nil {
		t.Fatal(err)
	}
	dv := webPage(t, h, "/configuration/device-view")
	mustContain(t, "mm2 pulled", dv, `<g id="mm2" data-module="2" data-present="false">`, `<p id="actv-meaning" data-row="0"></p>`)
	mustLack(t, "mm2 pulled", dv, `id="mm2-actv"`)
	mustLack(t, "Overview, mm2 pulled", webPage(t, h, "/status/overview"), `data-module="2"`, `data-button="Redundancy Status"`)
	if err := h.Insert("mm2", InsertSpec{}); err != nil {
		t.Fatal(err)
	}
	dv = webPage(t, h, "/configuration/device-view")
	mustContain(t, "mm2 inserted", dv, `<g id="mm2" data-module="2" data-present="true" data-state="booting">`)
	if got, want := leds(dv), "mm1 actv solid-green stby off, mm2 actv off stby off"; got != want {
		t.Errorf("mm2 booting: %s, want %s", got, want)
	}
	h.Advance(to.BootTotal() + to.Finish + 10*time.Minute)
	dv = webPage(t, h, "/configuration/device-view")
	if got, want := leds(dv), "mm1 actv solid-green stby off, mm2 actv off stby solid-green"; got != want {
		t.Errorf("mm2 standby after the hotswap: %s, want %s", got, want)
	}
	mustContain(t, "Overview after the hotswap", webPage(t, h, "/status/overview"), `data-button="Redundancy Status"`)
}

// MM Shutdown on the standby: its Dwn LED is solid green (safe to remove)
// and the button is gone; on the active, the standby takes over and the
// old active's Dwn LED is green.
func TestWebDwnLED(t *testing.T) {
	srv := startServer(t, nil)
	h := srv.Host("c1")
	to := h.Chassis().Timings
	if err := h.Press("mm2", "shutdown"); err != nil {
		t.Fatal(err)
	}
	dv := webPage(t, h, "/configuration/device-view")
	mustContain(t, "mm2 shut down", dv, `id="mm2-dwn" data-led="solid-green"`, `id="mm1-dwn" data-led="off"`, `data-state="shutdown"`)
	mustLack(t, "mm2 shut down", webPage(t, h, "/status/overview"), `data-button="Redundancy Status"`)
	if err := h.Press("mm2", "reset"); err != nil {
		t.Fatal(err)
	}
	h.Advance(to.BootTotal() + to.Finish + time.Minute)
	if err := h.Press("mm1", "shutdown"); err != nil {
		t.Fatal(err)
	}
	h.Advance(to.Takeover + time.Minute)
	dv = webPage(t, h, "/configuration/device-view")
	mustContain(t, "mm1 shut down", dv, `id="mm1-dwn" data-led="solid-green"`, `id="mm2-actv" data-led="solid-green"`)
}

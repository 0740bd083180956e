package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// The web interface in a real browser (issue 18): headless Chromium
// (Debian's chromium, which scripts/deps.sh installs) logs in with the
// chassis's password, opens each page, checks the values against show
// version and show redundancy of the same chassis, and watches Table
// 15-2's rows 1, 2 and 4 and the Redundancy Status button live while
// switchsim ctl fails a selftest and presses mm1's reset button. It
// asserts the DOM (data-led), not pixels. With WEB_SCREENSHOTS=DIR it
// leaves its screenshots there (else in a temp directory).
func TestWebInChromium(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is not installed (scripts/deps.sh installs Debian's chromium): %v", err)
	}
	sc := vendors.Default()
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, TimeScale: 0.03,
		Control: "127.0.0.1:0", ControlToken: "tok",
		Chassis: []server.ChassisConfig{{Name: "chassis1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, Web: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	web := srv.Addrs()[0].Web
	ctlRun := func(args ...string) {
		t.Helper()
		var out bytes.Buffer
		ctlOut = &out
		defer func() { ctlOut = os.Stdout }()
		if err := ctl(append([]string{"--addr", srv.ControlAddr(), "--token", "tok"}, args...)); err != nil {
			t.Fatalf("switchsim ctl %s: %v", strings.Join(args, " "), err)
		}
		t.Logf("switchsim ctl %s: %s", strings.Join(args, " "), strings.TrimSpace(out.String()))
	}
	cli := func(command string) string {
		t.Helper()
		out, err := sshtest.Exec(srv.Addrs()[0].Mgmt, "manager", "manager", command)
		if err != nil {
			t.Fatalf("%s: %v", command, err)
		}
		return strings.ReplaceAll(out, "\r", "")
	}

	shots := os.Getenv("WEB_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox,
		chromedp.WindowSize(1000, 820), chromedp.UserDataDir(t.TempDir()))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 90*time.Second)
	defer tcancel()
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.TrimSpace(s)
	}
	waitFor := func(what, expr string, timeout time.Duration) {
		t.Helper()
		if _, err := chromedp.Run(tctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout))); err != nil {
			page, _ := chromedp.Run(tctx, chromedp.OuterHTML(chromedp.CSS("main")))
			t.Fatalf("%s: %v\n(%s)\n%s", what, err, expr, page)
		}
	}
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// log in (the browser keeps the credentials for the origin and
	// resends them, as after a switchover)
	t0 := time.Now()
	do("log in", chromedp.Navigate("http://manager:manager@"+web+"/"))
	loc, _ := chromedp.Run(tctx, chromedp.Location())
	if !strings.HasSuffix(loc, "/identity") {
		t.Fatalf("the home page is %s", loc)
	}

	// Identity and Overview against show version
	version := cli("show version")
	re := regexp.MustCompile(`(?m)^Management Module (\d): (\w+)\n(?:Image stamp:.*\n.*\n\s+(\S+)\n)?`)
	mods := re.FindAllStringSubmatch(version, -1)
	if len(mods) != 2 {
		t.Fatalf("show version:\n%s", version)
	}
	for _, m := range mods {
		row := fmt.Sprintf(`#versions tr[data-module="%s"]`, m[1])
		if st, v := text(row+" td.status"), text(row+" td.version"); st != m[2] || v != m[3] {
			t.Errorf("Identity, module %s: %s %s; show version: %s %s", m[1], st, v, m[2], m[3])
		}
	}
	do("Status tab", chromedp.Click(chromedp.CSS(`a[data-tab="Status"]`)), chromedp.WaitVisible(chromedp.CSS("#overview")))
	for _, m := range mods {
		row := fmt.Sprintf(`#overview tr[data-module="%s"]`, m[1])
		if st, v, up := text(row+" td.status"), text(row+" td.version"), text(row+" td.uptime"); st != m[2] || v != m[3] || !strings.Contains(up, "days,") {
			t.Errorf("Overview, module %s: %s %s %q; show version: %s %s", m[1], st, v, up, m[2], m[3])
		}
	}
	// Redundancy Status against show redundancy
	do("Redundancy Status", chromedp.Click(chromedp.CSS(`a[data-button="Redundancy Status"]`)), chromedp.WaitVisible(chromedp.CSS("#redundancy-modules")))
	red := cli("show redundancy")
	rows := regexp.MustCompile(`(?m)^(\d)    (.+?)\s+(Active|Standby|Failed|Booting|Offline)\s+(\S+)\s+(Primary|Secondary)$`).FindAllStringSubmatch(red, -1)
	if len(rows) != 2 {
		t.Fatalf("show redundancy:\n%s", red)
	}
	for _, r := range rows {
		row := fmt.Sprintf(`#redundancy-modules tr[data-module="%s"]`, r[1])
		if st, v := text(row+" td.status"), text(row+" td.version"); st != r[3] || v != r[4] {
			t.Errorf("Redundancy Status, module %s: %s %s; show redundancy: %s %s", r[1], st, v, r[3], r[4])
		}
	}
	if f := text("#failovers"); !strings.Contains(red, "Failovers       : "+f+"\n") {
		t.Errorf("Redundancy Status: failovers %s\n%s", f, red)
	}
	// the help button
	do("help", chromedp.Click(chromedp.CSS("#help")), chromedp.WaitVisible(chromedp.CSS("#help-text")))

	// Device View, live
	do("Device View", chromedp.Navigate("http://"+web+"/configuration/device-view"))
	const (
		btn      = `!!document.querySelector('a[data-button="Redundancy Status"]')`
		noBtn    = `!document.querySelector('a[data-button="Redundancy Status"]')`
		liveOn   = `document.getElementById('live').getAttribute('data-live') === 'on'`
		reconnct = `document.getElementById('live').getAttribute('data-live') === 'reconnecting'`
	)
	leds := func(mm1, mm2 string, row int) string {
		return fmt.Sprintf(`(function(){var g=function(id){var e=document.getElementById(id);return e&&e.getAttribute('data-led')};`+
			`var m=document.getElementById('actv-meaning');return g('mm1-actv')==='%s'&&g('mm2-actv')==='%s'&&m&&m.getAttribute('data-row')==='%d'})()`, mm1, mm2, row)
	}
	waitFor("live updates connect", liveOn, 10*time.Second)
	waitFor("Table 15-2 row 1", leds("solid-green", "off", 1)+` && document.getElementById('mm2-stby').getAttribute('data-led')==='solid-green'`, 5*time.Second)
	do("Status tab from the Device View", chromedp.Click(chromedp.CSS(`a[data-tab="Status"]`)), chromedp.WaitVisible(chromedp.CSS("#overview")))
	waitFor("the Redundancy Status button in row 1", btn, 5*time.Second)
	do("back to the Device View", chromedp.Click(chromedp.CSS(`a[data-tab="Configuration"]`)), chromedp.WaitVisible(chromedp.CSS("#device")))
	waitFor("live again", liveOn, 10*time.Second)
	shot("device-view.png")

	// row 2: the standby fails its selftest
	ctlRun("fail-selftest", "mm2")
	ctlRun("press", "mm2", "reset")
	waitFor("Table 15-2 row 2, no Redundancy Status button", leds("solid-green", "fast-orange", 2)+" && "+noBtn, 20*time.Second)
	shot("device-view-row2.png")
	ctlRun("press", "mm2", "reset")
	waitFor("row 1 again", leds("solid-green", "off", 1)+` && document.getElementById('mm2-stby').getAttribute('data-led')==='solid-green'`, 20*time.Second)

	// row 4: MM Reset on the active: the standby takes over, the page's
	// session ends with the old active's, it reconnects to the new one
	ctlRun("press", "mm1", "reset")
	waitFor("the page reconnects", reconnct, 5*time.Second)
	waitFor("Table 15-2 row 4, no Redundancy Status button", leds("off", "solid-green", 4)+" && "+noBtn, 10*time.Second)
	shot("device-view-row4.png")
	do("Status tab after the switchover", chromedp.Click(chromedp.CSS(`a[data-tab="Status"]`)), chromedp.WaitVisible(chromedp.CSS("#overview")))
	if text(`#overview tr[data-module="2"] td.status`) != "Active" {
		t.Errorf("Overview after the switchover:\n%s", text("#overview"))
	}
	waitFor("live on the new active", liveOn, 10*time.Second)
	waitFor("the Redundancy Status button comes back", btn, 20*time.Second)
	if v := cli("show redundancy"); !regexp.MustCompile(`(?m)^1 .*Standby`).MatchString(v) {
		t.Errorf("show redundancy when the button came back:\n%s", v)
	}
	do("Device View after the reboot", chromedp.Click(chromedp.CSS(`a[data-tab="Configuration"]`)), chromedp.WaitVisible(chromedp.CSS("#device")))
	waitFor("row 1 with mm2 active", leds("off", "solid-green", 1)+` && document.getElementById('mm1-stby').getAttribute('data-led')==='solid-green'`, 10*time.Second)
	t.Logf("browser session: %s; screenshots in %s", time.Since(t0).Round(time.Millisecond), shots)
}

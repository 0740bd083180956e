package scrapligoexample_test

import (
	"errors"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scrapli/scrapligo/channel"
	"github.com/scrapli/scrapligo/driver/generic"
	"github.com/scrapli/scrapligo/driver/options"
	"github.com/scrapli/scrapligo/platform"
	"github.com/scrapli/scrapligo/transport"
	"github.com/scrapli/scrapligo/util"

	scrapligoexample "github.com/switchsim/switchsim/examples/scrapligo"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/switchsimtest"
)

// connection are the options every driver here gets: the switch's
// address and a login.
func connection(t *testing.T, addr, user, password string) (string, []util.Option) {
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(portText)
	return host, []util.Option{
		options.WithPort(port),
		options.WithAuthUsername(user),
		options.WithAuthPassword(password),
		options.WithAuthNoStrictKey(),
		options.WithTimeoutOps(10 * time.Second),
	}
}

// modes runs a test against each terminal mode of the switch: plain,
// and vt100, where it paints its terminal as a real K.15 does (scrapligo
// strips the escape sequences in every read).
func modes(t *testing.T, test func(t *testing.T, sw *switchsimtest.Switch, painted bool)) {
	for _, mode := range []string{"plain", "vt100"} {
		t.Run(mode, func(t *testing.T) {
			test(t, switchsimtest.New(t, switchsimtest.Options{Terminal: mode}), mode == "vt100")
		})
	}
}

// The generic driver knows nothing about the switch but its prompt: it
// sends Enter at once (the "any key"), waits for each echo before Enter,
// and reads until the prompt.
func TestGenericDriver(t *testing.T) { modes(t, genericDriver) }

func genericDriver(t *testing.T, sw *switchsimtest.Switch, _ bool) {
	host, opts := connection(t, sw.Mgmt, "manager", "manager")
	// the pure-Go transport: scrapligo's default "system" one cannot get
	// past "Press any key to continue" (see hp_procurve.yaml)
	opts = append(opts, options.WithTransportType(transport.StandardTransport))
	// a host name may hold single spaces; output lines such as show
	// flash's "Image ... Build #" must not look like a prompt
	opts = append(opts, options.WithPromptPattern(regexp.MustCompile(`(?m)^[\w.\-@/:]+(?: [\w.\-@/:]+)*(?:\([\w.\-@/:+]+\))?[#>] ?$`)))
	d, err := generic.NewDriver(host, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Open(); err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	prompt, err := d.GetPrompt()
	if err != nil || prompt != "HP-E8212zl# " {
		t.Fatalf("prompt %q, %v", prompt, err)
	}
	if r, err := d.SendCommand("no page"); err != nil || r.Result != "" {
		t.Fatalf("no page: %+v, %v", r, err)
	}
	for _, cmd := range []string{"show flash", "show redundancy", "show version"} {
		want, err := sw.Exec("manager", "manager", cmd)
		if err != nil {
			t.Fatal(err)
		}
		r, err := d.SendCommand(cmd)
		if err != nil {
			t.Fatal(err)
		}
		// scrapligo trims the output's ends and each line's right end
		if r.Result != strings.Trim(want, "\n") {
			t.Errorf("%s:\n%q\nwant\n%q", cmd, r.Result, strings.Trim(want, "\n"))
		}
	}
	r, err := d.SendCommand("show hostname")
	if err != nil || r.Result != "Invalid input: hostname" {
		t.Fatalf("show hostname: %+v, %v", r, err)
	}

	// the switchover question takes one key; the switch then closes the
	// session, which scrapligo reports as a connection error, or as
	// io.EOF when the channel was gone before it wrote the Enter after y
	_, err = d.SendInteractive([]*channel.SendInteractiveEvent{
		{ChannelInput: "redundancy switchover", ChannelResponse: `Do you want to continue \[y/n\]\? `},
		{ChannelInput: "y", ChannelResponse: `#\s?$`},
	})
	if !errors.Is(err, util.ErrConnectionError) && !errors.Is(err, io.EOF) {
		t.Fatalf("switchover: %v, want the connection closed", err)
	}
	sw.Advance(5 * time.Second)
	if st := sw.State(); st.Active != 2 {
		t.Fatalf("active module %d after the switchover", st.Active)
	}
}

// hp_procurve.yaml as a network driver: privilege levels, paging off on
// open, configuration mode for SendConfigs, failure strings, and a
// logout that answers both questions.
func TestPlatformDefinition(t *testing.T) { modes(t, platformDefinition) }

func platformDefinition(t *testing.T, sw *switchsimtest.Switch, _ bool) {
	host, opts := connection(t, sw.Mgmt, "manager", "manager")
	p, err := platform.NewPlatform(scrapligoexample.Platform, host, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if p.GetPlatformType() != "hp_procurve" {
		t.Fatalf("platform type %q", p.GetPlatformType())
	}
	d, err := p.GetNetworkDriver()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Open(); err != nil {
		t.Fatal(err)
	}
	closed := false
	defer func() {
		if !closed {
			d.Close()
		}
	}()

	want, err := sw.Exec("manager", "manager", "show modules")
	if err != nil {
		t.Fatal(err)
	}
	r, err := d.SendCommand("show modules")
	if err != nil || r.Failed != nil || r.Result != strings.Trim(want, "\n") {
		t.Fatalf("show modules: %q, %v, %v", r.Result, r.Failed, err)
	}
	r, err = d.SendCommand("show hostname")
	if err != nil || r.Failed == nil {
		t.Fatalf("show hostname not reported failed: %+v, %v", r, err)
	}

	mr, err := d.SendConfigs([]string{"hostname scrapli-lab", "vlan 20 name SCRAPLI"})
	if err != nil || mr.Failed != nil {
		t.Fatalf("configs: %+v, %v", mr, err)
	}
	if d.CurrentPriv != "configuration" {
		t.Fatalf("after SendConfigs the driver is at %q", d.CurrentPriv)
	}
	// SendCommand goes back to privilege-exec ("end") first
	r, err = d.SendCommand("write memory")
	if err != nil || r.Failed != nil || r.Result != "" {
		t.Fatalf("write memory: %+v, %v", r, err)
	}
	st := sw.State()
	if st.Hostname != "scrapli-lab" || st.Unsaved {
		t.Fatalf("hostname %q, unsaved %v", st.Hostname, st.Unsaved)
	}

	// a change left unsaved: on-close logs out and does not save it
	if _, err := d.SendConfig("vlan 30 name UNSAVED"); err != nil {
		t.Fatal(err)
	}
	// the switch has ended the session by the time scrapligo closes its
	// side, which the standard transport reports as io.EOF
	if err := d.Close(); err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	closed = true
	wait.For(t, "the session to end after on-close", func() bool { return sw.Sessions() == 0 })
	if !sw.State().Unsaved {
		t.Fatal("on-close saved the configuration")
	}
}

// An operator escalates with enable, which asks for the manager's user
// name and password: scrapligo's escalation only answers a password, so
// the definition leaves it to SendInteractive.
//
// Painted, what SendInteractive returns joins "enable" and "Username: "
// on one line: the switch ends a typed line with ESC E (next line), and
// scrapligo removes it as an escape sequence without putting a line break
// in its place, as it would against a real K.15. SendCommand's result is
// not affected: scrapligo cuts the echoed command off first.
func TestOperatorEnable(t *testing.T) { modes(t, operatorEnable) }

func operatorEnable(t *testing.T, sw *switchsimtest.Switch, painted bool) {
	host, opts := connection(t, sw.Mgmt, "operator", "operator")
	opts = append(opts, options.WithDefaultDesiredPriv("exec"))
	p, err := platform.NewPlatform(scrapligoexample.Platform, host, opts...)
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.GetNetworkDriver()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Open(); err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if prompt, err := d.GetPrompt(); err != nil || prompt != "HP-E8212zl> " {
		t.Fatalf("prompt %q, %v", prompt, err)
	}
	out, err := d.Channel.SendInteractive([]*channel.SendInteractiveEvent{
		{ChannelInput: "enable", ChannelResponse: `Username: $`},
		{ChannelInput: "manager", ChannelResponse: `Password: $`},
		{ChannelInput: "manager", ChannelResponse: `#\s?$`, HideInput: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "enable\nUsername: manager\nPassword:\nHP-E8212zl#"
	if painted {
		want = "enableUsername: manager\nPassword:\nHP-E8212zl#"
	}
	if string(out) != want {
		t.Errorf("SendInteractive: %q, want %q", out, want)
	}
	if prompt, err := d.GetPrompt(); err != nil || prompt != "HP-E8212zl# " {
		t.Fatalf("prompt after enable %q, %v", prompt, err)
	}
}

// scrapligo strips escape sequences from each read on its own: a
// sequence that a read cuts in two leaves its tail in the text. Here the
// switch's own bytes (a painted prompt after show flash) are cut where a
// read could end, inside a cursor position, and stripped as scrapligo's
// channel does.
func TestStripPerReadLeavesTheTailOfACutSequence(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{Terminal: "vt100"})
	s, err := sw.Shell(sw.Mgmt, "manager", "manager", switchsimtest.Terminal{Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Expect("Press any key to continue"); err != nil {
		t.Fatal(err)
	}
	s.Write(" ")
	const prompt = "HP-E8212zl# \x1b[24;1H\x1b[24;13H\x1b[24;1H\x1b[?25h\x1b[24;13H"
	if _, err := s.Expect(prompt); err != nil {
		t.Fatal(err)
	}
	s.Write("show flash\r")
	raw, err := s.Expect(prompt)
	if err != nil {
		t.Fatal(err)
	}
	whole := string(util.StripANSI([]byte(raw)))
	if strings.Contains(whole, "\x1b") || !strings.HasSuffix(whole, "Default Boot    : Primary\r\nHP-E8212zl# ") {
		t.Fatalf("stripped at once: %q", whole)
	}
	cut := strings.LastIndex(raw, "\x1b[24;13H") + len("\x1b[24;1")
	parts := string(util.StripANSI([]byte(raw[:cut]))) + string(util.StripANSI([]byte(raw[cut:])))
	if !strings.HasSuffix(parts, "HP-E8212zl# 3H") {
		t.Fatalf("stripped in two reads: %q", parts)
	}
}

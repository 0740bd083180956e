package scrapligoexample_test

import (
	"strings"
	"testing"
	"time"

	"github.com/scrapli/scrapligo/channel"
	"github.com/scrapli/scrapligo/driver/network"
	"github.com/scrapli/scrapligo/driver/options"
	"github.com/scrapli/scrapligo/platform"
	"github.com/scrapli/scrapligo/transport"

	"github.com/switchsim/switchsim/switchsimtest"
)

// junosDriver opens scrapligo's own juniper_junos platform (v1.4.3,
// unmodified) on a switch's management address.
func junosDriver(t *testing.T, addr string) *network.Driver {
	t.Helper()
	host, opts := connection(t, addr, "admin", "admin123")
	opts = append(opts, options.WithTransportType(transport.StandardTransport))
	p, err := platform.NewPlatform("juniper_junos", host, opts...)
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.GetNetworkDriver()
	if err != nil {
		t.Fatal(err)
	}
	// on open: screen-width 511, screen-length 0, complete-on-space off,
	// each checked against is ambiguous / unknown command / syntax error
	if err := d.Open(); err != nil {
		t.Fatal(err)
	}
	return d
}

// The juniper_junos platform against the mx240: show commands (the same
// text as ssh exec), configuration and commit on both REs, a failure it
// recognises, the mastership switch answered with yes, and a reconnect
// that lands on the new master.
func TestJunosPlatform(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{Builtin: "mx240"})
	d := junosDriver(t, sw.Mgmt)
	defer d.Close()

	if prompt, err := d.GetPrompt(); err != nil || prompt != "admin@mx240-lab> " {
		t.Fatalf("prompt %q, %v", prompt, err)
	}
	for _, cmd := range []string{"show version", "show chassis routing-engine", "show configuration snmp"} {
		want, err := sw.Exec("admin", "admin123", cmd)
		if err != nil {
			t.Fatal(err)
		}
		r, err := d.SendCommand(cmd)
		if err != nil || r.Failed != nil {
			t.Fatalf("%s: %+v, %v", cmd, r, err)
		}
		// the {master} line stays in the output (scrapligo's prompt
		// pattern matches the prompt line alone)
		got := strings.TrimSuffix(r.Result, "{master}")
		if strings.TrimSpace(got) != strings.TrimSpace(want) {
			t.Errorf("%s:\n%q\nwant\n%q", cmd, got, want)
		}
	}
	r, err := d.SendCommand("show chassis nonsense")
	if err != nil || r.Failed == nil || !strings.Contains(r.Result, "syntax error, expecting <command>.") {
		t.Fatalf("a bad command not reported failed: %+v, %v", r, err)
	}

	mr, err := d.SendConfigs([]string{"set snmp contact scrapligo", "commit"})
	if err != nil || mr.Failed != nil {
		t.Fatalf("configs: %+v, %v", mr, err)
	}
	if !strings.Contains(mr.Responses[1].Result, "re1:\ncommit complete\nre0:\ncommit complete") {
		t.Fatalf("commit: %q", mr.Responses[1].Result)
	}
	// SendCommand leaves configuration mode with exit configuration-mode
	r, err = d.SendCommand("show configuration snmp contact")
	if err != nil || !strings.Contains(r.Result, "contact scrapligo;") {
		t.Fatalf("after commit: %+v, %v", r, err)
	}

	// the mastership switch: the session stays on re0, now the backup
	_, err = d.SendInteractive([]*channel.SendInteractiveEvent{
		{ChannelInput: "request chassis routing-engine master switch", ChannelResponse: `\[yes,no\] \(no\) $`},
		{ChannelInput: "yes", ChannelResponse: `(?m)^admin@mx240-lab> $`},
	})
	if err != nil {
		t.Fatal(err)
	}
	sw.Advance(2 * time.Second)
	r, err = d.SendCommand("show chassis routing-engine | match state")
	if err != nil || !strings.Contains(r.Result, "Backup\n    Current state                  Master\n\n{backup}") {
		t.Fatalf("on the demoted RE: %+v, %v", r, err)
	}
	if st := sw.State(); st.Active != 2 {
		t.Fatalf("active RE %d", st.Active)
	}

	// a new connection lands on re1, the master
	d2 := junosDriver(t, sw.Mgmt)
	defer d2.Close()
	r, err = d2.SendCommand("show chassis routing-engine | match state")
	if err != nil || !strings.Contains(r.Result, "Backup\n    Current state                  Master\n\n{master}") {
		t.Fatalf("on the new master: %+v, %v", r, err)
	}
}

// A configuration left uncommitted: scrapligo's deescalation
// ("exit configuration-mode") meets "Exit with uncommitted changes?",
// which the platform does not answer; answering it with SendInteractive
// works, as on a real router.
func TestJunosUncommittedExit(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{Builtin: "mx240"})
	d := junosDriver(t, sw.Mgmt)
	defer d.Close()
	if _, err := d.SendConfig("set snmp location nowhere"); err != nil {
		t.Fatal(err)
	}
	_, err := d.Channel.SendInteractive([]*channel.SendInteractiveEvent{
		{ChannelInput: "exit configuration-mode", ChannelResponse: `Exit with uncommitted changes\? \[yes,no\] \(yes\) $`},
		{ChannelInput: "yes", ChannelResponse: `(?m)^admin@mx240-lab> $`},
	})
	if err != nil {
		t.Fatal(err)
	}
	d.CurrentPriv = "exec"
	r, err := d.SendCommand("show configuration snmp location")
	if err != nil || !strings.Contains(r.Result, `location "Lab rack 4";`) {
		t.Fatalf("the uncommitted change reached the configuration: %+v, %v", r, err)
	}
}

package scrapligoexample_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/scrapli/scrapligo/driver/network"
	"github.com/scrapli/scrapligo/driver/options"
	"github.com/scrapli/scrapligo/platform"
	"github.com/scrapli/scrapligo/transport"
	"github.com/scrapli/scrapligo/util"

	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/switchsimtest"
)

// scrapligo's own nokia_sros_classic platform against the 7750 SR-12:
// paging off on open, show commands compared with what an ssh exec
// prints, a configuration line typed from the root (its prompt pattern,
// (?im)^\*?[abcd]:\S+#\s*$, matches neither a "$" prompt nor a system
// name with spaces, so the test stays out of newly created contexts), a
// failure string, admin save, and the switchover of manual 003 after
// which the session ends and a new one lands on CPM B.
func TestNokiaSROSClassic(t *testing.T) {
	// a compressed real clock: admin save waits for the copy to CPM B,
	// and the switchover takes its second, while scrapligo waits
	sw := switchsimtest.New(t, switchsimtest.Options{Builtin: "7750-sr12", TimeScale: 0.001})
	open := func() *network.Driver {
		host, opts := connection(t, sw.Mgmt, "admin", "admin")
		opts = append(opts, options.WithTransportType(transport.StandardTransport))
		p, err := platform.NewPlatform("nokia_sros_classic", host, opts...)
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
		return d
	}
	d := open()
	if prompt, err := d.GetPrompt(); err != nil || prompt != "A:SR12# " {
		t.Fatalf("prompt %q, %v", prompt, err)
	}
	for _, cmd := range []string{"show version", "show card state", "show redundancy synchronization", "show bof"} {
		want, err := sw.Exec("admin", "admin", cmd)
		if err != nil {
			t.Fatal(err)
		}
		r, err := d.SendCommand(cmd)
		if err != nil || r.Failed != nil {
			t.Fatalf("%s: %v, %v", cmd, r.Failed, err)
		}
		// scrapligo trims the output's ends and each line's right end
		if r.Result != trimLines(want) {
			t.Errorf("%s:\n%q\nwant\n%q", cmd, r.Result, trimLines(want))
		}
	}
	r, err := d.SendCommand("show foo")
	if err != nil || r.Failed == nil || !strings.Contains(r.Result, "Error: Bad command.") {
		t.Fatalf("show foo: %+v, %v", r, err)
	}
	mr, err := d.SendConfigs([]string{`configure system location "scrapli"`, `configure port 1/1/3 description "scrapli"`})
	if err != nil || mr.Failed != nil {
		t.Fatalf("configs: %+v, %v", mr, err)
	}
	if prompt, err := d.GetPrompt(); err != nil || prompt != "*A:SR12# " {
		t.Fatalf("prompt after a change %q, %v", prompt, err)
	}
	r, err = d.SendCommand("admin save")
	if err != nil || r.Failed != nil || !strings.HasSuffix(r.Result, "Completed.") {
		t.Fatalf("admin save: %+v, %v", r, err)
	}
	if st := sw.State(); st.Unsaved || st.Modules[1].Config == nil || st.Modules[1].Config.Location != "scrapli" {
		t.Fatalf("after admin save: unsaved %v, CPM B's config %+v", st.Unsaved, st.Modules[1].Config)
	}
	// "now" asks nothing: CPM A reloads and ends the session, which the
	// standard transport reports as a connection error or io.EOF
	_, err = d.SendCommand("admin redundancy force-switchover now")
	if !errors.Is(err, util.ErrConnectionError) && !errors.Is(err, io.EOF) && !errors.Is(err, util.ErrTimeoutError) {
		t.Fatalf("force-switchover now: %v, want the session ended", err)
	}
	d.Close()
	wait.For(t, "CPM B to take over", func() bool { return sw.State().Active == 2 }, func() string { return fmt.Sprintf("%+v", sw.State()) })
	d = open()
	defer d.Close()
	if prompt, err := d.GetPrompt(); err != nil || prompt != "B:SR12# " {
		t.Fatalf("prompt on CPM B %q, %v", prompt, err)
	}
	r, err = d.SendCommand("show system information")
	if err != nil || !strings.Contains(r.Result, "System Active Slot     : B") || !strings.Contains(r.Result, "System Location        : scrapli") {
		t.Fatalf("show system information on CPM B: %v\n%s", err, r.Result)
	}
}

// trimLines is text as scrapligo returns it: each line's right end and
// the whole text's ends trimmed.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

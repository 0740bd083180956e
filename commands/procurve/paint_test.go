package procurve_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/switchsimtest"
)

// The two moments real captures show, byte for byte (testdata/vt100).

// A 5406zl on K.13.60 with a 24-row terminal: the screen set up, the
// banner and Press any key on row 24.
func TestPaintedBannerIsTheCapture(t *testing.T) {
	want, err := os.ReadFile("testdata/vt100/exscript_hp_pro_curve.1.bin")
	if err != nil {
		t.Fatal(err)
	}
	want = bytes.TrimSuffix(want, []byte("\n")) // the file's own end
	// the capture's switch: its name, release and the year of its build
	// (the copyright line ends with it)
	dir := t.TempDir()
	manifest := "images:\n  - file: K_13_60.swi\n    platform: procurve\n    version: K.13.60\n    build: 1\n    date: 2009-06-02 10:00:00\n    compat: K.13\n"
	if err := os.WriteFile(filepath.Join(dir, scenario.ManifestName), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := scenario.OpenCatalog(dir)
	if err != nil {
		t.Fatal(err)
	}
	sw := switchsimtest.New(t, switchsimtest.Options{Terminal: "vt100", Images: cat, ScenarioYAML: `vendor: procurve
chassis:
  name: ProCurve J8697A Switch 5406zl
  product: J8697A
  model: 5406zl
users:
  manager: {user: manager, password: manager}
modules:
  - state: active
    flash: {primary: K.13.60, secondary: K.13.60}
  - state: standby
    flash: {primary: K.13.60, secondary: K.13.60}
`})
	s, err := sw.Shell(sw.Mgmt, "manager", "manager", switchsimtest.Terminal{Width: 80, Height: 24, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Expect("\x1b[24;27H")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatalf("banner:\n got %q\nwant %q", got, want)
	}
}

// An E5412zl's release (K.15.07.0008) over SSH with a 42-row pty: the end
// of show version, the prompt's redraw and the echo of each typed key.
func TestPaintedPromptAndEchoAreTheCapture(t *testing.T) {
	want, err := os.ReadFile("testdata/vt100/oxidized_681_prompt.bin")
	if err != nil {
		t.Fatal(err)
	}
	sw := switchsimtest.New(t, switchsimtest.Options{Terminal: "vt100", ScenarioYAML: `vendor: procurve
users:
  manager: {user: manager, password: manager}
config:
  hostname: ZZZZZZ
modules:
  - state: active
    flash: {primary: K.15.07.0008, secondary: K.15.07.0008}
    default-boot: secondary
    booted: secondary
  - state: standby
    flash: {primary: K.15.07.0008, secondary: K.15.07.0008}
    default-boot: secondary
    booted: secondary
`})
	s, err := sw.Shell(sw.Mgmt, "manager", "manager", switchsimtest.Terminal{Width: 80, Height: 42, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var all strings.Builder
	expect := func(text string) {
		t.Helper()
		out, err := s.Expect(text)
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(out)
	}
	const prompt = "ZZZZZZ# \x1b[42;1H\x1b[42;9H\x1b[42;1H\x1b[?25h\x1b[42;9H"
	expect("Press any key to continue")
	s.Write(" ")
	expect(prompt)
	s.Write("show version\r")
	expect(prompt)
	// the keys come one by one, as typed
	for i, k := range "logo" {
		s.Write(string(k))
		expect(fmt.Sprintf("\x1b[42;%dH", 10+i))
	}
	sent := all.String()
	if !bytes.Contains([]byte(sent), want) {
		i := strings.Index(sent, "Boot Image:     Secondary\r\n\x1b")
		if i < 0 {
			i = len(sent) - len(want)
		}
		t.Fatalf("the capture is not in the session's bytes:\n got %q\nwant %q", sent[max(0, i-len(want)+100):], want)
	}
}

// A question parks the cursor after itself, as a tool's fixture shows
// for the logout question (vt100-park, listed as unsourced).
func TestPaintedQuestionParksTheCursor(t *testing.T) {
	sw := switchsimtest.New(t, switchsimtest.Options{Terminal: "vt100"})
	s, err := sw.Shell(sw.Mgmt, "manager", "manager", switchsimtest.Terminal{Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Expect("Press any key to continue"); err != nil {
		t.Fatal(err)
	}
	s.Write(" logout\r")
	if _, err := s.Expect("\x1bEDo you want to log out [y/n]? \x1b[24;31H"); err != nil {
		t.Fatal(err)
	}
}

// The sequences are expanded by a small formatter of our own (they are
// expanded on every typed key): it must say what fmt says.
func TestPaintFormatsAsFmt(t *testing.T) {
	p := procurve.Vendor{}.Console().Paint(&model.Chassis{})
	sz := commands.Size{Rows: 42, Cols: 80}
	for _, c := range []struct{ got, want string }{
		{p.Banner(sz), fmt.Sprintf(tx.VTBanner, 42, 41)},
		{p.AnyKey("Press", sz), fmt.Sprintf(tx.VTAnyKey, 42, "Press", 7)},
		{p.Key(sz), fmt.Sprintf(tx.VTKey, 42)},
		{p.Begin(sz), fmt.Sprintf(tx.VTBegin, 42)},
		{p.Prompt("ZZZZZZ# ", sz), fmt.Sprintf(tx.VTPrompt, 42, "ZZZZZZ# ", 9)},
		{p.Edit(8, "l", 9, sz), fmt.Sprintf(tx.VTEdit, 42, 9, "l", 10)},
		{p.Park(30, sz), fmt.Sprintf(tx.VTPark, 42, 31)},
		{p.More("-- MORE --", sz), fmt.Sprintf(tx.VTMore, 42, "-- MORE --")},
		{p.Unmore(3, sz), fmt.Sprintf(tx.VTUnmore, 42, "   ")},
		{p.End(5, sz), fmt.Sprintf(tx.VTEnd, 42, 6)},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

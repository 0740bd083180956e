package junos_test

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

var updateISSR = flag.Bool("update", false, "rewrite testdata/issr-mgmt.bytes")

// qfxFixture serves the built-in qfx5100 on a virtual clock from its own
// start (2019-02-22 02:37:00), optionally edited.
func qfxFixture(t *testing.T, edit func(*scenario.Scenario)) *fixture {
	t.Helper()
	sc, err := vendors.Scenario("qfx5100", nil)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(sc)
	}
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc,
		Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &fixture{t: t, srv: srv, h: srv.Host("c")}
}

// qfxConfig edits the qfx5100's configuration text.
func qfxConfig(edit func(string) string) func(*scenario.Scenario) {
	return func(sc *scenario.Scenario) {
		p, err := vendors.Profiles("junos")
		if err != nil {
			panic(err)
		}
		for _, m := range sc.Chassis.Modules {
			if cf := m.Configs["juniper.conf"]; cf != nil {
				if _, err := p.ReadConfig(cf, edit(qfxText())); err != nil {
					panic(err)
				}
			}
		}
	}
}

// qfxText is the built-in qfx5100's configuration text.
func qfxText() string {
	var data string
	for _, b := range vendors.Scenarios() {
		if b.Name == "qfx5100" {
			data = string(b.YAML)
		}
	}
	i := strings.Index(data, "  text: |\n") + len("  text: |\n")
	j := strings.Index(data, "\nmodules:")
	var out []string
	for _, l := range strings.Split(data[i:j], "\n") {
		out = append(out, strings.TrimPrefix(l, "    "))
	}
	return strings.Join(out, "\n") + "\n"
}

const (
	qop     = "\n{master:0}\nadmin@sw-duckhorn-01> "
	t0      = "2019-02-22 02:37:04"
	timeFmt = "2006-01-02 15:04:05"
)

// timedLine is a line of output and the chassis time it appeared at.
type timedLine struct {
	at   string // 15:04:05
	text string
}

// issr types the ISSR on s, answers yes at 02:37:04 and follows the
// clock second by second until the session ends (or limit), returning
// each line of the log with its time.
func (f *fixture) issr(s *session, limit time.Duration, others ...*session) []timedLine {
	f.t.Helper()
	s.expect("request system reboot in-service\r", "request system reboot in-service \nReboot the system ? [yes,no] (no) ")
	// the answer at 004's first timestamp, or now when that has passed
	if want, _ := time.Parse(timeFmt, t0); want.After(f.h.Now()) {
		f.h.Advance(want.Sub(f.h.Now()))
	}
	var lines []timedLine
	var part string
	take := func() {
		out := part + s.scr.FreshLF()
		for {
			i := strings.IndexByte(out, '\n')
			if i < 0 {
				break
			}
			lines = append(lines, timedLine{f.h.Now().Format("15:04:05"), out[:i]})
			out = out[i+1:]
		}
		part = out
	}
	s.l.Conn.Feed([]byte("yes\r"))
	s.l.Conn.WaitIdle()
	take()
	end := f.h.Now().Add(limit)
	for !s.l.Conn.Ended() && f.h.Now().Before(end) {
		f.h.Advance(time.Second)
		s.l.Conn.WaitIdle()
		for _, o := range others {
			o.l.Conn.WaitIdle()
		}
		take()
	}
	if part != "" {
		lines = append(lines, timedLine{f.h.Now().Format("15:04:05"), part})
	}
	return lines
}

func texts(lines []timedLine) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.text + "\n")
	}
	return b.String()
}

// The emulated log is 004's text: the same words in the same order once
// whitespace is collapsed as the manual's extraction collapsed it. The
// question differs only by the prompt (004's user@switch) and the
// "(no) yes" 004 does not show (request_system_reboot_dialog.txt has it).
func TestISSRMatchesManual004(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	log := f.issr(s, 10*time.Minute)
	if !s.l.Conn.Ended() {
		t.Fatal("the session did not end")
	}
	data, err := os.ReadFile("testdata/manual004-issr.txt")
	if err != nil {
		t.Fatal(err)
	}
	var manual []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "#") {
			manual = append(manual, l)
		}
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	question := norm(log[0].text)
	if want := "yes"; question != want {
		t.Fatalf("the answer line: %q", question)
	}
	got := norm(texts(log[1:]))
	want := norm(strings.Join(manual[1:], "\n"))
	if got != want {
		t.Fatalf("the log differs from 004 after whitespace normalisation:\n got %s\nwant %s", got, want)
	}
	// the command and question: 004's line with our prompt and default
	asked := "admin@sw-duckhorn-01> request system reboot in-service \nReboot the system ? [yes,no] (no) yes"
	asked = strings.Replace(strings.Replace(asked, "admin@sw-duckhorn-01>", "user@switch>", 1), " (no) yes", "", 1)
	if norm(asked) != norm(manual[0]) {
		t.Fatalf("the question: %q, 004: %q", norm(asked), norm(manual[0]))
	}
}

// Each timestamped line appears when the chassis clock shows its
// timestamp, 004's spacing of time; the untimestamped lines between
// 02:37:19 and 02:42:55 come 28 seconds apart (336 s over 12 gaps); the
// others with the timestamped line before them.
func TestISSRTiming(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	log := f.issr(s, 10*time.Minute)
	stamp := regexp.MustCompile(`^\[Feb 22 (\d\d:\d\d:\d\d)\]`)
	paced := []string{"Spawning the backup RE", "Spawn backup RE, index 1 successful", "Starting secondary dataplane",
		"Second dataplane container started", "GRES in progress", "Waiting for backup RE switchover ready", "GRES operational",
		"Copying home directories", "Copying home directories successful", "Initiating Chassis In-Service-Upgrade for ISSR",
		"Chassis ISSU Started"}
	at := map[string]string{}
	base, _ := time.Parse("15:04:05", "02:37:19")
	for k, p := range paced {
		at[p] = base.Add(time.Duration(k+1) * 28 * time.Second).Format("15:04:05")
	}
	last := "02:37:04"
	for _, l := range log[1:] {
		want := last
		if m := stamp.FindStringSubmatch(l.text); m != nil {
			want = m[1]
		} else if a, ok := at[l.text]; ok {
			want = a
		}
		if l.at != want {
			t.Errorf("%q at %s, want %s", l.text, l.at, want)
		}
		last = want
	}
	if last != "02:44:33" {
		t.Fatalf("the log ended at %s", last)
	}
}

// The management session's bytes, from its login to the end of the ISSR,
// exactly (testdata/issr-mgmt.bytes; go test -run TestISSRSessionBytes
// -update rewrites it for review).
func TestISSRSessionBytes(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.l.Conn.Feed([]byte("request system reboot in-service\r"))
	s.l.Conn.WaitIdle()
	want, _ := time.Parse(timeFmt, t0)
	f.h.Advance(want.Sub(f.h.Now()))
	s.l.Conn.Feed([]byte("yes\r"))
	for i := 0; i < 600 && !s.l.Conn.Ended(); i++ {
		s.l.Conn.WaitIdle()
		f.h.Advance(time.Second)
	}
	<-s.l.Done()
	got := s.scr.Fresh()
	const file = "testdata/issr-mgmt.bytes"
	if *updateISSR {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(golden) {
		t.Fatalf("the session's bytes differ from %s:\n got %q\nwant %q", file, got, golden)
	}
}

// After the ISSR: the old primary's sessions have ended, the management
// address refuses connections until the new primary serves (5 s), then
// lands on RE 1, still {master:0}, with RE 0's slot empty; the RE
// indexes alternate on the next ISSR, which must wait out the
// readiness window first.
func TestISSRAlternatesREs(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	f.issr(s, 10*time.Minute)
	if _, err := f.srv.OpenLocal("c", server.Management("admin", true), &strings.Builder{}); err == nil {
		t.Fatal("the management address served before the new primary did")
	}
	f.h.Advance(5 * time.Second)
	n := f.mgmt()
	if got := n.scr.FreshLF(); got != "--- JUNOS 18.1R3.3 built 2018-10-31 03:16:22 UTC\n{master:0}\nadmin@sw-duckhorn-01> " {
		t.Fatalf("the new primary's login: %q", got)
	}
	n.expect("show chassis routing-engine | match \"Slot|state\"\r",
		"show chassis routing-engine | match \"Slot|state\" \nSlot 1:\n    Current state                  Master\n"+qop)
	var st model.State
	f.h.View(func(c *model.Chassis) { st = c.Modules[0].State })
	if st != model.Absent {
		t.Fatalf("RE 0 is %s after the ISSR", st)
	}
	// within the readiness window the next ISSR is refused by its check
	out := strings.Join(strings.Fields(texts(f.issr(n, time.Minute))), " ")
	if !strings.HasSuffix(out, "drop-all-tcp not configured : Valid Ready for ISSR : Not ready, try after 240 secs error: ISSU Aborted {master:0} admin@sw-duckhorn-01>") {
		t.Fatalf("an ISSR within the window: %s", out)
	}
	// after it the RE indexes alternate: index 0 is spawned
	f.h.Advance(4 * time.Minute)
	log := texts(f.issr(n, 10*time.Minute))
	if !strings.Contains(log, "\nSpawn backup RE, index 0 successful\n") || !n.l.Conn.Ended() {
		t.Fatalf("the second ISSR:\n%s", log)
	}
	f.h.Advance(5 * time.Second)
	m := f.mgmt()
	m.scr.Fresh()
	m.expect("show chassis routing-engine | match \"Slot|state\"\r",
		"show chassis routing-engine | match \"Slot|state\" \nSlot 0:\n    Current state                  Master\n"+qop)
}

// The pre-checks read the model: a check that fails prints its line with
// the failing value, then the abort, and nothing starts.
func TestISSRPrechecksFail(t *testing.T) {
	cases := []struct {
		name string
		edit func(*scenario.Scenario)
		want string
	}{
		{"no GRES", qfxConfig(func(s string) string { return strings.Replace(s, "        graceful-switchover;\n", "", 1) }),
			"GRES enabled : Invalid"},
		{"no NSR", qfxConfig(func(s string) string { return strings.Replace(s, "    nonstop-routing;\n", "", 1) }),
			"NSR enabled : Invalid"},
		{"a second member", func(sc *scenario.Scenario) { sc.Chassis.Options["vc-members"] = "2" },
			"Member is single node vc : Invalid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := qfxFixture(t, tc.edit)
			s := f.mgmt()
			s.scr.Fresh()
			log := texts(f.issr(s, time.Minute))
			if !strings.Contains(log, "\n"+tc.want+"\nerror: ISSU Aborted\n\n{master:0}\n") {
				t.Fatalf("%s:\n%s", tc.name, log)
			}
			var n int
			f.h.View(func(c *model.Chassis) {
				for _, m := range c.Modules {
					if m.Present {
						n++
					}
				}
			})
			if n != 1 || s.l.Conn.Ended() {
				t.Fatalf("%s: %d REs, session ended %v", tc.name, n, s.l.Conn.Ended())
			}
		})
	}
}

// The consoles: 2301 (con1) is the box's, on whichever RE is primary, so
// after the ISSR it shows the new primary's login; 2302 (con2) shows the
// other RE index: nothing until the spawn, then that RE booting and its
// backup CLI, and nothing after the switch (it shows RE 0 then, which
// has shut down).
func TestISSRConsoles(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	con := f.open(server.Console(0))
	other := f.open(server.Console(1))
	if got := con.scr.FreshLF(); got != "--- JUNOS 18.1R3.3 built 2018-10-31 03:16:22 UTC\n{master:0}\nadmin@sw-duckhorn-01> " {
		t.Fatalf("con1: %q", got)
	}
	if got := other.typ("show version\r"); got != "" {
		t.Fatalf("con2 before the spawn: %q", got)
	}
	s.scr.Fresh()
	s.typ("request system reboot in-service\r")
	s.l.Conn.Feed([]byte("yes\r"))
	s.l.Conn.WaitIdle()
	var log, con2 strings.Builder
	spawned := false
	for i := 0; i < 600 && !s.l.Conn.Ended(); i++ {
		f.h.Advance(time.Second)
		s.l.Conn.WaitIdle()
		other.l.Conn.WaitIdle()
		con.l.Conn.WaitIdle()
		log.WriteString(s.scr.FreshLF())
		out := other.scr.FreshLF()
		con2.WriteString(out)
		if !spawned && strings.Contains(log.String(), "Spawning the backup RE") {
			// RE 1 boots at the spawn
			spawned = true
			if !strings.HasPrefix(out, "\nFreeBSD/x86 bootstrap loader") {
				t.Fatalf("con2 at the spawn: %q", out)
			}
		}
		if got := con.scr.Fresh(); got != "" {
			t.Fatalf("con1 during the ISSR: %q", got)
		}
	}
	if !strings.HasSuffix(con2.String(), "--- JUNOS 18.1R3.3 built 2018-10-31 03:16:22 UTC\n{backup:0}\nadmin@sw-duckhorn-01> ") {
		t.Fatalf("con2 during the ISSR: %q", con2.String())
	}
	f.h.Advance(5 * time.Second)
	con.l.Conn.WaitIdle()
	other.l.Conn.WaitIdle()
	if got := con.scr.FreshLF(); got != "\n--- JUNOS 18.1R3.3 built 2018-10-31 03:16:22 UTC\n{master:0}\nadmin@sw-duckhorn-01> " {
		t.Fatalf("con1 after the ISSR: %q", got)
	}
	if got := other.typ("show version\r"); got != "" {
		t.Fatalf("con2 after the ISSR: %q", got)
	}
	con.expect("show chassis routing-engine | match state\r",
		"show chassis routing-engine | match state \n    Current state                  Master\n"+qop)
}

// An ISSR run from the box's console: the log on the console, then the
// console goes on to the new primary's login.
func TestISSROnTheConsole(t *testing.T) {
	f := qfxFixture(t, nil)
	con := f.open(server.Console(0))
	con.scr.Fresh()
	// the ISSR ends at 02:44:33; the new primary serves 5 s later
	log := texts(f.issr(con, 7*time.Minute+30*time.Second))
	if !strings.HasSuffix(log, "\nSystem going down IMMEDIATELY\n\n\n") || con.l.Conn.Ended() {
		t.Fatalf("the log on the console:\n%s", log)
	}
	f.h.Advance(5 * time.Second)
	con.l.Conn.WaitIdle()
	if got := con.scr.FreshLF(); got != "--- JUNOS 18.1R3.3 built 2018-10-31 03:16:22 UTC\n{master:0}\nadmin@sw-duckhorn-01> " {
		t.Fatalf("the console after the ISSR: %q", got)
	}
}

// The ISSR is the chassis's: it goes on when the session that started it
// hangs up.
func TestISSRGoesOnWithoutItsSession(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.typ("request system reboot in-service\r")
	s.typ("yes\r")
	f.h.Advance(time.Minute)
	s.l.Close()
	f.h.Advance(8 * time.Minute)
	st := f.h.State()
	if st.Active != 2 || st.Modules[0].State != "absent" {
		t.Fatalf("after the ISSR without its session: active %d, RE 0 %s", st.Active, st.Modules[0].State)
	}
}

// "no" (or Enter) leaves everything as it was; over ssh exec nothing is
// asked and nothing happens; the MX240 has no ISSR.
func TestISSRNoAndExecAndMX(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.typ("request system reboot in-service\r")
	s.expect("no\r", "no\n"+qop)
	s.typ("request system reboot in-service\r")
	s.expect("\r", "\n"+qop)
	f.h.Advance(10 * time.Minute)
	if st := f.h.State(); st.Modules[1].State != "absent" {
		t.Fatalf("RE 1 is %s", st.Modules[1].State)
	}
	m := newFixture(t, nil).mgmt()
	m.scr.Fresh()
	m.expect("request system reboot in-service\r",
		"request system reboot in-service \nerror: in-service software reboot is not supported on this platform\n"+op)
}

// The QFX5100's renderings: the {master:0} banner, show version under
// fpc0:, the VC form of a commit (no re0:/re1: blocks), its inventory.
func TestQFXRenderings(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	got := s.typ("show version\r")
	if !strings.HasPrefix(got, "show version \nfpc0:\n"+strings.Repeat("-", 74)+"\nHostname: sw-duckhorn-01\nModel: qfx5100-48s-6q\nJunos: 18.1R3.3\nJUNOS Base OS boot [18.1R3.3]\n") ||
		!strings.HasSuffix(got, "JUNOS Host Software [18.1R3.3]\n"+qop) {
		t.Fatalf("show version:\n%s", got)
	}
	s.typ("configure\r")
	s.typ("set snmp location lab\r")
	s.expect("commit\r", "commit \nconfiguration check succeeds\ncommit complete\n\n{master:0}[edit]\nadmin@sw-duckhorn-01# ")
	s.typ("exit\r")
	got = s.typ("show chassis hardware\r")
	for _, want := range []string{"\nChassis                                VF3715020166      QFX5100-48S-6Q\n",
		"\nPseudo CB 0\nRouting Engine 0          BUILTIN      BUILTIN           QFX Routing Engine\n",
		"\nFPC 0            REV 12   650-056265   VF3715020166      QFX5100-48S-6Q\n",
		"\n  PIC 0                   BUILTIN      BUILTIN           48x10G-6x40G\n    Xcvr 0       REV 01   740-031980   AA143204712       SFP+-10G-SR\n",
		"\nFan Tray 4                                               QFX5100 Fan Tray 4, Front to Back Airflow - AFO\n"} {
		if !strings.Contains(got, want) {
			t.Fatalf("show chassis hardware: no %q in\n%s", want, got)
		}
	}
	if got := s.typ("show interfaces terse xe-0/0/0\r"); !strings.Contains(got, "\nxe-0/0/0                up    up\n") {
		t.Fatalf("show interfaces terse:\n%s", got)
	}
}

// A state file names its platform: a restart comes back as the QFX5100
// (after an ISSR, on RE 1), and the MX240's scenario refuses it.
func TestQFXStateKeepsItsPlatform(t *testing.T) {
	state := t.TempDir() + "/state.json"
	serve := func(name string) (*server.Server, error) {
		sc, err := vendors.Scenario(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		return server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc,
			Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: state}}})
	}
	srv, err := serve("qfx5100")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, srv: srv, h: srv.Host("c")}
	s := f.mgmt()
	s.scr.Fresh()
	f.issr(s, 10*time.Minute)
	f.h.Advance(5 * time.Second)
	srv.Close()
	srv, err = serve("qfx5100")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	f = &fixture{t: t, srv: srv, h: srv.Host("c")}
	if got := f.mgmt().scr.FreshLF(); !strings.HasSuffix(got, "\n{master:0}\nadmin@sw-duckhorn-01> ") {
		t.Fatalf("after the restart: %q", got)
	}
	if st := f.h.State(); st.Active != 2 || st.Modules[0].State != "absent" {
		t.Fatalf("after the restart: active %d, RE 0 %s", st.Active, st.Modules[0].State)
	}
	srv.Close()
	if _, err := serve("mx240"); err == nil || !strings.Contains(err.Error(), "the state is of a qfx5100 chassis, the scenario of a junos one") {
		t.Fatalf("the mx240 on a qfx5100 state: %v", err)
	}
}

// request system reboot (not in service): the shutdown lines of the
// capture, then the RE reboots; alone, the system reboots and the session
// ends; the console shows the boot and the CLI comes back.
func TestRebootWithoutISSR(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	con := f.open(server.Console(0))
	s.scr.Fresh()
	con.scr.Fresh()
	s.typ("request system reboot\r")
	s.expect("yes\r", "yes\n\n\n*** FINAL System shutdown message from root@sw-duckhorn-01 ***\nSystem going down IMMEDIATELY\n\n\nShutdown NOW!\n[pid 1200]\n")
	if !s.l.Conn.Ended() {
		t.Fatal("the session did not end")
	}
	f.h.Advance(10 * time.Minute)
	con.l.Conn.WaitIdle()
	if got := con.scr.FreshLF(); !strings.Contains(got, "Rebooting...\n") || !strings.HasSuffix(got, "{master:0}\nadmin@sw-duckhorn-01> ") {
		t.Fatalf("the console: %q", got)
	}
	// on the MX240 the backup takes over
	m := newFixture(t, nil)
	ms := m.mgmt()
	ms.typ("request system reboot\r")
	ms.typ("yes\r")
	m.h.Advance(10 * time.Second)
	if st := m.h.State(); st.Active != 2 {
		t.Fatalf("mx240 after the reboot: active %d", st.Active)
	}
}

// A step that cannot happen aborts the ISSR: a spawned RE that fails its
// start, or a primary that changed before the switch. The log ends with
// why and the abort; the spawned RE goes; the chassis is ready for the
// next ISSR.
func TestISSRAbortsWhenTheBackupFails(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.typ("request system reboot in-service\r")
	s.typ("yes\r")
	f.h.Advance(43 * time.Second) // the spawn
	if err := f.h.FailHardware("re1"); err != nil {
		t.Fatal(err)
	}
	f.h.Advance(5 * time.Minute)
	s.l.Conn.WaitIdle()
	log := s.scr.FreshLF()
	if !strings.Contains(log, "\nWaiting for backup RE switchover ready\nBackup RE not ready for switchover\nerror: ISSU Aborted\n\n{master:0}\n") || s.l.Conn.Ended() {
		t.Fatalf("the log:\n%s", log)
	}
	if st := f.h.State(); st.Active != 1 || st.Modules[1].State != "absent" {
		t.Fatalf("after the abort: active %d, RE 1 %s", st.Active, st.Modules[1].State)
	}

	// the primary switched under the ISSR (a GRES switch once the backup
	// was ready): the ISSR does not hand over
	s.typ("request system reboot in-service\r")
	s.typ("yes\r")
	f.h.Advance(6*time.Minute + 50*time.Second)
	o := f.mgmt()
	o.typ("request chassis routing-engine master switch\r")
	if out := o.typ("yes\r"); !strings.Contains(out, "Complete. The other routing engine becomes the master.") {
		t.Fatalf("the switch: %q", out)
	}
	f.h.Advance(time.Minute)
	s.l.Conn.WaitIdle()
	log = s.scr.FreshLF()
	// no hand-over: the shutdown lines give way to the abort, and the
	// session stays, on RE 0, now the backup
	if !strings.Contains(log, "\nPost Chassis ISSU processing done\nBackup RE not ready for switchover\nerror: ISSU Aborted\n\n{backup:0}\n") {
		t.Fatalf("the log:\n%s", log)
	}
	if st := f.h.State(); st.Active != 2 {
		t.Fatalf("after the switch: active %d", st.Active)
	}
}

// BenchmarkISSR is one whole ISSR in process on the virtual clock: the
// question answered, 004's log followed second by second by its session
// to the switch, and the new primary serving.
func BenchmarkISSR(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sc, err := vendors.Scenario("qfx5100", nil)
		if err != nil {
			b.Fatal(err)
		}
		srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc,
			Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
		if err != nil {
			b.Fatal(err)
		}
		h := srv.Host("c")
		w := &strings.Builder{}
		l, err := srv.OpenLocal("c", server.Management("admin", true), &lockedWriter{w: w})
		if err != nil {
			b.Fatal(err)
		}
		l.Conn.WaitIdle()
		l.Conn.Feed([]byte("request system reboot in-service\r"))
		l.Conn.WaitIdle()
		l.Conn.Feed([]byte("yes\r"))
		for !l.Conn.Ended() {
			l.Conn.WaitIdle()
			h.Advance(time.Second)
		}
		h.Advance(5 * time.Second)
		if h.ActiveModule() != 1 {
			b.Fatal("the ISSR did not switch")
		}
		srv.Close()
	}
}

type lockedWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// Stopping the emulator in the middle of an ISSR is a power cycle of the
// box: it comes back on RE 0 alone (the spawned RE was the ISSR's), ready
// for the next ISSR.
func TestISSRInterruptedByARestart(t *testing.T) {
	state := t.TempDir() + "/state.json"
	serve := func() *server.Server {
		sc, err := vendors.Scenario("qfx5100", nil)
		if err != nil {
			t.Fatal(err)
		}
		srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc,
			Mgmt: "127.0.0.1:0", Consoles: []string{}, StateFile: state}}})
		if err != nil {
			t.Fatal(err)
		}
		return srv
	}
	srv := serve()
	f := &fixture{t: t, srv: srv, h: srv.Host("c")}
	s := f.mgmt()
	s.typ("request system reboot in-service\r")
	s.typ("yes\r")
	f.h.Advance(4 * time.Minute)
	if st := f.h.State(); st.Modules[1].State != "standby" {
		t.Fatalf("RE 1 is %s", st.Modules[1].State)
	}
	srv.Close()
	srv = serve()
	defer srv.Close()
	f = &fixture{t: t, srv: srv, h: srv.Host("c")}
	if st := f.h.State(); st.Active != 1 || st.Modules[1].State != "absent" {
		t.Fatalf("after the restart: active %d, RE 1 %s", st.Active, st.Modules[1].State)
	}
	s = f.mgmt()
	s.scr.Fresh()
	if log := texts(f.issr(s, 10*time.Minute)); !strings.Contains(log, "\nSpawn backup RE, index 1 successful\n") {
		t.Fatalf("the next ISSR:\n%s", log)
	}
}

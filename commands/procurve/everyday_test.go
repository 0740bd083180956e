package procurve_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// newTFTPFixture is newFixture with a TFTP upload directory.
func newTFTPFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	dir := t.TempDir()
	sc := vendors.Default()
	sc.Clock = start
	sc.Unreachable = []string{"10.9.9.9"}
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, TFTPOut: dir,
		Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &fixture{t: t, srv: srv, h: srv.Host("c")}, dir
}

// configLines are the settings the tools and playbooks send.
var configLines = []string{
	"hostname LAB-8212",
	"snmp-server contact NOC team",
	`snmp-server location "Rack 4"`,
	"snmp-server community private manager unrestricted",
	"snmp-server community ro operator",
	"ip default-gateway 10.1.1.254",
	"vlan 1 ip address 10.1.1.10 255.255.255.0",
	"vlan 20 name LAB",
	"vlan 20 untagged B2-B3",
	"vlan 20 tagged A1,C1",
	"vlan 30",
	"exit",
	"no vlan 20 tagged C1",
	"interface B2,B3 name lab",
	"interface D1-D2 disable",
	`banner motd "Authorized use only"`,
	"console inactivity-timer 10",
	"fastboot",
}

// configure types lines in config mode, each accepted without a word.
func (s *session) configure(lines ...string) {
	s.t.Helper()
	s.typ("configure\r")
	for _, l := range lines {
		if out := s.output(l); out != "" {
			s.t.Fatalf("%q: %q", l, out)
		}
	}
	s.typ("end\r")
}

// appliable are the lines of a configuration one can type back: not the
// header, not the password lines (which ask for the password).
func appliable(config string) []string {
	var out []string
	for _, l := range strings.Split(config, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, ";") || strings.HasSuffix(t, "configuration:") || strings.HasPrefix(t, "password ") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// show running-config, typed back into a factory chassis, prints the
// same; typed into the chassis it came from, it changes nothing.
func TestRunningConfigIsIdempotent(t *testing.T) {
	a := newFixture(t, nil)
	s := a.open(true)
	s.typ("no page\r")
	s.configure(configLines...)
	want := s.output("show running-config")

	b := newFixture(t, nil)
	s2 := b.open(true)
	s2.typ("no page\r")
	s2.configure(appliable(want)...)
	if got := s2.output("show running-config"); got != want {
		t.Fatalf("applied to a fresh chassis, it prints\n%s\nnot\n%s", got, want)
	}
	s.typ("write memory\r")
	s.configure(appliable(want)...)
	if got := s.output("show running-config"); got != want {
		t.Fatalf("applied again, it prints\n%s\nnot\n%s", got, want)
	}
	if out := s.output("show config status"); !strings.Contains(out, "is the same as the startup") {
		t.Fatalf("applying the saved config again changed it: %q", out)
	}
}

// The structured form is a configuration too: typed into a factory
// chassis, it gives the same running config.
func TestStructuredConfigApplies(t *testing.T) {
	a := newFixture(t, nil)
	s := a.open(true)
	s.typ("no page\r")
	s.configure(configLines...)
	want := s.output("show running-config")
	structured := s.output("show running-config structured")
	if !strings.Contains(structured, "interface A1 \n   untagged vlan 1 \n   tagged vlan 20 \n   exit\n") {
		t.Fatalf("structured:\n%s", structured)
	}
	b := newFixture(t, nil)
	s2 := b.open(true)
	s2.typ("no page\r")
	s2.configure(appliable(structured)...)
	if got := s2.output("show running-config"); got != want {
		t.Fatalf("structured applied prints\n%s\nnot\n%s", got, want)
	}
}

// ParseConfig reads back what ConfigText writes.
func TestParseConfigReadsWhatIsPrinted(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.configure(configLines...)
	f.h.View(func(c *model.Chassis) {
		text := procurve.ConfigText(c, c.Running, false)
		cf, err := procurve.ParseConfig(c, text)
		if err != nil {
			t.Fatal(err)
		}
		if again := procurve.ConfigText(c, cf, false); again != text {
			t.Fatalf("read back:\n%s\nwritten:\n%s", again, text)
		}
		if _, err := procurve.ParseConfig(c, "hostname x\nvlan 1\n   frobnicate\n"); err == nil ||
			err.Error() != "Invalid configuration file, line 3: frobnicate" {
			t.Fatalf("bad line: %v", err)
		}
	})
}

// The K.15 backup and restore: copy running-config tftp writes what show
// running-config prints; copy tftp startup-config brings it back, after
// the question, with a reboot.
func TestBackupAndRestoreOverTFTP(t *testing.T) {
	f, dir := newTFTPFixture(t)
	s := f.open(true)
	s.typ("no page\r")
	s.configure(configLines...)
	want := s.output("show running-config")
	if out := s.output("copy running-config tftp 10.0.0.1 lab.cfg"); out != "" {
		t.Fatalf("copy: %q", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "lab.cfg"))
	if err != nil || string(data) != want {
		t.Fatalf("uploaded %q (%v), want\n%s", data, err, want)
	}
	s.typ("write memory\r")
	s.output("copy startup-config tftp 10.0.0.1 startup.cfg")
	if data, _ := os.ReadFile(filepath.Join(dir, "startup.cfg")); !strings.HasPrefix(string(data), "\nStartup configuration:\n") {
		t.Fatalf("startup upload: %q", data)
	}
	// errors change nothing
	s.expect("copy running-config tftp 10.9.9.9 x.cfg\r", "copy running-config tftp 10.9.9.9 x.cfg\n0000K Peer unreachable.\n"+"LAB-8212# ")
	s.expect("copy tftp startup-config 10.0.0.1 none.cfg\r", "copy tftp startup-config 10.0.0.1 none.cfg\nDevice will be rebooted, do you want to continue [y/n]? ")
	s.expect("y", "y\n0000K File not found.\nLAB-8212# ")
	s.expect("copy tftp startup-config 10.0.0.1 lab.cfg\r", "copy tftp startup-config 10.0.0.1 lab.cfg\nDevice will be rebooted, do you want to continue [y/n]? ")
	s.expect("n", "n\nLAB-8212# ")

	// restore onto a changed switch
	s.configure("hostname OTHER", "no vlan 20", "no snmp-server community ro")
	s.typ("write memory\r")
	s.typ("copy tftp startup-config 10.0.0.1 lab.cfg\r")
	s.typ("y")
	if !s.ended() {
		t.Fatal("the session did not end with the reboot")
	}
	f.h.Advance(5 * time.Minute)
	s2 := f.open(true)
	s2.typ("no page\r")
	if got := s2.output("show running-config"); got != want {
		t.Fatalf("restored:\n%s\nwant\n%s", got, want)
	}
}

// ping waits for its answer on the chassis clock: the gateway and the
// switch's own address answer, others time out after the timeout.
func TestPingAnswersFromTheModel(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	const pr = "HP-E8212zl# "
	s.expect("ping 10.1.1.254\r", "ping 10.1.1.254\nThe destination address is unreachable.\n"+pr)
	s.configure("vlan 1 ip address 10.1.1.10 255.255.255.0")
	s.expect("ping 10.1.1.10\r", "ping 10.1.1.10\n10.1.1.10 is alive, time = 1 ms\n"+pr)
	s.expect("ping 10.1.1.254\r", "ping 10.1.1.254\n")
	if out := s.advance(4 * time.Second); out != "" {
		t.Fatalf("answered before the timeout: %q", out)
	}
	if out := s.advance(time.Second); out != "Request timed out.\n"+pr {
		t.Fatalf("after the timeout: %q", out)
	}
	s.expect("ping 8.8.8.8\r", "ping 8.8.8.8\nThe destination address is unreachable.\n"+pr)
	s.configure("ip default-gateway 10.1.1.254")
	s.expect("ping 10.1.1.254 repetitions 2\r", "ping 10.1.1.254 repetitions 2\n10.1.1.254 is alive, iteration 1, time = 1 ms\n"+
		"10.1.1.254 is alive, iteration 2, time = 1 ms\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip (ms) min/avg/max = 1/1/1\n"+pr)
	s.expect("ping 8.8.8.8 timeout 2\r", "ping 8.8.8.8 timeout 2\n")
	if out := s.advance(2 * time.Second); out != "Request timed out.\n"+pr {
		t.Fatalf("behind the gateway: %q", out)
	}
	s.expect("traceroute 8.8.8.8 maxttl 2 timeout 1 probes 2\r", "traceroute 8.8.8.8 maxttl 2 timeout 1 probes 2\n"+
		"traceroute to 8.8.8.8 ,\n              1 hop min, 2 hops max, 1 sec. timeout, 2 probes\n 1 10.1.1.254            1 ms      1 ms\n 2")
	if out := s.advance(2 * time.Second); out != "  *  * \n"+pr {
		t.Fatalf("the silent hop: %q", out)
	}
}

// Output filters keep the lines asked for; a bad filter is the switch's
// error and runs nothing.
func TestOutputFilters(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	if out := s.output("show running-config | include vlan"); out != "vlan 1 \n" {
		t.Fatalf("include: %q", out)
	}
	if out := s.output("show running-config | begin snmp"); !strings.HasPrefix(out, "snmp-server community \"public\" unrestricted\nvlan 1 \n") {
		t.Fatalf("begin: %q", out)
	}
	if out := s.output("show running-config | exclude ^ |^$"); strings.Contains(out, "\n\n") || strings.Contains(out, "   name") || !strings.Contains(out, "vlan 1 \n") {
		t.Fatalf("exclude: %q", out)
	}
	if out := s.output(`show running-config | in "DEFAULT_VLAN"`); out != "   name \"DEFAULT_VLAN\" \n" {
		t.Fatalf("quoted, abbreviated: %q", out)
	}
	if out := s.output("show running-config | frob x"); out != "Invalid input: frob\n" {
		t.Fatalf("bad filter: %q", out)
	}
	if out := s.output("show running-config | include"); out != "Incomplete input: include\n" {
		t.Fatalf("no pattern: %q", out)
	}
	if out := s.typ("show running-config | ?"); !strings.Contains(out, " begin ") || !strings.Contains(out, " include ") {
		t.Fatalf("help: %q", out)
	}
}

// Bad input prints the switch's error and changes nothing.
func TestEverydayBadInput(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	before := s.output("show running-config")
	for in, want := range map[string]string{
		"show vlans 99":                "VLAN 99 not found.\n",
		"show interfaces Z9":           "Module not present for port or invalid port: Z9\n",
		"show interfaces brief A1-A99": "Module not present for port or invalid port: A1-A99\n",
		"show config config3":          "Configuration file config3 not found.\n",
		"link-test 12345":              "Invalid input: 12345\n",
		"ping 10.1.1.300":              "Invalid input: 10.1.1.300\n",
		"copy running-config tftp x y": "Invalid input: x\n",
	} {
		if out := s.output(in); out != want {
			t.Errorf("%s: %q, want %q", in, out, want)
		}
	}
	s.typ("configure\r")
	for in, want := range map[string]string{
		"snmp-server community":        "Incomplete input: community\n",
		"ip default-gateway 1.2.3":     "Invalid input: 1.2.3\n",
		"interface A1,Z9 disable":      "Module not present for port or invalid port: Z9\n",
		"no vlan 20 tagged A1":         "VLAN 20 not found.\n",
		"vlan 20 ip address 1.2.3.4 x": "Invalid input: x\n",
	} {
		if out := s.output(in); out != want {
			t.Errorf("%s: %q, want %q", in, out, want)
		}
	}
	s.typ("end\r")
	if after := s.output("show running-config"); after != before {
		t.Fatalf("bad input changed the config:\n%s", after)
	}
}

// show users and show history: the sessions as they logged in, this one
// marked; this session's lines, the last one 1.
func TestUsersAndHistory(t *testing.T) {
	f := newFixture(t, nil)
	a := f.open(true)
	f.open(false)
	out := a.output("show users")
	if !strings.Contains(out, "* 1       SSH      manager") || !strings.Contains(out, "  2       SSH      operator") {
		t.Fatalf("show users:\n%s", out)
	}
	a.typ("show time\r")
	if out := a.output("show history"); out != " 3   show users\n 2   show time\n 1   show history\n" {
		t.Fatalf("show history: %q", out)
	}
	if out := a.output("show time"); out != "Sun Jan 26 17:34:07 2014\n" {
		t.Fatalf("show time: %q", out)
	}
}

// The operator level has the read-only commands and the tests, not the
// configuration ones.
func TestOperatorEverydayCommands(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(false)
	for _, ok := range []string{"show vlans", "show ip", "show mac-address", "show interfaces A1", "show lldp info remote-device"} {
		if out := s.output(ok); strings.HasPrefix(out, "Invalid input") {
			t.Errorf("%s: %q", ok, out)
		}
	}
	if out := s.output("ping 10.1.1.1"); out != "The destination address is unreachable.\n" {
		t.Errorf("ping: %q", out)
	}
	for in, want := range map[string]string{
		"show running-config":                "Invalid input: running-config\n",
		"show tech":                          "Invalid input: tech\n",
		"copy running-config tftp 1.1.1.1 a": "Invalid input: copy\n",
		"write terminal":                     "Invalid input: write\n",
	} {
		if out := s.output(in); out != want {
			t.Errorf("%s: %q, want %q", in, out, want)
		}
	}
}

// link-test answers for a station learned on a port; another MAC waits
// for the timeout and fails.
func TestLinkTest(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("link-test 001b3f-6c8d00\r", "link-test 001b3f-6c8d00\nLink-test passed.\nHP-E8212zl# ")
	s.expect("link-test 0011.2233.4455 timeout 2\r", "link-test 0011.2233.4455 timeout 2\n")
	if out := s.advance(2 * time.Second); out != "Link-test failed.\nHP-E8212zl# " {
		t.Fatalf("unknown MAC: %q", out)
	}
}

// copy flash flash copies the other flash's image, to the standby too.
func TestCopyFlashFlash(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("copy flash flash secondary\r", "copy flash flash secondary\nThe Secondary OS Image will be deleted, continue [y/n]? ")
	s.typ("y")
	s.advance(5 * time.Minute)
	f.h.View(func(c *model.Chassis) {
		for _, m := range c.Modules {
			if m.Flash[model.Secondary] == nil || m.Flash[model.Secondary].Version != "K.15.06.0017" {
				t.Errorf("module %d secondary: %+v", m.Slot, m.Flash[model.Secondary])
			}
		}
	})
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/sshtest"
)

// Fleets served by a real "switchsim serve" process (this test binary
// re-run as the server): durable changes on chassis of every vendor
// survive SIGKILL, SIGTERM reports what it saved and how long that took,
// and a fleet the descriptor limit cannot hold is refused before
// anything listens.

// fleetProc is a fleet server process with an address per chassis.
type fleetProc struct {
	proc
	ports struct {
		Chassis []struct {
			Name    string
			Mgmt    string
			Address string
		}
	}
	prefix string
	ssh    int
}

// startFleetProc serves inv with an address per chassis; prefix and ssh
// "" and 0 pick a random /24 (a /16 for more than 250 chassis, bigPrefix)
// and port, again on EADDRINUSE.
func startFleetProc(t *testing.T, dir, inv, prefix string, ssh int, extra ...string) *fleetProc {
	t.Helper()
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for try := 0; ; try++ {
		p := &fleetProc{prefix: prefix, ssh: ssh}
		if p.prefix == "" {
			p.prefix = fmt.Sprintf("127.%d.%d.0/24", 1+rng.Intn(254), rng.Intn(256))
			if b, _ := os.ReadFile(inv); bytes.Contains(b, []byte(bigPrefix)) {
				p.prefix = fmt.Sprintf("127.%d.0.0/16", 1+rng.Intn(254))
			}
		}
		if p.ssh == 0 {
			p.ssh = 10000 + rng.Intn(22000)
		}
		args := append([]string{"--inventory", inv, "--address-per-chassis", p.prefix, "--address-ports", fmt.Sprintf("ssh=%d,netconf=off,web=off", p.ssh),
			"--state-dir", dir, "--control", "off", "--quiet", "--auth-fail-delay", "0", "--time-scale", "0.001", "--human-wait", "0"}, extra...)
		line, err := p.start(t, args)
		if err != nil {
			if strings.Contains(p.stderr.String(), "address already in use") && prefix == "" && try < 20 {
				continue
			}
			t.Fatalf("the fleet did not start: %v\n%s", err, p.stderr.String())
		}
		if err := json.Unmarshal(line, &p.ports); err != nil {
			p.kill()
			t.Fatalf("first line %q: %v", line, err)
		}
		return p
	}
}

func (p *fleetProc) mgmt(name string) string {
	for _, c := range p.ports.Chassis {
		if c.Name == name {
			return c.Mgmt
		}
	}
	return ""
}

// durableChange gives a chassis a new hostname and saves it, the
// vendor's way, returning once the save is acknowledged.
func durableChange(t *testing.T, addr, kind, from, to string) {
	t.Helper()
	switch kind {
	case "8212zl":
		c := sshtest.Open(t, addr, "manager", "manager", 200, 1000)
		c.Login(from + "# ")
		c.Send("configure\r")
		c.Until(from + "(config)# ")
		c.Send("hostname " + to + "\r")
		c.Until(to + "(config)# ")
		c.Send("write memory\r")
		c.Until(to + "(config)# ")
		c.Close()
	case "bd8810":
		c := sshtest.Open(t, addr, "admin", "", 200, 1000)
		c.Until(from + ".1 # ")
		c.Send("configure snmp sysName " + to + "\r")
		c.Until(to + ".2 # ")
		c.Send("save configuration\r")
		c.Until("(y/N) ")
		c.Send("y")
		c.Until("done!")
		c.Until(" # ")
		c.Close()
	case "7750-sr12":
		c := sshtest.Open(t, addr, "admin", "admin", 200, 1000)
		c.Until("A:" + from + "# ")
		c.Send("configure system name \"" + to + "\"\r")
		c.Until("*A:" + to + "# ")
		c.Send("admin save\r")
		c.Until("Completed.")
		c.Close()
	case "mx240", "qfx5100":
		c := sshtest.Open(t, addr, "admin", "admin123", 200, 1000)
		c.Until("admin@" + from + "> ")
		c.Send("configure\r")
		c.Until("admin@" + from + "# ")
		c.Send("set system host-name " + to + "\r")
		c.Until("admin@" + from + "# ")
		c.Send("commit\r")
		c.Until("admin@" + to + "# ")
		c.Close()
	default:
		t.Fatalf("no durable change for %s", kind)
	}
}

// The other durable acts, a copy and a sync, each with what a
// restart must show for it: the 8212zl's copy of its primary image over
// the secondary (show flash: both banks K.15.06.0017), and the 7750's
// synchronization of the standby CPM's configuration (show redundancy
// synchronization: a Last Config File Sync Time).
type durableAct struct {
	kind, user, pass string
	act              string
	do               func(c *sshtest.Term, name string)
	show, want       string
}

var durableActs = []durableAct{
	{kind: "8212zl", user: "manager", pass: "manager", act: "copy flash flash secondary",
		do: func(c *sshtest.Term, name string) {
			c.Login(name + "# ")
			c.Send("copy flash flash secondary\r") // = act
			c.Until("continue [y/n]? ")
			c.Send("y")
			c.Until("Validating and Writing System Software to FLASH ...")
			c.Until(name + "# ")
		},
		show: "show flash\r", want: "Secondary Image : 15604392  04/20/12 K.15.06.0017"},
	{kind: "7750-sr12", user: "admin", pass: "admin", act: "admin redundancy synchronize config",
		do: func(c *sshtest.Term, name string) {
			c.Until("A:" + name + "# ")
			c.Send("admin redundancy synchronize config\r")
			c.Until("Completed.")
			c.Until("A:" + name + "# ")
		},
		show: "show redundancy synchronization\r", want: "Last Config File Sync Time   : 20"},
}

// savedHostname reads the hostname a chassis's state file brings back.
func savedHostname(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name+".json"))
	if err != nil {
		return "(no state file)"
	}
	var st struct {
		Listing struct{ Hostname string }
	}
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatalf("%s: damaged state file: %v", name, err)
	}
	return st.Listing.Hostname
}

var fleetKinds = []string{"8212zl", "bd8810", "7750-sr12", "mx240", "qfx5100"}

// bigPrefix marks an inventory that needs a /16.
const bigPrefix = "# more than a /24 holds"

// fleetInventory writes an inventory of n chassis per kind, named
// <kind>-NNN.
func fleetInventory(t *testing.T, dir string, n int) string {
	var b strings.Builder
	if n*len(fleetKinds) > 250 {
		b.WriteString(bigPrefix + "\n")
	}
	b.WriteString("chassis:\n")
	for _, k := range fleetKinds {
		fmt.Fprintf(&b, "  - name: %s-\n    count: %d\n    scenario: %s\n", k, n, k)
	}
	path := filepath.Join(dir, "fleet.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// killFleet makes durable changes on `per` chassis of every kind of a
// fleet of n per kind, kills the server with SIGKILL right after the
// last is acknowledged, and checks that every one reads back, in the
// state files and after a restart.
func killFleet(t *testing.T, n, per int) {
	dir := t.TempDir()
	inv := fleetInventory(t, t.TempDir(), n)
	p := startFleetProc(t, dir, inv, "", 0)
	want := map[string]string{}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for _, k := range fleetKinds {
		for i := 0; i < per; i++ {
			name := fmt.Sprintf("%s-%0*d", k, width(n), 1+rng.Intn(n))
			if want[name] != "" {
				continue
			}
			to := fmt.Sprintf("K%d", len(want))
			durableChange(t, p.mgmt(name), k, name, to)
			want[name] = to
		}
	}
	// a copy and a sync on chassis not renamed
	acted := map[string]durableAct{}
	for _, a := range durableActs {
		for i := 1; i <= n; i++ {
			name := fmt.Sprintf("%s-%0*d", a.kind, width(n), i)
			if want[name] != "" {
				continue
			}
			c := sshtest.Open(t, p.mgmt(name), a.user, a.pass, 200, 1000)
			a.do(c, name)
			c.Close()
			acted[name] = a
			break
		}
	}
	p.kill()
	for name, to := range want {
		if got := savedHostname(t, dir, name); got != to {
			t.Errorf("%s: saved %q after SIGKILL; %q was acknowledged", name, got, to)
		}
	}
	// the restart lists and serves them so
	q := startFleetProc(t, dir, inv, p.prefix, p.ssh)
	defer q.kill()
	var fl struct {
		Chassis []struct{ Name, Hostname string }
	}
	b, _ := os.ReadFile(filepath.Join(dir, "fleet.json"))
	if err := json.Unmarshal(b, &fl); err != nil || len(fl.Chassis) != n*len(fleetKinds) {
		t.Fatalf("fleet.json after the restart: %v", err)
	}
	for _, c := range fl.Chassis {
		if w := want[c.Name]; w != "" && c.Hostname != w {
			t.Errorf("%s listed as %q after the restart, want %q", c.Name, c.Hostname, w)
		}
	}
	for name, to := range want {
		if strings.HasPrefix(name, "8212zl") {
			c := sshtest.Open(t, q.mgmt(name), "manager", "manager", 80, 24)
			c.Login(to + "# ")
			c.Close()
			break
		}
	}
	for name, a := range acted {
		c := sshtest.Open(t, q.mgmt(name), a.user, a.pass, 200, 1000)
		if a.kind == "8212zl" {
			c.Login(name + "# ")
		} else {
			c.Until(name + "# ")
		}
		c.Send(a.show)
		if out, ok := c.Seek(a.want); !ok {
			t.Errorf("%s after SIGKILL and a restart: %q does not show %q; %q was acknowledged before the kill:\n%s", name, a.show, a.want, a.act, out)
		}
		c.Close()
	}
	t.Logf("%d chassis: %d durable changes, a copy and a sync read back after SIGKILL", n*len(fleetKinds), len(want))
}

func width(n int) int {
	w := len(strconv.Itoa(n))
	if w < 3 {
		w = 3
	}
	return w
}

func TestFleetKill(t *testing.T) { killFleet(t, 4, 1) }

// SIGTERM saves the chassis with something unsaved, in parallel, and
// says how many and how long it took.
func TestFleetStopReport(t *testing.T) {
	dir := t.TempDir()
	inv := fleetInventory(t, t.TempDir(), 3)
	p := startFleetProc(t, dir, inv, "", 0)
	c := sshtest.Open(t, p.mgmt("8212zl-001"), "manager", "manager", 80, 24)
	c.Login("8212zl-001# ")
	c.Send("configure\r")
	c.Until("(config)# ")
	c.Send("hostname UNSAVED\r")
	c.Until("UNSAVED(config)# ")
	p.cmd.Process.Signal(syscall.SIGTERM)
	p.cmd.Wait()
	errs := p.stderr.String()
	if !strings.Contains(errs, "switchsim: warning: the unsaved running-config of 8212zl-001 is lost") ||
		!strings.Contains(errs, "changed chassis of 15 in ") {
		t.Fatalf("stop:\n%s", errs)
	}
	// the untouched chassis wrote nothing
	names, _ := filepath.Glob(filepath.Join(dir, "*-0*.json"))
	if len(names) != 1 {
		t.Fatalf("state files %v", names)
	}
}

// A fleet the process's descriptors cannot hold is refused at once, with
// the numbers, before anything listens.
func TestFleetRefusedOverDescriptorLimit(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "blocks.yaml")
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	writeInv := func() {
		os.WriteFile(inv, []byte(fmt.Sprintf("base-port: %d\nchassis:\n  - name: sw\n    count: 100\n", 10000+rng.Intn(20000))), 0o644)
	}
	writeInv()
	args := []string{"--inventory", inv, "--state-dir", filepath.Join(dir, "state"), "--control", "off", "--quiet"}
	cmd := exec.Command("bash", "-c", `ulimit -n 512 && exec "$0" -test.run='^TestServeHelperProcess$'`, os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join(args, "\n"))
	out, err := cmd.CombinedOutput()
	want := "not enough file descriptors: 100 chassis in port blocks listen on 400 sockets, and 1,000 more are kept for sessions (--session-reserve) and 48 for the process: 1,448 in all, but this process may open 512 (RLIMIT_NOFILE; the soft limit is raised to the hard one)."
	if err == nil || !strings.Contains(string(out), want) {
		t.Fatalf("%v\n%s", err, out)
	}
	// (that nothing is bound before the refusal: TestFleetDescriptorBudget
	// in the server package, in process)
	// with the reserve lowered it fits (other ports when another program
	// holds one of the 400)
	args = append(args, "--session-reserve", "50")
	for try := 1; ; try++ {
		cmd = exec.Command("bash", "-c", `ulimit -n 512 && exec "$0" -test.run='^TestServeHelperProcess$'`, os.Args[0])
		cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join(args, "\n"))
		stdout, _ := cmd.StdoutPipe()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadBytes('\n')
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if err == nil {
			break
		}
		if !strings.Contains(stderr.String(), "address already in use") || try == 10 {
			t.Fatalf("with --session-reserve 50: %v %q\n%s", err, line, stderr.String())
		}
		writeInv()
	}
}

// serve refuses the fleet flags without an inventory, and --address-ports
// with port blocks.
func TestFleetFlagErrors(t *testing.T) {
	f := newServeFlags("serve")
	f.parse([]string{"--state-dir", t.TempDir(), "--address-per-chassis", "127.1.0.0/16"})
	if _, err := f.config(); err == nil || err.Error() != "--address-per-chassis and --address-ports serve a fleet: give --inventory too" {
		t.Fatal(err)
	}
	dir := t.TempDir()
	inv := filepath.Join(dir, "f.yaml")
	os.WriteFile(inv, []byte("chassis:\n  - name: a\n"), 0o644)
	f = newServeFlags("serve")
	f.parse([]string{"--state-dir", dir, "--inventory", inv, "--address-ports", "ssh=22"})
	if _, err := f.config(); err == nil || !strings.HasPrefix(err.Error(), "--address-ports applies to an address per chassis") {
		t.Fatal(err)
	}
}

// switchsim inventory prints a Nornir hosts file for an inventory with
// an address per chassis.
func TestInventoryNornir(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "fleet.yaml")
	os.WriteFile(inv, []byte("chassis:\n  - name: a\n  - name: j\n    scenario: mx240\n"), 0o644)
	out, err := stdout(t, func() error {
		return inventory([]string{"--format", "nornir", "--address-per-chassis", "127.1.0.0/16", "--address-ports", "ssh=22,netconf=830", inv})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `# switchsim fleet: a Nornir SimpleInventory hosts file (options: host_file: THIS_FILE)
a:
  hostname: 127.1.0.1
  port: 22
  username: manager
  password: manager
  platform: hp_procurve
  data:
    vendor: procurve
    switchsim_hostname: a
    consoles: ["127.1.0.0:22", "127.1.0.0:22"]
    console_lines: ["a:1", "a:2"]
    operator_user: operator
    operator_password: operator
    ansible_network_os: community.network.aruba
j:
  hostname: 127.1.0.2
  port: 22
  username: admin
  password: admin123
  platform: juniper_junos
  connection_options:
    netconf:
      port: 830
      extras:
        hostkey_verify: false
  data:
    vendor: junos
    switchsim_hostname: j
    consoles: ["127.1.0.0:22", "127.1.0.0:22"]
    console_lines: ["j:1", "j:2"]
    netconf: "127.1.0.2:830"
    operator_user: ""
    operator_password: ""
    ansible_network_os: junipernetworks.junos.junos
`
	if out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
}

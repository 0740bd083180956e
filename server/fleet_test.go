package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/netconf"
	"github.com/switchsim/switchsim/vendors"
)

// Fleets with an address per chassis. Each test picks a random /24 in
// 127/8 and random ports, and picks again when something else on this
// machine holds one of them (EADDRINUSE).

// fleetUnderTest is a started fleet and what it was started with.
type fleetUnderTest struct {
	srv    *Server
	inv    *Inventory
	dir    string // state directory
	prefix string
	ports  AddressPorts
	secret []byte
}

// randomPrefix is a /24 in 127/8 other than 127.0.0.0/24.
func randomPrefix(rng *rand.Rand) string {
	return fmt.Sprintf("127.%d.%d.0/24", 1+rng.Intn(254), rng.Intn(256))
}

// randomPort is a port below the ephemeral range.
func randomPort(rng *rand.Rand) int { return 10000 + rng.Intn(22000) }

// startAddressFleet serves the inventory text (without its
// address-per-chassis line) at a random prefix and ports, retrying on
// EADDRINUSE; dir is the state directory ("" = a new one).
func startAddressFleet(t *testing.T, text, dir string, edit func(*Config)) *fleetUnderTest {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	secret := []byte("0123456789abcdef0123456789abcdef")
	if b, err := os.ReadFile(filepath.Join(dir, "secret-for-test")); err == nil {
		secret = b
	}
	for try := 0; ; try++ {
		ports := AddressPorts{SSH: randomPort(rng), Telnet: randomPort(rng), NETCONF: randomPort(rng), Web: randomPort(rng)}
		if ports.check() != nil {
			continue
		}
		prefix := randomPrefix(rng)
		f := startAddressFleetAt(t, text, dir, prefix, ports, secret, edit)
		if f.err == nil {
			return f.fleetUnderTest
		}
		if !errors.Is(f.err, syscall.EADDRINUSE) || try == 20 {
			t.Fatal(f.err)
		}
	}
}

type startResult struct {
	*fleetUnderTest
	err error
}

func startAddressFleetAt(t *testing.T, text, dir, prefix string, ports AddressPorts, secret []byte, edit func(*Config)) startResult {
	t.Helper()
	path := filepath.Join(dir, "fleet.yaml")
	inv, err := ParseInventoryWith(path, []byte(text), nil, vendors.Registry, InventoryOptions{Lazy: true,
		AddressPerChassis: prefix, AddressPorts: ports.String()})
	if err != nil {
		t.Fatal(err)
	}
	for i := range inv.Chassis {
		inv.Chassis[i].StateFile = filepath.Join(dir, inv.Chassis[i].Name+".json")
	}
	cfg := Config{Vendors: vendors.Registry, Chassis: inv.Chassis, AuthFailDelay: time.Millisecond,
		Fleet: &FleetConfig{Ports: inv.Ports, ConsoleServer: inv.ConsoleServer, Secret: secret}}
	if edit != nil {
		edit(&cfg)
	}
	s, err := Start(cfg)
	if err != nil {
		return startResult{err: err}
	}
	t.Cleanup(func() { s.Close() })
	return startResult{fleetUnderTest: &fleetUnderTest{srv: s, inv: inv, dir: dir, prefix: prefix, ports: ports, secret: secret}}
}

// at is an address of the prefix (its last byte n).
func (f *fleetUnderTest) at(n int, port int) string {
	ip, _, _ := net.ParseCIDR(f.prefix)
	ip4 := ip.To4()
	return net.JoinHostPort(fmt.Sprintf("%d.%d.%d.%d", ip4[0], ip4[1], ip4[2], n), strconv.Itoa(port))
}

const mixedFleet = `telnet: true
chassis:
  - name: zl
    count: 2
  - name: bd
    scenario: bd8810
  - name: sr
    scenario: 7750-sr12
  - name: mx
    scenario: mx240
  - name: edge
    scenario: edge.yaml
`

func writeEdge(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "edge.yaml"), []byte(edgeScenario), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFleetAddressPerChassis(t *testing.T) {
	dir := t.TempDir()
	writeEdge(t, dir)
	f := startAddressFleet(t, mixedFleet, dir, nil)
	s := f.srv
	// the addresses: the console server first, then each chassis
	a := s.Addrs()
	if len(a) != 6 || a[0].Name != "zl001" || a[0].Mgmt != f.at(1, f.ports.SSH) || a[0].Address != strings.Split(f.at(1, 0), ":")[0] ||
		a[4].Name != "mx" || a[4].NETCONF != f.at(5, f.ports.NETCONF) || a[0].NETCONF != "" || a[2].Telnet != f.at(3, f.ports.Telnet) ||
		len(a[0].Consoles) != 2 || a[0].Consoles[1] != f.at(0, f.ports.SSH) || a[0].ConsoleLines[1] != "zl001:2" {
		t.Fatalf("addresses: %+v", a)
	}
	pm := s.PortMap()
	if pm.Scheme != "address" || pm.ConsoleServer != f.at(0, f.ports.SSH) || pm.ConsoleLogin != "USER:CHASSIS:LINE" || pm.Ports.SSH != f.ports.SSH {
		t.Fatalf("port map %+v", pm)
	}
	// nothing is built until touched, and one socket per port (ssh,
	// telnet, NETCONF, web) serves every address
	if st := s.Stats(); st.Chassis != 6 || st.Touched != 0 || len(s.fleet.listeners) != 4 {
		t.Fatalf("stats %+v, %d listeners", st, len(s.fleet.listeners))
	}
	// each chassis answers on its own address with its own CLI
	for _, c := range []struct {
		n                  int
		user, pass, prompt string
	}{
		{1, "manager", "manager", "zl001# "},
		{3, "admin", "", "bd.1 # "},
		{4, "admin", "admin", "A:sr# "},
		{6, "admin", "secret", "edge# "},
	} {
		term := sshtest.Open(t, f.at(c.n, f.ports.SSH), c.user, c.pass, 80, 24)
		if c.n == 1 || c.n == 6 {
			term.Login(c.prompt) // the 8212zl's "Press any key"
		} else {
			term.Until(c.prompt)
		}
		term.Close()
	}
	if st := s.Stats(); st.Touched != 4 {
		t.Fatalf("built %d chassis, want the 4 touched", st.Touched)
	}
	// the untouched wrote no state file
	if _, err := os.Stat(filepath.Join(dir, "zl002.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("untouched zl002 has a state file: %v", err)
	}
	// telnet on a chassis's address
	tc, err := net.Dial("tcp", f.at(1, f.ports.Telnet))
	if err != nil {
		t.Fatal(err)
	}
	if got := readUntil(t, tc, "Press any key to continue"); !strings.Contains(got, "Software revision K.15.06.0017") {
		t.Fatalf("telnet: %q", got)
	}
	tc.Close()
	// NETCONF on the Junos chassis's address: its hello
	if hello, err := netconfHello(f.at(5, f.ports.NETCONF), "admin", "admin123"); err != nil || !strings.Contains(hello, "<capabilities>") {
		t.Fatalf("NETCONF: %v %q", err, hello)
	}
	// no NETCONF on a chassis without an XML API, and it is not built for it
	if _, err := netconfHello(f.at(2, f.ports.NETCONF), "manager", "manager"); err == nil {
		t.Fatal("NETCONF on an 8212zl")
	}
	if s.Stats().Touched != 5 {
		t.Fatalf("built %d", s.Stats().Touched)
	}
	// the console server: the line by user name, the chassis's password
	con := sshtest.Open(t, f.at(0, f.ports.SSH), "manager:zl002:2", "manager", 80, 24)
	con.Send("\r")
	con.Until("Standby Console> ")
	con.Close()
	con = sshtest.Open(t, f.at(0, f.ports.SSH), "admin:edge:1", "secret", 80, 24)
	con.Send("\r")
	con.Until("edge# ")
	con.Close()
	for _, bad := range []struct{ user, pass string }{{"manager:zl002:2", "wrong"}, {"manager:zl002:3", "manager"}, {"manager:nosuch:1", "manager"}, {"manager", "manager"}} {
		if _, err := sshtest.Dial(f.at(0, f.ports.SSH), bad.user, bad.pass); err == nil {
			t.Errorf("console server let %s/%s in", bad.user, bad.pass)
		}
	}
	// an address of the prefix with no chassis, and one outside the
	// prefix, are closed before SSH
	for _, addr := range []string{f.at(200, f.ports.SSH), net.JoinHostPort("127.0.0.1", strconv.Itoa(f.ports.SSH))} {
		if _, err := sshtest.Dial(addr, "manager", "manager"); err == nil {
			t.Errorf("%s answered", addr)
		}
	}
	// the listings: the chassis's addresses and the standard ports
	ls := s.Listing()
	if ls[0].Host != strings.Split(f.at(1, 0), ":")[0] || ls[0].Port != f.ports.SSH || ls[4].NETCONF == "" || ls[5].ManagerUser != "admin" || ls[5].Hostname != "edge" ||
		len(ls[0].ConsoleLines) != 2 {
		t.Fatalf("listing %+v", ls)
	}
}

// netconfHello opens a NETCONF session and returns the server's hello.
func netconfHello(addr, user, pass string) (string, error) {
	conn, err := sshtest.Dial(addr, user, pass)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		return "", err
	}
	w, _ := sess.StdinPipe()
	r, _ := sess.StdoutPipe()
	if err := sess.RequestSubsystem("netconf"); err != nil {
		return "", err
	}
	c, err := netconf.NewClient(struct {
		io.Reader
		io.Writer
	}{r, w}, false)
	if err != nil {
		return "", err
	}
	return c.ServerHello, nil
}

func readUntil(t *testing.T, c net.Conn, s string) string {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(sshtest.Timeout))
	var got []byte
	b := make([]byte, 1024)
	for !strings.Contains(string(got), s) {
		n, err := c.Read(b)
		got = append(got, b[:n]...)
		if err != nil {
			return string(got)
		}
	}
	return string(got)
}

// A chassis keeps its SSH host key across restarts whether or not it was
// ever touched (derived from the fleet secret), and a restart lists a
// saved chassis's new hostname from its state file without building it.
func TestFleetRestartKeepsKeysAndReadsHeads(t *testing.T) {
	dir := t.TempDir()
	text := "chassis:\n  - name: a\n  - name: b\n"
	f := startAddressFleet(t, text, dir, nil)
	keyA := hostKeyOf(t, f.at(1, f.ports.SSH), "manager", "manager")
	term := sshtest.Open(t, f.at(1, f.ports.SSH), "manager", "manager", 200, 1000)
	term.Login("a# ")
	term.Send("configure\r")
	term.Until("a(config)# ")
	term.Send("hostname SAVED\r")
	term.Until("SAVED(config)# ")
	term.Send("write memory\r")
	term.Until("SAVED(config)# ")
	term.Close()
	f.srv.Close()
	if _, err := os.Stat(filepath.Join(dir, "b.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("untouched b wrote a state file")
	}
	g := startAddressFleetAt(t, text, dir, f.prefix, f.ports, f.secret, nil)
	if g.err != nil {
		t.Fatal(g.err)
	}
	if ls := g.srv.Listing(); ls[0].Hostname != "SAVED" || ls[1].Hostname != "b" || g.srv.Stats().Touched != 0 {
		t.Fatalf("listing after restart %+v, %d built", ls, g.srv.Stats().Touched)
	}
	keyB := hostKeyOf(t, g.at(2, g.ports.SSH), "manager", "manager")
	if hostKeyOf(t, g.at(1, g.ports.SSH), "manager", "manager") != keyA {
		t.Fatal("a's host key changed across a restart")
	}
	g.srv.Close()
	h := startAddressFleetAt(t, text, dir, f.prefix, f.ports, f.secret, nil)
	if h.err != nil {
		t.Fatal(h.err)
	}
	if hostKeyOf(t, h.at(2, h.ports.SSH), "manager", "manager") != keyB || keyA == keyB {
		t.Fatal("b's derived host key is not stable, or is a's")
	}
}

// Where one socket per port is not available, a socket per address and
// port serves the same fleet.
func TestFleetSocketPerAddress(t *testing.T) {
	dir := t.TempDir()
	writeEdge(t, dir)
	f := startAddressFleet(t, mixedFleet, dir, func(c *Config) { c.Fleet.PerAddressSockets = true })
	// 6 chassis, ssh, telnet and web each, NETCONF on the mx240, the console server
	if n := len(f.srv.fleet.listeners); n != 20 {
		t.Fatalf("%d listeners, want a socket per address and port: 20", n)
	}
	term := sshtest.Open(t, f.at(2, f.ports.SSH), "manager", "manager", 80, 24)
	term.Login("zl002# ")
	con := sshtest.Open(t, f.at(0, f.ports.SSH), "admin:sr:1", "admin", 80, 24)
	con.Until("Login: ") // the CPM's own console login
	con.Send("admin\r")
	con.Until("Password: ")
	con.Send("admin\r")
	con.Until("A:sr# ")
	if _, err := sshtest.Dial(f.at(200, f.ports.SSH), "manager", "manager"); err == nil {
		t.Error("an address with no chassis answered")
	}
}

// The descriptor budget is checked before anything is bound: one
// message naming the numbers, and no listener left behind.
func TestFleetDescriptorBudget(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	want := "not enough file descriptors: 100 chassis in port blocks listen on 500 sockets, and 1,000 more are kept for sessions (--session-reserve) and 48 for the process: 1,548 in all, but this process may open 1,000 (RLIMIT_NOFILE; the soft limit is raised to the hard one). Serve them at an address each (--address-per-chassis 127.1.0.0/16: one socket per port), serve fewer, or raise the hard limit as root (ulimit -Hn 16384 in the shell that starts switchsim, LimitNOFILE=16384 in its systemd unit, or a nofile line in /etc/security/limits.conf)"
	// nothing is bound before the refusal: the first block's port is
	// free after it (another program may hold a random port: try others;
	// a port held after every refusal is a leaked listener)
	for try := 1; ; try++ {
		base := randomPort(rng)
		inv, err := ParseInventoryWith(filepath.Join(dir, "f.yaml"), []byte(fmt.Sprintf("base-port: %d\nblock: 6\ntelnet: true\nchassis:\n  - name: sw\n    count: 100\n", base)),
			nil, vendors.Registry, InventoryOptions{Lazy: true})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Start(Config{Vendors: vendors.Registry, Chassis: inv.Chassis, Fleet: &FleetConfig{Ports: inv.Ports, FDLimit: 1000}})
		var be *BudgetError
		if err == nil || err.Error() != want || !errors.As(err, &be) {
			t.Fatalf("got  %v\nwant %s", err, want)
		}
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(base)))
		if err == nil {
			l.Close()
			break
		}
		if !errors.Is(err, syscall.EADDRINUSE) || try == 10 {
			t.Fatalf("after the refusal, port %d: %v", base, err)
		}
	}
	// the same fleet at an address each needs three sockets
	var cfg Config
	for try := 1; ; try++ {
		base := randomPort(rng)
		inv, err := ParseInventoryWith(filepath.Join(dir, "f.yaml"), []byte("telnet: true\nchassis:\n  - name: sw\n    count: 100\n"),
			nil, vendors.Registry, InventoryOptions{Lazy: true, AddressPerChassis: randomPrefix(rng), AddressPorts: fmt.Sprintf("ssh=%d,telnet=%d,web=off", base, base+1)})
		if err != nil {
			t.Fatal(err)
		}
		cfg = Config{Vendors: vendors.Registry, Chassis: inv.Chassis, Fleet: &FleetConfig{Ports: inv.Ports, ConsoleServer: inv.ConsoleServer, FDLimit: 1000, SessionReserve: 900}}
		s, err := Start(cfg)
		if err != nil {
			if !errors.Is(err, syscall.EADDRINUSE) || try == 10 {
				t.Fatal(err)
			}
			continue
		}
		if st := s.Stats(); st.FDs > 30 {
			t.Errorf("%d descriptors for 100 chassis at an address each", st.FDs)
		}
		s.Close()
		break
	}
	cfg.Fleet.SessionReserve = 990
	if _, err := Start(cfg); err == nil || !strings.Contains(err.Error(), "100 chassis at an address each listen on 2 sockets, and 990 more are kept for sessions") ||
		!strings.Contains(err.Error(), "Lower --session-reserve, or raise the hard limit") {
		t.Fatalf("address scheme over budget: %v", err)
	}
}

// A port another program holds on 0.0.0.0 (as the host's sshd holds 22)
// is refused with the cause and the high ports to use instead.
func TestFleetPortInUse(t *testing.T) {
	l, err := net.Listen("tcp4", "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	held := l.Addr().(*net.TCPAddr).Port
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	dir := t.TempDir()
	inv, err := ParseInventoryWith(filepath.Join(dir, "f.yaml"), []byte("chassis:\n  - name: a\n"), nil, vendors.Registry,
		InventoryOptions{Lazy: true, AddressPerChassis: randomPrefix(rng), AddressPorts: fmt.Sprintf("ssh=%d,web=off", held)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Start(Config{Vendors: vendors.Registry, Chassis: inv.Chassis, Fleet: &FleetConfig{Ports: inv.Ports, ConsoleServer: inv.ConsoleServer}})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("cannot listen on port %d (ssh) for %s: address already in use: another program listens on it (on 0.0.0.0, like the host's own sshd on port 22, or on a loopback address); choose other ports (--address-ports ssh=2222,telnet=2323,netconf=8830)", held, inv.Ports.Prefix)) {
		t.Fatalf("%v", err)
	}
	// a port below the unprivileged start, for a process without the
	// privilege (this test may run as root, so the error is made here)
	err = portError("ssh", 22, "127.1.0.0/16", &net.OpError{Op: "listen", Err: os.NewSyscallError("bind", syscall.EACCES)})
	if !strings.HasPrefix(err.Error(), "cannot listen on port 22 (ssh) for 127.1.0.0/16: permission denied: ports below the unprivileged start (net.ipv4.ip_unprivileged_port_start, ") ||
		!strings.HasSuffix(err.Error(), ") need privileges switchsim does not ask for; use the high ports (--address-ports ssh=2222,telnet=2323,netconf=8830)") {
		t.Fatal(err)
	}
}

// Only the chassis with something unsaved are written on stop, in
// parallel; the others keep their files as they were.
func TestFleetStopSavesOnlyChanged(t *testing.T) {
	dir := t.TempDir()
	f := startAddressFleet(t, "chassis:\n  - name: sw\n    count: 20\n", dir, nil)
	for i := 1; i <= 3; i++ {
		term := sshtest.Open(t, f.at(i, f.ports.SSH), "manager", "manager", 80, 24)
		term.Login(fmt.Sprintf("sw%03d# ", i))
		term.Close()
	}
	// flush what is pending, as the background flush would
	for _, h := range f.srv.Touched() {
		h.store.Flush()
	}
	before, _ := os.Stat(filepath.Join(dir, "sw001.json"))
	// a change on sw002 only
	if err := f.srv.Host("sw002").Do(func(c *model.Chassis) error { c.LogLoginFailed("SSH", "10.0.0.1", "x"); return nil }); err != nil {
		t.Fatal(err)
	}
	f.srv.Close()
	saved, _ := f.srv.StopReport()
	after, _ := os.Stat(filepath.Join(dir, "sw001.json"))
	if saved != 1 || !before.ModTime().Equal(after.ModTime()) {
		t.Fatalf("saved %d (want 1: sw002); sw001 rewritten: %v", saved, !before.ModTime().Equal(after.ModTime()))
	}
	names, _ := filepath.Glob(filepath.Join(dir, "sw*.json"))
	if len(names) != 3 {
		t.Fatalf("state files %v", names)
	}
}

// A damaged state file is found when its chassis is first touched: that
// chassis refuses (its connections closed, the error names the file),
// the others go on. A state file from before listings had a head is
// listed by decoding it whole.
func TestFleetDamagedAndOldStateFiles(t *testing.T) {
	dir := t.TempDir()
	text := "chassis:\n  - name: a\n  - name: b\n  - name: c\n"
	f := startAddressFleet(t, text, dir, nil)
	// c saves a hostname, then its file loses its head, as one written
	// before heads were
	term := sshtest.Open(t, f.at(3, f.ports.SSH), "manager", "manager", 200, 1000)
	term.Login("c# ")
	term.Send("configure\r")
	term.Until("c(config)# ")
	term.Send("hostname OLDSTYLE\r")
	term.Until("OLDSTYLE(config)# ")
	term.Send("write memory\r")
	term.Until("OLDSTYLE(config)# ")
	term.Close()
	f.srv.Close()
	path := filepath.Join(dir, "c.json")
	b, _ := os.ReadFile(path)
	var st map[string]any
	if err := json.Unmarshal(b, &st); err != nil || st["listing"] == nil {
		t.Fatalf("state file without a head: %v", err)
	}
	delete(st, "listing")
	b, _ = json.Marshal(st)
	os.WriteFile(path, b, 0o600)
	os.WriteFile(filepath.Join(dir, "b.json"), []byte(`{"version": 1, "vendor": "procurve", "hostKey": "x", "chassis": {`), 0o600)
	var logged strings.Builder
	var mu sync.Mutex
	g := startAddressFleetAt(t, text, dir, f.prefix, f.ports, f.secret, func(c *Config) {
		c.Logf = func(format string, args ...any) { mu.Lock(); fmt.Fprintf(&logged, format+"\n", args...); mu.Unlock() }
	})
	if g.err != nil {
		t.Fatal(g.err)
	}
	if ls := g.srv.Listing(); ls[2].Hostname != "OLDSTYLE" || ls[1].Hostname != "b" {
		t.Fatalf("listing %+v", ls)
	}
	if _, err := sshtest.Dial(g.at(2, g.ports.SSH), "manager", "manager"); err == nil {
		t.Fatal("b with a damaged state file answered")
	}
	if _, err := g.srv.LookupHost("b"); err == nil || !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), filepath.Join(dir, "b.json")) {
		t.Fatalf("b: %v", err)
	}
	mu.Lock()
	if !strings.Contains(logged.String(), "switchsim: b: "+filepath.Join(dir, "b.json")+": damaged state file") {
		t.Errorf("log:\n%s", logged.String())
	}
	mu.Unlock()
	term = sshtest.Open(t, g.at(1, g.ports.SSH), "manager", "manager", 80, 24)
	term.Login("a# ")
	term = sshtest.Open(t, g.at(3, g.ports.SSH), "manager", "manager", 80, 24)
	term.Login("OLDSTYLE# ")
}

package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/server"
)

// serveConfig parses serve's flags and builds its configuration.
func serveConfig(t *testing.T, args ...string) (server.Config, string, error) {
	t.Helper()
	var errs bytes.Buffer
	stderr = &errs
	defer func() { stderr = os.Stderr }()
	f := newServeFlags("serve")
	if err := f.parse(args); err != nil {
		t.Fatal(err)
	}
	cfg, err := f.config()
	return cfg, errs.String(), err
}

// A chassis with factory logins refuses to listen off loopback and says
// how to give it passwords; --trusted-network serves it with a warning;
// --credentials and the variables give it passwords.
func TestServeOffLoopback(t *testing.T) {
	dir := t.TempDir()
	base := []string{"--state-dir", dir, "--listen", "0.0.0.0:0", "--console1", "off", "--console2", "off", "--control", "off"}
	_, _, err := serveConfig(t, base...)
	want := "refusing to listen off loopback (0.0.0.0:0): chassis chassis1 would accept factory logins (no password, or the published one, for manager, operator); give every chassis passwords: --credentials FILE (a YAML file: \"manager: PASSWORD\" and \"operator: PASSWORD\"), or the variables SWITCHSIM_MANAGER_PASSWORD and SWITCHSIM_OPERATOR_PASSWORD (from a Kubernetes Secret); or listen on loopback (--listen 127.0.0.1:2222); or, on a network of your own lab only, --trusted-network keeps the factory logins"
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	_, warn, err := serveConfig(t, append(base, "--trusted-network")...)
	if err != nil || !strings.Contains(warn, "switchsim: warning: listening off loopback (0.0.0.0:0) with factory logins") {
		t.Fatalf("--trusted-network: %v %q", err, warn)
	}
	// the variables, then a file over them
	t.Setenv(envManagerPassword, "from-env")
	t.Setenv(envOperatorPassword, "ro-env")
	cfg, warn, err := serveConfig(t, base...)
	if err != nil || warn != "" || cfg.Chassis[0].Passwords == nil || *cfg.Chassis[0].Passwords != (server.Passwords{Manager: "from-env", Operator: "ro-env"}) {
		t.Fatalf("variables: %v %q %+v", err, warn, cfg.Chassis[0].Passwords)
	}
	creds := filepath.Join(dir, "creds.yaml")
	os.WriteFile(creds, []byte("manager: s3cret\n"), 0o600)
	cfg, _, err = serveConfig(t, append(base, "--credentials", creds)...)
	if err != nil || *cfg.Chassis[0].Passwords != (server.Passwords{Manager: "s3cret", Operator: "ro-env"}) {
		t.Fatalf("--credentials: %v %+v", err, cfg.Chassis[0].Passwords)
	}
	os.WriteFile(creds, []byte("manager: s3cret\nadmin: x\n"), 0o600)
	if _, _, err = serveConfig(t, append(base, "--credentials", creds)...); err == nil || !strings.Contains(err.Error(), "creds.yaml:2") {
		t.Fatalf("a typo in the credentials file: %v", err)
	}
	// the control API stays on loopback
	if _, _, err = serveConfig(t, "--state-dir", dir, "--control", "0.0.0.0:0"); err == nil || !strings.HasPrefix(err.Error(), "--control 0.0.0.0:0: the control API listens on loopback only") {
		t.Fatalf("control off loopback: %v", err)
	}
}

// Served on every interface with passwords from --credentials: the new
// password logs in, the factory one does not; ctl ready says so.
func TestServeWithCredentials(t *testing.T) {
	dir := t.TempDir()
	creds := filepath.Join(dir, "creds.yaml")
	os.WriteFile(creds, []byte("manager: s3cret\noperator: r3ad\n"), 0o600)
	f := newServeFlags("serve")
	if err := f.parse([]string{"--state-dir", filepath.Join(dir, "state"), "--listen", "0.0.0.0:0", "--console1", "off", "--console2", "off",
		"--control", "127.0.0.1:0", "--web", "off", "--quiet", "--credentials", creds, "--auth-fail-delay", "0", "--terminal", "plain"}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	var srv *server.Server
	started := make(chan struct{})
	go func() {
		done <- runServer(f, &bytes.Buffer{}, func(s *server.Server) { srv = s; close(started) })
	}()
	select {
	case <-started:
	case err := <-done:
		t.Fatal(err)
	}
	defer func() {
		// stop it as a signal does, and wait for it
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	_, p, _ := net.SplitHostPort(srv.Addrs()[0].Mgmt)
	addr := net.JoinHostPort("127.0.0.1", p)
	if _, err := sshtest.Dial(addr, "manager", "manager"); err == nil {
		t.Fatal("the factory password logged in")
	}
	term := sshtest.Open(t, addr, "manager", "s3cret", 200, 1000)
	term.Send("\r")
	if _, ok := term.Seek("#"); !ok {
		t.Fatal("no prompt after logging in with the password of --credentials")
	}
	var out bytes.Buffer
	ctlOut = &out
	defer func() { ctlOut = os.Stdout }()
	if err := ctl([]string{"--state-dir", filepath.Join(dir, "state"), "ready"}); err != nil || out.String() != "ready: 1 chassis listen\n" {
		t.Fatalf("ctl ready: %v %q", err, out.String())
	}
}

// ctl ready fails (exit 1) with no server, and says why.
func TestCtlReadyWithoutServer(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ports.json"), []byte(`{"control":"127.0.0.1:1"}`), 0o600)
	os.WriteFile(filepath.Join(dir, "control-token"), []byte("t\n"), 0o600)
	err := ctl([]string{"--state-dir", dir, "ready"})
	if err == nil || !strings.HasPrefix(err.Error(), "not ready: ") {
		t.Fatalf("ctl ready with no server: %v", err)
	}
}

// serve --shard serves one shard of an inventory, its port blocks on
// --listen's address; an ordinal past the shards is refused.
func TestServeShard(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "fleet.yaml")
	os.WriteFile(inv, []byte("base-port: 0\nchassis:\n  - name: a\n    count: 30\n"), 0o644)
	cfg, _, err := serveConfig(t, "--state-dir", dir, "--inventory", inv, "--shard", "1/3", "--listen", "127.0.2.1", "--control", "off")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Chassis) == 0 || len(cfg.Chassis) >= 30 {
		t.Fatalf("shard 1/3 of 30 chassis holds %d", len(cfg.Chassis))
	}
	for _, cc := range cfg.Chassis {
		if server.ShardOf(cc.Name, 3) != 1 || cc.Mgmt != "127.0.2.1:0" {
			t.Fatalf("%s (shard %d) at %s", cc.Name, server.ShardOf(cc.Name, 3), cc.Mgmt)
		}
	}
	t.Setenv(server.ShardEnv, "3")
	_, _, err = serveConfig(t, "--state-dir", dir, "--inventory", inv, "--shard", "auto/3", "--control", "off")
	if err == nil || !strings.HasPrefix(err.Error(), "this process is shard 3 (SWITCHSIM_POD_INDEX=3) but the fleet has 3 shards (0 to 2): change the StatefulSet's replicas and the N of --shard auto/N together") {
		t.Fatalf("ordinal past the shards: %v", err)
	}
	if _, _, err = serveConfig(t, "--state-dir", dir, "--inventory", inv, "--listen", "127.0.2.1:2222", "--control", "off"); err == nil || !strings.Contains(err.Error(), "without a port") {
		t.Fatalf("--listen with a port and --inventory: %v", err)
	}
}

// switchsim inventory --shards N --domain D puts each chassis at its
// shard's pod, with the ports of its shard.
func TestInventoryShards(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "fleet.yaml")
	os.WriteFile(inv, []byte("chassis:\n  - name: core\n    count: 2\n    scenario: mx240\n  - name: access\n    count: 8\n"), 0o644)
	t.Setenv(envManagerPassword, "pw")
	out, err := stdout(t, func() error {
		return inventory([]string{"--format", "netmiko", "--shards", "3", "--domain", "switchsim.lab.svc.cluster.local", inv})
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 12 || !strings.HasPrefix(lines[1], `  "core001": {"device_type":"juniper_junos","host":"switchsim-`) {
		t.Fatalf("%s", out)
	}
	next := map[int]int{}
	for _, name := range []string{"core001", "core002", "access001", "access002", "access003", "access004", "access005", "access006", "access007", "access008"} {
		sh := server.ShardOf(name, 3)
		want := `"host":"switchsim-` + strconv.Itoa(sh) + `.switchsim.lab.svc.cluster.local","port":` + strconv.Itoa(20000+10*next[sh]) + `,"username":`
		next[sh]++
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, `  "`+name+`"`) {
				found = strings.Contains(l, want) && strings.Contains(l, `"password":"pw"`)
			}
		}
		if !found {
			t.Fatalf("%s: want %s in\n%s", name, want, out)
		}
	}
	// every address of a chassis is its pod's: management, consoles,
	// NETCONF, the web interface
	js, err := stdout(t, func() error {
		return inventory([]string{"--format", "json", "--shards", "3", "--domain", "switchsim.lab.svc.cluster.local", inv})
	})
	if err != nil || strings.Contains(js, "127.0.0.1") || !strings.Contains(js, `"web": "switchsim-`) {
		t.Fatalf("json inventory of the shards (%v):\n%s", err, js)
	}
	if _, err := stdout(t, func() error { return inventory([]string{"--shards", "3", inv}) }); err == nil || !strings.Contains(err.Error(), "give --domain") {
		t.Fatalf("--shards without --domain: %v", err)
	}
}

// serve of an empty shard says so and serves (no crash loop).
func TestServeEmptyShard(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "small.yaml")
	os.WriteFile(inv, []byte("base-port: 0\nchassis:\n  - name: sw\n    count: 2\n"), 0o644)
	for i := 0; i < 8; i++ {
		if server.ShardOf("sw001", 8) == i || server.ShardOf("sw002", 8) == i {
			continue
		}
		cfg, warn, err := serveConfig(t, "--state-dir", dir, "--inventory", inv, "--shard", fmt.Sprintf("%d/8", i), "--control", "off")
		want := fmt.Sprintf("switchsim: shard %d/8 of %s has no chassis (the fleet is smaller than its shards): serving none\n", i, inv)
		if err != nil || len(cfg.Chassis) != 0 || warn != want {
			t.Fatalf("shard %d/8: %v, %d chassis, %q", i, err, len(cfg.Chassis), warn)
		}
		return
	}
	t.Fatal("no empty shard")
}

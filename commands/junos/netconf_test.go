package junos_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/switchsim/switchsim/internal/sshtest"
	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/netconf"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// Junos over NETCONF, through the server's SSH: the hello and replies
// byte for byte where the captures and PyEZ's fixtures fix them, the
// candidate shared with the CLI, the fate of a session through a
// mastership switch and a reboot, the gate on "system services netconf
// ssh", and abuse.

// ncServer serves the mx240 (edited) with its NETCONF port.
func ncServer(t *testing.T, edit func(*scenario.Scenario)) (*server.Server, *server.Host) {
	t.Helper()
	sc, err := vendors.Scenario("mx240", nil)
	if err != nil {
		t.Fatal(err)
	}
	sc.Clock = start
	if edit != nil {
		edit(sc)
	}
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Logf: t.Logf,
		Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, NETCONF: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, srv.Host("c")
}

// ncConn is a NETCONF session over SSH.
type ncConn struct {
	*netconf.Client
	conn *gossh.Client
	sess *gossh.Session
	w    io.WriteCloser
}

type sshRW struct {
	io.Reader
	io.Writer
}

// ncOpen opens the netconf subsystem (or, with exec, runs that command)
// on addr and exchanges hellos.
func ncOpen(t *testing.T, addr string, chunked bool, exec string) (*ncConn, error) {
	t.Helper()
	conn, err := sshtest.Dial(addr, "admin", "admin123")
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		conn.Close()
		return nil, err
	}
	w, _ := sess.StdinPipe()
	r, _ := sess.StdoutPipe()
	if exec != "" {
		err = sess.Start(exec)
	} else {
		err = sess.RequestSubsystem("netconf")
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	c, err := netconf.NewClient(sshRW{r, w}, chunked)
	if err != nil {
		conn.Close()
		return nil, err
	}
	t.Cleanup(func() { conn.Close() })
	return &ncConn{Client: c, conn: conn, sess: sess, w: w}, nil
}

func mustOpen(t *testing.T, addr string) *ncConn {
	t.Helper()
	c, err := ncOpen(t, addr, false, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *ncConn) call(t *testing.T, op string) string {
	t.Helper()
	got, err := c.Call(op)
	if err != nil {
		t.Fatalf("%s: %v", op, err)
	}
	return got
}

const replyHead = `<rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:junos="http://xml.juniper.net/junos/13.3R1/junos" message-id="%d">` + "\n"

func TestNETCONFHelloAndFacts(t *testing.T) {
	srv, _ := ncServer(t, nil)
	c := mustOpen(t, srv.Addrs()[0].NETCONF)
	wantHello := "<!-- No zombies were killed during the creation of this user interface -->\n" +
		"<!-- user admin, class j-super-user -->\n" +
		"<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n  <capabilities>\n" +
		"    <capability>urn:ietf:params:netconf:base:1.0</capability>\n" +
		"    <capability>urn:ietf:params:netconf:capability:candidate:1.0</capability>\n" +
		"    <capability>urn:ietf:params:netconf:capability:confirmed-commit:1.0</capability>\n" +
		"    <capability>urn:ietf:params:netconf:capability:validate:1.0</capability>\n" +
		"    <capability>urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file</capability>\n" +
		"    <capability>urn:ietf:params:xml:ns:netconf:base:1.0</capability>\n" +
		"    <capability>urn:ietf:params:xml:ns:netconf:capability:candidate:1.0</capability>\n" +
		"    <capability>urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0</capability>\n" +
		"    <capability>urn:ietf:params:xml:ns:netconf:capability:validate:1.0</capability>\n" +
		"    <capability>urn:ietf:params:xml:ns:netconf:capability:url:1.0?protocol=http,ftp,file</capability>\n" +
		"    <capability>urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring</capability>\n" +
		"    <capability>http://xml.juniper.net/netconf/junos/1.0</capability>\n" +
		"    <capability>http://xml.juniper.net/dmi/system/1.0</capability>\n" +
		"  </capabilities>\n  <session-id>1200</session-id>\n</hello>\n"
	if c.ServerHello != wantHello {
		t.Fatalf("hello:\n%s", c.ServerHello)
	}
	// the private instance: em0.0 with master's and re0's addresses
	got := c.call(t, `<get-interface-information><routing-instance>__juniper_private1__</routing-instance><terse/></get-interface-information>`)
	want := fmt.Sprintf(replyHead, 1) + `<interface-information xmlns="http://xml.juniper.net/junos/13.3R1/junos-interface" junos:style="terse">
<physical-interface>
<name>em0</name>
<admin-status>up</admin-status>
<oper-status>up</oper-status>
<logical-interface>
<name>em0.0</name>
<admin-status>up</admin-status>
<oper-status>up</oper-status>
<filter-information/>
<address-family>
<address-family-name>inet</address-family-name>
<interface-address>
<ifa-local junos:emit="emit">10.0.0.4/8</ifa-local>
</interface-address>
<interface-address>
<ifa-local junos:emit="emit">128.0.0.1/2</ifa-local>
</interface-address>
<interface-address>
<ifa-local junos:emit="emit">128.0.0.4/2</ifa-local>
</interface-address>
</address-family>
<address-family>
<address-family-name>tnp</address-family-name>
<interface-address>
<ifa-local junos:emit="emit">0x4</ifa-local>
</interface-address>
</address-family>
</logical-interface>
</physical-interface>
<physical-interface>
<name>em1</name>
<admin-status>up</admin-status>
<oper-status>down</oper-status>
</physical-interface>
</interface-information>
</rpc-reply>
`
	if got != want {
		t.Fatalf("private instance:\n%s", got)
	}
	got = c.call(t, `<command>show version invoke-on all-routing-engines</command>`)
	for _, part := range []string{"<multi-routing-engine-results>\n<multi-routing-engine-item>\n<re-name>re0</re-name>\n<software-information>\n" +
		"<host-name>mx240-lab</host-name>\n<product-model>mx240</product-model>\n<product-name>mx240</product-name>\n<junos-version>13.3R1.4</junos-version>\n" +
		"<package-information>\n<name>junos</name>\n<comment>JUNOS Base OS boot [13.3R1.4]</comment>\n</package-information>\n",
		"<re-name>re1</re-name>"} {
		if !strings.Contains(got, part) {
			t.Fatalf("show version invoke-on: no %q in\n%s", part, got)
		}
	}
	got = c.call(t, `<get-configuration database="committed" inherit="inherit" commit-scripts="apply"><configuration><system><domain-name/></system></configuration></get-configuration>`)
	want = fmt.Sprintf(replyHead, 3) + `<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm" junos:commit-seconds="1401700225" junos:commit-localtime="2014-06-02 09:10:25 UTC" junos:commit-user="root">
    <system>
        <domain-name>lab.example.net</domain-name>
    </system>
</configuration>
</rpc-reply>
`
	if got != want {
		t.Fatalf("domain:\n%s", got)
	}
	got = c.call(t, `<file-show><filename>/etc/hosts.junos</filename></file-show>`)
	for _, part := range []string{"\n128.0.0.1        master\n", "\n128.0.0.4        re0\n", "\n128.0.0.5        re1\n", "\n128.0.0.6        backup\n"} {
		if !strings.Contains(got, part) {
			t.Fatalf("hosts.junos: no %q in\n%s", part, got)
		}
	}
	// an MX is no virtual chassis: an empty reply; no cluster either
	if got := c.call(t, `<get-virtual-chassis-information/>`); got != fmt.Sprintf(replyHead, 5)+"</rpc-reply>\n" {
		t.Fatalf("vc: %q", got)
	}
	got = c.call(t, `<get-chassis-cluster-status/>`)
	if !strings.Contains(got, "<error-message>syntax error</error-message>\n<error-info>\n<bad-element>get-chassis-cluster-status</bad-element>") {
		t.Fatalf("cluster: %q", got)
	}
}

// A commit the check refuses: Junos's two rpc-errors in commit-results,
// no <ok/>; the candidate keeps its change, the committed one is as it
// was. A good commit answers the routing-engine results and <ok/>.
func TestNETCONFCommitResults(t *testing.T) {
	srv, _ := ncServer(t, nil)
	c := mustOpen(t, srv.Addrs()[0].NETCONF)
	got := c.call(t, `<load-configuration action="set" format="text"><configuration-set>delete system root-authentication</configuration-set></load-configuration>`)
	if want := fmt.Sprintf(replyHead, 1) + "<load-configuration-results>\n<load-success/>\n</load-configuration-results>\n</rpc-reply>\n"; got != want {
		t.Fatalf("load:\n%s", got)
	}
	got = c.call(t, `<commit-configuration/>`)
	want := fmt.Sprintf(replyHead, 2) + `<commit-results>
<rpc-error>
<error-type>application</error-type>
<error-tag>invalid-value</error-tag>
<error-severity>error</error-severity>
<error-path>[edit]</error-path>
<error-message>mgd: Missing mandatory statement: 'root-authentication'</error-message>
<error-info>
<bad-element>system</bad-element>
</error-info>
</rpc-error>
<rpc-error>
<error-type>protocol</error-type>
<error-tag>operation-failed</error-tag>
<error-severity>error</error-severity>
<error-message>
configuration check-out failed: (missing mandatory statements)
</error-message>
</rpc-error>
</commit-results>
</rpc-reply>
`
	if got != want {
		t.Fatalf("failed commit:\n%s", got)
	}
	c.call(t, `<discard-changes/>`)
	c.call(t, `<load-configuration action="merge" format="text"><configuration-text>snmp { contact nc; }</configuration-text></load-configuration>`)
	got = c.call(t, `<commit-configuration><log>from netconf</log></commit-configuration>`)
	want = fmt.Sprintf(replyHead, 5) + `<commit-results>
<routing-engine junos:style="normal">
<name>re0</name>
<commit-check-success/>
</routing-engine>
<routing-engine junos:style="normal">
<name>re1</name>
<commit-success/>
</routing-engine>
<routing-engine junos:style="normal">
<name>re0</name>
<commit-success/>
</routing-engine>
</commit-results>
<ok/>
</rpc-reply>
`
	if got != want {
		t.Fatalf("commit:\n%s", got)
	}
	got = c.call(t, `<get-configuration database="committed" format="set"><configuration><snmp><contact/></snmp></configuration></get-configuration>`)
	if !strings.Contains(got, "<configuration-set>\nset snmp contact nc\n</configuration-set>") {
		t.Fatalf("committed: %s", got)
	}
}

// The candidate is the CLI's: a NETCONF lock is configure exclusive's,
// a session that ends lets go of it, and a session stays on its RE
// through a mastership switch, then answers as a backup.
func TestNETCONFSharesTheCLIsFate(t *testing.T) {
	srv, h := ncServer(t, nil)
	addr := srv.Addrs()[0]
	c := mustOpen(t, addr.NETCONF)
	if got := c.call(t, `<lock><target><candidate/></target></lock>`); !strings.Contains(got, "<ok/>") {
		t.Fatal(got)
	}
	cli := sshtest.Open(t, addr.Mgmt, "admin", "admin123", 80, 1000)
	cli.Until(prompt)
	cli.Send("configure exclusive\r")
	if out := cli.Until(prompt); !strings.Contains(out, "error: configuration database locked by:\r\n  admin terminal p0 (pid 1200)") {
		t.Fatalf("CLI while NETCONF holds the lock:\n%s", out)
	}
	// a second NETCONF session: lock-denied
	d := mustOpen(t, addr.NETCONF)
	if got := d.call(t, `<lock-configuration/>`); !strings.Contains(got, "<error-tag>lock-denied</error-tag>") {
		t.Fatal(got)
	}
	// the session ends: its lock goes
	c.conn.Close()
	wait.For(t, "the closed session to go", func() bool { return h.XMLSessions() <= 1 })
	cli.Send("configure exclusive\r")
	if out := cli.Until("# "); !strings.Contains(out, "Entering configuration mode") {
		t.Fatalf("the lock outlived its session:\n%s", out)
	}
	cli.Send("exit\r")
	cli.Until(prompt)
	// the master switch: d stays on re0, now the backup
	h.Advance(241 * time.Second)
	cli.Send("request chassis routing-engine master switch\r")
	cli.Until("(no) ")
	cli.Send("yes\r")
	cli.Until("{backup}")
	h.Advance(2 * time.Second)
	got := d.call(t, `<get-chassis-inventory/>`)
	if !strings.Contains(got, "<output>\nAborted! This command can only be used on the master routing engine.</output>") {
		t.Fatalf("inventory on the backup: %s", got)
	}
	got = d.call(t, `<get-interface-information><routing-instance>__juniper_private1__</routing-instance><terse/></get-interface-information>`)
	if !strings.Contains(got, "128.0.0.6/2") || strings.Contains(got, "128.0.0.1/2") {
		t.Fatalf("em0.0 on the backup: %s", got)
	}
	if got := d.call(t, `<commit-configuration/>`); !strings.Contains(got, "commit is not allowed on the backup Routing Engine") {
		t.Fatalf("commit on the backup: %s", got)
	}
	// the NETCONF port lands on the new master
	e := mustOpen(t, addr.NETCONF)
	if got := e.call(t, `<get-route-engine-information/>`); !strings.Contains(got, "<slot>1</slot>\n<mastership-state>master</mastership-state>") {
		t.Fatalf("re1 master: %s", got)
	}
	// re0 reboots: its sessions end, the master's do not
	if err := h.Press("re0", "reset"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Recv(); err == nil {
		t.Fatal("the session on the rebooted RE goes on")
	}
	if got := e.call(t, `<get-software-information/>`); !strings.Contains(got, "<junos-version>13.3R1.4</junos-version>") {
		t.Fatalf("the master's session: %s", got)
	}
}

// NETCONF is open only while "system services netconf ssh" is
// configured; the exec ncclient falls back to works on the CLI port
// regardless; a vendor without an XML API has none of it.
func TestNETCONFGate(t *testing.T) {
	srv, _ := ncServer(t, func(sc *scenario.Scenario) {
		for _, m := range sc.Chassis.Modules {
			cf := m.Configs["juniper.conf"]
			for _, s := range cf.Tree {
				if s.Key == "system" {
					for _, k := range s.Kids {
						if k.Key == "services" {
							k.Kids = k.Kids[:1] // ssh only
						}
					}
				}
			}
		}
	})
	addr := srv.Addrs()[0]
	if _, err := ncOpen(t, addr.NETCONF, false, ""); err == nil {
		t.Fatal("the NETCONF port is open without netconf ssh")
	}
	if _, err := ncOpen(t, addr.Mgmt, false, ""); err == nil || !strings.Contains(err.Error(), "subsystem request failed") {
		t.Fatalf("the subsystem without netconf ssh: %v", err)
	}
	c, err := ncOpen(t, addr.Mgmt, false, "xml-mode netconf need-trailer")
	if err != nil {
		t.Fatal(err)
	}
	c.call(t, `<load-configuration action="set"><configuration-set>set system services netconf ssh</configuration-set></load-configuration>`)
	if got := c.call(t, `<commit/>`); !strings.Contains(got, "<ok/>") {
		t.Fatal(got)
	}
	if _, err := ncOpen(t, addr.NETCONF, false, ""); err != nil {
		t.Fatalf("after commit: %v", err)
	}
	// the 8212zl: no XML API, no NETCONF port, the subsystem refused
	sc, err := vendors.Scenario("", nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true,
		Chassis: []server.ChassisConfig{{Name: "p", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, NETCONF: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer ps.Close()
	if a := ps.Addrs()[0]; a.NETCONF != "" {
		t.Fatalf("a NETCONF port for the 8212zl: %s", a.NETCONF)
	}
	conn, err := sshtest.Dial(ps.Addrs()[0].Mgmt, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	s, _ := conn.NewSession()
	if err := s.RequestSubsystem("netconf"); err == nil {
		t.Fatal("the 8212zl accepted the netconf subsystem")
	}
}

// What a fuzzer or a broken client sends gets an rpc-error or a closed
// session; the server goes on, and other sessions do not notice.
func TestNETCONFAbuse(t *testing.T) {
	srv, h := ncServer(t, func(sc *scenario.Scenario) { sc.Chassis.Options["netconf-base11"] = "true" })
	addr := srv.Addrs()[0].NETCONF
	by := mustOpen(t, addr)
	before := by.call(t, `<get-configuration format="text"/>`)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heap0 := ms.HeapInuse

	// a 10 MB message: too-big, then closed
	c := mustOpen(t, addr)
	go func() {
		c.w.Write([]byte(`<rpc message-id="1"><get-config><source><running/></source><filter>`))
		chunk := bytes.Repeat([]byte("<a/>"), 1<<16)
		for i := 0; i < 40; i++ {
			if _, err := c.w.Write(chunk); err != nil {
				return
			}
		}
		c.w.Write([]byte("</filter></get-config></rpc>]]>]]>"))
	}()
	got, err := c.Recv()
	if err != nil || !strings.Contains(got, "<error-tag>too-big</error-tag>") {
		t.Fatalf("10 MB: %q %v", got, err)
	}
	if _, err := c.Recv(); err == nil {
		t.Fatal("the session goes on after a message too big")
	}

	// a chunk that never ends (base:1.1)
	c, err = ncOpen(t, addr, true, "")
	if err != nil || !c.Chunked() {
		t.Fatalf("chunked: %v", err)
	}
	c.w.Write([]byte("\n#4294967295\n<rpc>"))
	if got, err := c.Recv(); err != nil || !strings.Contains(got, "<error-tag>too-big</error-tag>") {
		t.Fatalf("endless chunk: %q %v", got, err)
	}

	// invalid UTF-8, an entity, a DTD, deep nesting: an rpc-error each,
	// and the session goes on
	c = mustOpen(t, addr)
	for _, bad := range []string{
		"<rpc message-id=\"9\"><get-config><source><running/></source><filter>\xff\xfe</filter></get-config></rpc>",
		`<rpc message-id="9"><command>&bomb;</command></rpc>`,
		`<!DOCTYPE rpc [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><rpc message-id="9"><command>&b;</command></rpc>`,
		`<rpc message-id="9">` + strings.Repeat("<configuration>", 10000) + strings.Repeat("</configuration>", 10000) + "</rpc>",
	} {
		c.Send(bad)
		got, err := c.Recv()
		if err != nil || !strings.Contains(got, "<error-tag>malformed-message</error-tag>") || !strings.Contains(got, `message-id="9"`) {
			t.Fatalf("%.60q: %q %v", bad, got, err)
		}
	}
	// deep nesting inside a load the schema knows nothing of
	got = c.call(t, `<load-configuration>`+strings.Repeat("<configuration>", 50)+strings.Repeat("</configuration>", 50)+`</load-configuration>`)
	if !strings.Contains(got, "<bad-element>configuration</bad-element>") {
		t.Fatalf("nested load: %q", got)
	}

	// 1,000 RPCs pipelined: 1,000 replies in order
	go func() {
		var b bytes.Buffer
		for i := 1; i <= 1000; i++ {
			fmt.Fprintf(&b, `<rpc message-id="p%d"><get-software-information/></rpc>]]>]]>`, i)
		}
		c.w.Write(b.Bytes())
	}()
	for i := 1; i <= 1000; i++ {
		got, err := c.Recv()
		if err != nil || !strings.Contains(got, fmt.Sprintf(`message-id="p%d">`, i)) {
			t.Fatalf("pipelined %d: %q %v", i, got, err)
		}
	}

	// random binary on a session and on the port itself
	c = mustOpen(t, addr)
	junk := make([]byte, 1<<16)
	for i := range junk {
		junk[i] = byte(i*7 + i/13)
	}
	c.w.Write(junk)
	c.conn.Close()
	if raw, err := net.Dial("tcp", addr); err == nil {
		raw.Write(junk)
		raw.Close()
	}

	runtime.GC()
	runtime.ReadMemStats(&ms)
	if grew := int64(ms.HeapInuse) - int64(heap0); grew > 64<<20 {
		t.Fatalf("the heap grew by %d MB", grew>>20)
	}
	if after := by.call(t, `<get-configuration format="text"/>`); strings.Replace(after, `message-id="2"`, `message-id="1"`, 1) != before {
		t.Fatalf("the bystander's configuration changed:\n%s", after)
	}
	if h.XMLSessions() > 5 {
		t.Fatalf("%d NETCONF sessions left", h.XMLSessions())
	}
}

// | display xml in the CLI: the RPC's element in Junos's rpc-reply with
// the banner; the configuration twelve spaces in; other commands' text
// in <output>.
func TestDisplayXML(t *testing.T) {
	f := newFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	got := s.typ("show chassis routing-engine | display xml | match \"slot|mastership-state|rpc-reply|banner\"\r")
	want := "show chassis routing-engine | display xml | match \"slot|mastership-state|rpc-reply|banner\" \n" +
		"<rpc-reply xmlns:junos=\"http://xml.juniper.net/junos/13.3R1/junos\">\n" +
		"            <slot>0</slot>\n            <mastership-state>master</mastership-state>\n" +
		"            <slot>1</slot>\n            <mastership-state>backup</mastership-state>\n" +
		"        <banner>{master}</banner>\n</rpc-reply>\n" + op
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	s.expect("show configuration snmp community | display xml\r", "show configuration snmp community | display xml \n"+
		"<rpc-reply xmlns:junos=\"http://xml.juniper.net/junos/13.3R1/junos\">\n"+
		"    <configuration junos:commit-seconds=\"1401700225\" junos:commit-localtime=\"2014-06-02 09:10:25 UTC\" junos:commit-user=\"root\">\n"+
		"            <snmp>\n"+
		"                <community>\n"+
		"                    <name>public</name>\n"+
		"                    <authorization>read-only</authorization>\n"+
		"                </community>\n"+
		"            </snmp>\n"+
		"        </configuration>\n"+
		"    <cli>\n        <banner>{master}</banner>\n    </cli>\n</rpc-reply>\n"+op)
	s.expect("show system storage | display xml | match \"output|banner\"\r", "show system storage | display xml | match \"output|banner\" \n"+
		"    <output>\n"+
		"</output>\n"+
		"        <banner>{master}</banner>\n"+op)
}

// A confirmed commit over NETCONF rolls back on the chassis clock unless
// a commit confirms it; base commit's timeout is in seconds, Junos's in
// minutes.
func TestNETCONFCommitConfirmed(t *testing.T) {
	srv, h := ncServer(t, nil)
	c := mustOpen(t, srv.Addrs()[0].NETCONF)
	contact := func() string {
		got := c.call(t, `<get-configuration database="committed" format="set"><configuration><snmp><contact/></snmp></configuration></get-configuration>`)
		i := strings.Index(got, "set snmp contact ")
		return strings.SplitN(got[i+len("set snmp contact "):], "\n", 2)[0]
	}
	c.call(t, `<load-configuration action="set"><configuration-set>set snmp contact first</configuration-set></load-configuration>`)
	if got := c.call(t, `<commit-configuration><confirmed/><confirm-timeout>2</confirm-timeout></commit-configuration>`); !strings.Contains(got, "<ok/>") {
		t.Fatal(got)
	}
	h.Advance(119 * time.Second)
	if got := contact(); got != "first" {
		t.Fatalf("before the timeout: %q", got)
	}
	h.Advance(2 * time.Second)
	if got := contact(); got != `"noc@example.net"` {
		t.Fatalf("after the timeout: %q", got)
	}
	// base commit: 61 seconds is two minutes; a second commit confirms
	c.call(t, `<load-configuration action="set"><configuration-set>set snmp contact second</configuration-set></load-configuration>`)
	c.call(t, `<commit><confirmed/><confirm-timeout>61</confirm-timeout></commit>`)
	c.call(t, `<commit/>`)
	h.Advance(10 * time.Minute)
	if got := contact(); got != "second" {
		t.Fatalf("confirmed: %q", got)
	}
}

// A commit that synchronizes while the other RE is away: a warning and
// <ok/>, which PyEZ and ncclient take for a success.
func TestNETCONFCommitWarning(t *testing.T) {
	srv, h := ncServer(t, nil)
	c := mustOpen(t, srv.Addrs()[0].NETCONF)
	if err := h.Pull("re1"); err != nil {
		t.Fatal(err)
	}
	c.call(t, `<load-configuration action="set"><configuration-set>set snmp contact alone</configuration-set></load-configuration>`)
	got := c.call(t, `<commit-configuration/>`)
	want := fmt.Sprintf(replyHead, 2) + `<commit-results>
<rpc-error>
<error-severity>warning</error-severity>
<error-message>Cannot connect to other RE, ignoring it</error-message>
</rpc-error>
<routing-engine junos:style="normal">
<name>re0</name>
<commit-success/>
</routing-engine>
</commit-results>
<ok/>
</rpc-reply>
`
	if got != want {
		t.Fatalf("commit with the other RE away:\n%s", got)
	}
}

// The ISSR over NETCONF on the qfx5100: request-reboot with
// <in-service/> starts the CLI's procedure and answers its first lines;
// the session ends when its RE shuts down, and the NETCONF port lands on
// the new primary (RE 1).
func TestNETCONFInServiceReboot(t *testing.T) {
	sc, err := vendors.Scenario("qfx5100", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Logf: t.Logf,
		Chassis: []server.ChassisConfig{{Name: "q", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, NETCONF: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	h, addr := srv.Host("q"), srv.Addrs()[0].NETCONF
	c := mustOpen(t, addr)
	got := c.call(t, `<request-reboot><in-service/></request-reboot>`)
	if !strings.Contains(got, "<output>\n") || strings.Contains(got, "rpc-error") {
		t.Fatalf("ISSR reply: %s", got)
	}
	h.Advance(10 * time.Minute)
	if _, err := c.Recv(); err == nil {
		t.Fatal("the session on the old primary goes on")
	}
	e := mustOpen(t, addr)
	if got := e.call(t, `<get-route-engine-information/>`); !strings.Contains(got, "<slot>1</slot>\n<mastership-state>master</mastership-state>") {
		t.Fatalf("after the ISSR: %s", got)
	}
}

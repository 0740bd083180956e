package junos_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/wait"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// The QFX5100 over NETCONF: what PyEZ's facts read on a one-member
// virtual chassis (the shapes of PyEZ's EX fixtures and of a vQFX 18.1
// session), and the ISSR from a NETCONF session: the session and its
// candidate lock end with the old primary, the port lands on the new one.

// qfxNC serves the built-in qfx5100 with its NETCONF port, on a virtual
// clock from the scenario's start.
func qfxNC(t *testing.T) (*server.Server, *server.Host) {
	t.Helper()
	sc, err := vendors.Scenario("qfx5100", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Logf: t.Logf,
		Chassis: []server.ChassisConfig{{Name: "q", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}, NETCONF: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, srv.Host("q")
}

const qfxReplyHead = `<rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:junos="http://xml.juniper.net/junos/18.1R3/junos" message-id="%d">` + "\n"

func TestNETCONFQFXFacts(t *testing.T) {
	srv, _ := qfxNC(t)
	c := mustOpen(t, srv.Addrs()[0].NETCONF)

	// show version: the member's block under fpc0, as the CLI prints it
	got := c.call(t, `<command format="xml">show version invoke-on all-routing-engines</command>`)
	if want := fmt.Sprintf(qfxReplyHead, 1) + "<multi-routing-engine-results>\n<multi-routing-engine-item>\n<re-name>fpc0</re-name>\n<software-information>\n" +
		"<host-name>sw-duckhorn-01</host-name>\n<product-model>qfx5100-48s-6q</product-model>\n<product-name>qfx5100-48s-6q</product-name>\n<junos-version>18.1R3.3</junos-version>\n"; !strings.HasPrefix(got, want) ||
		strings.Count(got, "<multi-routing-engine-item>") != 1 {
		t.Fatalf("show version:\n%s", got)
	}
	// the internal routing instance: bme0.0 with the master's, re0's,
	// fpc0's and localre's addresses (the vQFX capture's order)
	got = c.call(t, `<get-interface-information><routing-instance>__juniper_private1__</routing-instance><terse/></get-interface-information>`)
	want := fmt.Sprintf(qfxReplyHead, 2) + `<interface-information xmlns="http://xml.juniper.net/junos/18.1R3/junos-interface" junos:style="terse">
<physical-interface>
<name>bme0</name>
<admin-status>up</admin-status>
<oper-status>up</oper-status>
<logical-interface>
<name>bme0.0</name>
<admin-status>up</admin-status>
<oper-status>up</oper-status>
<filter-information/>
<address-family>
<address-family-name>inet</address-family-name>
<interface-address>
<ifa-local junos:emit="emit">128.0.0.1/2</ifa-local>
</interface-address>
<interface-address>
<ifa-local junos:emit="emit">128.0.0.4/2</ifa-local>
</interface-address>
<interface-address>
<ifa-local junos:emit="emit">128.0.0.16/2</ifa-local>
</interface-address>
<interface-address>
<ifa-local junos:emit="emit">128.0.0.63/2</ifa-local>
</interface-address>
</address-family>
</logical-interface>
</physical-interface>
</interface-information>
</rpc-reply>
`
	if got != want {
		t.Fatalf("private instance:\n%s", got)
	}
	got = c.call(t, `<file-show><filename>/etc/hosts.junos</filename></file-show>`)
	for _, part := range []string{"\n128.0.0.1        master\n", "\n128.0.0.4        re0\n", "\n128.0.0.16       fpc0\n", "\n128.0.0.63       localre\n\n# End of internal names\n"} {
		if !strings.Contains(got, part) {
			t.Fatalf("hosts.junos: no %q in\n%s", part, got)
		}
	}
	// a one-member virtual chassis, member 0 the master
	got = c.call(t, `<get-virtual-chassis-information/>`)
	want = fmt.Sprintf(qfxReplyHead, 4) + `<virtual-chassis-information>
<virtual-chassis-id-information>
<virtual-chassis-id>5c5b.35d1.0e40</virtual-chassis-id>
<virtual-chassis-mode>Enabled</virtual-chassis-mode>
</virtual-chassis-id-information>
<member-list junos:style="single-slot">
<member>
<member-status>Prsnt</member-status>
<member-id>0</member-id>
<fpc-slot>(FPC 0)</fpc-slot>
<member-serial-number>VF3715020166</member-serial-number>
<member-model>qfx5100-48s-6q</member-model>
<member-priority>128</member-priority>
<member-mixed-mode>N</member-mixed-mode>
<member-route-mode>VC</member-route-mode>
<member-role>Master*</member-role>
<neighbor-list/>
</member>
</member-list>
<next-member-information>
<next-member-id>1</next-member-id>
<next-fpc-slot>1</next-fpc-slot>
</next-member-information>
</virtual-chassis-information>
</rpc-reply>
`
	if got != want {
		t.Fatalf("virtual chassis:\n%s", got)
	}
	// ELS: the ethernet-switching table (switch_style VLAN_L2NG); no
	// bridge domains
	got = c.call(t, `<get-ethernet-switching-table-information><summary/></get-ethernet-switching-table-information>`)
	want = fmt.Sprintf(qfxReplyHead, 5) + `<l2ng-l2ald-rtb-macdb xmlns="http://xml.juniper.net/junos/18.1R3/junos-l2al">
<l2ng-l2ald-ethernet-switching-table-summary>
<l2ng-l2-total-mac-count>0</l2ng-l2-total-mac-count>
<l2ng-l2-total-smac-count>0</l2ng-l2-total-smac-count>
</l2ng-l2ald-ethernet-switching-table-summary>
</l2ng-l2ald-rtb-macdb>
</rpc-reply>
`
	if got != want {
		t.Fatalf("switching table:\n%s", got)
	}
	if got := c.call(t, `<command format="xml">show bridge mac-table count</command>`); !strings.Contains(got, "<bad-element>bridge</bad-element>") {
		t.Fatalf("bridge mac-table: %s", got)
	}
	// the QFX's inventory: the chassis serial, the QFX's rows
	got = c.call(t, `<get-chassis-inventory/>`)
	for _, part := range []string{"<name>Chassis</name>\n<serial-number>VF3715020166</serial-number>\n<description>QFX5100-48S-6Q</description>\n<chassis-module>\n<name>Pseudo CB 0</name>\n</chassis-module>\n",
		"<name>Routing Engine 0</name>\n<part-number>BUILTIN</part-number>\n<serial-number>BUILTIN</serial-number>\n<description>QFX Routing Engine</description>\n",
		"<name>Fan Tray 4</name>\n<description>QFX5100 Fan Tray 4, Front to Back Airflow - AFO</description>\n",
		// a link that is up has its transceiver under the FPC's PIC
		"<chassis-sub-module>\n<name>PIC 0</name>\n<part-number>BUILTIN</part-number>\n<serial-number>BUILTIN</serial-number>\n<description>48x10G-6x40G</description>\n" +
			"<chassis-sub-sub-module>\n<name>Xcvr 0</name>\n<version>REV 01</version>\n<part-number>740-031980</part-number>\n<serial-number>AA143204712</serial-number>\n<description>SFP+-10G-SR</description>\n</chassis-sub-sub-module>\n"} {
		if !strings.Contains(got, part) {
			t.Fatalf("inventory: no %q in\n%s", part, got)
		}
	}
	if strings.Contains(got, "Midplane") {
		t.Fatalf("inventory has the MX's rows:\n%s", got)
	}
}

// The CLI shows the same internal interface, and | display xml the QFX's
// banner.
func TestQFXInternalInterfaceAndBanner(t *testing.T) {
	f := qfxFixture(t, nil)
	s := f.mgmt()
	s.scr.Fresh()
	s.contains("show interfaces terse | no-more\r",
		"\nbme0                    up    up\nbme0.0                  up    up   inet     128.0.0.1/2\n"+
			"                                            128.0.0.4/2\n                                            128.0.0.16/2\n"+
			"                                            128.0.0.63/2\n",
		"\nem0.0                   up    up   inet     10.0.0.20/24\n")
	s.contains("show chassis routing-engine | display xml | match banner\r", "        <banner>{master:0}</banner>\n")
}

// An ISSR run from a NETCONF session: the reply holds the pre-checks,
// the sessions on the old primary end with it, a lock held there goes
// with them, the port lands on the new primary, and after the next ISSR
// (back in slot 0, a new RE) nothing is locked either.
func TestNETCONFISSRLockAndSessions(t *testing.T) {
	srv, h := qfxNC(t)
	addr := srv.Addrs()[0].NETCONF
	holder := mustOpen(t, addr)
	if got := holder.call(t, `<lock><target><candidate/></target></lock>`); !strings.Contains(got, "<ok/>") {
		t.Fatalf("lock: %s", got)
	}
	if got := holder.call(t, `<load-configuration action="set" format="text"><configuration-set>set snmp location "held"</configuration-set></load-configuration>`); !strings.Contains(got, "<load-success/>") {
		t.Fatalf("load: %s", got)
	}
	c := mustOpen(t, addr)
	got := c.call(t, `<request-reboot><in-service/></request-reboot>`)
	for _, part := range []string{fmt.Sprintf(qfxReplyHead, 1) + "<output>\n[Feb 22 02:37:00]:ISSU: Validating Image\n",
		"\nReady for ISSR : Valid\n", "\nCurrent image is jinstall-jcp-i386-flex-18.1.img\n</output>\n</rpc-reply>\n"} {
		if !strings.Contains(got, part) {
			t.Fatalf("ISSR reply: no %q in\n%s", part, got)
		}
	}
	h.Advance(10 * time.Minute)
	for _, s := range []*ncConn{c, holder} {
		if _, err := s.Recv(); err == nil {
			t.Fatal("a session on the old primary goes on")
		}
	}
	// the sessions' ends run as their channels close: poll until the
	// old slot has nobody editing it
	var eds []model.Editor
	wait.For(t, "the old slot without editors or NETCONF sessions after the ISSR", func() bool {
		h.View(func(c *model.Chassis) { eds = c.Editors(0) })
		return len(eds) == 0 && h.XMLSessions() == 0
	}, func() string { return fmt.Sprintf("editors %v, %d NETCONF sessions", eds, h.XMLSessions()) })
	n := mustOpen(t, addr)
	if got := n.call(t, `<get-route-engine-information/>`); !strings.Contains(got, "<slot>1</slot>\n<mastership-state>master</mastership-state>") {
		t.Fatalf("after the ISSR: %s", got)
	}
	if got := n.call(t, `<get-interface-information><routing-instance>__juniper_private1__</routing-instance><terse/></get-interface-information>`); !strings.Contains(got, "128.0.0.1/2</ifa-local>\n</interface-address>\n<interface-address>\n<ifa-local junos:emit=\"emit\">128.0.0.5/2") {
		t.Fatalf("the new primary's addresses: %s", got)
	}
	if got := n.call(t, `<lock-configuration/>`); !strings.Contains(got, "<ok/>") {
		t.Fatalf("lock on the new primary: %s", got)
	}
	if got := n.call(t, `<get-configuration database="candidate" format="set"><configuration><snmp><location/></snmp></configuration></get-configuration>`); !strings.Contains(got, `set snmp location "Duckhorn row 2"`) {
		t.Fatalf("the held change reached the new primary: %s", got)
	}
	n.call(t, `<unlock-configuration/>`)
	// the next ISSR once the readiness window has passed: RE 0 again
	h.Advance(5 * time.Minute)
	if got := n.call(t, `<request-reboot><in-service/></request-reboot>`); !strings.Contains(got, "Ready for ISSR : Valid") {
		t.Fatalf("second ISSR: %s", got)
	}
	h.Advance(10 * time.Minute)
	if _, err := n.Recv(); err == nil {
		t.Fatal("the session on RE 1 goes on")
	}
	m := mustOpen(t, addr)
	if got := m.call(t, `<get-route-engine-information/>`); !strings.Contains(got, "<slot>0</slot>\n<mastership-state>master</mastership-state>") {
		t.Fatalf("after the second ISSR: %s", got)
	}
	if got := m.call(t, `<lock><target><candidate/></target></lock>`); !strings.Contains(got, "<ok/>") {
		t.Fatalf("lock on the new RE 0: %s", got)
	}
}

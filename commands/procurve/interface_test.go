package procurve_test

import (
	"strings"
	"testing"
)

// interface takes a port list, as vlan ... untagged does: the context is
// named after the list and its commands apply to every port; a part that
// is no port of a present module is named in the message (issue 14,
// defect 4).
func TestInterfacePortLists(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	s.typ("config\r")
	const ctx = "HP-E8212zl(eth-A1-A4)# "
	s.expect("interface A1-A4\r", "interface A1-A4\n"+ctx)
	s.expect("name uplinks\r", "name uplinks\n"+ctx)
	s.expect("disable\r", "disable\n"+ctx)
	s.expect("exit\r", "exit\n"+pc)
	s.expect("interface a1,a3\r", "interface a1,a3\nHP-E8212zl(eth-A1,A3)# ")
	s.expect("enable\r", "enable\nHP-E8212zl(eth-A1,A3)# ")
	s.expect("interface b2,B1\r", "interface b2,B1\nHP-E8212zl(eth-B1-B2)# ")
	s.expect("exit\r", "exit\n"+pc)
	s.expect("interface C1-C3 disable\r", "interface C1-C3 disable\n"+pc)
	s.expect("interface D1,D2 name edge\r", "interface D1,D2 name edge\n"+pc)
	for _, bad := range []struct{ in, part string }{
		{"A1-Z4", "A1-Z4"}, {"A3-A6", "A5"}, {"B20-B30", "B25"}, {"A1,E1", "E1"}, {"A1,,A2", "A1,,A2"},
	} {
		s.expect("interface "+bad.in+"\r", "interface "+bad.in+"\nModule not present for port or invalid port: "+bad.part+"\n"+pc)
	}
	out := s.typ("show running-config\r")
	for _, want := range []string{
		"interface A1 \r\n   name \"uplinks\" \r\n   exit\r\n",
		"interface A2 \r\n   disable\r\n   name \"uplinks\" \r\n   exit\r\n",
		"interface A3 \r\n   name \"uplinks\" \r\n   exit\r\n",
		"interface A4 \r\n   disable\r\n   name \"uplinks\" \r\n   exit\r\n",
		"interface C2 \r\n   disable\r\n   exit\r\n",
		"interface D2 \r\n   name \"edge\" \r\n   exit\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("running-config lacks %q:\n%s", want, out)
		}
	}
}

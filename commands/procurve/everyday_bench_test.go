package procurve

import (
	"strings"
	"testing"
)

// The everyday commands' renderers on the default chassis (76 ports):
// the largest outputs the tools ask for.
func BenchmarkEveryday(b *testing.B) {
	c := benchChassis(b)
	for _, r := range []struct {
		name string
		fn   func() string
	}{
		{"show interfaces brief", func() string { return ShowInterfacesBrief(c) }},
		{"show interfaces A1", func() string { return ShowPortCounters(c, []string{"A1"}) }},
		{"show vlans 1", func() string { s, _ := ShowVLAN(c, 1); return s }},
		{"show mac-address", func() string { return ShowMACAddress(c) }},
		{"show running-config", func() string { return ConfigText(c, c.Running, false) }},
	} {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r.fn() == "" {
					b.Fatal("empty")
				}
			}
		})
	}
	b.Run("read the running-config back", func(b *testing.B) {
		text := ConfigText(c, c.Running, false)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseConfig(c, text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("show running-config | include vlan (match and filter)", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, pipe, _ := splitPipe("show running-config | include vlan")
			if _, re, pe := pipeFilter(pipe); pe != nil || !re.MatchString("vlan 1") {
				b.Fatal("filter")
			}
			if !strings.Contains(ConfigText(c, c.Running, false), "vlan 1") {
				b.Fatal("empty")
			}
		}
	})
}

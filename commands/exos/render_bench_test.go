package exos_test

import (
	"testing"

	"github.com/switchsim/switchsim/commands/exos"
	"github.com/switchsim/switchsim/vendors"
)

func BenchmarkRender(b *testing.B) {
	sc, err := vendors.Scenario("bd8810", nil)
	if err != nil {
		b.Fatal(err)
	}
	c := sc.Chassis
	if err := c.Start(start); err != nil {
		b.Fatal(err)
	}
	b.Run("show version", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			exos.ShowVersion(c, 0)
		}
	})
	b.Run("show switch", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			exos.ShowSwitch(c, 0)
		}
	})
	b.Run("unsaved", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c.Unsaved()
		}
	})
}

package procurve

import (
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

func benchChassis(b *testing.B) *model.Chassis {
	b.Helper()
	sc, err := scenario.Parse("builtin:8212zl", scenario8212zl, nil, func(string) (*model.Profile, error) { return profile, nil })
	if err != nil {
		b.Fatal(err)
	}
	c := sc.Chassis
	if err := c.Start(time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkShowRedundancy renders show redundancy on the default chassis.
func BenchmarkShowRedundancy(b *testing.B) {
	c := benchChassis(b)
	b.ReportAllocs()
	for b.Loop() {
		if ShowRedundancy(c) == "" {
			b.Fatal("empty")
		}
	}
}

// BenchmarkShowVersion renders show version (the load generator's command).
func BenchmarkShowVersion(b *testing.B) {
	c := benchChassis(b)
	b.ReportAllocs()
	for b.Loop() {
		if ShowVersion(c) == "" {
			b.Fatal("empty")
		}
	}
}

// BenchmarkMatch matches lines against the manager-level graph of the
// real command table: a full command, abbreviations, and a parameter.
func BenchmarkMatch(b *testing.B) {
	for _, line := range []string{"show version", "sh red", "copy tftp flash 10.0.0.1 K_15_07_0008.swi secondary"} {
		b.Run(line, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := graphs.manager.Match(line); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

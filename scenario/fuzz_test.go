package scenario

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/model"
)

// FuzzScenario feeds arbitrary text to the scenario loader. It may refuse
// it, but only with an *Error naming the file and a line, never a panic;
// what it accepts must start as a chassis or be refused by the model with
// an error, with at most one active module. Seeds: testdata/fuzz/FuzzScenario.
func FuzzScenario(f *testing.F) {
	f.Add(procurve.Vendor{}.Scenarios()[0].YAML)
	f.Add([]byte("modules:\n  - state: standby\n  - state: active\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("f.yaml", data, nil, testProfiles)
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.File != "f.yaml" || se.Line < 0 || !strings.HasPrefix(err.Error(), "f.yaml:") {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		c := s.Chassis
		if len(c.Modules) != 2 || len(c.Slots) != len(c.Profile.Defaults.SlotNames) {
			t.Fatalf("%d modules, %d slots", len(c.Modules), len(c.Slots))
		}
		if err := c.Start(time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)); err != nil {
			return
		}
		n := 0
		for _, m := range c.Modules {
			if m.State == model.Active {
				n++
			}
		}
		if n > 1 {
			t.Fatalf("%d active modules started", n)
		}
		c.Advance(c.Now().Add(time.Hour))
	})
}

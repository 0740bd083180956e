// Package vendors is the one registry of vendors: the only package above
// the engine that names them. cmd/switchsim, transcripts, switchsimtest
// and the tests resolve a scenario's vendor and the built-in scenarios
// here and hand the server a Registry; the server, console, model and
// scenario packages never name a vendor.
package vendors

import (
	"fmt"
	"sort"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/commands/exos"
	"github.com/switchsim/switchsim/commands/junos"
	"github.com/switchsim/switchsim/commands/procurve"
	"github.com/switchsim/switchsim/commands/sros"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

// all lists the vendors; the first is the default (a scenario without
// "vendor:").
var all = []commands.Vendor{
	procurve.Vendor{},
	exos.Vendor{},
	sros.Vendor{},
	junos.Vendor{},
}

// DefaultScenario is the built-in scenario "switchsim serve" runs when
// none is named.
const DefaultScenario = "8212zl"

// Lookup finds a vendor by its name in scenarios ("" = the default).
func Lookup(name string) (commands.Vendor, error) {
	if name == "" {
		return all[0], nil
	}
	for _, v := range all {
		if v.Name() == name {
			return v, nil
		}
	}
	return nil, fmt.Errorf("unknown vendor %q (known: %s)", name, strings.Join(Names(), ", "))
}

// Names lists the vendors.
func Names() []string {
	var out []string
	for _, v := range all {
		out = append(out, v.Name())
	}
	return out
}

// Profiles finds a vendor's profile (scenario.Profiles).
func Profiles(name string) (*model.Profile, error) {
	v, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	return v.Profile(), nil
}

// Builtin is one built-in scenario and its vendor.
type Builtin struct {
	Vendor commands.Vendor
	commands.Scenario
}

// Scenarios lists the built-in scenarios by name.
func Scenarios() []Builtin {
	var out []Builtin
	for _, v := range all {
		for _, s := range v.Scenarios() {
			out = append(out, Builtin{Vendor: v, Scenario: s})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// find finds a built-in scenario by name.
func find(name string) (Builtin, bool) {
	for _, b := range Scenarios() {
		if b.Name == name {
			return b, true
		}
	}
	return Builtin{}, false
}

// Scenario parses a built-in scenario ("" = the default).
func Scenario(name string, cat *scenario.Catalog) (*scenario.Scenario, error) {
	if name == "" || name == "default" {
		name = DefaultScenario
	}
	b, ok := find(name)
	if !ok {
		return nil, fmt.Errorf("no built-in scenario %q (switchsim scenarios lists them)", name)
	}
	return scenario.Parse("builtin:"+name, b.YAML, cat, Profiles)
}

// Default is the default built-in scenario.
func Default() *scenario.Scenario {
	s, err := Scenario("", nil)
	if err != nil {
		panic(err) // a built-in scenario is part of the program
	}
	return s
}

// Load reads a scenario: a built-in one by name, else a file.
func Load(nameOrPath string, cat *scenario.Catalog) (*scenario.Scenario, error) {
	if _, ok := find(nameOrPath); ok || nameOrPath == "" || nameOrPath == "default" {
		return Scenario(nameOrPath, cat)
	}
	return scenario.Load(nameOrPath, cat, Profiles)
}

// Registry is the registry as the server takes it.
var Registry registry

type registry struct{}

func (registry) Lookup(name string) (commands.Vendor, error)  { return Lookup(name) }
func (registry) Profiles(name string) (*model.Profile, error) { return Profiles(name) }
func (registry) Builtin(name string, cat *scenario.Catalog) (*scenario.Scenario, bool, error) {
	if _, ok := find(name); !ok && name != "" && name != "default" {
		return nil, false, nil
	}
	s, err := Scenario(name, cat)
	return s, true, err
}

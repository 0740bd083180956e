package server

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
)

// Physical events as plain Go calls: what the control API and tests use
// to press buttons, pull and insert modules and cause faults. Each one is
// checked by the model before anything changes.

// ErrBadRequest marks an unusable request (unknown module, button...).
var ErrBadRequest = errors.New("bad request")

func badRequest(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrBadRequest}, args...)...)
}

// ModuleIndex reads a management module's control name (the vendor's:
// "mm1", "msm-b", "re0") or slot number as a module index.
func (h *Host) ModuleIndex(name string) (int, error) {
	p := h.m.Profile
	if i := p.ModuleIndex(name); i >= 0 {
		return i, nil
	}
	return -1, badRequest("unknown management module %q (want %s)", name, strings.Join(p.ModuleNames, " or "))
}

// Press presses a module's button: "reset" (MM Reset) or "shutdown" (MM
// Shutdown).
func (h *Host) Press(module, button string) error {
	i, err := h.ModuleIndex(module)
	if err != nil {
		return err
	}
	switch button {
	case "reset":
		return h.Do(func(c *model.Chassis) error { return c.PressReset(i) })
	case "shutdown":
		return h.Do(func(c *model.Chassis) error { return c.PressShutdown(i) })
	}
	return badRequest("unknown button %q (want reset or shutdown)", button)
}

// PressClear presses the System Support Module's Clear button.
func (h *Host) PressClear() error {
	return h.Do(func(c *model.Chassis) error { c.PressClear(); return nil })
}

// Pull hotswaps a management module out.
func (h *Host) Pull(module string) error {
	i, err := h.ModuleIndex(module)
	if err != nil {
		return err
	}
	return h.Do(func(c *model.Chassis) error { return c.Pull(i) })
}

// InsertSpec describes a module to insert: the software it carries.
type InsertSpec struct {
	Primary   string `json:"primary"`   // version from the images catalog ("empty" for none; default: what the active runs)
	Secondary string `json:"secondary"` // version from the images catalog
	ROM       string `json:"rom"`       // boot ROM version (default: the one the primary image carries)
	Serial    string `json:"serial"`
	Booted    string `json:"booted"` // flash it boots from: primary (default) or secondary
}

// ParseInsert reads an InsertSpec from key=value words (primary=VERSION,
// secondary=VERSION, rom=VERSION, serial=S, booted=primary|secondary), as
// "switchsim ctl insert" and transcripts write it.
func ParseInsert(words []string) (InsertSpec, error) {
	var spec InsertSpec
	for _, w := range words {
		k, v, ok := strings.Cut(w, "=")
		if !ok {
			return spec, badRequest("%q is not key=value", w)
		}
		switch k {
		case "primary":
			spec.Primary = v
		case "secondary":
			spec.Secondary = v
		case "rom":
			spec.ROM = v
		case "serial":
			spec.Serial = v
		case "booted":
			spec.Booted = v
		default:
			return spec, badRequest("unknown key %q (primary=, secondary=, rom=, serial=, booted=)", k)
		}
	}
	return spec, nil
}

// Insert hotswaps a management module in.
func (h *Host) Insert(module string, spec InsertSpec) error {
	i, err := h.ModuleIndex(module)
	if err != nil {
		return err
	}
	m := &model.Module{Configs: map[string]*model.Config{}}
	platform := h.m.Profile.Platform
	if spec.Primary == "" && spec.Secondary == "" {
		// a module with the software the chassis runs
		h.View(func(c *model.Chassis) {
			for _, o := range c.Modules {
				if o.Running != nil && spec.Primary == "" {
					spec.Primary = o.Running.Version
				}
			}
		})
	}
	for b, v := range []string{spec.Primary, spec.Secondary} {
		if v == "" || v == "empty" {
			continue
		}
		im := h.images.Find(platform, v)
		if im == nil {
			return badRequest("no image of version %q in the images catalog", v)
		}
		m.Flash[b] = im
	}
	if m.Flash[0] == nil && m.Flash[1] == nil {
		return badRequest("a module needs software in primary or secondary flash")
	}
	if spec.Booted == "secondary" {
		m.DefaultBank = model.Secondary
	} else if spec.Booted != "" && spec.Booted != "primary" {
		return badRequest("booted %q: want primary or secondary", spec.Booted)
	}
	// A module always has a boot ROM: the one asked for (as the images
	// catalog knows it, or as the module that was in the slot had it),
	// else the one its software carries, else the one the module in
	// the slot had; what none of these gives is refused.
	var slotROM model.ROM
	romless := true // the chassis's modules have no boot ROM (the vendor models none)
	h.View(func(c *model.Chassis) {
		if old := c.Module(i); old != nil {
			slotROM = old.ROM
		}
		for _, o := range c.Modules {
			if o.ROM.Version != "" {
				romless = false
			}
		}
	})
	switch {
	case spec.ROM != "":
		r, ok := h.images.ROM(spec.ROM)
		if !ok && slotROM.Version == spec.ROM && slotROM.Dir != "" {
			r, ok = slotROM, true
		}
		if !ok {
			return badRequest("no boot ROM %q: none of the images catalog's images carries it", spec.ROM)
		}
		m.ROM = r
	default:
		for _, im := range m.Flash {
			if im != nil && im.ROM != nil && m.ROM.Version == "" {
				m.ROM = *im.ROM
			}
		}
		if m.ROM.Version == "" {
			m.ROM = slotROM
		}
		if m.ROM.Version == "" && !romless {
			return badRequest("no boot ROM: the images carry none; give rom=VERSION")
		}
	}
	return h.Do(func(c *model.Chassis) error {
		if old := c.Module(i); old != nil {
			m.Hardware = old.Hardware
		}
		if spec.Serial != "" {
			m.Hardware.Serial = spec.Serial
		}
		return c.Insert(i, m)
	})
}

// FailSelftest makes a module's next n selftests fail.
func (h *Host) FailSelftest(module string, n int) error {
	i, err := h.ModuleIndex(module)
	if err != nil {
		return err
	}
	if n < 0 {
		return badRequest("count %d", n)
	}
	return h.Do(func(c *model.Chassis) error { return c.FailSelftest(i, n) })
}

// Crash crashes a module's software.
func (h *Host) Crash(module string) error {
	i, err := h.ModuleIndex(module)
	if err != nil {
		return err
	}
	return h.Do(func(c *model.Chassis) error { return c.Crash(i) })
}

// CutHeartbeat stops the active module's heartbeat.
func (h *Host) CutHeartbeat() error {
	return h.Do(func(c *model.Chassis) error { return c.CutHeartbeat() })
}

// FailHardware fails a module's hardware.
func (h *Host) FailHardware(module string) error {
	i, err := h.ModuleIndex(module)
	if err != nil {
		return err
	}
	return h.Do(func(c *model.Chassis) error { return c.FailHardware(i) })
}

// PowerCycle turns the chassis off and on.
func (h *Host) PowerCycle() error {
	return h.Do(func(c *model.Chassis) error { c.PowerCycle(); return nil })
}

// ModuleState is one management module in State.
type ModuleState struct {
	Slot      int           `json:"slot"`
	Present   bool          `json:"present"`
	State     string        `json:"state"`
	Stage     string        `json:"stage,omitempty"`
	Running   string        `json:"running,omitempty"`
	Booted    string        `json:"booted,omitempty"`
	Default   string        `json:"defaultBoot"`
	Primary   string        `json:"primary,omitempty"`
	Secondary string        `json:"secondary,omitempty"`
	ROM       string        `json:"rom"`
	Label     string        `json:"label"` // as the vendor prints it ("MSM-A")
	Name      string        `json:"name"`  // as ctl names it ("msm-a")
	ActvLED   string        `json:"actvLED"`
	DwnLED    string        `json:"dwnLED"`
	Crashes   int           `json:"crashes"`
	Flash     string        `json:"flash,omitempty"` // a flash fault: full, removed
	Config    *model.Config `json:"config,omitempty"`
}

// State is the whole chassis as the control API reports it.
type State struct {
	Name         string        `json:"name"`
	Vendor       string        `json:"vendor"`
	Time         time.Time     `json:"time"`
	Hostname     string        `json:"hostname"`
	Redundancy   bool          `json:"redundancy"`
	Active       int           `json:"active"` // slot number, 0 while none
	Failovers    int           `json:"failovers"`
	LastFailover time.Time     `json:"lastFailover"`
	Modules      []ModuleState `json:"modules"`
	Fabrics      []bool        `json:"fabricsEnabled"`
	Unsaved      bool          `json:"unsaved"`
	Sync         bool          `json:"syncInProgress"`
	Sessions     int           `json:"sessions"`
	Locator      string        `json:"locatorLED,omitempty"`
	Log          int           `json:"logEntries"`
}

// State reads the chassis.
func (h *Host) State() State {
	var st State
	h.View(func(c *model.Chassis) {
		st = State{Name: h.Name, Vendor: c.Profile.Vendor, Time: c.Now(), Redundancy: c.RedundancyEnabled(), Failovers: c.Failovers,
			LastFailover: c.LastFailover, Unsaved: c.Unsaved(), Sync: c.SyncInProgress(), Log: len(c.Log)}
		if c.Running != nil {
			st.Hostname = c.Running.Hostname
		}
		st.Locator = c.Locator
		if a := c.Active(); a != nil {
			st.Active = a.Slot
		}
		for i, m := range c.Modules {
			ms := ModuleState{Slot: m.Slot, Present: m.Present, State: m.State.String(), ROM: m.ROM.Version,
				Label: c.Profile.ModuleLabel(i), Name: c.Profile.ModuleName(i),
				Default: m.DefaultBank.String(), Crashes: len(m.Crashes),
				ActvLED: c.ActvLED(i).String(), DwnLED: c.DwnLED(i).String()}
			if m.State == model.Booting || m.State == model.TakingOver {
				ms.Stage = m.Stage.String()
			}
			if m.Running != nil {
				ms.Running, ms.Booted = m.Running.Version, m.BootedBank.String()
			}
			if m.Flash[0] != nil {
				ms.Primary = m.Flash[0].Version
			}
			if m.Flash[1] != nil {
				ms.Secondary = m.Flash[1].Version
			}
			ms.Flash = m.FlashFault
			ms.Config = m.Startup()
			st.Modules = append(st.Modules, ms)
		}
		for n := 1; n <= len(c.Fabrics); n++ {
			st.Fabrics = append(st.Fabrics, c.FabricEnabled(n))
		}
	})
	st.Sessions = h.Sessions()
	return st
}

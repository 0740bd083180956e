package server

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

// Every image of the built-in catalog whose platform's images carry boot
// ROMs (the 8212zl's) carries a complete one, so a module inserted with
// any of them has one (issue 14, defect 3); on other platforms the ROM is
// the hardware's.
func TestEveryBuiltinImageCarriesAROM(t *testing.T) {
	cat := scenario.Builtin()
	withROM := map[string]bool{}
	var ims []*model.Image
	for _, f := range cat.Files() {
		im, err := cat.Fetch(f)
		if err != nil {
			t.Fatal(err)
		}
		ims = append(ims, im)
		if im.ROM != nil {
			withROM[im.Platform] = true
		}
	}
	if len(withROM) == 0 {
		t.Fatal("no image carries a boot ROM")
	}
	for _, im := range ims {
		if !withROM[im.Platform] {
			continue
		}
		if r := im.ROM; r == nil || r.Version == "" || r.Dir == "" || r.Built.IsZero() || r.Number == 0 {
			t.Errorf("%s (%s) carries no complete boot ROM: %+v", im.File, im.Version, r)
		}
	}
}

// A hot-inserted module always has a boot ROM: its ROM banner, show flash
// and show system print one; a ROM nobody knows is refused.
func TestInsertedModuleHasABootROM(t *testing.T) {
	s := startServer(t, nil)
	h := s.Host("c1")
	c2 := openLocal(t, s, Console(1))
	if err := h.Pull("mm2"); err != nil {
		t.Fatal(err)
	}
	err := h.Insert("mm2", InsertSpec{Primary: "K.15.07.0008", ROM: "K.99.99"})
	if !errors.Is(err, ErrBadRequest) || !strings.Contains(err.Error(), `no boot ROM "K.99.99"`) {
		t.Fatalf("an unknown ROM: %v", err)
	}
	if st := h.State(); st.Modules[1].Present {
		t.Fatal("the refused insert left a module in the slot")
	}
	c2.s.FreshLF()
	if err := h.Insert("mm2", InsertSpec{Primary: "K.15.07.0008"}); err != nil {
		t.Fatal(err)
	}
	settleAll(c2)
	banner := c2.s.FreshLF()
	inOrder(t, banner, "ROM information:\n",
		"   Build directory: /ws/swbuildm/btmrom_t5b_qaoff/rom/build/btmrom(btmrom_t5b_qaoff)\n",
		"   Build date:      Mar 14 2012\n", "   Build version:   K.15.29\n", "   Build number:    10904\n")
	if strings.Contains(banner, "0001") {
		t.Fatalf("empty ROM banner:\n%s", banner)
	}
	h.Advance(10 * time.Minute)
	settleAll(c2)
	c2.s.FreshLF()
	if out := c2.typ("show flash\r"); !strings.Contains(out, "Boot Rom Version: K.15.29\n") {
		t.Fatalf("standby show flash:\n%s", out)
	}
	// rom= names a ROM the catalog knows: it comes with its build data
	if err := h.Pull("mm2"); err != nil {
		t.Fatal(err)
	}
	if err := h.Insert("mm2", InsertSpec{Primary: "K.15.06.0017", ROM: "K.15.12"}); err != nil {
		t.Fatal(err)
	}
	var dir string
	h.View(func(c *model.Chassis) { dir = c.Modules[1].ROM.Dir })
	if dir == "" {
		t.Fatal("rom=K.15.12 without its build directory")
	}
}

package server

import "github.com/switchsim/switchsim/model"

// SetFlash is a physical event on a management module's flash: "full"
// (no space left), "removed" (the card is out) or "ok" (the condition
// ends). Copies to a flash that cannot take them fail and raise the
// synchronization alarm, which clears when the condition ends.
func (h *Host) SetFlash(module, condition string) error {
	i, err := h.ModuleIndex(module)
	if err != nil {
		return err
	}
	fault := condition
	if condition == "ok" {
		fault = model.FlashOK
	}
	if fault == model.FlashOK && condition != "ok" || !model.ValidFlashFault(fault) {
		return badRequest("flash condition %q (want full, removed or ok)", condition)
	}
	return h.Do(func(c *model.Chassis) error { return c.SetFlashFault(i, fault) })
}

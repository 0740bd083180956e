package procurve

import (
	"fmt"
	"strings"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/procurve"
)

// The brand follows the software: the banner, show modules and show
// redundancy print the chassis and module names in the brand of the
// release that renders them (ProCurve up to K.15.03, HP from K.15.04;
// prompts/procurve says which of these are inferred).

// brandOf is the brand a release prints ("" when no software runs).
func brandOf(release string) string {
	switch {
	case release == "":
		return ""
	case model.CompareVersions(release, tx.FirstHPRelease) >= 0:
		return tx.BrandHP
	}
	return tx.BrandProCurve
}

// branded gives hardware text (a module description) the brand of the
// release: a text that starts with either brand's word takes the
// release's; any other text is printed as it is.
func branded(text, release string) string {
	b := brandOf(release)
	if b == "" {
		return text
	}
	for _, w := range []string{tx.BrandProCurve, tx.BrandHP} {
		if rest, ok := strings.CutPrefix(text, w+" "); ok {
			return b + " " + rest
		}
	}
	return text
}

// chassisName is the chassis's name (the banner's first line) in the
// brand of the release, when the scenario's name is either brand's name
// for its product and model; any other name is printed as it is.
func chassisName(info model.Info, release string) string {
	b := brandOf(release)
	pro := fmt.Sprintf(tx.NameProCurve, info.Product, info.Model)
	hp := fmt.Sprintf(tx.NameHP, info.Product, info.Model)
	if b == "" || info.Name != pro && info.Name != hp {
		return info.Name
	}
	if b == tx.BrandHP {
		return hp
	}
	return pro
}

// release is the software module i runs ("" for none).
func release(c *model.Chassis, i int) string {
	if m := c.Module(i); m != nil && m.Running != nil {
		return m.Running.Version
	}
	return ""
}

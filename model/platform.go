package model

import (
	"fmt"
	"strings"
)

// ForPlatform is the profile of one of the vendor's chassis, by the
// platform its images name ("" and the profile's own platform: the
// profile itself; else one of its Variants).
func (p *Profile) ForPlatform(name string) (*Profile, error) {
	if name == "" || name == p.Platform {
		return p, nil
	}
	for _, v := range p.Variants {
		if v.Platform == name {
			return v, nil
		}
	}
	known := []string{p.Platform}
	for _, v := range p.Variants {
		known = append(known, v.Platform)
	}
	return nil, fmt.Errorf("%s has no platform %q (known: %s)", p.Vendor, name, strings.Join(known, ", "))
}

package model

import (
	"strconv"
	"strings"
	"time"
)

// ROM describes a boot ROM: what the ROM banner prints.
type ROM struct {
	Version string    `json:"version"`
	Dir     string    `json:"dir"`
	Built   time.Time `json:"built"`
	Number  int       `json:"number"`
}

// Image is the metadata of a software image in a flash bank (the bytes are
// not modelled). Which images are compatible is declared, not guessed:
// two images are compatible when their Compat groups are equal.
type Image struct {
	Version string    `json:"version"`
	Build   int       `json:"build"`
	Size    int64     `json:"size"`
	Built   time.Time `json:"built"`
	Stamp   string    `json:"stamp"` // build directory shown as "Image stamp"
	Compat  string    `json:"compat"`
	// WarmStandby: software that can keep an incompatible standby paused
	// in warm standby (K.15) instead of taking it offline (K.12).
	WarmStandby bool `json:"warmStandby,omitempty"`
	// ROM is the boot ROM the image carries; booting it on a module with
	// an older ROM writes this ROM and reboots first.
	ROM  *ROM   `json:"rom,omitempty"`
	File string `json:"file,omitempty"`
	// Platform is the family of chassis the image runs on (a vendor
	// profile's Platform); "" runs anywhere.
	Platform string `json:"platform,omitempty"`
	// IOVersion is the I/O module image version an EXOS-style image
	// carries; Hitless says whether it supports a hitless upgrade.
	IOVersion int  `json:"ioVersion,omitempty"`
	Hitless   bool `json:"hitless,omitempty"`
	// IOReduced lists older I/O image versions this software keeps
	// running, at reduced function, instead of resetting the I/O modules
	// to its own (see Chassis.SwitchoverIO).
	IOReduced []int `json:"ioReduced,omitempty"`
	// Installed is when the image was installed into its bank (zero when
	// not known).
	Installed time.Time `json:"installed,omitzero"`
}

// Clone copies the image (nil stays nil).
func (im *Image) Clone() *Image {
	if im == nil {
		return nil
	}
	c := *im
	c.IOReduced = append([]int(nil), im.IOReduced...)
	if im.ROM != nil {
		r := *im.ROM
		c.ROM = &r
	}
	return &c
}

// Same reports whether two banks hold the same software.
func (im *Image) Same(o *Image) bool {
	if im == nil || o == nil {
		return im == o
	}
	return im.Version == o.Version && im.Build == o.Build && im.Size == o.Size
}

// CompatibleWith reports whether a standby running o can sync with an
// active running im.
func (im *Image) CompatibleWith(o *Image) bool {
	if im == nil || o == nil {
		return false
	}
	if im.Compat == "" && o.Compat == "" {
		return im.Version == o.Version
	}
	return im.Compat == o.Compat
}

// CompareVersions orders dotted versions such as K.15.12 and K.15.29 field
// by field, numerically where both fields are numbers.
func CompareVersions(a, b string) int {
	fa, fb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(fa) || i < len(fb); i++ {
		var x, y string
		if i < len(fa) {
			x = fa[i]
		}
		if i < len(fb) {
			y = fb[i]
		}
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		switch {
		case ex == nil && ey == nil:
			if nx != ny {
				if nx < ny {
					return -1
				}
				return 1
			}
		case x != y:
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

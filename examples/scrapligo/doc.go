// Package scrapligoexample connects scrapligo (v1), which has no ProCurve
// platform, to an HP ProCurve 8212zl: Platform is a platform definition
// for it (the file hp_procurve.yaml), and scrapligo_test.go drives
// switchsim with it and with scrapligo's generic driver.
package scrapligoexample

import _ "embed"

// Platform is hp_procurve.yaml, for platform.NewPlatform(Platform, host, ...).
//
//go:embed hp_procurve.yaml
var Platform []byte

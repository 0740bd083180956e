//go:build soak

package main

import "testing"

// A fleet of 10,000 chassis (2,000 of each kind) served by a real
// process: ten durable changes on each kind, SIGKILL right after the
// last acknowledgement, every one read back (make soak).
func TestSoakFleetKill10000(t *testing.T) { killFleet(t, 2000, 10) }

//go:build soak

package main

import "testing"

// Many more kills at random points (make soak).

func TestSoakKillDuringWriteMemory(t *testing.T) { killLoop(t, "write", 200, 11) }

func TestSoakKillDuringCopy(t *testing.T) { killLoop(t, "copy", 200, 12) }

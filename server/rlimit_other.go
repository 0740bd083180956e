//go:build !unix

package server

func raiseFDLimit() (uint64, bool) { return 0, false }

func unprivilegedStart() string { return "1024" }

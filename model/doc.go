// Package model is the chassis: management modules with their flash banks,
// config files and roles, fabric and interface modules, the redundancy state
// machine, the event log and the boot history.
//
// It is deterministic in the manner of etcd's raft: no goroutines, no I/O
// and no wall clock. The caller passes time in with Advance; timed
// transitions (boot stages, selftest, file sync, takeover) are deadlines
// the model holds and fires in order. Every mutation checks first and then
// commits, all or nothing, and leaves what it caused (log entries, role
// changes, "sessions on module N end", boot output) in an outbox that the
// caller drains with TakeEvents and delivers after releasing its lock.
//
// Nothing here is named for one vendor: modules are slots with labels,
// flash banks are banks, and texts (log messages, crash reasons, boot
// output) are data that each vendor renders in its own words.
package model

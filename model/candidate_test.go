package model

import (
	"errors"
	"testing"
	"time"
)

func treeWith(host string) []*Stmt {
	return []*Stmt{{Key: "system", Kids: []*Stmt{{Key: "host-name", Value: host}}}}
}

func TestCandidateEditIsAllOrNothing(t *testing.T) {
	c := newChassis(t)
	if c.CandidateChanged(0) || c.Candidate(0) != c.Committed(0) {
		t.Fatal("a fresh candidate is not the committed configuration")
	}
	boom := errors.New("boom")
	err := c.EditCandidate(0, CommitInfo{User: "a"}, func(cf *Config) error {
		cf.Tree = treeWith("half")
		return boom
	})
	if !errors.Is(err, boom) || c.CandidateChanged(0) {
		t.Fatal("a failed edit was kept")
	}
	c.EditCandidate(0, CommitInfo{User: "a"}, func(cf *Config) error { cf.Tree = treeWith("r1"); return nil })
	if !c.CandidateChanged(0) || c.Candidate(0).Commit.User != "a" || !c.Candidate(0).Commit.Time.Equal(t0) {
		t.Fatalf("edit not recorded: %+v", c.Candidate(0).Commit)
	}
	if FindStmt(c.Committed(0).Tree, "system") != nil {
		t.Fatal("the edit reached the committed configuration")
	}
	c.DiscardCandidate(0)
	if c.CandidateChanged(0) {
		t.Fatal("discard kept the change")
	}
}

func TestCommitSyncsAndKeepsRollbacks(t *testing.T) {
	c := newChassis(t)
	for i, h := range []string{"a", "b", "c"} {
		cf := c.Committed(0).Clone()
		cf.Tree, cf.Hostname = treeWith(h), h
		synced, err := c.Commit(0, cf, CommitOptions{Keep: 2, Sync: i != 1})
		if err != nil || synced != (i != 1) {
			t.Fatalf("commit %s: synced %v, %v", h, synced, err)
		}
	}
	if c.Running.Hostname != "c" || c.Committed(1).Hostname != "c" {
		t.Fatalf("running %q, standby %q", c.Running.Hostname, c.Committed(1).Hostname)
	}
	if n := len(c.Modules[0].Rollbacks); n != 2 {
		t.Fatalf("%d rollbacks kept, want 2", n)
	}
	if r, _ := c.Rollback(0, 1); r.Hostname != "b" {
		t.Fatalf("rollback 1 is %q", r.Hostname)
	}
	// the standby missed "b": its history is its own
	if r, _ := c.Rollback(1, 1); r.Hostname != "a" {
		t.Fatalf("standby rollback 1 is %q", r.Hostname)
	}
	if _, err := c.Rollback(0, 3); !errors.Is(err, ErrNoRollback) {
		t.Fatal("rollback past the kept ones")
	}
	if _, err := c.Commit(1, c.Committed(1), CommitOptions{}); !errors.Is(err, ErrNotActive) {
		t.Fatal("the standby committed")
	}
}

func TestCommitConfirmedReverts(t *testing.T) {
	c := newChassis(t)
	cf := c.Committed(0).Clone()
	cf.Tree, cf.Hostname = treeWith("trial"), "trial"
	c.Commit(0, cf, CommitOptions{Keep: 5, Sync: true, Confirm: 2 * time.Minute,
		Revert: CommitInfo{User: "root"}, RevertLog: []LogEntry{{Subsystem: "mgd", Text: "rolled back"}}})
	if at, ok := c.ConfirmPending(); !ok || !at.Equal(t0.Add(2*time.Minute)) {
		t.Fatalf("pending %v %v", at, ok)
	}
	run(c, 2*time.Minute)
	if c.Running.Hostname != "ProCurve" || c.Committed(1).Hostname != "ProCurve" || c.Running.Commit.User != "root" {
		t.Fatalf("not reverted: %q %q", c.Running.Hostname, c.Committed(1).Hostname)
	}
	if _, ok := c.ConfirmPending(); ok {
		t.Fatal("still pending")
	}
	if e := c.Log[len(c.Log)-1]; e.Text != "rolled back" {
		t.Fatalf("last log %+v", e)
	}
	// a confirmed one stays
	c.Commit(0, cf, CommitOptions{Confirm: time.Minute})
	c.ConfirmCommit()
	run(c, time.Hour)
	if c.Running.Hostname != "trial" {
		t.Fatal("a confirmed commit was rolled back")
	}
}

func TestEditorsAndExclusive(t *testing.T) {
	c := newChassis(t)
	if err := c.EnterConfig(0, Editor{Holder: "a", User: "u", Exclusive: true}); err != nil {
		t.Fatal(err)
	}
	if err := c.EnterConfig(0, Editor{Holder: "b", User: "v", Exclusive: true}); !errors.Is(err, ErrLocked) {
		t.Fatal("two exclusive editors")
	}
	if err := c.EnterConfig(0, Editor{Holder: "b", User: "v"}); err != nil {
		t.Fatal(err)
	}
	if e, ok := c.LockedBy(0, "b"); !ok || e.Holder != "a" {
		t.Fatal("lock not seen")
	}
	if _, ok := c.LockedBy(0, "a"); ok {
		t.Fatal("the holder is locked out")
	}
	c.SetEditPath(0, "b", "[edit snmp]")
	if eds := c.Editors(0); len(eds) != 2 || eds[1].Path != "[edit snmp]" {
		t.Fatalf("editors %+v", eds)
	}
	c.LeaveConfig(0, "a")
	if _, ok := c.LockedBy(0, "b"); ok {
		t.Fatal("lock outlived its holder")
	}
}

func TestTreeEqualAndClone(t *testing.T) {
	a := []*Stmt{{Key: "x", Values: []string{"1", "2"}, Kids: []*Stmt{{Key: "y"}}}}
	b := CloneTree(a)
	b[0].Kids[0].Key = "z"
	if a[0].Kids[0].Key != "y" || TreeEqual(a, b) {
		t.Fatal("clone shares statements")
	}
	if !TreeEqual(nil, []*Stmt{}) || !TreeEqual(a, CloneTree(a)) {
		t.Fatal("equal trees differ")
	}
	cf := &Config{Tree: a}
	if !cf.Equal(cf.Clone()) {
		t.Fatal("config with a tree differs from its clone")
	}
}

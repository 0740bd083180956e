package junos

import (
	"fmt"
	"time"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// commitRun is what a commit (or commit check) did, for the CLI's text
// and the XML API's commit-results.
type commitRun struct {
	backup            bool     // refused: not on the master RE
	prob              *problem // refused: the configuration check failed
	sync, otherUp     bool     // committing on both REs; the other one is up
	synced            bool     // the other RE committed too
	myName, otherName string
}

// commitNow checks the candidate and, unless o.check, commits it on RE i
// (and the other RE with synchronize), logging as mgd does; called under
// the chassis lock. who is the committing session, pid its mgd's.
func commitNow(c *model.Chassis, i int, cand *model.Config, o commitOpts, who model.CommitInfo, pid int) commitRun {
	var r commitRun
	me := c.Module(i)
	if me == nil || me.State != model.Active {
		r.backup = true
		return r
	}
	other := c.Other(me)
	r.otherUp = other != nil && other.Present && other.Running != nil && other.State.Ready()
	r.sync = o.sync || syncConfigured(cand)
	r.myName = c.Profile.ModuleLabel(i)
	if other != nil {
		r.otherName = c.Profile.ModuleLabel(c.Index(other))
	}
	if r.prob = checkConfig(cand.Tree); r.prob != nil {
		return r
	}
	if o.check {
		c.ConfirmCommit()
		return r
	}
	n := cand.Clone()
	setVersion(n, me)
	info := who
	info.Comment = o.comment
	n.Commit = &info
	derive(n)
	opts := model.CommitOptions{Keep: keepRollbacks, Sync: r.sync}
	if o.confirmed {
		opts.Confirm = time.Duration(o.minutes) * time.Minute
		opts.Revert = model.CommitInfo{User: "root", Via: "other"}
		opts.RevertLog = []model.LogEntry{{Subsystem: "mgd", Text: tx.LogRolledBack}}
	}
	synced, err := c.Commit(i, n, opts)
	if err != nil {
		r.backup = true
		return r
	}
	r.synced = synced
	comment := "none"
	if o.comment != "" {
		comment = o.comment
	}
	operation := "commit"
	if o.confirmed {
		operation = "commit confirmed"
	}
	c.LogLine(model.LogEntry{Subsystem: fmt.Sprintf("mgd[%d]", pid), Text: fmt.Sprintf(tx.LogCommit, who.User, operation, comment)})
	return r
}

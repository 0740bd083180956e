package junos

import (
	"fmt"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

var secretMark = tx.SecretData

// keepRollbacks is how many earlier configurations an RE keeps (rollback
// 1-49; 0 is the current one).
const keepRollbacks = 49

// leafValue is a leaf's value at a path ("" when absent).
func leafValue(tree []*model.Stmt, keys ...string) string {
	if s := model.FindStmt(tree, keys...); s != nil {
		return s.Value
	}
	return ""
}

// has reports whether a statement is there.
func has(tree []*model.Stmt, keys ...string) bool { return model.FindStmt(tree, keys...) != nil }

// derive sets the Config fields the engine reads (the prompt's host name,
// SNMP contact, location and community) from the tree.
func derive(cf *model.Config) {
	cf.Hostname = leafValue(cf.Tree, "system", "host-name")
	cf.Contact = leafValue(cf.Tree, "snmp", "contact")
	cf.Location = leafValue(cf.Tree, "snmp", "location")
	cf.SNMPCommunity = ""
	if snmp := model.FindStmt(cf.Tree, "snmp"); snmp != nil {
		for _, s := range snmp.Kids {
			if k, v := schema.kid("snmp").nodeFor(s.Key); k != nil && k.name == "community" {
				cf.SNMPCommunity = v
				break
			}
		}
	}
}

// ReadConfig reads a Junos configuration text into cf (model.Profile).
func ReadConfig(cf *model.Config, text string) (int, error) {
	var tree []*model.Stmt
	if err := readConfig(&tree, schema, text); err != nil {
		if re, ok := err.(*readError); ok {
			return re.line, fmt.Errorf("%s", re.msg)
		}
		return 0, err
	}
	cf.Tree = tree
	derive(cf)
	return 0, nil
}

// FactoryConfig is an RE's configuration when it has none: nothing but
// the version (Junos asks for a root password before the first commit).
func FactoryConfig(c *model.Chassis) *model.Config {
	cf := &model.Config{}
	if a := c.Active(); a != nil && a.Running != nil {
		cf.Tree = []*model.Stmt{{Key: "version", Value: a.Running.Version}}
	}
	derive(cf)
	return cf
}

// problem is why a configuration may not be committed: the CLI's text,
// and the parts of the rpc-errors the XML API answers with.
type problem struct {
	cli      string
	path     string // "[edit]"
	element  string // the bad element ("system")
	message  string // the first rpc-error's message
	checkout string // the second's
}

// checkConfig is the commit check: the first problem, nil when the
// configuration may be committed.
func checkConfig(tree []*model.Stmt) *problem {
	if !has(tree, "system", "root-authentication") {
		return &problem{cli: fmt.Sprintf(tx.MissingMandatory, "system", "root-authentication"),
			path: "[edit]", element: "system", message: fmt.Sprintf(tx.XMLMissingMandatory, "root-authentication"), checkout: tx.XMLCheckoutFailed}
	}
	if has(tree, "routing-options", "nonstop-routing") && !has(tree, "system", "commit", "synchronize") {
		return &problem{cli: tx.NSRNeedsSync, path: "[edit routing-options]", element: "nonstop-routing",
			message: tx.XMLNSRNeedsSync, checkout: tx.XMLCheckoutConstraint}
	}
	return nil
}

// validate is the commit check as the CLI prints it ("" when the
// configuration may be committed).
func validate(tree []*model.Stmt) string {
	if p := checkConfig(tree); p != nil {
		return p.cli
	}
	return ""
}

// gres reports whether graceful switchover is configured.
func gres(cf *model.Config) bool {
	return cf != nil && has(cf.Tree, "chassis", "redundancy", "graceful-switchover")
}

// nsr reports whether nonstop routing is configured.
func nsr(cf *model.Config) bool {
	return cf != nil && has(cf.Tree, "routing-options", "nonstop-routing")
}

// syncConfigured reports whether commits synchronize both REs by default.
func syncConfigured(cf *model.Config) bool {
	return cf != nil && has(cf.Tree, "system", "commit", "synchronize")
}

// commitOf is who committed an RE's configuration and when: a scenario's
// configuration has no record, and counts as committed by root when the
// RE came up.
func commitOf(c *model.Chassis, i int, cf *model.Config) model.CommitInfo {
	if cf != nil && cf.Commit != nil && !cf.Commit.Time.IsZero() {
		return *cf.Commit
	}
	ci := model.CommitInfo{User: "root", Via: "cli"}
	if m := c.Module(i); m != nil {
		ci.Time = m.UpSince
	}
	return ci
}

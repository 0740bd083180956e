package server

import (
	"fmt"
	"net"
	"sort"
	"strings"

	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
)

// Exposure: where switchsim may listen with which logins. On loopback
// anything goes (only this machine reaches it). Off loopback (0.0.0.0, a
// pod's or a host's address, as a container must listen) every chassis
// needs passwords of its own: a chassis whose accounts have no password,
// or the factory logins every switchsim publishes (the built-in
// scenarios' manager/manager, admin/admin123, ...), refuses to serve,
// with a message that says how to give it passwords. TrustedNetwork (the
// operator's explicit word that the network is a lab's own) keeps the
// factory logins with a warning.
//
// The rule is over a list of listener addresses (ExposedListeners), so a
// new kind of listener joins it by adding its address there.

// Passwords replace the passwords of a chassis's accounts whenever it is
// built (from its scenario or its state file): switchsim serve
// --credentials FILE or the environment (the container's Secret) is then
// the authority over them. An empty field changes nothing; Operator only
// applies to a chassis with an operator account.
type Passwords struct {
	Manager  string
	Operator string
}

func (p *Passwords) apply(cr *model.Credentials) {
	if p == nil {
		return
	}
	if p.Manager != "" {
		cr.ManagerPassword = p.Manager
	}
	if p.Operator != "" && cr.OperatorUser != "" {
		cr.OperatorPassword = p.Operator
	}
}

// effectiveCredentials are what the chassis's accounts will be once
// built from its scenario.
func (cc ChassisConfig) effectiveCredentials() model.Credentials {
	var cr model.Credentials
	if cc.Scenario != nil && cc.Scenario.Chassis != nil {
		cr = cc.Scenario.Chassis.Credentials
	}
	cc.Passwords.apply(&cr)
	return cr
}

// ExposedListeners lists every address the configuration listens on
// (management, module consoles, telnet, NETCONF, the web interface; a
// fleet's console server), for the exposure rule. A new listener adds
// its address here.
func ExposedListeners(cfg Config) []string {
	var out []string
	add := func(a string) {
		if a != "" {
			out = append(out, a)
		}
	}
	for _, cc := range cfg.Chassis {
		mgmt := cc.Mgmt
		if mgmt == "" && cc.Address == "" {
			mgmt = DefaultMgmt
		}
		add(mgmt)
		for _, c := range cc.Consoles {
			add(c)
		}
		add(cc.Telnet)
		add(cc.NETCONF)
		add(cc.Web)
	}
	if cfg.Fleet != nil {
		add(cfg.Fleet.ConsoleServer)
	}
	return out
}

// OffLoopback returns the addresses of listeners that other machines can
// reach: any whose host is not a loopback address (an empty host, 0.0.0.0
// and :: are every interface).
func OffLoopback(listeners []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range listeners {
		host, _, err := net.SplitHostPort(a)
		if err != nil {
			host = a
		}
		host = strings.Trim(host, "[]")
		if host == "localhost" {
			continue
		}
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			continue
		}
		if !seen[host] {
			seen[host] = true
			out = append(out, a)
		}
	}
	return out
}

// ExposureRule is what CheckExposure needs besides the configuration.
type ExposureRule struct {
	// Listeners are the addresses to check (ExposedListeners(cfg), plus
	// any listener the caller opens itself).
	Listeners []string
	// Factory are the scenarios whose logins are published (the built-in
	// ones): a password equal to one of their accounts' for the same user
	// is no password.
	Factory []*scenario.Scenario
	// Trusted keeps factory logins off loopback (--trusted-network).
	Trusted bool
	// How says how to give passwords (the flags and variables).
	How string
}

// CheckExposure applies the rule: nil when everything listens on
// loopback or every chassis has passwords of its own; with Trusted, a
// warning instead of the error.
func CheckExposure(cfg Config, r ExposureRule) (warning string, err error) {
	off := OffLoopback(r.Listeners)
	if len(off) == 0 {
		return "", nil
	}
	factory := map[[2]string]bool{}
	for _, sc := range r.Factory {
		if sc == nil || sc.Chassis == nil {
			continue
		}
		f := sc.Chassis.Credentials
		factory[[2]string{f.ManagerUser, f.ManagerPassword}] = true
		if f.OperatorUser != "" {
			factory[[2]string{f.OperatorUser, f.OperatorPassword}] = true
		}
	}
	weak := func(user, pw string) bool { return pw == "" || factory[[2]string{user, pw}] }
	var bad []string
	accounts := map[string]bool{}
	for _, cc := range cfg.Chassis {
		cr := cc.effectiveCredentials()
		var which []string
		if weak(cr.ManagerUser, cr.ManagerPassword) {
			which = append(which, cr.ManagerUser)
		}
		if cr.OperatorUser != "" && weak(cr.OperatorUser, cr.OperatorPassword) {
			which = append(which, cr.OperatorUser)
		}
		if len(which) > 0 {
			bad = append(bad, cc.Name)
			for _, w := range which {
				accounts[w] = true
			}
		}
	}
	if len(bad) == 0 {
		return "", nil
	}
	var users []string
	for u := range accounts {
		users = append(users, u)
	}
	sort.Strings(users)
	where := strings.Join(off, ", ")
	if r.Trusted {
		return fmt.Sprintf("warning: listening off loopback (%s) with factory logins (no password, or the published one, for %s) on %s: anyone who reaches this network can log in (--trusted-network)",
			where, strings.Join(users, ", "), chassisList(bad)), nil
	}
	return "", fmt.Errorf("refusing to listen off loopback (%s): %s would accept factory logins (no password, or the published one, for %s); %s",
		where, chassisList(bad), strings.Join(users, ", "), r.How)
}

func chassisList(names []string) string {
	what := "chassis " + strings.Join(names, ", ")
	if len(names) > 5 {
		what = fmt.Sprintf("%d chassis (%s, ...)", len(names), strings.Join(names[:5], ", "))
	}
	return what
}

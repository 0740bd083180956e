package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// The environment serve reads (a container's, or a Kubernetes pod's from
// its Secret and the downward API); a flag given says more than its
// variable.
const (
	envStateDir         = "SWITCHSIM_STATE_DIR"         // --state-dir
	envScenario         = "SWITCHSIM_SCENARIO"          // --scenario
	envImages           = "SWITCHSIM_IMAGES"            // --images
	envHost             = "SWITCHSIM_HOST"              // the address every listener's default is on (127.0.0.1)
	envManagerPassword  = "SWITCHSIM_MANAGER_PASSWORD"  // the manager account's password on every chassis
	envOperatorPassword = "SWITCHSIM_OPERATOR_PASSWORD" // the operator account's
)

// howToSetPasswords ends the refusal to listen off loopback.
const howToSetPasswords = `give every chassis passwords: --credentials FILE (a YAML file: "manager: PASSWORD" and "operator: PASSWORD"), or the variables ` +
	envManagerPassword + ` and ` + envOperatorPassword + ` (from a Kubernetes Secret); or listen on loopback (--listen 127.0.0.1:2222); or, on a network of your own lab only, --trusted-network keeps the factory logins`

// withHost puts a default listener address on $SWITCHSIM_HOST's host.
func withHost(def string) string {
	h := os.Getenv(envHost)
	if h == "" {
		return def
	}
	_, p, err := net.SplitHostPort(def)
	if err != nil {
		return def
	}
	return net.JoinHostPort(h, p)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// exposureFlags are serve's flags about who may log in off loopback.
func (f *serveFlags) exposureFlags() {
	f.fs.StringVar(&f.credentials, "credentials", "", "YAML `file` with the passwords of every chassis (manager: PASSWORD, operator: PASSWORD), replacing the scenario's and the saved ones at every start; also "+envManagerPassword+" and "+envOperatorPassword+". Off loopback a chassis needs passwords of its own")
	f.fs.BoolVar(&f.trustedNetwork, "trusted-network", false, "listen off loopback with the factory logins (no password, or the published one): only on a network of your own lab; prints a warning")
	f.fs.StringVar(&f.shard, "shard", "", "with --inventory: serve one `shard` of it, I/N or auto/N (I from "+server.ShardEnv+" or the hostname's -NUMBER, as a StatefulSet's pods); ports are numbered within the shard")
}

// passwords reads the passwords from the environment and --credentials
// (the file says more than the variables); nil when none are given.
func (f *serveFlags) passwords() (*server.Passwords, error) { return readPasswords(f.credentials) }

// readPasswords reads the variables, then file (when given) over them.
func readPasswords(file string) (*server.Passwords, error) {
	p := &server.Passwords{Manager: os.Getenv(envManagerPassword), Operator: os.Getenv(envOperatorPassword)}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--credentials: %w", err)
		}
		root, err := scenario.ParseYAML(file, data)
		if err != nil {
			return nil, err
		}
		d := scenario.NewDecoder(file)
		m := d.Mapping(root, "")
		for _, k := range []struct {
			key string
			to  *string
		}{{"manager", &p.Manager}, {"operator", &p.Operator}} {
			if v, ok := m.Scalar(k.key); ok {
				if v.Value == "" || strings.ContainsAny(v.Value, "\r\n") {
					d.Fail(v, k.key, "a password is one line, not empty")
				}
				*k.to = v.Value
			}
		}
		m.Done()
		if err := d.Err(); err != nil {
			return nil, err
		}
	}
	if p.Manager == "" && p.Operator == "" {
		return nil, nil
	}
	return p, nil
}

// factoryLogins are the accounts of the built-in scenarios, published in
// README and every scenario listing: no password at all off loopback.
func factoryLogins(cat *scenario.Catalog) []*scenario.Scenario {
	var out []*scenario.Scenario
	for _, b := range vendors.Scenarios() {
		if sc, err := vendors.Load(b.Name, cat); err == nil {
			out = append(out, sc)
		}
	}
	return out
}

// checkExposure applies the rule to the configuration serve built:
// refuse, warn, or nothing to say.
func (f *serveFlags) checkExposure(cfg server.Config) error {
	listeners := server.ExposedListeners(cfg)
	if len(server.OffLoopback(listeners)) == 0 {
		return nil
	}
	warn, err := server.CheckExposure(cfg, server.ExposureRule{
		Listeners: listeners,
		Factory:   factoryLogins(cfg.Images),
		Trusted:   f.trustedNetwork,
		How:       howToSetPasswords,
	})
	if err != nil {
		return err
	}
	if warn != "" {
		fmt.Fprintln(stderr, "switchsim:", warn)
	}
	return nil
}

// shardOptions reads --shard and the listen address of a fleet's port
// blocks (--listen given with --inventory, else $SWITCHSIM_HOST).
func (f *serveFlags) shardOptions(o *server.InventoryOptions) error {
	if f.shard != "" {
		host, _ := os.Hostname()
		sh, err := server.ParseShard(f.shard, host, os.Getenv(server.ShardEnv))
		if err != nil {
			return err
		}
		o.Shard = &sh
	}
	listenSet := false
	f.fs.Visit(func(fl *flag.Flag) { listenSet = listenSet || fl.Name == "listen" })
	switch {
	case listenSet:
		h := strings.Trim(f.listen, "[]")
		if net.ParseIP(h) == nil {
			return fmt.Errorf("--listen %s with --inventory: give the address every port block listens on, without a port (e.g. 0.0.0.0 or 127.0.2.1): the ports come from the inventory's base-port", f.listen)
		}
		o.Listen = h
	case os.Getenv(envHost) != "":
		o.Listen = os.Getenv(envHost)
	}
	return nil
}

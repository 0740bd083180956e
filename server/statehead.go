package server

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"

	"github.com/switchsim/switchsim/model"
)

// A fleet's listings (fleet.json, netmiko.json, the Ansible and Nornir
// inventories) show each chassis's hostname and accounts. For a chassis
// that saved a state, they come from the state file's head ("listing",
// written before the host key and the chassis), so a restart reads a few
// hundred bytes of each file instead of decoding every chassis.

// stateListing is the head of a state file.
type stateListing struct {
	// Hostname is the one the chassis comes back with after a restart
	// (the saved configuration of the module that becomes active).
	Hostname    string            `json:"hostname"`
	Credentials model.Credentials `json:"credentials"`
}

// listingOf is a chassis's listing as a restart will show it (called
// with its lock held).
func listingOf(c *model.Chassis) *stateListing {
	l := &stateListing{Credentials: c.Credentials}
	// the module a restart makes active (as model.Resume picks it): the
	// last active one unless failed or shut down, else the first that
	// can run
	var act *model.Module
	for _, m := range c.Modules {
		if m.Present && m.LastActive && m.State != model.Failed && m.State != model.Shutdown {
			act = m
		}
	}
	for _, m := range c.Modules {
		if act == nil && m.Present && m.State != model.Failed && m.State != model.Shutdown && m.State != model.Absent {
			act = m
		}
	}
	if act != nil {
		if cf := act.Startup(); cf != nil {
			l.Hostname = cf.Hostname
		}
	}
	if l.Hostname == "" && c.Running != nil {
		l.Hostname = c.Running.Hostname
	}
	return l
}

// stateHead is what readStateHead found.
type stateHead struct {
	Vendor, Platform string
	Listing          *stateListing
}

// readStateHead reads the head of a state file: (nil, nil) when there is
// no file. A file without a listing (written before fleets had one) is
// decoded whole.
func readStateHead(path string) (*stateHead, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h, err := decodeHead(bufio.NewReaderSize(f, 2048))
	if err != nil || h.Listing == nil {
		// no head (a file written before heads, or edited by hand):
		// decoded whole, which also says what is wrong with it
		st, err := loadState(path)
		if err != nil || st == nil {
			return nil, err
		}
		return &stateHead{Vendor: st.Vendor, Platform: st.Platform, Listing: listingOf(st.Chassis)}, nil
	}
	return h, nil
}

func decodeHead(r io.Reader) (*stateHead, error) {
	dec := json.NewDecoder(r)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	h := &stateHead{}
	version := 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v any
		switch t {
		case "version":
			v = &version
		case "vendor":
			v = &h.Vendor
		case "platform":
			v = &h.Platform
		case "listing":
			v = &h.Listing
		case "hostKey", "chassis":
			// the rest is the chassis: not needed here
			if version != stateVersion {
				return nil, errors.New("no version before the chassis")
			}
			return h, nil
		default:
			v = new(json.RawMessage)
		}
		if err := dec.Decode(v); err != nil {
			return nil, err
		}
	}
	return nil, errors.New("no chassis")
}

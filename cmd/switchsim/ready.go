package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/switchsim/switchsim/server"
)

// ctlReady asks the server whether every chassis listens: one line, and
// exit 0 (ready) or 1 (not yet, or no server), as an exec readiness
// probe wants.
func ctlReady(addr, token string) error {
	hr, err := http.NewRequest(http.MethodGet, "http://"+addr+"/v1/ready", nil)
	if err != nil {
		return err
	}
	hr.Header.Set("Authorization", "Bearer "+token)
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Do(hr)
	if err != nil {
		return fmt.Errorf("not ready: %w", err)
	}
	defer resp.Body.Close()
	var rd server.Readiness
	if err := json.NewDecoder(resp.Body).Decode(&rd); err != nil {
		return fmt.Errorf("not ready: %s: %w", resp.Status, err)
	}
	if !rd.Ready {
		return fmt.Errorf("not ready: %d of %d chassis listen", rd.Listening, rd.Chassis)
	}
	fmt.Fprintf(ctlOut, "ready: %d chassis listen\n", rd.Chassis)
	return nil
}

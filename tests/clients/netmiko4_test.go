// Package clients holds the real-client suites (run.sh drives Netmiko,
// expect and Ansible against a switchsim process) and, here, byte-level
// replays of clients that cannot be installed on the test machine.
package clients

import (
	"strings"
	"testing"

	"github.com/switchsim/switchsim/switchsimtest"
)

// Netmiko 4.x (hp_procurve, ../../../shared/reference/NOTES-clients.md
// §4.1) cannot be installed here, so these tests replay what it writes,
// in its order, and check byte for byte what it would read back. What
// differs from 2.4 (which run.sh drives for real): a pty of 511x1000, an
// Enter sent before anything was read, enable() before paging is turned
// off, "configure terminal", and after every command a wait for its exact
// echo before looking for the prompt.
//
// Each test runs against both terminal modes. Painted (vt100), netmiko 4
// strips the escape sequences in every read and turns ESC E into a line
// break, so what it reads back is the text switchsimtest's session reads
// (the sequences removed, ESC E a CR LF): the same text as plain.

// replay drives one session the way netmiko 4 does.
type replay struct {
	t *testing.T
	s *switchsimtest.Session
}

func (r replay) send(p string) {
	r.t.Helper()
	if err := r.s.Write(p); err != nil {
		r.t.Fatal(err)
	}
}

// reads checks the next bytes from the switch exactly.
func (r replay) reads(want string) {
	r.t.Helper()
	if err := r.s.ExpectExact(want); err != nil {
		r.t.Fatal(err)
	}
}

// command is what send_command, send_config_set and save_config do for
// one line: write it with "\n", wait for the exact echo, then the prompt.
func (r replay) command(line, output, prompt string) {
	r.t.Helper()
	r.send(line + "\n")
	r.reads(line + "\r\n" + output + prompt)
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// open logs in as netmiko 4's HPProcurveSSH.session_preparation does and
// returns at the base prompt.
func open(t *testing.T, sw *switchsimtest.Switch) replay {
	s, err := sw.Shell(sw.Mgmt, "manager", "manager", switchsimtest.Terminal{Type: "vt100", Width: 511, Height: 1000})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r := replay{t, s}
	// BaseConnection: one RETURN before reading anything (force_data)
	r.send("\n")
	// read_until_pattern(".*opyright"), then "(any key to continue|[>#])"
	if _, err := s.Expect("opyright"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Expect("Press any key to continue"); err != nil {
		t.Fatal(err)
	}
	// the early RETURN was the key; netmiko presses one more
	r.send("\n")
	r.reads("\r\nHP-E8212zl# \r\nHP-E8212zl# ")
	// set_base_prompt -> find_prompt
	r.send("\n")
	r.reads("\r\nHP-E8212zl# ")
	// enable(): check_enable_mode finds '#' and does nothing
	r.send("\n")
	r.reads("\r\nHP-E8212zl# ")
	// terminal width (wait for "terminal"), then paging off (wait for "no page")
	r.command("terminal width 511", "", "HP-E8212zl# ")
	r.command("no page", "", "HP-E8212zl# ")
	return r
}

// modes runs a test against each terminal mode.
func modes(t *testing.T, test func(t *testing.T, sw *switchsimtest.Switch)) {
	for _, mode := range []string{"plain", "vt100"} {
		t.Run(mode, func(t *testing.T) {
			test(t, switchsimtest.New(t, switchsimtest.Options{Terminal: mode}))
		})
	}
}

func TestNetmiko4ShowCommands(t *testing.T) { modes(t, netmiko4ShowCommands) }

func netmiko4ShowCommands(t *testing.T, sw *switchsimtest.Switch) {
	r := open(t, sw)
	for _, cmd := range []string{"show redundancy", "show version", "show flash", "show modules"} {
		want, err := sw.Exec("manager", "manager", cmd)
		if err != nil {
			t.Fatal(err)
		}
		// send_command: find_prompt, then the command
		r.send("\n")
		r.reads("\r\nHP-E8212zl# ")
		r.command(cmd, crlf(want), "HP-E8212zl# ")
	}
}

func TestNetmiko4ConfigSaveAndCleanup(t *testing.T) { modes(t, netmiko4ConfigSaveAndCleanup) }

func netmiko4ConfigSaveAndCleanup(t *testing.T, sw *switchsimtest.Switch) {
	r := open(t, sw)
	// send_config_set: check_config_mode (")#" not seen), configure
	// terminal, check again, one line at a time, then end
	r.send("\n")
	r.reads("\r\nHP-E8212zl# ")
	r.command("configure terminal", "", "HP-E8212zl(config)# ")
	r.send("\n")
	r.reads("\r\nHP-E8212zl(config)# ")
	r.command("hostname netmiko4", "", "netmiko4(config)# ")
	r.command("vlan 20 name NETMIKO4", "", "netmiko4(config)# ")
	r.send("\n")
	r.reads("\r\nnetmiko4(config)# ")
	r.command("end", "", "netmiko4# ")
	if st := sw.State(); st.Hostname != "netmiko4" || !st.Unsaved {
		t.Fatalf("after send_config_set: hostname %q, unsaved %v", st.Hostname, st.Unsaved)
	}
	// save_config: enable() check, then write memory
	r.send("\n")
	r.reads("\r\nnetmiko4# ")
	r.command("write memory", "", "netmiko4# ")
	if st := sw.State(); st.Unsaved || st.Modules[0].Config == nil || st.Modules[0].Config.Hostname != "netmiko4" {
		t.Fatalf("after write memory: %+v", st)
	}
	// cleanup: check_config_mode, logout, "y" + RETURN on "Do you want
	// to log out"; the switch closes the session
	r.send("\n")
	r.reads("\r\nnetmiko4# ")
	r.command("logout", "", "Do you want to log out [y/n]? ")
	r.send("y\n")
	r.reads("y\r\n")
	if _, err := r.s.Wait(); err != nil {
		t.Fatal(err)
	}
}

// With unsaved changes netmiko 4's cleanup answers "log out" and then
// only sends bare RETURNs (it looks for "Do you want to save the
// current", which K.15 does not print): they must not answer the save
// question.
func TestNetmiko4CleanupWithUnsavedChanges(t *testing.T) { modes(t, netmiko4CleanupWithUnsavedChanges) }

func netmiko4CleanupWithUnsavedChanges(t *testing.T, sw *switchsimtest.Switch) {
	r := open(t, sw)
	r.command("configure terminal", "", "HP-E8212zl(config)# ")
	r.command("vlan 30 name UNSAVED", "", "HP-E8212zl(config)# ")
	r.command("end", "", "HP-E8212zl# ")
	r.command("logout", "", "Do you want to log out [y/n]? ")
	r.send("y\n")
	r.reads("y\r\nDo you want to save current configuration [y/n/^C]? ")
	for i := 0; i < 5; i++ {
		r.send("\n")
	}
	// the user's own answer is the first thing the question takes
	r.send("n")
	r.reads("n\r\n")
	if _, err := r.s.Wait(); err != nil {
		t.Fatal(err)
	}
	if st := sw.State(); !st.Unsaved {
		t.Fatal("the configuration was saved")
	}
}

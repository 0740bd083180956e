package procurve_test

import (
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/model"
)

// The smaller items of issue 14, defect 13.

// hostname takes at most 32 characters; a longer one changes nothing.
func TestHostnameLimit(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("configure\r")
	long := strings.Repeat("h", 33)
	s.expect("hostname "+long+"\r", "hostname "+long+"\nThe host name is longer than 32 characters.\n"+pc)
	ok := strings.Repeat("h", 32)
	s.expect("hostname "+ok+"\r", "hostname "+ok+"\n"+ok+"(config)# ")
}

// An empty Enter at the ROM monitor shows its prompt again, no error.
func TestROMMonitorEmptyLine(t *testing.T) {
	f := newFixture(t, nil)
	con := f.openConsole(1)
	if err := f.h.Do(func(c *model.Chassis) error { return c.BootStandby(model.Origin{Session: "SSH"}) }); err != nil {
		t.Fatal(err)
	}
	con.l.Conn.WaitIdle()
	con.scr.Fresh()
	con.expect("0", "0\n=> ")
	con.expect("\r", "\n=> ")
	con.expect("  \r", "  \n=> ")
	con.expect("bogus\r", "bogus\nUnknown command; type 'boot' to boot the default image.\n=> ")
}

// An offline module (redundancy disabled) takes no part in redundancy:
// its console's show redundancy says so instead of printing the table;
// its own show flash and show version still answer.
func TestOfflineConsoleShowRedundancy(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	con := f.openConsole(1)
	s.typ("configure\r")
	s.typ("no redundancy management-module\r")
	s.typ("y")
	con.l.Conn.WaitIdle()
	con.scr.Fresh()
	const sp = "Standby Console> "
	con.expect("show redundancy\r", "show redundancy\n"+
		"Management module 2: Redundancy and Synchronization has been disabled:\n"+
		"                    enable with the 'redundancy' command.\n"+sp)
	if out := con.typ("show flash\r"); !strings.Contains(out, "Default Boot    : Primary") {
		t.Fatalf("offline show flash: %q", out)
	}
	// back in redundancy, the table again
	s.typ("redundancy management-module\r")
	s.typ("y")
	s.advance(time.Minute)
	con.l.Conn.WaitIdle()
	con.scr.Fresh()
	if out := con.typ("show redundancy\r"); !strings.Contains(out, "Mgmt Redundancy : enabled") {
		t.Fatalf("standby show redundancy: %q", out)
	}
}

// write's help promises viewing and saving: write terminal and write
// memory both exist (issue 15 added the first).
func TestWriteHelpMatchesItsCommands(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	out := strings.ReplaceAll(s.typ("write ?"), "\r\n", "\n")
	if !strings.Contains(out, " memory ") || !strings.Contains(out, " terminal ") {
		t.Fatalf("write ?:\n%s", out)
	}
	s.typ("\x15\r")
	out = strings.ReplaceAll(s.typ("?"), "\r\n", "\n")
	if !strings.Contains(out, " write                 View or save the running configuration of the switch.\n") {
		t.Fatalf("?:\n%s", out)
	}
}

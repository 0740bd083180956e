package procurve_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/internal/testterm"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/scenario"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

var start = time.Date(2014, 1, 26, 17, 34, 7, 0, time.UTC)

type fixture struct {
	t   *testing.T
	srv *server.Server
	h   *server.Host
}

func newFixture(t *testing.T, edit func(*scenario.Scenario)) *fixture {
	t.Helper()
	sc := vendors.Default()
	sc.Clock = start
	sc.Unreachable = []string{"10.9.9.9"}
	if edit != nil {
		edit(sc)
	}
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Chassis: []server.ChassisConfig{{Name: "c", Scenario: sc,
		Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &fixture{t: t, srv: srv, h: srv.Host("c")}
}

type session struct {
	t   *testing.T
	f   *fixture
	l   *server.Local
	scr *testterm.Screen
}

// open logs in on the management address and returns at the prompt.
func (f *fixture) open(manager bool) *session {
	f.t.Helper()
	scr := &testterm.Screen{}
	user := "operator"
	if manager {
		user = "manager"
	}
	l, err := f.srv.OpenLocal("c", server.Management(user, manager), scr)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(l.Close)
	s := &session{t: f.t, f: f, l: l, scr: scr}
	l.Conn.WaitIdle()
	s.typ(" ")
	return s
}

func (s *session) typ(in string) string {
	s.t.Helper()
	s.l.Conn.Feed([]byte(in))
	s.l.Conn.WaitIdle()
	return s.scr.Fresh()
}

// expect types and compares the output exactly, with "\r\n" written "\n".
func (s *session) expect(in, want string) {
	s.t.Helper()
	got := strings.ReplaceAll(s.typ(in), "\r\n", "\n")
	if got != want {
		s.t.Fatalf("after %q:\n got %q\nwant %q", in, got, want)
	}
}

// advance runs the virtual clock and waits for the session to settle.
func (s *session) advance(d time.Duration) string {
	s.f.h.Advance(d)
	s.l.Conn.WaitIdle()
	return s.scr.FreshLF()
}

func (s *session) ended() bool {
	select {
	case <-s.l.Done():
		return true
	case <-time.After(5 * time.Second):
		return false
	}
}

const p = "HP-E8212zl# "
const pc = "HP-E8212zl(config)# "

func TestSwitchoverQuestionAnswers(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	q := "This management module will now reboot from primary image and will become\n" +
		"the standby module! You will need to use the other management module's\n" +
		"console interface. Do you want to continue [y/n]? "
	s.expect("redundancy switchover\r", "redundancy switchover\n"+q)
	s.expect("n", "n\n"+p)
	s.expect("redundancy switchover\n", "redundancy switchover\n"+q)
	s.expect("y\n", "y\n")
	if !s.ended() {
		t.Fatal("session on the old active did not end")
	}
}

func TestSwitchoverWithoutStandby(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("configure\r")
	q := "The other management module will no longer be used for system\n" +
		"redundancy except in the case of a hardware failure of the active management\n" +
		"module. Do you want to continue [y/n]? "
	s.expect("no redundancy management-module\r", "no redundancy management-module\n"+q)
	s.expect("y", "y\n"+pc)
	s.expect("redundancy switchover\r", "redundancy switchover\nThe other management module does not exist or is not\nin standby mode\n"+pc)
	// boot: the other module is present but not in standby mode
	s.expect("boot\r", "boot\nThe other management module is not in standby mode and this command will\n"+
		"not cause a switchover. System will reboot from primary image.\nDo you want to continue [y/n]? ")
	s.expect("n", "n\n"+pc)
	// enabling again asks, overwrites the offline module, which comes back as standby
	s.expect("redundancy management-module\r", "redundancy management-module\n"+
		"All configuration files and software images on the off-line management\n"+
		"module will be overwritten with the data from the current active\n"+
		"management module. Do you want to continue [y/n]? ")
	s.expect("y", "y\n"+pc)
	s.advance(time.Minute)
	st := f.h.State()
	if !st.Redundancy || st.Modules[1].State != "standby" {
		t.Fatalf("after enabling: %+v", st.Modules[1])
	}
	// enabling an enabled redundancy asks nothing
	s.expect("redundancy management-module\r", "redundancy management-module\n"+pc)
}

func TestActiveManagement(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("config\r")
	s.expect("redundancy active-management management-module2\r",
		"redundancy active-management management-module2\nOn the next system boot, the management-module2 will become active.\n"+pc)
	s.expect("redundancy active-management standby\r",
		"redundancy active-management standby\nOn the next system boot, the standby will become active.\n"+pc)
	f.h.FailHardware("mm2")
	s.l.Conn.WaitIdle()
	s.scr.Fresh()
	s.expect("redundancy active-management management-module2\r",
		"redundancy active-management management-module2\nThe management-module2 is not present or is in failed state.\n"+pc)
	f.h.Pull("mm2")
	s.l.Conn.WaitIdle()
	s.scr.Fresh()
	s.expect("redundancy active-management standby\r",
		"redundancy active-management standby\nThe standby is not present or is in failed state.\n"+pc)
}

func TestActiveManagementWithRedundancyDisabled(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("config\r")
	s.typ("no redundancy management-module\r")
	s.typ("y")
	s.expect("redundancy active-management standby\r",
		"redundancy active-management standby\nOn the next system boot, the standby will become active.\n"+
			"Redundancy and Synchronization have been disabled, so it will\nnot have current configurations.\n"+pc)
}

func TestFabricModules(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("config\r")
	s.expect("redundancy fabric-module 2 disable\r", "redundancy fabric-module 2 disable\n"+pc)
	s.expect("redundancy fabric-module 1 disable\r", "redundancy fabric-module 1 disable\nCannot disable both fabric modules; one must be enabled.\n"+pc)
	if st := f.h.State(); st.Fabrics[0] != true || st.Fabrics[1] != false {
		t.Fatalf("fabrics %v", st.Fabrics)
	}
	s.expect("redundancy fabric-module 3 enable\r", "redundancy fabric-module 3 enable\nInvalid input: 3\n"+pc)
}

func TestBootStandbyNotPresent(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	f.h.Pull("mm2")
	s.l.Conn.WaitIdle()
	s.scr.Fresh()
	s.expect("boot standby\r", "boot standby\nThe other management module is not present.\n"+p)
	// with no other module, boot simply reboots the system
	s.expect("boot\r", "boot\nSystem will be rebooted from primary image. Do you want to continue [y/n]? ")
	s.expect("n", "n\n"+p)
}

func TestBootSetDefault(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("boot set-default flash secondary\r", "boot set-default flash secondary\n"+
		"This command changes the location of the default boot. This command will\n"+
		"change the default flash image to boot from secondary. Hereafter,\n"+
		"'reload' and 'boot' commands will boot from secondary. Do you want to\n"+
		"continue [y/n]? ")
	s.expect("y", "y\n"+p)
	st := f.h.State()
	if st.Modules[0].Default != "secondary" || st.Modules[1].Default != "secondary" {
		t.Fatalf("default boot: %s %s", st.Modules[0].Default, st.Modules[1].Default)
	}
	// boot now names the secondary flash (Figure 15-23)
	out := s.typ("boot\r")
	if !strings.Contains(out, "reboot from secondary image and will become") {
		t.Fatalf("boot: %q", out)
	}
	s.typ("n")
}

func TestReloadAsksToSave(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("config\r")
	s.typ("hostname Unsaved\r")
	q := "This command will cause a switchover to the other management module\n" +
		"which may not be running the same software image and configurations.\n" +
		"Do you want to continue [y/n]? "
	s.expect("reload\r", "reload\n"+q)
	s.expect("y", "y\nDo you want to save current configuration [y/n]? ")
	// the switchover waits for the saved config to reach the standby
	s.expect("y", "y\n")
	s.advance(2 * time.Second)
	if !s.ended() {
		t.Fatal("reload did not end the session")
	}
	f.h.Advance(10 * time.Minute)
	st := f.h.State()
	if st.Active != 2 || st.Hostname != "Unsaved" || st.Failovers != 1 {
		t.Fatalf("after reload: active %d hostname %q failovers %d", st.Active, st.Hostname, st.Failovers)
	}
}

func TestReloadWithoutStandby(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	f.h.Pull("mm2")
	s.l.Conn.WaitIdle()
	s.scr.Fresh()
	s.expect("reload\r", "reload\nDevice will be rebooted, do you want to continue [y/n]? ")
	s.expect("n", "n\n"+p)
}

func TestCopyTFTPFlash(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("copy tftp flash 10.0.0.1 K_15_07_0008.swi secondary\r",
		"copy tftp flash 10.0.0.1 K_15_07_0008.swi secondary\nThe Secondary OS Image will be deleted, continue [y/n]? ")
	// the download takes the model's time: nothing until the clock moves
	s.expect("y", "y\n")
	out := s.advance(time.Minute)
	if out != "15526K\nValidating and Writing System Software to FLASH ...\n"+p {
		t.Fatalf("download: %q", out)
	}
	st := f.h.State()
	if st.Modules[0].Secondary != "K.15.07.0008" || !st.Sync {
		t.Fatalf("active secondary %q sync %v", st.Modules[0].Secondary, st.Sync)
	}
	s.advance(10 * time.Minute)
	if st := f.h.State(); st.Modules[1].Secondary != "K.15.07.0008" || st.Sync {
		t.Fatalf("standby not synced: %+v", st.Modules[1])
	}
	s.expect("copy tftp flash 10.0.0.1 nothere.swi\r", "copy tftp flash 10.0.0.1 nothere.swi\nThe Primary OS Image will be deleted, continue [y/n]? ")
	s.expect("y", "y\n0000K File not found.\n"+p)
	s.expect("copy tftp flash 10.9.9.9 K_15_07_0008.swi\r", "copy tftp flash 10.9.9.9 K_15_07_0008.swi\nThe Primary OS Image will be deleted, continue [y/n]? ")
	s.expect("y", "y\n")
	if out := s.advance(time.Minute); out != "0000K Peer unreachable.\n"+p {
		t.Fatalf("timeout: %q", out)
	}
	if st := f.h.State(); st.Modules[0].Primary != "K.15.06.0017" {
		t.Fatal("a failed download changed the flash")
	}
}

func TestWriteMemoryAndShowConfig(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("config\r")
	s.typ(`hostname "Core 1"` + "\r")
	if !f.h.State().Unsaved {
		t.Fatal("running config change not seen as unsaved")
	}
	s.expect("write memory\r", "write memory\nCore 1(config)# ")
	if f.h.State().Unsaved {
		t.Fatal("write memory did not save")
	}
	out := s.typ("show config\r")
	if !strings.Contains(out, "\r\nhostname \"Core 1\" \r\n") || !strings.HasPrefix(out, "show config\r\n\r\nStartup configuration:\r\n") {
		t.Fatalf("show config: %q", out)
	}
}

func TestVLANAndInterfaceBasics(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	s.typ("config\r")
	s.expect("vlan 10\r", "vlan 10\nHP-E8212zl(vlan-10)# ")
	s.expect("name Servers\r", "name Servers\nHP-E8212zl(vlan-10)# ")
	s.expect("untagged B1-B4\r", "untagged B1-B4\nHP-E8212zl(vlan-10)# ")
	s.expect("untagged Z9\r", "untagged Z9\nModule not present for port or invalid port: Z9\nHP-E8212zl(vlan-10)# ")
	s.expect("exit\r", "exit\n"+pc)
	s.expect("interface A1 disable\r", "interface A1 disable\n"+pc)
	out := s.typ("show running-config\r")
	for _, want := range []string{
		"vlan 1 \r\n   name \"DEFAULT_VLAN\" \r\n   no untagged B1-B4 \r\n   untagged A1-A4,B5-B24,C1-C24,D1-D24 \r\n",
		"vlan 10 \r\n   name \"Servers\" \r\n   untagged B1-B4 \r\n   exit \r\n",
		"interface A1 \r\n   disable\r\n   exit\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("running-config lacks %q:\n%s", want, out)
		}
	}
	s.expect("no vlan 1\r", "no vlan 1\nThe default VLAN cannot be deleted.\n"+pc)
	s.expect("no vlan 99\r", "no vlan 99\nVLAN 99 not found.\n"+pc)
}

func TestOperatorLevel(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(false)
	po := "HP-E8212zl> "
	s.expect("configure\r", "configure\nInvalid input: configure\n"+po)
	s.expect("show running-config\r", "show running-config\nInvalid input: running-config\n"+po)
	s.expect("enable\r", "enable\nUsername: ")
	s.expect("manager\r", "manager\nPassword: ")
	s.expect("wrong\r", "\nInvalid password\n"+po)
	s.typ("enable\r")
	s.typ("manager\r")
	s.expect("manager\r", "\n"+p)
	// exit from an enabled manager level returns to the operator level
	s.expect("exit\r", "exit\n"+po)
}

func TestEraseStartupConfig(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("erase startup-config\r", "erase startup-config\nConfiguration will be deleted and device rebooted, continue [y/n]? ")
	s.expect("n", "n\n"+p)
	s.typ("erase startup-config\r")
	s.expect("y", "y\n")
	if !s.ended() {
		t.Fatal("erase did not reboot")
	}
	f.h.Advance(10 * time.Minute)
	if st := f.h.State(); st.Hostname != "HP J9091A Switch E8212zl" || st.Active == 0 {
		t.Fatalf("after erase: %q active %d", st.Hostname, st.Active)
	}
}

func TestPasswordDialog(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("config\r")
	s.expect("password manager\r", "password manager\nNew password for manager: ")
	s.expect("secret\r", "\nPlease retype new password for manager: ")
	s.expect("secret\r", "\n"+pc)
	var cr model.Credentials
	f.h.View(func(c *model.Chassis) { cr = c.Credentials })
	if cr.ManagerPassword != "secret" {
		t.Fatalf("password %q", cr.ManagerPassword)
	}
	s.typ("password operator\r")
	s.typ("a\r")
	s.expect("b\r", "\nPassword not changed: the two entries differ.\n"+pc)
}

func TestKill(t *testing.T) {
	f := newFixture(t, nil)
	a := f.open(true)
	b := f.open(true)
	a.expect("kill\r", "kill\n"+p)
	if !b.ended() {
		t.Fatal("kill left the other session")
	}
}

func TestScheduledReload(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("reload after 10\r", "reload after 10\n"+p)
	s.advance(9 * time.Minute)
	if f.h.State().Failovers != 0 {
		t.Fatal("early reload")
	}
	s.expect("no reload\r", "no reload\n"+p)
	s.expect("no reload\r", "no reload\nNo reload is scheduled.\n"+p)
	s.advance(2 * time.Minute)
	if f.h.State().Failovers != 0 {
		t.Fatal("cancelled reload happened")
	}
	s.expect(fmt.Sprintf("reload at %s\r", start.Add(20*time.Minute).Format("15:04")), fmt.Sprintf("reload at %s\n", start.Add(20*time.Minute).Format("15:04"))+p)
	s.advance(10 * time.Minute)
	if !s.ended() || f.h.State().Failovers != 1 {
		t.Fatal("reload at did not happen")
	}
}

func TestStandbyConsoleCommands(t *testing.T) {
	f := newFixture(t, nil)
	scr := &testterm.Screen{}
	l, err := f.srv.OpenLocal("c", server.Console(1), scr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Close)
	s := &session{t: t, f: f, l: l, scr: scr}
	l.Conn.WaitIdle()
	const sp = "Standby Console> "
	if got := scr.Fresh(); got != "\r\n"+sp {
		t.Fatalf("standby console start: %q", got)
	}
	s.expect("show flash\r", "show flash\n"+
		"Image           Size(Bytes)   Date   Version       Build #\n"+
		"-----           ----------  -------- ------------  -------\n"+
		"Primary Image   : 15604392  04/20/12 K.15.06.0017  13\n"+
		"Secondary Image : 15581106  12/05/11 K.15.06.0008  2\n"+
		"Boot Rom Version: K.15.29\n"+
		"Default Boot    : Primary\n"+sp)
	s.expect("configure\r", "configure\nInvalid input: configure\n"+sp)
	s.expect("show vlans\r", "show vlans\nInvalid input: vlans\n"+sp)
	out := s.typ("show redundancy\r")
	if !strings.Contains(out, "2    HP J9092A Management Module 8200zl        Standby  K.15.06.0017 Primary\r\n") {
		t.Fatalf("standby show redundancy: %q", out)
	}
}

func TestEraseConfig(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("erase config config1\r", "erase config config1\nConfiguration file config1 is in use and cannot be erased.\n"+p)
	s.expect("erase config config3\r", "erase config config3\nConfiguration file config3 not found.\n"+p)
}

func TestActiveManagementNamingTheOfflineModuleWarns(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("config\r")
	s.typ("no redundancy management-module\r")
	s.typ("y")
	s.expect("redundancy active-management management-module2\r",
		"redundancy active-management management-module2\nOn the next system boot, the management-module2 will become active.\n"+
			"Redundancy and Synchronization have been disabled, so it will\nnot have current configurations.\n"+pc)
	s.expect("redundancy active-management management-module1\r",
		"redundancy active-management management-module1\nOn the next system boot, the management-module1 will become active.\n"+pc)
}

func TestConsoleSettings(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	s.typ("config\r")
	s.typ("console baud 96\r")
	s.typ("console flow n\r")
	s.typ("console term ansi\r")
	s.typ("console inactivity-timer 10\r")
	out := s.typ("show running-config\r")
	for _, want := range []string{"console baud-rate 9600\r\n", "console flow-control none\r\n", "console terminal ansi\r\n", "console inactivity-timer 10\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("running-config lacks %q", want)
		}
	}
	// back to the defaults: the lines go
	s.typ("console baud-rate speed-sense\r")
	s.typ("console flow-control xon/xoff\r")
	if out := s.typ("show running-config\r"); strings.Contains(out, "baud-rate") || strings.Contains(out, "flow-control") {
		t.Errorf("defaults still shown:\n%s", out)
	}
}

// At the top of the manager level, `?` lists the manager commands, then a
// blank line, then the operator ones (a real listing's order).
func TestTopLevelHelpGroupsManagerFirst(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	out := s.typ("?")
	mgr, op, ok := strings.Cut(out, "\r\n\r\n")
	if !ok {
		t.Fatalf("no blank line between the groups:\n%s", out)
	}
	if !strings.Contains(mgr, "\r\n boot ") || strings.Contains(mgr, "\r\n show ") {
		t.Fatalf("manager group:\n%s", mgr)
	}
	if !strings.HasPrefix(op, " exit ") || !strings.Contains(op, "\r\n show ") || strings.Contains(op, " boot ") {
		t.Fatalf("operator group:\n%s", op)
	}
}

// What show running-config and show vlans print comes from the config:
// the SNMP community a scenario sets, and the name VLAN 1 has now.
func TestConfigDrivenLines(t *testing.T) {
	f := newFixture(t, func(sc *scenario.Scenario) {
		for _, m := range sc.Chassis.Modules {
			m.Configs["config1"].SNMPCommunity = "lab-ro"
		}
	})
	s := f.open(true)
	s.typ("no page\r")
	if out := s.typ("show running-config\r"); !strings.Contains(out, "\r\nsnmp-server community \"lab-ro\" unrestricted\r\n") {
		t.Fatalf("community:\n%s", out)
	}
	s.typ("config\r")
	s.typ("vlan 1 name MGMT\r")
	if out := s.typ("show vlans\r"); !strings.Contains(out, "  Primary VLAN : MGMT\r\n") {
		t.Fatalf("primary VLAN:\n%s", out)
	}
}

package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/internal/sshtest"
)

// clear crypto deletes the host keys: SSH stops until keys are generated
// again, with a new key (the console still works).
func TestClearCryptoStopsSSHUntilKeysAreGenerated(t *testing.T) {
	s := startServer(t, nil)
	addr := s.Addrs()[0].Mgmt
	k1, err := sshtest.HostKey(addr, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	con := openLocal(t, s, Console(0))
	con.typ(" ")
	con.typ("clear crypto\r")
	if _, err := sshtest.HostKey(addr, "manager", "manager"); err == nil {
		t.Fatal("SSH answered without host keys")
	}
	con.typ("config\r")
	con.typ("crypto key generate ssh\r")
	k2, err := sshtest.HostKey(addr, "manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	if string(k1.Marshal()) == string(k2.Marshal()) {
		t.Fatal("the regenerated host key is the old one")
	}
}

func TestBannerMOTDShownAtLogin(t *testing.T) {
	s := startServer(t, nil)
	a := openLocal(t, s, Management("manager", true))
	a.typ(" ")
	a.typ("config\r")
	a.typ(`banner motd "Authorized use only"` + "\r")
	b := openLocal(t, s, Management("manager", true))
	if out := b.s.FreshLF(); !strings.HasSuffix(out, "www.hp.com/networking/register\n\nAuthorized use only\n\nPress any key to continue") {
		t.Fatalf("banner: %q", out)
	}
	// the standby's console does not show it
	c := openLocal(t, s, Console(1))
	if out := c.s.FreshLF(); strings.Contains(out, "Authorized") {
		t.Fatalf("standby shows the banner: %q", out)
	}
}

func TestCopyCrashLog(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, nil, func(c *Config) { c.TFTPOut = dir })
	h := s.Host("c1")
	h.Press("mm2", "reset")
	a := openLocal(t, s, Management("manager", true))
	a.typ(" ")
	if out := a.typ("copy crash-log mm tftp 10.0.0.1 crash.txt\r"); out != "copy crash-log mm tftp 10.0.0.1 crash.txt\nHP-E8212zl# " {
		t.Fatalf("copy: %q", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "crash.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{"Active Management Module 1 Crash Log", "Crash Log Uninitialized",
		"Standby Management Module 2 Crash Log", "Mgmt Module 2 went down in Standby Mode", "Crash msg:  Reset button pressed."} {
		if !strings.Contains(text, want) {
			t.Errorf("crash log lacks %q:\n%s", want, text)
		}
	}
}

func TestChassisLocate(t *testing.T) {
	s := startServer(t, nil)
	a := openLocal(t, s, Management("manager", true))
	a.typ(" ")
	a.typ("chassislocate on 10\r")
	if st := s.Host("c1").State(); st.Locator != "on" {
		t.Fatalf("locator %q", st.Locator)
	}
}

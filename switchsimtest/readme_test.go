package switchsimtest_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/switchsim/switchsim/switchsimtest"
)

// TestREADMESnippet keeps README's switchsimtest snippet honest: its test
// function must be, byte for byte, the one below, which runs here.
func TestREADMESnippet(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	a := strings.Index(section, "<!-- automation:start -->")
	b := strings.Index(section, "<!-- automation:end -->")
	if a < 0 || b < a {
		t.Fatal("README has no automation section")
	}
	section = section[a:b]
	start := strings.Index(section, "```go\n")
	if start < 0 {
		t.Fatal("README's automation section has no Go snippet")
	}
	snippet := section[start+len("```go\n"):]
	snippet = snippet[:strings.Index(snippet, "```")]
	fn := snippet[strings.Index(snippet, "func "):]
	self, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(self), fn) {
		t.Fatalf("README's snippet is not the test in readme_test.go:\n%s", fn)
	}
	for _, imp := range []string{`"testing"`, `"time"`, `"github.com/switchsim/switchsim/switchsimtest"`} {
		if !strings.Contains(snippet, imp) {
			t.Errorf("README's snippet does not import %s", imp)
		}
	}
}

func TestSwitchoverMovesTheManagementAddress(t *testing.T) {
	// the default 8212zl on 127.0.0.1:0, stopped when the test ends
	sw := switchsimtest.New(t, switchsimtest.Options{})
	// a small SSH client; yours would dial sw.Mgmt
	sess, err := sw.Login("manager", "manager")
	if err != nil {
		t.Fatal(err)
	}
	sess.Write("redundancy switchover\n")
	if _, err := sess.Expect("Do you want to continue [y/n]? "); err != nil {
		t.Fatal(err)
	}
	sess.Write("y")
	if _, err := sess.Wait(); err != nil { // the switch closes the session
		t.Fatal(err)
	}
	sw.Advance(5 * time.Second) // the standby takes over
	if st := sw.State(); st.Active != 2 || st.Failovers != 1 {
		t.Fatalf("active module %d, failovers %d", st.Active, st.Failovers)
	}
}

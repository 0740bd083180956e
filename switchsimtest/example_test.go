package switchsimtest_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/switchsim/switchsim/switchsimtest"
)

// A chassis inside a program: log in over SSH, run a command, press the
// active module's reset button and move the virtual clock until the
// standby has taken over. (In a test, New(t, ...) does the Start and the
// Close.)
func Example() {
	sw, err := switchsimtest.Start(switchsimtest.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer sw.Close()

	sess, err := sw.Login("manager", "manager")
	if err != nil {
		log.Fatal(err)
	}
	defer sess.Close()
	out, err := sess.Command("show flash")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(out)

	// MM Reset on the active module: its sessions end, the standby takes
	// over after a few (virtual) seconds, the reset module reboots.
	if err := sw.Press("mm1", "reset"); err != nil {
		log.Fatal(err)
	}
	if _, err := sess.Wait(); err != nil {
		log.Fatal(err)
	}
	sw.Advance(10 * time.Second)
	st := sw.State()
	fmt.Println("active module:", st.Active, "failovers:", st.Failovers)

	// the management address now lands on module 2
	sess, err = sw.Login("manager", "manager")
	if err != nil {
		log.Fatal(err)
	}
	defer sess.Close()
	out, err = sess.Command("show version")
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Management Module") {
			fmt.Println(line)
		}
	}
	// Output:
	// Image           Size(Bytes)   Date   Version       Build #
	// -----           ----------  -------- ------------  -------
	// Primary Image   : 15604392  04/20/12 K.15.06.0017  13
	// Secondary Image : 15581106  12/05/11 K.15.06.0008  2
	// Boot Rom Version: K.15.29
	// Default Boot    : Primary
	// active module: 2 failovers: 1
	// Management Module 1: Booting
	// Management Module 2: Active
}

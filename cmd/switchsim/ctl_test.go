package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// ctl's physical actions print one line saying what happened; state
// prints the JSON (issue 14, defect 13).
func TestCtlPrintsOneLine(t *testing.T) {
	sc := vendors.Default()
	srv, err := server.Start(server.Config{Vendors: vendors.Registry, Virtual: true, Control: "127.0.0.1:0", ControlToken: "tok",
		Chassis: []server.ChassisConfig{{Name: "chassis1", Scenario: sc, Mgmt: "127.0.0.1:0", Consoles: []string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	run := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		ctlOut = &out
		defer func() { ctlOut = os.Stdout }()
		if err := ctl(append([]string{"--addr", srv.ControlAddr(), "--token", "tok"}, args...)); err != nil {
			t.Fatalf("ctl %v: %v", args, err)
		}
		return out.String()
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"pull", "mm2"}, "chassis1: pulled mm2\n"},
		{[]string{"insert", "mm2", "primary=K.15.07.0008"}, "chassis1: inserted mm2 (primary K.15.07.0008); it boots\n"},
		{[]string{"press", "mm2", "reset"}, "chassis1: pressed mm2's reset button\n"},
		{[]string{"press", "ssm", "clear"}, "chassis1: pressed the System Support Module's clear button\n"},
		{[]string{"crash", "mm2"}, "chassis1: crashed mm2's software\n"},
		{[]string{"power-cycle"}, "chassis1: power-cycled; the modules boot\n"},
	} {
		if got := run(tc.args...); got != tc.want {
			t.Errorf("ctl %s: %q, want %q", strings.Join(tc.args, " "), got, tc.want)
		}
	}
	if got := run("state"); !strings.HasPrefix(got, "{\n") || !strings.Contains(got, `"modules"`) {
		t.Errorf("ctl state: %.200s", got)
	}
}

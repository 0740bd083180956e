package procurve_test

import (
	"strings"
	"testing"
)

// show flash keeps Build # over its values with 12-character K.15
// versions, and an erased flash says so (issue 14, defect 11).
func TestShowFlashColumns(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.expect("show flash\r", "show flash\n"+
		"Image           Size(Bytes)   Date   Version       Build #\n"+
		"-----           ----------  -------- ------------  -------\n"+
		"Primary Image   : 15604392  04/20/12 K.15.06.0017  13\n"+
		"Secondary Image : 15581106  12/05/11 K.15.06.0008  2\n"+
		"Boot Rom Version: K.15.29\n"+
		"Default Boot    : Primary\n"+p)
	s.typ("erase flash secondary\r")
	s.typ("y")
	out := strings.ReplaceAll(s.typ("show flash\r"), "\r\n", "\n")
	if !strings.Contains(out, "\nSecondary Image : 0         (no image)\n") {
		t.Fatalf("erased flash:\n%s", out)
	}
	head := strings.Split(out, "\n")[1]
	row := strings.Split(out, "\n")[3]
	if strings.Index(head, "Build #") != strings.Index(row, " 13")+1 {
		t.Fatalf("Build # is not over the build:\n%s\n%s", head, row)
	}
}

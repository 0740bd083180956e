package transcripts

import (
	"strings"
	"testing"
)

func TestScreen(t *testing.T) {
	s := NewScreen()
	s.Write([]byte("Press any key to continue"))
	m := s.Mark()
	s.Write([]byte("\r\nHP# "))
	if got := strings.Join(s.Since(m), "|"); got != "HP# " {
		t.Fatalf("a new line only: %q", got)
	}
	m = s.Mark()
	// typing changes the cursor's line, which is shown again
	s.Write([]byte("shw\b \bow x\x07\r\nInvalid input: x\r\nHP# "))
	want := "HP# show x^G|Invalid input: x|HP# "
	if got := strings.Join(s.Since(m), "|"); got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	m = s.Mark()
	if got := s.Since(m); len(got) != 0 {
		t.Fatalf("nothing written: %q", got)
	}
	// the pager's erase writes blanks, which stay written
	s.Write([]byte("\r\n-- MORE --\r          \rab"))
	if got := s.Since(m); len(got) != 1 || got[0] != "ab        " {
		t.Fatalf("erase: %q", got)
	}
}

func TestKeys(t *testing.T) {
	for _, c := range []struct{ text, bytes string }{
		{"show redundancy<Enter>", "show redundancy\r"},
		{"redundancy <?>", "redundancy ?"},
		{"sh<Tab><^C><Space><lt>x<x7F>", "sh\t\x03 <x\x7f"},
		{`hostname "a?b"<Enter>`, "hostname \"a?b\"\r"},
	} {
		b, err := ParseKeys(c.text)
		if err != nil || string(b) != c.bytes {
			t.Errorf("ParseKeys(%q) = %q, %v; want %q", c.text, b, err, c.bytes)
		}
		if got := FormatKeys([]byte(c.bytes)); c.text != "sh<Tab><^C><Space><lt>x<x7F>" && got != c.text {
			t.Errorf("FormatKeys(%q) = %q; want %q", c.bytes, got, c.text)
		}
	}
	if got := FormatKeys([]byte("a  b \x1b[A\x7f")); got != "a<Space><Space>b <Esc>[A<Del>" {
		t.Errorf("blanks and keys: %q", got)
	}
	for _, bad := range []string{"<Foo>", "x<", "<^a>"} {
		if _, err := ParseKeys(bad); err == nil {
			t.Errorf("ParseKeys(%q) accepted", bad)
		}
	}
}

func TestParseAndFormat(t *testing.T) {
	text := "# a comment\nscenario default\n\nopen mgmt\nkey mgmt <Space>\n-- mgmt\n|HP# \n\n# next\ntype mgmt show x<Enter>\n-- mgmt\n|HP# show x\n|\n"
	f, err := Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	steps := f.Steps()
	if len(steps) != 2 || len(steps[0].Actions) != 2 || steps[1].Line != 10 || len(steps[1].Want) != 3 {
		t.Fatalf("steps: %+v", steps)
	}
	if got := string(f.Format(nil)); got != text {
		t.Fatalf("round trip:\n%s", got)
	}
	// a step left without output keeps apart from the next one
	got := string(f.Format([][]string{nil, {"-- mgmt", "|x"}}))
	if !strings.Contains(got, "key mgmt <Space>\n\n# next\n") {
		t.Fatalf("rewrite:\n%s", got)
	}
	for _, bad := range []string{
		"open mgmt\n",                         // no scenario
		"scenario default\n|output\n",         // output outside a step
		"scenario default\nfly mgmt\n",        // unknown step
		"scenario default\nkey mgmt ab\n",     // key takes one key
		"scenario default\nstate <<END\n{}\n", // unterminated state
	} {
		if _, err := Parse("bad.txt", []byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestDiffNamesFileAndStep(t *testing.T) {
	f, err := Parse("testdata/x.txt", []byte("scenario default\n\nopen mgmt\n-- mgmt\n|a\n|b\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := Mismatch{File: f, Step: f.Steps()[0], Want: f.Steps()[0].Want, Got: []string{"-- mgmt", "|a", "|c "}}
	want := "testdata/x.txt:3: step \"open mgmt\": output differs (- expected, + got):\n" +
		"  -- mgmt\n  |a\n- |b\n+ |c ¶\n"
	if got := m.Error(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

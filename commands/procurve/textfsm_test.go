package procurve_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Each layout that a real capture fixes (LAYOUTS.md) is parsed with
// Debian's python3-textfsm and a template of our own
// (testdata/textfsm), once from the capture (testdata/captures) and
// once from what the emulator prints: every field the capture yields,
// our output yields too, with the values the model holds.

type fsmResult struct {
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
}

// textFSM parses text with a template of testdata/textfsm.
func textFSM(t *testing.T, template, text string) fsmResult {
	t.Helper()
	if err := exec.Command("/usr/bin/python3", "-c", "import textfsm").Run(); err != nil {
		t.Fatal("python3-textfsm is not installed (scripts/deps.sh installs it)")
	}
	in := filepath.Join(t.TempDir(), "in.txt")
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "testdata/textfsm/run.py",
		filepath.Join("testdata/textfsm", template+".textfsm"), in).CombinedOutput()
	if err != nil {
		t.Fatalf("textfsm %s: %v\n%s", template, err, out)
	}
	var r fsmResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("textfsm %s: %v\n%s", template, err, out)
	}
	return r
}

// filled lists the fields a result gives a value somewhere.
func (r fsmResult) filled() map[string]bool {
	out := map[string]bool{}
	for _, row := range r.Rows {
		for i, v := range row {
			if v != "" {
				out[r.Header[i]] = true
			}
		}
	}
	return out
}

// row is one parsed record as a map.
func (r fsmResult) row(i int) map[string]string {
	m := map[string]string{}
	for j, h := range r.Header {
		m[h] = r.Rows[i][j]
	}
	return m
}

// find is the first record whose field has the value.
func (r fsmResult) find(field, value string) map[string]string {
	for i := range r.Rows {
		if m := r.row(i); m[field] == value {
			return m
		}
	}
	return nil
}

// output is a command's output: what follows its echo, without the
// prompt.
func (s *session) output(cmd string) string {
	s.t.Helper()
	out := strings.ReplaceAll(s.typ(cmd+"\r"), "\r\n", "\n")
	out = strings.TrimPrefix(out, cmd+"\n")
	return out[:strings.LastIndex(out, "\n")+1]
}

func TestLayoutsParseLikeTheCaptures(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	s.typ("configure\r")
	for _, l := range []string{
		"snmp-server contact NOC", `snmp-server location "Rack 4"`,
		"vlan 1 ip address 10.1.1.10 255.255.255.0", "ip default-gateway 10.1.1.254",
		"vlan 20 name LAB", "vlan 20 untagged B2-B3", "vlan 20 tagged A1", "interface B2 name uplink",
	} {
		if out := s.output(l); out != "" {
			t.Fatalf("%s: %q", l, out)
		}
	}
	s.typ("end\r")
	f.h.Advance(10 * time.Second)

	cases := []struct {
		template, capture, cmd string
		check                  func(r fsmResult) string
	}{
		{"show_vlans", "show_vlans", "show vlans", func(r fsmResult) string {
			if len(r.Rows) != 2 || r.find("VLAN_ID", "20")["NAME"] != "LAB" {
				return "want VLANs 1 and 20 (LAB)"
			}
			return ""
		}},
		{"show_vlans_id", "show_vlans_id", "show vlans 20", func(r fsmResult) string {
			if len(r.Rows) != 3 || r.find("PORT", "A1")["MODE"] != "Tagged" || r.find("PORT", "B2")["MODE"] != "Untagged" {
				return "want A1 tagged, B2-B3 untagged"
			}
			return ""
		}},
		{"show_interfaces_brief", "show_interfaces_brief", "show interfaces brief", func(r fsmResult) string {
			if len(r.Rows) != 76 || r.find("PORT", "B1")["STATUS"] != "Up" || r.find("PORT", "B4")["STATUS"] != "Down" {
				return "want 76 ports, B1 up, B4 down"
			}
			return ""
		}},
		{"show_interfaces", "show_interfaces", "show interfaces", func(r fsmResult) string {
			if len(r.Rows) != 76 || r.find("PORT", "A1")["TOTAL_BYTES"] == "0" || r.find("PORT", "A2")["TOTAL_BYTES"] != "0" {
				return "want 76 ports, A1 counting, A2 idle"
			}
			return ""
		}},
		{"show_interfaces_port", "show_interfaces_port", "show interfaces A1,B2", func(r fsmResult) string {
			if len(r.Rows) != 2 || r.find("PORT", "B2")["NAME"] != "uplink" || r.find("PORT", "A1")["MAC_ADDRESS"] != "7446a0-41a570" {
				return "want A1 (MAC base+1) and B2 (named uplink)"
			}
			return ""
		}},
		{"show_mac-address", "show_mac-address", "show mac-address", func(r fsmResult) string {
			if len(r.Rows) != 5 || r.find("PORT", "A1")["MAC_ADDRESS"] != "001b3f-6c8d00" {
				return "want a station on each of the 5 up ports, A1's the LLDP neighbour's"
			}
			return ""
		}},
		{"show_mac-address_vlan", "show_mac-address_vlan", "show mac-address vlan 20", func(r fsmResult) string {
			if len(r.Rows) != 2 || r.find("PORT", "B2") == nil || r.find("PORT", "B3") == nil {
				return "want the stations of B2 and B3"
			}
			return ""
		}},
		{"show_lldp_info_remote-device", "show_lldp_info_remote-device", "show lldp info remote-device", func(r fsmResult) string {
			if len(r.Rows) != 1 || r.row(0)["SYS_NAME"] != "CORE-5412" || r.row(0)["PORT_ID"] != "A24" {
				return "want the scenario's neighbour on A1"
			}
			return ""
		}},
		{"show_lldp_info_remote-device_port", "show_lldp_info_remote-device_A13", "show lldp info remote-device ethernet A1", func(r fsmResult) string {
			if len(r.Rows) != 1 || r.row(0)["CHASSIS_ID"] != "001b3f-6c8d00" {
				return "want A1's neighbour"
			}
			return ""
		}},
		{"show_ip", "show_ip", "show ip", func(r fsmResult) string {
			m := r.find("VLAN_NAME", "DEFAULT_VLAN")
			if len(r.Rows) != 2 || m["IP_ADDRESS"] != "10.1.1.10" || m["DEFAULT_GATEWAY"] != "10.1.1.254" || r.find("VLAN_NAME", "LAB")["IP_CONFIG"] != "Disabled" {
				return "want VLAN 1's address and the gateway"
			}
			return ""
		}},
		{"show_ip_ssh", "show_ip_ssh", "show ip ssh", func(r fsmResult) string {
			if len(r.Rows) != 7 || r.row(0)["HOST_KEY_TYPE"] != "ED25519" {
				return "want 7 sessions and the served key's type"
			}
			return ""
		}},
		{"show_system", "show_system", "show system", func(r fsmResult) string {
			if len(r.Rows) != 1 || r.row(0)["CONTACT"] != "NOC" || r.row(0)["LOCATION"] != "Rack 4" || r.row(0)["SOFTWARE_REVISION"] != "K.15.06.0017" {
				return "want the contact, location and software"
			}
			return ""
		}},
		{"show_config_files", "show_config_files", "show config files", func(r fsmResult) string {
			if len(r.Rows) != 3 || r.row(0)["NAME"] != "config1" || r.row(0)["FLAGS"] != "  *   *   *  " {
				return "want config1 active for both flashes, and two free ids"
			}
			return ""
		}},
		{"ping", "ping", "ping 10.1.1.254", func(r fsmResult) string {
			if len(r.Rows) != 1 || r.row(0)["RESULT"] != "alive" {
				return "want the gateway alive"
			}
			return ""
		}},
		{"ping", "ping_repetitions", "ping 10.1.1.10 repetitions 3", func(r fsmResult) string {
			if len(r.Rows) != 3 || r.row(2)["ITERATION"] != "3" {
				return "want three answers"
			}
			return ""
		}},
		{"traceroute", "traceroute", "traceroute 10.1.1.254", func(r fsmResult) string {
			if len(r.Rows) != 1 || r.row(0)["ADDRESS"] != "10.1.1.254" {
				return "want the gateway as the only hop"
			}
			return ""
		}},
	}
	for _, c := range cases {
		t.Run(c.capture, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/captures", c.capture+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			real := textFSM(t, c.template, string(data))
			if len(real.Rows) == 0 {
				t.Fatalf("the template reads nothing from the capture")
			}
			out := s.output(c.cmd)
			ours := textFSM(t, c.template, out)
			if len(ours.Rows) == 0 {
				t.Fatalf("the template reads nothing from %q:\n%s", c.cmd, out)
			}
			have := ours.filled()
			for field := range real.filled() {
				if !have[field] {
					t.Errorf("field %s: the capture has it, %q does not:\n%s", field, c.cmd, out)
				}
			}
			if why := c.check(ours); why != "" {
				t.Errorf("%s: %s; got %v\n%s", c.cmd, why, ours.Rows, out)
			}
		})
	}
}

// The right-hand column of show system starts where the capture's does,
// on every line that has one.
func TestShowSystemColumnsMatchTheCapture(t *testing.T) {
	data, err := os.ReadFile("testdata/captures/show_system.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	ours := s.output("show system")
	for _, label := range []string{"Base MAC Addr", "Serial Number", "Memory   - Total", "Free    :", "Packet   - Total", "Buffers    Free", "Lowest  :", "Missed  :"} {
		col := func(text string) int {
			for _, l := range strings.Split(text, "\n") {
				if i := strings.Index(l, label); i >= 0 {
					return i
				}
			}
			return -1
		}
		if want, got := col(string(data)), col(ours); got != want || got < 0 {
			t.Errorf("%q at column %d, the capture's at %d", label, got, want)
		}
	}
}

// Each table's heading and divider lines are the capture's, character
// for character (trailing blanks aside).
func TestTableHeadingsAreTheCaptures(t *testing.T) {
	f := newFixture(t, nil)
	s := f.open(true)
	s.typ("no page\r")
	s.typ("configure\r")
	s.typ("vlan 20 tagged A1\r")
	s.typ("end\r")
	for capture, cmd := range map[string]string{
		"show_vlans": "show vlans", "show_vlans_id": "show vlans 20",
		"show_interfaces_brief": "show interfaces brief", "show_interfaces": "show interfaces",
		"show_mac-address": "show mac-address", "show_mac-address_vlan": "show mac-address vlan 1",
		"show_lldp_info_remote-device_ntc": "show lldp info remote-device",
		"show_ip":                          "show ip", "show_ip_ssh": "show ip ssh", "show_config_files": "show config files",
	} {
		data, err := os.ReadFile(filepath.Join("testdata/captures", capture+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		ours := map[string]bool{}
		for _, l := range strings.Split(s.output(cmd), "\n") {
			ours[strings.TrimRight(l, " ")] = true
		}
		lines := strings.Split(strings.ReplaceAll(string(data), "\r", ""), "\n")
		for i, l := range lines {
			if !strings.Contains(l, "---") || i == 0 {
				continue
			}
			for _, want := range []string{lines[i-1], l} {
				if want = strings.TrimRight(want, " "); !ours[want] {
					t.Errorf("%s: the capture's %q is not in our output", cmd, want)
				}
			}
		}
	}
}

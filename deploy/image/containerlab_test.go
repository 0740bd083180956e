package image

import (
	"bytes"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/vendors"
)

// The containerlab topology in examples/containerlab, checked against the
// image (no containerlab here): every node a switchsim container of the
// image make image tags, one per vendor, each serving a built-in
// scenario, its published ports the image's (management and both module
// consoles, the web interface; NETCONF for a vendor with an XML API), no host port twice,
// and the README's commands naming the image's paths.

type clabNode struct {
	Kind     string            `yaml:"kind"`
	Image    string            `yaml:"image"`
	Cmd      string            `yaml:"cmd"`
	Ports    []string          `yaml:"ports"`
	Env      map[string]string `yaml:"env"`
	EnvFiles []string          `yaml:"env-files"`
	Binds    []string          `yaml:"binds"`
}

type clabTopology struct {
	Name     string `yaml:"name"`
	Topology struct {
		Defaults clabNode            `yaml:"defaults"`
		Nodes    map[string]clabNode `yaml:"nodes"`
		Links    []any               `yaml:"links"`
	} `yaml:"topology"`
}

const clabDir = "../../examples/containerlab/"

func TestContainerlabTopology(t *testing.T) {
	b, err := os.ReadFile(clabDir + "switchsim.clab.yml")
	if err != nil {
		t.Fatal(err)
	}
	var topo clabTopology
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&topo); err != nil {
		t.Fatalf("switchsim.clab.yml: %v", err)
	}
	def := topo.Topology.Defaults
	if topo.Name == "" || len(topo.Topology.Nodes) == 0 {
		t.Fatalf("name %q, %d nodes", topo.Name, len(topo.Topology.Nodes))
	}
	exposed := map[int]bool{}
	for _, p := range Ports {
		n, _ := strconv.Atoi(strings.TrimSuffix(p, "/tcp"))
		exposed[n] = true
	}
	// the env file the defaults name: its example sets the passwords
	for _, f := range def.EnvFiles {
		ex, err := os.ReadFile(clabDir + f + ".example")
		if err != nil || !bytes.Contains(ex, []byte("SWITCHSIM_MANAGER_PASSWORD=")) || !bytes.Contains(ex, []byte("SWITCHSIM_OPERATOR_PASSWORD=")) {
			t.Fatalf("%s.example: %v", f, err)
		}
	}
	if len(def.EnvFiles) == 0 && def.Env["SWITCHSIM_MANAGER_PASSWORD"] == "" {
		t.Fatal("no passwords for the chassis (env-files or env)")
	}
	builtin := map[string]bool{}
	for _, s := range vendors.Scenarios() {
		builtin[s.Name] = true
	}
	vendorsSeen := map[string]string{}
	hostPorts := map[string]string{}
	var names []string
	for name := range topo.Topology.Nodes {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		n := topo.Topology.Nodes[name]
		kind, img := n.Kind, n.Image
		if kind == "" {
			kind = def.Kind
		}
		if img == "" {
			img = def.Image
		}
		if kind != "linux" || img != "switchsim:latest" {
			t.Fatalf("%s: kind %q, image %q (make image tags switchsim:latest)", name, kind, img)
		}
		// serve, with a built-in scenario
		args := strings.Fields(n.Cmd)
		if len(args) < 3 || args[0] != Cmd[0] || args[1] != "--scenario" {
			t.Fatalf("%s: cmd %q, want serve --scenario NAME", name, n.Cmd)
		}
		if !builtin[args[2]] {
			t.Fatalf("%s: scenario %q is not built in", name, args[2])
		}
		sc, err := vendors.Load(args[2], nil)
		if err != nil {
			t.Fatal(err)
		}
		if other, dup := vendorsSeen[sc.Vendor]; dup {
			t.Fatalf("%s and %s are both %s", other, name, sc.Vendor)
		}
		vendorsSeen[sc.Vendor] = name
		v, _ := vendors.Lookup(sc.Vendor)
		_, xml := v.(commands.XMLAPI)
		// the ports: HOST:CONTAINER, the container's among the image's
		inside := map[int]bool{}
		for _, p := range n.Ports {
			host, ctr, ok := strings.Cut(strings.TrimSuffix(p, "/tcp"), ":")
			cp, err := strconv.Atoi(ctr)
			if !ok || err != nil || !exposed[cp] {
				t.Fatalf("%s: port %q does not map a port the image exposes (%v)", name, p, Ports)
			}
			if o, dup := hostPorts[host]; dup {
				t.Fatalf("%s: host port %s is also %s's", name, host, o)
			}
			hostPorts[host] = name
			inside[cp] = true
		}
		for _, want := range []int{2222, 2301, 2302, 8081} {
			if !inside[want] {
				t.Fatalf("%s: port %d (management, module consoles, web interface) not published", name, want)
			}
		}
		if xml != inside[8830] {
			t.Fatalf("%s (%s): NETCONF 8830 published %v, the vendor has an XML API %v", name, sc.Vendor, inside[8830], xml)
		}
		if len(n.Binds) > 0 {
			t.Fatalf("%s: binds %v (the state is the image's /state volume)", name, n.Binds)
		}
	}
	if len(vendorsSeen) != len(vendors.Names()) {
		t.Fatalf("nodes for %v, vendors %v: one node per vendor", vendorsSeen, vendors.Names())
	}
	// the README's commands
	readme, err := os.ReadFile(clabDir + "README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"containerlab deploy -t examples/containerlab/switchsim.clab.yml",
		"docker load -i bin/switchsim-image.tar",
		"docker exec clab-" + topo.Name + "-procurve " + Binary + " ctl --state-dir " + StateDir + " press mm1 reset",
	} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Fatalf("README.md lacks %q", want)
		}
	}
	for host, name := range hostPorts {
		if !bytes.Contains(readme, []byte("ssh -p "+host+" ")) && !bytes.Contains(readme, []byte("http://localhost:"+host+"/")) {
			t.Fatalf("README.md does not say how to reach %s's port %s", name, host)
		}
	}
}

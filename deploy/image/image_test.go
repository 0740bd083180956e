package image

import (
	"archive/tar"
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"

	"github.com/switchsim/switchsim/internal/sshtest"
)

// The image is checked without a container runtime: its config is what
// README says, it is small and reproducible, and the binary unpacked from
// its layers serves a chassis a client logs in to (with passwords, on
// every interface, as in a container), and refuses to serve the factory
// logins there.

// imagesDir is the repository's images directory.
const imagesDir = "../../scenario/images"

// theImage is the image make image wrote (SWITCHSIM_IMAGE_LAYOUT, its
// OCI layout), or one
// built here from a static binary built here.
func theImage(t *testing.T) v1.Image {
	t.Helper()
	if p := os.Getenv("SWITCHSIM_IMAGE_LAYOUT"); p != "" {
		idx, err := layout.ImageIndexFromPath(p)
		if err == nil {
			var m *v1.IndexManifest
			if m, err = idx.IndexManifest(); err == nil && len(m.Manifests) != 1 {
				t.Fatalf("%s: %d images, want 1", p, len(m.Manifests))
			}
			if err == nil {
				var img v1.Image
				if img, err = idx.Image(m.Manifests[0].Digest); err == nil {
					return img
				}
			}
		}
		t.Fatalf("%s: %v", p, err)
	}
	bin := filepath.Join(t.TempDir(), "switchsim")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o", bin, "./cmd/switchsim")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("static build: %v\n%s", err, out)
	}
	img, err := Build(Options{Binary: bin, Images: imagesDir, Created: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// rootFS unpacks the image's filesystem: headers and contents by path.
func rootFS(t *testing.T, img v1.Image) (map[string]*tar.Header, map[string][]byte) {
	t.Helper()
	rc := mutate.Extract(img)
	defer rc.Close()
	hdrs, files := map[string]*tar.Header{}, map[string][]byte{}
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(h.Name, "./"), "/")
		hdrs[name] = h
		if h.Typeflag == tar.TypeReg {
			b, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			files[name] = b
		}
	}
	return hdrs, files
}

func TestImage(t *testing.T) {
	img := theImage(t)
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	c := cf.Config
	// the config README documents
	if c.User != "65532:65532" || !reflect.DeepEqual(c.Entrypoint, []string{"/switchsim"}) || !reflect.DeepEqual(c.Cmd, []string{"serve"}) {
		t.Fatalf("user %q, entrypoint %q, cmd %q", c.User, c.Entrypoint, c.Cmd)
	}
	if !reflect.DeepEqual(c.Volumes, map[string]struct{}{"/state": {}}) {
		t.Fatalf("volumes %v", c.Volumes)
	}
	var ports []string
	for p := range c.ExposedPorts {
		ports = append(ports, p)
	}
	sort.Strings(ports)
	if want := []string{"2222/tcp", "2301/tcp", "2302/tcp", "2323/tcp", "8000/tcp", "8081/tcp", "8830/tcp"}; !reflect.DeepEqual(ports, want) {
		t.Fatalf("exposed %v, want %v", ports, want)
	}
	for _, e := range []string{"SWITCHSIM_STATE_DIR=/state", "SWITCHSIM_HOST=0.0.0.0", "SWITCHSIM_SCENARIO=8212zl", "SWITCHSIM_IMAGES=/images"} {
		if !contains(c.Env, e) {
			t.Fatalf("env %q lacks %s", c.Env, e)
		}
	}
	if cf.OS != "linux" || cf.Architecture != "amd64" || !cf.Created.Time.Equal(time.Unix(0, 0)) {
		t.Fatalf("os %s, arch %s, created %v", cf.OS, cf.Architecture, cf.Created)
	}
	size, err := UncompressedSize(img)
	if err != nil {
		t.Fatal(err)
	}
	if size > 25<<20 {
		t.Fatalf("the image is %d bytes uncompressed, over 25 MB", size)
	}
	t.Logf("image: %.1f MB uncompressed", float64(size)/1e6)

	// the filesystem: the binary, the images directory, /state the
	// user's, a passwd entry for it
	hdrs, files := rootFS(t, img)
	if h := hdrs["switchsim"]; h == nil || h.Mode&0o111 == 0 {
		t.Fatalf("no executable /switchsim: %+v", h)
	}
	if h := hdrs["state"]; h == nil || h.Typeflag != tar.TypeDir || h.Uid != 65532 || h.Gid != 65532 {
		t.Fatalf("/state: %+v", h)
	}
	if !strings.Contains(string(files["etc/passwd"]), "switchsim:x:65532:65532:") {
		t.Fatalf("/etc/passwd: %q", files["etc/passwd"])
	}
	ents, err := os.ReadDir(imagesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		want, _ := os.ReadFile(filepath.Join(imagesDir, e.Name()))
		if got, ok := files["images/"+e.Name()]; !ok || !bytes.Equal(got, want) {
			t.Fatalf("/images/%s is not the repository's", e.Name())
		}
	}

	// reproducible: the image's own binary and the images directory
	// give the image again, digest for digest
	dir := t.TempDir()
	bin := filepath.Join(dir, "switchsim")
	if err := os.WriteFile(bin, files["switchsim"], 0o755); err != nil {
		t.Fatal(err)
	}
	want, _ := img.Digest()
	again, err := Build(Options{Binary: bin, Images: imagesDir, Created: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := again.Digest(); d != want {
		t.Fatalf("rebuilt from its own binary: digest %s, the image's %s", d, want)
	}

	// the binary as the image runs it (its entrypoint, command and
	// environment; the state directory a temporary one): the factory
	// logins are refused on every interface, before anything listens
	state := filepath.Join(dir, "state")
	env := []string{}
	for _, e := range c.Env {
		switch {
		case strings.HasPrefix(e, "SWITCHSIM_STATE_DIR="), strings.HasPrefix(e, "HOME="):
			e = e[:strings.IndexByte(e, '=')+1] + state
		case strings.HasPrefix(e, "SWITCHSIM_IMAGES="):
			e = "SWITCHSIM_IMAGES=" + imagesDir
		}
		env = append(env, e)
	}
	run := exec.Command(bin, c.Cmd...)
	run.Env = env
	out, err := run.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "refusing to listen off loopback (0.0.0.0:2222): chassis chassis1 would accept factory logins") ||
		!strings.Contains(string(out), "SWITCHSIM_MANAGER_PASSWORD") {
		t.Fatalf("the image's command with factory logins: %v\n%s", err, out)
	}

	// with passwords from the environment (a Secret), on every
	// interface at ports of its choosing: a client logs in on loopback,
	// and ctl ready says every chassis listens
	// (every listener at a port of its choosing: the image's defaults,
	// 2222 to 8830, may be taken on the machine running the test)
	srv := exec.Command(bin, "serve", "--listen", "0.0.0.0:0", "--console1", "0.0.0.0:0", "--console2", "0.0.0.0:0",
		"--telnet", "0.0.0.0:0", "--netconf", "0.0.0.0:0", "--web", "0.0.0.0:0",
		"--control", "127.0.0.1:0", "--quiet", "--terminal", "plain", "--auth-fail-delay", "0")
	srv.Env = append(env, "SWITCHSIM_MANAGER_PASSWORD=m4nager-pw", "SWITCHSIM_OPERATOR_PASSWORD=0perator-pw")
	// stderr to a file: read while serve may still write it
	errFile, err := os.Create(filepath.Join(dir, "serve.err"))
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	srv.Stderr = errFile
	errs := func() string { b, _ := os.ReadFile(errFile.Name()); return string(b) }
	stdout, _ := srv.StdoutPipe()
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		if err := srv.Wait(); err != nil {
			t.Errorf("serve after SIGTERM: %v\n%s", err, errs())
		}
	}()
	line, err := bufio.NewReader(stdout).ReadBytes('\n')
	if err != nil {
		t.Fatalf("serve did not start: %v\n%s", err, errs())
	}
	go io.Copy(io.Discard, stdout)
	var ports0 struct {
		Chassis []struct{ Mgmt string }
	}
	if err := json.Unmarshal(line, &ports0); err != nil || len(ports0.Chassis) != 1 {
		t.Fatalf("first line %q: %v", line, err)
	}
	host, port, err := net.SplitHostPort(ports0.Chassis[0].Mgmt)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsUnspecified() {
		t.Fatalf("management address %s: not every interface", ports0.Chassis[0].Mgmt)
	}
	addr := net.JoinHostPort("127.0.0.1", port)
	if _, err := sshtest.Dial(addr, "manager", "manager"); err == nil {
		t.Fatal("the factory password logged in")
	}
	term := sshtest.Open(t, addr, "manager", "m4nager-pw", 200, 1000)
	term.Send("\r")
	term.Send("show version\r")
	if out, ok := term.Seek("Boot Image:"); !ok {
		t.Fatalf("no show version after logging in:\n%s", out)
	}
	ready := exec.Command(bin, "ctl", "--state-dir", state, "ready")
	ready.Env = env
	if out, err := ready.CombinedOutput(); err != nil || string(out) != "ready: 1 chassis listen\n" {
		t.Fatalf("ctl ready: %v %q", err, out)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

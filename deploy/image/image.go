// Package image builds switchsim's OCI image without a daemon or a
// container runtime (as ko does): one layer with the static binary, the
// images directory, /state and a passwd entry for the non-root user, on
// an empty base, every timestamp fixed so the same binary gives the same
// digest.
package image

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// What README's "Containers" section says the image is; the tests check
// the built image against these.
const (
	// Binary is the static switchsim (CGO_ENABLED=0 -trimpath -buildvcs=false).
	Binary = "/switchsim"
	// StateDir is the state directory, a volume writable by User.
	StateDir = "/state"
	// ImagesDir is the images directory (the TFTP stand-in).
	ImagesDir = "/images"
	// UID and GID run switchsim: not root.
	UID = 65532
	GID = 65532
)

// User is the config's user.
var User = fmt.Sprintf("%d:%d", UID, GID)

// Entrypoint and Cmd: "switchsim serve" unless told otherwise.
var (
	Entrypoint = []string{Binary}
	Cmd        = []string{"serve"}
)

// Env: the state directory, every listener on all interfaces (so
// passwords are required: SWITCHSIM_MANAGER_PASSWORD and
// SWITCHSIM_OPERATOR_PASSWORD, or --credentials, or --trusted-network),
// the scenario (SWITCHSIM_SCENARIO, or --scenario) and the images.
var Env = []string{
	"PATH=/",
	"HOME=" + StateDir,
	"SWITCHSIM_STATE_DIR=" + StateDir,
	"SWITCHSIM_HOST=0.0.0.0",
	"SWITCHSIM_SCENARIO=8212zl",
	"SWITCHSIM_IMAGES=" + ImagesDir,
}

// Ports are the ports a chassis serves on (serve's defaults): the
// management CLI, the two module consoles, telnet (when --telnet turns it
// on), the web interface (8081 for one chassis, 8000 on each address of
// a fleet) and NETCONF (Junos). The control API stays on the container's
// loopback (switchsim ctl inside it).
var Ports = []string{"2222/tcp", "2301/tcp", "2302/tcp", "2323/tcp", "8000/tcp", "8081/tcp", "8830/tcp"}

// Options say what goes into the image.
type Options struct {
	// Binary is the static switchsim to put at /switchsim.
	Binary string
	// Images is the images directory to put at /images.
	Images string
	// Created is every timestamp (the config's and the files'): fixed for
	// a reproducible digest (SOURCE_DATE_EPOCH; default the Unix epoch).
	Created time.Time
	// Arch and OS of the binary.
	Arch, OS string
}

// Build makes the image.
func Build(o Options) (v1.Image, error) {
	if o.Arch == "" {
		o.Arch = "amd64"
	}
	if o.OS == "" {
		o.OS = "linux"
	}
	layerTar, err := rootfs(o)
	if err != nil {
		return nil, err
	}
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(layerTar)), nil
	}, tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return nil, err
	}
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	img, err = mutate.AppendLayers(img, layer)
	if err != nil {
		return nil, err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.Architecture, cf.OS = o.Arch, o.OS
	cf.Created = v1.Time{Time: o.Created.UTC()}
	cf.Author = "switchsim"
	cf.Config = v1.Config{
		User:         User,
		Entrypoint:   Entrypoint,
		Cmd:          Cmd,
		Env:          Env,
		WorkingDir:   StateDir,
		ExposedPorts: map[string]struct{}{},
		Volumes:      map[string]struct{}{StateDir: {}},
		Labels: map[string]string{
			"org.opencontainers.image.title":       "switchsim",
			"org.opencontainers.image.description": "an SSH emulator of modular chassis switches with redundant management modules",
		},
	}
	for _, p := range Ports {
		cf.Config.ExposedPorts[p] = struct{}{}
	}
	cf.History = []v1.History{{Created: cf.Created, CreatedBy: "switchsim deploy/cmd/switchsim-image", Comment: "the static binary, /images, /state"}}
	return mutate.ConfigFile(img, cf)
}

// rootfs is the layer's tar: directories first, entries sorted, owners
// and times fixed.
func rootfs(o Options) ([]byte, error) {
	type entry struct {
		hdr  tar.Header
		data []byte
	}
	var es []entry
	dir := func(name string, mode int64, uid, gid int) {
		es = append(es, entry{hdr: tar.Header{Typeflag: tar.TypeDir, Name: name + "/", Mode: mode, Uid: uid, Gid: gid}})
	}
	file := func(name string, mode int64, data []byte) {
		es = append(es, entry{hdr: tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: mode, Size: int64(len(data))}, data: data})
	}
	bin, err := os.ReadFile(o.Binary)
	if err != nil {
		return nil, err
	}
	file("switchsim", 0o755, bin)
	dir("etc", 0o755, 0, 0)
	file("etc/passwd", 0o644, []byte(fmt.Sprintf("root:x:0:0:root:/:/sbin/nologin\nswitchsim:x:%d:%d:switchsim:%s:/sbin/nologin\n", UID, GID, StateDir)))
	file("etc/group", 0o644, []byte(fmt.Sprintf("root:x:0:\nswitchsim:x:%d:\n", GID)))
	// the state directory belongs to the user (a runtime without
	// fsGroup still lets it write); /tmp for whatever needs one
	dir("state", 0o700, UID, GID)
	dir("tmp", 0o1777, 0, 0)
	dir("images", 0o755, 0, 0)
	var names []string
	err = fs.WalkDir(os.DirFS(o.Images), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("images directory: %w", err)
	}
	sort.Strings(names)
	for _, n := range names {
		if d := path.Dir(n); d != "." {
			return nil, fmt.Errorf("images directory: %s is in a subdirectory (the catalog is flat)", n)
		}
		data, err := os.ReadFile(path.Join(o.Images, n))
		if err != nil {
			return nil, err
		}
		file("images/"+n, 0o644, data)
	}
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	t := o.Created.UTC()
	for _, e := range es {
		h := e.hdr
		h.ModTime, h.AccessTime, h.ChangeTime = t, time.Time{}, time.Time{}
		h.Format = tar.FormatPAX
		if h.Uid == UID {
			h.Uname, h.Gname = "switchsim", "switchsim"
		} else {
			h.Uname, h.Gname = "root", "root"
		}
		if err := tw.WriteHeader(&h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// UncompressedSize is the size of the image's layers unpacked.
func UncompressedSize(img v1.Image) (int64, error) {
	ls, err := img.Layers()
	if err != nil {
		return 0, err
	}
	var n int64
	for _, l := range ls {
		rc, err := l.Uncompressed()
		if err != nil {
			return 0, err
		}
		c, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

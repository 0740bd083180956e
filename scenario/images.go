package scenario

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/switchsim/switchsim/model"
	"go.yaml.in/yaml/v3"
)

// The built-in images directory: a manifest and one small stand-in file per
// release (the bytes are not modelled, only their presence and metadata).
//
//go:embed images
var builtinImages embed.FS

// ManifestName is the manifest file of an images directory.
const ManifestName = "images.yaml"

// Catalog is an images directory: the TFTP server stand-in.
type Catalog struct {
	fsys   fs.FS
	dir    string // on-disk path, "" for the built-in one
	images map[string]*model.Image
	order  []string // file names in manifest order
}

// Builtin is the catalog of releases shipped with switchsim.
func Builtin() *Catalog {
	sub, err := fs.Sub(builtinImages, "images")
	if err != nil {
		panic(err)
	}
	c, err := loadCatalog(sub, "", "builtin:images/"+ManifestName)
	if err != nil {
		panic(err)
	}
	return c
}

// OpenCatalog reads an images directory on disk.
func OpenCatalog(dir string) (*Catalog, error) {
	return loadCatalog(os.DirFS(dir), dir, filepath.Join(dir, ManifestName))
}

func loadCatalog(fsys fs.FS, dir, name string) (*Catalog, error) {
	data, err := fs.ReadFile(fsys, ManifestName)
	if err != nil {
		return nil, fmt.Errorf("images: %s: %w", name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, YAMLError(name, err)
	}
	d := &Decoder{file: name}
	c := &Catalog{fsys: fsys, dir: dir, images: map[string]*model.Image{}}
	top := d.Mapping(&root, "")
	for i, n := range top.List("images") {
		path := fmt.Sprintf("images[%d]", i)
		m := d.Mapping(n, path)
		file := m.Str("file", "")
		im := d.image(m, path)
		m.Done()
		if file == "" {
			d.Fail(n, path+".file", "missing")
			break
		}
		im.File = file
		c.images[file] = im
		c.order = append(c.order, file)
	}
	top.Done()
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

// image reads image metadata fields from a mapping.
func (d *Decoder) image(m *Map, path string) *model.Image {
	im := &model.Image{
		Version:     m.Str("version", ""),
		Build:       m.Integer("build", 0),
		Size:        int64(m.Integer("size", 0)),
		Built:       m.When("date"),
		Stamp:       m.Str("stamp", ""),
		Compat:      m.Str("compat", ""),
		WarmStandby: m.Boolean("warm-standby", false),
		Platform:    m.Str("platform", ""),
		IOVersion:   m.Integer("io-version", 0),
		Hitless:     m.Boolean("hitless", false),
		IOReduced:   m.Ints("io-reduced"),
	}
	if n := m.Get("rom"); n != nil {
		r := d.rom(n, join(path, "rom"))
		im.ROM = &r
	}
	if im.Version == "" {
		d.Fail(m.n, join(path, "version"), "missing")
	}
	return im
}

func (d *Decoder) rom(n *yaml.Node, path string) model.ROM {
	if n.Kind == yaml.ScalarNode {
		return model.ROM{Version: n.Value}
	}
	m := d.Mapping(n, path)
	r := model.ROM{
		Version: m.Str("version", ""),
		Dir:     m.Str("dir", ""),
		Built:   m.When("built"),
		Number:  m.Integer("number", 0),
	}
	m.Done()
	if r.Version == "" {
		d.Fail(n, path+".version", "missing")
	}
	return r
}

// ROM finds a boot ROM of the given version among those the catalog's
// images carry, with its build directory, date and number.
func (c *Catalog) ROM(version string) (model.ROM, bool) {
	for _, f := range c.order {
		if r := c.images[f].ROM; r != nil && r.Version == version {
			return *r, true
		}
	}
	return model.ROM{}, false
}

// ByVersion finds an image by its version.
func (c *Catalog) ByVersion(v string) *model.Image { return c.Find("", v) }

// Find finds an image by its version among those that run on a platform
// ("" = any).
func (c *Catalog) Find(platform, v string) *model.Image {
	for _, f := range c.order {
		im := c.images[f]
		if im.Version == v && (platform == "" || im.Platform == "" || im.Platform == platform) {
			return im.Clone()
		}
	}
	return nil
}

// Files lists the manifest's files.
func (c *Catalog) Files() []string { return append([]string(nil), c.order...) }

// Errors of Fetch, mapped to TFTP errors by the server.
var (
	ErrNotFound   = errors.New("images: file not found")
	ErrUnreadable = errors.New("images: file not readable")
	ErrNotImage   = errors.New("images: not a software image")
)

// Fetch is a TFTP read of file: it must exist, be readable, and be
// described in the manifest. The size is the manifest's, or the file's.
func (c *Catalog) Fetch(file string) (*model.Image, error) {
	file = strings.TrimPrefix(file, "/")
	if file == "" || strings.Contains(file, "..") {
		return nil, ErrNotFound
	}
	f, err := c.fsys.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ErrNotFound
		}
		return nil, ErrUnreadable
	}
	st, err := f.Stat()
	if err == nil {
		var one [1]byte
		_, err = f.Read(one[:])
		if err != nil && st.Size() == 0 {
			err = nil
		}
	}
	f.Close()
	if err != nil {
		return nil, ErrUnreadable
	}
	im, ok := c.images[file]
	if !ok {
		return nil, ErrNotImage
	}
	out := im.Clone()
	if out.Size == 0 {
		out.Size = st.Size()
	}
	return out, nil
}

// WriteDefault writes the built-in images directory to dir (for users who
// want to add their own releases to it).
func WriteDefault(dir string) error {
	return fs.WalkDir(builtinImages, "images", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "images")
		dst := filepath.Join(dir, rel)
		if e.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := builtinImages.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// yamlError turns a YAML syntax error into an Error with its line.
func YAMLError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
		msg = strings.TrimSpace(msg[strings.IndexByte(msg, ':')+1:])
	}
	return &Error{File: file, Line: line, Msg: msg}
}

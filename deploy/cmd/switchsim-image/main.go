// Command switchsim-image builds switchsim's OCI image with no daemon
// and no container runtime (make image):
//
//	switchsim-image --bin bin/switchsim-static --images scenario/images --out bin/switchsim-image.tar --layout bin/switchsim-oci
//
// --out is a docker-archive tarball (docker load -i, podman load -i);
// --layout an OCI image layout directory (skopeo copy oci:DIR ...). It
// prints the image's digest and size.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"

	"github.com/switchsim/switchsim/deploy/image"
)

func main() {
	bin := flag.String("bin", "bin/switchsim-static", "the static switchsim `binary` (CGO_ENABLED=0 go build -trimpath)")
	images := flag.String("images", "scenario/images", "the images `directory` to put at /images")
	out := flag.String("out", "bin/switchsim-image.tar", "docker-archive `tarball` to write (docker load -i, podman load -i)")
	lay := flag.String("layout", "", "OCI image layout `directory` to write too (\"\": none)")
	tag := flag.String("tag", "switchsim:latest", "the `name` the tarball loads as")
	arch := flag.String("arch", "amd64", "the binary's `architecture`")
	flag.Parse()
	created := time.Unix(0, 0)
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			fail(fmt.Errorf("SOURCE_DATE_EPOCH=%q: %w", s, err))
		}
		created = time.Unix(n, 0)
	}
	img, err := image.Build(image.Options{Binary: *bin, Images: *images, Created: created, Arch: *arch})
	if err != nil {
		fail(err)
	}
	ref, err := name.NewTag(*tag)
	if err != nil {
		fail(err)
	}
	if err := tarball.WriteToFile(*out, ref, img); err != nil {
		fail(err)
	}
	if *lay != "" {
		os.RemoveAll(*lay)
		if _, err := layout.Write(*lay, mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: img})); err != nil {
			fail(err)
		}
	}
	d, err := img.Digest()
	if err != nil {
		fail(err)
	}
	size, err := image.UncompressedSize(img)
	if err != nil {
		fail(err)
	}
	cd, err := img.ConfigName()
	if err != nil {
		fail(err)
	}
	fmt.Printf("switchsim-image: %s: manifest %s, image ID (config) %s, %.1f MB uncompressed -> %s\n", *tag, d, cd, float64(size)/1e6, *out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "switchsim-image:", err)
	os.Exit(1)
}

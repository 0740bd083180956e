package sros

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/sros"
)

// A CPM's compact flash cf3:, as file dir and file type show it: the
// BOF, the boot loader, the saved config, and a directory per release in
// its BOF with the release's images. The contents are rendered from the
// model (the images the CPM's flash holds, its saved config and when it
// was written); sizes not given by the image are our estimates.

// flashCapacity is a CPM's compact flash size (an estimate: 2 GB).
const flashCapacity = 2 * 1000 * 1000 * 1000

// file is one entry of a CPM's compact flash.
type file struct {
	path string // relative to cf3:\, "\" between levels
	dir  bool
	size int64
	at   time.Time
	text func() string
}

// flashFiles lists a CPM's compact flash.
func flashFiles(c *model.Chassis, m *model.Module) []file {
	var out []file
	seen := map[string]bool{}
	for _, im := range m.Flash {
		if im == nil || seen[im.Version] {
			continue
		}
		seen[im.Version] = true
		dir := "TiMOS-" + im.Version
		out = append(out, file{path: dir, dir: true, at: im.Built})
		for _, f := range []struct {
			name string
			size int64
		}{{"boot.ldr", 9342208}, {"cpm.tim", im.Size}, {"iom.tim", im.Size * 3 / 4}, {"support.tim", im.Size / 4}} {
			out = append(out, file{path: dir + `\` + f.name, size: f.size, at: im.Built})
		}
	}
	boot := savedAt(c, nil)
	bof := bofFile(c, m)
	out = append(out, file{path: "bof.cfg", size: int64(len(bof)), at: boot, text: func() string { return bof }})
	if im := m.Flash[m.BootedBank]; im != nil {
		out = append(out, file{path: "boot.ldr", size: 9342208, at: im.Built})
	}
	if cf := m.Startup(); cf != nil {
		text := savedFileText(c, m)
		out = append(out, file{path: configFile, size: int64(len(text)), at: savedAt(c, cf), text: func() string { return text }})
	}
	out = append(out, file{path: "nvsys.info", size: 321, at: boot})
	return out
}

// bofFile is the bof.cfg a CPM's flash holds.
func bofFile(c *model.Chassis, m *model.Module) string {
	im := m.Running
	if im == nil {
		im = m.Flash[m.BootedBank]
	}
	return configHeader(im, savedAt(c, nil)) + "\n" + bofLines(c, m)
}

// dirTime is a file's time in a listing: "07/15/2025  04:57p".
func dirTime(t time.Time) string {
	t = t.UTC()
	ap := "a"
	if t.Hour() >= 12 {
		ap = "p"
	}
	return t.Format("01/02/2006  03:04") + ap
}

// dirText is file dir of path on a CPM's flash.
func dirText(c *model.Chassis, m *model.Module, slot, path string) string {
	var b strings.Builder
	b.WriteString("\n" + fmt.Sprintf(tx.DirVolume, slot, slot) + "\n")
	files := flashFiles(c, m)
	var list []file
	dirs := 0
	switch {
	case path == "":
		b.WriteString(`Directory of cf3:\` + "\n\n")
		for _, f := range files {
			if !strings.Contains(f.path, `\`) {
				list = append(list, f)
			}
		}
	default:
		var hit *file
		for i, f := range files {
			if strings.EqualFold(f.path, path) {
				hit = &files[i]
			}
		}
		if hit == nil {
			return b.String() + tx.FileNotFound + "\n"
		}
		if !hit.dir {
			b.WriteString(`Directory of cf3:\` + "\n\n")
			list = []file{*hit}
			break
		}
		b.WriteString(`Directory of cf3:\` + hit.path + "\n\n")
		list = append(list, file{path: "./", dir: true, at: hit.at}, file{path: "../", dir: true, at: hit.at})
		for _, f := range files {
			if strings.HasPrefix(strings.ToLower(f.path), strings.ToLower(hit.path)+`\`) {
				f.path = f.path[len(hit.path)+1:]
				list = append(list, f)
			}
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].path == "./" || list[i].path == "../" || list[j].path == "./" || list[j].path == "../" {
			return false
		}
		return strings.ToLower(list[i].path) < strings.ToLower(list[j].path)
	})
	var bytes, used int64
	nfiles := 0
	for _, f := range list {
		if f.dir {
			dirs++
			name := f.path
			if !strings.HasSuffix(name, "/") {
				name += "/"
			}
			b.WriteString(fmt.Sprintf("%s      <DIR>          %s\n", dirTime(f.at), name))
			continue
		}
		nfiles++
		bytes += f.size
		b.WriteString(fmt.Sprintf("%s%20d %s\n", dirTime(f.at), f.size, f.path))
	}
	for _, f := range files {
		used += f.size
	}
	free := int64(flashCapacity) - used
	if m.FlashFault == model.FlashFull || free < 0 {
		free = 0
	}
	b.WriteString(fmt.Sprintf("%16d File(s)%23d bytes.\n", nfiles, bytes))
	b.WriteString(fmt.Sprintf("%16d Dir(s)%24d bytes free.\n", dirs, free))
	return b.String()
}

// text of a file for file type (the files whose contents are modelled).
func (f file) textOr() string {
	if f.text == nil {
		return ""
	}
	return f.text()
}

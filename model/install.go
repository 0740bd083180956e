package model

import "errors"

// Staged images: software downloaded to a module's storage and installed
// into one of its banks later, as a step of its own (EXOS "download
// image", answered "no" to installing, then "install image").

// Errors of installing.
var (
	ErrNoSuchFile = errors.New("model: no such file")
	ErrBootedBank = errors.New("model: the bank is the one the module runs from")
)

// stage keeps a downloaded image, replacing one of the same file name.
func (m *Module) stage(im *Image) {
	for i, s := range m.Staged {
		if s.File == im.File {
			m.Staged[i] = im
			return
		}
	}
	m.Staged = append(m.Staged, im)
}

// StagedImage finds a staged image by its file name.
func (m *Module) StagedImage(file string) *Image {
	for _, s := range m.Staged {
		if s.File == file {
			return s
		}
	}
	return nil
}

// StartInstall installs module i's staged image file into bank b, which
// becomes the bank the module boots next; the staged file is used up.
// The bank the module runs from cannot be installed to. The install ends
// on a timer (Timings.InstallRate) with an EvTransfer event.
func (c *Chassis) StartInstall(i int, file string, b Bank) (*Transfer, error) {
	a := c.Active()
	if a == nil {
		return nil, ErrNoActive
	}
	m := c.Module(i)
	if m == nil {
		return nil, ErrNoSuchModule
	}
	if !m.takesTransfers() {
		return nil, ErrNotPresent
	}
	img := m.StagedImage(file)
	if img == nil {
		return nil, ErrNoSuchFile
	}
	if b == m.BootedBank {
		return nil, ErrBootedBank
	}
	if c.transfer != nil && !c.transfer.Done {
		return nil, ErrBusy
	}
	t := &Transfer{Module: i, Bank: b, Image: img.Clone(), File: file, Started: c.now, Install: true}
	c.runTransfer(t, a, m, c.rateDuration(img.Size, c.Timings.InstallRate), func() {
		im := t.Image.Clone()
		im.Installed = c.now
		m.Flash[b] = im
		m.DefaultBank = b
		for k, s := range m.Staged {
			if s.File == file {
				m.Staged = append(m.Staged[:k], m.Staged[k+1:]...)
				break
			}
		}
		c.touch()
		c.finishTransfer(nil)
	})
	return t, nil
}

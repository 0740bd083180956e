package exos

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	tx "github.com/switchsim/switchsim/prompts/exos"
)

// ask asks a single-key question, answered by y or n (echoed Yes or
// No); with cli prompting disabled it is not asked and takes its yes
// action. enterCancels: Enter is an answer and cancels ("<cr> - cancel").
func (x *ctx) ask(q string, enterCancels bool) (commands.Answer, error) {
	if x.sh.noPrompting || x.S.Exec {
		return commands.Yes, nil
	}
	return x.T.Ask(commands.Question{Text: q, Cancel: true, EnterAnswers: enterCancels, Enter: commands.Cancel,
		Echo: func(a commands.Answer) string {
			switch a {
			case commands.Yes:
				return tx.YesEcho
			case commands.No:
				return tx.NoEcho
			}
			return ""
		}})
}

// yes asks a (y/N) question.
func (x *ctx) yes(q string) (bool, error) {
	a, err := x.ask(q, false)
	return a == commands.Yes, err
}

// caretAt fails the command with the invalid-input error under the
// token of parameter name.
func (x *ctx) caretAt(name string) error {
	off := 0
	if tk, ok := x.M.Token(name); ok {
		off = tk.Offset
	}
	x.Print(caret(len(x.prompt)+off) + tx.InvalidInput + "\n")
	return commands.ErrFailed
}

// log adds a vendor line ("Sev|Component|Format") with its arguments.
func (x *ctx) log(c *model.Chassis, line string, args ...any) {
	f := strings.SplitN(line, "|", 3)
	c.AddLog(model.LogEntry{Severity: f[0], Subsystem: f[1], Text: fmt.Sprintf(f[2], args...)})
}

// Show commands: rendered under the lock, printed after.

func showSwitch(x *ctx) error {
	return x.Render(func(c *model.Chassis) string { return ShowSwitch(c, x.S.Module) })
}

func showVersion(x *ctx) error {
	if x.Has("images") {
		return x.Render(ShowVersionImages)
	}
	return x.Render(func(c *model.Chassis) string { return ShowVersion(c, x.S.Module) })
}

func showLog(x *ctx) error  { return x.Render(ShowLog) }
func showSlot(x *ctx) error { return x.Render(ShowSlot) }
func showVLAN(x *ctx) error { return x.Render(ShowVLAN) }

func showConfiguration(x *ctx) error {
	module := x.Value("MODULE")
	if module != "" && !knownModule(module) {
		return x.caretAt("MODULE")
	}
	return x.Render(func(c *model.Chassis) string { return ConfigText(c, c.Running, module) })
}

// debugShowFile prints a saved configuration file as show configuration
// prints the running one.
func debugShowFile(x *ctx) error {
	file := x.Value("FILE")
	if !strings.HasSuffix(file, ".cfg") {
		file += ".cfg"
	}
	var text string
	found := false
	x.View(func(c *model.Chassis) {
		if a := c.Active(); a != nil && a.Configs[file] != nil {
			found = true
			text = ConfigText(c, a.Configs[file], "")
		}
	})
	if !found {
		return x.Fail(fmt.Sprintf(tx.ConfigNotFound, file))
	}
	x.Print(text)
	return nil
}

// Session settings.

func disableClipaging(x *ctx) error { x.S.Paging = false; return nil }
func enableClipaging(x *ctx) error  { x.S.Paging = true; return nil }
func disablePrompting(x *ctx) error { x.sh.noPrompting = true; return nil }
func enablePrompting(x *ctx) error  { x.sh.noPrompting = false; return nil }

func cliColumns(x *ctx) error {
	n, _ := strconv.Atoi(x.Value("COLUMNS"))
	x.S.Width = n
	return nil
}

// selectedConfig is the configuration file the master uses.
func selectedConfig(c *model.Chassis) string {
	if a := c.Active(); a != nil {
		return a.BankConfig[a.BootedBank]
	}
	return profile.Defaults.ConfigFile
}

// logout ends the session; with unsaved changes it asks whether to save
// them first (Enter or ^C stays).
func logout(x *ctx) error {
	unsaved := false
	file := ""
	x.View(func(c *model.Chassis) { unsaved, file = c.Unsaved(), selectedConfig(c) })
	if unsaved && x.S.Manager && !x.sh.backup {
		a, err := x.ask(fmt.Sprintf(tx.LogoutSave, file), false)
		if err != nil {
			return err
		}
		switch a {
		case commands.Cancel:
			return nil
		case commands.Yes:
			if err := x.save(file); err != nil {
				return err
			}
		}
	}
	return commands.ErrLogout
}

// Configuration.

// save writes the running configuration to file on both MSMs.
func (x *ctx) save(file string) error {
	backup := false
	err := x.Do(func(c *model.Chassis) error {
		if err := c.SaveConfig(file); err != nil {
			return err
		}
		backup = c.CanSwitchover()
		x.log(c, tx.LogSaved, file)
		return nil
	})
	if err != nil {
		return err
	}
	x.Print(fmt.Sprintf(tx.Saving, file) + "\n")
	if backup {
		x.Print(tx.SavingBackup + "\n")
	}
	return nil
}

func saveConfiguration(x *ctx) error {
	var file string
	exists := false
	x.View(func(c *model.Chassis) {
		file = selectedConfig(c)
		switch {
		case x.Has("primary"):
			file = "primary.cfg"
		case x.Has("secondary"):
			file = "secondary.cfg"
		}
		if a := c.Active(); a != nil {
			exists = a.Configs[file] != nil
		}
	})
	q := fmt.Sprintf(tx.SaveNew, file)
	if exists {
		q = fmt.Sprintf(tx.SaveOverwrite, file)
		if !x.sh.noPrompting {
			x.Print(fmt.Sprintf(tx.SaveExists, file) + "\n")
		}
	}
	ok, err := x.yes(q)
	if err != nil || !ok {
		return err
	}
	return x.save(file)
}

func snmpSet(x *ctx) error {
	return x.Do(func(c *model.Chassis) error {
		return c.Configure(func(cf *model.Config) error {
			switch {
			case x.Has("sysName"):
				cf.Hostname = x.Value("NAME")
			case x.Has("sysContact"):
				cf.Contact = x.Value("CONTACT")
			default:
				cf.Location = x.Value("LOCATION")
			}
			return nil
		})
	})
}

// findVLAN finds a VLAN by name; EXOS names are not case-sensitive.
func findVLAN(cf *model.Config, name string) *model.VLAN {
	for i := range cf.VLANs {
		if strings.EqualFold(cf.VLANs[i].Name, name) {
			return &cf.VLANs[i]
		}
	}
	return nil
}

func sortVLANs(cf *model.Config) {
	sort.Slice(cf.VLANs, func(i, j int) bool { return cf.VLANs[i].ID < cf.VLANs[j].ID })
}

// errShown: the handler printed its own error already.
var errShown = errors.New("exos: error shown")

// configureVLAN changes the running configuration; fn prints its own
// errors (returning errShown), and an unknown VLAN is a caret error.
func (x *ctx) configureVLAN(fn func(c *model.Chassis, cf *model.Config, v *model.VLAN) error) error {
	unknown := false
	err := x.Do(func(c *model.Chassis) error {
		return c.Configure(func(cf *model.Config) error {
			v := findVLAN(cf, x.Value("NAME"))
			if v == nil {
				unknown = true
				return errShown
			}
			return fn(c, cf, v)
		})
	})
	switch {
	case unknown:
		return x.caretAt("NAME")
	case errors.Is(err, errShown):
		return commands.ErrFailed
	}
	return err
}

func createVLAN(x *ctx) error {
	name := x.Value("NAME")
	tag, tagged := x.M.Value("TAG")
	var msg string
	err := x.Do(func(c *model.Chassis) error {
		return c.Configure(func(cf *model.Config) error {
			if findVLAN(cf, name) != nil {
				msg = fmt.Sprintf(tx.VLANExists, name)
				return errShown
			}
			v := model.VLAN{Name: name}
			if tagged {
				v.ID, _ = strconv.Atoi(tag)
				if o := cf.VLAN(v.ID); o != nil {
					msg = fmt.Sprintf(tx.TagInUse, v.ID, o.Name)
					return errShown
				}
			} else {
				// a VLAN without a tag gets a free number from the top
				v.NoTag = true
				for id := 4094; id > 1; id-- {
					if cf.VLAN(id) == nil {
						v.ID = id
						break
					}
				}
			}
			cf.VLANs = append(cf.VLANs, v)
			sortVLANs(cf)
			return nil
		})
	})
	if msg != "" {
		return x.Fail(msg)
	}
	return err
}

func tagVLAN(x *ctx) error {
	tag, _ := strconv.Atoi(x.Value("TAG"))
	var msg string
	err := x.configureVLAN(func(c *model.Chassis, cf *model.Config, v *model.VLAN) error {
		if o := cf.VLAN(tag); o != nil && o != v {
			msg = fmt.Sprintf(tx.TagInUse, tag, o.Name)
			return errShown
		}
		v.ID, v.NoTag = tag, false
		sortVLANs(cf)
		return nil
	})
	if msg != "" {
		x.Print(msg + "\n")
	}
	return err
}

// portList reads the PORTS parameter: every port must exist.
func (x *ctx) portList(c *model.Chassis) ([]string, bool) {
	ports, bad := ParsePorts(x.Value("PORTS"))
	if bad != "" || len(ports) == 0 {
		return nil, false
	}
	for _, p := range ports {
		if !c.HasPort(p) {
			return nil, false
		}
	}
	return ports, true
}

func remove(list []string, p string) []string {
	out := list[:0:0]
	for _, q := range list {
		if q != p {
			out = append(out, q)
		}
	}
	return out
}

func has(list []string, p string) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}

func addPorts(x *ctx) error {
	badPorts := false
	var msg string
	err := x.configureVLAN(func(c *model.Chassis, cf *model.Config, v *model.VLAN) error {
		ports, ok := x.portList(c)
		if !ok {
			badPorts = true
			return errShown
		}
		for _, p := range ports {
			if x.Has("tagged") {
				v.Untagged = remove(v.Untagged, p)
				if !has(v.Tagged, p) {
					v.Tagged = append(v.Tagged, p)
				}
				continue
			}
			for i := range cf.VLANs {
				o := &cf.VLANs[i]
				if o != v && has(o.Untagged, p) {
					msg = fmt.Sprintf(tx.UntaggedConflict, p)
					return errShown
				}
			}
			v.Tagged = remove(v.Tagged, p)
			if !has(v.Untagged, p) {
				v.Untagged = append(v.Untagged, p)
			}
		}
		return nil
	})
	switch {
	case badPorts:
		return x.caretAt("PORTS")
	case msg != "":
		x.Print(msg + "\n")
	}
	return err
}

func deletePorts(x *ctx) error {
	badPorts := false
	err := x.configureVLAN(func(c *model.Chassis, cf *model.Config, v *model.VLAN) error {
		ports, ok := x.portList(c)
		if !ok {
			badPorts = true
			return errShown
		}
		for _, p := range ports {
			v.Untagged = remove(v.Untagged, p)
			v.Tagged = remove(v.Tagged, p)
		}
		return nil
	})
	if badPorts {
		return x.caretAt("PORTS")
	}
	return err
}

func deleteVLAN(x *ctx) error {
	isDefault := false
	err := x.configureVLAN(func(c *model.Chassis, cf *model.Config, v *model.VLAN) error {
		if v.ID == 1 && !v.NoTag {
			isDefault = true
			return errShown
		}
		for i := range cf.VLANs {
			if &cf.VLANs[i] == v {
				cf.VLANs = append(cf.VLANs[:i], cf.VLANs[i+1:]...)
				break
			}
		}
		return nil
	})
	if isDefault {
		x.Print(tx.DefaultVLAN + "\n")
	}
	return err
}

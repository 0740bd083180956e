// Package prompts holds vendor texts (prompts, dialogs, errors, help
// columns, banners) as data, each written once with its source. Texts that
// no manual figure or real capture gives are marked NoSource, so README
// can list every guess in one place instead of scattering them in code.
package prompts

import (
	"sort"
	"strings"
	"sync"
)

// Source labels. A text's source names where its words come from.
const (
	NoSource = "no source"
)

// Entry is one registered text.
type Entry struct {
	Vendor string
	Name   string
	Text   string
	Source string
}

var (
	mu      sync.Mutex
	entries []Entry
)

// Register records a text and returns it, so vendor packages can declare
// texts as plain string variables:
//
//	var PressAnyKey = prompts.Register("procurve", "press-any-key", "Press any key to continue", "capture ...")
func Register(vendor, name, text, source string) string {
	if name == "" || source == "" {
		panic("prompts: text " + vendor + "/" + name + " registered without a name or source")
	}
	mu.Lock()
	defer mu.Unlock()
	for _, e := range entries {
		if e.Vendor == vendor && e.Name == name {
			panic("prompts: text " + vendor + "/" + name + " registered twice")
		}
	}
	entries = append(entries, Entry{Vendor: vendor, Name: name, Text: text, Source: source})
	return text
}

// All lists the registered texts, by vendor and name.
func All() []Entry {
	mu.Lock()
	defer mu.Unlock()
	out := append([]Entry(nil), entries...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Vendor != out[j].Vendor {
			return out[i].Vendor < out[j].Vendor
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Unsourced lists the texts that no source gives.
func Unsourced() []Entry {
	var out []Entry
	for _, e := range All() {
		if strings.HasPrefix(e.Source, NoSource) {
			out = append(out, e)
		}
	}
	return out
}

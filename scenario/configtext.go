package scenario

import (
	"go.yaml.in/yaml/v3"

	"github.com/switchsim/switchsim/model"
)

// configText reads a configuration's "text:", the configuration as the
// vendor writes it (a Junos configuration), with the vendor's reader; an
// error names the line inside the text.
func (p *parse) configText(m *Map, cf *model.Config, path string) {
	n, ok := m.Scalar("text")
	if !ok {
		return
	}
	if p.prof.ReadConfig == nil {
		p.d.Fail(n, path+".text", "%s takes no configuration text", p.def.Called)
		return
	}
	line, err := p.prof.ReadConfig(cf, n.Value)
	if err == nil {
		return
	}
	at := *n
	if n.Style == yaml.LiteralStyle || n.Style == yaml.FoldedStyle {
		at.Line = n.Line + line // the text starts on the line after the indicator
	}
	p.d.Fail(&at, path+".text", "%v", err)
}

package scenario

import (
	"fmt"

	"github.com/switchsim/switchsim/model"
	"go.yaml.in/yaml/v3"
)

// tree reads a configuration tree (model.Stmt) for vendors that keep
// their configuration as statements: a mapping whose keys are statements
// in order; a key's value is the statement's value (a scalar), the values
// of a leaf that takes several (a list of scalars), the statements inside
// it (a mapping), or nothing (a leaf without a value):
//
//	tree:
//	  port 1/1/1:
//	    description: to core
//	    no shutdown:
func (d *Decoder) tree(n *yaml.Node, path string) []*model.Stmt {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.Fail(n, path, "expected a mapping of statements")
		return nil
	}
	var out []*model.Stmt
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "" {
			d.Fail(k, path, "a statement must be a non-empty word")
			continue
		}
		p := fmt.Sprintf("%s[%s]", path, k.Value)
		s := &model.Stmt{Key: k.Value}
		switch {
		case v.Tag == "!!null":
		case v.Kind == yaml.ScalarNode:
			s.Value = v.Value
		case v.Kind == yaml.SequenceNode:
			for _, e := range v.Content {
				if e.Kind != yaml.ScalarNode {
					d.Fail(e, p, "expected a list of values")
					break
				}
				s.Values = append(s.Values, e.Value)
			}
		case v.Kind == yaml.MappingNode:
			s.Kids = d.tree(v, p)
		default:
			d.Fail(v, p, "expected a value, a list of values or statements")
		}
		out = append(out, s)
	}
	return out
}

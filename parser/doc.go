// Package parser turns command spec strings into one graph per CLI mode and
// uses that single graph for execution, Tab completion and `?` help, so the
// three can never disagree.
//
// A spec is a line of tokens separated by spaces:
//
//	word              a keyword, matched by unique prefix when the policy allows
//	<a|b|c>           one keyword out of several
//	[ ... ]           an optional part (may hold a sequence, may nest)
//	NAME:type         a parameter; NAME is what help shows and what the
//	                  handler asks for, type is a registered parameter type
//	                  such as ipv4, word, string, text or int(1-4094)
//
// Each token carries one help line, given in the order the tokens appear.
// The parser knows nothing about any vendor or about the chassis: vendors
// supply the specs, the parameter types and a matching Policy, and render
// the errors and help items in their own words.
package parser

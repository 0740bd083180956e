package parser

import (
	"errors"
	"fmt"
)

// ErrorKind says why a line did not match. Vendors print each kind in
// their own words (ProCurve "Invalid input: x", Junos "syntax error").
type ErrorKind int

const (
	ErrInvalid      ErrorKind = iota + 1 // no command continues with this token
	ErrAmbiguous                         // the token is a prefix of several keywords
	ErrIncomplete                        // the line ended before a command was complete
	ErrUnterminated                      // a double quote was left open
	ErrBadValue                          // the token has the right place but a bad value (range, format)
)

func (k ErrorKind) String() string {
	switch k {
	case ErrInvalid:
		return "invalid"
	case ErrAmbiguous:
		return "ambiguous"
	case ErrIncomplete:
		return "incomplete"
	case ErrUnterminated:
		return "unterminated quote"
	case ErrBadValue:
		return "bad value"
	}
	return "unknown"
}

// Error is a matching failure with the failing token and its byte offset.
// For ErrIncomplete the offset is the end of the line and Token is the last
// token typed (empty for an empty line).
type Error struct {
	Kind   ErrorKind
	Token  string
	Offset int
	// Candidates holds the keywords an ambiguous token could mean.
	Candidates []string
	// Detail is the parameter type's complaint for ErrBadValue.
	Detail string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s input at %d: %q", e.Kind, e.Offset, e.Token)
}

// AsError unwraps err into *Error.
func AsError(err error) (*Error, bool) {
	var pe *Error
	ok := errors.As(err, &pe)
	return pe, ok
}

// SpecError reports a command spec that cannot be compiled. It is raised
// when a vendor's graph is built at start-up, never while serving.
type SpecError struct {
	Spec string
	Msg  string
}

func (e *SpecError) Error() string { return fmt.Sprintf("spec %q: %s", e.Spec, e.Msg) }

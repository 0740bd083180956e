package procurve

import (
	"errors"

	"github.com/switchsim/switchsim/commands"
)

// abandoned is what a handler returns when ^C at one of its typed prompts
// (commands.ErrCancelled) abandoned the dialog: nothing changed and the
// CLI is back at its prompt, still logged in; any other error is kept.
func abandoned(err error) error {
	if errors.Is(err, commands.ErrCancelled) {
		return nil
	}
	return err
}

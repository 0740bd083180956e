package main

import "errors"

// replay is not built yet.
func replay(args []string) error { return errors.New("replay: not built yet") }

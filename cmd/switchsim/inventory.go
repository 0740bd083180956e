package main

import "errors"

// inventory is not built yet.
func inventory(args []string) error { return errors.New("inventory: not built yet") }

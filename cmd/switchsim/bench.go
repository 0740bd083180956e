package main

import "errors"

// bench is not built yet.
func bench(args []string) error { return errors.New("bench: not built yet") }

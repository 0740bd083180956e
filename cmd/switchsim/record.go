package main

import "errors"

// record is not built yet.
func record(args []string) error { return errors.New("record: not built yet") }

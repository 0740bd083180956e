package main

import "errors"

func record(args []string) error    { return errors.New("record: not built yet") }
func replay(args []string) error    { return errors.New("replay: not built yet") }
func inventory(args []string) error { return errors.New("inventory: not built yet") }
func bench(args []string) error     { return errors.New("bench: not built yet") }

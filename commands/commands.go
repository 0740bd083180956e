// Package commands defines what a vendor is to the rest of switchsim: a
// Shell per CLI session (prompt, help, completion, execution), the boot
// output and module-state texts of its consoles, and the rules it gives the
// chassis. Vendor folders (procurve/, later exos/, sros/, junos/) implement
// it; the console drives it without knowing any vendor.
package commands

import (
	"errors"
	"time"

	"github.com/switchsim/switchsim/model"
)

// Errors a Shell returns from Run.
var (
	// ErrLogout ends the session (logout, exit at the top level).
	ErrLogout = errors.New("commands: logout")
	// ErrFailed marks a command that printed an error (for exec exit status).
	ErrFailed = errors.New("commands: command failed")
	// ErrInterrupted: the session was interrupted (its module changed role
	// or the connection closed) while the command waited.
	ErrInterrupted = errors.New("commands: interrupted")
)

// Answer is the reply to a single-key question.
type Answer int

const (
	No Answer = iota
	Yes
	Cancel // ^C where the question offers it
)

// Terminal is the session's screen and keyboard as a handler sees them.
// The console implements it; handlers never see bytes or escape codes.
type Terminal interface {
	// Print writes screen text; "\n" ends a line. Command output goes
	// through the pager.
	Print(s string)
	// Confirm asks a single-key [y/n] question (the question text includes
	// its own "[y/n]? "); cancel makes ^C an answer (Cancel).
	Confirm(question string, cancel bool) (Answer, error)
	// ReadLine prompts for a line (user names, passwords); echo false
	// hides what is typed.
	ReadLine(prompt string, echo bool) (string, error)
	// AnyKey waits for one key ("Press any key to continue").
	AnyKey() error
	// Wait blocks until cond (checked under the chassis lock after every
	// change) is true, or the session is interrupted.
	Wait(cond func(c *model.Chassis) bool) error
}

// Host is the chassis a session runs against. Mutations go through Do,
// which locks, brings the model's clock to now, runs fn and delivers the
// events after unlocking.
type Host interface {
	Do(fn func(c *model.Chassis) error) error
	View(fn func(c *model.Chassis))
	// TFTP fetches an image description from the TFTP stand-in, and
	// TFTPPut stores a file sent to it (copy crash-log).
	TFTP(server, file string) (*model.Image, error)
	TFTPPut(server, file string, data []byte) error
	// KillOthers ends the other CLI sessions of the active module ("kill").
	KillOthers(s *Session) int
	Now() time.Time
}

// TFTP stand-in errors (each vendor prints its own text).
var (
	ErrTFTPNotFound    = errors.New("tftp: file not found")
	ErrTFTPUnreadable  = errors.New("tftp: file not readable")
	ErrTFTPUnreachable = errors.New("tftp: server unreachable")
	ErrTFTPBadImage    = errors.New("tftp: not a software image")
)

// Session is one CLI session's state, shared by the console and the
// vendor's handlers.
type Session struct {
	Host      Host
	Module    int    // management module index the CLI runs on
	Transport string // "SSH", "TELNET" or "CONSOLE"
	Peer      string // remote address
	User      string
	Manager   bool // manager (privileged) level
	// Exec: one command from ssh exec; no banner, no pager, no dialogs.
	Exec bool
	// Width and Height of the terminal; terminal width/length and
	// window-change set them.
	Width, Height int
	// Paging: the pager is on for this session.
	Paging bool
	// Mode and Context are the vendor's CLI position (e.g. config mode,
	// "vlan-10").
	Mode    int
	Context string
	// OnLogin, when set, is called once the session is past its login
	// (its first prompt); OnAuthFail after each wrong login the shell
	// itself asks for (telnet), to slow a guesser down.
	OnLogin    func()
	OnAuthFail func()
}

// Origin is how the session appears in crash records.
func (s *Session) Origin() model.Origin {
	return model.Origin{Session: s.Transport, Peer: s.Peer}
}

// Shell is a vendor's CLI for one session.
type Shell interface {
	// Welcome prints what comes before the first prompt (banner, "Press
	// any key") on an interactive session.
	Welcome(t Terminal) error
	// Prompt is the prompt for the current mode.
	Prompt() string
	// Run executes one line. ErrLogout ends the session; ErrFailed says
	// the command printed an error.
	Run(t Terminal, line string) error
	// Help is the `?` output for the line typed so far.
	Help(line string) string
	// Complete returns what Tab inserts, and a listing to show when the
	// word is ambiguous.
	Complete(line string) (insert string, listing string)
}

// Vendor is one vendor's CLI and console texts.
type Vendor interface {
	Name() string
	// Shell returns the CLI for a session on a module in the given state
	// (the active CLI, or the standby's small one).
	Shell(s *Session, state model.State) Shell
	// Boot renders a piece of boot output for module i's console.
	Boot(out model.ConsoleOut, c *model.Chassis, i int) string
	// Idle is what a console shows when its module runs no CLI (absent,
	// failed, shut down, offline), or "" to show nothing.
	Idle(c *model.Chassis, i int) string
	// Prepare gives the chassis the vendor's rules.
	Prepare(c *model.Chassis)
	// Pager is the pager prompt shown after a screenful.
	Pager() string
}
